import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { checkAborted, linuxProvider } from './util/hw-read.js';
import { describeZone, formatOffset, systemZoneName, type ZoneInfo } from './util/hw-tz.js';

export function timeZoneRow(z: ZoneInfo): ProviderRow {
  const caption = `(UTC${formatOffset(z.standardOffset)}) ${z.name}`;
  return {
    Caption: caption,
    Description: caption,
    StandardName: z.standardName,
    DaylightName: z.daylightName,
    Bias: z.standardOffset,
    StandardBias: 0,
    DaylightBias: z.standardOffset - z.daylightOffset,
    SettingID: '',
    Name: z.name,
    CurrentOffset: z.currentOffset,
    Abbreviation: z.abbreviation,
    DaylightInEffect: z.daylightInEffect,
  };
}

/** TimeZone: one row for the system's configured zone (not the agent process's TZ variable). */
export const timeZoneProvider: Provider = linuxProvider('TimeZone', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  checkAborted(ctx.signal, 'TimeZone');
  const zone = await systemZoneName(ctx.signal);
  checkAborted(ctx.signal, 'TimeZone');
  yield timeZoneRow(await describeZone(zone, ctx.now, true));
});
