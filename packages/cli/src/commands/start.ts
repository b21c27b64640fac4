import { join, resolve } from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import { startSite, createEnrollToken, createLog } from '@openpivot/site';
import { connectAgent, createLogger } from '@openpivot/agent';
import { agentLogSink } from '../agent-log-file.js';
import { parseArgs } from '../args.js';
import { UsageError, type Io, type ExitCode } from '../io.js';
import { untilSignal } from '../signals.js';

/**
 * `npm start`: a site on the embedded defaults and an agent for this machine, enrolled with it, in one
 * process. Data lives under ./.openpivot (site/ and agent/); a second start reuses both.
 */
export async function startCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, { data: 'value', port: 'value' });
  if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}'`);
  const data = resolve(typeof args.flags.get('data') === 'string' ? (args.flags.get('data') as string) : '.openpivot');
  const portFlag = args.flags.get('port');
  if (portFlag === true || (portFlag !== undefined && !/^\d{1,5}$/.test(portFlag))) throw new UsageError('--port takes a number from 0 to 65535');
  const port = portFlag === undefined ? 8080 : Number(portFlag);
  const log = createLog(io.stderr);
  const site = await startSite({ dataDir: join(data, 'site'), port, log });
  const agentDir = join(data, 'agent');
  const enrolled = await knownToSite(join(agentDir, 'agent-identity.json'), (id) => site.store.getDevice(id).then((d) => d !== null));
  const token = enrolled ? undefined : await createEnrollToken(site.store, { expiresMs: 10 * 60_000 });
  const logDir = process.env.OPENPIVOT_LOG_DIR ?? join(agentDir, 'logs');
  process.env.OPENPIVOT_LOG_DIR = logDir; // where AgentLog('agent') reads
  const agentLog = createLogger({ sink: agentLogSink(logDir, io.stderr), fields: { component: 'agent' } });
  const agent = await connectAgent({ siteUrl: site.url, dataDir: agentDir, log: agentLog, ...(token ? { token } : {}) });
  const deviceId = await agent.welcomed;
  io.stdout.write(`openpivot site on ${site.url}; this machine is device ${deviceId}\n`);
  if (site.initialAdminPassword) io.stdout.write(`first start: user "admin" (Full Administrator), password (shown once): ${site.initialAdminPassword}\n`);
  io.stdout.write(`try: curl -u admin:PASSWORD -X POST -H 'content-type: application/json' -d '{"InputQuery":"OS"}' ${site.url}/AdminService/v1.0/Device(${deviceId})/AdminService.RunCMPivot\n`);
  await untilSignal();
  await agent.close();
  await site.close();
  return 0;
}

/**
 * Whether the agent's saved identity names a device this site knows. A site whose data was removed
 * would refuse the old identity forever: then the identity goes and the agent enrolls afresh.
 */
async function knownToSite(file: string, known: (id: number) => Promise<boolean>): Promise<boolean> {
  let id: unknown;
  try {
    id = (JSON.parse(await readFile(file, 'utf8')) as { deviceId?: unknown }).deviceId;
  } catch {
    return false;
  }
  if (typeof id === 'number' && (await known(id))) return true;
  await rm(file, { force: true });
  return false;
}
