import { realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { ProviderError, badArgument } from '../provider.js';
import { readLineBatches } from './util/fs-lines.js';

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
  if (typeof v === 'number') return v >= 60 ? 'fatal' : v >= 50 ? 'error' : v >= 40 ? 'warn' : v >= 30 ? 'info' : v >= 20 ? 'debug' : 'trace';
  return str(v).toLowerCase();
}

/** CMTrace's Type: 3 error, 2 warning, 1 information. */
export function cmtraceType(level: string): string {
  if (/^(err|error|fatal|crit|critical|alert|emerg|panic)$/.test(level)) return '3';
  if (/^(warn|warning)$/.test(level)) return '2';
  return '1';
}

/** One JSON log line as an AgentLog row (without the time window); null for a line that is not a JSON object. */
export function agentLogRow(line: string): (ProviderRow & { DateTime: number | null }) | null {
  let o: unknown;
  try { o = JSON.parse(line); } catch { return null; }
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

export function createAgentLogProvider(opts: AgentLogOptions = {}): Provider {
  return {
    entity: 'AgentLog',
    platform: 'linux',
    async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
      const [name, span] = ctx.args;
      if (typeof name !== 'string' || !NAME.test(name)) badArgument('AgentLog', 'name', `must be a log name of letters, digits, _, @ and - (without .log): '${str(name)}'`);
      if (span !== undefined && span !== null && (typeof span !== 'number' || !(span > 0))) badArgument('AgentLog', 'timespan', 'must be a positive timespan such as 1h');
      const dir = opts.logDir ?? process.env.OPENPIVOT_LOG_DIR ?? `${homedir()}/.openpivot/logs`;
      const path = `${dir}/${name}.log`;
      let real: string;
      try { real = await realpath(path); } catch { throw new ProviderError(`AgentLog: there is no log named '${name}' (${path})`); }
      if (!ctx.policy.allows(real)) throw new ProviderError(`AgentLog: access to ${path} is denied by the local policy`);
      const since = ctx.now - (typeof span === 'number' ? span : DAY);
      let lastTime: number | null = null;
      try {
        for await (const batch of readLineBatches(real, ctx.signal)) {
          for (const line of batch) {
            if (line.trim() === '') continue;
            // A line that is not JSON (a crash trace) keeps the time of the entry before it.
            const row: ProviderRow & { DateTime: number | null } = agentLogRow(line) ?? { LogText: line, DateTime: lastTime, Component: '', Context: '', Type: '1', Thread: '', File: '', Level: '' };
            const t: number | null = row.DateTime ?? lastTime;
            lastTime = t;
            if (t === null || t < since || t > ctx.now) continue;
            yield { ...row, DateTime: t };
          }
          if (ctx.signal.aborted) return;
        }
      } catch (e) {
        throw new ProviderError(`AgentLog: cannot read ${path}: ${(e as Error).message}`, { cause: e });
      }
    },
  };
}

export const agentLogProvider: Provider = createAgentLogProvider();
