import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { ProviderError } from '../../provider.js';

/** The first executable named `name` on the usual system paths, or null; found without a shell or a spawn. */
export function findTool(name: string): string | null {
  for (const dir of ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    try {
      accessSync(`${dir}/${name}`, constants.X_OK);
      return `${dir}/${name}`;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * Runs a tool (never through a shell) and returns its standard output. The signal kills it; a
 * failure becomes a ProviderError the user can read, prefixed with the entity's name.
 */
export function runTool(entity: string, file: string, args: readonly string[], signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { signal, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }, (err, stdout, stderr) => {
      if (err === null) return resolve(stdout);
      if (signal.aborted) return resolve('');
      const why = stderr.trim().split('\n')[0] || err.message;
      reject(new ProviderError(`${entity}: ${file.split('/').pop()} failed: ${why}`, { cause: err }));
    });
  });
}
