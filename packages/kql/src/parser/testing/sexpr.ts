import type { Expr, NamedExpr, Operator, SortKey, Source, Tabular } from '../../syntax/ast.js';

/** Compact text forms of syntax trees, so parser tests read as one line each. Test-only. */
export function exprText(e: Expr): string {
  switch (e.kind) {
    case 'Literal':
      return `${e.type}:${literalText(e.value)}`;
    case 'Name':
      return e.name;
    case 'Binary':
      return `(${e.op} ${exprText(e.left)} ${exprText(e.right)})`;
    case 'Unary':
      return `(${e.op}u ${exprText(e.operand)})`;
    case 'In':
      return `(${e.op} ${exprText(e.left)} [${e.items.map(exprText).join(', ')}])`;
    case 'Between':
      return `(${e.negated ? '!' : ''}between ${exprText(e.left)} ${exprText(e.low)} ${exprText(e.high)})`;
    case 'Call':
      return `${e.name.name}(${e.args.map(exprText).join(', ')})`;
    case 'Member':
      return `${exprText(e.target)}.${e.member.name}`;
    case 'Index':
      return `${exprText(e.target)}[${exprText(e.index)}]`;
    case 'Star':
      return '*';
    case 'Paren':
      return `{${exprText(e.inner)}}`;
    case 'Missing':
      return '?';
  }
}

function literalText(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return JSON.stringify(v);
}

export function namedText(n: NamedExpr): string {
  const names = n.names.map((i) => i.name);
  const head = names.length === 0 ? '' : names.length === 1 ? `${names[0]}=` : `(${names.join(',')})=`;
  return head + exprText(n.expr);
}

function keyText(k: SortKey): string {
  return exprText(k.expr) + (k.direction ? ` ${k.direction}` : '') + (k.nulls ? ` nulls ${k.nulls}` : '');
}

export function sourceText(s: Source): string {
  switch (s.kind) {
    case 'TableRef':
      return s.args ? `${s.name.name}(${s.args.map(exprText).join(', ')})` : s.name.name;
    case 'Datatable':
      return `datatable(${s.columns.map((c) => `${c.name.name}:${c.type}`).join(', ')})[${s.values.map(exprText).join(', ')}]`;
    case 'Print':
      return `print ${s.items.map(namedText).join(', ')}`;
    case 'Range':
      return `range ${s.column.name} ${exprText(s.from)} ${exprText(s.to)} ${exprText(s.step)}`;
    case 'UnionSource':
      return `union${params(s.params)} ${s.tables.map(tabularText).join(', ')}`;
    case 'SubQuery':
      return `(${tabularText(s.query)})`;
    case 'MissingSource':
      return '?source';
  }
}

function params(ps: readonly { name: { name: string }; value: Expr }[]): string {
  return ps.map((p) => ` ${p.name.name}=${exprText(p.value)}`).join('');
}

export function operatorText(o: Operator): string {
  switch (o.kind) {
    case 'Where':
      return `where ${exprText(o.predicate)}`;
    case 'Project':
      return `project ${o.items.map(namedText).join(', ')}`;
    case 'ProjectAway':
      return `project-away ${o.columns.map((c) => c.name).join(', ')}`;
    case 'ProjectRename':
      return `project-rename ${o.items.map((i) => `${i.newName.name}=${i.oldName.name}`).join(', ')}`;
    case 'ProjectReorder':
      return `project-reorder ${o.columns.map((c) => c.name.name + (c.direction ? ` ${c.direction}` : '')).join(', ')}`;
    case 'Extend':
      return `extend ${o.items.map(namedText).join(', ')}`;
    case 'Summarize':
      return `summarize${params(o.params)} ${o.aggregates.map(namedText).join(', ')} by ${o.by.map(namedText).join(', ')}`;
    case 'Count':
      return 'count';
    case 'Distinct':
      return o.star ? 'distinct *' : `distinct ${o.columns.map(namedText).join(', ')}`;
    case 'Sort':
      return `sort ${o.keys.map(keyText).join(', ')}`;
    case 'Top':
      return `top ${exprText(o.count)} ${o.keys.map(keyText).join(', ')}`;
    case 'Take':
      return `take ${exprText(o.count)}`;
    case 'Join':
      return `join${params(o.params)} (${tabularText(o.right)}) on ${o.on
        .map((c) => (c.kind === 'Same' ? c.name.name : `${exprText(c.left)}==${exprText(c.right)}`))
        .join(', ')}`;
    case 'Union':
      return `union${params(o.params)} ${o.tables.map(tabularText).join(', ')}`;
    case 'MvExpand':
      return `mv-expand${params(o.params)} ${o.items
        .map((i) => (i.name ? `${i.name.name}=` : '') + exprText(i.expr) + (i.toType ? ` to ${i.toType}` : ''))
        .join(', ')}${o.limit ? ` limit ${exprText(o.limit)}` : ''}`;
    case 'Parse':
      return `parse${params(o.params)} ${exprText(o.source)} with ${o.pattern
        .map((p) => (p.kind === 'Text' ? JSON.stringify(p.text) : p.kind === 'Star' ? '*' : `${p.name.name}:${p.type}`))
        .join(' ')}`;
    case 'Render':
      return `render ${o.chart?.name ?? '?'}${params(o.props)}`;
    case 'MissingOperator':
      return '?op';
  }
}

export function tabularText(t: Tabular): string {
  return [sourceText(t.source), ...t.operators.map(operatorText)].join(' | ');
}
