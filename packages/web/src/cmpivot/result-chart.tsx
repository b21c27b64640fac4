import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { TitleComponent, TooltipComponent, LegendComponent, GridComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only the charts `render` can ask for, drawn as SVG: a fraction of ECharts' full build.
echarts.use([BarChart, LineChart, PieChart, ScatterChart, TitleComponent, TooltipComponent, LegendComponent, GridComponent, SVGRenderer]);
import type { Column, Row } from './results-grid.js';

/** What `render` asked for: the chart kind and its `with (...)` properties. */
export interface ChartRequest { readonly type: string; readonly title?: string }

const KINDS: Readonly<Record<string, 'bar' | 'line' | 'pie' | 'scatter'>> = {
  barchart: 'bar', columnchart: 'bar', piechart: 'pie', linechart: 'line', timechart: 'line', areachart: 'line', stackedareachart: 'line', scatterchart: 'scatter',
};

/**
 * A chart of the result, as CMPivot draws it: the first column names the categories (or the x axis),
 * each numeric column is a series. Loaded lazily with ECharts, so the first page stays small.
 */
export default function ResultChart({ chart, columns, rows }: { readonly chart: ChartRequest; readonly columns: readonly Column[]; readonly rows: readonly Row[] }): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const c = echarts.init(host.current!, undefined, { renderer: 'svg' });
    const kind = KINDS[chart.type] ?? 'bar';
    const x = columns[0]?.name ?? '';
    const numeric = columns.slice(1).filter((col) => ['long', 'int', 'real', 'decimal'].includes(col.type));
    const labels = rows.map((r) => String(r[x] ?? ''));
    const horizontal = chart.type === 'barchart';
    const option: echarts.EChartsCoreOption = kind === 'pie'
      ? { title: { text: chart.title ?? '' }, tooltip: {}, series: [{ type: 'pie', data: rows.map((r, i) => ({ name: labels[i], value: Number(r[numeric[0]?.name ?? ''] ?? 0) })) }] }
      : {
          title: { text: chart.title ?? '' }, tooltip: {}, legend: {},
          [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: labels },
          [horizontal ? 'xAxis' : 'yAxis']: { type: 'value' },
          series: numeric.map((col) => ({ name: col.name, type: kind, data: rows.map((r) => Number(r[col.name] ?? 0)), ...(chart.type.includes('area') ? { areaStyle: {} } : {}) })),
        };
    c.setOption(option);
    return () => c.dispose();
  }, [chart, columns, rows]);
  return <div ref={host} className="op-chart" role="img" aria-label={`${chart.type}${chart.title ? `: ${chart.title}` : ''}`} />;
}
