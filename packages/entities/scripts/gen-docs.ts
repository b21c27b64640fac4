// Writes docs/entities.md from the entity catalog. Run with `npm run docs:entities`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENTITIES } from '../src/catalog.js';
import { renderEntitiesDoc } from '../src/render-docs.js';

const target = fileURLToPath(new URL('../../../docs/entities.md', import.meta.url));
writeFileSync(target, renderEntitiesDoc(ENTITIES));
console.log(`wrote ${target} (${ENTITIES.length} entities)`);
