import { useEffect, useMemo, useState } from 'react';
import { createApi, type Api } from '../common/api.js';
import { useRoute, go } from '../common/router.js';
import { CollectionCmpivot, DeviceCmpivot, DevicesCmpivot } from './site-cmpivot.js';
import { DevicesPage } from './devices-page.js';
import { AuditLog } from './audit-log.js';
import { SignInForm } from '../common/sign-in-form.js';

const AUTH_KEY = 'openpivot.site.auth';
const V = '/AdminService/v1.0';

interface Collection { readonly CollectionId: string; readonly Name: string; readonly MemberCount?: number }
interface Me { readonly Name: string; readonly Roles: readonly { readonly Permissions: readonly string[] }[] }

/**
 * The site console: sign in; collections and devices; CMPivot on a collection, a device or selected
 * devices, with the Query Summary; the audit log for those whose role grants Audit.Read.
 */
export function SiteConsole(): JSX.Element {
  const [auth, setAuth] = useState(() => sessionStorage.getItem(AUTH_KEY));
  const api = useMemo(() => (auth ? createApi('', auth) : null), [auth]);
  const [me, setMe] = useState<Me | null>(null);
  const route = useRoute();
  useEffect(() => { if (api) api.get<Me>(`${V}/Me`).then(setMe, () => undefined); }, [api]);
  if (!api) return <SiteSignIn onAuth={(a) => { sessionStorage.setItem(AUTH_KEY, a); setAuth(a); go('collections'); }} />;
  const mayAudit = me?.Roles.some((r) => r.Permissions.includes('Audit.Read')) ?? false;
  const [page, id, sub] = route;
  const deviceId = id !== undefined && /^\d+$/.test(id) ? Number(id) : null;
  return (
    <div className="op-app">
      <header className="op-top"><span className="op-brand">openpivot site console</span>
        <nav aria-label="Main"><a href="#/collections">Collections</a> <a href="#/devices">Devices</a> {mayAudit && <a href="#/audit">Audit log</a>}</nav>
        {me && <span>{me.Name}</span>}
        <button type="button" onClick={() => { sessionStorage.removeItem(AUTH_KEY); setAuth(null); setMe(null); }}>Sign out</button></header>
      {page === 'collections' && id && sub === 'cmpivot' ? <CollectionRoute api={api} id={id} />
        : page === 'devices' && deviceId !== null && sub === 'cmpivot' ? <DeviceCmpivot key={deviceId} api={api} id={deviceId} />
          : page === 'pivot' && id ? <DevicesCmpivot key={id} api={api} ids={id.split(',').filter((s) => /^\d+$/.test(s)).map(Number)} />
            : page === 'devices' ? <DevicesPage api={api} />
              : page === 'audit' ? <AuditLog api={api} />
                : <Collections api={api} />}
    </div>
  );
}

function SiteSignIn({ onAuth }: { readonly onAuth: (authorization: string) => void }): JSX.Element {
  // The site speaks Basic: the credentials are checked once here, then sent with every request.
  const signIn = async (name: string, password: string): Promise<void> => {
    const authorization = `Basic ${btoa(unescape(encodeURIComponent(`${name}:${password}`)))}`;
    await createApi('', authorization).get(`${V}/Me`);
    onAuth(authorization);
  };
  return <SignInForm title="Sign in to the openpivot site console" nameLabel="User name" signIn={signIn} />;
}

function Collections({ api }: { readonly api: Api }): JSX.Element {
  const [list, setList] = useState<Collection[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { api.get<{ value: Collection[] }>(`${V}/Collections`).then((r) => setList(r.value), (e: unknown) => setError(String(e))); }, [api]);
  return (
    <main>
      <h1>Collections</h1>
      {error && <p role="alert">{error}</p>}
      <table aria-label="Collections">
        <thead><tr><th>Name</th><th>Id</th><th>Members</th><th /></tr></thead>
        <tbody>{list.map((c) => (
          <tr key={c.CollectionId}><td>{c.Name}</td><td>{c.CollectionId}</td><td>{c.MemberCount ?? ''}</td>
            <td><button type="button" aria-label={`Start CMPivot on ${c.Name}`} onClick={() => go('collections', c.CollectionId, 'cmpivot')}>Start CMPivot</button></td></tr>
        ))}</tbody>
      </table>
    </main>
  );
}

/** CMPivot's title names the collection: its name is read before the pane opens. */
function CollectionRoute({ api, id }: { readonly api: Api; readonly id: string }): JSX.Element {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    api.get<Collection>(`${V}/Collections('${encodeURIComponent(id)}')`).then((c) => setName(c.Name), () => setName(id));
  }, [api, id]);
  return name === null ? <main>Loading the collection…</main> : <CollectionCmpivot key={id} api={api} id={id} name={name} />;
}
