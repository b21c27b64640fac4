import type { Diagnostic } from '../diagnostics/diagnostic.js';
import * as msg from '../diagnostics/syntax-messages.js';
import type { Dialect } from '../functions/function-types.js';
import type { Ident } from '../syntax/ast.js';
import { span, type Span } from '../syntax/span.js';
import type { Token } from '../syntax/token.js';

/** Deep enough for any real query; shallow enough that the recursive descent never nears the JS stack limit. */
export const MAX_DEPTH = 100;
/** Past this many, more syntax errors only repeat the story and cost time: they are dropped. */
export const MAX_DIAGNOSTICS = 100;

const OPENERS = new Set(['(', '[', '{']);
const CLOSERS = new Set([')', ']', '}']);

/**
 * The parser's state: the significant tokens (comments dropped), a position, the diagnostics so
 * far, and a nesting depth. Parsing functions in the other files take it as their first argument.
 * Every loop that reads a list must consume at least one token per turn or stop; `skip*` helpers
 * always make progress, which is what keeps the parser linear and terminating on any input.
 */
export class Cursor {
  readonly tokens: readonly Token[];
  readonly diagnostics: Diagnostic[];
  readonly dialect: Dialect;
  pos = 0;
  private depth = 0;
  private deepReported = false;
  private lastReportAt = -1;

  constructor(tokens: readonly Token[], diagnostics: Diagnostic[], dialect: Dialect) {
    this.tokens = tokens.filter((t) => !t.trivia);
    this.diagnostics = diagnostics;
    this.dialect = dialect;
  }

  get tok(): Token {
    return this.tokens[this.pos]!;
  }

  peek(k = 1): Token {
    return this.tokens[Math.min(this.pos + k, this.tokens.length - 1)]!;
  }

  atEnd(): boolean {
    return this.tok.kind === 'End';
  }

  next(): Token {
    const t = this.tok;
    if (t.kind !== 'End') this.pos++;
    return t;
  }

  /** End offset of the last consumed token (0 before any). */
  prevEnd(): number {
    return this.pos === 0 ? 0 : this.tokens[this.pos - 1]!.span.end;
  }

  /** A zero-width span where something was expected: the start of the current token. */
  here(): Span {
    return span(this.tok.span.start, this.tok.span.start);
  }

  /** Span from `start` to the end of the last consumed token (never inverted). */
  from(start: number): Span {
    return span(start, Math.max(start, this.prevEnd()));
  }

  /** Keeps the first of several diagnostics at one position: the later ones are cascades of it. */
  report(d: Diagnostic): void {
    // Something missing at the end of the text is pointed at just after the last token, not past
    // trailing blank lines, so the squiggle sits where the user stopped typing.
    if (this.tok.kind === 'End' && d.span.start === this.tok.span.start && this.pos > 0) {
      const at = this.prevEnd();
      d = { ...d, span: span(at, at) };
    }
    if (d.span.start === this.lastReportAt || this.diagnostics.length >= MAX_DIAGNOSTICS) return;
    this.lastReportAt = d.span.start;
    this.diagnostics.push(d);
  }

  isPunct(text: string, t: Token = this.tok): boolean {
    return t.kind === 'Punct' && t.text === text;
  }

  eatPunct(text: string): Token | undefined {
    return this.isPunct(text) ? this.next() : undefined;
  }

  /** Consumes `text` or reports it missing (without consuming anything). */
  expectPunct(text: string): Token | undefined {
    const t = this.eatPunct(text);
    if (!t) this.report(msg.expectedToken(text, this.tok.span, this.tok.text));
    return t;
  }

  /** Keywords are lower case in Kusto; the cmpivot dialect accepts any case. */
  isKeyword(word: string, t: Token = this.tok): boolean {
    if (t.kind !== 'Identifier') return false;
    return this.dialect === 'cmpivot' ? t.text.toLowerCase() === word : t.text === word;
  }

  eatKeyword(word: string): Token | undefined {
    return this.isKeyword(word) ? this.next() : undefined;
  }

  /** The keyword form of a word token for table look-ups, honouring the dialect's case rule. */
  keywordOf(t: Token): string {
    return this.dialect === 'cmpivot' ? t.text.toLowerCase() : t.text;
  }

  /** A name: a word or `['quoted name']`. Undefined (nothing consumed) when none is here. */
  tryName(): Ident | undefined {
    const t = this.tok;
    if (t.kind === 'Identifier') {
      this.next();
      return { name: t.text, span: t.span };
    }
    if (this.isPunct('[') && this.peek().kind === 'String' && this.isPunct(']', this.peek(2))) {
      const open = this.next();
      const s = this.next();
      const close = this.next();
      return { name: String(s.value ?? ''), span: span(open.span.start, close.span.end) };
    }
    return undefined;
  }

  isNameAt(k: number): boolean {
    const t = this.peek(k);
    return t.kind === 'Identifier' || (this.isPunct('[', t) && this.peek(k + 1).kind === 'String' && this.isPunct(']', this.peek(k + 2)));
  }

  /** Width in tokens of the name starting `k` tokens ahead (1 or 3), assuming `isNameAt(k)`. */
  nameWidthAt(k: number): number {
    return this.peek(k).kind === 'Identifier' ? 1 : 3;
  }

  /** A name, or an empty one plus a diagnostic. */
  expectName(): Ident {
    const name = this.tryName();
    if (name) return name;
    this.report(msg.expectedName(this.tok.span, this.tok.text));
    return { name: '', span: this.here() };
  }

  /** Enters one nesting level; false (and one diagnostic per parse) when too deep. */
  enter(): boolean {
    if (this.depth >= MAX_DEPTH) {
      if (!this.deepReported) {
        this.deepReported = true;
        this.report(msg.nestingTooDeep(this.tok.span, MAX_DEPTH));
      }
      return false;
    }
    this.depth++;
    return true;
  }

  leave(): void {
    this.depth--;
  }

  /**
   * Skips the rest of the current item: balanced groups are passed over whole; stops before a
   * `,` `;` (or `|` when `stopAtPipe`) or a closer that belongs to an enclosing group, or at the end.
   */
  skipItem(stopAtPipe: boolean): void {
    let balance = 0;
    while (!this.atEnd()) {
      const t = this.tok;
      if (t.kind === 'Punct') {
        if (OPENERS.has(t.text)) balance++;
        else if (CLOSERS.has(t.text)) {
          if (balance === 0) return;
          balance--;
        } else if (balance === 0 && (t.text === ',' || t.text === ';' || (stopAtPipe && t.text === '|'))) return;
        else if (t.text === ';') return;
      }
      this.pos++;
    }
  }

  /**
   * From an opening bracket at `openPos`, moves past its matching closer. Stops early (not
   * consuming) at `;`, at the end, or at `|` when `stopAtPipe`.
   */
  skipGroupFrom(openPos: number, stopAtPipe: boolean): void {
    let i = Math.max(openPos, 0);
    let balance = 0;
    for (; i < this.tokens.length; i++) {
      const t = this.tokens[i]!;
      if (t.kind === 'End' || this.isPunct(';', t) || (stopAtPipe && this.isPunct('|', t))) break;
      if (t.kind !== 'Punct') continue;
      if (OPENERS.has(t.text)) balance++;
      else if (CLOSERS.has(t.text) && --balance <= 0) {
        i++;
        break;
      }
    }
    this.pos = Math.max(this.pos, Math.min(i, this.tokens.length - 1));
  }

  /**
   * Skips to the next `|` (or `;`, the end, or an enclosing `)` when nested) after reporting the
   * token found there. Always consumes at least one token unless at a stop token.
   */
  skipToPipe(nested: boolean): void {
    let balance = 0;
    while (!this.atEnd()) {
      const t = this.tok;
      if (t.kind === 'Punct') {
        if (balance === 0 && (t.text === '|' || t.text === ';' || (nested && t.text === ')'))) return;
        if (t.text === ';') return;
        if (OPENERS.has(t.text)) balance++;
        else if (CLOSERS.has(t.text) && balance > 0) balance--;
      }
      this.pos++;
    }
  }
}
