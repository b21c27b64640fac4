import { describe, it, expect, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:https';
import { spawnSite, spawnOpenpivot, enrollToken, tempDir, ADMIN_PASSWORD, type Proc } from './harness.js';

/**
 * With --tls-cert and --tls-key the site speaks only https and wss: the REST API and the agent
 * channel are encrypted, and an agent that trusts the certificate enrolls over it.
 */
const dir = tempDir('tls');
const cert = join(dir, 'cert.pem');
const key = join(dir, 'key.pem');
execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
  '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
const procs: Proc[] = [];
afterAll(async () => Promise.all(procs.map((p) => p.kill())));

function get(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { ca: readFileSync(cert), headers: { authorization: `Basic ${Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')}` } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the site over TLS', () => {
  it('serves https, refuses plain http, and an agent trusting the certificate enrolls over wss', async () => {
    const site = await spawnSite({ extra: ['--tls-cert', cert, '--tls-key', key] });
    procs.push(site);
    expect(site.url).toMatch(/^https:/);
    const agent = spawnOpenpivot(['agent', '--site', site.url, '--token', await enrollToken(site.storeArgs), '--data', tempDir('tls-agent')], { NODE_EXTRA_CA_CERTS: cert });
    procs.push(agent);
    await agent.waitFor(/connected to the site/);
    const devices = await get(site.url, '/AdminService/v1.0/Device');
    expect(devices.status).toBe(200);
    expect(JSON.parse(devices.body).value[0].IsOnline).toBe(true);
    await expect(fetch(`${site.url.replace('https', 'http')}/AdminService/v1.0/Device`)).rejects.toThrow();
  });
});
