import { EVAL_USAGE, RUN_USAGE, ENTITIES_USAGE, START_USAGE, CONSOLE_USAGE, SITE_USAGE, CLOUD_USAGE, AGENT_USAGE, CHECK_USAGE } from './usage.js';
import { type Io, type ExitCode, UsageError } from './io.js';

const USAGE = `usage: openpivot <command> [options]

commands:
  ${EVAL_USAGE.split('\n').join('\n  ')}
  ${RUN_USAGE.split('\n').join('\n  ')}
  ${ENTITIES_USAGE.split('\n').join('\n  ')}
  ${CHECK_USAGE.split('\n').join('\n  ')}
  ${START_USAGE.split('\n').join('\n  ')}
  ${SITE_USAGE.split('\n').join('\n  ')}
  ${CLOUD_USAGE.split('\n').join('\n  ')}
  ${AGENT_USAGE.split('\n').join('\n  ')}
  ${CONSOLE_USAGE.split('\n').join('\n  ')}
`;

type Command = (argv: readonly string[], io: Io) => ExitCode | Promise<ExitCode>;
/** Loaded on demand: `eval` need not load every entity provider. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  eval: async () => (await import('./commands/eval.js')).evalCommand,
  run: async () => (await import('./commands/run.js')).runCommand,
  entities: async () => (await import('./commands/entities.js')).entitiesCommand,
  check: async () => (await import('./commands/check/check.js')).checkCommand,
  start: async () => (await import('./commands/start.js')).startCommand,
  console: async () => (await import('./commands/console.js')).consoleCommand,
  site: async () => (await import('./commands/site.js')).siteCommand,
  cloud: async () => (await import('./commands/cloud.js')).cloudCommand,
  agent: async () => (await import('./commands/agent.js')).agentCommand,
};

/** Runs one command; returns the exit code. Wrong usage exits 2 with a one-line reason. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    io.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`openpivot: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`openpivot ${name}: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`openpivot ${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
