// Loads the agent as a device would (catalog and providers), lets it settle, prints its RSS in bytes.
import { ENTITIES } from '../packages/entities/src/index.js';
import { LINUX_PROVIDERS } from '../packages/agent/src/providers/linux/index.js';

void ENTITIES.length;
void LINUX_PROVIDERS.length;
await new Promise((r) => setTimeout(r, 500));
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write(`${process.memoryUsage().rss}\n`);
