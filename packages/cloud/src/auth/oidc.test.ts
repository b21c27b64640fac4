import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider, { type AccountClaims } from 'oidc-provider';
import { startCloud, type RunningCloud } from '../cloud.js';
import { addCloudUser, addTenant } from '../admin-commands.js';
import { relativePath } from '../rest/oidc-routes.js';

/**
 * OpenID Connect sign-in against a real issuer: oidc-provider on a local port, driven through its
 * development login and consent pages with plain HTTP requests, as a browser would.
 */

const CLIENT_ID = 'openpivot-cloud';
const CLIENT_SECRET = 'test-client-secret-0123456789';

/** The issuer's accounts: the account id is what is typed at its login page. */
const accounts = new Map<string, AccountClaims>([
  ['alice', { sub: 'alice', email: 'Alice@Contoso.com', email_verified: true, preferred_username: 'alice' }],
  ['mallory', { sub: 'mallory', email: 'mallory@evil.test', email_verified: true }],
  ['impostor', { sub: 'impostor', email: 'alice@contoso.com', email_verified: true }],
  ['bob', { sub: 'bob', email: 'bob@private.test', email_verified: true, preferred_username: 'bob@contoso.com' }],
]);

let issuer: Server;
let issuerUrl: string;
let cloud: RunningCloud;
let dataDir: string;
let tenantId: string;
const logged: string[] = [];

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'openpivot-oidc-'));
  const cloudPort = await freePort();
  issuer = createServer();
  await new Promise<void>((resolve) => issuer.listen(0, '127.0.0.1', resolve));
  issuerUrl = `http://127.0.0.1:${(issuer.address() as { port: number }).port}`;
  const provider = new Provider(issuerUrl, {
    clients: [{
      client_id: CLIENT_ID, client_secret: CLIENT_SECRET, token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [`http://127.0.0.1:${cloudPort}/auth/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code'],
    }],
    findAccount: (_ctx, sub) => {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: () => claims } : undefined;
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username', 'name'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['oidc-test-cookie-key'] },
  });
  issuer.on('request', provider.callback());

  const store = (await import('../store/index.js')).openCloudStore;
  const admin = await store({ dataDir });
  try {
    tenantId = await addTenant(admin, { name: 'Contoso' });
    await addCloudUser(admin, { upn: 'alice@contoso.com', tenantId, role: 'Help Desk Operator', password: 'alice-password-1' });
    await addCloudUser(admin, { upn: 'bob@contoso.com', tenantId, role: 'Read Only Operator', password: 'bob-password-1' });
  } finally {
    await admin.close();
  }
  cloud = await startCloud({
    dataDir, port: cloudPort, host: '127.0.0.1', nodeId: 'oidc-test',
    oidc: { issuer: issuerUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    log: (event, fields) => logged.push(JSON.stringify({ event, ...fields })),
  });
});

afterAll(async () => {
  await cloud?.close();
  await new Promise<void>((resolve) => (issuer ? issuer.close(() => resolve()) : resolve()));
  issuer?.closeAllConnections();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A browser's cookies for one host: enough for the issuer's session and interaction cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expires = attrs.map((a) => a.trim()).find((a) => /^expires=/i.test(a));
      if (value === '' || (expires && Date.parse(expires.slice(8)) < Date.now())) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Goes from the cloud's login route through the issuer's login and consent pages (as `account`) until
 * the issuer redirects back to the cloud; returns that callback URL, not yet visited.
 */
async function throughIssuer(account: string, returnTo?: string, jar = new CookieJar()): Promise<string> {
  const login = await fetch(`${cloud.url}/auth/oidc/login${returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`}`, { redirect: 'manual' });
  expect(login.status).toBe(302);
  let next = login.headers.get('location')!;
  expect(next.startsWith(`${issuerUrl}/`)).toBe(true);
  for (let step = 0; step < 12; step++) {
    if (next.startsWith(cloud.url)) return next;
    const res = await fetch(new URL(next, issuerUrl), { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    if (res.status >= 300 && res.status < 400) {
      next = new URL(res.headers.get('location')!, issuerUrl).href;
      continue;
    }
    const page = await res.text();
    expect(res.status, page).toBe(200);
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    expect(action, page).toBeDefined();
    const form: Record<string, string> = prompt === 'login' ? { prompt, login: account, password: 'anything' } : { prompt: prompt ?? 'consent' };
    const submitted = await fetch(new URL(action!.replace(/&amp;/g, '&'), issuerUrl), {
      method: 'POST', redirect: 'manual', body: new URLSearchParams(form),
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    jar.take(submitted);
    expect(submitted.status, await submitted.clone().text()).toBeGreaterThanOrEqual(300);
    next = new URL(submitted.headers.get('location')!, issuerUrl).href;
  }
  throw new Error('the issuer never redirected back to the cloud');
}

const callback = (url: string, accept?: string) => fetch(url, { redirect: 'manual', ...(accept ? { headers: { accept } } : {}) });
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function tenantAudit() {
  return cloud.store.listAudit(tenantId, { offset: 0, limit: 1000 });
}

describe('OpenID Connect sign-in against a real issuer', () => {
  it('signs in a cloud user whose email is its UPN, links the account, and returns to the app with a session token', async () => {
    const res = await callback(await throughIssuer('alice', '/admin/devices?view=all'));
    expect(res.status).toBe(302);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/devices\?view=all#token=/);
    const token = new URLSearchParams(location.split('#')[1]).get('token')!;

    const me = await fetch(`${cloud.url}/api/me`, bearer(token));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ upn: 'alice@contoso.com', role: 'Help Desk Operator', tenantId, tenantName: 'Contoso' });
    const devices = await fetch(`${cloud.url}/AdminService/v1.0/Device`, bearer(token));
    expect(devices.status).toBe(200);
    expect(await devices.json()).toMatchObject({ value: [] });

    const user = await cloud.store.getUserByUpn('alice@contoso.com');
    expect(user?.oidcSubject).toBe(`${issuerUrl}|alice`);
    await expect.poll(async () => (await tenantAudit()).filter((a) => a.action === 'signin' && a.outcome === 'ok' && a.upn === 'alice@contoso.com'))
      .toEqual([expect.objectContaining({ details: { via: 'oidc' } })]);
  });

  it('signs the linked user in again by subject, even when the email changed; JSON when asked', async () => {
    accounts.set('alice', { sub: 'alice', email: 'alice.renamed@elsewhere.test', email_verified: true });
    try {
      const res = await callback(await throughIssuer('alice'), 'application/json');
      expect(res.status).toBe(200);
      const body = await res.json() as { token: string; expiresAt: string; user: { upn: string } };
      expect(body.user.upn).toBe('alice@contoso.com');
      expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
      expect((await fetch(`${cloud.url}/api/me`, bearer(body.token))).status).toBe(200);
    } finally {
      accounts.set('alice', { sub: 'alice', email: 'Alice@Contoso.com', email_verified: true, preferred_username: 'alice' });
    }
  });

  it('maps by preferred_username when the email is no UPN', async () => {
    const res = await callback(await throughIssuer('bob'), 'application/json');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { role: string } }).user.role).toBe('Read Only Operator');
    expect((await cloud.store.getUserByUpn('bob@contoso.com'))?.oidcSubject).toBe(`${issuerUrl}|bob`);
  });

  it('refuses an account that is no cloud user (403), creates no user and writes no tenant audit', async () => {
    const before = (await tenantAudit()).length;
    const res = await callback(await throughIssuer('mallory'), 'application/json');
    expect(res.status).toBe(403);
    const body = await res.json() as { error: { code: string; message: string } };
    expect(body.error.message).toContain('is not a cloud user of any tenant');
    expect(body.error.message).toContain('mallory@evil.test');
    expect(await cloud.store.getUserByUpn('mallory@evil.test')).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    const audit = await tenantAudit();
    expect(audit.length).toBe(before);
    expect(JSON.stringify(audit)).not.toContain('mallory');
    // A browser gets a page.
    const page = await callback(await throughIssuer('mallory'), 'text/html');
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('is not a cloud user of any tenant');
  });

  it('refuses another account with the email of a user already linked, and audits it', async () => {
    const res = await callback(await throughIssuer('impostor'), 'application/json');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('linked to another account');
    expect((await cloud.store.getUserByUpn('alice@contoso.com'))?.oidcSubject).toBe(`${issuerUrl}|alice`);
    await expect.poll(async () => (await tenantAudit()).some((a) => a.action === 'signin' && a.outcome === 'failed' && a.upn === 'alice@contoso.com')).toBe(true);
  });

  it('answers 400 to an unknown, tampered or replayed state', async () => {
    const url = await throughIssuer('alice');
    const tampered = new URL(url);
    tampered.searchParams.set('state', 'not-a-state-this-cloud-made');
    expect((await callback(tampered.href, 'application/json')).status).toBe(400);
    expect((await callback(`${cloud.url}/auth/oidc/callback`, 'application/json')).status).toBe(400);
    // The tampered attempt did not spend the real state; the real one works once, then never again.
    expect((await callback(url, 'application/json')).status).toBe(200);
    const replay = await callback(url, 'application/json');
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('BadRequest');
  });

  it('finishes on a second node, sharing the store, a sign-in started on the first, and refuses it replayed on either', async () => {
    // Two nodes behind one address: the issuer knows one callback URL, the callback may reach either.
    const second = await startCloud({
      dataDir, port: 0, host: '127.0.0.1', nodeId: 'oidc-test-2', publicUrl: cloud.url,
      oidc: { issuer: issuerUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      log: (event, fields) => logged.push(JSON.stringify({ event, ...fields })),
    });
    try {
      const url = await throughIssuer('alice', '/admin/devices');
      const onSecond = url.replace(cloud.url, second.url);
      expect(onSecond.startsWith(`${second.url}/auth/oidc/callback?`)).toBe(true);
      const res = await callback(onSecond);
      expect(res.status).toBe(302);
      const token = new URLSearchParams(res.headers.get('location')!.split('#')[1]).get('token')!;
      expect((await fetch(`${cloud.url}/api/me`, bearer(token))).status).toBe(200);

      for (const replay of [url, onSecond]) {
        const again = await callback(replay, 'application/json');
        expect(again.status).toBe(400);
        expect(((await again.json()) as { error: { message: string } }).error.message).toBe('This sign-in is unknown or has expired; start it again.');
      }
      // Both nodes racing for one callback: exactly one finishes it.
      const raced = await throughIssuer('alice');
      const answers = await Promise.all([callback(raced, 'application/json'), callback(raced.replace(cloud.url, second.url), 'application/json')]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    } finally {
      await second.close();
    }
  });

  it('never redirects to another site after signing in', async () => {
    for (const returnTo of ['https://evil.example/steal', '//evil.example/steal', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await callback(await throughIssuer('alice', returnTo));
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toMatch(/^\/#token=/);
    }
    expect(relativePath('/admin?x=1#frag')).toBe('/admin?x=1#frag');
    expect(relativePath('/ok/../path')).toBe('/path');
    expect(relativePath(undefined)).toBe('/');
    expect(relativePath('/\tevil')).toBe('/');
  });

  it('the client secret, a sign-in\'s PKCE verifier and its nonce are never logged', async () => {
    expect(logged.some((l) => l.includes('"event":"oidc.ready"'))).toBe(true);
    expect(logged.join('\n')).not.toContain(CLIENT_SECRET);
    const login = await fetch(`${cloud.url}/auth/oidc/login`, { redirect: 'manual' });
    const state = new URL(login.headers.get('location')!).searchParams.get('state')!;
    const kept = await cloud.store.takeOidcPending(state, Date.now());
    expect(kept?.nonce).toBe(new URL(login.headers.get('location')!).searchParams.get('nonce'));
    expect(logged.join('\n')).not.toContain(kept!.verifier);
    expect(logged.join('\n')).not.toContain(kept!.nonce);
  });
});

describe('OpenID Connect sign-in with the issuer down', () => {
  it('the cloud starts anyway and sign-in answers 503 saying why', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'openpivot-oidc-down-'));
    const down = `http://127.0.0.1:${await freePort()}`;
    const lines: string[] = [];
    const c = await startCloud({
      dataDir: dir, port: 0, host: '127.0.0.1', nodeId: 'oidc-down',
      oidc: { issuer: down, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      log: (event, fields) => lines.push(JSON.stringify({ event, ...fields })),
    });
    try {
      expect((await fetch(`${c.url}/health`)).status).toBe(200);
      const res = await fetch(`${c.url}/auth/oidc/login?returnTo=/`, { redirect: 'manual', headers: { accept: 'application/json' } });
      expect(res.status).toBe(503);
      const body = await res.json() as { error: { code: string; message: string } };
      expect(body.error.code).toBe('Unavailable');
      expect(body.error.message).toContain('OpenID Connect sign-in is unavailable');
      expect(body.error.message).toContain(down);
      expect(lines.some((l) => l.includes('oidc.discovery-failed'))).toBe(true);
      expect(lines.join('\n')).not.toContain(CLIENT_SECRET);
      // Password sign-in is unaffected; a cloud without OpenID Connect has no such sign-in.
      expect((await fetch(`${c.url}/api/me`)).status).toBe(401);
    } finally {
      await c.close();
      await rm(dir, { recursive: true, force: true });
    }
    const plain = await startCloud({ dataDir: await mkdtemp(join(tmpdir(), 'openpivot-oidc-none-')), port: 0, host: '127.0.0.1', log: () => undefined });
    try {
      expect((await fetch(`${plain.url}/auth/oidc/login`, { redirect: 'manual' })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
