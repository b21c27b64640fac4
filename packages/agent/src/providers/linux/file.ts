import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { badArgument } from '../provider.js';
import { expandHome, glob } from './util/fs-glob.js';
import { modeString, octalPermissions, readIdNames } from './util/fs-owners.js';

/** Both hashes in one streamed pass; "" when the file cannot be read. */
async function hashes(path: string, signal: AbortSignal): Promise<{ sha256: string; md5: string }> {
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, signal }) as AsyncIterable<Buffer>) {
      sha.update(chunk);
      md5.update(chunk);
    }
  } catch {
    return { sha256: '', md5: '' };
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

/**
 * Files the local policy denies are skipped without a trace (never read, not even listed): saying a
 * file was withheld would tell that it exists.
 */
export const fileProvider: Provider = {
  entity: 'File',
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    const pattern = absolutePattern('File', ctx.args[0]);
    let users: Map<number, string> | undefined;
    let groups: Map<number, string> | undefined;
    for await (const path of glob(pattern, ctx.signal)) {
      if (ctx.signal.aborted) return;
      let real: string;
      try { real = await realpath(path); } catch { continue; }
      if (!ctx.policy.allows(real)) continue;
      let st;
      try { st = await stat(real); } catch { continue; }
      users ??= readIdNames('/etc/passwd');
      groups ??= readIdNames('/etc/group');
      // Only regular files are hashed: reading a FIFO or a device could block or never end.
      const h = st.isFile() ? await hashes(real, ctx.signal) : { sha256: '', md5: '' };
      if (ctx.signal.aborted) return;
      yield {
        FileName: path,
        Mode: modeString(st.mode),
        LastWriteTime: Math.floor(st.mtimeMs),
        Size: st.isDirectory() ? null : st.size,
        Version: '',
        SHA256Hash: h.sha256,
        MD5Hash: h.md5,
        Owner: users.get(st.uid) ?? String(st.uid),
        Group: groups.get(st.gid) ?? String(st.gid),
        Permissions: octalPermissions(st.mode),
      };
    }
  },
};
