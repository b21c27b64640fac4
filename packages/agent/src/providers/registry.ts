import type { Platform } from '@openpivot/entities';
import type { Provider } from './provider.js';
import { LINUX_PROVIDERS } from './linux/index.js';
import { WINDOWS_PROVIDERS } from './windows/index.js';

/** The providers for a platform; two for one entity is a programming error, refused at load. */
export function providersFor(platform: Platform): readonly Provider[] {
  const list = platform === 'windows' ? WINDOWS_PROVIDERS : LINUX_PROVIDERS;
  const seen = new Set<string>();
  for (const p of list) {
    if (seen.has(p.entity)) throw new Error(`Two ${platform} providers for the entity '${p.entity}'.`);
    seen.add(p.entity);
  }
  return list;
}

/** This machine's platform, as the catalog names it. */
export function currentPlatform(nodePlatform: string): Platform {
  return nodePlatform === 'win32' ? 'windows' : 'linux';
}
