import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Debian's Chromium through playwright-core (no browser download here). Without the background-networking
 * flags Chromium keeps reaching for Google's hosts, which this machine's closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The web app as users get it: built into dist/web (by npm ci); built here when a test runs before any build. */
export function ensureWebBuilt(): void {
  if (!existsSync(`${ROOT}dist/web/index.html`)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
}

/** A request the app may make: to the server it came from, or data held in the page (data:, blob:). */
export function sameMachine(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url === origin || url.startsWith('data:') || url.startsWith('blob:');
}
