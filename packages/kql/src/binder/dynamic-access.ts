import type { Value } from '../values/value.js';
import type { BoundExpr } from '../plan/bound-expr.js';

/** `d.name`: a property of a dynamic bag, null when absent or when `d` is no bag. */
export function memberFunction(target: BoundExpr, name: string): BoundExpr {
  return {
    k: 'call', type: 'dynamic', name: `.${name}`, args: [target],
    fn: ([d]) => (d !== null && typeof d === 'object' && !Array.isArray(d) ? (d[name] ?? null) : null),
  };
}

/** `d[0]`, `d[-1]` (from the end), `d['key']`. */
export function indexFunction(target: BoundExpr, index: BoundExpr): BoundExpr {
  return {
    k: 'call', type: 'dynamic', name: '[]', args: [target, index],
    fn: ([d, i]) => elementAt(d ?? null, i ?? null),
  };
}

function elementAt(d: Value, i: Value): Value {
  if (d === null || typeof d !== 'object') return null;
  if (Array.isArray(d)) {
    if (typeof i !== 'number' || !Number.isInteger(i)) return null;
    return d[i < 0 ? d.length + i : i] ?? null;
  }
  return typeof i === 'string' ? (d[i] ?? null) : null;
}
