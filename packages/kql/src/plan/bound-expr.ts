import type { StringOp } from '../syntax/ast.js';
import type { ScalarType } from '../types/scalar-type.js';
import type { Value } from '../values/value.js';
import type { RowFunction } from '../functions/function-types.js';

/**
 * A typed expression, resolved against the columns of its input by position. The binder builds it;
 * the evaluator compiles it to closures. Operators that the columnar evaluator speeds up (comparisons,
 * string predicates, arithmetic, and/or, in) have their own kinds; everything else is a `call`.
 */
export type BoundExpr =
  | { readonly k: 'const'; readonly type: ScalarType; readonly value: Value; readonly typeLiteral?: ScalarType }
  | { readonly k: 'col'; readonly type: ScalarType; readonly index: number }
  | {
      readonly k: 'call';
      readonly type: ScalarType;
      readonly name: string;
      readonly fn: RowFunction;
      readonly args: readonly BoundExpr[];
      readonly volatile?: boolean;
    }
  | {
      readonly k: 'compare';
      readonly type: 'bool';
      readonly op: CompareOp;
      /** The type both sides are compared as (after promotion). */
      readonly operandType: ScalarType;
      /** Strings compared ignoring case (`=~`, and `==` in the cmpivot dialect). */
      readonly ignoreCase: boolean;
      readonly left: BoundExpr;
      readonly right: BoundExpr;
    }
  | { readonly k: 'string'; readonly type: 'bool'; readonly op: StringOp; readonly left: BoundExpr; readonly right: BoundExpr }
  | { readonly k: 'arith'; readonly type: ScalarType; readonly op: ArithOp; readonly left: BoundExpr; readonly right: BoundExpr }
  | { readonly k: 'logic'; readonly type: 'bool'; readonly op: 'and' | 'or'; readonly left: BoundExpr; readonly right: BoundExpr }
  | {
      readonly k: 'in';
      readonly type: 'bool';
      readonly negated: boolean;
      readonly ignoreCase: boolean;
      readonly operandType: ScalarType;
      readonly left: BoundExpr;
      readonly items: readonly BoundExpr[];
    };

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/' | '%';

export function constExpr(type: ScalarType, value: Value): BoundExpr {
  return { k: 'const', type, value };
}

export function colExpr(type: ScalarType, index: number): BoundExpr {
  return { k: 'col', type, index };
}

/** True when the expression reads no column and no clock, so the binder may fold it. */
export function isFoldable(e: BoundExpr): boolean {
  switch (e.k) {
    case 'const': return true;
    case 'col': return false;
    case 'call': return !e.volatile && e.args.every(isFoldable);
    case 'in': return isFoldable(e.left) && e.items.every(isFoldable);
    default: return isFoldable(e.left) && isFoldable(e.right);
  }
}

/** Column indexes an expression reads. */
export function columnsRead(e: BoundExpr, into: Set<number> = new Set()): Set<number> {
  switch (e.k) {
    case 'const': break;
    case 'col': into.add(e.index); break;
    case 'call': for (const a of e.args) columnsRead(a, into); break;
    case 'in': columnsRead(e.left, into); for (const a of e.items) columnsRead(a, into); break;
    default: columnsRead(e.left, into); columnsRead(e.right, into);
  }
  return into;
}
