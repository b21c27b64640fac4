import type { FastifyReply } from 'fastify';
import type { ErrorBody, ErrorDetail, ErrorCode, FieldError } from '@openpivot/protocol';

/** Sends the one error shape every endpoint of every server uses: `{ error: { code, message, details? } }`. */
export function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: readonly ErrorDetail[]): FastifyReply {
  const body: ErrorBody = { error: { code, message, ...(details && details.length > 0 ? { details } : {}) } };
  return reply.code(status).type('application/json').send(body);
}

/** A body's validation failures as error details naming each field. */
export function fieldDetails(errors: readonly FieldError[]): ErrorDetail[] {
  return errors.map((e) => ({ target: e.field || '(body)', message: e.message }));
}
