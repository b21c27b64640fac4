import type { Token } from '../syntax/token.js';

/**
 * What a bracket opened: a tabular pipeline (`join (`, a `let` value, a leading `(`), a function
 * call, a plain expression group, a datatable schema, render's `with (`, or an index/list `[`.
 */
export type FrameKind = 'tabular' | 'expr' | 'call' | 'schema' | 'renderWith' | 'bracket';

/** A token at one bracket depth; a closed bracket group stands as one item of kind `Group`. */
export interface Item {
  readonly kind: Token['kind'] | 'Group';
  readonly text: string;
  /** Lower-case text, for keyword tests. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

export interface Frame {
  readonly kind: FrameKind;
  /** Call frames: the function name, lower case. */
  readonly callee?: string;
  readonly contentStart: number;
  /** Tabular frames: where the pipeline's text starts (after `let name =` for a let statement). */
  pipelineStart: number;
  /** Tabular frames: the offset of the last `|` at this depth, if any. */
  pipeAt?: number;
  /** The items at this depth since the segment start (tabular) or the opening bracket. */
  items: Item[];
  /** The frame this one sits in; undefined for the statement's root frame. */
  readonly parent?: Frame;
}

export interface Walk {
  /** The innermost frame at the cursor. */
  readonly frame: Frame;
  /** Where the statement holding the cursor starts: text before it is earlier `let` statements. */
  readonly statementStart: number;
}

const item = (t: Token): Item => ({ kind: t.kind, text: t.text, lower: t.text.toLowerCase(), start: t.span.start, end: t.span.end });

/** Operators whose parenthesised arguments are tables, up to an `on`. */
const SOURCE_WORDS = new Set(['print', 'range']);
const TABLE_TAKING = new Set(['join', 'union', 'lookup']);

/** True when `items` is exactly the head of a let statement: `let name =`. */
export function isLetHead(items: readonly Item[]): boolean {
  return items.length === 3 && items[0]!.lower === 'let' && items[1]!.kind === 'Identifier' && items[2]!.text === '=';
}

function openedKind(f: Frame, nonOperand: ReadonlySet<string>): { kind: FrameKind; callee?: string } {
  const prev = f.items.at(-1);
  if (f.kind === 'tabular') {
    if (f.items.length === 0 || isLetHead(f.items)) return { kind: 'tabular' };
    const head = f.items[0]!.lower;
    const tableTaking = (f.pipeAt !== undefined && TABLE_TAKING.has(head)) || (f.pipeAt === undefined && head === 'union');
    if (tableTaking && !f.items.some((x) => x.lower === 'on')) return { kind: 'tabular' };
    if (f.pipeAt !== undefined && head === 'render' && prev?.lower === 'with') return { kind: 'renderWith' };
  }
  if (prev?.kind === 'Identifier' && prev.lower === 'datatable') return { kind: 'schema' };
  if (prev?.kind === 'Identifier' && !nonOperand.has(prev.lower)) {
    // `where (` and `print (` open a group; any other name before `(` is a call (`File(`, `iff(`).
    const keyword = f.kind === 'tabular' && prev === f.items[0] && (f.pipeAt !== undefined || SOURCE_WORDS.has(prev.lower));
    if (!keyword) return { kind: 'call', callee: prev.lower };
  }
  return { kind: 'expr' };
}

/**
 * Follows the brackets, pipes and statements from the start of the text to `until` (the start of
 * the word being typed) and returns the frame the cursor is in. Unbalanced text is forgiven: a
 * closer with no opener is ignored, a `;` closes everything, a `|` closes open calls and groups.
 */
export function walkTo(tokens: readonly Token[], until: number, nonOperand: ReadonlySet<string>): Walk {
  const root = (start: number): Frame => ({ kind: 'tabular', contentStart: start, pipelineStart: start, items: [] });
  let frame = root(0);
  let statementStart = 0;
  for (const t of tokens) {
    if (t.trivia || t.kind === 'End' || t.span.start >= until) continue;
    if (t.kind === 'Punct') {
      const p = t.text;
      if (p === ';') {
        statementStart = t.span.end;
        frame = root(statementStart);
        continue;
      }
      if (p === '(' || p === '[') {
        const k = p === '[' ? { kind: 'bracket' as const } : openedKind(frame, nonOperand);
        const start = t.span.end;
        frame = { ...k, contentStart: start, pipelineStart: start, items: [], parent: frame };
        continue;
      }
      if (p === ')' || p === ']') {
        let f: Frame | undefined = frame;
        while (f?.parent && (p === ']') !== (f.kind === 'bracket')) f = f.parent;
        if (!f?.parent) continue;
        const opener = f.contentStart - 1;
        frame = f.parent;
        frame.items.push({ kind: 'Group', text: '', lower: '', start: opener, end: t.span.end });
        continue;
      }
      if (p === '|') {
        // A pipe inside an open call or group means the user left it unclosed: the pipe belongs outside.
        while (frame.parent && frame.kind !== 'tabular') frame = frame.parent;
        frame.pipeAt = t.span.start;
        frame.items = [];
        continue;
      }
      if (p === '=' && frame.kind === 'tabular' && frame.pipeAt === undefined && frame.items.length === 2) {
        frame.items.push(item(t));
        if (isLetHead(frame.items)) frame.pipelineStart = t.span.end;
        continue;
      }
    }
    frame.items.push(item(t));
  }
  return { frame, statementStart };
}

/** The nearest tabular frame around `f` (itself included). */
export function tabularOf(f: Frame): Frame {
  let g: Frame = f;
  while (g.kind !== 'tabular' && g.parent) g = g.parent;
  return g;
}
