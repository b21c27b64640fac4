import { join, resolve } from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import { startSite, createEnrollToken, createLog } from '@openpivot/site';
import { startCloud, type CloudStore } from '@openpivot/cloud';
import { connectAgent, createLogger } from '@openpivot/agent';
import { agentLogSink } from '../agent-log-file.js';
import { parseArgs } from '../args.js';
import { UsageError, type Io, type ExitCode } from '../io.js';
import { untilSignal } from '../signals.js';
import { parsePort } from './server-flags.js';
import { webRoot } from '../web-root.js';
import { provisionCloud, attachOnce, mapSiteUsers, START_USERS } from './start-provision.js';

/**
 * `npm start`: the whole product on its embedded defaults, in one process — a cloud, a site attached to
 * it, and an agent for this machine enrolled in the site. First start makes a tenant with a user of each
 * cloud role (each mapped to a site user). Data lives under ./.openpivot (cloud/, site/, agent/); a
 * second start reuses all of it. Ctrl-C stops everything.
 */
export async function startCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, { data: 'value', port: 'value', 'cloud-port': 'value' });
  if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}'`);
  const data = resolve(typeof args.flags.get('data') === 'string' ? (args.flags.get('data') as string) : '.openpivot');
  const port = parsePort(args.flags.get('port'), 8080);
  const cloudPort = parsePort(args.flags.get('cloud-port'), 8090);
  const log = createLog(io.stderr);

  const web = webRoot() ? { webRoot: webRoot()! } : {};
  const cloud = await startCloud({ dataDir: join(data, 'cloud'), port: cloudPort, log, ...web });
  const { tenantId, generated } = await provisionCloud(cloud.store);
  await attachOnce(join(data, 'site'), cloud.store, tenantId, cloud.url);
  const site = await startSite({ dataDir: join(data, 'site'), port, log, cloudBackoff: { baseMs: 200, capMs: 5_000 }, ...web });
  await mapSiteUsers(site.store);

  const agentDir = join(data, 'agent');
  const enrolled = await knownToSite(join(agentDir, 'agent-identity.json'), (id) => site.store.getDevice(id).then((d) => d !== null));
  const token = enrolled ? undefined : await createEnrollToken(site.store, { expiresMs: 10 * 60_000 });
  const logDir = process.env.OPENPIVOT_LOG_DIR ?? join(agentDir, 'logs');
  process.env.OPENPIVOT_LOG_DIR = logDir; // where AgentLog('agent') reads
  const agentLog = createLogger({ sink: agentLogSink(logDir, io.stderr), fields: { component: 'agent' } });
  const agent = await connectAgent({ siteUrl: site.url, dataDir: agentDir, log: agentLog, ...(token ? { token } : {}) });
  const deviceId = await agent.welcomed;
  // Ready means ready: the admin center lists this machine before the URLs are printed.
  await cloudSees(cloud.store, tenantId, deviceId, 15_000);

  io.stdout.write(`openpivot cloud on ${cloud.url}; the admin center: ${cloud.url}/
`);
  io.stdout.write(`openpivot site on ${site.url}; this machine is device ${deviceId}; the site console: ${site.url}/console/
`);
  io.stdout.write('sign in to the cloud as:\n');
  for (const u of START_USERS) {
    const pw = generated.get(u.upn);
    io.stdout.write(`  ${u.upn.padEnd(26)} ${u.cloudRole.padEnd(21)} ${pw ? `password (shown once): ${pw}` : `password: ${process.env[u.env] ? `$${u.env}` : 'as printed on first start'}`}\n`);
  }
  if (site.initialAdminPassword) io.stdout.write(`site user "admin" (Full Administrator), password (shown once): ${site.initialAdminPassword}\n`);
  io.stdout.write(`try: curl -u helpdesk@openpivot.local:PASSWORD ${cloud.url}/AdminService/v1.0/Device\n`);
  await untilSignal();
  await agent.close();
  await site.close();
  await cloud.close();
  return 0;
}

async function cloudSees(store: CloudStore, tenantId: string, deviceId: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const devices = await store.listDevices(tenantId, { limit: 1000, offset: 0 });
    if (devices.some((d) => d.deviceId === deviceId && d.online)) return;
    await new Promise((res) => setTimeout(res, 100));
  }
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
