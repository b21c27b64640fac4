import type { Value } from '@openpivot/kql';

/** Kusto types a CIM property maps to (CMPivot's wire types Boolean, Number, String, DateTime, TimeSpan). */
export type CimType = 'string' | 'long' | 'bool' | 'datetime' | 'timespan';
/** CMPivot's select-list units (fact sheet §1.6); `DateString` renders an interval as text. */
export type CimUnit = 'KiloBytes' | 'MegaBytes' | 'GigaBytes' | 'Seconds' | 'HexString' | 'DateString';

// .NET DateTime before SQL Server's minimum (1753) is what CMPivot turns into null: WMI uses
// 1601/0000 dates as "not set".
const MIN_DATE_MS = Date.UTC(1753, 0, 1);

/**
 * A WMI date as ConvertTo-Json or WMI writes it, in ms since the epoch: "/Date(1704110400000)/"
 * (Windows PowerShell, optionally with an offset that does not change the instant), DMTF
 * "20240101120000.000000+060" (offset in minutes), or ISO 8601 (PowerShell 7).
 */
export function toDatetime(v: unknown): number | null {
  if (v && typeof v === 'object' && 'value' in v) return toDatetime((v as { value: unknown }).value);
  if (typeof v === 'number') return Number.isFinite(v) && v >= MIN_DATE_MS ? v : null;
  if (typeof v !== 'string' || !v) return null;
  const wcf = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(v);
  let ms: number;
  if (wcf) ms = Number(wcf[1]);
  else {
    const dmtf = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.(\d{6})([+-])(\d{3})$/.exec(v);
    if (dmtf) {
      const [, y, mo, d, h, mi, s, us, sign, off] = dmtf;
      if (y === '0000' || mo === '00' || d === '00') return null;
      const local = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) + Number(us) / 1000;
      ms = local - (sign === '-' ? -1 : 1) * Number(off) * 60_000;
    } else ms = Date.parse(v);
  }
  return Number.isFinite(ms) && ms >= MIN_DATE_MS ? ms : null;
}

/** A .NET TimeSpan (serialised as an object with Ticks) or a DMTF interval, in ms. */
export function toTimespan(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'Ticks' in v) return Number((v as { Ticks: unknown }).Ticks) / 10_000;
  if (typeof v !== 'string') return null;
  const m = /^(\d{8})(\d{2})(\d{2})(\d{2})\.(\d{6}):000$/.exec(v);
  if (!m) return null;
  return ((Number(m[1]) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60_000 + Number(m[4]) * 1000 + Number(m[5]) / 1000;
}

export function toLong(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

export function toBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true' || t === 'yes' || t === '1') return true;
    if (t === 'false' || t === 'no' || t === '0') return false;
  }
  return null;
}

/** Strings are never null; arrays (not exposed by CMPivot) and references become readable text. */
export function toText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(toText).join(', ');
  return JSON.stringify(v);
}

function scaled(v: unknown, shift: number): number | null {
  const n = toLong(v);
  return n === null ? null : Math.floor(n / 2 ** shift);
}

function dateString(v: unknown): string {
  const ms = toTimespan(v);
  if (ms === null) return toText(v);
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(s / 86400)} Days ${pad(Math.floor(s / 3600) % 24)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)} Hours`;
}

/** One property value in its declared type and unit. */
export function convertValue(v: unknown, type: CimType, unit?: CimUnit): Value {
  switch (unit) {
    case 'KiloBytes': return scaled(v, 10);
    case 'MegaBytes': return scaled(v, 20);
    case 'GigaBytes': return scaled(v, 30);
    case 'Seconds': { const n = toLong(v); return n === null ? null : Math.floor(n / 1000); }
    case 'HexString': { const n = toLong(v); return n === null ? toText(v) : `0x${n.toString(16).toUpperCase()}`; }
    case 'DateString': return dateString(v);
    default: break;
  }
  switch (type) {
    case 'string': return toText(v);
    case 'long': return toLong(v);
    case 'bool': return toBool(v);
    case 'datetime': return toDatetime(v);
    case 'timespan': return toTimespan(v);
  }
}
