import { release } from 'node:os';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { readBootTime } from './util/hw-boot.js';
import { checkAborted, linuxProvider, readText } from './util/hw-read.js';
import { readBootPhases, type BootPhases } from './util/hw-systemd-analyze.js';
import { BOOT_TIME, readUtmp } from './util/hw-utmp.js';

/** USER_HZ: /proc/<pid>/stat counts clock ticks, 100 a second on every mainstream Linux ABI. */
const TICKS_PER_SECOND = 100;

/** ms from kernel start to PID 1's start: field 22 (starttime) of /proc/1/stat. */
async function kernelToInitMs(signal: AbortSignal): Promise<number | null> {
  const text = await readText('/proc/1/stat', signal);
  if (text === null) return null;
  // the command name may hold spaces or parentheses: the fields start after the last ')'
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? Math.round((ticks * 1000) / TICKS_PER_SECOND) : null;
}

function row(start: number, kernelRelease: string, current: boolean, kernelMs: number | null, p: BootPhases | null): ProviderRow {
  const sum = p && p.kernel !== null && p.userspace !== null ? (p.loader ?? 0) + p.kernel + (p.initrd ?? 0) + p.userspace : null;
  return {
    SystemStartTime: start,
    BootDuration: sum,
    EventLogStart: null,
    GPDuration: null,
    UpdateDuration: null,
    BiosDuration: p?.firmware ?? null,
    BootDiskMediaType: null,
    OSVersion: kernelRelease,
    BootTime: start,
    KernelDuration: p?.kernel ?? kernelMs,
    InitrdDuration: p?.initrd ?? null,
    UserspaceDuration: p?.userspace ?? null,
    IsCurrentBoot: current,
  };
}

/** btime is whole seconds and wtmp's clock may be set later in boot: a minute of slack. */
const SAME_BOOT_SLACK_MS = 60_000;

/** SystemBootData: the current boot (measured) and earlier boots from wtmp, newest first. */
export const systemBootDataProvider: Provider = linuxProvider('SystemBootData', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  const [boot, kernelMs, phases, wtmp] = await Promise.all([
    readBootTime('SystemBootData', ctx.signal),
    kernelToInitMs(ctx.signal),
    readBootPhases(ctx.signal),
    readUtmp('/var/log/wtmp', ctx.signal),
  ]);
  yield row(boot, release(), true, kernelMs, phases);
  // the current boot's own record is written a little after btime; only records before it are earlier boots
  const earlier = wtmp.filter((r) => r.type === BOOT_TIME && r.time < boot - SAME_BOOT_SLACK_MS);
  for (const r of earlier.sort((a, b) => b.time - a.time)) {
    checkAborted(ctx.signal, 'SystemBootData');
    yield row(r.time, r.host, false, null, null);
  }
});
