import { lineCol, type Diagnostic } from '@openpivot/kql';
import type { ErrorDetail } from './rest.js';

/** Query diagnostics as REST error details, with the 1-based line and column where each starts. */
export function diagnosticDetails(text: string, diagnostics: readonly Diagnostic[]): ErrorDetail[] {
  return diagnostics.map((d) => {
    const { line, col: column } = lineCol(text, d.span.start);
    return { code: d.code, message: d.message, line, column, start: d.span.start, end: d.span.end };
  });
}
