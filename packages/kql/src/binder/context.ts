import type { Catalog } from '../types/schema.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dialect, EvalContext } from '../functions/function-types.js';
import type { BoundExpr } from '../plan/bound-expr.js';
import type { PlanNode } from '../plan/plan-node.js';

export type LetBinding =
  | { readonly kind: 'scalar'; readonly expr: BoundExpr }
  | { readonly kind: 'table'; readonly plan: PlanNode };

/** What binding one script carries along: the catalog, the dialect, `let` names and the diagnostics so far. */
export interface BindContext {
  readonly catalog: Catalog;
  readonly dialect: Dialect;
  readonly diagnostics: Diagnostic[];
  readonly lets: Map<string, LetBinding>;
  /** Used to fold constant expressions at bind time. `now` is never folded, so its value here is unused. */
  readonly evalContext: EvalContext;
  /** Entities the query reads, by declared name: what the site checks permissions on. */
  readonly tablesRead: Set<string>;
  joins: number;
}

/** Past this many errors, more only repeat the story: binding goes on but stops building messages. */
export const MAX_BIND_DIAGNOSTICS = 100;

export function tooManyErrors(ctx: BindContext): boolean {
  return ctx.diagnostics.length >= MAX_BIND_DIAGNOSTICS;
}
