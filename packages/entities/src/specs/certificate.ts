import { defineEntity } from '../define-entity.js';

export const Certificate = defineEntity({
  name: 'Certificate',
  description: "An X.509 certificate in the system CA store, or in the PEM files the optional path or glob names.",
  platforms: ['linux'],
  permission: 'ordinary',
  parameters: [
    { name: 'path', type: 'string', doc: 'A PEM file, or a glob of them (/etc/pki/**/*.crt); the system CA bundle when left out.', optional: true },
  ],
  columns: [
    { name: 'Subject', type: 'string', doc: 'The subject, most specific part first, as Windows writes it (CN=…, O=…, C=…).' },
    { name: 'Issuer', type: 'string', doc: 'The issuer, in the same form as Subject.' },
    { name: 'Thumbprint', type: 'string', doc: "The SHA-1 hash of the DER certificate, upper-case hex without separators (Windows' Thumbprint)." },
    { name: 'NotBefore', type: 'datetime', doc: 'The start of the validity period.' },
    { name: 'NotAfter', type: 'datetime', doc: 'The end of the validity period.' },
    { name: 'SerialNumber', type: 'string', doc: 'The serial number, upper-case hex.' },
    { name: 'Path', type: 'string', doc: 'The file the certificate was read from.' },
    { name: 'FriendlyName', type: 'string', doc: 'The common name (CN) of the subject, or "" (Linux stores have no friendly names).' },
    { name: 'IsCA', type: 'bool', doc: 'True when the certificate is a CA (basic constraints).' },
    { name: 'KeyType', type: 'string', doc: "The public key's algorithm: rsa, ec, ed25519…" },
    { name: 'SHA256Thumbprint', type: 'string', doc: 'The SHA-256 hash of the DER certificate, upper-case hex without separators.' },
    { name: 'SubjectAltName', type: 'string', doc: 'The subject alternative names as node:crypto writes them (DNS:a, IP Address:b), "" when none.' },
  ],
  examples: [
    'Certificate | where NotAfter < now() + 90d | project Subject, NotAfter, Thumbprint',
    "Certificate('/etc/ssl/private/*.pem') | project Subject, Issuer, NotAfter",
    'Certificate | summarize count() by KeyType',
  ],
});
