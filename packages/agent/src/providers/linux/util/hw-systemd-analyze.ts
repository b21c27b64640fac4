import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';

/** The phases `systemd-analyze time` reports, in ms (absent phases are null). */
export interface BootPhases {
  readonly firmware: number | null;
  readonly loader: number | null;
  readonly kernel: number | null;
  readonly initrd: number | null;
  readonly userspace: number | null;
  readonly total: number | null;
}

/** systemd's own timestamps live only in the manager (D-Bus); no file holds them, so the tool is asked. */
export async function systemdRunning(): Promise<boolean> {
  try {
    await access('/run/systemd/system');
    return true;
  } catch {
    return false;
  }
}

/** "1min 2.345s", "812ms", "3.5s" → ms. */
export function parseSystemdSpan(s: string): number | null {
  let total = 0;
  let any = false;
  for (const m of s.matchAll(/([\d.]+)\s*(h|min|s|ms|us|µs)\b/g)) {
    const mult = { h: 3_600_000, min: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001 }[m[2] as 'h' | 'min' | 's' | 'ms' | 'us' | 'µs'];
    total += Number(m[1]) * mult;
    any = true;
  }
  return any ? Math.round(total) : null;
}

/** "Startup finished in 2.1s (firmware) + 1.3s (loader) + 1.5s (kernel) + 10.2s (userspace) = 15.1s". */
export function parseAnalyzeTime(out: string): BootPhases | null {
  const line = out.split('\n').find((l) => l.startsWith('Startup finished in'));
  if (!line) return null;
  const phase = (name: string): number | null => {
    const m = new RegExp(`([^+=]*?)\\(${name}\\)`).exec(line.slice('Startup finished in'.length));
    return m ? parseSystemdSpan(m[1]!) : null;
  };
  const eq = line.lastIndexOf('=');
  return {
    firmware: phase('firmware'), loader: phase('loader'), kernel: phase('kernel'), initrd: phase('initrd'), userspace: phase('userspace'),
    total: eq >= 0 ? parseSystemdSpan(line.slice(eq + 1)) : null,
  };
}

/** null when systemd is not PID 1, the tool is missing, or boot has not finished yet. */
export async function readBootPhases(signal: AbortSignal): Promise<BootPhases | null> {
  if (!(await systemdRunning())) return null;
  const out = await new Promise<string>((resolve) => {
    execFile('systemd-analyze', ['time'], { signal, encoding: 'utf8', timeout: 5000, env: { ...process.env, LC_ALL: 'C', SYSTEMD_PAGER: '' } }, (err, stdout) => resolve(err ? '' : stdout));
  });
  if (signal.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
  return parseAnalyzeTime(out);
}
