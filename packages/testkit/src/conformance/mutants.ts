import fc from 'fast-check';
import type { GenQuery } from './queries.js';

const TOKEN = /\s+|\/\/[^\n]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_][\w-]*|\d+(?:\.\d+)?|==|!=|<=|>=|=~|\.\.|[^\s]/g;

/** Splits text into tokens (whitespace and comments kept) so an edit stays aligned to token boundaries. */
export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A mutant of a query: one token deleted, duplicated, or swapped with its neighbour. Usually invalid. */
export function mutantArb(base: fc.Arbitrary<GenQuery>): fc.Arbitrary<GenQuery> {
  return fc.tuple(base, fc.constantFrom('delete', 'duplicate', 'swap'), fc.nat()).map(([q, op, r]) => {
    const toks = tokens(q.text);
    const idx = toks.map((t, i) => (/^\s|^\/\//.test(t) ? -1 : i)).filter((i) => i >= 0);
    if (idx.length < 2) return { ...q, mutation: 'none' };
    const i = idx[r % idx.length]!;
    const out = [...toks];
    if (op === 'delete') out.splice(i, 1);
    else if (op === 'duplicate') out.splice(i, 0, toks[i]!, ' ');
    else { const j = idx[(idx.indexOf(i) + 1) % idx.length]!; [out[i], out[j]] = [out[j]!, out[i]!]; }
    return { text: out.join(''), tags: [...q.tags, `mutant:${op}`], supported: q.supported, mutation: `${op} '${toks[i]}'` };
  });
}
