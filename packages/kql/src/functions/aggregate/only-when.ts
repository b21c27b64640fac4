import type { AggregateImpl } from '../function-types.js';

/**
 * The `…if` form of an aggregate: rows whose predicate (argument `predIndex`) is not true are
 * left out before the inner aggregate sees them. The inner aggregate reads only the arguments
 * before the predicate, so the row's argument array is passed through without copying.
 */
export function onlyWhen<S>(inner: AggregateImpl<S>, predIndex: number): AggregateImpl<S> {
  return {
    init: () => inner.init(),
    add: (s, args) => (args[predIndex] === true ? inner.add(s, args) : s),
    merge: (a, b) => inner.merge(a, b),
    result: (s) => inner.result(s),
  };
}
