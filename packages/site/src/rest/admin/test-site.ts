import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceFacts } from '@openpivot/protocol';
import { startSite, type RunningSite } from '../../site.js';
import { silentLog, sha256Hex } from '@openpivot/server';

/**
 * For the REST tests only: a whole site on a fresh SQLite directory, listening on a free loopback
 * port, with a few enrolled devices, and a small client that speaks to it over real HTTP.
 */
export interface TestSite {
  readonly site: RunningSite;
  readonly dataDir: string;
  readonly adminPassword: string;
  /** Enrolled devices by name: web-01 (linux), web-02 (windows), db-01 (linux). */
  readonly devices: Readonly<Record<string, number>>;
  call(method: string, path: string, o?: { auth?: string | null; body?: unknown; rawBody?: string }): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON (undefined when it is empty). */
  readonly json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any shape
}

export const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
export const bearer = (token: string): string => `Bearer ${token}`;

const FACTS: Readonly<Record<string, Omit<DeviceFacts, 'name'>>> = {
  'web-01': { platform: 'linux', os: 'Debian GNU/Linux', osVersion: '12', agentVersion: '0.1.0', ip: '127.0.0.11' },
  'web-02': { platform: 'windows', os: 'Windows Server 2022', osVersion: '10.0.20348', agentVersion: '0.1.0', ip: '127.0.0.12', domain: 'corp' },
  'db-01': { platform: 'linux', os: 'Ubuntu', osVersion: '24.04', agentVersion: '0.1.0', ip: '127.0.0.13' },
};

export async function startTestSite(): Promise<TestSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'openpivot-rest-'));
  const adminPassword = 'first-start-password';
  const site = await startSite({ dataDir, port: 0, host: '127.0.0.1', nodeId: 'rest-test', adminPassword, log: silentLog });
  const devices: Record<string, number> = {};
  const names = Object.keys(FACTS);
  await site.store.addEnrollToken({ tokenHash: sha256Hex('rest-test-enroll'), createdAt: Date.now(), expiresAt: Date.now() + 60_000, uses: names.length });
  for (const name of names) {
    const d = await site.store.enrollDevice(sha256Hex('rest-test-enroll'), { publicKey: `key-${name}`, facts: { name, ...FACTS[name]! }, at: Date.now() });
    devices[name] = d!.id;
  }
  const admin = basic('admin', adminPassword);
  return {
    site, dataDir, adminPassword, devices,
    async call(method, path, o = {}) {
      const auth = o.auth === undefined ? admin : o.auth;
      const headers: Record<string, string> = {};
      if (auth !== null) headers.authorization = auth;
      const body = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(site.url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, json: text === '' ? undefined : JSON.parse(text) };
    },
    async close() {
      await site.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
