import { readFileSync } from 'node:fs';

/** Numeric id → name from an /etc/passwd- or /etc/group-shaped file (name:x:id:…). */
export function readIdNames(path: string): Map<number, string> {
  const out = new Map<number, string>();
  let text = '';
  try { text = readFileSync(path, 'utf8'); } catch { return out; }
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && f[0] && !out.has(Number(f[2]))) out.set(Number(f[2]), f[0]);
  }
  return out;
}

/** `ls -l`'s first column: the type letter and rwx bits with s/S/t/T. */
export function modeString(mode: number): string {
  const type = ({ 0o040000: 'd', 0o120000: 'l', 0o020000: 'c', 0o060000: 'b', 0o010000: 'p', 0o140000: 's' } as Record<number, string>)[mode & 0o170000] ?? '-';
  const rwx = (bits: number, special: boolean, ch: string): string =>
    `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? 'x' : '-'}`;
  return type + rwx((mode >> 6) & 7, (mode & 0o4000) !== 0, 's') + rwx((mode >> 3) & 7, (mode & 0o2000) !== 0, 's') + rwx(mode & 7, (mode & 0o1000) !== 0, 't');
}

/** The permission bits in octal with the special digit: 0644, 4755. */
export function octalPermissions(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}
