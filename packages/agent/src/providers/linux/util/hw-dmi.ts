import { readAttr } from './hw-read.js';

const DMI = '/sys/class/dmi/id/';

/**
 * One DMI (SMBIOS) attribute from /sys/class/dmi/id. Absent in containers and on many ARM boards;
 * serial numbers are root-only (mode 0400): those read as "". Firmware often fills unset fields with
 * placeholders ("To Be Filled By O.E.M."), which are kept as the firmware wrote them, as Windows does.
 */
export function readDmi(name: string, signal: AbortSignal): Promise<string> {
  return readAttr(DMI + name, signal);
}

/** Several attributes at once, in parallel. */
export async function readDmiFields<K extends string>(names: readonly K[], signal: AbortSignal): Promise<Record<K, string>> {
  const values = await Promise.all(names.map((n) => readDmi(n, signal)));
  const out = {} as Record<K, string>;
  names.forEach((n, i) => { out[n] = values[i]!; });
  return out;
}

/** bios_date is MM/DD/YYYY; null when missing or malformed. */
export function parseBiosDate(s: string): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  if (!m) return null;
  const t = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]));
  return Number.isFinite(t) ? t : null;
}
