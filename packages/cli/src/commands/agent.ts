import { join } from 'node:path';
import { connectAgent, simulateAgents, createLogger, DEFAULT_DATA_DIR } from '@openpivot/agent';
import { agentLogSink } from '../agent-log-file.js';
import { parseArgs, type ParsedArgs } from '../args.js';
import { UsageError, type Io, type ExitCode } from '../io.js';
import { parseCount } from '../duration.js';
import { untilSignal } from '../signals.js';

/** `openpivot agent --site URL --token T [--data DIR]`, or `--simulate N` virtual devices. */
export async function agentCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, { site: 'value', token: 'value', data: 'value', simulate: 'value', seed: 'value' });
  if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}'`);
  const site = value(args, 'site');
  if (!site) throw new UsageError('--site URL is required (for example --site http://site.example:8080)');
  if (!/^https?:\/\//.test(site)) throw new UsageError('--site takes an http:// or https:// URL');
  const token = value(args, 'token');
  const dataDir = value(args, 'data');

  if (args.flags.has('simulate')) {
    const count = parseCount('simulate', args.flags.get('simulate'), 1, 100_000);
    if (!token) throw new UsageError('--simulate needs --token (one with enough uses: site enroll-token --uses N)');
    const fleet = await simulateAgents({ count, siteUrl: site, token, ...(dataDir ? { dataDir } : {}), seed: parseCount('seed', args.flags.get('seed'), 1, 2 ** 31) });
    io.stdout.write(`simulating ${count} devices against ${site}\n`);
    await untilSignal();
    await fleet.close();
    return 0;
  }

  // AgentLog('agent') reads the directory named by OPENPIVOT_LOG_DIR: point it at this agent's logs.
  const logDir = process.env.OPENPIVOT_LOG_DIR ?? join(dataDir ?? DEFAULT_DATA_DIR, 'logs');
  process.env.OPENPIVOT_LOG_DIR = logDir;
  const log = createLogger({ sink: agentLogSink(logDir, io.stderr), fields: { component: 'agent' } });
  const agent = await connectAgent({ siteUrl: site, ...(token ? { token } : {}), ...(dataDir ? { dataDir } : {}), log });
  const stop = untilSignal().then(() => agent.close());
  try {
    await Promise.race([agent.closed, stop]);
  } catch (e) {
    io.stderr.write(`openpivot agent: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  return 0;
}

function value(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}
