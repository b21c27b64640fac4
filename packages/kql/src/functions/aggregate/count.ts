import type { AggregateFunction, AggregateImpl } from '../function-types.js';
import { checkPredicate } from './arg-checks.js';

interface CountState { n: number }

const countImpl: AggregateImpl<CountState> = {
  init: () => ({ n: 0 }),
  add: (s) => { s.n++; return s; },
  merge: (a, b) => { a.n += b.n; return a; },
  result: (s) => s.n,
};

/** Counts only rows whose predicate is true; null counts as false. */
const countIfImpl: AggregateImpl<CountState> = {
  init: () => ({ n: 0 }),
  add: (s, args) => { if (args[0] === true) s.n++; return s; },
  merge: (a, b) => { a.n += b.n; return a; },
  result: (s) => s.n,
};

export const COUNT: AggregateFunction = {
  name: 'count',
  doc: 'count(): the number of rows in the group.',
  minArgs: 0,
  maxArgs: 0,
  returns: () => 'long',
  create: () => countImpl as AggregateImpl,
};

export const COUNTIF: AggregateFunction = {
  name: 'countif',
  doc: 'countif(predicate): the number of rows for which predicate is true.',
  minArgs: 1,
  maxArgs: 1,
  returns: (args) => checkPredicate('countif', args, 0) ?? 'long',
  create: () => countIfImpl as AggregateImpl,
};
