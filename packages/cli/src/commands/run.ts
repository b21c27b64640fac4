import { hostname, homedir } from 'node:os';
import { readFileSync } from 'node:fs';
import { ENTITIES } from '@openpivot/entities';
import { runOnThisDevice, providersFor, currentPlatform, createPathPolicy, DEFAULT_TIME_LIMIT_MS, type PolicyFile } from '@openpivot/agent';
import type { QueryResult } from '@openpivot/kql';
import { parseArgs, oneOf } from '../args.js';
import { type Io, type ExitCode, UsageError } from '../io.js';
import { formatCsv, formatJson, formatTable } from '../format.js';
import { printDiagnostics } from './eval.js';


function readPolicy(path: string | true | undefined): PolicyFile {
  if (typeof path !== 'string') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`--policy ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const p = parsed as PolicyFile;
  for (const key of ['deny', 'allow'] as const) {
    const list = p[key];
    if (list !== undefined && !(Array.isArray(list) && list.every((g) => typeof g === 'string'))) {
      throw new UsageError(`--policy ${path}: "${key}" must be an array of path globs`);
    }
  }
  return p;
}

export async function runCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, { format: 'value', dialect: 'value', timeout: 'value', policy: 'value' });
  if (args.positional.length !== 1) throw new UsageError('run takes exactly one query argument');
  const text = args.positional[0]!;
  const format = oneOf('format', args.flags.get('format'), ['table', 'json', 'csv'], 'table');
  const dialect = oneOf('dialect', args.flags.get('dialect'), ['cmpivot', 'kusto'], 'cmpivot');
  const timeoutFlag = args.flags.get('timeout');
  const timeLimitMs = typeof timeoutFlag === 'string' ? Number(timeoutFlag) * 1000 : DEFAULT_TIME_LIMIT_MS;
  if (!(timeLimitMs > 0)) throw new UsageError('--timeout must be a positive number of seconds');
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const result = await runOnThisDevice(text, {
      entities: ENTITIES,
      providers: providersFor(currentPlatform(process.platform)),
      device: hostname(),
      policy: createPathPolicy(readPolicy(args.flags.get('policy')), homedir()),
      dialect,
      now: Date.now(),
      timeLimitMs,
      signal: controller.signal,
    });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      printDiagnostics(text, errors, io);
      for (const w of result.warnings) io.stderr.write(`warning: ${w}\n`);
      return errors.some((d) => d.code.startsWith('KQL3')) ? 1 : 2;
    }
    const asQuery: QueryResult = { columns: result.columns, rows: result.rows, truncated: result.truncated, diagnostics: result.diagnostics, ...(result.chart ? { chart: result.chart } : {}) };
    if (format === 'json') {
      const base = JSON.parse(formatJson(asQuery)) as Record<string, unknown>;
      io.stdout.write(`${JSON.stringify({ ...base, warnings: result.warnings, truncated: result.truncated })}\n`);
    } else {
      io.stdout.write(format === 'csv' ? formatCsv(asQuery) : formatTable(asQuery));
      for (const w of result.warnings) io.stderr.write(`warning: ${w}\n`);
    }
    return 0;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
