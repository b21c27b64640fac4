import type { FirewallRule } from './net-firewall-rule.js';

const BUILTIN_HOOKS: Record<string, string> = { INPUT: 'input', OUTPUT: 'output', FORWARD: 'forward', PREROUTING: 'prerouting', POSTROUTING: 'postrouting' };

/** Splits an iptables-save rule line as the shell would (double quotes, backslash escapes). */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return out;
}

/** Rows from iptables-save (family 'ip') or ip6tables-save ('ip6') output. */
export function parseIptablesSave(text: string, family: 'ip' | 'ip6'): FirewallRule[] {
  const out: FirewallRule[] = [];
  const policies = new Map<string, string>();
  const numbers = new Map<string, number>();
  let table = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('*')) { table = line.slice(1); policies.clear(); numbers.clear(); continue; }
    if (line.startsWith(':')) {
      const [chain = '', policy = '-'] = line.slice(1).split(/\s+/);
      const p = policy === '-' ? '' : policy.toLowerCase();
      policies.set(chain, p);
      if (p) out.push({ Backend: 'iptables', Family: family, Table: table, Chain: chain, Hook: BUILTIN_HOOKS[chain] ?? '', ChainPolicy: p, RuleNumber: 0, Rule: `policy ${p}`, Action: p, Comment: '' });
      continue;
    }
    if (!line.startsWith('-A ')) continue;
    const w = words(line);
    const chain = w[1] ?? '';
    const n = (numbers.get(chain) ?? 0) + 1;
    numbers.set(chain, n);
    let action = '';
    let comment = '';
    for (let i = 2; i < w.length; i++) {
      if (w[i] === '-j' || w[i] === '--jump') action = (w[i + 1] ?? '').toLowerCase();
      else if (w[i] === '-g' || w[i] === '--goto') action = `goto ${w[i + 1] ?? ''}`;
      else if (w[i] === '--comment') comment = w[i + 1] ?? '';
    }
    // A user chain as target is a jump, as nft writes it.
    if (action && !/^(accept|drop|reject|return|queue|log|masquerade|snat|dnat|redirect|mark|connmark|notrack|tcpmss|nflog|ct|goto .*)$/.test(action)) action = `jump ${w[w.indexOf('-j') + 1] ?? action}`;
    if (action === 'log' || action === 'nflog' || action === 'mark' || action === 'connmark') action = '';
    out.push({
      Backend: 'iptables', Family: family, Table: table, Chain: chain, Hook: BUILTIN_HOOKS[chain] ?? '',
      ChainPolicy: policies.get(chain) ?? '', RuleNumber: n, Rule: line.slice(3 + chain.length).trim(), Action: action, Comment: comment,
    });
  }
  return out;
}
