import { X509Certificate, createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, readFile, realpath } from 'node:fs/promises';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { ProviderError, badArgument } from '../provider.js';
import { expandHome, glob } from './util/fs-glob.js';

/** Where distributions keep the one-file CA bundle, most common first. */
const BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/ca-bundle.pem', '/etc/ssl/cert.pem', '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem'];

const PEM = /-----BEGIN (?:TRUSTED )?CERTIFICATE-----[\s\S]*?-----END (?:TRUSTED )?CERTIFICATE-----/g;

/** node writes `C=US\nO=…\nCN=…`; Windows shows the most specific part first, comma-separated. */
export function windowsName(dn: string): string {
  return dn.split('\n').filter(Boolean).reverse().map((part) => {
    const eq = part.indexOf('=');
    const v = part.slice(eq + 1);
    return /[,+"]/.test(v) ? `${part.slice(0, eq)}="${v.replace(/"/g, '""')}"` : part;
  }).join(', ');
}

const hex = (buf: Buffer, algo: string): string => createHash(algo).update(buf).digest('hex').toUpperCase();

export function certificateRow(cert: X509Certificate, path: string): ProviderRow {
  const cn = /^CN=(.*)$/m.exec(cert.subject)?.[1] ?? '';
  return {
    Subject: windowsName(cert.subject),
    Issuer: windowsName(cert.issuer),
    Thumbprint: hex(cert.raw, 'sha1'),
    NotBefore: Date.parse(cert.validFrom),
    NotAfter: Date.parse(cert.validTo),
    SerialNumber: cert.serialNumber.toUpperCase(),
    Path: path,
    FriendlyName: cn,
    IsCA: cert.ca,
    KeyType: cert.publicKey.asymmetricKeyType ?? '',
    SHA256Thumbprint: hex(cert.raw, 'sha256'),
    SubjectAltName: cert.subjectAltName ?? '',
  };
}

/** Every certificate in a PEM file (a bundle holds many); a DER file holds one. Unparsable blocks are skipped. */
export function parseCertificates(data: Buffer): X509Certificate[] {
  const text = data.toString('latin1');
  const blocks = text.match(PEM);
  if (!blocks) {
    try { return [new X509Certificate(data)]; } catch { return []; }
  }
  const out: X509Certificate[] = [];
  for (const b of blocks) {
    try { out.push(new X509Certificate(b.replace(/TRUSTED CERTIFICATE/g, 'CERTIFICATE'))); } catch { /* not a certificate we can read */ }
  }
  return out;
}

async function defaultPaths(signal: AbortSignal): Promise<string[]> {
  for (const b of BUNDLES) {
    try { await access(b, constants.R_OK); return [b]; } catch { /* next */ }
  }
  const files: string[] = [];
  for await (const p of glob('/etc/ssl/certs/*.pem', signal)) files.push(p);
  return files;
}

export const certificateProvider: Provider = {
  entity: 'Certificate',
  platform: 'linux',
  async *collect(ctx: ProviderContext): AsyncIterable<ProviderRow> {
    const arg = ctx.args[0];
    if (arg !== undefined && arg !== null && typeof arg !== 'string') badArgument('Certificate', 'path', 'must be a string');
    let paths: string[];
    const userPath = typeof arg === 'string' && arg !== '';
    if (userPath) {
      const pattern = expandHome(arg);
      if (!pattern.startsWith('/')) badArgument('Certificate', 'path', `must be absolute (or start with ~): '${arg}'`);
      paths = [];
      for await (const p of glob(pattern, ctx.signal)) paths.push(p);
    } else {
      paths = await defaultPaths(ctx.signal);
    }
    for (const path of paths) {
      if (ctx.signal.aborted) return;
      let real: string;
      try { real = await realpath(path); } catch { continue; }
      // A path the user named is checked against the local policy; the system store is not theirs to choose.
      if (userPath && !ctx.policy.allows(real)) continue;
      let data: Buffer;
      try { data = await readFile(real, { signal: ctx.signal }); } catch (e) {
        if (ctx.signal.aborted) return;
        if ((e as NodeJS.ErrnoException).code === 'EISDIR') continue;
        throw new ProviderError(`Certificate: cannot read ${path}: ${(e as Error).message}`, { cause: e });
      }
      for (const cert of parseCertificates(data)) yield certificateRow(cert, path);
    }
  },
};
