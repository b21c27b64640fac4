import type { FastifyReply } from 'fastify';
import { lineCol, type Diagnostic } from '@openpivot/kql';
import type { ErrorBody, ErrorDetail, ErrorCode, FieldError } from '@openpivot/protocol';

/** Sends the one error shape every endpoint uses: `{ error: { code, message, details? } }`. */
export function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: readonly ErrorDetail[]): FastifyReply {
  const body: ErrorBody = { error: { code, message, ...(details && details.length > 0 ? { details } : {}) } };
  return reply.code(status).type('application/json').send(body);
}

/** Query diagnostics as error details, with 1-based line and column where each starts. */
export function diagnosticDetails(text: string, diagnostics: readonly Diagnostic[]): ErrorDetail[] {
  return diagnostics.map((d) => {
    const { line, col: column } = lineCol(text, d.span.start);
    return { code: d.code, message: d.message, line, column, start: d.span.start, end: d.span.end };
  });
}

export function fieldDetails(errors: readonly FieldError[]): ErrorDetail[] {
  return errors.map((e) => ({ target: e.field || '(body)', message: e.message }));
}
