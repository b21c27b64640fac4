import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { analyze } from '@openpivot/kql';
import { CATALOG } from '@openpivot/entities';
import { ApiError, pollResult, type Api } from '../common/api.js';
import { ResultsGrid, toCsv, toTsv, type CellTarget, type Column, type Row } from './results-grid.js';
import type { MenuItem } from './cell-menu.js';
import { groupByQuery, showDevicesQuery } from './drill-queries.js';
import { QueryLinkButtons } from './query-link.js';
import type { ChartRequest } from './chart-options.js';
import { Favorites } from './favorites.js';
import { EntitiesPanel } from './entities-panel.js';

// The editor and the charts are the heavy parts: loaded when the pane first needs them.
const QueryEditor = lazy(() => import('./query-editor.js'));
const ResultChart = lazy(() => import('./result-chart.js'));

/** CMPivot's results pane shows at most 100,000 cells before it offers an export (fact sheet §3.4). */
const MAX_CELLS = 100_000;

interface ResultBody {
  readonly value: { readonly OperationId: number; readonly Status: string; readonly Error?: string | null; readonly Columns: { Name: string; Type: string }[]; readonly Result: Row[] };
}

/** One look at an operation's answer so far: complete, or still arriving (a collection's devices answering). */
export interface ResultSnapshot {
  readonly columns: Column[];
  readonly rows: Row[];
  readonly status: string;
  readonly complete: boolean;
  readonly error?: string | null;
  /** Devices answered of those targeted (collections). */
  readonly progress?: { readonly answered: number; readonly total: number };
  /** Devices by status (collections): the status bar's "Query completed on 3 of 5 clients…". */
  readonly counts?: Readonly<Record<string, number>>;
}

/** A device's answer (AdminService Device(n)/CMPivotResult): 404 until the device answered. */
async function deviceResult(api: Api, path: string, signal: AbortSignal): Promise<ResultSnapshot> {
  const body = await pollResult<ResultBody>(api, path, signal);
  const columns = body.value.Columns.map((c) => ({ name: c.Name, type: c.Type }));
  if (!columns.some((c) => c.name === 'Device') && body.value.Result.some((r) => 'Device' in r)) columns.push({ name: 'Device', type: 'string' });
  return { columns, rows: body.value.Result, status: body.value.Status, complete: true, error: body.value.Error ?? null };
}

export interface CmpivotPaneProps {
  readonly api: Api;
  /** What the pane's title names: the device (admin center) or the collection. */
  readonly target: string;
  readonly runPath: string;
  readonly resultPath: (operationId: number) => string;
  readonly onClose: () => void;
  /** Favourites are kept on the server where it has them (the cloud). */
  readonly favorites?: boolean;
  /** How to read the answer; a device's by default. Called again until `complete`, so rows stream in. */
  readonly fetchResult?: (api: Api, path: string, signal: AbortSignal) => Promise<ResultSnapshot>;
  /** Shown under the status line once an operation runs: the Query Summary of a collection. */
  readonly summary?: (operationId: number, complete: boolean) => JSX.Element | null;
  /** Added to the Run request's body (the devices of a Device Pivot). */
  readonly runBody?: Readonly<Record<string, unknown>>;
  /** Cell-menu actions on the devices of the selected rows (Device Pivot, Create collection: the site console). */
  readonly deviceActions?: (deviceNames: readonly string[]) => readonly MenuItem[];
  /** The query the editor opens with (a `cmpivot:` link). */
  readonly initialQuery?: string;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; since: number; op?: number }
  | { kind: 'done'; op: number; rows: number; ms: number; device: string; counts?: Readonly<Record<string, number>> }
  | { kind: 'failed'; code: string };

/** CMPivot's status bar for a collection: "Query completed on 3 of 5 clients (2 clients offline and 0 failure)". */
export function collectionStatusText(counts: Readonly<Record<string, number>>): string {
  const n = (...keys: string[]): number => keys.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return `Query completed on ${n('completed', 'no-results', 'truncated')} of ${total} clients (${n('offline')} clients offline and ${n('failed', 'timed-out', 'cancelled')} failure)`;
}

/**
 * CMPivot on one target: entities, favourites, the query editor, Run, the status line, and the answer as a
 * grid or a chart, with CSV export and history. One component for the admin center and the site console.
 */
export function CmpivotPane(p: CmpivotPaneProps): JSX.Element {
  const [query, setQuery] = useState(p.initialQuery ?? '');
  const [ran, setRan] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [now, setNow] = useState(Date.now());
  const [error, setError] = useState<{ message: string; code: string } | null>(null);
  const [highlight, setHighlight] = useState<{ from: number; to: number } | null>(null);
  const [insert, setInsert] = useState<{ text: string; nonce: number } | null>(null);
  const [result, setResult] = useState<{ columns: Column[]; rows: Row[]; chart: ChartRequest | null } | null>(null);
  const [showChart, setShowChart] = useState(true);
  const [progress, setProgress] = useState<{ answered: number; total: number } | null>(null);
  const [past, setPast] = useState<string[]>([]);
  const [at, setAt] = useState(-1);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (status.kind !== 'running') return;
    const t = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(t);
  }, [status.kind]);

  const run = async (override?: string): Promise<void> => {
    const text = (override ?? query).trim();
    if (!text || status.kind === 'running') return;
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    setError(null);
    setHighlight(null);
    // The previous answer is not this query's: it must not stay under this one's error.
    setResult(null);
    setPast((h) => (h[h.length - 1] === text ? h : [...h, text]));
    setRan(text);
    setAt(-1);
    const since = Date.now();
    setStatus({ kind: 'running', since });
    try {
      const started = await p.api.post<{ value: { OperationId: number } }>(p.runPath, { ...p.runBody, InputQuery: text });
      const op = started.value.OperationId;
      setStatus({ kind: 'running', since, op });
      const read = p.fetchResult ?? deviceResult;
      const bound = analyze(text, { catalog: CATALOG, dialect: 'cmpivot' }).chart;
      const chart = bound ? { type: bound.type, ...(typeof bound.props.title === 'string' ? { title: bound.props.title } : {}) } : null;
      for (;;) {
        const snap = await read(p.api, p.resultPath(op), ctrl.signal);
        setResult({ columns: snap.columns, rows: snap.rows, chart });
        if (snap.progress) setProgress(snap.progress);
        if (snap.complete) {
          setStatus({ kind: 'done', op, rows: snap.rows.length, ms: Date.now() - since, device: snap.status, ...(snap.counts ? { counts: snap.counts } : {}) });
          if (snap.error) setError({ code: 'DeviceError', message: snap.error });
          break;
        }
        await new Promise((res) => setTimeout(res, 500));
        if (ctrl.signal.aborted) break;
      }
    } catch (e) {
      setStatus({ kind: 'failed', code: e instanceof ApiError ? e.code : 'Network' });
      if (e instanceof ApiError) {
        setError({ code: e.code, message: e.message });
        const first = e.details?.find((d) => d.start !== undefined);
        if (first) setHighlight({ from: first.start!, to: first.end ?? first.start! + 1 });
      } else setError({ code: 'Network', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const historyGo = (delta: number): void => {
    const i = (at < 0 ? past.length : at) + delta;
    if (i < 0 || i >= past.length) return;
    setAt(i);
    setQuery(past[i]!);
  };

  const cells = result ? result.columns.length * result.rows.length : 0;
  const exportCsv = (): void => {
    if (!result) return;
    const url = URL.createObjectURL(new Blob([toCsv(result.columns, result.rows)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `cmpivot-${status.kind === 'done' ? status.op : 'result'}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const statusText = useMemo(() => {
    if (status.kind === 'running') return `Running… ${((now - status.since) / 1000).toFixed(1)} s${status.op ? ` (operation ${status.op})` : ''}`;
    if (status.kind === 'done' && status.counts) return `${collectionStatusText(status.counts)} — ${status.rows} objects in ${(status.ms / 1000).toFixed(2)} s — id(${status.op})`;
    if (status.kind === 'done') return `${status.rows} ${status.rows === 1 ? 'row' : 'rows'} in ${(status.ms / 1000).toFixed(2)} s — device ${status.device} — operation ${status.op}`;
    if (status.kind === 'failed') return `The query did not run (${status.code})`;
    return 'Ready';
  }, [status, now]);

  const cellMenu = (t: CellTarget): MenuItem[] => {
    const items: MenuItem[] = [];
    for (const without of [false, true]) {
      const q = showDevicesQuery({ query: ran, column: t.column.name, type: t.column.type, value: t.row[t.column.name], without });
      items.push({
        label: without ? 'Show devices without' : 'Show devices with',
        run: () => { if (q) { setQuery(q); void run(q); } },
        ...(q ? {} : { disabledReason: 'Only for a column of the entity the query starts from' }),
      });
    }
    const devices = [...new Set(t.selected.map((r) => r.Device).filter((d): d is string => typeof d === 'string' && d !== ''))];
    if (p.deviceActions && devices.length > 0) items.push(...p.deviceActions(devices));
    return items;
  };

  return (
    <section className="op-cmpivot" aria-label="CMPivot">
      <header className="op-cmpivot-head">
        <h2>CMPivot — {p.target}</h2>
        <button type="button" aria-label="Close" title="Close" onClick={p.onClose}>X</button>
      </header>
      <div className="op-cmpivot-body">
        <aside className="op-side">
          {p.favorites && <Favorites api={p.api} query={query} onPick={(q) => setQuery(q)} />}
          <EntitiesPanel onInsert={(text) => setInsert({ text, nonce: Date.now() })} />
        </aside>
        <main className="op-main">
          <Suspense fallback={<div className="op-editor">Loading the editor…</div>}>
            <QueryEditor value={query} onChange={setQuery} onRun={() => void run()} highlight={highlight} insert={insert} />
          </Suspense>
          <div className="op-toolbar" role="toolbar" aria-label="Query actions">
            <button type="button" onClick={() => void run()} disabled={status.kind === 'running'}>Run</button>
            <button type="button" aria-label="Previous query" onClick={() => historyGo(-1)} disabled={past.length === 0}>Back</button>
            <button type="button" aria-label="Next query" onClick={() => historyGo(1)} disabled={at < 0 || at >= past.length - 1}>Forward</button>
            <button type="button" onClick={exportCsv} disabled={!result}>Export CSV</button>
            <button type="button" onClick={() => result && void navigator.clipboard?.writeText(toTsv(result.columns, result.rows))} disabled={!result}>Copy</button>
            <QueryLinkButtons query={query} onOpen={(q) => setQuery(q)} />
            {result?.chart && <button type="button" aria-pressed={showChart} onClick={() => setShowChart(!showChart)}>{showChart ? 'Show table' : 'Show chart'}</button>}
          </div>
          <div role="status" className="op-status">{statusText}</div>
          {progress && <progress aria-label="Devices answered" max={progress.total} value={progress.answered}>{progress.answered} of {progress.total}</progress>}
          {p.summary && (status.kind === 'done' || (status.kind === 'running' && status.op)) ? p.summary(status.kind === 'done' ? status.op : status.op!, status.kind === 'done') : null}
          {error && <div role="alert" className="op-error"><strong>{error.code}</strong>: {error.message}</div>}
          {result && cells > MAX_CELLS && (
            <div role="note" className="op-banner">Your query returned a large number of results. Narrow the results by modifying the query, or <button type="button" onClick={exportCsv}>export the results</button>.</div>
          )}
          {result && (result.chart && showChart
            ? <Suspense fallback={<div>Loading the chart…</div>}><ResultChart chart={result.chart} columns={result.columns} rows={result.rows} /></Suspense>
            : <ResultsGrid columns={result.columns} rows={result.rows} menu={cellMenu}
              headerMenu={(c) => [{ label: 'Group by', run: () => { const q = groupByQuery(ran, c.name); setQuery(q); void run(q); } }]} />)}
        </main>
      </div>
    </section>
  );
}

