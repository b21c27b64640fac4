import { describe, it, expect } from 'vitest';
import { cellText, columnWidths, toCsv, toTsv } from './table-text.js';

const columns = [{ name: 'Name', type: 'string' }, { name: 'Bag', type: 'dynamic' }, { name: 'N', type: 'long' }];
const rows = [{ Name: 'a, "b"', Bag: { k: [1, 2] }, N: 3 }, { Name: 'line\none\tx', Bag: null, N: null }];

describe('a result as text', () => {
  it('writes RFC 4180 CSV: quotes fields with commas, quotes or line breaks, doubles quotes, CRLF rows', () => {
    expect(toCsv(columns, rows)).toBe('Name,Bag,N\r\n"a, ""b""","{""k"":[1,2]}",3\r\n"line\none\tx",,\r\n');
  });

  it('copies tab-separated text a spreadsheet pastes into cells: commas kept, tabs and line breaks in a value made spaces', () => {
    expect(toTsv(columns, rows)).toBe('Name\tBag\tN\r\na, "b"\t{"k":[1,2]}\t3\r\nline one x\t\t\r\n');
  });

  it('shows null as empty and dynamic values as JSON', () => {
    expect([cellText(null), cellText(undefined), cellText({ a: 1 }), cellText(false)]).toEqual(['', '', '{"a":1}', 'false']);
  });

  it('sizes columns to their text, between a minimum and a maximum, from the first rows only', () => {
    const cols = [{ name: 'N', type: 'long' }, { name: 'Caption', type: 'string' }, { name: 'Long', type: 'string' }];
    const many = Array.from({ length: 1000 }, (_, i) => ({ N: i, Caption: 'Debian GNU/Linux 12 (bookworm)', Long: i === 999 ? 'x'.repeat(500) : 'short' }));
    expect(columnWidths(cols, many)).toEqual([72, 30 * 8 + 20, 72]);
    expect(columnWidths(cols, [{ N: 1, Caption: 'y'.repeat(100), Long: '' }])).toEqual([72, 480, 72]);
  });
});
