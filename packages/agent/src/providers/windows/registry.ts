import type { Value } from '@openpivot/kql';
import { badArgument } from '../provider.js';
import { stringArg } from './args.js';
import { psQuote } from './powershell.js';
import { props, type PsCollector } from './ps-collector.js';

const HIVES: Readonly<Record<string, string>> = {
  hklm: 'HKEY_LOCAL_MACHINE', hkcu: 'HKEY_CURRENT_USER', hkcr: 'HKEY_CLASSES_ROOT', hku: 'HKEY_USERS', hkcc: 'HKEY_CURRENT_CONFIG',
  hkey_local_machine: 'HKEY_LOCAL_MACHINE', hkey_current_user: 'HKEY_CURRENT_USER', hkey_classes_root: 'HKEY_CLASSES_ROOT',
  hkey_users: 'HKEY_USERS', hkey_current_config: 'HKEY_CURRENT_CONFIG',
};

/**
 * A user's registry path as a provider-qualified `Registry::HKEY_…\…` path. Anything else is refused:
 * Get-Item on 'C:\…', 'Env:' or 'Cert:' would read files, variables or certificates, which the
 * Registry entity must never become a way around File's path policy for.
 */
export function registryPath(entity: string, value: Value | undefined): string {
  const raw = stringArg(entity, 'path', value).replace(/\//g, '\\');
  const m = /^(?:registry::)?(hklm|hkcu|hkcr|hku|hkcc|hkey_local_machine|hkey_current_user|hkey_classes_root|hkey_users|hkey_current_config):?(?:\\+(.*))?$/i.exec(raw);
  if (!m) badArgument(entity, 'path', "must be a registry path starting with HKLM:, HKCU:, HKCR:, HKU:, HKCC: or Registry::HKEY_…");
  const rest = (m[2] ?? '').replace(/\\+$/, '');
  return `Registry::${HIVES[m[1]!.toLowerCase()]}${rest ? `\\${rest}` : ''}`;
}

// One row per value, as CMPivot's script: '(Default)' for the unnamed value, REG_BINARY through
// BitConverter ('AA-BB'), REG_MULTI_SZ joined with ', ', numbers in invariant culture via [string].
export const REGISTRY: PsCollector = {
  entity: 'Registry',
  properties: props('Key Property Value'),
  script: ({ args }) =>
    `Get-Item -Path ${psQuote(registryPath('Registry', args[0]))} -ErrorAction SilentlyContinue | ForEach-Object { $k=$_; foreach ($n in $k.GetValueNames()) { ` +
    '$v=$k.GetValue($n); if ($v -is [byte[]]) { $v=[BitConverter]::ToString($v) } elseif ($v -is [string[]]) { $v=$v -join \', \' }; ' +
    "[pscustomobject]@{ Key=$k.Name; Property=$(if ($n) { $n } else { '(Default)' }); Value=[string]$v } } }",
};

export const REGISTRY_KEY: PsCollector = {
  entity: 'RegistryKey',
  properties: props('Key'),
  script: ({ args }) => `Get-Item -Path ${psQuote(registryPath('RegistryKey', args[0]))} -ErrorAction SilentlyContinue | Select-Object @{n='Key';e={$_.Name}}`,
};
