import { useEffect, useState } from 'react';
import type { Api } from '../common/api.js';

const V = '/AdminService/v1.0';
const PAGE = 200;

interface AuditRecord {
  readonly Seq: number; readonly Kind: string; readonly At: string; readonly UserName: string | null; readonly Source: string;
  readonly Target: string | null; readonly Query: string | null; readonly OperationId: number | null; readonly Outcome: string | null;
  readonly Details: Readonly<Record<string, unknown>> | null;
}

/**
 * The site's audit trail, for those whose role grants Audit.Read: every query run or refused, and every
 * change, newest last as the site keeps them; pages on with "Load more"; the hash chain can be checked.
 */
export function AuditLog({ api }: { readonly api: Api }): JSX.Element {
  const [records, setRecords] = useState<AuditRecord[]>([]);
  const [more, setMore] = useState(false);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [verified, setVerified] = useState<string | null>(null);
  const load = (afterSeq: number): void => {
    api.get<{ value: AuditRecord[]; '@odata.nextLink'?: string }>(`${V}/AuditRecords?afterSeq=${afterSeq}&$top=${PAGE}`).then((r) => {
      setRecords((old) => [...old, ...r.value]);
      setMore(r['@odata.nextLink'] !== undefined);
    }, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  // The first page, once: later pages follow the last record seen.
  useEffect(() => load(0), []);
  const verify = (): void => {
    api.get<{ Ok: boolean; Records: number; Seq?: number; Reason?: string }>(`${V}/AuditRecords/Verify`).then(
      (r) => setVerified(r.Ok ? `The hash chain is intact over ${r.Records} records.` : `The hash chain breaks at record ${r.Seq}: ${r.Reason}`),
      (e: unknown) => setVerified(e instanceof Error ? e.message : String(e)));
  };
  const f = filter.trim().toLowerCase();
  const shown = f ? records.filter((r) => [r.Kind, r.UserName, r.Target, r.Query, r.Outcome, r.Source].some((v) => v?.toLowerCase().includes(f))) : records;
  return (
    <main>
      <h1>Audit log</h1>
      {error && <p role="alert">{error}</p>}
      <div className="op-selection-bar">
        <label>Filter <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} /></label>
        <button type="button" onClick={verify}>Verify the hash chain</button>
        {verified && <span role="status">{verified}</span>}
      </div>
      <table aria-label="Audit log">
        <thead><tr><th>Seq</th><th>When</th><th>User</th><th>Source</th><th>Kind</th><th>Target</th><th>Outcome</th><th>Query</th></tr></thead>
        <tbody>{shown.map((r) => (
          <tr key={r.Seq}><td>{r.Seq}</td><td>{new Date(r.At).toLocaleString()}</td><td>{r.UserName ?? ''}{typeof r.Details?.cloudUpn === 'string' ? ` (${r.Details.cloudUpn})` : ''}</td>
            <td>{r.Source}</td><td>{r.Kind}</td><td>{r.Target ?? ''}</td><td>{r.Outcome ?? ''}</td><td><code>{r.Query ?? ''}</code></td></tr>
        ))}</tbody>
      </table>
      {more && <button type="button" onClick={() => load(records.at(-1)?.Seq ?? 0)}>Load more</button>}
    </main>
  );
}
