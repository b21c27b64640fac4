import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { ProviderError } from '../provider.js';
import type { FirewallRule } from './util/net-firewall-rule.js';
import { parseIptablesSave } from './util/net-iptables-save.js';
import { parseNftJson } from './util/net-nft.js';

const DIRS = ['/usr/sbin', '/sbin', '/usr/bin', '/bin', '/usr/local/sbin'];

/** Looks the tool up on disk rather than spawning it to find out: the agent runs this on every query. */
export function findTool(name: string, dirs: readonly string[] = DIRS): string | undefined {
  for (const d of dirs) {
    try { accessSync(`${d}/${name}`, constants.X_OK); return `${d}/${name}`; } catch { /* next */ }
  }
  return undefined;
}

function run(path: string, args: string[], signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(path, args, { signal, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new ProviderError(`Firewall: ${path} failed: ${String(stderr).trim() || err.message}`, { cause: err }));
      else resolve(stdout);
    });
  });
}

/**
 * nftables when `nft` exists (it sees the iptables-nft rules too), else iptables-save and
 * ip6tables-save. No tool: no firewall rules to report, so no rows (not an error).
 */
export async function readFirewall(signal: AbortSignal, tools: { nft?: string; v4?: string; v6?: string } = { nft: findTool('nft'), v4: findTool('iptables-save'), v6: findTool('ip6tables-save') }): Promise<FirewallRule[]> {
  if (tools.nft) return parseNftJson(await run(tools.nft, ['-j', 'list', 'ruleset'], signal));
  const rows: FirewallRule[] = [];
  if (tools.v4) rows.push(...parseIptablesSave(await run(tools.v4, [], signal), 'ip'));
  if (tools.v6 && !signal.aborted) rows.push(...parseIptablesSave(await run(tools.v6, [], signal), 'ip6'));
  return rows;
}

export const firewallProvider: Provider = {
  entity: 'Firewall',
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    let rows: FirewallRule[];
    try {
      rows = await readFirewall(ctx.signal);
    } catch (e) {
      if (ctx.signal.aborted) return;
      throw e;
    }
    for (const r of rows) {
      if (ctx.signal.aborted) return;
      yield { ...r };
    }
  },
};
