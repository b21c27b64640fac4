/* eslint-disable @typescript-eslint/no-explicit-any -- REST bodies of many shapes; the tests assert on their fields. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { startCloud, type RunningCloud } from '@openpivot/cloud';
import { basicAuth, tempDir } from '../site/harness.js';
import { setUpTenant, call, passwordOf, quiet, V, CLOUD_ROLES, type TenantSetup } from './in-process.js';
import { eventually } from './cloud-harness.js';

/**
 * Tenant isolation (issue 7, item 6): two tenants, each with its own attached site and simulated devices,
 * users of every cloud role in both. Every route the cloud's router holds (`cloud.routes`, so a new route
 * is covered by itself) is called with tenant A's ids by each of B's users (Basic and Bearer), by nobody,
 * and with a wrong password: never a 2xx carrying A's data, and a route addressing A's resource answers
 * exactly as for an id that does not exist. The same routes called by A's users do show A's data.
 */
const QUERY_A = "OS | project Caption, Version, Marker = 'alpha-secret-marker-7f3e'";
const QUERY_B = 'OS | project Caption';
const MADE_UP = 987_654_321;

/** Routes anyone may call; each is checked below with its own bodies. Anything else must answer 401 to nobody. */
// The web app's files (GET / and GET /*) are public as a sign-in page must be; they carry no tenant data.
const PUBLIC_ROUTES = new Set(['POST /api/session', 'POST /connector/attach', 'GET /health', 'GET /auth/oidc/login', 'GET /auth/oidc/callback', 'GET /', 'GET /*']);
/** Routes whose answer to A's own users carries no tenant data by design (so "A sees A's data" is not asked of them). */
const NO_TENANT_DATA = new Set([
  'DELETE /api/session', 'POST /api/attach-codes',
  // Answers with a new operation's id only.
  'POST /AdminService/v1.0/Device/:id/AdminService.RunCMPivot',
  // Answers with the caller's own new favourite, and with nothing.
  'POST /api/favorites', 'DELETE /api/favorites/:favoriteId',
].map((k) => k.toLowerCase()));

let cloud: RunningCloud;
let A: TenantSetup;
let B: TenantSetup;
const ids = { aMachines: [] as number[], bMachines: [] as number[], aOp: 0, bOp: 0, aFavorite: 0, bFavorite: 0 };
let markers: string[] = [];

interface Caller {
  readonly name: string;
  /** The Authorization header for one request (a Bearer caller signs in afresh: DELETE /api/session ends its session). */
  readonly auth: () => Promise<string | null>;
}

async function signIn(upn: string, password = passwordOf(upn)): Promise<string> {
  const r = await call(cloud.url, 'POST', '/api/session', { body: { upn, password } });
  expect(r.status, r.text).toBe(201);
  return r.body.token as string;
}

function callersOf(t: TenantSetup, bearer: boolean): Caller[] {
  return CLOUD_ROLES.flatMap((role) => {
    const upn = t.upns[role];
    const basic: Caller = { name: `${t.name} ${role} (Basic)`, auth: async () => basicAuth(upn, passwordOf(upn)) };
    return bearer ? [basic, { name: `${t.name} ${role} (Bearer)`, auth: async () => `Bearer ${await signIn(upn)}` }] : [basic];
  });
}

async function send(method: string, path: string, auth: string | null, body?: unknown): Promise<{ status: number; text: string; body: any }> {
  const headers: Record<string, string> = {};
  if (auth) headers.authorization = auth;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(cloud.url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(15_000) });
  const text = await r.text();
  let parsed: any = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // An event stream, or an empty body.
  }
  return { status: r.status, text, body: parsed };
}

/** What of tenant A's data a response carries: marker strings in its text, A's ids or site code in its fields. */
function aDataIn(text: string): string[] {
  const found = markers.filter((m) => text.includes(m));
  const values: unknown[] = [];
  const blocks = text.startsWith('event:') || text.startsWith(':')
    ? text.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5))
    : [text];
  for (const block of blocks) {
    try {
      values.push(JSON.parse(block));
    } catch {
      // Not JSON: the text check above stands alone.
    }
  }
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (/^machineid$/i.test(k) && ids.aMachines.includes(x as number)) found.push(`${k}=${String(x)}`);
      if (/^operationid$/i.test(k) && x === ids.aOp) found.push(`${k}=${String(x)}`);
      if (/^sitecode$/i.test(k) && x === 'ALF') found.push(`${k}=ALF`);
      walk(x);
    }
  };
  values.forEach(walk);
  return found;
}

/** Every MachineId a response names (to check a list answers with B's devices only). */
function machineIdsIn(body: unknown): number[] {
  const out: number[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (/^machineid$/i.test(k) && typeof x === 'number') out.push(x);
      walk(x);
    }
  };
  walk(body);
  return out;
}

interface Filler {
  readonly a: number;
  readonly b: number;
  readonly madeUp: number;
}

/** What each route parameter names: a new parameter without a filler here fails the test. */
function fillers(): Readonly<Record<string, Filler>> {
  return {
    id: { a: ids.aMachines[0]!, b: ids.bMachines[0]!, madeUp: MADE_UP },
    op: { a: ids.aOp, b: ids.bOp, madeUp: MADE_UP + 1 },
    favoriteId: { a: ids.aFavorite, b: ids.bFavorite, madeUp: MADE_UP + 2 },
  };
}

const keyOf = (r: { method: string; url: string }): string => `${r.method} ${r.url}`.toLowerCase();
const paramsOf = (url: string): string[] => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
const fill = (url: string, values: Readonly<Record<string, number>>): string => url.replace(/:(\w+)/g, (_, p: string) => String(values[p]));

let favoriteNames = 0;

/** The request body a route gets (RunCMPivot needs a valid query to get past validation to the device). */
function bodyFor(method: string, url: string): unknown {
  if (/adminservice\.runcmpivot$/i.test(url)) return { InputQuery: QUERY_B };
  // A favourite's name is unique per user: each call saves a new one, or renames one (keeping its query).
  if (/^\/api\/favorites$/i.test(url) && method === 'POST') return { name: `favourite ${++favoriteNames}`, query: QUERY_B, tags: ['t'] };
  if (/^\/api\/favorites\//i.test(url) && method === 'PUT') return { name: `favourite ${++favoriteNames}` };
  return method === 'POST' || method === 'PUT' || method === 'PATCH' ? {} : undefined;
}

/**
 * An answer with the parameter values that differ between the two calls written as `<value>`, to compare
 * an A id's answer with a made-up id's.
 */
function normalized(text: string, values: Readonly<Record<string, number>>, other: Readonly<Record<string, number>>): string {
  let out = text;
  for (const [p, v] of Object.entries(values)) {
    if (other[p] !== v) out = out.replace(new RegExp(`(?<![\\w.-])${v}(?![\\w.-])`, 'g'), '<value>');
  }
  return out;
}

/**
 * The variants of a route's URL to try against a caller of B: all parameters A's (against all made up),
 * and with several parameters each one A's while the others are B's own (against it made up).
 */
function variants(url: string, f: Readonly<Record<string, Filler>>): { a: Record<string, number>; madeUp: Record<string, number>; what: string }[] {
  const ps = paramsOf(url);
  const all = (k: keyof Filler): Record<string, number> => Object.fromEntries(ps.map((p) => [p, f[p]![k]]));
  const out = [{ a: all('a'), madeUp: all('madeUp'), what: "all of A's" }];
  if (ps.length > 1) {
    for (const p of ps) out.push({ a: { ...all('b'), [p]: f[p]!.a }, madeUp: { ...all('b'), [p]: f[p]!.madeUp }, what: `A's :${p} with B's others` });
  }
  return out;
}

beforeAll(async () => {
  cloud = await startCloud({ dataDir: tempDir('cloud-isolation'), port: 0, host: '127.0.0.1', nodeId: 'isolation', log: quiet });
  [A, B] = await Promise.all([
    setUpTenant(cloud, { name: 'Alpha Corp', domain: 'alpha.example', siteCode: 'ALF', siteName: 'alpha-site-name', devicePrefix: 'ALPHA-', devices: 3, cloudUrl: cloud.url }),
    setUpTenant(cloud, { name: 'Bravo Corp', domain: 'bravo.example', siteCode: 'BRV', siteName: 'bravo-site-name', devicePrefix: 'BRAVO-', devices: 2, cloudUrl: cloud.url }),
  ]);
  const online = async (t: TenantSetup, n: number): Promise<any[]> => eventually(async () => {
    const r = await call(cloud.url, 'GET', `${V}/Device`, { upn: t.upns['Read Only Operator'] });
    return r.status === 200 && r.body.value.filter((d: any) => d.IsOnline).length === n ? r.body.value as any[] : null;
  }, 30_000, `${t.name}'s devices online in the cloud`);
  ids.aMachines = (await online(A, 3)).map((d) => d.MachineId);
  ids.bMachines = (await online(B, 2)).map((d) => d.MachineId);

  // One of each of A's resources: a device (above), an operation run by A's Help Desk user (mapped to a
  // site user by UPN) with its result, and audit entries (sign-ins, the query).
  const runOn = async (t: TenantSetup, machineId: number, query: string): Promise<number> => {
    const upn = t.upns['Help Desk Operator'];
    const r = await call(cloud.url, 'POST', `${V}/Device(${machineId})/AdminService.RunCMPivot`, { upn, body: { InputQuery: query } });
    expect(r.status, r.text).toBe(200);
    const op = r.body.value.OperationId as number;
    await eventually(async () => {
      const res = await call(cloud.url, 'GET', `${V}/Device(${machineId})/AdminService.CMPivotResult(OperationId=${op})`, { upn });
      return res.status === 200 && res.body.value.Complete ? res : null;
    }, 30_000, `operation ${op}'s result`);
    return op;
  };
  ids.aOp = await runOn(A, ids.aMachines[0]!, QUERY_A);
  ids.bOp = await runOn(B, ids.bMachines[0]!, QUERY_B);
  await signIn(A.upns['Intune Administrator']);
  // A favourite each, kept by a user of each tenant.
  const favoriteOf = async (t: TenantSetup, query: string): Promise<number> =>
    (await cloud.store.createFavorite({ userId: (await cloud.store.getUserByUpn(t.upns['Read Only Operator']))!.id, name: `${t.name} favourite`, query, tags: ['tag'], at: Date.now() })).id;
  ids.aFavorite = await favoriteOf(A, QUERY_A);
  ids.bFavorite = await favoriteOf(B, QUERY_B);

  const connectors = await cloud.store.listConnectors(A.tenantId);
  markers = [...new Set([A.tenantId, A.name, '@alpha.example', 'ALPHA-', 'alpha-secret-marker', 'alpha-site-name', A.site.siteId, ...connectors.map((c) => c.id)])];
  expect(connectors).toHaveLength(1);
  // MachineIds and operation ids are numbered across tenants: B's are not A's, so A's id can only mean A's thing.
  expect(ids.aMachines.filter((m) => ids.bMachines.includes(m))).toEqual([]);
}, 120_000);

afterAll(async () => {
  await Promise.all([A?.close(), B?.close()]);
  await cloud?.close();
});

describe('tenant isolation through every route of the cloud API', () => {
  it('knows how to fill every parameter of every route', () => {
    const routes = cloud.routes;
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const missing = [...new Set(routes.flatMap((r) => {
      // The one wildcard is the web app's files: public, checked for leaks with the public routes.
      if (r.url.includes('*') && !PUBLIC_ROUTES.has(`${r.method} ${r.url}`)) return [`add a filler for the wildcard in ${r.method} ${r.url}`];
      return paramsOf(r.url).filter((p) => !(p in fillers())).map((p) => `add a filler for :${p} (${r.method} ${r.url})`);
    }))];
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it("never answers B's users, nobody or a wrong password with A's data; A's ids answer as ids that do not exist", async () => {
    const f = fillers();
    const routes = [...new Map(cloud.routes.map((r) => [keyOf(r), r])).values()].filter((r) => !PUBLIC_ROUTES.has(`${r.method} ${r.url}`));
    const strangers: Caller[] = [
      ...callersOf(B, true),
      { name: 'nobody', auth: async () => null },
      { name: "A's admin with a wrong password", auth: async () => basicAuth(A.upns['Intune Administrator'], 'not-the-password') },
    ];
    const failures: string[] = [];
    for (const route of routes) {
      const ps = paramsOf(route.url);
      if (ps.some((p) => !(p in f))) {
        failures.push(`add a filler for :${ps.find((p) => !(p in f))} (${route.method} ${route.url})`);
        continue;
      }
      for (const caller of strangers) {
        const anonymous = caller.name === 'nobody' || caller.name.includes('wrong password');
        for (const v of ps.length > 0 ? variants(route.url, f) : [{ a: {}, madeUp: {}, what: 'no parameter' }]) {
          const label = `${route.method} ${route.url} [${v.what}] as ${caller.name}`;
          const r = await send(route.method, fill(route.url, v.a), await caller.auth(), bodyFor(route.method, route.url));
          const leaked = aDataIn(r.text);
          if (leaked.length > 0) failures.push(`${label}: ${r.status} carries A's data (${leaked.join(', ')}): ${r.text.slice(0, 300)}`);
          if (r.status >= 500) failures.push(`${label}: ${r.status} ${r.text.slice(0, 300)}`);
          if (anonymous) {
            if (r.status !== 401) failures.push(`${label}: ${r.status}, expected 401 (is it a new public route? add it to PUBLIC_ROUTES with its own leak check)`);
            continue;
          }
          if (ps.length > 0) {
            if (![401, 403, 404].includes(r.status)) failures.push(`${label}: ${r.status}, expected 404 (or 401/403): ${r.text.slice(0, 300)}`);
            const m = await send(route.method, fill(route.url, v.madeUp), await caller.auth(), bodyFor(route.method, route.url));
            const [got, expected] = [normalized(r.text, v.a, v.madeUp), normalized(m.text, v.madeUp, v.a)];
            if (r.status !== m.status || got !== expected) failures.push(`${label}: answers ${r.status} ${got} — a made-up id answers ${m.status} ${expected}`);
          } else if (r.status >= 200 && r.status < 300) {
            const foreign = machineIdsIn(r.body).filter((id) => !ids.bMachines.includes(id));
            if (foreign.length > 0) failures.push(`${label}: lists devices not of B: ${foreign.join(', ')}`);
          } else if (![401, 403].includes(r.status)) {
            failures.push(`${label}: ${r.status} ${r.text.slice(0, 300)}`);
          }
        }
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 120_000);

  it("lists only B's devices, operations, sites and audit to B's tenant admin", async () => {
    const admin = B.upns['Intune Administrator'];
    const devices = await call(cloud.url, 'GET', `${V}/Device`, { upn: admin });
    expect(devices.body.value.map((d: any) => d.MachineId).sort()).toEqual([...ids.bMachines].sort());
    expect(devices.body['@odata.count']).toBe(ids.bMachines.length);
    // Searching for A's device names finds nothing.
    for (const q of ['$search=ALPHA', "$filter=contains(Name,'ALPHA-')", "$filter=startswith(Name,'alpha')"]) {
      const r = await call(cloud.url, 'GET', `${V}/Device?${q}`, { upn: admin });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ '@odata.count': 0, value: [] });
    }
    // startswith is the start of the name; contains any part of it.
    const count = async (q: string): Promise<number> => (await call(cloud.url, 'GET', `${V}/Device?$filter=${encodeURIComponent(q)}`, { upn: admin })).body['@odata.count'];
    expect([await count("startswith(Name,'bravo-')"), await count("startswith(Name,'RAVO')"), await count("contains(Name,'RAVO')")]).toEqual([2, 0, 2]);
    const ops = await call(cloud.url, 'GET', `${V}/CMPivotOperations`, { upn: admin });
    expect(ops.body.value.map((o: any) => o.OperationId)).toContain(ids.bOp);
    expect(ops.body.value.every((o: any) => o.User.endsWith('@bravo.example'))).toBe(true);
    const sites = await call(cloud.url, 'GET', `${V}/Sites`, { upn: admin });
    expect(sites.body.value.map((s: any) => s.SiteCode)).toEqual(['BRV']);
    const audit = await call(cloud.url, 'GET', `${V}/Audit?$top=1000`, { upn: admin });
    expect(audit.body.value.length).toBeGreaterThan(0);
    expect(audit.body.value.every((a: any) => a.tenantId === B.tenantId)).toBe(true);
    expect(aDataIn(audit.text)).toEqual([]);
  });

  it("checks the public routes for leaks: signing in, attaching a site, health", async () => {
    const failures: string[] = [];
    const check = (label: string, r: { status: number; text: string }, status: number): void => {
      if (r.status !== status) failures.push(`${label}: ${r.status}, expected ${status}: ${r.text.slice(0, 300)}`);
      const leaked = aDataIn(r.text);
      if (leaked.length > 0) failures.push(`${label}: carries A's data (${leaked.join(', ')})`);
    };
    // Every public route, called plainly by nobody and by B's admin (OIDC is not configured here: its
    // routes answer 404; oidc.test.ts signs in through a real issuer).
    const bAdmin = basicAuth(B.upns['Intune Administrator'], passwordOf(B.upns['Intune Administrator']));
    for (const [method, url] of [...PUBLIC_ROUTES].map((k) => k.split(' ') as [string, string])) {
      expect(cloud.routes.some((r) => keyOf(r) === `${method} ${url}`.toLowerCase()), `${method} ${url} is no longer a route`).toBe(true);
      for (const auth of [null, bAdmin]) {
        const r = await send(method, url, auth, bodyFor(method, url));
        if (r.status >= 500) failures.push(`${method} ${url}: ${r.status} ${r.text.slice(0, 300)}`);
        const leaked = aDataIn(r.text);
        if (leaked.length > 0) failures.push(`${method} ${url}: carries A's data (${leaked.join(', ')})`);
      }
    }
    check('GET /auth/oidc/login with a return path', await send('GET', `/auth/oidc/login?returnTo=${encodeURIComponent(`${V}/Device(${ids.aMachines[0]})`)}`, null), 404);
    check('GET /auth/oidc/callback with a made-up code', await send('GET', '/auth/oidc/callback?code=x&state=y', null), 404);
    check('GET /health', await send('GET', '/health', null), 200);
    check('GET /health as B', await send('GET', '/health', basicAuth(B.upns['Read Only Operator'], passwordOf(B.upns['Read Only Operator']))), 200);
    // Signing in as A's user with a wrong password, and as B's own user: nothing of A's.
    check("POST /api/session with A's UPN and a wrong password", await send('POST', '/api/session', null, { upn: A.upns['Intune Administrator'], password: 'guess' }), 401);
    check('POST /api/session with an unknown UPN', await send('POST', '/api/session', null, { upn: 'nobody@alpha.example', password: 'guess' }), 401);
    for (const role of CLOUD_ROLES) check(`POST /api/session as B's ${role}`, await send('POST', '/api/session', null, { upn: B.upns[role], password: passwordOf(B.upns[role]) }), 201);
    // A site trying to attach with a code that is not one, claiming A's site: refused, nothing said of A.
    const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    check('POST /connector/attach with a made-up code', await send('POST', '/connector/attach', null, { code: 'opa_not-a-code', publicKey, siteId: A.site.siteId, siteCode: 'ALF', name: 'alpha-site-name-2' }), 403);
    // With a code of B's: the site is attached to B, and the answer names B only.
    const created = await send('POST', '/api/attach-codes', basicAuth(B.upns['Intune Administrator'], passwordOf(B.upns['Intune Administrator'])));
    expect(created.status).toBe(201);
    const attached = await send('POST', '/connector/attach', null, { code: created.body.code, publicKey, siteId: 'a-third-site', siteCode: 'THR', name: 'third-site' });
    check("POST /connector/attach with B's code", attached, 201);
    expect(attached.body.tenantId).toBe(B.tenantId);
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it("shows A's own users A's data through the same routes (the checks above are not vacuous)", async () => {
    const f = fillers();
    const routes = [...new Map(cloud.routes.map((r) => [keyOf(r), r])).values()];
    const own = [...callersOf(A, false), ...callersOf(A, true).filter((c) => c.name.includes('Intune') && c.name.includes('Bearer'))];
    const blind: string[] = [];
    for (const route of routes) {
      if (NO_TENANT_DATA.has(keyOf(route)) || (PUBLIC_ROUTES.has(`${route.method} ${route.url}`) && route.url !== '/api/session')) continue;
      const values = Object.fromEntries(paramsOf(route.url).map((p) => [p, f[p]!.a]));
      const url = fill(route.url, values);
      let seen = false;
      if (route.method === 'POST' && route.url === '/api/session') {
        const upn = A.upns['Read Only Operator'];
        seen = aDataIn((await send('POST', url, null, { upn, password: passwordOf(upn) })).text).length > 0;
      } else {
        for (const caller of own) {
          const r = await send(route.method, url, await caller.auth(), bodyFor(route.method, route.url));
          if (r.status >= 200 && r.status < 300 && aDataIn(r.text).length > 0) seen = true;
        }
      }
      if (!seen) blind.push(`${route.method} ${route.url}: no user of A got A's data from it (if it carries none by design, add it to NO_TENANT_DATA)`);
    }
    expect(blind, blind.join('\n')).toEqual([]);
  }, 60_000);
});
