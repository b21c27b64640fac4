import { describe, it, expect, afterEach } from 'vitest';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { DeviceFacts } from '@openpivot/protocol';
import { startSite, type RunningSite } from '../site.js';
import { silentLog } from '@openpivot/server';
import { createEnrollToken } from '../admin-commands.js';

/** A bare protocol peer: the test speaks the agent's side itself, over a real WebSocket. */
function keyPair(): { publicKey: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), privateKey };
}

const facts: DeviceFacts = { name: 'retry-01', platform: 'linux', os: 'Debian', osVersion: '12', agentVersion: '0.1.0', ip: '127.0.0.1' };

/** Connects, answers the challenge with `enroll`, and resolves with the welcome or the close code. */
function enroll(url: string, token: string, key: { publicKey: string; privateKey: KeyObject }): Promise<{ deviceId?: number; closed?: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/agent`);
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      if (m.t === 'challenge') {
        const signature = sign(null, Buffer.from(m.nonce, 'base64'), key.privateKey).toString('base64');
        ws.send(JSON.stringify({ t: 'enroll', token, publicKey: key.publicKey, signature, facts }));
      } else if (m.t === 'welcome') {
        ws.close();
        resolve({ deviceId: m.deviceId });
      }
    });
    ws.on('close', (code) => resolve({ closed: code }));
    ws.on('error', reject);
  });
}

let site: RunningSite | undefined;
afterEach(async () => site?.close());

describe('enrollment retried after a lost welcome', () => {
  it('the same key with the same token is the same device; another key with a spent token is refused', async () => {
    site = await startSite({ dataDir: mkdtempSync(join(tmpdir(), 'openpivot-enroll-')), port: 0, host: '127.0.0.1', adminPassword: 'x'.repeat(12), log: silentLog });
    const token = await createEnrollToken(site.store, { expiresMs: 60_000 });
    const key = keyPair();
    const first = await enroll(site.url, token, key);
    expect(first.deviceId).toBeGreaterThanOrEqual(16_777_217);
    expect(await enroll(site.url, token, key)).toEqual({ deviceId: first.deviceId });
    expect(await enroll(site.url, token, keyPair())).toEqual({ closed: 4401 });
    expect(await site.store.listDevices()).toHaveLength(1);
  });
});
