import type { Diagnostic } from './diagnostic.js';
import type { Span } from '../syntax/span.js';

/** Evaluation diagnostics, KQL3nnn: the query was valid but could not finish. */
const error = (code: string, message: string, span: Span): Diagnostic => ({ code, severity: 'error', message, span });

export const runtimeMessages = {
  failed: (message: string, span: Span) => error('KQL3000', `The query failed while running: ${message}`, span),
  cancelled: (span: Span) => error('KQL3001', 'The query was cancelled.', span),
  timedOut: (span: Span) => error('KQL3002', 'The query ran past its time limit.', span),
};
