import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '@openpivot/kql';
import { ENTITIES, CATALOG, findEntity } from './catalog.js';
import { renderEntitiesDoc } from './render-docs.js';

describe('the entity catalog', () => {
  it('declares each entity once, with Device first and typed, documented columns', () => {
    expect(ENTITIES.length).toBeGreaterThan(30);
    for (const e of ENTITIES) {
      expect(e.columns[0], e.name).toMatchObject({ name: 'Device', type: 'string' });
      expect(e.description.length, e.name).toBeGreaterThan(0);
      expect(e.platforms.length, e.name).toBeGreaterThan(0);
      for (const c of e.columns) expect(c.doc.length, `${e.name}.${c.name}`).toBeGreaterThan(0);
    }
  });

  it('lists every spec file in specs/index.ts', () => {
    const dir = fileURLToPath(new URL('./specs/', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'));
    expect(ENTITIES.length).toBe(files.length);
  });

  it('marks the entities that read private data as sensitive', () => {
    for (const name of ['File', 'FileContent', 'EventLog', 'Environment']) {
      expect(findEntity(name)?.permission, name).toBe('sensitive');
    }
  });

  it('has examples that bind against the catalog', () => {
    for (const e of ENTITIES) {
      for (const x of e.examples) {
        const errors = analyze(x, { catalog: CATALOG }).diagnostics.filter((d) => d.severity === 'error');
        expect(errors, `${e.name}: ${x}`).toEqual([]);
      }
    }
  });

  it('keeps docs/entities.md up to date (npm run docs:entities)', () => {
    const path = fileURLToPath(new URL('../../../docs/entities.md', import.meta.url));
    expect(readFileSync(path, 'utf8')).toBe(renderEntitiesDoc(ENTITIES));
  });
});
