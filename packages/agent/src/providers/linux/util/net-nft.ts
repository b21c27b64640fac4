import type { FirewallRule } from './net-firewall-rule.js';

type J = null | boolean | number | string | J[] | { [k: string]: J };
type Obj = { [k: string]: J };

const isObj = (v: J | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** nft's own text for the JSON expressions one meets in rulesets; anything else is shown as JSON. */
function value(v: J | undefined): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return `{ ${v.map(value).join(', ')} }`;
  if (!isObj(v)) return String(v);
  if ('set' in v) return Array.isArray(v.set) ? `{ ${v.set.map(value).join(', ')} }` : value(v.set);
  if (isObj(v.prefix)) return `${value(v.prefix.addr)}/${value(v.prefix.len)}`;
  if (Array.isArray(v.range)) return `${value(v.range[0])}-${value(v.range[1])}`;
  if (isObj(v.payload)) return `${value(v.payload.protocol)} ${value(v.payload.field)}`;
  if (isObj(v.meta)) return `meta ${value(v.meta.key)}`;
  if (isObj(v.ct)) return `ct ${value(v.ct.key)}`;
  return JSON.stringify(v);
}

const VERDICTS = ['accept', 'drop', 'reject', 'return', 'continue', 'queue', 'masquerade', 'snat', 'dnat', 'redirect'];

function statement(e: Obj): { text: string; action: string } {
  const [key, body] = Object.entries(e)[0] ?? ['', null];
  if (key === 'match' && isObj(body)) {
    const op = body.op === '==' || body.op === 'in' ? '' : ` ${value(body.op)}`;
    return { text: `${value(body.left)}${op} ${value(body.right)}`, action: '' };
  }
  if ((key === 'jump' || key === 'goto') && isObj(body)) return { text: `${key} ${value(body.target)}`, action: `${key} ${value(body.target)}` };
  if (VERDICTS.includes(key)) {
    const extra = isObj(body) ? Object.entries(body).map(([k, v]) => `${k} ${value(v)}`).join(' ') : '';
    return { text: extra ? `${key} ${extra}` : key, action: key };
  }
  if (key === 'counter') return { text: 'counter', action: '' };
  if (key === 'log' && isObj(body)) return { text: body.prefix ? `log prefix "${value(body.prefix)}"` : 'log', action: '' };
  return { text: JSON.stringify(e), action: '' };
}

/** Rows from `nft -j list ruleset`: one per rule, and one (RuleNumber 0) per base chain's policy. */
export function parseNftJson(text: string): FirewallRule[] {
  const doc = JSON.parse(text) as { nftables?: Obj[] };
  const chains = new Map<string, Obj>();
  const numbers = new Map<string, number>();
  const out: FirewallRule[] = [];
  const keyOf = (o: Obj): string => `${value(o.family)}\u0000${value(o.table)}\u0000${value(o.chain ?? o.name)}`;
  for (const item of doc.nftables ?? []) {
    if (isObj(item.chain)) {
      const c = item.chain;
      chains.set(keyOf(c), c);
      if (c.policy) out.push({ Backend: 'nftables', Family: value(c.family), Table: value(c.table), Chain: value(c.name), Hook: value(c.hook), ChainPolicy: value(c.policy), RuleNumber: 0, Rule: `policy ${value(c.policy)}`, Action: value(c.policy), Comment: '' });
    } else if (isObj(item.rule)) {
      const r = item.rule;
      const key = keyOf(r);
      const chain = chains.get(key);
      const n = (numbers.get(key) ?? 0) + 1;
      numbers.set(key, n);
      const parts = (Array.isArray(r.expr) ? r.expr : []).filter(isObj).map(statement);
      const action = parts.map((p) => p.action).filter(Boolean).pop() ?? '';
      out.push({
        Backend: 'nftables', Family: value(r.family), Table: value(r.table), Chain: value(r.chain),
        Hook: chain ? value(chain.hook) : '', ChainPolicy: chain ? value(chain.policy) : '',
        RuleNumber: n, Rule: parts.map((p) => p.text).join(' '), Action: action, Comment: value(r.comment),
      });
    }
  }
  return out;
}
