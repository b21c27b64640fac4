import { realpath, stat } from 'node:fs/promises';
import type { Provider } from '../provider.js';
import { ProviderError } from '../provider.js';
import { expandEnv, stringArg } from './args.js';
import { readLines } from './text-file.js';

/** A Windows absolute path: a drive ('C:\…') or a UNC share ('\\server\share\…'). */
export const ABSOLUTE_WINDOWS_PATH = /^(?:[a-z]:[\\/]|\\\\[^\\/]+[\\/][^\\/]+)/i;

/**
 * The file a user named, env vars expanded, symlinks resolved, checked against the device's policy
 * before anything of it is read.
 */
export async function allowedFile(entity: string, arg: unknown, policy: { allows(path: string): boolean }, env = process.env): Promise<string> {
  const named = expandEnv(stringArg(entity, 'path', arg as string), env);
  if (!ABSOLUTE_WINDOWS_PATH.test(named) && !named.startsWith('/')) throw new ProviderError(`${entity}: the path '${named}' is not absolute.`);
  let real: string;
  try {
    real = await realpath(named);
  } catch {
    throw new ProviderError(`${entity}: the file '${named}' does not exist or cannot be read.`);
  }
  if (!policy.allows(real)) throw new ProviderError(`${entity}: reading '${real}' is not allowed by this device's policy.`);
  return real;
}

// Read in Node rather than through Get-Content: no PowerShell start-up (hundreds of ms), and the
// policy check applies to the very file that is read.
export const FILE_CONTENT_PROVIDER: Provider = {
  entity: 'FileContent',
  platform: 'windows',
  async *collect(ctx) {
    const path = await allowedFile('FileContent', ctx.args[0], ctx.policy);
    if (ctx.signal.aborted) return;
    if (!(await stat(path)).isFile()) throw new ProviderError(`FileContent: '${path}' is not a file.`);
    let lines: string[];
    try {
      lines = await readLines(path, ctx.signal);
    } catch (e) {
      if (ctx.signal.aborted) return;
      throw new ProviderError(`FileContent: cannot read '${path}': ${(e as Error).message}`, { cause: e });
    }
    for (let i = 0; i < lines.length; i++) {
      if (ctx.signal.aborted) return;
      yield { Line: i + 1, Content: lines[i]! };
    }
  },
};
