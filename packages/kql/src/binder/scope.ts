import type { ColumnSchema } from '../types/schema.js';
import type { ScalarType } from '../types/scalar-type.js';
import { colExpr, type BoundExpr } from '../plan/bound-expr.js';

/**
 * The columns an expression may name: each with the bound expression that yields it over the
 * operator's input. For the input's own columns that is a column reference; inside one `extend` or
 * `project`, a column defined earlier in the same list is its expression, so `extend a = 1, b = a + 1`
 * works without an extra operator.
 */
export interface ScopeColumn {
  readonly name: string;
  readonly type: ScalarType;
  readonly expr: BoundExpr;
}

export type Scope = readonly ScopeColumn[];

export function scopeOf(schema: readonly ColumnSchema[]): ScopeColumn[] {
  return schema.map((c, i) => ({ name: c.name, type: c.type, expr: colExpr(c.type, i) }));
}

export function schemaOf(scope: Scope): ColumnSchema[] {
  return scope.map((c) => ({ name: c.name, type: c.type }));
}
