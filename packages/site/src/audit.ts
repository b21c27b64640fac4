import type { QuerySource } from '@openpivot/protocol';
import type { Store, AuditInput, AuditRecord, AuditKind } from './store/index.js';
import type { Log } from '@openpivot/server';

/** Who did something, and from where: the audit fields every entry carries. */
export interface Actor {
  readonly userName: string | null;
  readonly source: QuerySource;
  readonly remoteAddr: string | null;
}

export type AuditEntry = Partial<Omit<AuditInput, 'kind' | 'at' | 'userName' | 'source' | 'remoteAddr'>> & { readonly outcome: string };

/**
 * Appends to the tamper-evident audit trail. A query is dispatched only after its record is written:
 * if the trail cannot be written, the query is refused (the caller sees the error).
 */
export class Auditor {
  constructor(private readonly store: Store, private readonly log: Log, private readonly clock: () => number = Date.now) {}

  async record(kind: AuditKind, actor: Actor, entry: AuditEntry): Promise<AuditRecord> {
    const record = await this.store.appendAudit({
      kind,
      at: this.clock(),
      userName: actor.userName,
      source: actor.source,
      remoteAddr: actor.remoteAddr,
      target: entry.target ?? null,
      query: entry.query ?? null,
      querySha256: entry.querySha256 ?? null,
      operationId: entry.operationId ?? null,
      outcome: entry.outcome,
      details: entry.details ?? {},
    });
    this.log('audit', { seq: record.seq, kind, user: actor.userName, outcome: entry.outcome, operationId: entry.operationId ?? undefined });
    return record;
  }

  /** For records that must not fail the request they describe (authentication failures): logged if lost. */
  recordQuietly(kind: AuditKind, actor: Actor, entry: AuditEntry): void {
    this.record(kind, actor, entry).catch((e: unknown) => this.log('audit.write-failed', { kind, error: e instanceof Error ? e.message : String(e) }));
  }
}
