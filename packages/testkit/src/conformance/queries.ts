import fc from 'fast-check';
import { expr, literal, quoteName, type ExprContext, type Frag, type GenCol } from './expressions.js';
import { GEN_TYPES, type GenType, type Signatures } from './signatures.js';

/** A generated query: its text, the features it uses, and whether they are all in the engine's supported set. */
export interface GenQuery {
  readonly text: string;
  readonly tags: readonly string[];
  readonly supported: boolean;
  /** Set on mutants: the edit that made them (usually invalid). */
  readonly mutation?: string;
}

interface State {
  readonly text: string; readonly cols: readonly GenCol[]; readonly tags: readonly string[]; readonly supported: boolean;
  /** Nothing may follow: the columns are Kusto's to name. */
  readonly final?: boolean;
}
type Step = (s: State, sig: Signatures) => fc.Arbitrary<State>;

const isGen = (t: string): t is GenType => (GEN_TYPES as readonly string[]).includes(t);
const ctxOf = (s: State, sig: Signatures): ExprContext => ({ cols: s.cols.filter((c) => isGen(c.type)), scalar: sig.scalar });
const then = (s: State, text: string, cols: readonly GenCol[], tags: readonly string[], supported = true): State =>
  ({ text: `${s.text}${pipe(s.text.length)}${text}`, cols, tags: [...s.tags, ...tags], supported: s.supported && supported });
// Odd layout is part of what the engine must read the same way as Kusto: newlines, tabs, comments.
// Chosen from the text so far, so a seed replays the same queries in any process.
const pipe = (at: number): string => ['\n| ', ' | ', '\n\t|  ', ' // note\n| ', '|'][at % 5]!;

const anyType = fc.constantFrom<GenType>(...GEN_TYPES);
const freshName = (cols: readonly GenCol[]): fc.Arbitrary<string> =>
  fc.constantFrom('x', 'Total', 'my col', 'where', 'n_2', 'Δ', 'a-b').filter((n) => !cols.some((c) => c.name === n));

const where: Step = (s, sig) => expr(ctxOf(s, sig), 'bool', 2).map((e) => then(s, `where ${e.text}`, s.cols, ['op:where', ...e.tags]));
const extend: Step = (s, sig) => fc.tuple(freshName(s.cols), anyType).chain(([n, t]) => expr(ctxOf(s, sig), t, 2)
  .map((e) => then(s, `extend ${quoteName(n)} = ${e.text}`, [...s.cols.filter((c) => c.name !== n), { name: n, type: t }], ['op:extend', ...e.tags])));
const project: Step = (s) => fc.subarray([...s.cols], { minLength: 1 })
  .map((keep) => then(s, `project ${keep.map((c) => quoteName(c.name)).join(', ')}`, keep, ['op:project']));
const projectAway: Step = (s) => fc.subarray([...s.cols], { minLength: 1, maxLength: s.cols.length - 1 })
  .map((away) => then(s, `project-away ${away.map((c) => quoteName(c.name)).join(', ')}`, s.cols.filter((c) => !away.includes(c)), ['op:project-away']));
const projectRename: Step = (s) => fc.tuple(fc.constantFrom(...s.cols), freshName(s.cols))
  .map(([c, n]) => then(s, `project-rename ${quoteName(n)} = ${quoteName(c.name)}`, s.cols.map((x) => (x === c ? { name: n, type: c.type } : x)), ['op:project-rename']));

function aggregateArb(ctx: ExprContext, sig: Signatures): fc.Arbitrary<{ text: string; type: string; tags: readonly string[] }> {
  const aggs = sig.aggregate.filter((a) => a.args.every((x) => x.literal || ctx.cols.some((c) => c.type === x.type)));
  return fc.constantFrom(...aggs).chain((a) => fc.tuple(...a.args.map((x) => (x.literal ? literal(x.type) : expr(ctx, x.type, 0))))
    .map((xs) => ({ text: `${a.name}(${xs.map((x) => x.text).join(', ')})`, type: a.returns, tags: [`agg:${a.name}`, ...xs.flatMap((x) => x.tags)] })));
}

function groupKeyArb(ctx: ExprContext): fc.Arbitrary<{ text: string; col: GenCol; tags: readonly string[] }> {
  const keyCols = ctx.cols.filter((c) => c.type !== 'dynamic');
  return fc.oneof(
    ...(keyCols.length ? [fc.constantFrom(...keyCols).map((c) => ({ text: quoteName(c.name), col: c as GenCol, tags: ['by:column'] }))] : []),
    ...(ctx.cols.some((c) => c.type === 'datetime') ? [fc.constantFrom(...ctx.cols.filter((c) => c.type === 'datetime'))
      .map((c) => ({ text: `bin(${quoteName(c.name)}, 1h)`, col: { name: c.name, type: 'datetime' }, tags: ['by:bin'] }))] : []),
    fc.constant({ text: 'k = 1', col: { name: 'k', type: 'long' } as GenCol, tags: ['by:named'] }),
  );
}

const summarize: Step = (s, sig) => {
  const ctx = ctxOf(s, sig);
  const agg = aggregateArb(ctx, sig);
  return fc.tuple(fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { maxLength: 3 }).chain((ids) => fc.tuple(...ids.map(() => agg))),
    fc.uniqueArray(groupKeyArb(ctx), { maxLength: 2, selector: (k) => k.col.name }))
    .filter(([a, k]) => a.length + k.length > 0)
    .map(([a, k]) => {
      const named = a.map((x, i) => ({ ...x, name: `a${i}` }));
      const text = `summarize ${named.map((x) => `${x.name} = ${x.text}`).join(', ')}${k.length ? ` by ${k.map((x) => x.text).join(', ')}` : ''}`;
      return then(s, text, [...k.map((x) => x.col), ...named.map((x) => ({ name: x.name, type: x.type }))], ['op:summarize', ...a.flatMap((x) => x.tags), ...k.flatMap((x) => x.tags)]);
    });
};

/**
 * `summarize` as people write it: aggregates and `by` expressions left for Kusto to name (`count_`,
 * `sum_Size`, `Column1`). The generator does not predict those names, so nothing follows this step;
 * the schema check compares them.
 */
const summarizeUnnamed: Step = (s, sig) => {
  const ctx = ctxOf(s, sig);
  const strings = ctx.cols.filter((c) => c.type === 'string');
  const key = fc.oneof(groupKeyArb(ctx).map((k) => ({ text: k.text.replace(/^k = /, ''), tags: k.tags })),
    ...(strings.length ? [fc.constantFrom(...strings).map((c) => ({ text: `strcat(${quoteName(c.name)}, "-")`, tags: ['by:unnamed-expr'] }))] : []));
  return fc.tuple(fc.array(aggregateArb(ctx, sig), { minLength: 1, maxLength: 3 }), fc.array(key, { maxLength: 2 }))
    .map(([a, k]) => ({
      ...then(s, `summarize ${a.map((x) => x.text).join(', ')}${k.length ? ` by ${k.map((x) => x.text).join(', ')}` : ''}`, [],
        ['op:summarize', 'summarize:unnamed', ...a.flatMap((x) => x.tags), ...k.flatMap((x) => x.tags)]),
      final: true,
    }));
};
const projectKeep: Step = (s) => fc.subarray([...s.cols], { minLength: 1 })
  .map((keep) => then(s, `project-keep ${keep.map((c) => quoteName(c.name)).join(', ')}`, s.cols.filter((c) => keep.includes(c)), ['op:project-keep']));
const hasAny: Step = (s) => fc.tuple(fc.constantFrom(...s.cols.filter((c) => c.type === 'string')), fc.constantFrom('has_any', 'has_all'),
  fc.uniqueArray(fc.constantFrom('"a"', '"ssh"', '"Win 10"', "'x-y'"), { minLength: 1, maxLength: 3 }))
  .map(([c, op, terms]) => then(s, `where ${quoteName(c.name)} ${op} (${terms.join(', ')})`, s.cols, ['op:where', `op:${op}`]));
const serialize: Step = (s) => fc.constant(then(s, 'serialize', s.cols, ['op:serialize']));
const count: Step = (s) => fc.constant(then(s, 'count', [{ name: 'Count', type: 'long' }], ['op:count']));
const distinct: Step = (s) => fc.subarray(s.cols.filter((c) => c.type !== 'dynamic'), { minLength: 1 })
  .map((keep) => then(s, `distinct ${keep.map((c) => quoteName(c.name)).join(', ')}`, keep, ['op:distinct']));
const sortable = (s: State): GenCol[] => s.cols.filter((c) => c.type !== 'dynamic');
const top: Step = (s) => fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom(...sortable(s)), fc.constantFrom('', ' asc', ' desc', ' desc nulls last'))
  .map(([n, c, dir]) => then(s, `top ${n} by ${quoteName(c.name)}${dir}`, s.cols, ['op:top']));
const take: Step = (s) => fc.tuple(fc.constantFrom('take', 'limit'), fc.integer({ min: 0, max: 50 })).map(([op, n]) => then(s, `${op} ${n}`, s.cols, [`op:${op}`]));
const order: Step = (s) => fc.tuple(fc.constantFrom('order by', 'sort by'), fc.subarray(sortable(s), { minLength: 1, maxLength: Math.min(2, sortable(s).length) }), fc.constantFrom('', ' asc', ' desc'))
  .map(([op, cs, dir]) => then(s, `${op} ${cs.map((c) => `${quoteName(c.name)}${dir}`).join(', ')}`, s.cols, [`op:${op.split(' ')[0]}`]));

const JOIN_KINDS = ['inner', 'innerunique', 'leftouter', 'rightouter', 'fullouter', 'leftanti', 'rightanti', 'leftsemi', 'rightsemi'];
function joinCols(kind: string, left: readonly GenCol[], right: readonly GenCol[]): GenCol[] {
  if (kind === 'leftanti' || kind === 'leftsemi') return [...left];
  if (kind === 'rightanti' || kind === 'rightsemi') return [...right];
  const taken = new Set(left.map((c) => c.name));
  return [...left, ...right.map((c) => {
    let name = c.name;
    for (let i = 1; taken.has(name); i++) name = `${c.name}${i}`;
    taken.add(name);
    return { ...c, name };
  })];
}
const join: Step = (s) => fc.tuple(fc.constantFrom(...JOIN_KINDS, ''), fc.constantFrom(...s.cols.filter((c) => c.type === 'string' || c.type === 'long')))
  .map(([kind, key]) => {
    const right: GenCol[] = [{ name: key.name, type: key.type }, { name: 'Rv', type: 'long' }];
    const kindText = kind ? `kind=${kind} ` : '';
    return then(s, `join ${kindText}(datatable(${right.map((c) => `${quoteName(c.name)}:${c.type}`).join(', ')})[]) on ${quoteName(key.name)}`,
      joinCols(kind || 'innerunique', s.cols, right), [`op:join:${kind || 'default'}`]);
  });
const union: Step = (s) => fc.constant(then(s, 'union (print UnionExtra = 1)', [...s.cols, { name: 'UnionExtra', type: 'long' }], ['op:union']));
const mvExpand: Step = (s) => fc.constantFrom(...s.cols.filter((c) => c.type === 'dynamic'))
  .map((c) => then(s, `mv-expand ${quoteName(c.name)}`, s.cols, ['op:mv-expand']));
const parse: Step = (s) => fc.constantFrom(...s.cols.filter((c) => c.type === 'string'))
  .map((c) => then(s, `parse ${quoteName(c.name)} with * "=" P1:string "," P2:long`, [...s.cols.filter((x) => x.name !== 'P1' && x.name !== 'P2'), { name: 'P1', type: 'string' }, { name: 'P2', type: 'long' }], ['op:parse']));

/** Kusto features the engine has no evaluator for: generated to measure the gap, never expected to agree. */
const unsupported: Step = (s) => {
  const c = quoteName(s.cols[0]!.name);
  return fc.constantFrom(
    ['extend U1 = toscalar(print 1)', [...s.cols, { name: 'U1', type: 'long' }], 'toscalar'],
    [`top-nested 3 of ${c} by count()`, s.cols, 'top-nested'],
    ['extend U2 = geo_point_to_s2cell(1.0, 2.0)', [...s.cols, { name: 'U2', type: 'string' }], 'geo_point_to_s2cell'],
    ['lookup (datatable(Lk:long)[]) on $left.Lk == $right.Lk', s.cols, 'lookup'],
    ['sample 3', s.cols, 'sample'],
    ['serialize rn = row_number()', [...s.cols, { name: 'rn', type: 'long' }], 'serialize'],
  ).map(([text, cols, tag]) => then(s, text as string, cols as GenCol[], [`unsupported:${tag as string}`], false));
};

const STEPS: readonly [Step, (s: State) => boolean][] = [
  [where, () => true], [where, () => true], [extend, () => true], [project, (s) => s.cols.length > 0], [projectAway, (s) => s.cols.length > 1],
  [projectRename, (s) => s.cols.length > 0], [summarize, () => true], [summarize, () => true], [count, () => true], [distinct, (s) => sortable(s).length > 0],
  [top, (s) => sortable(s).length > 0], [take, () => true], [order, (s) => sortable(s).length > 0],
  [join, (s) => s.cols.some((c) => c.type === 'string' || c.type === 'long')], [union, (s) => !s.cols.some((c) => c.name === 'UnionExtra')],
  [mvExpand, (s) => s.cols.some((c) => c.type === 'dynamic')], [parse, (s) => s.cols.some((c) => c.type === 'string')],
  [projectKeep, (s) => s.cols.length > 0], [hasAny, (s) => s.cols.some((c) => c.type === 'string')], [serialize, () => true],
  [summarizeUnnamed, () => true],
];

function source(tables: readonly { name: string; columns: readonly GenCol[] }[], sig: Signatures): fc.Arbitrary<State> {
  const datatable = fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'B', 'Name', 'my col', 'where', 'At', 'n1'), fc.constantFrom<GenType | 'guid'>(...GEN_TYPES, 'guid')), { minLength: 1, maxLength: 4, selector: ([n]) => n })
    .chain((cols) => fc.array(fc.tuple(...cols.map(([, t]) => literal(t))), { maxLength: 2 }).map((rows) => ({
      text: `datatable(${cols.map(([n, t]) => `${quoteName(n)}:${t}`).join(', ')}) [${rows.map((r) => r.map((x) => x.text).join(', ')).join(',\n  ')}]`,
      cols: cols.map(([name, type]) => ({ name, type })), tags: ['src:datatable'], supported: true,
    })));
  const range = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 5, max: 50 }))
    .map(([a, b]) => ({ text: `range i from ${a} to ${b} step 2`, cols: [{ name: 'i', type: 'long' }], tags: ['src:range'], supported: true }));
  const print = fc.uniqueArray(fc.tuple(fc.constantFrom('p', 'q', 'Total', 'my col'), anyType), { minLength: 1, maxLength: 3, selector: ([n]) => n })
    .chain((ps) => fc.tuple(...ps.map(([, t]) => expr({ cols: [], scalar: sig.scalar }, t, 2))).map((es) => ({
      text: `print ${ps.map(([n], i) => `${quoteName(n)} = ${es[i]!.text}`).join(', ')}`,
      cols: ps.map(([name, type]) => ({ name, type })), tags: ['src:print', ...es.flatMap((e) => e.tags)], supported: true,
    })));
  const table = tables.length ? [fc.constantFrom(...tables).map((t) => ({ text: t.name, cols: t.columns, tags: ['src:table'], supported: true }))] : [];
  return fc.oneof(datatable, range, print, ...table);
}

export interface QueryGenOptions {
  readonly signatures: Signatures;
  /** Parameterless catalog tables the queries may read (pick a few with varied column types). */
  readonly tables?: readonly { readonly name: string; readonly columns: readonly GenCol[] }[];
  /** Share of queries that end with one unsupported Kusto feature (0..1). */
  readonly unsupportedRate?: number;
}

/** Queries of 0..4 chained operators over a source, sometimes through a `let`. */
export function queryArb(opts: QueryGenOptions): fc.Arbitrary<GenQuery> {
  const sig = opts.signatures;
  const rate = Math.round((opts.unsupportedRate ?? 0.1) * 100);
  return fc.tuple(source(opts.tables ?? [], sig), fc.integer({ min: 0, max: 4 }), fc.boolean(), fc.integer({ min: 0, max: 99 })).chain(([src, n, viaLet, u]) => {
    let arb: fc.Arbitrary<State> = fc.constant(viaLet
      ? { ...src, text: `let Src = ${src.text};\n/* a let source */ Src`, tags: [...src.tags, 'let'] } : src);
    for (let i = 0; i < n; i++) {
      arb = arb.chain((s) => {
        if (s.final) return fc.constant(s);
        const ok = STEPS.filter(([, can]) => can(s)).map(([step]) => step);
        return fc.constantFrom(...ok).chain((step) => step(s, sig));
      });
    }
    if (u < rate) arb = arb.chain((s) => (s.cols.length ? unsupported(s, sig) : fc.constant(s)));
    return arb.map((s) => ({ text: s.text, tags: [...new Set(s.tags)], supported: s.supported }));
  });
}

export type { Frag, GenCol };
