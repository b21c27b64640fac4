import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * Hashes files once per collection: many processes map the same library, and a provider that hashed
 * libc once per process would read it hundreds of times. Unreadable files hash to "".
 */
export class FileHashCache {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly signal: AbortSignal, private readonly algorithm: 'md5' | 'sha256' = 'md5') {}

  hash(path: string): Promise<string> {
    let p = this.cache.get(path);
    if (p === undefined) {
      p = hashFile(path, this.algorithm, this.signal);
      this.cache.set(path, p);
    }
    return p;
  }
}

/** Upper-case hex, as Get-FileHash writes it; "" when the file cannot be read or the read was cancelled. */
export function hashFile(path: string, algorithm: 'md5' | 'sha256', signal: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve('');
    const h = createHash(algorithm);
    const stream = createReadStream(path, { signal, highWaterMark: 1 << 20 });
    stream.on('data', (chunk) => h.update(chunk));
    stream.on('error', () => resolve(''));
    stream.on('end', () => resolve(h.digest('hex').toUpperCase()));
  });
}
