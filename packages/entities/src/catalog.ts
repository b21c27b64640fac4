import type { EntitySpec } from './define-entity.js';
import { toTableSchema } from './define-entity.js';
import type { Catalog } from '@openpivot/kql';
import * as specs from './specs/index.js';

/** Every entity, by name. A name declared twice (in any case) is refused when the module loads. */
export const ENTITIES: readonly EntitySpec[] = (() => {
  const list = (Object.values(specs) as EntitySpec[]).sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Set<string>();
  for (const e of list) {
    const key = e.name.toLowerCase();
    if (seen.has(key)) throw new Error(`The entity '${e.name}' is declared twice.`);
    seen.add(key);
  }
  return list;
})();

/** The catalog the engine binds queries against. */
export const CATALOG: Catalog = { tables: ENTITIES.map(toTableSchema) };

export function findEntity(name: string): EntitySpec | undefined {
  const lower = name.toLowerCase();
  return ENTITIES.find((e) => e.name === name) ?? ENTITIES.find((e) => e.name.toLowerCase() === lower);
}
