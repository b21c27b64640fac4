import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath } from 'node:fs/promises';
import type { Provider, ProviderRow } from '../provider.js';
import { ProviderError } from '../provider.js';
import { expandEnv, stringArg } from './args.js';
import { ABSOLUTE_WINDOWS_PATH } from './file-content.js';
import { jsonObjects, jsonScript, psQuote, runPowerShell } from './powershell.js';
import { props } from './ps-collector.js';

export const FILE_PROPERTIES = props('FileName Mode LastWriteTime:datetime Size:long Version SHA256Hash MD5Hash');

/**
 * Step 1 lists what the pattern matches, metadata only (no content is opened), hidden and system
 * files included as CMPivot does since 1910. -Path keeps wildcards; a path that matches nothing
 * gives no rows rather than an error.
 */
export function fileListScript(path: string): string {
  return `Get-Item -Force -Path ${psQuote(path)} -ErrorAction SilentlyContinue | Select-Object FullName,Mode,` +
    "@{n='LastWriteTime';e={([DateTimeOffset]$_.LastWriteTimeUtc).ToUnixTimeMilliseconds()}},@{n='Size';e={if ($_.PSIsContainer) { $null } else { $_.Length }}},PSIsContainer";
}

/** Step 2 reads version resources, only of files the policy allowed, by literal path. */
export function versionScript(paths: readonly string[]): string {
  return `Get-Item -Force -LiteralPath ${paths.map(psQuote).join(',')} | Select-Object FullName,@{n='Version';e={[string]$_.VersionInfo.ProductVersion}}`;
}

// Only PE images carry a version resource; asking for others would cost a PowerShell start for "".
const VERSIONED = /\.(exe|dll|sys|ocx|cpl|drv|scr|efi|mui|com|msi|winmd)$/i;
// CreateProcess limits a command line to 32767 characters.
const MAX_SCRIPT = 24_000;

export async function hashFile(path: string, signal: AbortSignal): Promise<{ sha256: string; md5: string }> {
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  for await (const chunk of createReadStream(path, { signal })) {
    sha.update(chunk as Buffer);
    md5.update(chunk as Buffer);
  }
  return { sha256: sha.digest('hex').toUpperCase(), md5: md5.digest('hex').toUpperCase() };
}

async function versions(paths: readonly string[], signal: AbortSignal): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let batch: string[] = [];
  const flush = async () => {
    if (!batch.length || signal.aborted) return;
    for (const o of jsonObjects('File', await runPowerShell('File', jsonScript(versionScript(batch)), signal))) {
      found.set(String(o.FullName).toLowerCase(), String(o.Version ?? ''));
    }
    batch = [];
  };
  for (const p of paths) {
    if (versionScript([...batch, p]).length > MAX_SCRIPT) await flush();
    batch.push(p);
  }
  await flush();
  return found;
}

export const FILE_PROVIDER: Provider = {
  entity: 'File',
  platform: 'windows',
  async *collect(ctx) {
    const pattern = expandEnv(stringArg('File', 'path', ctx.args[0]), process.env);
    if (!ABSOLUTE_WINDOWS_PATH.test(pattern)) throw new ProviderError(`File: the path '${pattern}' is not an absolute file system path.`);
    if (!/[*?[]/.test(pattern) && !ctx.policy.allows(pattern)) throw new ProviderError(`File: reading '${pattern}' is not allowed by this device's policy.`);
    const listed = jsonObjects('File', await runPowerShell('File', jsonScript(fileListScript(pattern)), ctx.signal));
    const allowed: { o: (typeof listed)[number]; real: string }[] = [];
    for (const o of listed) {
      if (ctx.signal.aborted) return;
      const real = await realpath(String(o.FullName)).catch(() => String(o.FullName));
      if (ctx.policy.allows(real)) allowed.push({ o, real });
    }
    if (listed.length && !allowed.length) throw new ProviderError(`File: every file matching '${pattern}' is denied by this device's policy.`);
    const files = allowed.filter((a) => a.o.PSIsContainer !== true);
    const version = await versions(files.map((a) => a.real).filter((p) => VERSIONED.test(p)), ctx.signal);
    for (const { o, real } of allowed) {
      if (ctx.signal.aborted) return;
      const isDir = o.PSIsContainer === true;
      const hashes = isDir ? { sha256: '', md5: '' } : await hashFile(real, ctx.signal).catch(() => ({ sha256: '', md5: '' }));
      const row: ProviderRow = {
        FileName: String(o.FullName), Mode: String(o.Mode ?? ''), LastWriteTime: typeof o.LastWriteTime === 'number' ? o.LastWriteTime : null,
        Size: isDir || typeof o.Size !== 'number' ? null : o.Size, Version: version.get(real.toLowerCase()) ?? '',
        SHA256Hash: hashes.sha256, MD5Hash: hashes.md5,
      };
      yield row;
    }
  },
};
