import { describe, it, expect } from 'vitest';
import { chartOption } from './chart-options.js';

interface Opt { readonly title?: unknown; readonly xAxis?: unknown; readonly yAxis?: unknown; readonly series: readonly { readonly name?: string; readonly type: string; readonly data: unknown; readonly stack?: string }[] }

const byName = [{ name: 'Name', type: 'string' }, { name: 'count_', type: 'long' }, { name: 'Note', type: 'string' }];
const named = [{ Name: 'a', count_: 3, Note: 'x' }, { Name: 'b', count_: 5, Note: 'y' }];
const overTime = [{ name: 'T', type: 'datetime' }, { name: 'n', type: 'long' }, { name: 'm', type: 'real' }];
const times = [{ T: '2026-11-24T10:00:00Z', n: 2, m: 1.5 }, { T: '2026-11-24T09:00:00Z', n: 1, m: null }];

describe('charts as render draws them', () => {
  it('pies the first numeric column by the first column', () => {
    const o = chartOption({ type: 'piechart', title: 'Models' }, byName, named) as unknown as Opt;
    expect(o.title).toEqual({ text: 'Models' });
    expect(o.series).toEqual([{ type: 'pie', data: [{ name: 'a', value: 3 }, { name: 'b', value: 5 }] }]);
  });

  it('draws barchart horizontally and columnchart vertically, one series per numeric column', () => {
    const bar = chartOption({ type: 'barchart' }, byName, named) as unknown as Opt;
    expect(bar.yAxis).toEqual({ type: 'category', data: ['a', 'b'] });
    expect(bar.series.map((s) => s.name)).toEqual(['count_']);
    const column = chartOption({ type: 'columnchart' }, byName, named) as unknown as Opt;
    expect(column.xAxis).toEqual({ type: 'category', data: ['a', 'b'] });
    expect(column.series[0]).toMatchObject({ type: 'bar', data: [3, 5] });
  });

  it('puts a datetime first column on a time axis, sorted, with nulls kept as gaps', () => {
    const o = chartOption({ type: 'timechart' }, overTime, times) as unknown as Opt;
    expect(o.xAxis).toMatchObject({ type: 'time' });
    const t9 = Date.parse('2026-11-24T09:00:00Z');
    const t10 = Date.parse('2026-11-24T10:00:00Z');
    expect(o.series.map((s) => [s.name, s.type, s.data])).toEqual([['n', 'line', [[t9, 1], [t10, 2]]], ['m', 'line', [[t9, null], [t10, 1.5]]]]);
  });

  it('fills area charts and stacks stacked ones; scatter on a numeric x axis', () => {
    expect((chartOption({ type: 'areachart' }, overTime, times) as unknown as Opt).series[0]).toMatchObject({ areaStyle: {} });
    expect((chartOption({ type: 'areachart' }, overTime, times) as unknown as Opt).series[0].stack).toBeUndefined();
    expect((chartOption({ type: 'stackedareachart' }, overTime, times) as unknown as Opt).series[1]).toMatchObject({ areaStyle: {}, stack: 'total' });
    const scatter = chartOption({ type: 'scatterchart' }, [{ name: 'x', type: 'real' }, { name: 'y', type: 'long' }], [{ x: 2, y: 1 }, { x: 1, y: 4 }]) as unknown as Opt;
    expect(scatter.xAxis).toMatchObject({ type: 'value' });
    expect(scatter.series[0]).toMatchObject({ type: 'scatter', data: [[1, 4], [2, 1]] });
  });
});
