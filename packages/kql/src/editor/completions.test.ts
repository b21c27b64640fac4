import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { complete, completeOrThrow, type CompletionResult } from './completions.js';
import type { Catalog } from '../types/schema.js';
import { OPERATOR_KEYWORDS } from '../parser/parse.js';

const catalog: Catalog = {
  tables: [
    {
      name: 'Process',
      doc: 'Running processes.',
      columns: [
        { name: 'Name', type: 'string', doc: 'The image name.' },
        { name: 'ProcessId', type: 'long' },
        { name: 'Device', type: 'string' },
      ],
    },
    {
      name: 'File',
      doc: 'Files at a path.',
      parameters: [{ name: 'path', type: 'string' }],
      columns: [
        { name: 'FileName', type: 'string' },
        { name: 'Size', type: 'long' },
        { name: 'Device', type: 'string' },
      ],
    },
  ],
};

/** `§` marks the cursor; without it the cursor is at the end. */
function at(marked: string, dialect?: 'kusto'): CompletionResult & { labels: string[] } {
  const offset = marked.includes('§') ? marked.indexOf('§') : marked.length;
  const r = complete(marked.replace('§', ''), offset, { catalog, ...(dialect ? { dialect } : {}) });
  return { ...r, labels: r.items.map((i) => i.label) };
}

describe('complete: sources', () => {
  it('offers tables and statement keywords in an empty text', () => {
    const r = at('');
    expect(r.labels).toEqual(expect.arrayContaining(['Process', 'File', 'let', 'datatable', 'print', 'range', 'union']));
    expect(r).toMatchObject({ from: 0, to: 0 });
    expect(at('let T = u').labels).toContain('union');
  });

  it('replaces the whole first word when the cursor is at 0', () => {
    const r = at('§Process | take 1');
    expect(r).toMatchObject({ from: 0, to: 7 });
    expect(r.labels).toContain('Process');
  });

  it('filters tables by the typed prefix, case-insensitively', () => {
    const r = at('pro');
    expect(r.labels[0]).toBe('Process');
    expect(r.labels).not.toContain('File');
    expect(r).toMatchObject({ from: 0, to: 3 });
  });

  it('inserts an argument list for entities with parameters', () => {
    const file = at('').items.find((i) => i.label === 'File')!;
    expect(file).toMatchObject({ kind: 'table', insertText: "File('')", detail: 'File(path: string)', doc: 'Files at a path.' });
  });

  it('offers tables and let-bound tables after a let statement', () => {
    const r = at('let T = Process; let n = 5; ');
    expect(r.labels).toEqual(expect.arrayContaining(['T', 'Process', 'File']));
    expect(r.labels).not.toContain('n');
    expect(r.items.find((i) => i.label === 'T')!.kind).toBe('table');
  });

  it('offers tables and functions after let x =', () => {
    const r = at('let x = ');
    expect(r.labels).toEqual(expect.arrayContaining(['Process', 'File', 'datatable', 'now']));
    expect(r.labels).not.toContain('let');
  });

  it('offers nothing where a let name is being written', () => {
    expect(at('let ').items).toEqual([]);
  });

  it('offers tables inside the parentheses of a join', () => {
    const r = at('Process | join (');
    expect(r.labels).toEqual(expect.arrayContaining(['Process', 'File']));
    expect(r.labels).not.toContain('where');
  });

  it('offers tables after union', () => {
    expect(at('union ').labels).toEqual(expect.arrayContaining(['Process', 'File']));
    expect(at('Process | union Fi').labels).toEqual(['File']);
  });

  it('keeps the catalog spelling of entity names in the cmpivot dialect', () => {
    expect(at('PROC').labels).toEqual(['Process']);
  });
});

describe('complete: operators', () => {
  it('offers every tabular operator after a pipe, each documented', () => {
    const r = at('Process | ');
    for (const op of ['where', 'project', 'project-away', 'project-keep', 'project-rename', 'project-reorder', 'extend', 'summarize',
      'count', 'distinct', 'order by', 'sort by', 'top', 'take', 'limit', 'join', 'union', 'mv-expand', 'parse', 'render', 'serialize']) {
      const item = r.items.find((i) => i.label === op);
      // Written for the operator, not the generic line an undocumented parser keyword gets.
      expect(item?.doc, op).not.toMatch(/^The .* operator\.$/);
    }
    expect(r.items.every((i) => i.kind === 'operator' && i.doc.length > 0)).toBe(true);
    expect(r).toMatchObject({ from: 10, to: 10 });
  });

  it('covers every operator keyword of the parser (or its alias)', () => {
    const labels = at('Process | ').labels;
    const aliases: Record<string, string> = { filter: 'where', mvexpand: 'mv-expand', order: 'order by', sort: 'sort by' };
    for (const k of OPERATOR_KEYWORDS) expect(labels).toContain(aliases[k] ?? k);
  });

  it('treats a hyphenated operator as one word', () => {
    const r = at('Process | project-a');
    expect(r.labels).toEqual(['project-away']);
    expect(r).toMatchObject({ from: 10, to: 19 });
  });

  it('works right after a pipe without a space, and on later lines', () => {
    expect(at('Process |').labels).toContain('where');
    expect(at('Process\n| where Name == "x" // note\n| summarize count() by Device\n| ').labels).toContain('render');
  });
});

describe('complete: expressions', () => {
  it('offers matching columns and functions while a name is typed', () => {
    const r = at('Process | where Na');
    expect(r.labels[0]).toBe('Name');
    expect(r.labels).not.toContain('ProcessId');
    expect(r).toMatchObject({ from: 16, to: 18 });
    expect(r.items[0]).toMatchObject({ kind: 'column', detail: 'string', doc: 'The image name.' });
  });

  it('replaces the whole word when the cursor is inside it', () => {
    const r = at('Process | where Na§me == "x"');
    expect(r).toMatchObject({ from: 16, to: 20 });
    expect(r.labels[0]).toBe('Name');
  });

  it('lists columns before functions', () => {
    const r = at('Process | where ');
    expect(r.labels.slice(0, 3)).toEqual(['Name', 'ProcessId', 'Device']);
    expect(r.labels).toContain('strlen');
    expect(r.labels).not.toContain('count');
    expect(r.labels.indexOf('strlen')).toBeGreaterThan(r.labels.indexOf('Device'));
  });

  it('sees only the columns a project kept', () => {
    const r = at('Process | project Name | where ');
    expect(r.labels).toContain('Name');
    expect(r.labels).not.toContain('ProcessId');
  });

  it('sees the columns an extend added', () => {
    expect(at('Process | extend x = 1 | where ').labels).toContain('x');
  });

  it('sees the columns of a let-bound datatable', () => {
    const r = at('let T = datatable(a:long)[1]; T | where ');
    expect(r.labels[0]).toBe('a');
    expect(r.labels).not.toContain('Name');
  });

  it('offers scalar let names as variables', () => {
    const r = at('let limit = 5; Process | where ProcessId > ');
    expect(r.items.find((i) => i.label === 'limit')?.kind).toBe('variable');
  });

  it('offers columns after comparison and logical operators, and inside calls', () => {
    expect(at('Process | where Name == "a" and ').labels).toContain('ProcessId');
    expect(at('Process | where strlen(').labels).toContain('Name');
    expect(at('Process | where ProcessId in (').labels).toContain('ProcessId');
    expect(at('Process | extend y = ').labels).toContain('Device');
  });

  it('offers infix operators after a complete operand', () => {
    const r = at('Process | where Name ');
    expect(r.labels).toEqual(expect.arrayContaining(['and', 'or', 'has', 'contains', 'in', 'between']));
    expect(r.labels).not.toContain('Name');
    expect(at('Process | where Name !ha').labels).toEqual(['!has']);
  });

  it('quotes column names that are not plain identifiers', () => {
    const c = at("datatable(['a b']:long)[1] | where ").items[0]!;
    expect(c).toMatchObject({ label: 'a b', kind: 'column', detail: 'long', insertText: "['a b']" });
  });

  it('reads the scope of a let value being written before later statements', () => {
    const r = at('let T = Process | where §; T | take 1');
    expect(r.labels.slice(0, 3)).toEqual(['Name', 'ProcessId', 'Device']);
  });

  it('offers the columns of print and range sources', () => {
    expect(at('print x = 1 | where ').labels[0]).toBe('x');
    expect(at('range y from 1 to 10 step 1 | where ').labels[0]).toBe('y');
  });

  it('uses the subquery as the scope inside a join', () => {
    const r = at("Process | join (File('c:\\\\x') | where ");
    expect(r.labels).toEqual(expect.arrayContaining(['FileName', 'Size', 'Device']));
    expect(r.labels).not.toContain('ProcessId');
  });

  it('still works after syntax errors before the cursor', () => {
    expect(at('Process | where ((( | where ').labels).toContain('ProcessId');
    expect(at('Process | where Name == == | extend z = 1 | where ').labels).toContain('z');
    expect(at('Process | bogus x y | ').labels).toContain('where');
  });
});

describe('complete: summarize, sort, join, render', () => {
  it('offers aggregates first after summarize', () => {
    const r = at('Process | summarize ');
    expect(r.items[0]!.kind).toBe('aggregate');
    expect(r.labels).toEqual(expect.arrayContaining(['count', 'dcount', 'sum', 'Name', 'strlen']));
    expect(r.items.find((i) => i.label === 'count')).toMatchObject({ insertText: 'count()', detail: 'count()' });
    expect(at('Process | summarize n = count(), ').items[0]!.kind).toBe('aggregate');
    // `summarize by Name` needs no aggregate, so `by` is offered where the first one could go (as Kusto does).
    expect(r.labels).toContain('by');
    expect(at('Process | summarize n = count(), ').labels).not.toContain('by');
  });

  it('offers by after an aggregate and columns after by', () => {
    expect(at('Process | summarize count() ').labels).toEqual(['by']);
    const r = at('Process | summarize count() by ');
    expect(r.labels.slice(0, 3)).toEqual(['Name', 'ProcessId', 'Device']);
    expect(r.labels).toContain('bin');
    expect(r.labels).not.toContain('dcount');
  });

  it('offers sort directions after a sort key', () => {
    expect(at('Process | order ').labels).toEqual(['by']);
    expect(at('Process | order by ').labels).toContain('Name');
    expect(at('Process | order by Name ').labels).toEqual(['asc', 'desc', 'nulls first', 'nulls last']);
    expect(at('Process | sort by Name desc ').labels).toEqual(['nulls first', 'nulls last']);
    expect(at('Process | top 5 by ProcessId asc nulls ').labels).toEqual(['first', 'last']);
  });

  it('offers join kinds after kind=', () => {
    const r = at('Process | join kind=');
    expect(r.labels).toEqual(['innerunique', 'inner', 'leftouter', 'rightouter', 'fullouter', 'leftanti', 'rightanti', 'leftsemi', 'rightsemi']);
    expect(at('Process | join kind=left').labels).toEqual(['leftouter', 'leftanti', 'leftsemi']);
    expect(at('Process | join ').labels).toEqual(expect.arrayContaining(['kind=', 'File', 'Process']));
  });

  it('offers both sides\' columns in the join condition', () => {
    const r = at("Process | join kind=inner (File('x')) on ");
    expect(r.labels).toEqual(expect.arrayContaining(['Name', 'FileName', '$left', '$right']));
    expect(at("Process | join (File('x')) on $left.").labels).toEqual(['Name', 'ProcessId', 'Device']);
    expect(at("Process | join (File('x')) on $right.").labels).toEqual(['FileName', 'Size', 'Device']);
    expect(at("Process | join (File('x')) ").labels).toEqual(['on']);
  });

  it('offers chart kinds after render and properties in with (...)', () => {
    const r = at('Process | render ');
    expect(r.labels).toEqual(expect.arrayContaining(['barchart', 'columnchart', 'piechart', 'timechart']));
    expect(at('Process | render barchart ').labels).toEqual(['with']);
    expect(at('Process | render piechart with (').labels).toEqual(expect.arrayContaining(['kind', 'title', 'xtitle', 'ytitle']));
    expect(at('Process | render columnchart with (title="x", kind=').labels).toContain('stacked');
  });

  it('offers columns only where only columns may stand', () => {
    expect(at('Process | project-away ').labels).toEqual(['Name', 'ProcessId', 'Device']);
    expect(at('Process | project-rename n = ').labels).toEqual(['Name', 'ProcessId', 'Device']);
  });

  it('offers columns and functions after mv-expand, which expands an expression too', () => {
    expect(at('Process | mv-expand ').labels).toEqual(expect.arrayContaining(['Name', 'ProcessId', 'pack_array']));
  });

  it('offers columns, functions and * after distinct, which takes expressions as project does', () => {
    expect(at('Process | distinct ').labels).toEqual(expect.arrayContaining(['Name', 'tolower', '*']));
    expect(at('Process | distinct Name, ').labels).toEqual(expect.arrayContaining(['ProcessId', 'strlen']));
    expect(at('Process | distinct Name, ').labels).not.toContain('*');
    expect(at('Process | distinct Name ').labels).toContain('contains');
  });

  it('offers types in a datatable schema and range keywords', () => {
    expect(at('datatable(a:').labels).toEqual(expect.arrayContaining(['long', 'string', 'datetime']));
    expect(at('range x ').labels).toEqual(['from']);
    expect(at('range x from 1 ').labels).toEqual(['to']);
  });
});

describe('complete: nothing to offer', () => {
  it('offers nothing inside a string or a comment', () => {
    expect(at("Process | where Name == 'ab§c'").items).toEqual([]);
    expect(at('Process | where Name == "ab').items).toEqual([]);
    expect(at('Process // com§ment\n| take 1').items).toEqual([]);
    expect(at('Process | where t > datetime(2024-01§').items).toEqual([]);
  });

  it('offers nothing where a number is expected', () => {
    expect(at('Process | take ').items).toEqual([]);
    expect(at('Process | take 1').items).toEqual([]);
  });

  it('clamps offsets out of range and never throws', () => {
    const text = 'Process | where ';
    expect(complete(text, 1000, { catalog })).toMatchObject({ from: text.length, to: text.length });
    expect(complete(text, -5, { catalog })).toMatchObject({ from: 0, to: 7 });
    expect(complete(text, Number.NaN).items.length).toBeGreaterThanOrEqual(0);
    expect(complete('', 3).from).toBe(0);
  });
});

describe('complete: golden queries', () => {
  const root = fileURLToPath(new URL('../../test/golden/', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : n.endsWith('.kql') ? [p] : [];
    });

  it('never throws at any offset of any golden query', () => {
    const all = files(root);
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) {
      const text = readFileSync(f, 'utf8');
      for (let i = 0; i <= text.length; i++) {
        const r = completeOrThrow(text, i, { catalog });
        expect(r.from).toBeLessThanOrEqual(i);
        expect(r.to).toBeGreaterThanOrEqual(i);
      }
    }
  }, 120_000);
});
