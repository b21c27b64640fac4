import { UsageError } from './io.js';

const UNITS: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "30m", "24h", "7d" → milliseconds. */
export function parseDuration(name: string, text: string): number {
  const m = /^(\d{1,7})([smhd])$/.exec(text.trim());
  if (!m) throw new UsageError(`--${name} takes a duration like 30m, 24h or 7d (got '${text}')`);
  const ms = Number(m[1]) * UNITS[m[2]!]!;
  if (ms <= 0) throw new UsageError(`--${name} must be more than zero`);
  return ms;
}

export function parseCount(name: string, text: string | true | undefined, fallback: number, max = 1_000_000): number {
  if (text === undefined) return fallback;
  if (text === true || !/^\d{1,9}$/.test(text) || Number(text) < 1 || Number(text) > max) throw new UsageError(`--${name} takes a whole number from 1 to ${max}`);
  return Number(text);
}

const SIZES: Readonly<Record<string, number>> = { kb: 1024, mb: 1024 * 1024, gb: 1024 * 1024 * 1024 };

/** "512KB", "5MB", "1GB" → bytes. */
export function parseSize(name: string, text: string): number {
  const m = /^(\d{1,6})\s*(kb|mb|gb)$/i.exec(text.trim());
  if (!m || Number(m[1]) === 0) throw new UsageError(`--${name} takes a size like 512KB or 5MB (got '${text}')`);
  return Number(m[1]) * SIZES[m[2]!.toLowerCase()]!;
}
