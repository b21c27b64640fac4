/** One query cut from a file of several: its text and where it starts in the file. */
export interface QueryPiece {
  readonly text: string;
  /** UTF-16 offset of the query's first character in the whole input. */
  readonly offset: number;
}

/**
 * Statements that only prepare the query that follows them: a `;` after one of these continues the
 * same query (`let x = 1; T | where a > x` is ONE query), and a blank line inside one does not end it.
 */
const PREFIX_STATEMENTS = new Set(['let', 'set', 'declare']);

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v';
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/** Offset just past the comment or string starting at `i`, or -1 when none starts there. */
function skipTrivia(text: string, i: number): number {
  if (text.startsWith('//', i)) {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl;
  }
  if (text.startsWith('```', i)) {
    const close = text.indexOf('```', i + 3);
    return close < 0 ? text.length : close + 3;
  }
  let j = i;
  let verbatim = false;
  if (text[j] === '@') {
    verbatim = true;
    j++;
  }
  const quote = text[j];
  if (quote !== "'" && quote !== '"') return -1;
  // Like the engine's lexer: a string never spans lines, so an unterminated one cannot swallow the
  // queries after it. `\'`, `\"` and `\\` are escapes in both dialects; other backslashes end nothing.
  for (j++; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') return j;
    if (c === '\\' && !verbatim) j++;
    else if (c === quote) return j + 1;
  }
  return text.length;
}

/** The first character that is neither space nor comment at or after `i` (undefined at the end). */
function nextSignificant(text: string, i: number): string | undefined {
  while (i < text.length) {
    if (isSpace(text[i])) i++;
    else if (text.startsWith('//', i)) i = skipTrivia(text, i);
    else return text[i];
  }
  return undefined;
}

/** Whether the line after the newline at `i` holds only spaces: then returns where that line ends. */
function blankLineAfter(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
  return text[j] === '\n' ? j : -1;
}

/**
 * Cuts text holding several queries into single queries. Outside strings, comments and brackets:
 * - a `;` ends the query, except after a `let` (or `set`, `declare`) statement, which it only closes;
 * - a blank line ends the query, except inside a `let` statement or when the next text is a `|`
 *   (a pipeline continued after a blank line).
 * Pieces holding nothing but spaces and comments are dropped; each piece starts at its first token.
 */
export function splitQueries(text: string): QueryPiece[] {
  const pieces: QueryPiece[] = [];
  // `start`: the first token of the current query, -1 while none. `statement`: the current
  // statement is none yet, a prefix statement (`let`), or the query body. An object, not `let`s,
  // because the helpers below change it.
  const state: { start: number; depth: number; statement: 'none' | 'prefix' | 'body' } = { start: -1, depth: 0, statement: 'none' };
  const close = (end: number): void => {
    if (state.start >= 0) pieces.push({ text: text.slice(state.start, end).trimEnd(), offset: state.start });
    state.start = -1;
    state.statement = 'none';
    state.depth = 0;
  };
  const token = (at: number, word?: string): void => {
    if (state.start < 0) state.start = at;
    if (state.statement === 'none') state.statement = word !== undefined && PREFIX_STATEMENTS.has(word.toLowerCase()) ? 'prefix' : 'body';
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      const blank = blankLineAfter(text, i);
      if (blank >= 0 && state.depth === 0 && state.statement === 'body' && nextSignificant(text, blank) !== '|') close(i);
      i++;
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    const after = skipTrivia(text, i);
    if (after >= 0) {
      if (!text.startsWith('//', i)) token(i);
      i = after;
      continue;
    }
    if (isWordChar(c)) {
      let j = i;
      while (isWordChar(text[j])) j++;
      token(i, text.slice(i, j));
      i = j;
      continue;
    }
    if (c === ';' && state.depth === 0) {
      if (state.statement === 'prefix') state.statement = 'none';
      else close(i);
      i++;
      continue;
    }
    token(i);
    if (c === '(' || c === '[' || c === '{') state.depth++;
    else if ((c === ')' || c === ']' || c === '}') && state.depth > 0) state.depth--;
    i++;
  }
  close(text.length);
  return pieces;
}
