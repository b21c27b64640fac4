import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '@openpivot/protocol';
import { startTestSite, type TestSite } from './admin/test-site.js';
import { ROUTES } from './admin/api-routes.js';
import { rewriteODataPath } from '@openpivot/protocol';
import { createApp } from './app.js';
import type { SiteContext } from './context.js';
import { Authenticator } from '../auth/authenticate.js';
import { Auditor } from '../audit.js';
import { LocalBus } from '../cluster/bus.js';
import { AgentHub } from '../agents/agent-hub.js';
import { OperationService } from '../operations/operation-service.js';
import { silentLog } from '@openpivot/server';

let t: TestSite;
beforeAll(async () => {
  t = await startTestSite();
});
afterAll(() => t?.close());

type Doc = { openapi: string; paths: Record<string, Record<string, Record<string, any>>>; components: Record<string, Record<string, any>> }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every `$ref` in the document, to check each points at something. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k === '$ref' && typeof v === 'string') out.push(v); else refsIn(v, out);
  }
  return out;
}

/** A documented path in the router's form: OData keys as segments, parameters as `:p`, lower case. */
function routerForm(path: string): string {
  return rewriteODataPath(path.replace(/'?\{\w+\}'?/g, 'PARAM')).replace(/PARAM/g, ':p').toLowerCase();
}

/** The routes a Fastify app holds, from `printRoutes` (its only public listing): "METHOD path" lines. */
function registeredRoutes(tree: string): Set<string> {
  const out = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const path = (depth > 0 ? stack[depth - 1]! : '') + m[2]!;
    stack[depth] = path;
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) out.add(`${method} ${path.replace(/:\w+/g, ':p')}`);
  }
  return out;
}

/**
 * Where `value` departs from `schema` (a small JSON Schema reader: $ref, allOf, oneOf, type, const,
 * enum, required, properties, items): missing or undocumented fields, or wrong types.
 */
function departures(doc: Doc, schema: Record<string, any>, value: unknown, at = '$'): string[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (schema.$ref) return departures(doc, doc.components.schemas![String(schema.$ref).split('/').pop()!], value, at);
  if (schema.allOf) {
    const parts = schema.allOf.map((s: Record<string, unknown>) => (s.$ref ? doc.components.schemas![String(s.$ref).split('/').pop()!] : s));
    const merged = { type: 'object', properties: Object.assign({}, ...parts.map((p: { properties?: object }) => p.properties)), required: parts.flatMap((p: { required?: string[] }) => p.required ?? []) };
    return departures(doc, merged, value, at);
  }
  if (schema.oneOf) return schema.oneOf.some((s: Record<string, unknown>) => departures(doc, s, value, at).length === 0) ? [] : [`${at}: matches no alternative`];
  if ('const' in schema) return value === schema.const ? [] : [`${at}: expected ${schema.const}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${String(value)} is not one of the enum`];
  const types: string[] = schema.type === undefined ? [] : [schema.type].flat();
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (types.length > 0 && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return [`${at}: ${actual}, documented ${types.join('|')}`];
  if (actual === 'array' && schema.items) return (value as unknown[]).flatMap((v, i) => departures(doc, schema.items, v, `${at}[${i}]`));
  if (actual !== 'object' || !schema.properties) return [];
  const obj = value as Record<string, unknown>;
  const out = (schema.required ?? []).filter((k: string) => !(k in obj)).map((k: string) => `${at}.${k}: missing`);
  for (const [k, v] of Object.entries(obj)) {
    if (schema.properties[k]) out.push(...departures(doc, schema.properties[k], v, `${at}.${k}`));
    else if (schema.additionalProperties !== true) out.push(`${at}.${k}: not documented`);
  }
  return out;
}

describe('openapi.json', () => {
  it('is served without credentials as OpenAPI 3.1, listing RunCMPivot with its body from the protocol schema', async () => {
    const r = await t.call('GET', '/openapi.json', { auth: null });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    const doc = r.json as Doc;
    expect(doc.openapi).toBe('3.1.0');
    const run = doc.paths["/AdminService/v1.0/Collections('{collectionId}')/AdminService.RunCMPivot"]!.post!;
    expect(run.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/RunCMPivotBody' });
    expect(Object.keys(doc.paths).filter((p) => p.endsWith('AdminService.RunCMPivot'))).toHaveLength(3);
    const body = doc.components.schemas!.RunCMPivotBody;
    expect(body.required).toEqual(['InputQuery']);
    expect(body.properties.InputQuery).toMatchObject({ type: 'string', minLength: 1, maxLength: LIMITS.maxQueryChars });
    expect(doc.components.schemas!.CollectionBody.properties.Rules.items.properties.op.enum).toContain('like');
    expect(doc.components.securitySchemes).toMatchObject({ basic: { type: 'http', scheme: 'basic' }, bearer: { type: 'http', scheme: 'bearer' } });
    expect(run.responses['401']).toEqual({ $ref: '#/components/responses/E401' });
    expect(doc.components.responses!.E403.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    expect(doc.paths['/openapi.json']!.get!.security).toEqual([]);
  });

  it('resolves every $ref and documents the path parameters each path names', async () => {
    const doc = (await t.call('GET', '/openapi.json', { auth: null })).json as Doc;
    for (const ref of refsIn(doc)) {
      const [, kind, name] = /^#\/components\/(\w+)\/(\w+)$/.exec(ref) ?? [];
      expect(doc.components[kind!]?.[name!], ref).toBeDefined();
    }
    for (const [path, ops] of Object.entries(doc.paths)) {
      const named = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const op of Object.values(ops)) {
        expect((op.parameters ?? []).filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name).sort(), path).toEqual(named);
      }
    }
  });

  it('documents exactly the routes the site registers', async () => {
    const bus = new LocalBus();
    const hub = new AgentHub();
    const auditor = new Auditor(t.site.store, silentLog);
    const operations = new OperationService(t.site.store, bus, hub, auditor, silentLog, { deviceTimeLimitMs: 10_000, deviceMaxBytes: 1_000_000, disconnectGraceMs: 1000 }, 'route-list');
    const ctx: SiteContext = {
      store: t.site.store, auth: new Authenticator(t.site.store), auditor, operations, bus, hub, log: silentLog,
      clock: Date.now, nodeId: 'route-list', settings: { operationTimeoutMs: 60_000, staleAfterMs: 95_000 },
    };
    const app = createApp(ctx);
    try {
      await app.ready();
      const registered = registeredRoutes(app.printRoutes({ commonPrefix: false }));
      const documented = new Set(ROUTES.map((r) => `${r.method.toUpperCase()} ${routerForm(r.path)}`));
      expect(registered.size).toBeGreaterThan(30);
      expect([...registered].filter((r) => !documented.has(r)), 'registered but not documented').toEqual([]);
      expect([...documented].filter((r) => !registered.has(r)), 'documented but not registered').toEqual([]);
    } finally {
      await operations.close();
      await app.close();
      await bus.close();
    }
  });

  it('names only paths the site answers, as a client would call them', async () => {
    const samples: Record<string, string> = {
      deviceId: '999999', collectionId: 'ZZZ99999', operationId: '999999', userKey: '999999', assignmentId: '999999', roleKey: '999999', tokenId: '999999', favoriteId: '999999',
    };
    for (const route of ROUTES) {
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => samples[name]!);
      const method = route.method.toUpperCase();
      // Empty bodies and unknown ids: every call is refused by its route (400/404), so nothing changes.
      const r = await t.call(method, path, method === 'GET' || method === 'DELETE' ? {} : { body: {} });
      expect(r.status, `${method} ${path}`).toBeLessThan(500);
      expect(String(r.json?.error?.message ?? ''), `${method} ${path}`).not.toMatch(/^No such resource/);
    }
  });
  it('describes the answers the routes really give', async () => {
    const doc = (await t.call('GET', '/openapi.json', { auth: null })).json as Doc;
    const V = '/AdminService/v1.0';
    const calls: [string, string, string, unknown?][] = [
      ['GET', `${V}/Collections`, '/AdminService/v1.0/Collections'],
      ['POST', `${V}/Collections`, '/AdminService/v1.0/Collections', { Name: 'Doc check', Rules: [{ field: 'OS', op: 'contains', value: 'Windows' }] }],
      ['GET', `${V}/Collections('SMS00001')/Members`, "/AdminService/v1.0/Collections('{collectionId}')/Members"],
      ['GET', `${V}/Device`, '/AdminService/v1.0/Device'],
      ['POST', `${V}/Users`, '/AdminService/v1.0/Users', { Name: 'doc-user' }],
      ['GET', `${V}/Users`, '/AdminService/v1.0/Users'],
      ['POST', `${V}/Users('doc-user')/RoleAssignments`, '/AdminService/v1.0/Users({userKey})/RoleAssignments', { Role: 'Read-only Analyst' }],
      ['GET', `${V}/Roles`, '/AdminService/v1.0/Roles'],
      ['POST', `${V}/Roles`, '/AdminService/v1.0/Roles', { Name: 'Doc role', Permissions: ['Audit.Read'] }],
      ['GET', `${V}/Me`, '/AdminService/v1.0/Me'],
      ['POST', `${V}/Me/ApiTokens`, '/AdminService/v1.0/Me/ApiTokens', { Name: 'doc' }],
      ['GET', `${V}/Me/ApiTokens`, '/AdminService/v1.0/Me/ApiTokens'],
      ['GET', `${V}/AuditRecords`, '/AdminService/v1.0/AuditRecords'],
      ['GET', `${V}/AuditRecords/Verify`, '/AdminService/v1.0/AuditRecords/Verify'],
      ['GET', `${V}/CMPivotOperations`, '/AdminService/v1.0/CMPivotOperations'],
      ['POST', '/api/favorites', '/api/favorites', { name: 'Doc favourite', query: 'OS', tags: ['doc'] }],
      ['GET', '/api/favorites', '/api/favorites'],
    ];
    for (const [method, url, path, body] of calls) {
      const r = await t.call(method, url, body === undefined ? {} : { body });
      const op = doc.paths[path]![method.toLowerCase()]!;
      const response = op.responses[String(r.status)];
      expect(response, `${method} ${url} answered ${r.status}: ${r.text}`).toBeDefined();
      expect(departures(doc, response.content['application/json'].schema, r.json), `${method} ${url}`).toEqual([]);
    }
    // An error answer has the documented error shape.
    const bad = await t.call('POST', `${V}/Users`, { body: { Name: '' } });
    expect(departures(doc, { $ref: '#/components/schemas/ErrorBody' }, bad.json)).toEqual([]);
  });
});
