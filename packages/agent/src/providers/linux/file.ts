import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { badArgument } from '../provider.js';
import { expandHome, glob } from './util/fs-glob.js';
import { modeString, octalPermissions, readIdNames } from './util/fs-owners.js';

/**
 * Files up to this size are read whole (one buffer, one hash update each); larger ones are streamed so
 * that a query over big files holds at most CONCURRENCY × WHOLE_READ_MAX bytes at a time.
 */
export const WHOLE_READ_MAX = 8 << 20;
/**
 * Files in flight at once: opens, stats and reads overlap in libuv's pool while the main thread
 * hashes. Four keeps the default pool (4 threads) busy without queueing behind it.
 */
export const CONCURRENCY = 4;

const NO_HASH = { sha256: '', md5: '' } as const;

/** Both hashes from one read of the file; "" when it cannot be read. */
export async function hashFile(path: string, size: number, signal: AbortSignal): Promise<{ sha256: string; md5: string }> {
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  try {
    if (size <= WHOLE_READ_MAX) {
      // readFile reads to EOF, so a file that grew since the stat is still hashed whole.
      const buf = await readFile(path, { signal });
      sha.update(buf);
      md5.update(buf);
    } else {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, signal }) as AsyncIterable<Buffer>) {
        sha.update(chunk);
        md5.update(chunk);
      }
    }
  } catch {
    return NO_HASH;
  }
  return { sha256: sha.digest('hex').toUpperCase(), md5: md5.digest('hex').toUpperCase() };
}

/** The pattern argument, checked and with ~ expanded (shared with FileContent). */
export function absolutePattern(entity: string, arg: unknown): string {
  if (typeof arg !== 'string' || arg === '') badArgument(entity, 'path', 'is required: a file path such as /etc/hosts');
  const p = expandHome(arg);
  if (!p.startsWith('/')) badArgument(entity, 'path', `must be absolute (or start with ~): '${arg}'`);
  return p;
}

interface Found { path: string; st: Stats; sha256: string; md5: string }

/** One matched path, resolved, checked against the policy, stat'ed and hashed; null when skipped. */
async function examine(path: string, ctx: ProviderContext): Promise<Found | null> {
  if (ctx.signal.aborted) return null;
  let real: string;
  let st: Stats;
  try {
    real = await realpath(path);
    if (!ctx.policy.allows(real)) return null;
    st = await stat(real);
  } catch {
    return null;
  }
  // Only regular files are hashed: reading a FIFO or a device could block or never end.
  const h = st.isFile() ? await hashFile(real, st.size, ctx.signal) : NO_HASH;
  return { path, st, ...h };
}

/**
 * Files the local policy denies are skipped without a trace (never read, not even listed): saying a
 * file was withheld would tell that it exists. Rows come in the glob's order although up to
 * CONCURRENCY files are examined at once.
 */
export const fileProvider: Provider = {
  entity: 'File',
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    const pattern = absolutePattern('File', ctx.args[0]);
    let users: Map<number, string> | undefined;
    let groups: Map<number, string> | undefined;
    const row = (f: Found): ProviderRow => {
      users ??= readIdNames('/etc/passwd');
      groups ??= readIdNames('/etc/group');
      return {
        FileName: f.path,
        Mode: modeString(f.st.mode),
        LastWriteTime: Math.floor(f.st.mtimeMs),
        Size: f.st.isDirectory() ? null : f.st.size,
        Version: '',
        SHA256Hash: f.sha256,
        MD5Hash: f.md5,
        Owner: users.get(f.st.uid) ?? String(f.st.uid),
        Group: groups.get(f.st.gid) ?? String(f.st.gid),
        Permissions: octalPermissions(f.st.mode),
      };
    };
    const pending: Promise<Found | null>[] = [];
    try {
      for await (const path of glob(pattern, ctx.signal)) {
        if (ctx.signal.aborted) return;
        pending.push(examine(path, ctx));
        if (pending.length < CONCURRENCY) continue;
        const f = await pending.shift()!;
        if (ctx.signal.aborted) return;
        if (f) yield row(f);
      }
      while (pending.length > 0) {
        const f = await pending.shift()!;
        if (ctx.signal.aborted) return;
        if (f) yield row(f);
      }
    } finally {
      // A consumer that stops early (take 5) leaves work in flight: let it finish unobserved.
      for (const p of pending) p.catch(() => undefined);
    }
  },
};
