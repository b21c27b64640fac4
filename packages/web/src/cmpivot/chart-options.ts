import type { Column, Row } from './table-text.js';

/** What `render` asked for: the chart kind and its `with (...)` properties. */
export interface ChartRequest { readonly type: string; readonly title?: string }

type SeriesKind = 'bar' | 'line' | 'pie' | 'scatter';
const KINDS: Readonly<Record<string, SeriesKind>> = {
  barchart: 'bar', columnchart: 'bar', piechart: 'pie', linechart: 'line', timechart: 'line', areachart: 'line', stackedareachart: 'line', scatterchart: 'scatter',
};
const NUMERIC = new Set(['long', 'int', 'real', 'decimal']);

/**
 * The ECharts option for a result, as Kusto's `render` draws it: the first column is the x axis (categories;
 * time for a datetime column, numbers for a numeric one on line and scatter charts), each other numeric
 * column a series; `barchart` is horizontal, `columnchart` vertical; area charts fill, stacked ones stack;
 * a pie takes the first numeric column. Points on a time or number axis are sorted by x, as Kusto's are.
 */
export function chartOption(chart: ChartRequest, columns: readonly Column[], rows: readonly Row[]): Record<string, unknown> {
  const kind = KINDS[chart.type] ?? 'bar';
  const first = columns[0];
  const xName = first?.name ?? '';
  const series = columns.slice(1).filter((c) => NUMERIC.has(c.type));
  const title = { text: chart.title ?? '' };
  const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
  if (kind === 'pie') {
    const value = series[0]?.name ?? '';
    return { title, tooltip: {}, legend: { type: 'scroll', icon: 'rect' }, series: [{ type: 'pie', data: rows.map((r) => ({ name: String(r[xName] ?? ''), value: num(r[value]) ?? 0 })) }] };
  }
  const axis = kind === 'bar' || !first ? 'category' : first.type === 'datetime' ? 'time' : NUMERIC.has(first.type) ? 'value' : 'category';
  const fill = chart.type.includes('area') ? { areaStyle: {} } : {};
  const stack = chart.type === 'stackedareachart' ? { stack: 'total' } : {};
  if (axis === 'category') {
    const horizontal = chart.type === 'barchart';
    return {
      title, tooltip: { trigger: 'axis' }, legend: {},
      [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: rows.map((r) => String(r[xName] ?? '')) },
      [horizontal ? 'xAxis' : 'yAxis']: { type: 'value' },
      series: series.map((c) => ({ name: c.name, type: kind, data: rows.map((r) => num(r[c.name])), ...fill, ...stack })),
    };
  }
  const x = (r: Row): number => (axis === 'time' ? Date.parse(String(r[xName])) : Number(r[xName]));
  const sorted = rows.filter((r) => Number.isFinite(x(r))).sort((a, b) => x(a) - x(b));
  return {
    title, tooltip: { trigger: kind === 'scatter' ? 'item' : 'axis' }, legend: {},
    xAxis: { type: axis, scale: axis === 'value' }, yAxis: { type: 'value' },
    series: series.map((c) => ({ name: c.name, type: kind, showSymbol: kind === 'scatter' || sorted.length < 50, data: sorted.map((r) => [x(r), num(r[c.name])]), ...fill, ...stack })),
  };
}
