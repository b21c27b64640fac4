import type { StringOp } from '../syntax/ast.js';
import type { Dialect } from './function-types.js';
import { compileRegex, escapeRegex } from './scalar/regex.js';

/**
 * The string predicates (`has`, `contains`, `startswith`, `like`, `matches regex`…), as Kusto's
 * "string operators" page defines them:
 * - without `_cs` they ignore case; `matches regex` is case-sensitive unless the pattern says `(?i)`;
 * - `has` looks for a whole term: a term is a maximal run of alphanumeric characters, so the match
 *   must not continue a term on either side ("North America" has "america", !has "amer"). A right
 *   side holding separators ("c-de") matches as a phrase with the same rule at its two ends;
 * - `hasprefix` / `hassuffix` need only the start / the end of the match on a term boundary;
 * - `like` is CMPivot's SQL pattern: `%` any run, `_` one character, the rest literal, whole value,
 *   ignoring case.
 * An empty right side matches everything, as an empty substring does.
 */

type Predicate = (left: string) => boolean;

/** Compiles an operator with a constant right side once; the result is called per value (or per dictionary entry). */
export function compileStringPredicate(op: StringOp, right: string, dialect: Dialect): Predicate {
  void dialect; // both dialects share these semantics; the binder decides which operators each accepts
  if (op === 'matches regex') return regexPredicate(right);
  const negated = op.startsWith('!');
  const base = (negated ? op.slice(1) : op) as PositiveOp;
  const p = positive(base, right);
  return negated ? (left) => !p(left) : p;
}

type PositiveOp =
  | 'has' | 'has_cs' | 'hasprefix' | 'hasprefix_cs' | 'hassuffix' | 'hassuffix_cs'
  | 'contains' | 'contains_cs' | 'startswith' | 'startswith_cs' | 'endswith' | 'endswith_cs' | 'like';

function positive(op: PositiveOp, right: string): Predicate {
  const cs = op.endsWith('_cs');
  const needle = cs ? right : right.toLowerCase();
  const fold = cs ? (s: string) => s : (s: string) => s.toLowerCase();
  if (needle === '' && op !== 'like') return () => true;
  switch (op) {
    case 'contains': case 'contains_cs':
      return (left) => fold(left).includes(needle);
    case 'startswith': case 'startswith_cs':
      return (left) => fold(left).startsWith(needle);
    case 'endswith': case 'endswith_cs':
      return (left) => fold(left).endsWith(needle);
    case 'has': case 'has_cs':
      return termPredicate(needle, fold, true, true);
    case 'hasprefix': case 'hasprefix_cs':
      return termPredicate(needle, fold, true, false);
    case 'hassuffix': case 'hassuffix_cs':
      return termPredicate(needle, fold, false, true);
    case 'like':
      return likePredicate(right);
  }
}

/** ASCII letters and digits make terms; so does anything beyond ASCII (letters of other scripts). */
function isTermChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code >= 128;
}

function termPredicate(needle: string, fold: (s: string) => string, atStart: boolean, atEnd: boolean): Predicate {
  // A side of the needle that is itself a separator needs no boundary there.
  const checkStart = atStart && isTermChar(needle.charCodeAt(0));
  const checkEnd = atEnd && isTermChar(needle.charCodeAt(needle.length - 1));
  const n = needle.length;
  return (left) => {
    const hay = fold(left);
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
      if (checkStart && i > 0 && isTermChar(hay.charCodeAt(i - 1))) continue;
      if (checkEnd && i + n < hay.length && isTermChar(hay.charCodeAt(i + n))) continue;
      return true;
    }
    return false;
  };
}

function likePredicate(pattern: string): Predicate {
  const lower = pattern.toLowerCase();
  if (!/[%_]/.test(lower)) return (left) => left.toLowerCase() === lower;
  const inner = lower.slice(1, -1);
  // The shapes people write most ('%x%', 'x%', '%x') avoid a RegExp.
  if (lower.length >= 2 && !/[%_]/.test(inner)) {
    const first = lower[0] === '%';
    const last = lower[lower.length - 1] === '%';
    if (first && last) return (left) => left.toLowerCase().includes(inner);
  }
  if (!/[%_]/.test(lower.slice(0, -1)) && lower.endsWith('%')) {
    const head = lower.slice(0, -1);
    return (left) => left.toLowerCase().startsWith(head);
  }
  if (!/[%_]/.test(lower.slice(1)) && lower.startsWith('%')) {
    const tail = lower.slice(1);
    return (left) => left.toLowerCase().endsWith(tail);
  }
  let source = '';
  for (const c of pattern) source += c === '%' ? '.*' : c === '_' ? '.' : escapeRegex(c);
  const re = new RegExp(`^${source}$`, 'is');
  return (left) => re.test(left);
}

function regexPredicate(pattern: string): Predicate {
  const re = compileRegex(pattern);
  if (re instanceof Error) return () => false;
  return (left) => re.test(left);
}

/**
 * The same predicates with both sides per row. The last right side's compiled form is kept, so a
 * column compared with a mostly repeated right side compiles rarely.
 */
export function stringPredicate(op: StringOp, dialect: Dialect): (left: string, right: string) => boolean {
  let lastRight: string | undefined;
  let lastPredicate: Predicate = () => false;
  return (left, right) => {
    if (right !== lastRight) {
      lastRight = right;
      lastPredicate = compileStringPredicate(op, right, dialect);
    }
    return lastPredicate(left);
  };
}
