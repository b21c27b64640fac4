import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { CellMenu, type MenuItem } from './cell-menu.js';
import { cellText, columnWidths, type Column, type Row } from './table-text.js';

export { toCsv, toTsv, type Column, type Row } from './table-text.js';

const ROW_HEIGHT = 28;

/** What a right-click (or Shift+F10) on a cell is about: the cell, its row, and the rows selected with it. */
export interface CellTarget {
  readonly row: Row;
  readonly column: Column;
  readonly selected: readonly Row[];
}

export interface ResultsGridProps {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /** Actions of the cell menu beyond Copy and Copy row (Show devices with, Device Pivot…). */
  readonly menu?: (target: CellTarget) => readonly MenuItem[];
  /** Actions of a column header's menu beyond sorting (Group by). */
  readonly headerMenu?: (column: Column) => readonly MenuItem[];
}

/**
 * The results grid: `role="grid"`, virtualised (only the rows in view are in the DOM, so 100,000 cells
 * scroll smoothly), sortable by a click on a header, arrow keys move the current cell, Ctrl+C copies
 * it (Shift+Ctrl+C the row). Rows are selected as in a file list (click, Ctrl+click, Shift+click, Space,
 * Ctrl+A); a right-click or Shift+F10 opens the cell menu.
 */
export function ResultsGrid({ columns, rows, menu, headerMenu }: ResultsGridProps): JSX.Element {
  const [sort, setSort] = useState<{ col: string; desc: boolean } | null>(null);
  const [cell, setCell] = useState({ r: 0, c: 0 });
  const [selected, setSelected] = useState<ReadonlySet<Row>>(new Set());
  const [anchor, setAnchor] = useState(0);
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null);
  const [headerAt, setHeaderAt] = useState<{ x: number; y: number; column: Column } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  // A new answer: the old selection names rows that are gone.
  useEffect(() => { setSelected(new Set()); setCell({ r: 0, c: 0 }); setMenuAt(null); }, [rows]);
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
  const widths = useMemo(() => columnWidths(columns, rows), [columns, rows]);
  const width = (j: number): { flex: string } => ({ flex: `0 0 ${widths[j]}px` });
  // Cells have a fixed width plus padding and border (0.8rem + 1px): the rows' full width, for horizontal scrolling.
  const totalWidth = `calc(${widths.reduce((a, b) => a + b + 1, 0)}px + ${0.8 * widths.length}rem)`;
  const virtual = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20, scrollPaddingStart: ROW_HEIGHT + 4 });

  const select = (r: number, how: { toggle?: boolean; range?: boolean }): void => {
    const row = sorted[r];
    if (!row) return;
    if (how.range) {
      const [a, b] = anchor <= r ? [anchor, r] : [r, anchor];
      setSelected(new Set(sorted.slice(a, b + 1)));
      return;
    }
    setAnchor(r);
    if (how.toggle) {
      const next = new Set(selected);
      if (next.has(row)) next.delete(row); else next.add(row);
      setSelected(next);
    } else setSelected(new Set([row]));
  };

  const onCellClick = (e: MouseEvent, r: number, c: number): void => {
    setCell({ r, c });
    select(r, { toggle: e.ctrlKey || e.metaKey, range: e.shiftKey });
  };

  const openMenu = (r: number, c: number, at: { x: number; y: number }): void => {
    setCell({ r, c });
    // The menu acts on the selection when the cell is in it, else on the cell's row alone (as file lists do).
    if (!selected.has(sorted[r]!)) select(r, {});
    setMenuAt(at);
  };

  const target = (): CellTarget | null => {
    const row = sorted[cell.r];
    const column = columns[cell.c];
    if (!row || !column) return null;
    return { row, column, selected: selected.has(row) ? sorted.filter((x) => selected.has(x)) : [row] };
  };

  const copy = (text: string): void => void navigator.clipboard?.writeText(text);
  const rowText = (row: Row): string => columns.map((c) => cellText(row[c.name])).join('\t');

  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (menuAt) return;
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
    else if (e.key === ' ') { select(cell.r, { toggle: true }); e.preventDefault(); }
    else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') { setSelected(new Set(sorted)); e.preventDefault(); }
    else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      const el = grid.current?.querySelector('.op-cell-current')?.getBoundingClientRect();
      openMenu(cell.r, cell.c, el ? { x: el.left + 8, y: el.bottom } : { x: 40, y: 40 });
      e.preventDefault();
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c') {
      const row = sorted[cell.r];
      if (!row) return;
      copy(e.shiftKey ? rowText(row) : cellText(row[columns[cell.c]!.name]));
      e.preventDefault();
    }
  };

  const menuTarget = menuAt ? target() : null;
  const items: MenuItem[] = menuTarget ? [
    { label: 'Copy', run: () => copy(cellText(menuTarget.row[menuTarget.column.name])) },
    { label: 'Copy row', run: () => copy(menuTarget.selected.map(rowText).join('\n')) },
    ...(menu?.(menuTarget) ?? []),
  ] : [];

  return (
    <div ref={grid} className="op-grid" role="grid" aria-label="Results" aria-multiselectable aria-rowcount={sorted.length + 1} aria-colcount={columns.length} tabIndex={0} onKeyDown={onKey}>
      <div ref={scroller} className="op-grid-body">
        <div role="row" className="op-grid-head" aria-rowindex={1}>
          {columns.map((c, j) => (
            <div key={c.name} role="columnheader" style={width(j)} aria-colindex={j + 1} aria-sort={sort?.col === c.name ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
              <button type="button" onClick={() => setSort(sort?.col === c.name ? { col: c.name, desc: !sort.desc } : { col: c.name, desc: false })}
                onContextMenu={(e) => { e.preventDefault(); setHeaderAt({ x: e.clientX, y: e.clientY, column: c }); }}
                onKeyDown={(e) => { if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) { e.preventDefault(); e.stopPropagation(); const r = e.currentTarget.getBoundingClientRect(); setHeaderAt({ x: r.left, y: r.bottom, column: c }); } }}>{c.name}</button>
            </div>
          ))}
        </div>
        <div style={{ height: virtual.getTotalSize(), width: totalWidth, position: 'relative' }}>
          {virtual.getVirtualItems().map((v) => {
            const row = sorted[v.index]!;
            return (
              <div key={v.key} role="row" aria-rowindex={v.index + 2} aria-selected={selected.has(row)} className={selected.has(row) ? 'op-grid-row op-row-selected' : 'op-grid-row'} style={{ position: 'absolute', top: 0, transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}>
                {columns.map((c, j) => (
                  <div key={c.name} role="gridcell" style={width(j)} title={cellText(row[c.name])} aria-colindex={j + 1} aria-selected={cell.r === v.index && cell.c === j} className={cell.r === v.index && cell.c === j ? 'op-cell-current' : undefined}
                    onClick={(e) => onCellClick(e, v.index, j)} onContextMenu={(e) => { e.preventDefault(); openMenu(v.index, j, { x: e.clientX, y: e.clientY }); }}>
                    {cellText(row[c.name])}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      {headerAt && <CellMenu at={headerAt} label="Column actions" onClose={() => { setHeaderAt(null); grid.current?.focus(); }} items={[
        { label: 'Sort ascending', run: () => setSort({ col: headerAt.column.name, desc: false }) },
        { label: 'Sort descending', run: () => setSort({ col: headerAt.column.name, desc: true }) },
        ...(headerMenu?.(headerAt.column) ?? []),
      ]} />}
      {menuAt && <CellMenu at={menuAt} items={items} onClose={() => { setMenuAt(null); grid.current?.focus(); }} />}
    </div>
  );
}
