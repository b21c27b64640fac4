import { join } from 'node:path/win32';
import type { Provider, ProviderRow } from '../provider.js';
import { badArgument, ProviderError } from '../provider.js';
import { stringArg, timespanArg } from './args.js';
import { runPowerShell } from './powershell.js';
import { readLines } from './text-file.js';

export interface CcmEntry {
  readonly LogText: string;
  readonly DateTime: number | null;
  readonly Component: string;
  readonly Context: string;
  readonly Type: string;
  readonly Thread: string;
  readonly File: string;
}

// CMTrace: <![LOG[text]LOG]!><time="HH:MM:SS.fff+bias" date="MM-DD-YYYY" component="…" context="…" type="1" thread="…" file="…">
const CMTRACE = /<!\[LOG\[([\s\S]*?)\]LOG\]!><time="([^"]*)" date="([^"]*)" component="([^"]*)" context="([^"]*)" type="([^"]*)" thread="([^"]*)" file="([^"]*)">/g;
// The older SMS trace format: text $$<component><MM-DD-YYYY HH:MM:SS.fff+bias><thread=…>
const SMS_TRACE = /^(.*)\$\$<([^>]*)><(\d{2}-\d{2}-\d{4}) ([^>]+)><thread=([^>]*)>$/;

/**
 * A log time in UTC. The bias is Windows' TIME_ZONE_INFORMATION.Bias, in minutes: UTC = local + bias
 * (a PST machine writes +480).
 */
export function ccmTime(date: string, time: string): number | null {
  const d = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?([+-]\d+)?$/.exec(time);
  if (!d || !t) return null;
  const fraction = t[4] ? Number(`0.${t[4]}`) * 1000 : 0;
  const local = Date.UTC(+d[3]!, +d[1]! - 1, +d[2]!, +t[1]!, +t[2]!, +t[3]!) + fraction;
  return local + Number(t[5] ?? 0) * 60_000;
}

export function parseCcmLog(text: string): CcmEntry[] {
  const out: CcmEntry[] = [];
  for (const m of text.matchAll(CMTRACE)) {
    out.push({ LogText: m[1]!, DateTime: ccmTime(m[3]!, m[2]!), Component: m[4]!, Context: m[5]!, Type: m[6]!, Thread: m[7]!, File: m[8]! });
  }
  if (out.length) return out;
  for (const line of text.split(/\r\n|\n|\r/)) {
    const m = SMS_TRACE.exec(line);
    if (m) out.push({ LogText: m[1]!.trimEnd(), DateTime: ccmTime(m[3]!, m[4]!), Component: m[2]!, Context: '', Type: '', Thread: m[5]!, File: '' });
  }
  return out;
}

/** The entries within [now - span, now], oldest first, as CMPivot returns them. */
export function ccmRows(entries: readonly CcmEntry[], now: number, span: number): ProviderRow[] {
  const from = now - span;
  return entries
    .filter((e) => e.DateTime !== null && e.DateTime >= from && e.DateTime <= now)
    .sort((a, b) => a.DateTime! - b.DateTime!)
    .map((e) => ({ ...e }));
}

export function ccmLogName(arg: unknown): string {
  const name = stringArg('CcmLog', 'name', arg as string);
  // The same check as CMPivot's script: a name, never a path.
  if (!/^[\w\-@]+$/.test(name)) badArgument('CcmLog', 'name', "must be a log name (letters, digits, '-', '_', '@'), without '.log' or a path.");
  return name;
}

export const LOG_DIRECTORY_SCRIPT =
  "[Console]::OutputEncoding=[Text.Encoding]::UTF8; (Get-ItemProperty -Path 'Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\CCM\\Logging\\@Global' -Name LogDirectory -ErrorAction SilentlyContinue).LogDirectory";

export const CCM_LOG_PROVIDER: Provider = {
  entity: 'CcmLog',
  platform: 'windows',
  async *collect(ctx) {
    const name = ccmLogName(ctx.args[0]);
    const span = timespanArg('CcmLog', ctx.args[1]);
    const configured = (await runPowerShell('CcmLog', LOG_DIRECTORY_SCRIPT, ctx.signal)).trim();
    const dir = configured || join(process.env.SystemRoot ?? 'C:\\Windows', 'CCM', 'Logs');
    const path = join(dir, `${name}.log`);
    if (!ctx.policy.allows(path)) throw new ProviderError(`CcmLog: reading '${path}' is not allowed by this device's policy.`);
    if (ctx.signal.aborted) return;
    let lines: string[];
    try {
      lines = await readLines(path, ctx.signal);
    } catch (e) {
      if (ctx.signal.aborted) return;
      throw new ProviderError(`CcmLog: cannot read '${path}': ${(e as Error).message}`, { cause: e });
    }
    for (const row of ccmRows(parseCcmLog(lines.join('\n')), ctx.now, span)) {
      if (ctx.signal.aborted) return;
      yield row;
    }
  },
};
