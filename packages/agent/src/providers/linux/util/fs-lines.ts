import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a file, streamed: without their line break (`\n`, or `\r\n` as Get-Content strips it),
 * a last line without a break included, invalid UTF-8 as U+FFFD. Stops when the signal aborts.
 */
export async function* readLines(path: string, signal: AbortSignal): AsyncIterable<string> {
  for await (const batch of readLineBatches(path, signal)) yield* batch;
}

/** readLines by the chunk: one await per 256 KiB rather than per line, for callers that loop hot. */
export async function* readLineBatches(path: string, signal: AbortSignal): AsyncIterable<string[]> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  const stream = createReadStream(path, { highWaterMark: 1 << 18, signal });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = carry + decoder.write(chunk);
      const lines = text.split('\n');
      carry = lines.pop() ?? '';
      for (let i = 0; i < lines.length; i++) if (lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
      yield lines;
      if (signal.aborted) return;
    }
  } catch (e) {
    if (signal.aborted) return;
    throw e;
  } finally {
    stream.destroy();
  }
  const rest = carry + decoder.end();
  if (rest !== '') yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
}
