import { readFile } from 'node:fs/promises';

/**
 * A text file's lines as Get-Content gives them: the encoding from its byte-order mark (UTF-8,
 * UTF-16 LE or BE), UTF-8 without one; lines end at \r\n, \n or \r, and a final line break does not
 * make an empty last line.
 */
export function decodeLines(bytes: Uint8Array): string[] {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  else text = new TextDecoder('utf-8').decode(bytes);
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export async function readLines(path: string, signal: AbortSignal): Promise<string[]> {
  return decodeLines(await readFile(path, { signal }));
}
