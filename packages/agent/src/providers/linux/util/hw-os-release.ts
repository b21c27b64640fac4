import { readText } from './hw-read.js';

/**
 * The distribution's identity from os-release(5): /etc/os-release, else /usr/lib/os-release.
 * Values may be quoted with single or double quotes and use backslash escapes.
 */
export async function readOsRelease(signal: AbortSignal): Promise<Map<string, string>> {
  const text = (await readText('/etc/os-release', signal)) ?? (await readText('/usr/lib/os-release', signal)) ?? '';
  return parseOsRelease(text);
}

export function parseOsRelease(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    let v = line.slice(eq + 1);
    const q = v[0];
    if ((q === '"' || q === "'") && v.endsWith(q) && v.length >= 2) {
      v = v.slice(1, -1);
      if (q === '"') v = v.replace(/\\(["\\`$])/g, '$1');
    }
    out.set(line.slice(0, eq), v);
  }
  return out;
}

/** "64-bit" / "32-bit" as Windows writes OSArchitecture, from the kernel's machine name. */
export function architectureBits(machine: string): string {
  if (/^(x86_64|amd64|aarch64|arm64|ppc64|ppc64le|s390x|riscv64|mips64|loongarch64|sparc64)$/.test(machine)) return '64-bit';
  if (machine === '') return '';
  return '32-bit';
}
