import { execFile } from 'node:child_process';
import type { Provider, ProviderRow } from '../provider.js';
import { ProviderError } from '../provider.js';
import { jsonObjects, jsonScript, runPowerShell } from './powershell.js';
import { props } from './ps-collector.js';

export const AAD_PROPERTIES = props('DeviceId AzureAdJoined:bool EnterpriseJoined:bool WorkplaceJoined:bool DomainJoined:bool DomainName TenantId TenantName');

/** `dsregcmd /status` "Name : Value" lines to a row; YES/NO become booleans, as CMPivot's script does. */
export function parseDsregcmd(text: string): ProviderRow {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z][\w ]*?)\s+:\s?(.*)$/.exec(line);
    if (m && !fields.has(m[1]!)) fields.set(m[1]!, m[2]!.trim());
  }
  const row: Record<string, ProviderRow[string]> = {};
  for (const p of AAD_PROPERTIES) {
    const v = fields.get(p.name);
    row[p.name] = p.type === 'bool' ? (v === undefined ? false : v.toUpperCase() === 'YES') : v ?? '';
  }
  return row;
}

// Without dsregcmd (older Windows, Server Core), CMPivot falls back to the domain membership.
const FALLBACK = jsonScript('Get-CimInstance -ClassName Win32_ComputerSystem | Select-Object PartOfDomain,Domain');

function dsregcmd(signal: AbortSignal): Promise<string | null> {
  return new Promise((resolve, reject) => {
    execFile('dsregcmd.exe', ['/status'], { signal, windowsHide: true, encoding: 'utf8' }, (error, stdout) => {
      if (signal.aborted) return resolve('');
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return resolve(null);
      if (error) return reject(new ProviderError(`AadStatus: dsregcmd failed: ${error.message}`, { cause: error }));
      resolve(stdout);
    });
  });
}

export const AAD_STATUS_PROVIDER: Provider = {
  entity: 'AadStatus',
  platform: 'windows',
  async *collect(ctx) {
    const text = await dsregcmd(ctx.signal);
    if (ctx.signal.aborted) return;
    if (text !== null) {
      yield parseDsregcmd(text);
      return;
    }
    const [cs] = jsonObjects('AadStatus', await runPowerShell('AadStatus', FALLBACK, ctx.signal));
    if (!cs || ctx.signal.aborted) return;
    yield { ...parseDsregcmd(''), DomainJoined: cs.PartOfDomain === true, DomainName: cs.PartOfDomain === true ? String(cs.Domain ?? '') : '' };
  },
};
