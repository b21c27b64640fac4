import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { MESSAGES } from '@openpivot/protocol';
import { startTestSite, basic, bearer, type TestSite } from './admin/test-site.js';

const V = '/AdminService/v1.0';
let t: TestSite;

beforeAll(async () => {
  t = await startTestSite();
});
afterAll(() => t?.close());

/** Creates a user with a role on collections; returns its Authorization header. */
async function userWith(name: string, role: string | null, collections?: string[]): Promise<string> {
  const password = `${name}-password`;
  expect((await t.call('POST', `${V}/Users`, { body: { Name: name, Password: password } })).status).toBe(201);
  if (role) expect((await t.call('POST', `${V}/Users('${name}')/RoleAssignments`, { body: { Role: role, ...(collections ? { Collections: collections } : {}) } })).status).toBe(201);
  return basic(name, password);
}

const targets = (a: { json: { error: { details?: { target: string }[] } } }) => a.json.error.details?.map((d) => d.target);

describe('authentication', () => {
  it('answers 401 with WWW-Authenticate on every admin route without credentials, or with wrong ones', async () => {
    for (const path of ['Collections', 'Users', 'Roles', 'Me', 'Me/ApiTokens', 'AuditRecords', 'AuditRecords/Verify']) {
      const r = await t.call('GET', `${V}/${path}`, { auth: null });
      expect(r.status, path).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Basic/);
      expect(r.json.error.code).toBe('Unauthorized');
    }
    expect((await t.call('GET', `${V}/Me`, { auth: basic('admin', 'wrong-password') })).status).toBe(401);
  });
});

describe('collections', () => {
  it('lists All Systems with every device as a member', async () => {
    const r = await t.call('GET', `${V}/Collections`);
    expect(r.status).toBe(200);
    expect(r.json.value).toContainEqual(expect.objectContaining({ CollectionId: 'SMS00001', Name: 'All Systems', MemberCount: 3, IsBuiltIn: true, Rules: null }));
    const one = await t.call('GET', `${V}/Collections('SMS00001')`);
    expect(one.json).toMatchObject({ CollectionId: 'SMS00001', MemberCount: 3 });
    const members = await t.call('GET', `${V}/Collections('SMS00001')/Members`);
    expect(members.json.value.map((d: { Name: string }) => d.Name).sort()).toEqual(['db-01', 'web-01', 'web-02']);
    expect(members.json.value[0]).toHaveProperty('MachineId');
    expect(members.json.value[0]).toHaveProperty('IsOnline', false);
  });

  it('creates, reads, patches and deletes a collection, with members from ids and from rules', async () => {
    const created = await t.call('POST', `${V}/Collections`, { body: { Name: 'Databases', Comment: 'db tier', Members: [t.devices['db-01']] } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ Name: 'Databases', Comment: 'db tier', Rules: null, MemberCount: 1, IsBuiltIn: false });
    const id: string = created.json.CollectionId;
    expect(id).toMatch(/^OPS\d{5}$/);
    expect((await t.call('GET', `${V}/Collections('${id}')`)).json.Name).toBe('Databases');
    // The plain path form reaches the same collection.
    expect((await t.call('GET', `${V}/Collections/${id}/Members`)).json.value.map((d: { Name: string }) => d.Name)).toEqual(['db-01']);

    const patched = await t.call('PATCH', `${V}/Collections('${id}')`, { body: { Name: 'Databases and web', Rules: [{ field: 'Name', op: 'like', value: 'web-*' }] } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ Name: 'Databases and web', Comment: 'db tier', MemberCount: 3 });
    const members = (await t.call('GET', `${V}/Collections('${id}')/Members`)).json.value.map((d: { Name: string }) => d.Name).sort();
    expect(members).toEqual(['db-01', 'web-01', 'web-02']);
    // An empty rule list goes back to direct members only.
    expect((await t.call('PATCH', `${V}/Collections('${id}')`, { body: { Rules: [] } })).json).toMatchObject({ Rules: null, MemberCount: 1 });

    expect((await t.call('DELETE', `${V}/Collections('${id}')`)).status).toBe(204);
    expect((await t.call('GET', `${V}/Collections('${id}')`)).status).toBe(404);
    expect((await t.call('DELETE', `${V}/Collections('${id}')`)).status).toBe(404);
    expect((await t.call('PATCH', `${V}/Collections('${id}')`, { body: { Comment: 'x' } })).status).toBe(404);
  });

  it('computes the members of a rule collection', async () => {
    const r = await t.call('POST', `${V}/Collections`, { body: { Name: 'Linux', Rules: [{ field: 'Platform', op: 'equals', value: 'LINUX' }] } });
    expect(r.json.MemberCount).toBe(2);
    const names = (await t.call('GET', `${V}/Collections('${r.json.CollectionId}')/Members`)).json.value.map((d: { Name: string }) => d.Name).sort();
    expect(names).toEqual(['db-01', 'web-01']);
  });

  it('answers 400 naming the field for bad bodies and unknown member ids', async () => {
    expect(targets(await t.call('POST', `${V}/Collections`, { body: { Name: '' } }))).toEqual(['Name']);
    expect(targets(await t.call('POST', `${V}/Collections`, { body: { Name: 'x', Rules: [{ field: 'Name', op: 'regex', value: 'a' }] } }))).toEqual(['Rules.0.op']);
    const unknown = await t.call('POST', `${V}/Collections`, { body: { Name: 'Ghosts', Members: [t.devices['web-01'], 999_999] } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details).toEqual([{ target: 'Members', message: expect.stringContaining('999999') }]);
    expect((await t.call('GET', `${V}/Collections`)).json.value.map((c: { Name: string }) => c.Name)).not.toContain('Ghosts');
    expect((await t.call('POST', `${V}/Collections`, { rawBody: '{"Name":' })).status).toBe(400);
  });

  it('answers 409 for the built-in collection and for a name in use', async () => {
    const patch = await t.call('PATCH', `${V}/Collections('SMS00001')`, { body: { Name: 'Everything' } });
    expect(patch.status).toBe(409);
    expect(patch.json.error.code).toBe('Conflict');
    expect((await t.call('DELETE', `${V}/Collections('SMS00001')`)).status).toBe(409);
    expect((await t.call('POST', `${V}/Collections`, { body: { Name: 'all systems' } })).status).toBe(409);
    expect((await t.call('GET', `${V}/Collections('SMS00001')`)).json.Name).toBe('All Systems');
  });

  it('shows a user only the collections they may read', async () => {
    const scoped = (await t.call('POST', `${V}/Collections`, { body: { Name: 'Web', Members: [t.devices['web-01']] } })).json.CollectionId as string;
    const analyst = await userWith('analyst', 'Read-only Analyst', [scoped]);
    expect((await t.call('GET', `${V}/Collections`, { auth: analyst })).json.value.map((c: { CollectionId: string }) => c.CollectionId)).toEqual([scoped]);
    expect((await t.call('GET', `${V}/Collections('SMS00001')`, { auth: analyst })).status).toBe(404);
    expect((await t.call('GET', `${V}/Collections('${scoped}')/Members`, { auth: analyst })).json.value).toHaveLength(1);
    const nobody = await userWith('nobody', null);
    const refused = await t.call('GET', `${V}/Collections`, { auth: nobody });
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toBe(MESSAGES.notAllowed('Collection.Read'));
  });
});

describe('users and role assignments', () => {
  it('creates a user with a generated password, shown once, that signs in; never lists hashes', async () => {
    const r = await t.call('POST', `${V}/Users`, { body: { Name: 'carol' } });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ Name: 'carol', HasPassword: true, Disabled: false });
    expect(typeof r.json.Password).toBe('string');
    const me = await t.call('GET', `${V}/Me`, { auth: basic('carol', r.json.Password) });
    expect(me.json).toMatchObject({ Name: 'carol', Roles: [] });
    const list = await t.call('GET', `${V}/Users`);
    expect(list.json.value.map((u: { Name: string }) => u.Name)).toEqual(expect.arrayContaining(['admin', 'carol']));
    expect(list.text).not.toMatch(/scrypt|"Password(Hash)?"/);
    expect(list.text).not.toContain(r.json.Password);
    expect((await t.call('GET', `${V}/Users('carol')`)).json).not.toHaveProperty('Password');
  });

  it('answers 400 for a bad name or short password and 409 for a name in use', async () => {
    expect(targets(await t.call('POST', `${V}/Users`, { body: { Name: 'a b' } }))).toEqual(['Name']);
    expect(targets(await t.call('POST', `${V}/Users`, { body: { Name: 'dave', Password: 'short' } }))).toEqual(['Password']);
    expect((await t.call('POST', `${V}/Users`, { body: { Name: 'admin', Password: 'long-enough-1' } })).status).toBe(409);
  });

  it('sets a password: the new one works at once and the old one stops', async () => {
    const old = await userWith('erin', null);
    expect((await t.call('GET', `${V}/Me`, { auth: old })).status).toBe(200);
    expect(targets(await t.call('PUT', `${V}/Users('erin')/Password`, { body: { Password: 'x' } }))).toEqual(['Password']);
    expect((await t.call('PUT', `${V}/Users('erin')/Password`, { body: { Password: 'erin-new-password' } })).status).toBe(204);
    expect((await t.call('GET', `${V}/Me`, { auth: old })).status).toBe(401);
    expect((await t.call('GET', `${V}/Me`, { auth: basic('erin', 'erin-new-password') })).status).toBe(200);
    expect((await t.call('PUT', `${V}/Users(999999)/Password`, { body: { Password: 'whatever-long' } })).status).toBe(404);
  });

  it('assigns roles (All Systems by default), lists and removes them; 400 names unknown roles and collections', async () => {
    const frank = await userWith('frank', null);
    const made = await t.call('POST', `${V}/Users('frank')/RoleAssignments`, { body: { Role: 'Helpdesk Operator' } });
    expect(made.status).toBe(201);
    expect(made.json.value).toEqual([expect.objectContaining({ Role: 'Helpdesk Operator', Collection: 'SMS00001', Permissions: ['Collection.Read', 'Collection.RunCMPivot'] })]);
    const listed = await t.call('GET', `${V}/Users('frank')/RoleAssignments`);
    expect(listed.json.value).toHaveLength(1);
    expect((await t.call('GET', `${V}/Me`, { auth: frank })).json.Roles).toEqual([{ Role: 'Helpdesk Operator', Collection: 'SMS00001', Permissions: ['Collection.Read', 'Collection.RunCMPivot'] }]);

    expect(targets(await t.call('POST', `${V}/Users('frank')/RoleAssignments`, { body: { Role: 'Janitor' } }))).toEqual(['Role']);
    expect(targets(await t.call('POST', `${V}/Users('frank')/RoleAssignments`, { body: { Role: 'Helpdesk Operator', Collections: ['SMS00001', 'NOPE0001'] } }))).toEqual(['Collections.1']);
    expect(targets(await t.call('POST', `${V}/Users('frank')/RoleAssignments`, { body: {} }))).toEqual(['Role']);
    expect((await t.call('POST', `${V}/Users('nobody-at-all')/RoleAssignments`, { body: { Role: 'Helpdesk Operator' } })).status).toBe(404);

    const aid = made.json.value[0].Id as number;
    const userId = listed.json.value[0].UserId as number;
    expect((await t.call('DELETE', `${V}/Users(${userId})/RoleAssignments(${aid})`)).status).toBe(204);
    expect((await t.call('DELETE', `${V}/Users(${userId})/RoleAssignments(${aid})`)).status).toBe(404);
    expect((await t.call('GET', `${V}/Me`, { auth: frank })).json.Roles).toEqual([]);
  });

  it('deletes a user, whose credentials then stop; refuses deleting yourself or the last Site.Admin', async () => {
    const gina = await userWith('gina', null);
    expect((await t.call('DELETE', `${V}/Users('gina')`)).status).toBe(204);
    expect((await t.call('GET', `${V}/Me`, { auth: gina })).status).toBe(401);
    expect((await t.call('DELETE', `${V}/Users('gina')`)).status).toBe(404);

    const self = await t.call('DELETE', `${V}/Users('admin')`);
    expect(self.status).toBe(409);
    expect(self.json.error.message).toMatch(/yourself/);
    const adminAssignment = (await t.call('GET', `${V}/Users('admin')/RoleAssignments`)).json.value[0];
    const last = await t.call('DELETE', `${V}/Users('admin')/RoleAssignments(${adminAssignment.Id})`);
    expect(last.status).toBe(409);
    expect(last.json.error.message).toMatch(/Site\.Admin/);
  });
});

describe('roles', () => {
  it('lists built-in roles, creates and deletes a custom one; 400, 404 and 409 where due', async () => {
    const roles = await t.call('GET', `${V}/Roles`);
    expect(roles.json.value).toContainEqual(expect.objectContaining({ Name: 'Full Administrator', IsBuiltIn: true }));
    const made = await t.call('POST', `${V}/Roles`, { body: { Name: 'Night Shift', Description: 'reads', Permissions: ['Collection.Read'] } });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ Name: 'Night Shift', Permissions: ['Collection.Read'], IsBuiltIn: false });
    expect((await t.call('POST', `${V}/Roles`, { body: { Name: 'Night Shift', Permissions: [] } })).status).toBe(409);
    expect(targets(await t.call('POST', `${V}/Roles`, { body: { Name: 'Bad', Permissions: ['Root'] } }))).toEqual(['Permissions.0']);
    expect(targets(await t.call('POST', `${V}/Roles`, { body: { Name: 'No list' } }))).toEqual(['Permissions']);
    const builtIn = roles.json.value.find((r: { Name: string }) => r.Name === 'Read-only Analyst');
    expect((await t.call('DELETE', `${V}/Roles(${builtIn.Id})`)).status).toBe(409);
    expect((await t.call('DELETE', `${V}/Roles('Night Shift')`)).status).toBe(204);
    expect((await t.call('DELETE', `${V}/Roles('Night Shift')`)).status).toBe(404);
  });
});

describe('a Helpdesk Operator', () => {
  it('is refused every administrative change with 403 naming the permission, but reads collections and roles', async () => {
    const helpdesk = await userWith('helpdesk', 'Helpdesk Operator');
    const refused: [string, string, unknown?][] = [
      ['GET', `${V}/Users`], ['POST', `${V}/Users`, { Name: 'mallory' }], ['DELETE', `${V}/Users('admin')`],
      ['PUT', `${V}/Users('admin')/Password`, { Password: 'taken-over-now' }], ['GET', `${V}/Users('admin')/RoleAssignments`],
      ['POST', `${V}/Users('helpdesk')/RoleAssignments`, { Role: 'Full Administrator' }],
      ['POST', `${V}/Collections`, { Name: 'Mine' }], ['PATCH', `${V}/Collections('SMS00001')`, { Comment: 'x' }], ['DELETE', `${V}/Collections('SMS00001')`],
      ['POST', `${V}/Roles`, { Name: 'Root', Permissions: ['Site.Admin'] }], ['DELETE', `${V}/Roles(1)`],
    ];
    for (const [method, path, body] of refused) {
      const r = await t.call(method, path, { auth: helpdesk, body });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.json.error.message).toBe(MESSAGES.notAllowed('Site.Admin'));
    }
    for (const path of ['AuditRecords', 'AuditRecords/Verify']) {
      const r = await t.call('GET', `${V}/${path}`, { auth: helpdesk });
      expect(r.status).toBe(403);
      expect(r.json.error.message).toBe(MESSAGES.notAllowed('Audit.Read'));
    }
    expect((await t.call('GET', `${V}/Collections`, { auth: helpdesk })).status).toBe(200);
    expect((await t.call('GET', `${V}/Roles`, { auth: helpdesk })).status).toBe(200);
    expect((await t.call('GET', `${V}/Users('mallory')`)).status).toBe(404);
  });
});

describe('API tokens', () => {
  it('works as Bearer once created, is listed without its secret, and stops once deleted', async () => {
    expect(targets(await t.call('POST', `${V}/Me/ApiTokens`, { body: { Name: '' } }))).toEqual(['Name']);
    expect(targets(await t.call('POST', `${V}/Me/ApiTokens`, { body: { Name: 'x', ExpiresInDays: 0 } }))).toEqual(['ExpiresInDays']);
    const made = await t.call('POST', `${V}/Me/ApiTokens`, { body: { Name: 'ci', ExpiresInDays: 30 } });
    expect(made.status).toBe(201);
    expect(made.json.Token).toMatch(/^opt_[A-Za-z0-9_-]{20,}$/);
    expect(Date.parse(made.json.ExpiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const token = bearer(made.json.Token);
    expect((await t.call('GET', `${V}/Me`, { auth: token })).json).toMatchObject({ Name: 'admin', AuthenticatedWith: 'token' });
    // A token acts with its user's rights.
    expect((await t.call('GET', `${V}/Users`, { auth: token })).status).toBe(200);
    const list = await t.call('GET', `${V}/Me/ApiTokens`);
    expect(list.json.value).toEqual([{ Id: made.json.Id, Name: 'ci', CreatedAt: expect.any(String), ExpiresAt: made.json.ExpiresAt }]);
    expect(list.text).not.toContain(made.json.Token);
    // Another user cannot see or revoke it.
    const other = await userWith('henry', null);
    expect((await t.call('GET', `${V}/Me/ApiTokens`, { auth: other })).json.value).toEqual([]);
    expect((await t.call('DELETE', `${V}/Me/ApiTokens(${made.json.Id})`, { auth: other })).status).toBe(404);
    expect((await t.call('DELETE', `${V}/Me/ApiTokens(${made.json.Id})`)).status).toBe(204);
    expect((await t.call('GET', `${V}/Me`, { auth: token })).status).toBe(401);
    expect((await t.call('DELETE', `${V}/Me/ApiTokens(${made.json.Id})`)).status).toBe(404);
  });
});

describe('audit records', () => {
  it('hold every admin change, never a secret, page by afterSeq, and verify', async () => {
    const secret = await t.call('POST', `${V}/Me/ApiTokens`, { body: { Name: 'audit-check' } });
    const all = await t.call('GET', `${V}/AuditRecords?$top=1000`);
    expect(all.status).toBe(200);
    const outcomes = new Set(all.json.value.filter((r: { Kind: string }) => r.Kind === 'admin').map((r: { Outcome: string }) => r.Outcome));
    for (const o of ['collection-created', 'collection-changed', 'collection-deleted', 'user-created', 'user-deleted', 'password-changed', 'role-assigned', 'role-unassigned', 'role-created', 'role-deleted', 'token-created', 'token-deleted']) {
      expect(outcomes, o).toContain(o);
    }
    const created = all.json.value.find((r: { Outcome: string; Target: string }) => r.Outcome === 'user-created' && r.Target === 'User(carol)');
    expect(created).toMatchObject({ UserName: 'admin', Source: 'api', RemoteAddr: '127.0.0.1', Details: { passwordGenerated: true } });
    expect(created.At).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(all.text).not.toContain(secret.json.Token);
    expect(all.text).not.toContain('erin-new-password');
    expect(all.text).not.toContain(t.adminPassword);
    // Refusals are on the trail too.
    expect(all.json.value.some((r: { Kind: string; UserName: string }) => r.Kind === 'refused' && r.UserName === 'helpdesk')).toBe(true);

    const first = await t.call('GET', `${V}/AuditRecords?$top=2`);
    expect(first.json.value.map((r: { Seq: number }) => r.Seq)).toEqual([1, 2]);
    expect(first.json['@odata.nextLink']).toBe(`${V}/AuditRecords?afterSeq=2&$top=2`);
    expect((await t.call('GET', first.json['@odata.nextLink'])).json.value.map((r: { Seq: number }) => r.Seq)).toEqual([3, 4]);
    expect(targets(await t.call('GET', `${V}/AuditRecords?$top=ten&afterSeq=-1`))).toEqual(['$top', 'afterSeq']);

    const verified = await t.call('GET', `${V}/AuditRecords/Verify`);
    expect(verified.json).toEqual({ Ok: true, Records: expect.any(Number) });
    expect(verified.json.Records).toBeGreaterThanOrEqual(all.json.value.length);
  });

  it('Verify names the record that was tampered with', async () => {
    const db = new BetterSqlite3(join(t.dataDir, 'site.db'));
    try {
      db.prepare("update audit set outcome = 'nothing-happened' where seq = 3").run();
    } finally {
      db.close();
    }
    const r = await t.call('GET', `${V}/AuditRecords/Verify`);
    expect(r.json).toMatchObject({ Ok: false, Seq: 3, Reason: expect.stringMatching(/hash/) });
  });

  it('Verify notices the newest records removed (the chain left is whole, but shorter than its head)', async () => {
    const db = new BetterSqlite3(join(t.dataDir, 'site.db'));
    try {
      const last = (db.prepare('select max(seq) as seq from audit').get() as { seq: number }).seq;
      // Cut the chain before the record the previous test tampered with: what is left verifies, alone.
      db.prepare('delete from audit where seq >= 3').run();
      expect(last).toBeGreaterThan(3);
    } finally {
      db.close();
    }
    const r = await t.call('GET', `${V}/AuditRecords/Verify`);
    expect(r.json).toMatchObject({ Ok: false, Seq: 3, Reason: expect.stringMatching(/missing from the end/) });
  });
});
