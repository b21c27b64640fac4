import { isAscii } from 'node:buffer';
import { open } from 'node:fs/promises';

/** Bytes read per call: a typical config or log file comes in one read. */
const CHUNK = 1 << 20;
/**
 * Bytes of lines per batch. Small batches keep what is alive at a time small (a batch's lines and
 * rows), so the young-generation collections that run while rows are made have little to copy.
 */
const BATCH = 32 * 1024;
/**
 * Decoding in pieces of about this size lets the ASCII pieces decode as Latin-1 into one-byte
 * strings; decoding a whole file with one non-ASCII byte as UTF-8 makes every line a two-byte
 * string and costs about 2.5× as much.
 */
const PIECE = 16_384;

/**
 * The lines in `buf[start, end)`, which holds whole lines: without their break (`\n`, or `\r\n` as
 * Get-Content strips it); `end` excludes the last line's `\n`. Invalid UTF-8 becomes U+FFFD. Pieces end
 * at a `\n`, which is never inside a multi-byte sequence, so decoding piece by piece is exact.
 */
export function splitLines(buf: Buffer, start = 0, end = buf.length): string[] {
  const all = buf.subarray(start, end);
  if (isAscii(all)) return splitText(all.toString('latin1'));
  const out: string[] = [];
  let p = start;
  for (;;) {
    let stop = p + PIECE >= end ? end : buf.indexOf(10, p + PIECE);
    if (stop < 0 || stop > end) stop = end;
    const piece = buf.subarray(p, stop);
    const lines = splitText(isAscii(piece) ? piece.toString('latin1') : piece.toString('utf8'));
    for (let i = 0; i < lines.length; i++) out.push(lines[i]!);
    if (stop >= end) return out;
    p = stop + 1;
  }
}

function splitText(text: string): string[] {
  const lines = text.split('\n');
  if (text.includes('\r')) for (let i = 0; i < lines.length; i++) if (lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
  return lines;
}

/**
 * The lines of a file, a last line without a break included, read in large chunks and handed out
 * in batches of about BATCH bytes (one await per batch rather than per line, for callers that loop
 * hot). Stops when the signal aborts.
 */
export async function* readLineBatches(path: string, signal: AbortSignal): AsyncIterable<string[]> {
  if (signal.aborted) return;
  const fh = await open(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(CHUNK);
    let have = 0; // bytes in buf not yet split: the start of an unfinished line
    for (;;) {
      if (have === buf.length) {
        // one line longer than the buffer: grow rather than cut it
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      }
      const { bytesRead } = await fh.read(buf, have, buf.length - have, null);
      if (signal.aborted) return;
      if (bytesRead === 0) break;
      const filled = have + bytesRead;
      const nl = buf.lastIndexOf(10, filled - 1);
      if (nl < 0) { have = filled; continue; }
      for (let p = 0; p <= nl;) {
        let stop = p + BATCH >= nl ? nl : buf.indexOf(10, p + BATCH);
        if (stop < 0 || stop > nl) stop = nl;
        yield splitLines(buf, p, stop);
        if (signal.aborted) return;
        p = stop + 1;
      }
      // the bytes after the last break start the next batch's first line
      have = filled - nl - 1;
      buf.copy(buf, 0, nl + 1, filled);
    }
    if (have > 0) yield splitLines(buf, 0, have);
  } finally {
    await fh.close();
  }
}

/** The lines of a file, one by one (see readLineBatches). */
export async function* readLines(path: string, signal: AbortSignal): AsyncIterable<string> {
  for await (const batch of readLineBatches(path, signal)) yield* batch;
}
