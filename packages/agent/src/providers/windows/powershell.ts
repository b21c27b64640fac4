import { execFile } from 'node:child_process';
import { ProviderError } from '../provider.js';

/**
 * A PowerShell string literal holding `text` exactly. Single-quoted strings expand nothing ($, `,
 * subexpressions), so the only character to escape is the quote itself, doubled. PowerShell also
 * treats the typographic quotes ‘ ’ ‚ ‛ as single quotes, so they are doubled too.
 */
export function psQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** The executable and arguments that run `script`; no shell is involved, so only PowerShell parses it. */
export function powershellCommand(script: string): { readonly file: string; readonly args: readonly string[] } {
  return { file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-Command', script] };
}

/**
 * Wraps a pipeline so its output is UTF-8 JSON and errors end the process with a message on stderr.
 * Progress output is silenced because it would otherwise be serialised into stderr as CLIXML.
 */
export function jsonScript(pipeline: string): string {
  return `$ProgressPreference='SilentlyContinue'; $ErrorActionPreference='Stop'; [Console]::OutputEncoding=[Text.Encoding]::UTF8; ${pipeline} | ConvertTo-Json -Compress -Depth 2`;
}

const MAX_OUTPUT = 256 * 1024 * 1024;

/** Runs a script and returns its stdout; a non-zero exit becomes a ProviderError naming the entity. */
export function runPowerShell(entity: string, script: string, signal: AbortSignal): Promise<string> {
  if (signal.aborted) return Promise.resolve('');
  const { file, args } = powershellCommand(script);
  return new Promise((resolve, reject) => {
    execFile(file, args as string[], { signal, windowsHide: true, maxBuffer: MAX_OUTPUT, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (signal.aborted) return resolve('');
      if (error) {
        const detail = (stderr || error.message).trim().split(/\r?\n/)[0] ?? '';
        return reject(new ProviderError(`${entity}: PowerShell failed: ${detail}`, { cause: error }));
      }
      resolve(stdout);
    });
  });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

/**
 * ConvertTo-Json writes nothing for no input, a bare object for one, an array for several; this
 * gives the objects in every case. A leading byte-order mark (Windows PowerShell adds one when the
 * console code page is UTF-8) is dropped.
 */
export function jsonObjects(entity: string, stdout: string): JsonObject[] {
  const text = stdout.replace(/^\uFEFF/, '').trim();
  if (!text) return [];
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch (e) {
    throw new ProviderError(`${entity}: PowerShell returned output that is not JSON: ${text.slice(0, 80)}`, { cause: e });
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.filter((o): o is JsonObject => o !== null && typeof o === 'object' && !Array.isArray(o));
}
