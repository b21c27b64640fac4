import type { Span } from '../syntax/span.js';

export type Severity = 'error' | 'warning';

/** Errors are data, never exceptions: built only by the functions in `messages.ts`. */
export interface Diagnostic {
  /** Stable: `KQL1nnn` syntax, `KQL2nnn` binding, `KQL3nnn` evaluation. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
}
