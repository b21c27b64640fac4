import { spawn } from 'node:child_process';
import { readdir, realpath, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { ProviderError, badArgument } from '../provider.js';
import { entryTypeOf, type LogEntry } from './util/fs-log-entry.js';
import { journalMatches, parseJournalLine } from './util/fs-journal.js';
import { firstLineSince } from './util/fs-cutoff.js';
import { readLineBatches } from './util/fs-lines.js';
import { rowsFromBatches } from './util/fs-rows.js';
import { parsePlainLogLine, parseSyslogLine } from './util/fs-syslog.js';

const DAY = 86_400_000;
/** Unit names carry @ . : \ - (sshd@0.service, dev-sda1.device); '..' never, so no path leaves logDir. */
const NAME = /^[\w@.:+\\-]+$/;

export interface EventLogOptions {
  /** Where the plain-file logs are (tests pass a temp dir). */
  readonly logDir?: string;
  /** The journalctl binary; '' turns the journal off. */
  readonly journalctl?: string;
  /** Directories whose *.journal files show the journal has something to say. */
  readonly journalDirs?: readonly string[];
}

function toRow(e: LogEntry): ProviderRow {
  return { DateTime: e.time, EntryType: e.entryType ?? entryTypeOf(e.priority), Source: e.source, EventID: 0, Message: e.message, Unit: e.unit, ProcessId: e.pid, Priority: e.priority };
}

/** True when a journal file exists: spawning journalctl on a machine without one costs ~10 ms for nothing. */
async function hasJournal(dirs: readonly string[]): Promise<boolean> {
  for (const d of dirs) {
    let names: string[];
    try { names = await readdir(d); } catch { continue; }
    for (const n of names) {
      if (n.endsWith('.journal')) return true;
      try { if ((await readdir(`${d}/${n}`)).some((f) => f.endsWith('.journal'))) return true; } catch { /* not a directory */ }
    }
  }
  return false;
}

async function* readJournal(bin: string, name: string, since: number, until: number, signal: AbortSignal): AsyncIterable<LogEntry> {
  const args = ['-o', 'json', '--no-pager', '-q', '--since', `@${Math.floor(since / 1000)}`, '--until', `@${Math.ceil(until / 1000)}`, ...journalMatches(name)];
  const child = spawn(bin, args, { signal, stdio: ['ignore', 'pipe', 'pipe'] });
  child.on('error', () => undefined);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exit = new Promise<number | null>((r) => child.on('close', r));
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    const e = parseJournalLine(line);
    if (e && e.time >= since && e.time <= until) yield e;
  }
  const code = await exit;
  if (code !== 0 && !signal.aborted) throw new ProviderError(`EventLog: journal not readable: ${stderr.trim() || `journalctl exited with ${String(code)}`}`);
}

/** The files a name means, in the order they should be read (rotated .1 first), and whether to filter by identifier. */
async function candidateFiles(dir: string, name: string, since: number): Promise<{ files: string[]; byIdent: boolean; syslog: boolean }> {
  const exists = async (p: string): Promise<boolean> => { try { return (await stat(p)).isFile(); } catch { return false; } };
  const withRotated = async (p: string): Promise<string[]> => {
    const out: string[] = [];
    try { if ((await stat(`${p}.1`)).mtimeMs >= since) out.push(`${p}.1`); } catch { /* none */ }
    if (await exists(p)) out.push(p);
    return out;
  };
  const system = async (names: string[]): Promise<string[]> => (await Promise.all(names.map((n) => withRotated(`${dir}/${n}`)))).flat();
  const lower = name.toLowerCase();
  if (lower === 'system' || lower === 'application') return { files: await system(['syslog', 'messages']), byIdent: false, syslog: true };
  if (lower === 'security') return { files: await system(['auth.log', 'secure']), byIdent: false, syslog: true };
  const own = [...(await withRotated(`${dir}/${name}.log`)), ...(name.includes('.') || ['syslog', 'messages'].includes(name) ? await withRotated(`${dir}/${name}`) : [])];
  try {
    for (const f of (await readdir(`${dir}/${name}`)).sort()) if (f.endsWith('.log')) own.push(...(await withRotated(`${dir}/${name}/${f}`)));
  } catch { /* no directory */ }
  if (own.length > 0) return { files: own, byIdent: false, syslog: false };
  return { files: await system(['syslog', 'messages']), byIdent: true, syslog: true };
}

/** Whether entries are in time order: a single file's usually are, and then sorting is skipped. */
function inOrder(es: readonly LogEntry[]): boolean {
  for (let i = 1; i < es.length; i++) if (es[i]!.time < es[i - 1]!.time) return false;
  return true;
}

/** The entries of the log files within [since, until], oldest first. */
async function readFiles(dir: string, name: string, since: number, until: number, ctx: ProviderContext): Promise<LogEntry[]> {
  const { files, byIdent, syslog } = await candidateFiles(dir, name, since);
  const ident = name.replace(/\.service$/, '');
  const source = name.replace(/\.log$/, '');
  const parse = syslog
    ? (line: string): LogEntry | null => parseSyslogLine(line, until)
    : (line: string): LogEntry | null => parsePlainLogLine(line, source) ?? parseSyslogLine(line, until);
  const timeOf = (line: string): number | null => parse(line)?.time ?? null;
  const denied: string[] = [];
  const out: LogEntry[] = [];
  let fromFiles = 0;
  for (const f of files) {
    if (ctx.signal.aborted) return [];
    let real: string;
    try { real = await realpath(f); } catch { continue; }
    if (!ctx.policy.allows(real)) { denied.push(f); continue; }
    let last: LogEntry | null = null;
    let reached = false;
    const before = out.length;
    try {
      for await (const batch of readLineBatches(real, ctx.signal)) {
        let i = 0;
        if (!reached) {
          // Log files are written in time order: the lines before the window are not parsed.
          i = firstLineSince(batch, since, timeOf);
          if (i === batch.length) continue;
          reached = true;
          if (i > 0) last = null;
        }
        for (; i < batch.length; i++) {
          const line = batch[i]!;
          const e = parse(line);
          if (!e) {
            // A line without a timestamp continues the entry before it (stack traces, wrapped messages).
            if (last && line !== '') last.message += `\n${line}`;
            continue;
          }
          last = null;
          if (e.time < since || e.time > until || (byIdent && e.source !== ident)) continue;
          if (!syslog && e.source === '') e.source = source;
          out.push(e);
          last = e;
        }
        if (ctx.signal.aborted) return [];
      }
    } catch (e) {
      throw new ProviderError(`EventLog: cannot read ${f}: ${(e as Error).message}`, { cause: e });
    }
    if (out.length > before) fromFiles++;
  }
  if (denied.length > 0 && denied.length === files.length) throw new ProviderError(`EventLog: access to ${denied.join(', ')} is denied by the local policy`);
  // Several files (rotations, a directory of logs) interleave: oldest first, as CMPivot returns them.
  return fromFiles > 1 || !inOrder(out) ? out.sort((a, b) => a.time - b.time) : out;
}

export function createEventLogProvider(opts: EventLogOptions = {}): Provider {
  const logDir = opts.logDir ?? '/var/log';
  const journalctl = opts.journalctl ?? 'journalctl';
  const journalDirs = opts.journalDirs ?? ['/var/log/journal', '/run/log/journal'];
  return {
    entity: 'EventLog',
    platform: 'linux',
    collect: (ctx: ProviderContext): AsyncIterable<ProviderRow> => rowsFromBatches(batches(ctx), ctx.signal),
  };

  async function* batches(ctx: ProviderContext): AsyncIterable<ProviderRow[]> {
    const [name, span] = ctx.args;
    if (typeof name !== 'string' || name === '') badArgument('EventLog', 'name', "is required: a unit, program or log name such as 'sshd'");
    if (!NAME.test(name) || name.includes('..')) badArgument('EventLog', 'name', `has characters a unit or log name cannot have: '${name}'`);
    if (span !== undefined && span !== null && (typeof span !== 'number' || !(span > 0))) badArgument('EventLog', 'timespan', 'must be a positive timespan such as 1d');
    const until = ctx.now;
    const since = until - (typeof span === 'number' ? span : DAY);
    if (journalctl !== '' && (await hasJournal(journalDirs))) {
      let any = false;
      for await (const e of readJournal(journalctl, name, since, until, ctx.signal)) {
        any = true;
        yield [toRow(e)];
      }
      if (any || ctx.signal.aborted) return;
    }
    const entries = await readFiles(logDir, name, since, until, ctx);
    if (!ctx.signal.aborted) yield entries.map(toRow);
  }
}

export const eventLogProvider: Provider = createEventLogProvider();
