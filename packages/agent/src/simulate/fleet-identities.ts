import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateIdentity, normalizeSiteUrl, parseIdentity, writeFileAtomic } from '../channel/identity.js';
import { errorMessage, type AgentLogger } from '../channel/logger.js';

export const FLEET_FILE = 'simulated-identities.json';

export interface SimIdentity {
  readonly privateKey: string;
  readonly publicKey: string;
  deviceId?: number;
}

interface FleetFile {
  readonly siteUrl: string;
  readonly seed: number;
  /** Index i holds device i + 1; null for a device that never connected. */
  readonly devices: (SimIdentity | null)[];
}

/**
 * The key pairs and device ids of a simulated fleet, all in one file (`<dataDir>/simulated-identities.json`,
 * mode 0600) so that a restarted simulator authenticates as the same devices instead of enrolling new ones.
 * Without a data directory they live in memory only. Keys are made when a device first connects.
 */
export class FleetIdentities {
  readonly #devices: (SimIdentity | null)[];
  readonly #path: string | null;
  readonly #siteUrl: string;
  readonly #seed: number;
  readonly #log: AgentLogger;
  #saveTimer: NodeJS.Timeout | null = null;
  #saving: Promise<void> = Promise.resolve();

  private constructor(path: string | null, file: FleetFile, log: AgentLogger) {
    this.#path = path;
    this.#devices = file.devices;
    this.#siteUrl = file.siteUrl;
    this.#seed = file.seed;
    this.#log = log;
  }

  static async open(dataDir: string | undefined, siteUrl: string, seed: number, log: AgentLogger): Promise<FleetIdentities> {
    const empty: FleetFile = { siteUrl: normalizeSiteUrl(siteUrl), seed, devices: [] };
    if (dataDir === undefined) return new FleetIdentities(null, empty, log);
    const path = join(dataDir, FLEET_FILE);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new FleetIdentities(path, empty, log);
      throw new Error(`Cannot read ${path}: ${errorMessage(e)}`);
    }
    const file = parseFleetFile(text, path);
    if (normalizeSiteUrl(file.siteUrl) !== normalizeSiteUrl(siteUrl)) {
      throw new Error(`${path} holds devices enrolled with ${file.siteUrl}, not ${siteUrl}: use another data directory, or remove the file.`);
    }
    if (file.seed !== seed) log.warn('the simulated fleet was saved with another seed: the same device ids will report other data', { saved: file.seed, seed });
    return new FleetIdentities(path, file, log);
  }

  /** Device `index` (1-based): its saved identity, or a new key pair. */
  get(index: number): SimIdentity {
    let id = this.#devices[index - 1];
    if (!id) {
      const made = generateIdentity(this.#siteUrl);
      id = { privateKey: made.privateKey, publicKey: made.publicKey };
      while (this.#devices.length < index - 1) this.#devices.push(null);
      this.#devices[index - 1] = id;
      this.#scheduleSave();
    }
    return id;
  }

  /** The device id of device `index`, without making a key for it. */
  deviceIdOf(index: number): number | undefined {
    return this.#devices[index - 1]?.deviceId;
  }

  setDeviceId(index: number, deviceId: number): void {
    this.get(index).deviceId = deviceId;
    this.#scheduleSave();
  }

  /** Writes pending changes now (at close). */
  async flush(): Promise<void> {
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = null;
      this.#save();
    }
    await this.#saving;
  }

  /** Enrollments come in bursts of thousands: one write a second covers them all. */
  #scheduleSave(): void {
    if (this.#path === null || this.#saveTimer) return;
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      this.#save();
    }, 1_000);
  }

  #save(): void {
    const path = this.#path;
    if (path === null) return;
    const text = JSON.stringify({ siteUrl: this.#siteUrl, seed: this.#seed, devices: this.#devices });
    this.#saving = this.#saving
      .then(() => writeFileAtomic(path, text))
      .catch((e: unknown) => this.#log.error('cannot save the simulated identities', { path, error: errorMessage(e) }));
  }
}

function parseFleetFile(text: string, path: string): FleetFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not JSON: ${errorMessage(e)}`);
  }
  const o = value as Partial<FleetFile> | null;
  if (typeof o !== 'object' || o === null) throw new Error(`${path}: expected a JSON object`);
  if (typeof o.siteUrl !== 'string') throw new Error(`${path}: siteUrl must be a string`);
  if (typeof o.seed !== 'number') throw new Error(`${path}: seed must be a number`);
  if (!Array.isArray(o.devices)) throw new Error(`${path}: devices must be an array`);
  const devices = o.devices.map((d, i): SimIdentity | null => {
    if (d === null) return null;
    // The same checks as the agent's own identity file (the key pair must match), without a site per device.
    const id = parseIdentity({ ...(d as object), siteUrl: o.siteUrl }, `${path}: devices.${i}`);
    return { privateKey: id.privateKey, publicKey: id.publicKey, ...(id.deviceId !== undefined ? { deviceId: id.deviceId } : {}) };
  });
  return { siteUrl: o.siteUrl, seed: o.seed, devices };
}
