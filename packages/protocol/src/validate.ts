import type { z } from 'zod';

/** A validation failure: which field (a dotted path, "" for the whole value) and what is wrong with it. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Validates `value` with `schema` and turns zod's issues into field errors (never throws). */
export function validate<T>(schema: z.ZodType<T>, value: unknown): Validated<T> {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const errors = r.error.issues.slice(0, 10).map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  return { ok: false, errors };
}

/** Parses one JSON text frame (a WebSocket message) and validates it (never throws). */
export function parseFrame<T>(schema: z.ZodType<T>, text: string): Validated<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ field: '', message: `not JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return validate(schema, value);
}

/** "field: message; field: message" for logs and close reasons. */
export function describeErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
}
