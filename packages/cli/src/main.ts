import { evalCommand, EVAL_USAGE } from './commands/eval.js';
import { startCommand, START_USAGE } from './commands/start.js';
import { type Io, type ExitCode, UsageError } from './io.js';

const USAGE = `usage: openpivot <command> [options]

commands:
  ${EVAL_USAGE.split('\n').join('\n  ')}
  ${START_USAGE.split('\n').join('\n  ')}
`;

type Command = (argv: readonly string[], io: Io) => ExitCode | Promise<ExitCode>;
const COMMANDS: Readonly<Record<string, Command>> = { eval: evalCommand, start: startCommand };

/** Runs one command; returns the exit code. Wrong usage exits 2 with a one-line reason. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    io.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`openpivot: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`openpivot ${name}: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`openpivot ${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
