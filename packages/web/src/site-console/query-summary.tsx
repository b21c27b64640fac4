import { useEffect, useState } from 'react';
import type { Api } from '../common/api.js';
import { toCsv } from '../cmpivot/results-grid.js';

interface StatusRow { readonly ResourceId: number; readonly DeviceName: string; readonly Status: string; readonly Rows: number; readonly Error: string | null }
const GROUPS = ['completed', 'no-results', 'offline', 'failed', 'truncated', 'timed-out', 'pending', 'delivered', 'cancelled'] as const;

/**
 * CMPivot's Query Summary for a collection (fact sheet §5.1): how many devices completed, were offline,
 * failed, had no results or were truncated — each count opens its device list (exportable, or made a
 * collection as CMPivot's Failed/Offline lists could be), and each device can be pivoted to (a new CMPivot
 * scoped to it).
 */
export function QuerySummary({ api, operationId, complete, onPivot, onCreateCollection }: {
  readonly api: Api; readonly operationId: number; readonly complete: boolean;
  readonly onPivot: (deviceIds: readonly number[]) => void; readonly onCreateCollection: (deviceIds: readonly number[]) => void;
}): JSX.Element {
  const [rows, setRows] = useState<StatusRow[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    const load = (): void => void api.get<{ value: StatusRow[] }>(`/AdminService/v1.0/SMS_CMPivotStatus?$filter=ClientOperationId eq ${operationId}`).then((r) => { if (!stop) setRows(r.value); }, () => undefined);
    load();
    const t = complete ? undefined : setInterval(load, 1000);
    return () => { stop = true; if (t) clearInterval(t); };
  }, [api, operationId, complete]);
  const counts = new Map<string, StatusRow[]>();
  for (const r of rows) counts.set(r.Status, [...(counts.get(r.Status) ?? []), r]);
  const list = open ? counts.get(open) ?? [] : [];
  const exportList = (): void => {
    const csv = toCsv([{ name: 'Device', type: 'string' }, { name: 'ResourceId', type: 'long' }, { name: 'Status', type: 'string' }, { name: 'Rows', type: 'long' }, { name: 'Error', type: 'string' }],
      list.map((r) => ({ Device: r.DeviceName, ResourceId: r.ResourceId, Status: r.Status, Rows: r.Rows, Error: r.Error })));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    a.download = `query-summary-${operationId}-${open}.csv`;
    a.click();
  };
  return (
    <section className="op-summary" aria-label="Query Summary">
      <h3>Query Summary</h3>
      <ul className="op-counts">
        {GROUPS.filter((g) => counts.has(g)).map((g) => (
          <li key={g}><button type="button" aria-pressed={open === g} onClick={() => setOpen(open === g ? null : g)}>{g}: {counts.get(g)!.length}</button></li>
        ))}
      </ul>
      {open && (
        <div>
          <button type="button" onClick={exportList}>Export device list</button>
          <button type="button" onClick={() => onCreateCollection(list.map((r) => r.ResourceId))}>Create collection from these devices</button>
          <table aria-label={`Devices ${open}`}>
            <thead><tr><th>Device</th><th>Rows</th><th>Error</th><th /></tr></thead>
            <tbody>{list.map((r) => (
              <tr key={r.ResourceId}><td>{r.DeviceName}</td><td>{r.Rows}</td><td>{r.Error ?? ''}</td>
                <td><button type="button" aria-label={`Device Pivot on ${r.DeviceName}`} onClick={() => onPivot([r.ResourceId])}>Device Pivot</button></td></tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
