import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, ensureWebBuilt, sameMachine, ROOT } from './chromium.js';
import { spawnSite, spawnOpenpivot, enrollToken, tempDir, addUser, Rest, ADMIN_PASSWORD, type SiteProc, type Proc } from '../site/harness.js';

/**
 * The site console in a real Chromium (Debian's, driven by playwright-core) against a real site process
 * and simulated devices: a collection query with its Query Summary, Device Pivot from the summary and
 * from selected result rows, Show devices with / without, Create collection, the Devices node with
 * selected devices, `cmpivot:` query links, and the audit log for Audit.Read only. Screenshots go to
 * test-output/web/.
 */
const SHOTS = `${ROOT}test-output/web`;
const DEVICES = 4;
let site: SiteProc;
let fleet: Proc;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let admin: Rest;
/** Every request the page made to somewhere other than the site it was served from. */
const outside: string[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  mkdirSync(SHOTS, { recursive: true });
  site = await spawnSite();
  fleet = spawnOpenpivot(['agent', '--simulate', String(DEVICES), '--site', site.url, '--token', await enrollToken(site.storeArgs, DEVICES), '--data', tempDir('console-fleet')]);
  await addUser(site.storeArgs, 'analyst', 'Read-only Analyst', 'analyst-password-1');
  admin = new Rest(site.url, 'admin', ADMIN_PASSWORD);
  // Every simulated device has enrolled before the first query, so all are targeted.
  await admin.waitOnline(DEVICES);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  page = await context.newPage();
  page.on('request', (r) => { if (!sameMachine(r.url(), site.url)) outside.push(r.url()); });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await fleet?.kill();
  await site?.kill();
});

const shot = (name: string): Promise<Buffer> => page.screenshot({ path: `${SHOTS}/site-console-${name}.png` });
const statusLine = (): Promise<string | null> => page.locator('.op-status').textContent();

/** The grid's rows as text (only rendered rows: results here are small). */
async function gridRows(): Promise<string[][]> {
  return page.getByRole('grid', { name: 'Results' }).locator('[role=row]').evaluateAll((rows) => rows
    .filter((r) => r.querySelector('[role=gridcell]'))
    .map((r) => [...r.querySelectorAll('[role=gridcell]')].map((c) => c.textContent ?? '')));
}

async function runQuery(text: string, done: RegExp): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Query' });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(statusLine, { timeout: 30_000 }).toMatch(done);
}

async function signIn(user: string, password: string): Promise<void> {
  await page.goto(`${site.url}/console/#/`);
  if (await page.getByRole('button', { name: 'Sign out' }).count() > 0) await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Collections' }).waitFor();
}

describe('the site console', () => {
  it('runs a query on a collection: status bar, summary counts, device lists, and Device Pivot', async () => {
    await signIn('admin', ADMIN_PASSWORD);
    await shot('1-collections');
    await page.getByRole('button', { name: 'Start CMPivot on All Systems' }).click();
    await page.getByRole('heading', { name: 'CMPivot — All Systems' }).waitFor();
    await runQuery('Device | project Model', new RegExp(`^Query completed on ${DEVICES} of ${DEVICES} clients \\(0 clients offline and 0 failure\\) — ${DEVICES} objects`));
    const summary = page.getByRole('region', { name: 'Query Summary' });
    await summary.getByRole('button', { name: `completed: ${DEVICES}` }).click();
    await shot('2-summary');
    const devices = page.getByRole('table', { name: 'Devices completed' });
    await expect.poll(async () => devices.getByRole('row').count()).toBe(DEVICES + 1);
    expect(await gridRows()).toHaveLength(DEVICES);
    const first = (await devices.getByRole('row').nth(1).getByRole('cell').first().textContent())!;
    await page.getByRole('button', { name: `Device Pivot on ${first}` }).click();
    await page.getByRole('heading', { name: `CMPivot — ${first}` }).waitFor();
    await shot('3-device-pivot');
    await page.getByRole('textbox', { name: 'Query' }).click();
    await page.keyboard.type('Device | project Model');
    await page.keyboard.press('Control+Enter');
    await expect.poll(statusLine, { timeout: 30_000 }).toMatch(/^1 row in/);
    expect((await gridRows()).map((r) => r.at(-1))).toEqual([first]);
    await shot('4-device-pivot-result');
  });

  it('generates Show devices with / without from a cell, as CMPivot does, and runs it', async () => {
    await page.goto(`${site.url}/console/#/collections/SMS00001/cmpivot`);
    await runQuery('Device | project Model, Device', /^Query completed on/);
    const rows = await gridRows();
    const model = rows[0]![0]!;
    const withModel = rows.filter((r) => r[0] === model).map((r) => r[1]).sort();
    await page.getByRole('grid', { name: 'Results' }).getByRole('gridcell', { name: model, exact: true }).first().click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Cell actions' });
    await shot('5-cell-menu');
    await menu.getByRole('menuitem', { name: 'Show devices with', exact: true }).click();
    await expect.poll(statusLine, { timeout: 30_000 }).toMatch(new RegExp(`^Query completed on ${DEVICES} of ${DEVICES} clients`));
    expect(await page.getByRole('textbox', { name: 'Query' }).textContent()).toBe(`Device | summarize countif( (Model == '${model}') ) by Device | where (countif_ > 0)`);
    expect((await gridRows()).map((r) => r[0]).sort()).toEqual(withModel);
    // The same by keyboard: the current cell's menu opens with Shift+F10.
    await page.getByRole('button', { name: 'Previous query' }).click();
    await page.getByRole('button', { name: 'Previous query' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(statusLine, { timeout: 30_000 }).toMatch(/objects/);
    await expect.poll(async () => (await gridRows()).length).toBe(DEVICES);
    const again = await gridRows();
    const current = again[0]![0]!;
    const grid = page.getByRole('grid', { name: 'Results' });
    await grid.focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menuitem', { name: 'Show devices without' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.getByRole('textbox', { name: 'Query' }).textContent()).toMatch(/\| where \(countif_ == 0\) \| project Device$/);
    await expect.poll(statusLine, { timeout: 30_000 }).toMatch(/^Query completed on/);
    expect((await gridRows()).map((r) => r[0]).sort()).toEqual(again.filter((r) => r[0] !== current).map((r) => r[1]).sort());
    await shot('6-show-devices-without');
  });

  it('groups by a column from its header menu, as CMPivot does', async () => {
    await runQuery('Device | project Model, Device', /^Query completed on/);
    const models = (await gridRows()).map((r) => r[0]!);
    await page.getByRole('columnheader', { name: 'Model' }).getByRole('button').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Column actions' }).getByRole('menuitem', { name: 'Group by' }).click();
    await expect.poll(async () => page.getByRole('textbox', { name: 'Query' }).textContent()).toBe('Device | project Model, Device | summarize count() by Model');
    await expect.poll(statusLine, { timeout: 30_000 }).toMatch(/^Query completed on/);
    const counts = new Map<string, number>();
    for (const m of models) counts.set(m, (counts.get(m) ?? 0) + 1);
    const grouped = (await gridRows()).map((r) => [r[0]!, Number(r[1])] as const);
    expect(new Map(grouped)).toEqual(counts);
  });

  it('pivots to the selected result rows and makes a collection of them', async () => {
    await runQuery('Device | project Device, Model', /^Query completed on/);
    const grid = page.getByRole('grid', { name: 'Results' });
    const names = (await gridRows()).slice(0, 2).map((r) => r[0]!);
    await grid.getByRole('gridcell', { name: names[0], exact: true }).click();
    await grid.getByRole('gridcell', { name: names[1], exact: true }).click({ modifiers: ['Control'] });
    expect(await grid.locator('[role=row][aria-selected=true]').count()).toBe(2);
    await grid.getByRole('gridcell', { name: names[1], exact: true }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Create collection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create collection' });
    await dialog.getByLabel('Collection name').fill('Pivoted pair');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByRole('status').waitFor();
    expect(await dialog.getByRole('status').textContent()).toMatch(/^Created the collection Pivoted pair \(\w+\) with 2 devices\.$/);
    await shot('7-collection-created');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const created = (await admin.get('/AdminService/v1.0/Collections')).body.value.find((c: { Name: string }) => c.Name === 'Pivoted pair');
    const members = (await admin.get(`/AdminService/v1.0/Collections('${created.CollectionId}')/Members`)).body.value.map((d: { Name: string }) => d.Name).sort();
    expect(members).toEqual([...names].sort());

    await grid.getByRole('gridcell', { name: names[0], exact: true }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Device Pivot (2 devices)' }).click();
    await page.getByRole('heading', { name: 'CMPivot — 2 devices' }).waitFor();
    await runQuery('Device | project Device', /^Query completed on 2 of 2 clients/);
    expect((await gridRows()).map((r) => r[0]).sort()).toEqual([...names].sort());
    await shot('8-device-pivot-two');
  });

  it('starts CMPivot on devices selected in the Devices node', async () => {
    await page.getByRole('link', { name: 'Devices' }).click();
    const table = page.getByRole('table', { name: 'Devices' });
    await expect.poll(async () => table.getByRole('row').count()).toBe(DEVICES + 1);
    const names = (await table.getByRole('row').locator('td:nth-child(2)').allTextContents()).slice(1, 4);
    for (const n of names) await page.getByRole('checkbox', { name: `Select ${n}` }).check();
    await shot('9-devices-selected');
    await page.getByRole('button', { name: 'Start CMPivot on selected devices' }).click();
    await page.getByRole('heading', { name: 'CMPivot — 3 devices' }).waitFor();
    await runQuery('Device | project Device', /^Query completed on 3 of 3 clients/);
    expect((await gridRows()).map((r) => r[0]).sort()).toEqual([...names].sort());
  });

  it('copies a cmpivot: query link, opens one, and keeps it as a favourite on the site', async () => {
    await page.getByRole('textbox', { name: 'Query' }).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Device\n| project Model');
    await page.getByRole('button', { name: 'Query link to clipboard' }).click();
    await expect.poll(() => page.evaluate<string>('navigator.clipboard.readText()')).toMatch(/^cmpivot:/);
    const link = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(Buffer.from(link.slice('cmpivot:'.length), 'base64').toString('utf8')).toBe('Device\r\n| project Model');

    await page.goto(`${site.url}/console/#/collections/SMS00001/cmpivot`);
    await page.getByRole('button', { name: 'Open query link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open query link' });
    await dialog.getByLabel('Query link').fill('cmpivot:not*base64');
    await dialog.getByRole('button', { name: 'Open' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe('The query link has "*" at character 12, which base64 does not use.');
    await dialog.getByLabel('Query link').fill(link);
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect.poll(async () => page.getByRole('textbox', { name: 'Query' }).innerText()).toBe('Device\n| project Model');
    await shot('10-query-link-opened');

    // Kept on the site per user, as the admin center's are on the cloud.
    const favorites = page.getByRole('region', { name: 'Favorites' });
    await page.getByLabel('Favorite name').fill('models');
    await page.getByLabel('Favorite tags').fill('hardware');
    await page.getByRole('button', { name: 'Save favorite' }).click();
    await expect.poll(async () => favorites.getByRole('status').textContent()).toBe('Saved "models".');
    await page.reload();
    await favorites.getByRole('searchbox', { name: 'Search favorites' }).fill('hardware');
    await favorites.getByRole('button', { name: 'models', exact: true }).click();
    await expect.poll(async () => page.getByRole('textbox', { name: 'Query' }).innerText()).toBe('Device\n| project Model');
  });

  it('shows the audit log to Audit.Read only: the queries run here are in it and the chain verifies', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    const log = page.getByRole('table', { name: 'Audit log' });
    await log.waitFor();
    await expect.poll(async () => log.getByRole('row').filter({ hasText: 'Device | project Model' }).count()).toBeGreaterThan(0);
    await page.getByLabel('Filter').fill('countif_ == 0');
    await expect.poll(async () => log.getByRole('row').count()).toBeGreaterThan(1);
    expect(await log.getByRole('row').nth(1).textContent()).toContain('admin');
    await page.getByRole('button', { name: 'Verify the hash chain' }).click();
    await expect.poll(async () => page.getByRole('status').last().textContent()).toMatch(/^The hash chain is intact over \d+ records\.$/);
    await shot('11-audit-log');

    await signIn('analyst', 'analyst-password-1');
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.goto(`${site.url}/console/#/audit`);
    await expect.poll(async () => page.getByRole('alert').textContent()).toMatch(/Audit\.Read|not authorized|permission/i);
  });

  it('fetched nothing from outside the machine: fonts, icons and libraries are bundled', () => {
    expect(outside).toEqual([]);
  });
});
