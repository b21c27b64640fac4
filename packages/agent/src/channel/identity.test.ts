import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicKey, verify } from 'node:crypto';
import { DeviceFacts } from '@openpivot/protocol';
import { agentEndpoint, generateIdentity, loadOrCreateIdentity, saveIdentity, signNonce } from './identity.js';
import { clipFacts, readDeviceFacts } from './facts.js';
import { createLogger } from './logger.js';
import { guardIdentity } from './connect-agent.js';
import { createPathPolicy } from '../local/path-policy.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'openpivot-id-'));

describe('the agent identity', () => {
  it('makes a key pair once and reads the same one back', async () => {
    const d = dir();
    const a = await loadOrCreateIdentity(d, 'http://site:8080/');
    const b = await loadOrCreateIdentity(d, 'http://site:8080');
    expect(b).toEqual(a);
    expect(a.deviceId).toBeUndefined();
    await saveIdentity(d, { ...a, deviceId: 42 });
    expect((await loadOrCreateIdentity(d, 'http://site:8080')).deviceId).toBe(42);
  });

  it('signs nonces that verify with the public key it sends', () => {
    const id = generateIdentity('http://x');
    const nonce = Buffer.alloc(32, 7).toString('base64');
    const key = createPublicKey({ key: Buffer.from(id.publicKey, 'base64'), format: 'der', type: 'spki' });
    expect(verify(null, Buffer.from(nonce, 'base64'), key, Buffer.from(signNonce(id.privateKey, nonce), 'base64'))).toBe(true);
  });

  it('refuses an identity enrolled with another site, and a damaged file, naming the field', async () => {
    const d = dir();
    await loadOrCreateIdentity(d, 'http://one');
    await expect(loadOrCreateIdentity(d, 'http://two')).rejects.toThrow(/belongs to the site http:\/\/one/);
    const path = join(d, 'agent-identity.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify({ ...file, publicKey: generateIdentity('http://one').publicKey }));
    await expect(loadOrCreateIdentity(d, 'http://one')).rejects.toThrow(/publicKey does not belong to privateKey/);
    writeFileSync(path, JSON.stringify({ ...file, deviceId: -3 }));
    await expect(loadOrCreateIdentity(d, 'http://one')).rejects.toThrow(/deviceId must be a positive integer/);
  });

  it('dials ws:// for http and wss:// for https, at /agent', () => {
    expect(agentEndpoint('http://127.0.0.1:8080')).toBe('ws://127.0.0.1:8080/agent');
    expect(agentEndpoint('https://site.example/base/')).toBe('wss://site.example/base/agent');
    expect(() => agentEndpoint('ftp://x')).toThrow(/^siteUrl: /);
    expect(() => agentEndpoint('nope')).toThrow(/^siteUrl: /);
  });

  it('never lets a query read the identity files', () => {
    const policy = guardIdentity(createPathPolicy(), ['/var/lib/openpivot']);
    expect(policy.allows('/var/lib/openpivot/agent-identity.json')).toBe(false);
    expect(policy.allows('/var/lib/openpivot/simulated-identities.json')).toBe(false);
    expect(policy.allows('/var/lib/openpivot/logs/agent.log')).toBe(true);
    expect(policy.allows('/etc/shadow')).toBe(false);
  });
});

describe('device facts and logs', () => {
  it("describes this machine within the protocol's schema", async () => {
    const f = await readDeviceFacts('linux', 'HOST-1');
    expect(DeviceFacts.safeParse(f).success).toBe(true);
    expect(f).toMatchObject({ name: 'HOST-1', platform: 'linux', agentVersion: '0.1.0' });
    expect(f.os.length).toBeGreaterThan(0);
    expect(clipFacts({ ...f, os: 'x'.repeat(1000) }).os).toHaveLength(255);
  });

  it('writes one JSON line per event with the fields AgentLog reads, and no secrets', () => {
    const lines: string[] = [];
    const log = createLogger({ sink: { write: (l: string) => lines.push(l) }, level: 'info', now: () => 0 }).child({ component: 'channel' });
    log.debug('hidden');
    log.warn('query failed', { opId: 5, token: 'T', privateKey: 'K' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({ time: '1970-01-01T00:00:00.000Z', level: 'warn', msg: 'query failed', pid: process.pid, component: 'channel', opId: 5 });
  });
});
