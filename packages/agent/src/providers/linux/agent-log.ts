import { realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { ProviderError, badArgument } from '../provider.js';
import { firstLineSince } from './util/fs-cutoff.js';
import { readLineBatches } from './util/fs-lines.js';
import { rowsFromBatches } from './util/fs-rows.js';

const DAY = 86_400_000;
const NAME = /^[\w@-]+$/;

export interface AgentLogOptions {
  /** The agent's log directory; by default $OPENPIVOT_LOG_DIR, else ~/.openpivot/logs (read at each query). */
  readonly logDir?: string;
}

type Json = Record<string, unknown>;

const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

function timeOf(o: Json): number | null {
  const v = o.time ?? o.ts ?? o.timestamp ?? o.t;
  if (typeof v === 'number') return v < 1e11 ? v * 1000 : v; // seconds or ms since the epoch
  if (typeof v === 'string') { const t = Date.parse(v); return Number.isNaN(t) ? null : t; }
  return null;
}

/** pino's numbers (30 info, 40 warn, 50 error) or words. */
function levelOf(o: Json): string {
  const v = o.level ?? o.severity;
  if (typeof v === 'string') return v.toLowerCase();
  if (typeof v === 'number') return v >= 60 ? 'fatal' : v >= 50 ? 'error' : v >= 40 ? 'warn' : v >= 30 ? 'info' : v >= 20 ? 'debug' : 'trace';
  return str(v).toLowerCase();
}

const ERROR_LEVELS = new Set(['err', 'error', 'fatal', 'crit', 'critical', 'alert', 'emerg', 'panic']);
const WARNING_LEVELS = new Set(['warn', 'warning']);

/** CMTrace's Type: 3 error, 2 warning, 1 information. */
export function cmtraceType(level: string): string {
  return ERROR_LEVELS.has(level) ? '3' : WARNING_LEVELS.has(level) ? '2' : '1';
}

/** A line that cannot be a JSON object is told apart without JSON.parse, whose throwing is slow. */
const maybeObject = (line: string): boolean => line.charCodeAt(0) === 123 || line.trimStart().startsWith('{');

/** One JSON log line as an AgentLog row (without the time window); null for a line that is not a JSON object. */
export function agentLogRow(line: string): LogRow | null {
  if (!maybeObject(line)) return null;
  let o: unknown;
  try { o = JSON.parse(line); } catch { return null; }
  return rowOf(o);
}

type LogRow = ProviderRow & { DateTime: number | null };

/** A parsed JSON value as an AgentLog row; null when it is not an object. */
function rowOf(o: unknown): LogRow | null {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  const j = o as Json;
  const level = levelOf(j);
  return {
    LogText: str(j.msg ?? j.message),
    DateTime: timeOf(j),
    Component: str(j.component ?? j.module ?? j.name),
    Context: str(j.operationId ?? j.requestId ?? j.opId ?? j.context),
    Type: cmtraceType(level),
    Thread: str(j.thread ?? j.pid),
    File: str(j.file ?? j.source),
    Level: level,
  };
}

/** A JSON line's time alone: enough to place it against the time window. */
function lineTime(line: string): number | null {
  if (!maybeObject(line)) return null;
  try {
    const o: unknown = JSON.parse(line);
    return typeof o === 'object' && o !== null && !Array.isArray(o) ? timeOf(o as Json) : null;
  } catch {
    return null;
  }
}

export function createAgentLogProvider(opts: AgentLogOptions = {}): Provider {
  async function* batches(ctx: ProviderContext): AsyncIterable<ProviderRow[]> {
    const [name, span] = ctx.args;
    if (typeof name !== 'string' || !NAME.test(name)) badArgument('AgentLog', 'name', `must be a log name of letters, digits, _, @ and - (without .log): '${str(name)}'`);
    if (span !== undefined && span !== null && (typeof span !== 'number' || !(span > 0))) badArgument('AgentLog', 'timespan', 'must be a positive timespan such as 1h');
    const dir = opts.logDir ?? process.env.OPENPIVOT_LOG_DIR ?? `${homedir()}/.openpivot/logs`;
    const path = `${dir}/${name}.log`;
    let real: string;
    try { real = await realpath(path); } catch { throw new ProviderError(`AgentLog: there is no log named '${name}' (${path})`); }
    if (!ctx.policy.allows(real)) throw new ProviderError(`AgentLog: access to ${path} is denied by the local policy`);
    const since = ctx.now - (typeof span === 'number' ? span : DAY);
    const state = { lastTime: null as number | null, reached: false };
    try {
      for await (const batch of readLineBatches(real, ctx.signal)) {
        let from = 0;
        if (!state.reached) {
          from = firstLineSince(batch, since, lineTime);
          // the whole batch is older: its continuation lines cannot reach the window either
          if (from === batch.length) continue;
          state.reached = true;
          if (from > 0) state.lastTime = null;
        }
        yield rowsOf(batch, from, since, ctx.now, state);
        if (ctx.signal.aborted) return;
      }
    } catch (e) {
      throw new ProviderError(`AgentLog: cannot read ${path}: ${(e as Error).message}`, { cause: e });
    }
  }
  return {
    entity: 'AgentLog',
    platform: 'linux',
    collect: (ctx: ProviderContext): AsyncIterable<ProviderRow> => rowsFromBatches(batches(ctx), ctx.signal),
  };
}

/**
 * The batch's lines as JSON values in one JSON.parse, which costs less than one call per line; null
 * when a line is not a JSON object on its own (a crash trace, an empty line), to be read line by line.
 */
function parseAll(lines: readonly string[], from: number): unknown[] | null {
  for (let i = from; i < lines.length; i++) if (lines[i]!.charCodeAt(0) !== 123) return null;
  let values: unknown;
  try { values = JSON.parse(`[${(from === 0 ? lines : lines.slice(from)).join(',')}]`); } catch { return null; }
  // a line holding two objects would shift every row after it
  return Array.isArray(values) && values.length === lines.length - from ? values : null;
}

function rowsOf(lines: readonly string[], from: number, since: number, now: number, state: { lastTime: number | null }): ProviderRow[] {
  const rows: ProviderRow[] = [];
  const values = parseAll(lines, from);
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (values === null && (line === '' || line.trim() === '')) continue;
    // A line that is not JSON (a crash trace) keeps the time of the entry before it.
    const row = (values === null ? agentLogRow(line) : rowOf(values[i - from])) ?? { LogText: line, DateTime: null, Component: '', Context: '', Type: '1', Thread: '', File: '', Level: '' };
    const t = row.DateTime ?? state.lastTime;
    state.lastTime = t;
    if (t === null || t < since || t > now) continue;
    row.DateTime = t;
    rows.push(row);
  }
  return rows;
}

export const agentLogProvider: Provider = createAgentLogProvider();
