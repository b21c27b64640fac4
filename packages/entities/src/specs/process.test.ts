import { analyze } from '@openpivot/kql';
import { describe, expect, it } from 'vitest';
import { toTableSchema, type EntitySpec } from '../define-entity.js';
import { Administrators } from './administrators.js';
import { AutoStartSoftware } from './auto-start-software.js';
import { Environment } from './environment.js';
import { InstalledSoftware } from './installed-software.js';
import { ProcessModule } from './process-module.js';
import { Process } from './process.js';
import { Service } from './service.js';
import { User } from './user.js';

// Process and the other system entities written with it: their examples must bind as written.
const SPECS: EntitySpec[] = [Process, ProcessModule, Service, AutoStartSoftware, InstalledSoftware, Administrators, User, Environment];
const catalog = { tables: SPECS.map(toTableSchema) };

describe('system entity specs', () => {
  for (const spec of SPECS) {
    it(`${spec.name}: examples bind, Device comes first`, () => {
      expect(spec.columns[0]!.name).toBe('Device');
      expect(spec.examples.length).toBeGreaterThanOrEqual(2);
      for (const q of spec.examples) {
        const errors = analyze(q, { catalog }).diagnostics.filter((d) => d.severity === 'error');
        expect(errors.map((e) => e.message), q).toEqual([]);
      }
    });
  }

  it('Environment is sensitive; ProcessModule needs its name', () => {
    expect(Environment.permission).toBe('sensitive');
    expect(ProcessModule.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([['name', false]]);
  });
});
