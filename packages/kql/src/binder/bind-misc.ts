import type * as ast from '../syntax/ast.js';
import type { PlanNode, ChartSpec } from '../plan/plan-node.js';
import type { ScalarType } from '../types/scalar-type.js';
import type { BindContext } from './context.js';
import { bindMessages as msg } from '../diagnostics/bind-messages.js';
import { bindExpr, ERROR_EXPR } from './bind-expr.js';
import { derivedName, generatedName } from './naming.js';
import { scopeOf, type ScopeColumn } from './scope.js';
import { projectNode } from './bind-project.js';
import { constantCount } from './bind-sort.js';

export function bindWhere(op: ast.Where, input: PlanNode, ctx: BindContext): PlanNode {
  const predicate = bindExpr(op.predicate, scopeOf(input.schema), ctx);
  if (predicate !== ERROR_EXPR && predicate.type !== 'bool' && predicate.type !== 'dynamic') {
    ctx.diagnostics.push(msg.notBoolean('The where predicate', predicate.type, op.predicate.span));
  }
  return { kind: 'Filter', input, predicate, schema: input.schema };
}

/** `mv-expand a, b = d.list to typeof(long) limit 10`: one row per element of the listed arrays. */
export function bindMvExpand(op: ast.MvExpand, input: PlanNode, ctx: BindContext): PlanNode {
  const scope: ScopeColumn[] = scopeOf(input.schema);
  let bagAsArray = false;
  let itemIndex: string | undefined;
  for (const p of op.params) {
    const name = p.name.name.toLowerCase();
    const value = p.value.kind === 'Literal' ? String(p.value.value) : p.value.kind === 'Name' ? p.value.name : '';
    if (name === 'kind' || name === 'bagexpansion') {
      if (value !== 'bag' && value !== 'array') ctx.diagnostics.push(msg.badParameterValue(name, value, ['bag', 'array'], p.value.span));
      bagAsArray = value === 'array';
    } else if (name === 'with_itemindex') itemIndex = value;
    else ctx.diagnostics.push(msg.unknownParameter('mv-expand', p.name.name, ['kind', 'bagexpansion', 'with_itemindex'], p.name.span));
  }
  const targets: { index: number; type: ScalarType }[] = [];
  for (const item of op.items) {
    const expr = bindExpr(item.expr, scope, ctx);
    if (expr === ERROR_EXPR) continue;
    const name = item.name?.name ?? derivedName(item.expr, scope, ctx.dialect) ?? generatedName(new Set(scope.map((c) => c.name)));
    let index = scope.findIndex((c) => c.name === name);
    if (index < 0 || item.name !== undefined) {
      if (index < 0) { index = scope.length; scope.push({ name, type: expr.type, expr }); }
      else scope[index] = { name, type: expr.type, expr };
    } else if (item.expr.kind !== 'Name') {
      scope[index] = { name, type: expr.type, expr };
    }
    targets.push({ index, type: item.toType ?? 'dynamic' });
  }
  const limit = op.limit ? constantCount(op.limit, 'mv-expand', ctx) : Number.MAX_SAFE_INTEGER;
  const extended = projectNode(input, scope);
  const schema = extended.schema.map((c, i) => {
    const t = targets.find((x) => x.index === i);
    return t ? { name: c.name, type: t.type } : c;
  });
  if (itemIndex !== undefined) schema.push({ name: itemIndex, type: 'long' });
  return { kind: 'MvExpand', input: extended, columns: targets, limit, schema, bagAsArray, itemIndex: itemIndex !== undefined };
}

const NUMBER_PATTERN: Partial<Record<ScalarType, string>> = {
  int: '(-?\\d+)', long: '(-?\\d+)', real: '(-?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)',
};

/**
 * `parse [kind=simple|regex] Source with "lit" Col:type * ...` appends one column per named part.
 * Simple patterns match from the start of the text; a trailing column takes the rest of it.
 */
export function bindParse(op: ast.Parse, input: PlanNode, ctx: BindContext): PlanNode {
  let mode = 'simple';
  for (const p of op.params) {
    if (p.name.name.toLowerCase() !== 'kind' && p.name.name.toLowerCase() !== 'flags') {
      ctx.diagnostics.push(msg.unknownParameter('parse', p.name.name, ['kind', 'flags'], p.name.span));
    } else if (p.name.name.toLowerCase() === 'kind' && p.value.kind === 'Literal') mode = String(p.value.value).toLowerCase();
  }
  if (mode !== 'simple' && mode !== 'regex' && mode !== 'relaxed') {
    ctx.diagnostics.push(msg.badParameterValue('kind', mode, ['simple', 'regex', 'relaxed'], op.keywordSpan));
  }
  const scope = scopeOf(input.schema);
  const source = bindExpr(op.source, scope, ctx);
  let pattern = '^';
  const captures: { type: ScalarType }[] = [];
  const names: string[] = [];
  op.pattern.forEach((part, i) => {
    const last = i === op.pattern.length - 1;
    if (part.kind === 'Text') pattern += mode === 'regex' ? part.text : escapeRegex(part.text);
    else if (part.kind === 'Star') pattern += last ? '.*' : '.*?';
    else {
      // Named groups, so that groups inside a kind=regex delimiter do not shift the columns. In relaxed
      // mode a typed column takes any text and only its conversion decides (null when it fails).
      const typed = mode === 'relaxed' ? undefined : NUMBER_PATTERN[part.type];
      const body = typed ? typed.slice(1, -1) : last ? '.*' : '.*?';
      pattern += `(?<c${captures.length}>${body})${last ? '$' : ''}`;
      captures.push({ type: part.type });
      names.push(part.name.name);
    }
  });
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 's');
  } catch {
    ctx.diagnostics.push(msg.unsupported(`The parse pattern '${pattern}'`, op.keywordSpan));
    regex = /$^/;
  }
  // A name declared twice in one pattern is an error (Kusto's KS171). A name the input already has
  // (a second parse re-declaring the columns of a first) keeps the input's column under that name and
  // appends the new one as Kusto's binder does: `P1` becomes `P11`, then `P12`…
  const schema = [...input.schema];
  const keyOf = (name: string): string => (ctx.dialect === 'cmpivot' ? name.toLowerCase() : name);
  const taken = new Set(schema.map((c) => keyOf(c.name)));
  const declared = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    const key = keyOf(names[i]!);
    if (declared.has(key)) {
      ctx.diagnostics.push(msg.duplicateColumn(names[i]!, op.span));
      break;
    }
    declared.add(key);
    const name = taken.has(key) ? generatedName({ has: (n) => taken.has(keyOf(n)) || declared.has(keyOf(n)) }, names[i]!) : names[i]!;
    taken.add(keyOf(name));
    schema.push({ name, type: captures[i]!.type });
  }
  return { kind: 'Parse', input, source, regex, captures, schema, ...(mode === 'relaxed' ? { relaxed: true } : {}) };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The chart kinds Kusto's render accepts (CMPivot documents bar, column, pie and time charts). */
const CHARTS = [
  'anomalychart', 'areachart', 'barchart', 'card', 'columnchart', 'ladderchart', 'linechart', 'piechart',
  'pivotchart', 'scatterchart', 'stackedareachart', 'table', 'timechart', 'timepivot', 'treemap',
];
const CHART_PROPS = [
  'kind', 'title', 'xtitle', 'ytitle', 'xcolumn', 'ycolumns', 'series', 'legend', 'ysplit', 'accumulate',
  'xaxis', 'yaxis', 'ymin', 'ymax', 'xmin', 'xmax', 'anomalycolumns',
];

export function bindRender(op: ast.Render, ctx: BindContext): ChartSpec {
  const type = op.chart?.name.toLowerCase() ?? '';
  if (op.chart && !CHARTS.includes(type)) ctx.diagnostics.push(msg.unknownChart(op.chart.name, CHARTS, op.chart.span));
  const props: Record<string, string | number | boolean> = {};
  for (const p of op.props) {
    const name = p.name.name.toLowerCase();
    if (!CHART_PROPS.includes(name)) {
      ctx.diagnostics.push(msg.unknownParameter('render', p.name.name, CHART_PROPS, p.name.span));
      continue;
    }
    if (p.value.kind === 'Name') { props[name] = p.value.name; continue; }
    const v = bindExpr(p.value, [], ctx);
    if (v.k === 'const' && (typeof v.value === 'string' || typeof v.value === 'number' || typeof v.value === 'boolean')) props[name] = v.value;
    else if (v !== ERROR_EXPR) ctx.diagnostics.push(msg.expectedConstant(`The render property ${name}`, p.value.span));
  }
  return { type, props };
}
