import type { Expr, Operator, Tabular } from '../../syntax/ast.js';
import type { Dialect } from '../../functions/function-types.js';
import { parse, type ParseResult } from '../parse.js';
import { exprText, tabularText } from './sexpr.js';

/** Test-only shorthands over `parse`. */
export function firstQuery(text: string, dialect: Dialect = 'cmpivot'): Tabular {
  const s = parse(text, { dialect }).script.statements.find((x) => x.kind === 'Query');
  if (!s || s.kind !== 'Query') throw new Error(`no query in ${text}`);
  return s.query;
}

/** The expression of `print <text>`. */
export function printed(text: string, dialect: Dialect = 'cmpivot'): Expr {
  const src = firstQuery(`print ${text}`, dialect).source;
  if (src.kind !== 'Print' || src.items.length === 0) throw new Error(`no print item in ${text}`);
  return src.items[0]!.expr;
}

export function exprOf(text: string, dialect: Dialect = 'cmpivot'): string {
  return exprText(printed(text, dialect));
}

export function queryOf(text: string, dialect: Dialect = 'cmpivot'): string {
  return tabularText(firstQuery(text, dialect));
}

export function opOf(text: string, dialect: Dialect = 'cmpivot'): Operator {
  const ops = firstQuery(text, dialect).operators;
  return ops[ops.length - 1]!;
}

export function codes(r: ParseResult): string[] {
  return r.diagnostics.map((d) => d.code);
}

export function clean(text: string, dialect: Dialect = 'cmpivot'): boolean {
  return parse(text, { dialect }).diagnostics.length === 0;
}
