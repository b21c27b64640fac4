import { createHash } from 'node:crypto';
import type { AuditInput, AuditRecord } from './store.js';

/** The prevHash of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth, after a JSON round trip: the text a record hashes to must
 * not depend on the order its details were built in, nor on values JSON drops (undefined) or rewrites
 * (Date → string), because the record is read back from a JSON column before it is verified.
 */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'null' : JSON.stringify(sortKeys(JSON.parse(text)));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** SHA-256 hex of prevHash followed by the record's fields as canonical JSON, in a fixed key order. */
export function auditHash(prevHash: string, input: AuditInput & { seq: number }): string {
  // An array fixes the order of the fields whatever order the record's keys were written in.
  const fields = [
    input.seq, input.kind, input.at, input.userName, input.source, input.remoteAddr, input.target,
    input.query, input.querySha256, input.operationId, input.outcome, input.details,
  ];
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

/**
 * Checks that each record links to the one before (from `startPrevHash`, the genesis hash by default),
 * that seqs follow one another, and that each hash matches the record's content. Names the first bad seq.
 */
export function verifyAuditChain(
  records: readonly AuditRecord[],
  startPrevHash: string = GENESIS_HASH,
): { ok: true } | { ok: false; seq: number; reason: string } {
  let prevHash = startPrevHash;
  let prevSeq: number | null = null;
  for (const record of records) {
    if (prevSeq !== null && record.seq !== prevSeq + 1) {
      return { ok: false, seq: record.seq, reason: `seq ${record.seq} follows ${prevSeq}: a record is missing or out of order` };
    }
    if (record.prevHash !== prevHash) {
      return { ok: false, seq: record.seq, reason: `prevHash does not match the hash of the record before` };
    }
    if (auditHash(prevHash, record) !== record.hash) {
      return { ok: false, seq: record.seq, reason: `hash does not match the record's content` };
    }
    prevHash = record.hash;
    prevSeq = record.seq;
  }
  return { ok: true };
}
