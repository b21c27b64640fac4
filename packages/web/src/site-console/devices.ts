import { useEffect, useState } from 'react';
import type { Api } from '../common/api.js';

export interface SiteDevice {
  readonly ResourceId: number;
  readonly Name: string;
  readonly IsOnline: boolean;
  readonly LastSeen: string | null;
  readonly OS: string;
  readonly OSVersion?: string;
  readonly Platform: string;
  readonly AgentVersion: string;
}

/** The devices this user may read (the site filters by their roles), loaded once per page. */
export function useDevices(api: Api): { readonly devices: readonly SiteDevice[]; readonly error: string | null; readonly reload: () => void } {
  const [devices, setDevices] = useState<SiteDevice[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    api.get<{ value: SiteDevice[] }>('/AdminService/v1.0/Device').then((r) => { if (live) setDevices(r.value); }, (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [api, nonce]);
  return { devices, error, reload: () => setNonce((n) => n + 1) };
}

/** Result rows name devices; actions on them need ids. Names are matched without case, as Windows does. */
export function idsOfNames(devices: readonly SiteDevice[], names: readonly string[]): number[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return devices.filter((d) => wanted.has(d.Name.toLowerCase())).map((d) => d.ResourceId);
}
