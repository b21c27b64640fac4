import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Reads a /proc/net socket table. Each read() of these seq_files walks the kernel's socket hash, which
 * costs milliseconds on a large hash even at end of file; a plain readFile pays that walk once more for
 * its final empty read. seq_file fills whole pages (4 KiB) unless the table ended, and lines are under
 * 200 bytes, so a chunk shorter than half a page is the last one. Synchronous: measured, two parallel
 * thread-pool reads cost more than two inline ones (the v4 and v6 files walk the same hash).
 */
export function readProcTable(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    for (;;) {
      const buf = Buffer.allocUnsafe(1 << 16);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n > 0) chunks.push(buf.subarray(0, n));
      if (n < 2048) break;
    }
    return Buffer.concat(chunks).toString('latin1');
  } finally {
    closeSync(fd);
  }
}
