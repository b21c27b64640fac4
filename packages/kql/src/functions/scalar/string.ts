import type { Value } from '../../values/value.js';
import type { ScalarFunction } from '../function-types.js';
import { compileRegex } from './regex.js';
import { constant, constantText, define, literal, textOf } from './signature.js';

/**
 * Plain string functions. Arguments of any scalar type are read as text the way `tostring()`
 * renders them (Kusto casts them "forcibly"); results are never null (a Kusto string is never null),
 * except where a numeric argument is null and Kusto says so (indexof gives a null long).
 */

function intArg(v: Value | undefined, fallback: number): number | null {
  if (v === undefined) return fallback;
  return v === null ? null : Math.trunc(v as number);
}

/** Code points, not UTF-16 units: strlen("⒦⒰⒮⒯⒪") is 5 and an emoji counts once. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}

/** substring(): a negative start counts from the end; out-of-range start or length clip to the string. */
export function substringOf(s: string, start: number, length?: number): string {
  let from = start < 0 ? Math.max(0, s.length + start) : start;
  if (from >= s.length) return '';
  from = Math.max(0, from);
  if (length === undefined) return s.slice(from);
  if (length <= 0) return '';
  return s.slice(from, from + length);
}

/**
 * indexof(): searches from `start` (negative counts from the end) within `length` characters
 * (-1: to the end) for the `occurrence`-th match; each further occurrence restarts the window one
 * character after the previous match. -1 when not found; null for length < -1 or occurrence < 0.
 */
export function indexOfText(s: string, match: string, start = 0, length = -1, occurrence = 1): number | null {
  if (length < -1 || occurrence < 0) return null;
  if (occurrence === 0) return -1;
  let pos = start < 0 ? Math.max(0, s.length + start) : start;
  if (pos > s.length) return -1;
  for (let k = 1; ; k++) {
    const end = length === -1 ? s.length : Math.min(s.length, pos + length);
    const at = s.indexOf(match, pos);
    if (at < 0 || at + match.length > end) return -1;
    if (k === occurrence) return at;
    pos = at + 1;
  }
}

/** countof() in normal mode: plain matches may overlap (countof("aaaa", "aa") is 3). */
export function countOccurrences(s: string, search: string): number {
  if (search === '') return 0;
  let n = 0;
  for (let i = s.indexOf(search); i >= 0; i = s.indexOf(search, i + 1)) n++;
  return n;
}

const strcat = define({
  name: 'strcat', doc: 'Concatenates 1 to 64 arguments, each rendered as text.',
  params: ['scalar'], minArgs: 1, maxArgs: 64, result: 'string',
  compile: (args) => {
    const texts = args.map((a) => textOf(a.type));
    return (vals) => {
      let out = '';
      for (let i = 0; i < vals.length; i++) out += texts[i]!(vals[i]!);
      return out;
    };
  },
});

const strcatDelim = define({
  name: 'strcat_delim', doc: 'Concatenates 2 to 64 arguments with a delimiter between them: strcat_delim(delim, a, b, …).',
  params: ['scalar'], minArgs: 3, maxArgs: 65, result: 'string',
  compile: (args) => {
    const texts = args.map((a) => textOf(a.type));
    return (vals) => {
      const delim = texts[0]!(vals[0]!);
      let out = texts[1]!(vals[1]!);
      for (let i = 2; i < vals.length; i++) out += delim + texts[i]!(vals[i]!);
      return out;
    };
  },
});

const strlen = define({
  name: 'strlen', doc: 'The length of a string in Unicode code points (a long).',
  params: ['text'], result: 'long', namePrefix: 'strlen',
  compile: (args) => {
    const text = textOf(args[0]!.type);
    return (vals) => codePointLength(text(vals[0]!));
  },
});

const substring = define({
  name: 'substring', doc: 'substring(s, start[, length]): the part of s from a zero-based start (negative: from the end).',
  params: ['scalar', 'integer', 'integer'], minArgs: 2, result: 'string',
  compile: (args) => {
    const text = textOf(args[0]!.type);
    return (vals) => {
      const start = vals[1];
      const length = intArg(vals[2], -1);
      if (start === null || length === null) return '';
      return substringOf(text(vals[0]!), Math.trunc(start as number), vals.length > 2 ? length : undefined);
    };
  },
});

const indexof = define({
  name: 'indexof', doc: 'indexof(s, match[, start[, length[, occurrence]]]): zero-based position of match in s, or -1.',
  params: ['scalar', 'scalar', 'integer', 'integer', constant('integer')], minArgs: 2, result: 'long',
  compile: (args) => {
    const text = textOf(args[0]!.type);
    const match = textOf(args[1]!.type);
    return (vals) => {
      const start = intArg(vals[2], 0);
      const length = intArg(vals[3], -1);
      const occurrence = intArg(vals[4], 1);
      if (start === null || length === null || occurrence === null) return null;
      return indexOfText(text(vals[0]!), match(vals[1]!), start, length, occurrence);
    };
  },
});

function caseFunction(name: string, doc: string, f: (s: string) => string): ScalarFunction {
  return define({
    name, doc, params: ['scalar'], result: 'string',
    compile: (args) => {
      const text = textOf(args[0]!.type);
      return (vals) => f(text(vals[0]!));
    },
  });
}

const tolower = caseFunction('tolower', 'The string in lower case.', (s) => s.toLowerCase());
const toupper = caseFunction('toupper', 'The string in upper case.', (s) => s.toUpperCase());
const reverse = caseFunction('reverse', 'The string with its characters in reverse order.', (s) => Array.from(s).reverse().join(''));

const split = define({
  name: 'split', doc: 'split(s, delimiter[, index]): a dynamic array of the parts of s, or [part] at index.',
  params: ['scalar', 'strictString', 'integer'], minArgs: 2, result: 'dynamic', resultShape: 'array', resultName: 'first-argument',
  compile: (args) => {
    const text = textOf(args[0]!.type);
    return (vals) => {
      const s = text(vals[0]!);
      const delim = vals[1] as string;
      const parts = delim === '' ? [s] : s.split(delim);
      if (vals.length < 3) return parts;
      const i = vals[2];
      if (i === null || (i as number) < 0 || (i as number) >= parts.length) return [];
      return [parts[Math.trunc(i as number)]!];
    };
  },
});

const replaceString = define({
  name: 'replace_string', doc: 'replace_string(text, lookup, rewrite): every occurrence of lookup replaced by rewrite.',
  params: ['strictString', 'strictString', 'strictString'], result: 'string',
  compile: () => (vals) => {
    const lookup = vals[1] as string;
    return lookup === '' ? vals[0]! : (vals[0] as string).split(lookup).join(vals[2] as string);
  },
});

const strrep = define({
  name: 'strrep', doc: 'strrep(value, n[, delimiter]): value repeated n times (at most 1024), joined by delimiter.',
  params: ['scalar', 'long', 'scalar'], minArgs: 2, result: 'string',
  compile: (args) => {
    const text = textOf(args[0]!.type);
    const delimText = args[2] ? textOf(args[2].type) : () => '';
    return (vals) => {
      const n = vals[1];
      if (n === null || (n as number) < 1) return '';
      const times = Math.min(1024, Math.trunc(n as number));
      return Array<string>(times).fill(text(vals[0]!)).join(delimText(vals[2] ?? ''));
    };
  },
});

const strcmp = define({
  name: 'strcmp', doc: 'strcmp(a, b): -1, 0 or 1 as a sorts before, equal to or after b (ordinal).',
  params: ['scalar', 'scalar'], result: 'long',
  compile: (args) => {
    const a = textOf(args[0]!.type);
    const b = textOf(args[1]!.type);
    return (vals) => {
      const x = a(vals[0]!);
      const y = b(vals[1]!);
      return x < y ? -1 : x > y ? 1 : 0;
    };
  },
});

const countof = define({
  name: 'countof', doc: "countof(source, search[, 'normal'|'regex']): how many times search occurs in source.",
  params: ['strictString', 'strictString', literal('string')], minArgs: 2,
  result: (args) => {
    const kind = constantText(args[2]);
    if (kind !== undefined && !['normal', 'regex'].includes(kind.toLowerCase())) {
      return { error: `countof(): kind must be 'normal' or 'regex', not '${kind}'`, argIndex: 2 };
    }
    return 'long';
  },
  compile: () => (vals) => {
    const kind = ((vals[2] as string | undefined) ?? 'normal').toLowerCase();
    if (kind === 'regex') return countRegex(vals[0] as string, vals[1] as string);
    return kind === 'normal' ? countOccurrences(vals[0] as string, vals[1] as string) : null;
  },
});

/** countof() in regex mode: matches do not overlap. Null for an invalid pattern. */
export function countRegex(source: string, pattern: string): number | null {
  const re = compileRegex(pattern, 'g');
  if (re instanceof Error) return null;
  let n = 0;
  for (const _ of source.matchAll(re)) n++;
  return n;
}

export const STRING_FUNCTIONS: readonly ScalarFunction[] = [
  strcat, strcatDelim, strlen, substring, indexof, tolower, toupper, reverse, split, replaceString,
  strrep, strcmp, countof,
];
