import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSmbConfigProvider, parseSmbGlobals, smbConfigProvider, smbConfigRow } from './smb-config.js';
import { collectAll, testContext } from './util/fs-test-context.js';

const fixture = fileURLToPath(new URL('./fixtures/smb.conf', import.meta.url));

describe('SMBConfig (linux)', () => {
  it('reads the [global] settings of smb.conf', async () => {
    const rows = await collectAll(createSmbConfigProvider({ confPath: fixture }), testContext());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      EnableSMB1Protocol: true, EnableSMB2Protocol: true, RequireSecuritySignature: true, EnableSecuritySignature: true,
      EncryptData: true, RejectUnencryptedAccess: true, Workgroup: 'EXAMPLE', ServerString: '%h server (Samba, Ubuntu)',
      ServerMinProtocol: 'NT1', MapToGuest: 'bad user', ConfigPath: fixture,
    });
    expect((rows[0]!.Settings as Record<string, string>)['log file']).toMatch(/^\/var\/log\/samba\/log\.%m\s+# continued$/);
  });

  it("uses Samba's defaults when a setting is absent", () => {
    expect(smbConfigRow(parseSmbGlobals('[global]\n'), 'x')).toMatchObject({ EnableSMB1Protocol: false, EnableSMB2Protocol: true, RequireSecuritySignature: false, EnableSecuritySignature: true, EncryptData: false });
    expect(smbConfigRow(parseSmbGlobals('[global]\nserver role = active directory domain controller\nserver max protocol = NT1\n'), 'x')).toMatchObject({ RequireSecuritySignature: true, EnableSMB2Protocol: false });
  });

  it('has no row when Samba is not installed', async () => {
    const installed = existsSync('/etc/samba/smb.conf');
    if (installed) console.log('SMBConfig: Samba is installed here; the live file is read');
    const rows = await collectAll(smbConfigProvider, testContext());
    expect(rows.length).toBe(installed ? 1 : 0);
    expect(await collectAll(createSmbConfigProvider({ confPath: '/nonexistent/smb.conf' }), testContext())).toEqual([]);
  });
});
