import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../types/schema.js';
import type { Dialect } from '../functions/function-types.js';
import { analyze } from '../query.js';
import { internalParserError } from '../diagnostics/syntax-messages.js';
import { span } from '../syntax/span.js';

export interface DiagnoseOptions {
  readonly catalog?: Catalog;
  readonly dialect?: Dialect;
}

export interface DiagnoseResult {
  /** Syntax and binding diagnostics in text order, spans clamped into the text. */
  readonly diagnostics: Diagnostic[];
}

/**
 * The squiggles for a query text, as an editor shows them while the user types. Never throws.
 * The last answer is kept: editors ask again for the same text (focus, re-render) more often than
 * the text changes.
 */
export function diagnose(text: string, options: DiagnoseOptions = {}): DiagnoseResult {
  const source = typeof text === 'string' ? text : '';
  if (last && last.text === source && last.catalog === options.catalog && last.dialect === options.dialect) {
    return { diagnostics: [...last.result] };
  }
  let diagnostics: Diagnostic[];
  try {
    const a = analyze(source, options);
    diagnostics = a.diagnostics.map((d) => clamp(d, source.length));
  } catch {
    // A binder defect must not take the editor down; show it where it can be seen.
    diagnostics = [internalParserError(span(0, source.length))];
  }
  last = { text: source, catalog: options.catalog, dialect: options.dialect, result: diagnostics };
  return { diagnostics: [...diagnostics] };
}

let last: { text: string; catalog?: Catalog; dialect?: Dialect; result: readonly Diagnostic[] } | undefined;

/** Editors refuse ranges past the end; a zero-width error at the very end stays zero-width. */
function clamp(d: Diagnostic, length: number): Diagnostic {
  const start = Math.max(0, Math.min(d.span.start, length));
  const end = Math.max(start, Math.min(d.span.end, length));
  return start === d.span.start && end === d.span.end ? d : { ...d, span: { start, end } };
}
