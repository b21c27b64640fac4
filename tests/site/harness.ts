/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real processes for end-to-end tests: the site and agents run as `openpivot` commands (from the
 * sources, OPENPIVOT_DEV=1), talk over real sockets, and can be killed like real ones.
 */
export const BIN = fileURLToPath(new URL('../../packages/cli/bin/openpivot.js', import.meta.url));
export const ADMIN_PASSWORD = 'admin-password-for-tests';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `openpivot-${prefix}-`));
}

export interface Proc {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the first stdout/stderr match of `re`. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function spawnOpenpivot(args: readonly string[], env: Readonly<Record<string, string>> = {}): Proc {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, OPENPIVOT_DEV: '1', OPENPIVOT_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer): void => {
    out += d.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => out,
    waitFor(re, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const m = re.exec(out);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${re} in:\n${out.slice(-3000)}`));
        }, timeoutMs);
        listeners.add(check);
        check();
        void exited.then(() => {
          if (listeners.has(check)) {
            listeners.delete(check);
            clearTimeout(timer);
            reject(new Error(`process exited (${child.exitCode}) before ${re}:\n${out.slice(-3000)}`));
          }
        });
      });
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Runs a short openpivot command to its end. */
export async function openpivot(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, OPENPIVOT_DEV: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
  return { code, stdout, stderr };
}

export interface SiteProc extends Proc {
  readonly url: string;
  readonly storeArgs: readonly string[];
}

/** `openpivot site` on a free port; resolves once it listens. */
export async function spawnSite(o: { dataDir?: string; database?: string; nats?: string; port?: number; nodeId?: string; extra?: readonly string[] } = {}): Promise<SiteProc> {
  const storeArgs = o.database ? ['--database', o.database] : ['--data', o.dataDir ?? tempDir('site')];
  const args = ['site', ...storeArgs, '--port', String(o.port ?? 0), '--host', '127.0.0.1', ...(o.nats ? ['--nats', o.nats] : []), ...(o.nodeId ? ['--node-id', o.nodeId] : []), ...(o.extra ?? [])];
  const p = spawnOpenpivot(args);
  const m = await p.waitFor(/listening on (https?:\/\/127\.0\.0\.1:\d+)/);
  return { ...p, url: m[1]!, storeArgs };
}

export async function enrollToken(storeArgs: readonly string[], uses = 1): Promise<string> {
  const r = await openpivot(['site', 'enroll-token', ...storeArgs, '--uses', String(uses)]);
  if (r.code !== 0) throw new Error(`enroll-token failed: ${r.stderr}`);
  return r.stdout.trim();
}

export async function addUser(storeArgs: readonly string[], name: string, role: string, password: string, collection?: string): Promise<void> {
  const r = await openpivot(['site', 'user', 'add', name, '--role', role, ...(collection ? ['--collection', collection] : []), ...storeArgs], { OPENPIVOT_PASSWORD: password });
  if (r.code !== 0) throw new Error(`user add failed: ${r.stderr}`);
}

/** A REST client speaking Basic auth, as scripts against the AdminService do. */
export class Rest {
  constructor(readonly url: string, private readonly user: string, private readonly password: string) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Basic ${Buffer.from(`${this.user}:${this.password}`).toString('base64')}`, ...extra };
  }

  async get(path: string): Promise<{ status: number; body: any }> {
    const r = await fetch(this.url + path, { headers: this.headers() });
    return { status: r.status, body: await r.json().catch(() => null) };
  }

  async post(path: string, body: unknown): Promise<{ status: number; body: any }> {
    const r = await fetch(this.url + path, { method: 'POST', headers: this.headers({ 'content-type': 'application/json' }), body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: r.status, body: await r.json().catch(() => null) };
  }

  /** Polls a CMPivotResult URL while it answers 404 (not ready), as AdminService scripts do. */
  async poll(path: string, timeoutMs = 60_000): Promise<{ status: number; body: any }> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const r = await this.get(path);
      if (r.status !== 404 || r.body?.error?.code !== 'NotReady' || Date.now() > until) return r;
      await new Promise((res) => setTimeout(res, 200));
    }
  }

  /** Waits until the operation has ended (its summary says so). */
  async waitEnded(opId: number, timeoutMs = 60_000): Promise<any> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const r = await this.get(`/AdminService/v1.0/CMPivotOperations(${opId})`);
      if (r.status === 200 && r.body.Status !== 'running') return r.body;
      if (Date.now() > until) throw new Error(`operation ${opId} still running: ${JSON.stringify(r.body)}`);
      await new Promise((res) => setTimeout(res, 200));
    }
  }

  async devices(): Promise<any[]> {
    return (await this.get('/AdminService/v1.0/Device')).body.value;
  }

  /** Waits until `n` devices are online. */
  async waitOnline(n: number, timeoutMs = 60_000): Promise<any[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const online = (await this.devices()).filter((d) => d.IsOnline);
      if (online.length >= n) return online;
      if (Date.now() > until) throw new Error(`only ${online.length} of ${n} devices online`);
      await new Promise((res) => setTimeout(res, 200));
    }
  }
}

/** `openpivot agent` for this machine with its own identity directory. */
export function spawnAgent(siteUrl: string, token: string, dataDir: string = tempDir('agent')): Proc & { dataDir: string } {
  return { ...spawnOpenpivot(['agent', '--site', siteUrl, '--token', token, '--data', dataDir]), dataDir };
}

/** The Authorization header of a Basic login, for clients other than `Rest` (SSE streams). */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export interface SseEvent {
  readonly event: string;
  readonly data: any;
}

/**
 * A Server-Sent Events stream read over real HTTP: every event is kept in order (keep-alive comments
 * are skipped), so a test can wait for one and then look at what came before it.
 */
export class SseStream {
  readonly events: SseEvent[] = [];
  private readonly abort = new AbortController();
  private ended = false;
  private failure: Error | null = null;

  private constructor() {}

  /** Opens the stream; rejects unless the answer is 200 text/event-stream. */
  static async open(url: string, authorization: string): Promise<SseStream> {
    const s = new SseStream();
    const res = await fetch(url, { headers: { authorization, accept: 'text/event-stream' }, signal: s.abort.signal });
    if (res.status !== 200 || !(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      throw new Error(`SSE ${url}: ${res.status} ${res.headers.get('content-type')} ${await res.text()}`);
    }
    void s.read(res.body!);
    return s;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length > 0) this.events.push({ event, data: JSON.parse(data.join('\n')) });
        }
      }
    } catch (e) {
      if (!this.abort.signal.aborted) this.failure = e instanceof Error ? e : new Error(String(e));
    } finally {
      this.ended = true;
    }
  }

  /** The first event named `event`; rejects on timeout, or if the stream ended without one. */
  async waitFor(event: string, timeoutMs = 30_000): Promise<SseEvent> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find((e) => e.event === event);
      if (found) return found;
      const seen = this.events.map((e) => e.event).join(', ');
      if (this.failure) throw new Error(`SSE failed before '${event}' (${seen}): ${this.failure.message}`);
      if (this.ended) throw new Error(`SSE ended without '${event}' (${seen})`);
      if (Date.now() > until) throw new Error(`no '${event}' event within ${timeoutMs} ms (${seen})`);
      await new Promise((res) => setTimeout(res, 50));
    }
  }

  /** Resolves once the server has ended the stream (true) or after `timeoutMs` (false). */
  async endedWithin(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (!this.ended && Date.now() < until) await new Promise((res) => setTimeout(res, 50));
    return this.ended;
  }

  close(): void {
    this.abort.abort();
  }
}
