// The idle probe of bench:agent: loads the agent as a device would (catalog and every Linux provider),
// lets it settle, prints its RSS in bytes. Run two ways, so the two figures measure the same code:
// bundled by scripts/build.mjs into dist/agent-idle.mjs (plain JavaScript, as a device runs it) and
// through tsx from this source.
import { ENTITIES } from '../packages/entities/src/index.js';
import { LINUX_PROVIDERS } from '../packages/agent/src/providers/linux/index.js';

void ENTITIES.length;
void LINUX_PROVIDERS.length;
await new Promise((r) => setTimeout(r, 500));
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write(`${process.memoryUsage().rss}\n`);
