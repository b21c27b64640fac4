import fc from 'fast-check';
import type { GenQuery } from './queries.js';

const TOKEN = /\s+|\/\/[^\n]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_][\w-]*|\d+(?:\.\d+)?|==|!=|<=|>=|=~|\.\.|[^\s]/g;

/** Splits text into tokens (whitespace and comments kept) so an edit stays aligned to token boundaries. */
export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * A mutant of a query: one token deleted, duplicated, or swapped with its neighbour (usually invalid);
 * or one of the habits of published CMPivot queries that Kusto refuses (fact sheet §2.8): a name or
 * keyword in another case, a Windows path with single backslashes in a string.
 */
export function mutantArb(base: fc.Arbitrary<GenQuery>): fc.Arbitrary<GenQuery> {
  return fc.tuple(base, fc.constantFrom('delete', 'duplicate', 'swap', 'recase', 'backslash'), fc.nat()).map(([q, op, r]) => {
    const toks = tokens(q.text);
    const kinds: Record<string, RegExp> = { recase: /^[A-Za-z_]/, backslash: /^["']/ };
    const idx = toks.map((t, i) => (/^\s|^\/\//.test(t) || (kinds[op] && !kinds[op].test(t)) ? -1 : i)).filter((i) => i >= 0);
    if (idx.length < 2) return { ...q, mutation: 'none' };
    const i = idx[r % idx.length]!;
    const out = [...toks];
    const t = toks[i]!;
    if (op === 'delete') out.splice(i, 1);
    else if (op === 'duplicate') out.splice(i, 0, t, ' ');
    else if (op === 'recase') out[i] = t === t.toLowerCase() ? t.toUpperCase() : t.toLowerCase();
    else if (op === 'backslash') out[i] = `${t[0]}c:\\Windows\\notes${t[0]}`;
    else { const j = idx[(idx.indexOf(i) + 1) % idx.length]!; [out[i], out[j]] = [out[j]!, out[i]!]; }
    return { text: out.join(''), tags: [...q.tags, `mutant:${op}`], supported: q.supported, mutation: `${op} '${toks[i]}'` };
  });
}
