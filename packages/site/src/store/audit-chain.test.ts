import { describe, expect, it } from 'vitest';
import type { AuditInput, AuditRecord } from './store.js';
import { auditHash, canonicalJson, GENESIS_HASH, verifyAuditChain } from './audit-chain.js';

const input = (outcome: string, details: Record<string, unknown> = {}): AuditInput => ({
  kind: 'admin', at: 1_700_000_000_000, userName: 'alice', source: 'console', remoteAddr: '::1', target: null,
  query: null, querySha256: null, operationId: null, outcome, details,
});

function chain(n: number, start = GENESIS_HASH, firstSeq = 1): AuditRecord[] {
  const out: AuditRecord[] = [];
  let prevHash = start;
  for (let i = 0; i < n; i++) {
    const seq = firstSeq + i;
    const hash = auditHash(prevHash, { ...input(`o${seq}`), seq });
    out.push({ ...input(`o${seq}`), seq, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('starts from 64 zeros and hashes to SHA-256 hex', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(auditHash(GENESIS_HASH, { ...input('ok'), seq: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order keys were written in, at any depth', () => {
    const a = { ...input('ok', { x: 1, y: { p: [1, { b: 2, a: 1 }], q: null } }), seq: 1 };
    const reordered = { seq: 1, ...input('ok', { y: { q: null, p: [1, { a: 1, b: 2 }] }, x: 1 }) };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(auditHash(GENESIS_HASH, a));
    expect(canonicalJson({ b: 1, a: undefined, c: new Date(0) })).toBe('{"b":1,"c":"1970-01-01T00:00:00.000Z"}');
  });

  it('changes with every field, the seq and the previous hash', () => {
    const base = { ...input('ok', { n: 1 }), seq: 1 };
    const h = auditHash(GENESIS_HASH, base);
    const variants = [
      { ...base, seq: 2 }, { ...base, kind: 'run' as const }, { ...base, at: base.at + 1 }, { ...base, userName: null },
      { ...base, source: 'api' as const }, { ...base, remoteAddr: null }, { ...base, target: 'SMS00001' },
      { ...base, query: 'OS' }, { ...base, querySha256: 'x' }, { ...base, operationId: 1 }, { ...base, outcome: 'no' },
      { ...base, details: { n: 2 } },
    ];
    for (const v of variants) expect(auditHash(GENESIS_HASH, v)).not.toBe(h);
    expect(auditHash('1'.repeat(64), base)).not.toBe(h);
  });

  it('verifies an intact chain, from genesis or from a given hash', () => {
    expect(verifyAuditChain([])).toEqual({ ok: true });
    const records = chain(5);
    expect(verifyAuditChain(records)).toEqual({ ok: true });
    expect(verifyAuditChain(records.slice(2), records[1]!.hash)).toEqual({ ok: true });
    expect(verifyAuditChain(records.slice(2))).toMatchObject({ ok: false, seq: 3 });
  });

  it('names the first record edited, relinked or missing', () => {
    const records = chain(5);
    const edited = records.map((r) => (r.seq === 3 ? { ...r, userName: 'mallory' } : r));
    expect(verifyAuditChain(edited)).toEqual({ ok: false, seq: 3, reason: expect.stringMatching(/hash/) });
    // Re-hashing the edited record breaks the link from the next one instead.
    const rehashed = edited.map((r) => (r.seq === 3 ? { ...r, hash: auditHash(r.prevHash, r) } : r));
    expect(verifyAuditChain(rehashed)).toMatchObject({ ok: false, seq: 4, reason: expect.stringMatching(/prevHash/) });
    expect(verifyAuditChain(records.filter((r) => r.seq !== 2))).toMatchObject({ ok: false, seq: 3, reason: expect.stringMatching(/missing/) });
  });
});
