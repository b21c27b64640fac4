import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { firewallProvider, findTool } from './firewall.js';
import { parseIptablesSave } from './util/net-iptables-save.js';
import { parseNftJson } from './util/net-nft.js';
import { collectAll, testContext } from './util/fs-test-context.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const noTools = !findTool('nft') && !findTool('iptables-save');

describe('Firewall (linux)', () => {
  it('reads nft -j list ruleset', () => {
    const rows = parseNftJson(fixture('nft-ruleset.json'));
    const input = rows.filter((r) => r.Chain === 'input');
    expect(input.map((r) => [r.RuleNumber, r.Rule, r.Action])).toEqual([
      [0, 'policy drop', 'drop'],
      [1, 'ct state { established, related } accept', 'accept'],
      [2, 'meta iifname lo accept', 'accept'],
      [3, 'jump services', 'jump services'],
      [4, 'counter log prefix "drop: "', ''],
    ]);
    expect(input[4]!.Comment).toBe('count and log the rest');
    expect(input.every((r) => r.Hook === 'input' && r.ChainPolicy === 'drop' && r.Family === 'inet' && r.Table === 'filter')).toBe(true);
    const services = rows.filter((r) => r.Chain === 'services').map((r) => r.Rule);
    expect(services).toEqual(['tcp dport 22 accept', 'tcp dport { 80, 443 } accept', 'ip saddr 203.0.113.0/24 reject type icmpx expr admin-prohibited']);
    expect(rows.filter((r) => r.Chain === 'services').every((r) => r.Hook === '' && r.ChainPolicy === '')).toBe(true);
    expect(rows.find((r) => r.Table === 'nat' && r.RuleNumber === 1)).toMatchObject({ Family: 'ip', Rule: 'meta oifname eth0 masquerade', Action: 'masquerade' });
  });

  it('reads iptables-save', () => {
    const rows = parseIptablesSave(fixture('iptables-save.txt'), 'ip');
    expect(rows.filter((r) => r.RuleNumber === 0).map((r) => `${r.Table}/${r.Chain}=${r.Action}`)).toEqual(['filter/INPUT=drop', 'filter/FORWARD=drop', 'filter/OUTPUT=accept', 'nat/PREROUTING=accept', 'nat/POSTROUTING=accept']);
    const input = rows.filter((r) => r.Chain === 'INPUT' && r.RuleNumber > 0);
    expect(input.map((r) => r.Action)).toEqual(['accept', 'accept', 'jump SERVICES']);
    expect(input[0]).toMatchObject({ Hook: 'input', ChainPolicy: 'drop', Rule: '-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT' });
    const ssh = rows.find((r) => r.Chain === 'SERVICES' && r.RuleNumber === 1)!;
    expect(ssh).toMatchObject({ Comment: 'ssh from anywhere', Action: 'accept', Hook: '', ChainPolicy: '' });
    expect(rows.find((r) => r.Chain === 'SERVICES' && r.RuleNumber === 2)!.Action).toBe('reject');
    expect(rows.find((r) => r.Chain === 'POSTROUTING' && r.RuleNumber === 1)).toMatchObject({ Table: 'nat', Action: 'masquerade' });
  });

  it('returns no rows when no firewall tool is installed', async () => {
    if (!noTools) console.log('Firewall: nft or iptables-save is installed here; the live ruleset is read instead');
    const rows = await collectAll(firewallProvider, testContext());
    if (noTools) expect(rows).toEqual([]);
    else expect(Array.isArray(rows)).toBe(true);
  });

  it.skipIf(noTools)('reads the live ruleset (needs nft or iptables-save, and root)', async () => {
    const rows = await collectAll(firewallProvider, testContext());
    expect(rows.every((r) => typeof r.Rule === 'string')).toBe(true);
  });
  if (noTools) console.log('Firewall: neither nft nor iptables-save is installed here; the live-ruleset test is skipped, the parsers are tested on fixtures');
});
