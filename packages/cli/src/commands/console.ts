import { createInterface } from 'node:readline';
import { runQuery } from '@openpivot/kql';
import { parseArgs, oneOf } from '../args.js';
import type { Io, ExitCode } from '../io.js';
import { formatTable } from '../format.js';
import { printDiagnostics } from './eval.js';


/** The query console: reads queries line by line, prints each answer; ends at end of input. */
export async function consoleCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, { dialect: 'value' });
  const dialect = oneOf('dialect', args.flags.get('dialect'), ['cmpivot', 'kusto'], 'cmpivot');
  const input = io.stdin;
  if (!input) return 0;
  const interactive = input.isTTY === true;
  if (interactive) io.stdout.write(`openpivot query console (${dialect}). One query per line; Ctrl-D ends.\n> `);
  const lines = createInterface({ input, terminal: false });
  for await (const line of lines) {
    const text = line.trim();
    if (text !== '' && !text.startsWith('//')) {
      const result = runQuery(text, { dialect, now: Date.now() });
      printDiagnostics(text, result.diagnostics, io);
      if (!result.diagnostics.some((d) => d.severity === 'error')) io.stdout.write(formatTable(result));
    }
    if (interactive) io.stdout.write('> ');
  }
  return 0;
}
