import { describe, it, expect } from 'vitest';
import { createPathPolicy, globToRegExp } from './path-policy.js';

describe('path policy', () => {
  const policy = createPathPolicy({ deny: ['/srv/secret/**'], allow: ['/srv/secret/public.txt'] }, '/home/ann');

  it('refuses the default secrets, however the path is written', () => {
    for (const p of ['/etc/shadow', '/etc/gshadow', '/etc/ssl/private/server.key', '/etc/ssl/private/a/b.pem',
      '/home/ann/.ssh/id_ed25519', '/root/.ssh/id_rsa', '/home/bob/.ssh/id_rsa', '/etc/./shadow', '/tmp/../etc/shadow', '//etc//shadow']) {
      expect(policy.allows(p), p).toBe(false);
    }
  });

  it('allows ordinary files, and what an allow glob lets through', () => {
    for (const p of ['/etc/passwd', '/etc/ssl/certs/ca-certificates.crt', '/home/ann/.ssh/known_hosts', '/srv/secret/public.txt']) {
      expect(policy.allows(p), p).toBe(true);
    }
    expect(policy.allows('/srv/secret/db/pass')).toBe(false);
  });

  it('reads globs as paths: * stays in a segment, ** crosses them', () => {
    expect(globToRegExp('/a/*.log').test('/a/b.log')).toBe(true);
    expect(globToRegExp('/a/*.log').test('/a/b/c.log')).toBe(false);
    expect(globToRegExp('/a/**/c.log').test('/a/b/x/c.log')).toBe(true);
    expect(globToRegExp('/a/?.txt').test('/a/xy.txt')).toBe(false);
  });
});
