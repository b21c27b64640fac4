import { readFile, readdir, readlink } from 'node:fs/promises';
import { ProviderError, type Provider, type ProviderContext, type ProviderRow } from '../../provider.js';

/**
 * Small readers shared by the hardware and OS providers. Files under /proc, /sys and /etc may be absent
 * (containers, other distributions) or unreadable (non-root): callers get null and fill "" or null,
 * because a missing detail is not a failure a user needs to read.
 */

/** Throws the standard cancellation error when the query was cancelled. */
export function checkAborted(signal: AbortSignal, entity: string): void {
  if (signal.aborted) throw new ProviderError(`${entity}: cancelled`);
}

/** The file's text, or null when it is absent or unreadable. */
export async function readText(path: string, signal: AbortSignal): Promise<string | null> {
  try {
    return await readFile(path, { encoding: 'utf8', signal });
  } catch (e) {
    if ((e as { name?: string }).name === 'AbortError') throw e;
    return null;
  }
}

/** The file's first line without surrounding blanks, or "" (sysfs attributes end with a newline). */
export async function readAttr(path: string, signal: AbortSignal): Promise<string> {
  const text = await readText(path, signal);
  if (text === null) return '';
  const nl = text.indexOf('\n');
  return (nl < 0 ? text : text.slice(0, nl)).trim();
}

/** A numeric sysfs attribute, or null. */
export async function readNumber(path: string, signal: AbortSignal): Promise<number | null> {
  const s = await readAttr(path, signal);
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export async function listDir(path: string): Promise<string[]> {
  try {
    return await readdir(path);
  } catch {
    return [];
  }
}

export async function linkTarget(path: string): Promise<string | null> {
  try {
    return await readlink(path);
  } catch {
    return null;
  }
}

/** Parses `Key: value` lines (/proc/meminfo, /proc/cpuinfo blocks). */
export function parseColonLines(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) out.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return out;
}

/** Races a promise that cannot itself be aborted (statfs on a dead network mount) with the signal. */
export function untilAborted<T>(p: Promise<T>, signal: AbortSignal, entity: string): Promise<T> {
  if (signal.aborted) return Promise.reject(new ProviderError(`${entity}: cancelled`));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new ProviderError(`${entity}: cancelled`));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => { signal.removeEventListener('abort', onAbort); resolve(v); },
      (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e instanceof Error ? e : new Error(String(e))); },
    );
  });
}

function isAbort(e: unknown): boolean {
  return (e as { name?: string } | null)?.name === 'AbortError';
}

/**
 * A Linux provider whose cancellation, wherever it lands (a file read, a timer), surfaces as the
 * entity's ProviderError rather than a bare AbortError.
 */
export function linuxProvider(entity: string, collect: (ctx: ProviderContext) => AsyncIterable<ProviderRow>): Provider {
  return {
    entity,
    platform: 'linux',
    async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
      try {
        checkAborted(ctx.signal, entity);
        yield* collect(ctx);
      } catch (e) {
        if (isAbort(e)) throw new ProviderError(`${entity}: cancelled`, { cause: e });
        throw e;
      }
    },
  };
}
