import { readFileSync } from 'node:fs';
import { startSite, openStore, createEnrollToken, addUser, attachToCloud, createLog, AdminCommandError, CloudAttachError, type Store } from '@openpivot/site';
import { parseArgs, type ParsedArgs } from '../args.js';
import { UsageError, type Io, type ExitCode } from '../io.js';
import { parseDuration, parseCount } from '../duration.js';
import { untilSignal } from '../signals.js';
import { webRoot } from '../web-root.js';

const STORE_FLAGS = { data: 'value', database: 'value' } as const;

/** `openpivot site …`: the server, or one of its admin subcommands. */
export async function siteCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [sub, ...rest] = argv;
  if (sub === 'enroll-token') return enrollToken(rest, io);
  if (sub === 'attach') return attach(rest, io);
  if (sub === 'user') {
    const [verb, ...more] = rest;
    if (verb !== 'add') throw new UsageError(`unknown 'site user' command '${verb ?? ''}'; try: site user add NAME --role ROLE [--upn UPN]`);
    return userAdd(more, io);
  }
  if (sub !== undefined && !sub.startsWith('--')) throw new UsageError(`unknown 'site' command '${sub}'`);
  return serve(argv, io);
}

async function serve(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, { ...STORE_FLAGS, port: 'value', host: 'value', nats: 'value', 'node-id': 'value', 'retention-days': 'value', 'disconnect-grace': 'value', 'tls-cert': 'value', 'tls-key': 'value' });
  if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}'`);
  const site = await startSite({
    ...storeOptions(args),
    port: parsePort(args.flags.get('port')),
    host: str(args, 'host') ?? '0.0.0.0',
    ...(str(args, 'nats') ? { natsUrl: str(args, 'nats')! } : {}),
    ...(str(args, 'node-id') ? { nodeId: str(args, 'node-id')! } : {}),
    retentionDays: parseCount('retention-days', args.flags.get('retention-days'), 7, 3650),
    ...(str(args, 'disconnect-grace') ? { disconnectGraceMs: parseDuration('disconnect-grace', str(args, 'disconnect-grace')!) } : {}),
    ...tlsOptions(str(args, 'tls-cert'), str(args, 'tls-key')),
    ...(webRoot() ? { webRoot: webRoot()! } : {}),
    log: createLog(io.stderr),
  });
  io.stdout.write(`openpivot site listening on ${site.url} (node ${site.nodeId})\n`);
  if (site.initialAdminPassword) io.stdout.write(`first start: user "admin" (Full Administrator), password (shown once): ${site.initialAdminPassword}\n`);
  await untilSignal();
  await site.close();
  return 0;
}

async function enrollToken(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, { ...STORE_FLAGS, expires: 'value', uses: 'value' });
  const expiresMs = parseDuration('expires', str(args, 'expires') ?? '24h');
  const uses = parseCount('uses', args.flags.get('uses'), 1, 1_000_000);
  await withStore(args, async (store) => io.stdout.write(`${await createEnrollToken(store, { expiresMs, uses })}\n`));
  return 0;
}

async function userAdd(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, { ...STORE_FLAGS, role: 'value', collection: 'value', upn: 'value' });
  const [name, extra] = args.positional;
  if (!name || extra !== undefined) throw new UsageError('usage: openpivot site user add NAME --role ROLE [--collection ID[,ID…]] [--upn UPN]');
  const upn = str(args, 'upn');
  const role = str(args, 'role');
  if (!role) throw new UsageError('--role is required (for example --role "Helpdesk Operator")');
  const collections = (str(args, 'collection') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  return withStore(args, async (store): Promise<ExitCode> => {
    try {
      const { generatedPassword } = await addUser(store, { name, role, collections, ...(upn !== undefined ? { upn } : {}), ...(process.env.OPENPIVOT_PASSWORD ? { password: process.env.OPENPIVOT_PASSWORD } : {}) });
      io.stdout.write(generatedPassword ? `user ${name} added; password (shown once): ${generatedPassword}\n` : `user ${name} added\n`);
      return 0;
    } catch (e) {
      if (e instanceof AdminCommandError) throw new UsageError(e.message);
      throw e;
    }
  });
}

/** `openpivot site attach --cloud URL --code CODE`: spends the attach code and keeps the connector credential. */
async function attach(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, { ...STORE_FLAGS, cloud: 'value', code: 'value' });
  if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}'`);
  const cloudUrl = str(args, 'cloud');
  const code = str(args, 'code');
  if (!cloudUrl || !code) throw new UsageError('usage: openpivot site attach --cloud URL --code CODE [--data DIR|--database URL]');
  return withStore(args, async (store): Promise<ExitCode> => {
    try {
      const attached = await attachToCloud(store, { cloudUrl, code });
      io.stdout.write(`attached to tenant ${attached.tenantName} (${attached.tenantId}) as connector ${attached.connectorId}\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof CloudAttachError)) throw e;
      io.stderr.write(`openpivot site attach: ${e.message}\n`);
      return 1;
    }
  });
}

function str(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

function storeOptions(args: ParsedArgs): { dataDir?: string; databaseUrl?: string } {
  const database = str(args, 'database');
  if (database !== undefined && !/^postgres(ql)?:\/\//.test(database)) throw new UsageError('--database takes a postgres:// URL');
  return { ...(str(args, 'data') ? { dataDir: str(args, 'data')! } : {}), ...(database ? { databaseUrl: database } : {}) };
}

async function withStore<T>(args: ParsedArgs, use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir: '.openpivot/site', ...storeOptions(args) });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** 0 asks the system for a free port (the listening line says which). */
function parsePort(v: string | true | undefined): number {
  if (v === undefined) return 8080;
  if (v === true || !/^\d{1,5}$/.test(v) || Number(v) > 65_535) throw new UsageError('--port takes a number from 0 to 65535');
  return Number(v);
}

/** --tls-cert and --tls-key go together: the site then speaks https and wss only. */
function tlsOptions(certFile: string | undefined, keyFile: string | undefined): { tls?: { cert: Buffer; key: Buffer } } {
  if (certFile === undefined && keyFile === undefined) return {};
  if (certFile === undefined || keyFile === undefined) throw new UsageError('--tls-cert and --tls-key are given together');
  const read = (flag: string, file: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (e) {
      throw new UsageError(`--${flag}: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return { tls: { cert: read('tls-cert', certFile), key: read('tls-key', keyFile) } };
}
