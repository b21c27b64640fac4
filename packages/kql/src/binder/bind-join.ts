import type * as ast from '../syntax/ast.js';
import type { PlanNode, JoinKind, UnionNode } from '../plan/plan-node.js';
import type { ColumnSchema } from '../types/schema.js';
import type { ScalarType } from '../types/scalar-type.js';
import type { BindContext } from './context.js';
import { bindMessages as msg } from '../diagnostics/bind-messages.js';
import { resolveName, uniqueName } from './names.js';
import { comparisonType } from './bind-expr.js';
import { keepDevice } from './keep-device.js';
import { colExpr } from '../plan/bound-expr.js';

/** Kusto allows at most this many joins; CMPivot documents a limit of 5. */
const MAX_JOINS = 5;

const JOIN_KINDS: Readonly<Record<string, JoinKind>> = {
  innerunique: 'innerunique', inner: 'inner', leftouter: 'leftouter', rightouter: 'rightouter',
  fullouter: 'fullouter', leftanti: 'leftanti', anti: 'leftanti', leftantisemi: 'leftanti',
  rightanti: 'rightanti', rightantisemi: 'rightanti', leftsemi: 'leftsemi', rightsemi: 'rightsemi',
};

export type BindTabular = (t: ast.Tabular, ctx: BindContext) => PlanNode;

export function bindJoin(op: ast.Join, left: PlanNode, ctx: BindContext, bindTabular: BindTabular): PlanNode {
  if (++ctx.joins > MAX_JOINS) ctx.diagnostics.push(msg.tooManyJoins(MAX_JOINS, op.keywordSpan));
  let joinKind: JoinKind = 'innerunique';
  for (const p of op.params) {
    const name = p.name.name.toLowerCase();
    if (name === 'kind') {
      // Kusto's kinds are lower case; the cmpivot dialect takes keywords in any case.
      const written = p.value.kind === 'Literal' ? String(p.value.value) : '';
      const value = ctx.dialect === 'cmpivot' ? written.toLowerCase() : written;
      const k = JOIN_KINDS[value];
      if (k) joinKind = k;
      else ctx.diagnostics.push(msg.badParameterValue('kind', value, Object.keys(JOIN_KINDS), p.value.span));
    } else if (!name.startsWith('hint.')) {
      ctx.diagnostics.push(msg.unknownParameter('join', p.name.name, ['kind', 'hint.strategy'], p.name.span));
    }
  }
  let right = bindTabular(op.right, ctx);
  // Set when the right side carries a Device column only for the bare join's key: dropped again after.
  let hiddenDevice = false;
  const leftKeys: number[] = [];
  const rightKeys: number[] = [];
  const keyTypes: ScalarType[] = [];
  const leftNames = left.schema.map((c) => c.name);
  let rightNames = right.schema.map((c) => c.name);
  const addKey = (l: ast.Ident, r: ast.Ident): void => {
    const li = resolveName(l.name, leftNames, ctx.dialect);
    const ri = resolveName(r.name, rightNames, ctx.dialect);
    if (!('found' in li)) return void ctx.diagnostics.push(msg.joinKey('left', l.name, l.span, 'missing' in li ? li.missing : []));
    if (!('found' in ri)) return void ctx.diagnostics.push(msg.joinKey('right', r.name, r.span, 'missing' in ri ? ri.missing : []));
    const lt = left.schema[li.found]!.type;
    const rt = right.schema[ri.found]!.type;
    const t = comparisonType(lt, rt);
    if (t === null) return void ctx.diagnostics.push(msg.operatorTypes('==', lt, rt, r.span));
    leftKeys.push(li.found);
    rightKeys.push(ri.found);
    keyTypes.push(t);
  };
  if (op.on.length === 0) {
    if (ctx.dialect === 'cmpivot') {
      // CMPivot joins rows of the same device: a bare join is on Device.
      const device: ast.Ident = { name: 'Device', span: op.keywordSpan };
      const has = (names: readonly string[]): boolean => 'found' in resolveName('Device', names, 'cmpivot');
      const kept = has(leftNames) && !has(rightNames) ? keepDevice(right) : undefined;
      if (kept) {
        right = kept;
        rightNames = kept.schema.map((c) => c.name);
        hiddenDevice = true;
      }
      if (has(leftNames) && has(rightNames)) addKey(device, device);
      else ctx.diagnostics.push(msg.joinOnDevice(op.keywordSpan));
    } else {
      ctx.diagnostics.push(msg.joinOnDevice(op.keywordSpan));
    }
  }
  for (const cond of op.on) {
    if (cond.kind === 'Same') addKey(cond.name, cond.name);
    else {
      const l = sideName(cond.left, '$left');
      const r = sideName(cond.right, '$right');
      if (l && r) addKey(l, r);
      else {
        // `$right.b == $left.a` is fine too.
        const l2 = sideName(cond.right, '$left');
        const r2 = sideName(cond.left, '$right');
        if (l2 && r2) addKey(l2, r2);
        else ctx.diagnostics.push(msg.unsupported("A join condition other than 'Col' or '$left.a == $right.b'", cond.span));
      }
    }
  }
  const join: PlanNode = { kind: 'Join', joinKind, left, right, leftKeys, rightKeys, keyTypes, schema: joinSchema(joinKind, left.schema, right.schema) };
  if (!hiddenDevice || joinKind === 'leftanti' || joinKind === 'leftsemi') return join;
  // The right side's Device is always its last column, so it is the join's last one too.
  const shown = join.schema.slice(0, -1);
  return { kind: 'Project', input: join, schema: shown, exprs: shown.map((c, j) => colExpr(c.type, j)) };
}

function sideName(e: ast.Expr, side: '$left' | '$right'): ast.Ident | undefined {
  if (e.kind === 'Member' && e.target.kind === 'Name' && e.target.name === side) return e.member;
  return undefined;
}

/** Left columns then right columns, a clashing right name taking a digit suffix (`Device1`). */
export function joinSchema(kind: JoinKind, left: readonly ColumnSchema[], right: readonly ColumnSchema[]): ColumnSchema[] {
  if (kind === 'leftanti' || kind === 'leftsemi') return [...left];
  if (kind === 'rightanti' || kind === 'rightsemi') return [...right];
  const taken = new Set(left.map((c) => c.name));
  const out = [...left];
  for (const c of right) {
    const name = uniqueName(c.name, taken);
    taken.add(name);
    out.push({ name, type: c.type });
  }
  return out;
}

/**
 * `union` (kind=outer, Kusto's default): every column of every input, matched by name; a name that
 * comes with two types becomes `name_type` for each.
 */
export function bindUnion(params: readonly ast.OperatorParam[], inputs: PlanNode[], ctx: BindContext, names: readonly string[]): PlanNode {
  let withSource: string | undefined;
  let inner = false;
  for (const p of params) {
    const name = p.name.name.toLowerCase();
    const value = p.value.kind === 'Literal' ? String(p.value.value) : p.value.kind === 'Name' ? p.value.name : '';
    if (name === 'withsource') withSource = value;
    else if (name === 'kind') inner = value.toLowerCase() === 'inner';
    else if (name !== 'isfuzzy' && !name.startsWith('hint.')) ctx.diagnostics.push(msg.unknownParameter('union', p.name.name, ['kind', 'withsource', 'isfuzzy'], p.name.span));
  }
  const typesByName = new Map<string, Set<ScalarType>>();
  for (const t of inputs) for (const c of t.schema) {
    if (!typesByName.has(c.name)) typesByName.set(c.name, new Set());
    typesByName.get(c.name)!.add(c.type);
  }
  const schema: ColumnSchema[] = [];
  const renamed: ColumnSchema[][] = inputs.map(() => []);
  const seen = new Set<string>();
  inputs.forEach((t, ti) => {
    for (const c of t.schema) {
      const clash = typesByName.get(c.name)!.size > 1;
      const name = clash ? `${c.name}_${c.type}` : c.name;
      renamed[ti]!.push({ name, type: c.type });
      if (!seen.has(name)) { seen.add(name); schema.push({ name, type: c.type }); }
    }
  });
  let out = schema;
  if (inner) out = schema.filter((c) => renamed.every((r) => r.some((x) => x.name === c.name)));
  const relabelled = inputs.map((t, ti): PlanNode => (renamed[ti]!.every((c, j) => c.name === t.schema[j]!.name) ? t : {
    kind: 'Project', input: t, schema: renamed[ti]!, exprs: t.schema.map((c, j) => ({ k: 'col', type: c.type, index: j })),
  }));
  const node: UnionNode = {
    kind: 'Union',
    inputs: relabelled,
    schema: withSource ? [{ name: withSource, type: 'string' }, ...out] : out,
    ...(withSource ? { sourceLabels: names } : {}),
  };
  return node;
}
