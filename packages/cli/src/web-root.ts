import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the built web app is: `dist/web` beside the bundle (`dist/openpivot.mjs`), or at the repository's
 * `dist/web` when the sources run through tsx. Undefined when it was never built (the servers then say so).
 */
export function webRoot(): string | undefined {
  for (const rel of ['./web/', '../../../dist/web/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  return undefined;
}
