import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface Column { readonly name: string; readonly type: string }
export type Row = Readonly<Record<string, unknown>>;

const ROW_HEIGHT = 28;

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * The results grid: `role="grid"`, virtualised (only the rows in view are in the DOM, so 100,000 cells
 * scroll smoothly), sortable by a click on a header, arrow keys move the current cell, Ctrl+C copies
 * it (Shift+Ctrl+C the row).
 */
export function ResultsGrid({ columns, rows }: { readonly columns: readonly Column[]; readonly rows: readonly Row[] }): JSX.Element {
  const [sort, setSort] = useState<{ col: string; desc: boolean } | null>(null);
  const [cell, setCell] = useState({ r: 0, c: 0 });
  const scroller = useRef<HTMLDivElement>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const out = [...rows];
    out.sort((a, b) => {
      const x = a[sort.col];
      const y = b[sort.col];
      const d = x === y ? 0 : x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : typeof x === 'number' && typeof y === 'number' ? x - y : cellText(x).localeCompare(cellText(y));
      return sort.desc ? -d : d;
    });
    return out;
  }, [rows, sort]);
  const virtual = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });

  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const move = (r: number, c: number): void => {
      const next = { r: Math.max(0, Math.min(sorted.length - 1, r)), c: Math.max(0, Math.min(columns.length - 1, c)) };
      setCell(next);
      virtual.scrollToIndex(next.r);
      e.preventDefault();
    };
    if (e.key === 'ArrowDown') move(cell.r + 1, cell.c);
    else if (e.key === 'ArrowUp') move(cell.r - 1, cell.c);
    else if (e.key === 'ArrowRight') move(cell.r, cell.c + 1);
    else if (e.key === 'ArrowLeft') move(cell.r, cell.c - 1);
    else if (e.key === 'PageDown') move(cell.r + 20, cell.c);
    else if (e.key === 'PageUp') move(cell.r - 20, cell.c);
    else if (e.key === 'Home') move(e.ctrlKey ? 0 : cell.r, 0);
    else if (e.key === 'End') move(e.ctrlKey ? sorted.length - 1 : cell.r, columns.length - 1);
    else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c') {
      const row = sorted[cell.r];
      if (!row) return;
      const text = e.shiftKey ? columns.map((c) => cellText(row[c.name])).join('\t') : cellText(row[columns[cell.c]!.name]);
      void navigator.clipboard?.writeText(text);
      e.preventDefault();
    }
  };

  return (
    <div className="op-grid" role="grid" aria-label="Results" aria-rowcount={sorted.length + 1} aria-colcount={columns.length} tabIndex={0} onKeyDown={onKey}>
      <div role="row" className="op-grid-head" aria-rowindex={1}>
        {columns.map((c, j) => (
          <div key={c.name} role="columnheader" aria-colindex={j + 1} aria-sort={sort?.col === c.name ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
            <button type="button" onClick={() => setSort(sort?.col === c.name ? { col: c.name, desc: !sort.desc } : { col: c.name, desc: false })}>{c.name}</button>
          </div>
        ))}
      </div>
      <div ref={scroller} className="op-grid-body">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((v) => {
            const row = sorted[v.index]!;
            return (
              <div key={v.key} role="row" aria-rowindex={v.index + 2} className="op-grid-row" style={{ position: 'absolute', top: 0, transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}>
                {columns.map((c, j) => (
                  <div key={c.name} role="gridcell" aria-colindex={j + 1} aria-selected={cell.r === v.index && cell.c === j} className={cell.r === v.index && cell.c === j ? 'op-cell-current' : undefined} onClick={() => setCell({ r: v.index, c: j })}>
                    {cellText(row[c.name])}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** RFC 4180 CSV of the rows, columns in order. */
export function toCsv(columns: readonly Column[], rows: readonly Row[]): string {
  const esc = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [columns.map((c) => esc(c.name)).join(','), ...rows.map((r) => columns.map((c) => esc(cellText(r[c.name]))).join(','))].join('\r\n') + '\r\n';
}
