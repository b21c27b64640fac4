import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { TitleComponent, TooltipComponent, LegendComponent, GridComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only the charts `render` can ask for, drawn as SVG: a fraction of ECharts' full build.
echarts.use([BarChart, LineChart, PieChart, ScatterChart, TitleComponent, TooltipComponent, LegendComponent, GridComponent, SVGRenderer]);
import type { Column, Row } from './table-text.js';
import { chartOption, type ChartRequest } from './chart-options.js';

export type { ChartRequest } from './chart-options.js';

/** A chart of the result (see chartOption), drawn as SVG; loaded lazily with ECharts, so the first page stays small. */
export default function ResultChart({ chart, columns, rows }: { readonly chart: ChartRequest; readonly columns: readonly Column[]; readonly rows: readonly Row[] }): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const c = echarts.init(host.current!, undefined, { renderer: 'svg' });
    c.setOption(chartOption(chart, columns, rows));
    return () => c.dispose();
  }, [chart, columns, rows]);
  return <div ref={host} className="op-chart" role="img" aria-label={`${chart.type}${chart.title ? `: ${chart.title}` : ''}`} />;
}
