import { describe, expect, it } from 'vitest';
import { TimeZone } from '../../../../entities/src/specs/time-zone.js';
import { timeZoneProvider, timeZoneRow } from './time-zone.js';
import { collectRows, exampleProblems, runTool, schemaProblems, testContext } from './util/hw-test-kit.js';
import { describeZone, posixAbbreviations } from './util/hw-tz.js';
import { ProviderError } from '../provider.js';

function minutes(z: string): number {
  return (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
}

/** `date +%Z %z` at a moment, in a zone (TZ unset means the system zone). */
async function dateAt(zone: string | null, at: number): Promise<{ abbr: string; offset: number }> {
  const env = { ...process.env };
  if (zone === null) delete env['TZ'];
  else env['TZ'] = zone;
  const [abbr, off] = (await runTool('date', ['-d', `@${Math.floor(at / 1000)}`, '+%Z %z'], env)).trim().split(' ');
  return { abbr: abbr!, offset: minutes(off!) };
}

describe('TimeZone on Linux', () => {
  it('matches the schema with one row, and the examples bind', async () => {
    expect(exampleProblems(TimeZone)).toEqual([]);
    const rows = await collectRows(timeZoneProvider);
    expect(rows).toHaveLength(1);
    expect(schemaProblems(TimeZone, rows)).toEqual([]);
  });

  it('agrees with `date +%Z %z` for the system zone', async () => {
    const ctx = testContext();
    const [row] = await collectRows(timeZoneProvider, ctx);
    const d = await dateAt(null, ctx.now);
    expect(row!['Abbreviation']).toBe(d.abbr);
    expect(row!['CurrentOffset']).toBe(d.offset);
  });

  it('agrees with date in zones with and without daylight saving, winter and summer', async () => {
    const winter = Date.UTC(2024, 0, 15, 12);
    const summer = Date.UTC(2024, 6, 15, 12);
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'Australia/Sydney', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Etc/UTC']) {
      for (const at of [winter, summer]) {
        const z = await describeZone(zone, at);
        const d = await dateAt(zone, at);
        expect({ zone, at, abbr: z.abbreviation, off: z.currentOffset }).toEqual({ zone, at, abbr: d.abbr, off: d.offset });
      }
    }
    const berlin = timeZoneRow(await describeZone('Europe/Berlin', summer));
    expect(berlin).toMatchObject({ Caption: '(UTC+01:00) Europe/Berlin', Bias: 60, DaylightBias: -60, DaylightInEffect: true, StandardName: 'Central European Standard Time' });
    const la = timeZoneRow(await describeZone('America/Los_Angeles', winter));
    expect(la).toMatchObject({ Bias: -480, DaylightBias: -60, DaylightInEffect: false, StandardName: 'Pacific Standard Time', DaylightName: 'Pacific Daylight Time' });
    const utc = timeZoneRow(await describeZone('Etc/UTC', winter));
    expect(utc).toMatchObject({ Bias: 0, DaylightBias: 0, DaylightName: utc['StandardName'] });
  });

  it('reads POSIX TZ abbreviations', () => {
    expect(posixAbbreviations('CET-1CEST,M3.5.0,M10.5.0/3')).toEqual({ std: 'CET', dst: 'CEST' });
    expect(posixAbbreviations('<+0545>-5:45')).toEqual({ std: '+0545', dst: '' });
    expect(posixAbbreviations('UTC0')).toEqual({ std: 'UTC', dst: '' });
  });

  it('stops at once when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(collectRows(timeZoneProvider, testContext(ac.signal))).rejects.toBeInstanceOf(ProviderError);
  });
});
