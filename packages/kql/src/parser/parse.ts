import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dialect } from '../functions/function-types.js';
import type { Script } from '../syntax/ast.js';
import { lex } from '../syntax/lexer.js';
import { span } from '../syntax/span.js';
import type { Token } from '../syntax/token.js';
import * as msg from '../diagnostics/syntax-messages.js';
import { Cursor } from './cursor.js';
import { parseStatements } from './statements.js';

export { OPERATOR_KEYWORDS } from './operators/operator-table.js';
export type { Token, TokenKind } from '../syntax/token.js';

export interface ParseResult {
  readonly script: Script;
  /** Lexical and syntax diagnostics, in the order found. */
  readonly diagnostics: Diagnostic[];
  /** Every token including comments (`trivia: true`) and the final `End`, for highlighting and completions. */
  readonly tokens: Token[];
}

export interface ParseOptions {
  /** `cmpivot` (default): forgiving backslashes and keyword case. `kusto`: Kusto's own rules. */
  readonly dialect?: Dialect;
}

/** Parses a whole script. Never throws: what cannot be read becomes `Missing*` nodes and diagnostics. */
export function parse(text: string, options?: ParseOptions): ParseResult {
  const dialect: Dialect = options?.dialect === 'kusto' ? 'kusto' : 'cmpivot';
  const source = typeof text === 'string' ? text : '';
  try {
    const { tokens, diagnostics } = lex(source, dialect);
    const cursor = new Cursor(tokens, diagnostics, dialect);
    const statements = parseStatements(cursor);
    return { script: { kind: 'Script', span: span(0, source.length), statements }, diagnostics, tokens };
  } catch {
    // Editors call this on every keystroke: a defect must cost a diagnostic, not the session.
    const whole = span(0, source.length);
    return {
      script: { kind: 'Script', span: whole, statements: [] },
      diagnostics: [msg.internalParserError(whole)],
      tokens: [{ kind: 'End', span: span(source.length, source.length), text: '' }],
    };
  }
}
