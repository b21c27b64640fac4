/**
 * The browser's side of the REST APIs: the cloud's (admin center) and the site's (console) share the
 * AdminService shape, so one client serves both. Errors keep the server's `{error:{code,message}}`.
 */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: readonly ApiErrorDetail[]) {
    super(message);
  }
}

export interface ApiErrorDetail {
  readonly code?: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly start?: number;
  readonly end?: number;
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  del(path: string): Promise<void>;
  /** The Authorization header value, for EventSource-less streaming with fetch. */
  readonly authorization: string;
}

export function createApi(base: string, authorization: string): Api {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(base + path, {
      method,
      headers: { authorization, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (r.status === 204) return undefined as T;
    const text = await r.text();
    const json = text ? (JSON.parse(text) as unknown) : null;
    if (!r.ok) {
      const e = (json as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } } | null)?.error;
      throw new ApiError(r.status, e?.code ?? 'Error', e?.message ?? `${r.status} ${r.statusText}`, e?.details);
    }
    return json as T;
  };
  return {
    authorization,
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b),
    put: (p, b) => call('PUT', p, b),
    del: (p) => call('DELETE', p),
  };
}

/** Polls a CMPivotResult URL while it answers 404 NotReady, as AdminService scripts do. */
export async function pollResult<T>(api: Api, path: string, signal: AbortSignal, intervalMs = 150): Promise<T> {
  for (;;) {
    try {
      return await api.get<T>(path);
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'NotReady' || signal.aborted) throw e;
    }
    await new Promise((res) => setTimeout(res, intervalMs));
  }
}
