import type { Value } from '@openpivot/kql';
import { badArgument } from '../provider.js';

export const DAY_MS = 86_400_000;

export function stringArg(entity: string, parameter: string, value: Value | undefined): string {
  if (typeof value !== 'string' || value.trim() === '') badArgument(entity, parameter, 'must be a non-empty string.');
  if (/[\0\r\n]/.test(value)) badArgument(entity, parameter, 'may not contain line breaks or NUL characters.');
  return value.trim();
}

/** An optional timespan (ms) that must be positive; `fallback` when left out. */
export function timespanArg(entity: string, value: Value | undefined, fallback = DAY_MS): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) badArgument(entity, 'timespan', 'must be a positive timespan (1h, 7d).');
  return value;
}

/**
 * %NAME% expanded as Environment.ExpandEnvironmentVariables does: names are case-insensitive on
 * Windows, and an unknown one is left as written.
 */
export function expandEnv(text: string, env: NodeJS.ProcessEnv): string {
  const lower = new Map(Object.entries(env).map(([k, v]) => [k.toLowerCase(), v]));
  return text.replace(/%([^%]+)%/g, (all, name: string) => lower.get(name.toLowerCase()) ?? all);
}
