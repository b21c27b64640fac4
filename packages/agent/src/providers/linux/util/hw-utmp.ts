import { readFile } from 'node:fs/promises';

/** One utmp/wtmp record (glibc's struct utmp: 384 bytes, the same on 32- and 64-bit Linux). */
export interface UtmpRecord {
  readonly type: number;
  readonly pid: number;
  readonly line: string;
  readonly user: string;
  readonly host: string;
  /** ms since the epoch. */
  readonly time: number;
}

const SIZE = 384;
export const BOOT_TIME = 2;
export const USER_PROCESS = 7;

function cstr(buf: Buffer, start: number, len: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end < 0 || end > start + len ? start + len : end);
}

export function parseUtmp(buf: Buffer): UtmpRecord[] {
  const out: UtmpRecord[] = [];
  for (let off = 0; off + SIZE <= buf.length; off += SIZE) {
    out.push({
      type: buf.readInt16LE(off),
      pid: buf.readInt32LE(off + 4),
      line: cstr(buf, off + 8, 32),
      user: cstr(buf, off + 44, 32),
      host: cstr(buf, off + 76, 256),
      time: buf.readInt32LE(off + 340) * 1000 + Math.floor(buf.readInt32LE(off + 344) / 1000),
    });
  }
  return out;
}

/** The records of a utmp-format file, [] when it is absent (utmp is optional since systemd 256). */
export async function readUtmp(path: string, signal: AbortSignal): Promise<UtmpRecord[]> {
  try {
    return parseUtmp(await readFile(path, { signal }));
  } catch (e) {
    if ((e as { name?: string }).name === 'AbortError') throw e;
    return [];
  }
}

/** A line at the machine itself: a virtual console (tty1) or a local X display (:0). */
export function isConsoleLine(line: string): boolean {
  return /^(tty\d+|:\d+(\.\d+)?|console|seat\d*)$/.test(line);
}
