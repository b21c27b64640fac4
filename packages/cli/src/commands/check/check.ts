import { readFileSync } from 'node:fs';
import { analyze, lineCol, type Catalog, type Dialect } from '@openpivot/kql';
import { ENTITIES, toTableSchema, type Platform } from '@openpivot/entities';
import { parseArgs, oneOf } from '../../args.js';
import { type Io, type ExitCode, UsageError } from '../../io.js';
import { splitQueries, type QueryPiece } from './split-queries.js';

export interface CheckedDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  /** 1-based, in the whole input (file or standard input), not in the query alone. */
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

/** The judgement on one query: what `--format json` prints. */
export interface CheckedQuery {
  /** The line of the input where the query starts. */
  readonly line: number;
  readonly diagnostics: readonly CheckedDiagnostic[];
  /** The result's columns; empty when the query has an error. */
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** The entities the query reads, in their declared spelling: what permissions are checked against. */
  readonly entities: readonly string[];
}

/** The entities a query may name on a platform; `any` is every entity of every platform. */
export function catalogFor(platform: Platform | 'any'): Catalog {
  const entities = platform === 'any' ? ENTITIES : ENTITIES.filter((e) => e.platforms.includes(platform));
  return { tables: entities.map(toTableSchema) };
}

/** Parses and binds each query of `text` alone; runs nothing. Positions are relative to `text`. */
export function checkQueries(text: string, options: { readonly dialect: Dialect; readonly catalog: Catalog }): CheckedQuery[] {
  return splitQueries(text).map((piece) => checkOne(text, piece, options));
}

function checkOne(whole: string, piece: QueryPiece, options: { readonly dialect: Dialect; readonly catalog: Catalog }): CheckedQuery {
  const a = analyze(piece.text, options);
  const diagnostics = a.diagnostics.map((d): CheckedDiagnostic => {
    const { line, col } = lineCol(whole, piece.offset + d.span.start);
    return { severity: d.severity, code: d.code, message: d.message, line, column: col, length: d.span.end - d.span.start };
  });
  const failed = diagnostics.some((d) => d.severity === 'error');
  return {
    line: lineCol(whole, piece.offset).line,
    diagnostics,
    columns: failed ? [] : a.schema.map((c) => ({ name: c.name, type: c.type })),
    entities: [...a.tables],
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(parts).toString('utf8');
}

/** The text to check: the one argument, `--file F`, or standard input for `-`. */
async function readInput(positional: readonly string[], file: string | true | undefined, io: Io): Promise<string> {
  if (file === true) throw new UsageError('--file needs a file name');
  if (file !== undefined && positional.length > 0) throw new UsageError('give either a query or --file, not both');
  if (positional.length > 1) throw new UsageError('check takes one query argument (quote it), --file F, or - for standard input');
  if (file !== undefined) {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`--file: cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
  const arg = positional[0];
  if (arg === undefined) throw new UsageError('no query: give one as an argument, --file F.kql, or - for standard input');
  if (arg !== '-') return arg;
  if (!io.stdin) throw new UsageError('- reads standard input, but there is none');
  return readAll(io.stdin);
}

function textReport(queries: readonly CheckedQuery[], io: Io): void {
  const several = queries.length > 1;
  queries.forEach((q, i) => {
    const prefix = several ? `query ${i + 1} (line ${q.line}): ` : '';
    for (const d of q.diagnostics) io.stdout.write(`${prefix}${d.severity} ${d.code} at ${d.line}:${d.column}: ${d.message}\n`);
  });
  const failed = queries.filter((q) => q.diagnostics.some((d) => d.severity === 'error')).length;
  const noun = queries.length === 1 ? 'query' : 'queries';
  io.stdout.write(`${queries.length} ${noun} checked: ${failed === 0 ? 'no errors' : `${failed} with errors`}\n`);
}

function jsonReport(queries: readonly CheckedQuery[], io: Io): void {
  // One query prints its judgement alone; several print a list, each with the line it starts on.
  const body = queries.length === 1
    ? { diagnostics: queries[0]!.diagnostics, columns: queries[0]!.columns, entities: queries[0]!.entities }
    : { queries };
  io.stdout.write(`${JSON.stringify(body)}\n`);
}

export async function checkCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, { file: 'value', dialect: 'value', platform: 'value', format: 'value' });
  const dialect = oneOf('dialect', args.flags.get('dialect'), ['cmpivot', 'kusto'], 'cmpivot');
  const platform = oneOf('platform', args.flags.get('platform'), ['windows', 'linux', 'any'], 'any');
  const format = oneOf('format', args.flags.get('format'), ['text', 'json'], 'text');
  const text = await readInput(args.positional, args.flags.get('file'), io);
  const queries = checkQueries(text, { dialect, catalog: catalogFor(platform) });
  if (queries.length === 0) throw new UsageError('the input holds no query (only spaces or comments)');
  if (format === 'json') jsonReport(queries, io);
  else textReport(queries, io);
  return queries.some((q) => q.diagnostics.some((d) => d.severity === 'error')) ? 2 : 0;
}
