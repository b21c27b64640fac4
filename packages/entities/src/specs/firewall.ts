import { defineEntity } from '../define-entity.js';

export const Firewall = defineEntity({
  name: 'Firewall',
  description:
    'A packet-filter rule (nftables, or iptables when nft is absent), plus one row per chain policy. No rows when no firewall tool is installed.',
  platforms: ['linux'],
  permission: 'ordinary',
  columns: [
    { name: 'Backend', type: 'string', doc: "'nftables' or 'iptables' (iptables-save / ip6tables-save)." },
    { name: 'Family', type: 'string', doc: "The address family: ip, ip6, inet, arp, bridge, netdev." },
    { name: 'Table', type: 'string', doc: 'The table (filter, nat, or an nftables table name).' },
    { name: 'Chain', type: 'string', doc: 'The chain (INPUT, or an nftables chain name).' },
    { name: 'Hook', type: 'string', doc: 'The netfilter hook of a base chain (input, forward, output…); "" for a regular chain.' },
    { name: 'ChainPolicy', type: 'string', doc: 'The policy of a base chain (accept, drop); "" for a regular chain.' },
    { name: 'RuleNumber', type: 'long', doc: "The rule's 1-based position in its chain; 0 for the chain's policy row." },
    { name: 'Rule', type: 'string', doc: 'The rule as the tool writes it (nft syntax, or the iptables-save arguments).' },
    { name: 'Action', type: 'string', doc: 'The verdict: accept, drop, reject, return, jump X, goto X, masquerade…; "" when the rule only counts or logs.' },
    { name: 'Comment', type: 'string', doc: 'The rule comment, "" when none.' },
  ],
  examples: [
    "Firewall | where Action == 'accept' and Rule contains 'dport 22' | project Family, Table, Chain, Rule",
    "Firewall | where RuleNumber == 0 and ChainPolicy == 'drop' | project Table, Chain, Hook",
  ],
});
