import { readFile } from 'node:fs/promises';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { ProviderError } from '../provider.js';

/** [global] settings, keys lower-cased with single spaces; continuation lines (trailing \) joined. */
export function parseSmbGlobals(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let section = '';
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const head = /^\[([^\]]*)\]/.exec(line);
    if (head) { section = head[1]!.trim().toLowerCase(); continue; }
    const eq = line.indexOf('=');
    if (section !== 'global' || eq < 0) continue;
    out[line.slice(0, eq).trim().toLowerCase().replace(/\s+/g, ' ')] = line.slice(eq + 1).trim();
  }
  return out;
}

const PROTOCOLS = ['CORE', 'COREPLUS', 'LANMAN1', 'LANMAN2', 'NT1', 'SMB2_02', 'SMB2_10', 'SMB2_22', 'SMB2_24', 'SMB3_00', 'SMB3_02', 'SMB3_10', 'SMB3_11'];
const ALIASES: Record<string, string> = { SMB2: 'SMB2_10', SMB3: 'SMB3_11', NT1: 'NT1' };
const rank = (p: string): number => PROTOCOLS.indexOf(ALIASES[p.toUpperCase()] ?? p.toUpperCase());

const REQUIRED = ['required', 'mandatory', 'force', 'forced', 'enforced'];
const OFF = ['disabled', 'no', 'false', 'off'];

/** The SMBConfig row for a [global] map, with Samba's defaults (4.11+) where a setting is absent. */
export function smbConfigRow(g: Record<string, string>, path: string): ProviderRow {
  const min = g['server min protocol'] ?? g['min protocol'] ?? 'SMB2_02';
  const max = g['server max protocol'] ?? g['max protocol'] ?? g['protocol'] ?? 'SMB3';
  const signing = (g['server signing'] ?? 'default').toLowerCase();
  const encrypt = (g['server smb encrypt'] ?? g['smb encrypt'] ?? 'default').toLowerCase();
  const role = g['server role'] ?? '';
  const requireSigning = REQUIRED.includes(signing) || (signing === 'default' && /domain controller/i.test(role));
  return {
    EnableSMB1Protocol: rank(min) >= 0 && rank(min) <= rank('NT1'),
    EnableSMB2Protocol: rank(max) >= rank('SMB2_02'),
    RequireSecuritySignature: requireSigning,
    EnableSecuritySignature: !OFF.includes(signing),
    EncryptData: REQUIRED.includes(encrypt),
    RejectUnencryptedAccess: REQUIRED.includes(encrypt),
    Workgroup: g['workgroup'] ?? 'WORKGROUP',
    ServerString: g['server string'] ?? 'Samba %v',
    Security: g['security'] ?? 'auto',
    ServerRole: role,
    ServerMinProtocol: min,
    ServerMaxProtocol: max,
    MapToGuest: g['map to guest'] ?? 'Never',
    ConfigPath: path,
    Settings: g,
  };
}

/** `confPath` lets tests read a fixture; `include =` files are not followed. */
export function createSmbConfigProvider(opts: { confPath?: string } = {}): Provider {
  const confPath = opts.confPath ?? '/etc/samba/smb.conf';
  return {
    entity: 'SMBConfig',
    platform: 'linux',
    async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
      let text: string;
      try {
        text = await readFile(confPath, { encoding: 'utf8', signal: ctx.signal });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' || ctx.signal.aborted) return; // Samba not installed: no row
        throw new ProviderError(`SMBConfig: cannot read ${confPath}: ${(e as Error).message}`, { cause: e });
      }
      yield smbConfigRow(parseSmbGlobals(text), confPath);
    },
  };
}

export const smbConfigProvider: Provider = createSmbConfigProvider();
