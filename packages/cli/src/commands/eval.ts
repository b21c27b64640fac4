import { lineCol, runQuery, type Diagnostic } from '@openpivot/kql';
import { parseArgs, oneOf } from '../args.js';
import { type Io, type ExitCode, UsageError } from '../io.js';
import { formatCsv, formatJson, formatTable } from '../format.js';


/** Prints each diagnostic as `error KQLnnnn at LINE:COL: message`. */
export function printDiagnostics(text: string, diagnostics: readonly Diagnostic[], io: Io): void {
  for (const d of diagnostics) {
    const { line, col } = lineCol(text, d.span.start);
    io.stderr.write(`${d.severity} ${d.code} at ${line}:${col}: ${d.message}\n`);
  }
}

export function evalCommand(argv: readonly string[], io: Io): ExitCode {
  const args = parseArgs(argv, { format: 'value', dialect: 'value', now: 'value' });
  if (args.positional.length !== 1) throw new UsageError('eval takes exactly one query argument');
  const text = args.positional[0]!;
  const format = oneOf('format', args.flags.get('format'), ['table', 'json', 'csv'], 'table');
  const dialect = oneOf('dialect', args.flags.get('dialect'), ['cmpivot', 'kusto'], 'cmpivot');
  const nowFlag = args.flags.get('now');
  const now = typeof nowFlag === 'string' ? Date.parse(nowFlag) : Date.now();
  if (Number.isNaN(now)) throw new UsageError('--now must be a datetime such as 2024-01-15T12:00:00Z');
  const result = runQuery(text, { dialect, now });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    printDiagnostics(text, errors, io);
    return 2;
  }
  printDiagnostics(text, result.diagnostics, io);
  io.stdout.write(format === 'json' ? formatJson(result) : format === 'csv' ? formatCsv(result) : formatTable(result));
  return 0;
}
