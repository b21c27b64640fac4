import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, ensureWebBuilt, ROOT } from './chromium.js';
import { spawnSite, spawnOpenpivot, enrollToken, tempDir, ADMIN_PASSWORD, type SiteProc, type Proc } from '../site/harness.js';

/**
 * The site console in a real Chromium (Debian's, driven by playwright-core) against a real site process
 * and simulated devices: a collection query shows the Query Summary's counts and device lists, and
 * Device Pivot opens a CMPivot scoped to one device. Screenshots go to test-output/web/.
 */
const SHOTS = `${ROOT}test-output/web`;
let site: SiteProc;
let fleet: Proc;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(SHOTS, { recursive: true });
  site = await spawnSite();
  fleet = spawnOpenpivot(['agent', '--simulate', '4', '--site', site.url, '--token', await enrollToken(site.storeArgs, 4), '--data', tempDir('console-fleet')]);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await fleet?.kill();
  await site?.kill();
});

const shot = (name: string): Promise<Buffer> => page.screenshot({ path: `${SHOTS}/site-console-${name}.png` });

describe('the site console', () => {
  it('runs a query on a collection: summary counts, device lists, and Device Pivot', async () => {
    await page.goto(`${site.url}/console/`);
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Collections' }).waitFor();
    await shot('1-collections');
    // Every simulated device has enrolled before the query, so all four are targeted.
    await expect.poll(async () => (await fetch(`${site.url}/AdminService/v1.0/Device`, { headers: { authorization: `Basic ${Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')}` } }).then((r) => r.json() as Promise<{ value: { IsOnline: boolean }[] }>)).value.filter((d) => d.IsOnline).length, { timeout: 30_000 }).toBe(4);
    await page.getByRole('button', { name: 'Start CMPivot on All Systems' }).click();
    const editor = page.getByRole('textbox', { name: 'Query' });
    await editor.click();
    await page.keyboard.type('Device | project Model');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => page.getByRole('status').first().textContent(), { timeout: 30_000 }).toMatch(/^4 rows in/);
    const summary = page.getByRole('region', { name: 'Query Summary' });
    await summary.getByRole('button', { name: 'completed: 4' }).click();
    await shot('2-summary');
    const devices = page.getByRole('table', { name: 'Devices completed' });
    await expect.poll(async () => devices.getByRole('row').count()).toBe(5);
    await expect.poll(async () => page.getByRole('grid', { name: 'Results' }).getByRole('row').count()).toBe(5);
    const first = (await devices.getByRole('row').nth(1).getByRole('cell').first().textContent())!;
    await page.getByRole('button', { name: `Device Pivot on ${first}` }).click();
    await page.getByRole('heading', { name: /^CMPivot — device \d+$/ }).waitFor();
    await shot('3-device-pivot');
    await page.getByRole('textbox', { name: 'Query' }).click();
    await page.keyboard.type('Device | project Model');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => page.getByRole('status').first().textContent(), { timeout: 30_000 }).toMatch(/^1 rows in/);
    await shot('4-device-pivot-result');
  });
});
