import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Who this agent is to its site: an Ed25519 key pair made on the device (the private key never leaves
 * it) and, once enrolled, the device id the site gave it. Kept in `<dataDir>/agent-identity.json`,
 * readable by the agent's user only.
 */
export interface AgentIdentity {
  /** The site this identity is enrolled with; another site does not know the device id. */
  readonly siteUrl: string;
  readonly deviceId?: number;
  /** PKCS8, PEM. Never logged. */
  readonly privateKey: string;
  /** SPKI DER, base64: what `enroll` sends. */
  readonly publicKey: string;
}

export const IDENTITY_FILE = 'agent-identity.json';

/** A new key pair for `siteUrl`, not yet enrolled. */
export function generateIdentity(siteUrl: string): AgentIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    siteUrl: normalizeSiteUrl(siteUrl),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

/** Signs the challenge nonce (base64) with the private key (a PEM or a key object); the signature in base64. */
export function signNonce(privateKey: string | KeyObject, nonce: string): string {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  return sign(null, Buffer.from(nonce, 'base64'), key).toString('base64');
}

/**
 * Checks a value read from disk and returns it as an identity; throws an error naming the bad field.
 * The public key must be the private key's own, or the site would be told one key and shown another.
 */
export function parseIdentity(value: unknown, where: string): AgentIdentity {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: expected a JSON object`);
  const o = value as Record<string, unknown>;
  if (typeof o.siteUrl !== 'string' || o.siteUrl === '') throw new Error(`${where}: siteUrl must be a non-empty string`);
  if (o.deviceId !== undefined && (typeof o.deviceId !== 'number' || !Number.isInteger(o.deviceId) || o.deviceId <= 0)) {
    throw new Error(`${where}: deviceId must be a positive integer`);
  }
  if (typeof o.privateKey !== 'string') throw new Error(`${where}: privateKey must be a PKCS8 PEM string`);
  if (typeof o.publicKey !== 'string') throw new Error(`${where}: publicKey must be base64 SPKI DER`);
  let derived: string;
  try {
    const key = createPrivateKey(o.privateKey);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 key (${key.asymmetricKeyType ?? 'unknown'})`);
    derived = createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');
  } catch (e) {
    throw new Error(`${where}: privateKey is not a usable Ed25519 PKCS8 PEM key: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (derived !== o.publicKey) throw new Error(`${where}: publicKey does not belong to privateKey`);
  return { siteUrl: o.siteUrl, privateKey: o.privateKey, publicKey: o.publicKey, ...(o.deviceId !== undefined ? { deviceId: o.deviceId as number } : {}) };
}

/** The identity stored in `path`, or null when there is no such file. */
export async function loadIdentity(path: string): Promise<AgentIdentity | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`Cannot read the agent identity ${path}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not JSON: ${(e as Error).message}`);
  }
  return parseIdentity(value, path);
}

/**
 * The identity in `<dataDir>/agent-identity.json`, made and saved on first use. An identity enrolled
 * with another site is refused rather than overwritten: its device id would be lost for good.
 */
export async function loadOrCreateIdentity(dataDir: string, siteUrl: string): Promise<AgentIdentity> {
  const path = join(dataDir, IDENTITY_FILE);
  const found = await loadIdentity(path);
  if (found) {
    if (normalizeSiteUrl(found.siteUrl) !== normalizeSiteUrl(siteUrl)) {
      throw new Error(`${path} belongs to the site ${found.siteUrl}, not ${siteUrl}: use another data directory, or remove the file to enroll again.`);
    }
    return found;
  }
  const made = generateIdentity(siteUrl);
  await saveIdentity(dataDir, made);
  return made;
}

export async function saveIdentity(dataDir: string, identity: AgentIdentity): Promise<void> {
  const { siteUrl, deviceId, privateKey, publicKey } = identity;
  await writeFileAtomic(join(dataDir, IDENTITY_FILE), `${JSON.stringify({ siteUrl, deviceId, privateKey, publicKey }, null, 2)}\n`);
}

/**
 * Writes through a temporary file and a rename, mode 0600 in a 0700 directory, so a crash mid-write
 * never leaves half a key file and nobody else can read the key at any moment.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const dir = path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));
  if (dir) await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await rename(tmp, path);
}

/** `http://h:8080/` and `http://h:8080` name the same site. */
export function normalizeSiteUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The agent endpoint of a site: http → ws, https → wss, path `/agent`. Throws naming a bad URL. */
export function agentEndpoint(siteUrl: string): string {
  let u: URL;
  try {
    u = new URL(siteUrl);
  } catch {
    throw new Error(`siteUrl: '${siteUrl}' is not a URL (expected http://host:port or https://host)`);
  }
  const scheme = { 'http:': 'ws:', 'https:': 'wss:', 'ws:': 'ws:', 'wss:': 'wss:' }[u.protocol];
  if (!scheme) throw new Error(`siteUrl: '${siteUrl}' must start with http:// or https://`);
  u.protocol = scheme;
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/agent`;
  u.search = '';
  u.hash = '';
  return u.toString();
}
