import { createServer } from 'node:net';
import { spawnOpenpivot, openpivot, tempDir, type Proc } from '../site/harness.js';

/**
 * Real cloud processes for the tenant-attach tests, beside the site harness: `openpivot cloud` and its
 * admin commands, run from the sources like the site's.
 */
export interface CloudProc extends Proc {
  readonly url: string;
  readonly storeArgs: readonly string[];
}

/** A port free right now: the cloud keeps one across restarts, because attached sites dial it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function spawnCloud(o: { dataDir?: string; port: number }): Promise<CloudProc> {
  const storeArgs = ['--data', o.dataDir ?? tempDir('cloud')];
  const p = spawnOpenpivot(['cloud', ...storeArgs, '--port', String(o.port), '--host', '127.0.0.1']);
  const m = await p.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
  return { ...p, url: m[1]!, storeArgs };
}

/** Runs an `openpivot` admin command that must succeed; its standard output, trimmed. */
export async function must(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<string> {
  const r = await openpivot(args, env);
  if (r.code !== 0) throw new Error(`openpivot ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout.trim();
}

export async function addTenant(cloud: CloudProc, name: string): Promise<string> {
  return must(['cloud', 'tenant', 'add', name, ...cloud.storeArgs]);
}

export async function addCloudUser(cloud: CloudProc, upn: string, tenantId: string, role: string, password: string): Promise<void> {
  await must(['cloud', 'user', 'add', upn, '--tenant', tenantId, '--role', role, ...cloud.storeArgs], { OPENPIVOT_PASSWORD: password });
}

/** Attaches a site's store to the cloud with a fresh one-time code (before the site starts). */
export async function attachSite(cloud: CloudProc, tenantId: string, siteStoreArgs: readonly string[]): Promise<void> {
  const code = await must(['cloud', 'attach-code', '--tenant', tenantId, ...cloud.storeArgs]);
  await must(['site', 'attach', '--cloud', cloud.url, '--code', code, ...siteStoreArgs]);
}

/** Polls `check` until it returns something truthy; throws after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}
