import type { Span } from './span.js';

/**
 * What the lexer produces. Keywords are not told apart from names here: Kusto lets most keywords
 * stand as column names (`count`, `kind`, `title`), so the parser decides by position.
 */
export type TokenKind =
  /** A word: name, keyword, `$left`, `in~`, or a hyphenated operator keyword after `|` (`project-away`). */
  | 'Identifier'
  /** `!has`, `!contains_cs`, `!in~`: a negated operator keyword written as one piece. */
  | 'BangWord'
  /** Any string form; `value` holds the decoded text. */
  | 'String'
  /** Integer or hex number; `value` is the number. */
  | 'Long'
  /** Number with a fraction or exponent; `value` is the number. */
  | 'Real'
  /** Number with a unit (`1.5h`); `value` is milliseconds. */
  | 'Timespan'
  /** `datetime(...)`, `date(...)`, `timespan(...)`, `time(...)`, `guid(...)`: `value` is the raw inner text. */
  | 'RawLiteral'
  /** Symbols: `|`, `(`, `==`, `..`, `=~` and so on; `text` is the symbol. */
  | 'Punct'
  /** `// ...` to the end of the line. Kept for editors; the parser skips it. */
  | 'Comment'
  /** Text the lexer could not read (a diagnostic was reported for it). */
  | 'Bad'
  /** Zero-width token at the end of the text. */
  | 'End';

export interface Token {
  readonly kind: TokenKind;
  readonly span: Span;
  /** Exactly as written. */
  readonly text: string;
  /** Decoded value: string text, number, timespan ms, or the raw inner text of a `RawLiteral`. */
  readonly value?: string | number;
  /** `RawLiteral` only: the type word as written (`datetime`) and where its raw inner text lies. */
  readonly typeWord?: string;
  readonly innerSpan?: Span;
  /** `String` only: the string was not closed (a diagnostic points at its opening quote). */
  readonly unterminated?: boolean;
  /** True for comments: editors colour them, the parser ignores them. */
  readonly trivia?: boolean;
}
