import { startCloud, openCloudStore, addTenant, addCloudUser, newAttachCode, CloudCommandError, type CloudStore } from '@openpivot/cloud';
import { createLog } from '@openpivot/server';
import { parseArgs, type ParsedArgs } from '../args.js';
import { UsageError, type Io, type ExitCode } from '../io.js';
import { parseCount, parseDuration, parseSize } from '../duration.js';
import { untilSignal } from '../signals.js';
import { STORE_FLAGS, str, storeOptions, parsePort } from './server-flags.js';
import { webRoot } from '../web-root.js';

/** `openpivot cloud …`: the cloud service, or one of its admin subcommands. */
export async function cloudCommand(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [sub, ...rest] = argv;
  if (sub === 'tenant') return rest[0] === 'add' ? tenantAdd(rest.slice(1), io) : usage(`unknown 'cloud tenant' command '${rest[0] ?? ''}'; try: cloud tenant add NAME`);
  if (sub === 'user') return rest[0] === 'add' ? userAdd(rest.slice(1), io) : usage(`unknown 'cloud user' command '${rest[0] ?? ''}'; try: cloud user add UPN --tenant ID --role ROLE`);
  if (sub === 'attach-code') return attachCode(rest, io);
  if (sub !== undefined && !sub.startsWith('--')) throw new UsageError(`unknown 'cloud' command '${sub}'`);
  return serve(argv, io);
}

function usage(message: string): never {
  throw new UsageError(message);
}

async function serve(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, {
    ...STORE_FLAGS, port: 'value', host: 'value', nats: 'value', 'node-id': 'value', 'retention-days': 'value', heartbeat: 'value',
    'query-timeout': 'value', 'result-limit': 'value', 'public-url': 'value', 'oidc-issuer': 'value', 'oidc-client-id': 'value', 'oidc-client-secret': 'value',
  });
  if (args.positional.length > 0) throw new UsageError(`unexpected argument '${args.positional[0]}'`);
  const publicUrl = str(args, 'public-url');
  if (publicUrl !== undefined && !isHttpUrl(publicUrl)) throw new UsageError('--public-url takes an http:// or https:// URL');
  const heartbeat = str(args, 'heartbeat');
  const heartbeatMs = heartbeat === undefined ? undefined : parseDuration('heartbeat', heartbeat);
  if (heartbeatMs !== undefined && heartbeatMs > 600_000) throw new UsageError('--heartbeat must be at most 10m');
  const cloud = await startCloud({
    ...storeOptions(args),
    port: parsePort(args.flags.get('port'), 8090),
    host: str(args, 'host') ?? '0.0.0.0',
    ...(str(args, 'nats') ? { natsUrl: str(args, 'nats')! } : {}),
    ...(str(args, 'node-id') ? { nodeId: str(args, 'node-id')! } : {}),
    retentionDays: parseCount('retention-days', args.flags.get('retention-days'), 7, 3650),
    // The sites' heartbeat and this node's lease refresh; a node's holds lapse after three of them.
    ...(heartbeatMs !== undefined ? { heartbeatMs } : {}),
    ...(str(args, 'query-timeout') ? { queryTimeoutMs: parseDuration('query-timeout', str(args, 'query-timeout')!) } : {}),
    ...(str(args, 'result-limit') ? { resultLimitBytes: parseSize('result-limit', str(args, 'result-limit')!) } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    ...oidcOptions(args),
    ...(webRoot() ? { webRoot: webRoot()! } : {}),
    log: createLog(io.stderr),
  });
  io.stdout.write(`openpivot cloud listening on ${cloud.url} (node ${cloud.nodeId})\n`);
  await untilSignal();
  await cloud.close();
  return 0;
}

/**
 * `--oidc-issuer URL --oidc-client-id ID [--oidc-client-secret S]`: OpenID Connect sign-in. The secret
 * may come from OPENPIVOT_OIDC_CLIENT_SECRET instead (kept out of the process list); it is never logged.
 */
function oidcOptions(args: ParsedArgs): { oidc?: { issuer: string; clientId: string; clientSecret?: string } } {
  const issuer = str(args, 'oidc-issuer');
  const clientId = str(args, 'oidc-client-id');
  const clientSecret = str(args, 'oidc-client-secret') ?? (process.env.OPENPIVOT_OIDC_CLIENT_SECRET || undefined);
  if (issuer === undefined && clientId === undefined) {
    if (str(args, 'oidc-client-secret') !== undefined) throw new UsageError('--oidc-client-secret needs --oidc-issuer and --oidc-client-id');
    return {};
  }
  if (issuer === undefined || clientId === undefined) throw new UsageError('OpenID Connect sign-in needs both --oidc-issuer URL and --oidc-client-id ID');
  if (!isHttpUrl(issuer)) throw new UsageError('--oidc-issuer takes an http:// or https:// URL');
  return { oidc: { issuer, clientId, ...(clientSecret ? { clientSecret } : {}) } };
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && /^https?:$/.test(new URL(text).protocol);
}

async function tenantAdd(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, STORE_FLAGS);
  const [name, extra] = args.positional;
  if (!name || extra !== undefined) throw new UsageError('usage: openpivot cloud tenant add NAME [--data DIR|--database URL]');
  return withCloudStore(args, async (store) => {
    io.stdout.write(`${await addTenant(store, { name })}\n`);
    return 0;
  });
}

async function userAdd(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, { ...STORE_FLAGS, tenant: 'value', role: 'value' });
  const [upn, extra] = args.positional;
  const tenantId = str(args, 'tenant');
  const role = str(args, 'role');
  if (!upn || extra !== undefined || !tenantId || !role) {
    throw new UsageError('usage: openpivot cloud user add UPN --tenant ID --role "Intune Administrator"|"Help Desk Operator"|"Read Only Operator"');
  }
  return withCloudStore(args, async (store) => {
    const password = process.env.OPENPIVOT_PASSWORD;
    const { generatedPassword } = await addCloudUser(store, { upn, tenantId, role, ...(password ? { password } : {}) });
    io.stdout.write(generatedPassword ? `cloud user ${upn} added; password (shown once): ${generatedPassword}\n` : `cloud user ${upn} added\n`);
    return 0;
  });
}

async function attachCode(argv: readonly string[], io: Io): Promise<ExitCode> {
  const args = parseArgs(argv, { ...STORE_FLAGS, tenant: 'value' });
  const tenantId = str(args, 'tenant');
  if (!tenantId || args.positional.length > 0) throw new UsageError('usage: openpivot cloud attach-code --tenant ID [--data DIR|--database URL]');
  return withCloudStore(args, async (store) => {
    io.stdout.write(`${await newAttachCode(store, { tenantId })}\n`);
    return 0;
  });
}

/** Opens the cloud's store for one admin command; a refused command is a usage error (exit 2). */
async function withCloudStore(args: ParsedArgs, use: (store: CloudStore) => Promise<ExitCode>): Promise<ExitCode> {
  const store = await openCloudStore({ dataDir: '.openpivot/cloud', ...storeOptions(args) });
  try {
    return await use(store);
  } catch (e) {
    if (e instanceof CloudCommandError) throw new UsageError(e.message);
    throw e;
  } finally {
    await store.close();
  }
}
