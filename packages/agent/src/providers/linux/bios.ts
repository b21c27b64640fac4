import { access } from 'node:fs/promises';
import type { Provider, ProviderContext, ProviderRow } from '../provider.js';
import { parseBiosDate, readDmiFields } from './util/hw-dmi.js';
import { checkAborted, linuxProvider } from './util/hw-read.js';

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Bios: one row from /sys/class/dmi/id; every field ''/null where DMI is not exposed. */
export const biosProvider: Provider = linuxProvider('Bios', async function* (ctx: ProviderContext): AsyncIterable<ProviderRow> {
  checkAborted(ctx.signal, 'Bios');
  const [d, efi] = await Promise.all([
    readDmiFields(['bios_vendor', 'bios_version', 'bios_date', 'bios_release', 'product_serial'], ctx.signal),
    exists('/sys/firmware/efi'),
  ]);
  yield {
    Manufacturer: d.bios_vendor,
    Version: d.bios_version,
    SMBIOSBIOSVersion: d.bios_version,
    SerialNumber: d.product_serial,
    ReleaseDate: parseBiosDate(d.bios_date),
    Name: [d.bios_vendor, d.bios_version].filter((s) => s !== '').join(' '),
    FirmwareType: efi ? 'UEFI' : 'BIOS',
    BIOSRelease: d.bios_release,
  };
});
