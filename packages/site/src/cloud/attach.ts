import { generateKeyPairSync, randomUUID, createPrivateKey, type KeyObject } from 'node:crypto';
import { hostname } from 'node:os';
import { AttachResponse, validate, describeErrors, type AttachRequest } from '@openpivot/protocol';
import type { Store } from '../store/index.js';

/** The settings that hold the site's connector credential; present once the site is attached. */
export const CLOUD_SETTINGS = {
  url: 'cloud.url',
  connectorId: 'cloud.connectorId',
  tenantId: 'cloud.tenantId',
  /** PKCS8 DER, base64. Never logged or printed. */
  privateKey: 'cloud.privateKey',
} as const;

/** What the connector needs to dial the cloud and prove who it is. */
export interface CloudCredential {
  readonly url: string;
  readonly connectorId: string;
  readonly tenantId: string;
  readonly privateKey: KeyObject;
}

export class CloudAttachError extends Error {}

export interface AttachOptions {
  /** The cloud's base URL (http or https), as the tenant admin gave it. */
  readonly cloudUrl: string;
  /** The one-time attach code (`openpivot cloud attach-code`). */
  readonly code: string;
  /** Three letters or digits; "OPS", the store's default, unless given. */
  readonly siteCode?: string;
  /** How the cloud names this site; the host name by default. */
  readonly name?: string;
  /** How long to wait for the cloud (15 s by default). */
  readonly timeoutMs?: number;
}

export interface Attached {
  readonly connectorId: string;
  readonly tenantId: string;
  readonly tenantName: string;
}

/**
 * `openpivot site attach`: makes the connector's Ed25519 key pair, spends the attach code at the cloud
 * (`POST /connector/attach` with the public key), and keeps the credential in the site's settings. An
 * earlier attachment is replaced. The private key stays in the store: it is never sent, logged or printed.
 */
export async function attachToCloud(store: Store, o: AttachOptions): Promise<Attached> {
  const base = parseCloudUrl(o.cloudUrl);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const siteId = await store.initSetting('site.id', randomUUID());
  const request: AttachRequest = {
    code: o.code,
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    siteId,
    siteCode: o.siteCode ?? 'OPS',
    name: (o.name ?? hostname()).slice(0, 255) || 'site',
  };
  const endpoint = new URL('connector/attach', base);
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
    });
  } catch (e) {
    throw new CloudAttachError(`cannot reach the cloud at ${base.origin}: ${reasonOf(e)}`);
  }
  const text = await res.text().catch(() => '');
  const body = parseJson(text);
  if (!res.ok) throw new CloudAttachError(`the cloud refused the attach code (${res.status}): ${errorMessageOf(body) ?? (text.slice(0, 200) || res.statusText)}`);
  const answer = validate(AttachResponse, body);
  if (!answer.ok) throw new CloudAttachError(`the cloud's answer is not an attach response: ${describeErrors(answer.errors)}`);
  await store.setSetting(CLOUD_SETTINGS.url, stripSlash(base.href));
  await store.setSetting(CLOUD_SETTINGS.connectorId, answer.value.connectorId);
  await store.setSetting(CLOUD_SETTINGS.tenantId, answer.value.tenantId);
  await store.setSetting(CLOUD_SETTINGS.privateKey, privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
  return answer.value;
}

/** The stored credential, or null if the site was never attached (or the setting is damaged). */
export async function loadCloudCredential(store: Store): Promise<CloudCredential | null> {
  const [url, connectorId, tenantId, key] = await Promise.all([
    store.getSetting(CLOUD_SETTINGS.url), store.getSetting(CLOUD_SETTINGS.connectorId),
    store.getSetting(CLOUD_SETTINGS.tenantId), store.getSetting(CLOUD_SETTINGS.privateKey),
  ]);
  if (!url || !connectorId || !key) return null;
  try {
    const privateKey = createPrivateKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'pkcs8' });
    if (privateKey.asymmetricKeyType !== 'ed25519') return null;
    return { url, connectorId, tenantId: tenantId ?? '', privateKey };
  } catch {
    return null;
  }
}

/** The cloud's base URL with a trailing slash (so relative paths keep any prefix); http or https only. */
export function parseCloudUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CloudAttachError(`the cloud URL '${text}' is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CloudAttachError(`the cloud URL '${text}' must start with http:// or https://`);
  if (url.username || url.password) throw new CloudAttachError('the cloud URL must not hold a user name or password');
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** ws(s)://…/connector for a stored cloud URL. */
export function connectorUrl(cloudUrl: string): string {
  const base = parseCloudUrl(cloudUrl);
  const url = new URL('connector', base);
  url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

function stripSlash(href: string): string {
  return href.endsWith('/') ? href.slice(0, -1) : href;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorMessageOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message.slice(0, 1000) : null;
}

function reasonOf(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as { cause?: unknown }).cause;
    if (e.name === 'TimeoutError') return 'no answer in time';
    if (cause instanceof Error && cause.message) return cause.message;
    return e.message;
  }
  return String(e);
}
