import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { certificateProvider, windowsName } from './certificate.js';
import { collectAll, testContext } from './util/fs-test-context.js';

const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const openssl = (args: string[]): string => execFileSync('openssl', args, { encoding: 'utf8' });

describe('Certificate (linux)', () => {
  it('reads every certificate of the system bundle', async () => {
    const rows = await collectAll(certificateProvider, testContext());
    const count = (readFileSync(BUNDLE, 'latin1').match(/BEGIN CERTIFICATE/g) ?? []).length;
    expect(rows.length).toBe(count);
    expect(rows.every((r) => r.Path === BUNDLE && /^[0-9A-F]{40}$/.test(String(r.Thumbprint)))).toBe(true);
  });

  it('gives the thumbprint, dates and serial openssl gives, for a glob of PEM files', async () => {
    const rows = await collectAll(certificateProvider, testContext(['/etc/ssl/certs/D*.pem']));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows.slice(0, 5)) {
      const out = openssl(['x509', '-noout', '-fingerprint', '-sha1', '-serial', '-enddate', '-startdate', '-in', String(r.Path)]);
      expect(r.Thumbprint).toBe(/Fingerprint=(.*)/.exec(out)![1]!.replace(/:/g, ''));
      expect(r.SerialNumber).toBe(/serial=(.*)/.exec(out)![1]);
      expect(r.NotAfter).toBe(Date.parse(/notAfter=(.*)/.exec(out)![1]!));
      expect(r.NotBefore).toBe(Date.parse(/notBefore=(.*)/.exec(out)![1]!));
    }
  });

  it('skips what the policy denies, and refuses a relative path', async () => {
    const rows = await collectAll(certificateProvider, testContext(['/etc/ssl/certs/D*.pem'], { policy: { allows: () => false } }));
    expect(rows).toEqual([]);
    await expect(collectAll(certificateProvider, testContext(['certs/x.pem']))).rejects.toThrow(/^Certificate: the argument 'path' must be absolute/);
  });

  it('writes names as Windows does', () => {
    expect(windowsName('C=US\nO=DigiCert Inc\nOU=www.digicert.com\nCN=DigiCert Global Root CA')).toBe('CN=DigiCert Global Root CA, OU=www.digicert.com, O=DigiCert Inc, C=US');
    expect(windowsName('C=US\nO=Acme, Inc.')).toBe('O="Acme, Inc.", C=US');
  });
});
