import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { openCloudStore } from '@openpivot/cloud';
import { main } from '../main.js';
import { capture } from '../capture-io.js';

const dirs: string[] = [];
const dataDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'openpivot-cli-cloud-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const io = capture();
    const code = await main(args, io);
    return { code, out: io.out(), err: io.err() };
  } finally {
    process.env = saved;
  }
}

describe('openpivot cloud admin commands (the contract other tools rely on)', () => {
  it('tenant add prints the id alone; user add takes the three roles; attach-code prints one code alone', async () => {
    const dir = dataDir();
    const tenant = await run(['cloud', 'tenant', 'add', 'Contoso', '--data', dir]);
    expect(tenant.code).toBe(0);
    expect(tenant.out).toMatch(/^[0-9a-f-]{36}\n$/);
    const id = tenant.out.trim();
    const given = await run(['cloud', 'user', 'add', 'helen@contoso.com', '--tenant', id, '--role', 'Help Desk Operator', '--data', dir], { OPENPIVOT_PASSWORD: 'pw' });
    expect(given).toMatchObject({ code: 0, out: 'cloud user helen@contoso.com added\n' });
    const generated = await run(['cloud', 'user', 'add', 'rita@contoso.com', '--tenant', id, '--role', 'Read Only Operator', '--data', dir]);
    expect(generated.out).toMatch(/^cloud user rita@contoso\.com added; password \(shown once\): \S{16,}\n$/);
    const code = await run(['cloud', 'attach-code', '--tenant', id, '--data', dir]);
    expect(code.out).toMatch(/^opa_\S+\n$/);
    // Only the code's hash is kept.
    const store = await openCloudStore({ dataDir: dir });
    try {
      expect(await store.getUserByUpn('HELEN@contoso.com')).toMatchObject({ role: 'Help Desk Operator', tenantId: id });
      const hash = createHash('sha256').update(code.out.trim()).digest('hex');
      expect(await store.attachSite({ codeHash: hash, connectorId: 'c1', siteId: 's', siteCode: 'OPS', name: 'n', publicKey: 'k', at: Date.now() })).toMatchObject({ tenantId: id });
    } finally {
      await store.close();
    }
  });

  it('refuses an unknown role, tenant or a UPN twice, and bad flags, as usage errors (exit 2)', async () => {
    const dir = dataDir();
    const id = (await run(['cloud', 'tenant', 'add', 'T', '--data', dir])).out.trim();
    const role = await run(['cloud', 'user', 'add', 'a@t.test', '--tenant', id, '--role', 'Global Admin', '--data', dir]);
    expect(role.code).toBe(2);
    expect(role.err).toMatch(/no cloud role 'Global Admin'; roles: "Intune Administrator", "Help Desk Operator", "Read Only Operator"/);
    expect((await run(['cloud', 'user', 'add', 'a@t.test', '--tenant', 'nope', '--role', 'Read Only Operator', '--data', dir])).err).toMatch(/no tenant 'nope'/);
    await run(['cloud', 'user', 'add', 'a@t.test', '--tenant', id, '--role', 'Read Only Operator', '--data', dir]);
    expect((await run(['cloud', 'user', 'add', 'A@T.test', '--tenant', id, '--role', 'Read Only Operator', '--data', dir])).err).toMatch(/exists already/);
    expect((await run(['cloud', 'attach-code', '--data', dir])).code).toBe(2);
    expect((await run(['cloud', '--result-limit', 'lots', '--data', dir])).err).toMatch(/--result-limit takes a size like 512KB or 5MB/);
    expect((await run(['cloud', '--query-timeout', '10', '--data', dir])).err).toMatch(/--query-timeout takes a duration/);
    expect((await run(['cloud', '--heartbeat', '500ms', '--data', dir])).err).toMatch(/--heartbeat takes a duration/);
    expect((await run(['cloud', '--heartbeat', '1h', '--data', dir])).err).toMatch(/--heartbeat must be at most 10m/);
  });
});
