import { useEffect, useMemo, useState } from 'react';
import { createApi, ApiError, type Api } from '../common/api.js';
import { useRoute, go } from '../common/router.js';
import { CmpivotPane } from '../cmpivot/cmpivot-pane.js';
import { SignInForm } from '../common/sign-in-form.js';

interface Device {
  readonly MachineId: number; readonly Name: string; readonly IsOnline: boolean; readonly SiteCode: string; readonly Platform: string;
  readonly OperatingSystem: string; readonly LastSeen: string | null;
}
interface DeviceDetails extends Device {
  readonly OSVersion: string; readonly ClientVersion: string; readonly IPAddress: string; readonly Domain: string | null;
  readonly Collections: { CollectionId: string; Name: string }[];
}

const TOKEN_KEY = 'openpivot.cloud.token';

/** The admin center (the cloud): sign in, All devices, a device's page, and CMPivot on it. */
export function AdminCenter(): JSX.Element {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? fromFragment());
  const api = useMemo(() => (token ? createApi('', `Bearer ${token}`) : null), [token]);
  const route = useRoute();
  if (!api) return <SignIn onToken={(t) => { sessionStorage.setItem(TOKEN_KEY, t); setToken(t); go('devices'); }} />;
  const signOut = (): void => { sessionStorage.removeItem(TOKEN_KEY); setToken(null); };
  const [page, id, sub] = route;
  return (
    <div className="op-app">
      <header className="op-top"><span className="op-brand">openpivot admin center</span><nav aria-label="Main"><a href="#/devices">Devices</a></nav><button type="button" onClick={signOut}>Sign out</button></header>
      {page === 'devices' && id ? <DevicePage api={api} id={Number(id)} cmpivot={sub === 'cmpivot'} /> : <DeviceList api={api} />}
    </div>
  );
}

/** A token handed back by the OpenID Connect sign-in (`#token=…`). */
function fromFragment(): string | null {
  const m = /[#&]token=([^&]+)/.exec(window.location.hash);
  if (!m) return null;
  sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]!));
  window.location.hash = '#/devices';
  return decodeURIComponent(m[1]!);
}

function SignIn({ onToken }: { readonly onToken: (token: string) => void }): JSX.Element {
  const signIn = async (upn: string, password: string): Promise<void> => {
    onToken((await createApi('', '').post<{ token: string }>('/api/session', { upn, password })).token);
  };
  return <SignInForm title="Sign in to the openpivot admin center" nameLabel="Sign-in name" signIn={signIn}
    extra={<a href="/auth/oidc/login?returnTo=/">Sign in with your organisation</a>} />;
}

type SortKey = 'Name' | 'OperatingSystem' | 'SiteCode' | 'IsOnline' | 'LastSeen';

function DeviceList({ api }: { readonly api: Api }): JSX.Element {
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [os, setOs] = useState('');
  const [site, setSite] = useState('');
  const [online, setOnline] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'Name', desc: false });
  useEffect(() => {
    const t = setTimeout(() => {
      api.get<{ value: Device[] }>(`/AdminService/v1.0/Device?$top=1000${search ? `&$search=${encodeURIComponent(search)}` : ''}`)
        .then((r) => setDevices(r.value), (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    }, 150);
    return () => clearTimeout(t);
  }, [api, search]);
  const shown = useMemo(() => (devices ?? [])
    .filter((d) => (!os || d.OperatingSystem === os) && (!site || d.SiteCode === site) && (!online || String(d.IsOnline) === online))
    .sort((a, b) => { const d = String(a[sort.key] ?? '').localeCompare(String(b[sort.key] ?? '')); return sort.desc ? -d : d; }), [devices, os, site, online, sort]);
  const distinct = (k: 'OperatingSystem' | 'SiteCode'): string[] => [...new Set((devices ?? []).map((d) => d[k]))].sort();
  const header = (key: SortKey, label: string): JSX.Element => (
    <th aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}><button type="button" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : false })}>{label}</button></th>
  );
  return (
    <main className="op-devices">
      <h1>All devices</h1>
      <div className="op-filters">
        <input type="search" aria-label="Search devices" placeholder="Search by name" value={search} onChange={(e) => setSearch(e.target.value)} />
        <select aria-label="Operating system" value={os} onChange={(e) => setOs(e.target.value)}><option value="">Any OS</option>{distinct('OperatingSystem').map((o) => <option key={o}>{o}</option>)}</select>
        <select aria-label="Site" value={site} onChange={(e) => setSite(e.target.value)}><option value="">Any site</option>{distinct('SiteCode').map((o) => <option key={o}>{o}</option>)}</select>
        <select aria-label="Online" value={online} onChange={(e) => setOnline(e.target.value)}><option value="">Online or not</option><option value="true">Online</option><option value="false">Offline</option></select>
      </div>
      {error && <p role="alert">{error}</p>}
      <table aria-label="Devices">
        <thead><tr>{header('Name', 'Name')}{header('OperatingSystem', 'OS')}{header('SiteCode', 'Site')}{header('IsOnline', 'Online')}{header('LastSeen', 'Last seen')}</tr></thead>
        <tbody>{shown.map((d) => (
          <tr key={d.MachineId}><td><a href={`#/devices/${d.MachineId}`}>{d.Name}</a></td><td>{d.OperatingSystem}</td><td>{d.SiteCode}</td><td>{d.IsOnline ? 'Online' : 'Offline'}</td><td>{d.LastSeen ? new Date(d.LastSeen).toLocaleString() : '—'}</td></tr>
        ))}</tbody>
      </table>
      {devices && shown.length === 0 && <p>No devices match.</p>}
    </main>
  );
}

function DevicePage({ api, id, cmpivot }: { readonly api: Api; readonly id: number; readonly cmpivot: boolean }): JSX.Element {
  const [device, setDevice] = useState<DeviceDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<{ value: DeviceDetails }>(`/AdminService/v1.0/Device(${id})`).then((r) => setDevice(r.value), (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [api, id]);
  if (error) return <main><p role="alert">{error}</p></main>;
  if (!device) return <main><p>Loading…</p></main>;
  if (cmpivot) {
    return <CmpivotPane api={api} target={device.Name} favorites runPath={`/AdminService/v1.0/Device(${id})/AdminService.RunCMPivot`}
      resultPath={(op) => `/AdminService/v1.0/Device(${id})/AdminService.CMPivotResult(OperationId=${op})`} onClose={() => go('devices', id)} />;
  }
  const rows: [string, string][] = [
    ['Name', device.Name], ['Operating system', `${device.OperatingSystem} ${device.OSVersion}`], ['Site', device.SiteCode],
    ['Last seen', device.LastSeen ? new Date(device.LastSeen).toLocaleString() : '—'], ['Online', device.IsOnline ? 'Online' : 'Offline'],
    ['Agent version', device.ClientVersion], ['IP address', device.IPAddress], ['Collections', device.Collections.map((c) => c.Name).join(', ')],
  ];
  return (
    <main className="op-device">
      <h1>{device.Name}</h1>
      <button type="button" onClick={() => go('devices', id, 'cmpivot')}>CMPivot</button>
      <h2>Client details</h2>
      <dl>{rows.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}</dl>
    </main>
  );
}
