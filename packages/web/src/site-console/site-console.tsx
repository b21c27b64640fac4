import { useEffect, useMemo, useState } from 'react';
import { createApi, pollResult, type Api } from '../common/api.js';
import { useRoute, go } from '../common/router.js';
import { CmpivotPane, type ResultSnapshot } from '../cmpivot/cmpivot-pane.js';
import { QuerySummary } from './query-summary.js';

const AUTH_KEY = 'openpivot.site.auth';
const V = '/AdminService/v1.0';

interface Collection { readonly CollectionId: string; readonly Name: string; readonly MemberCount?: number }

/** The site console: sign in, collections, and CMPivot on a collection or one device, with the Query Summary. */
export function SiteConsole(): JSX.Element {
  const [auth, setAuth] = useState(() => sessionStorage.getItem(AUTH_KEY));
  const api = useMemo(() => (auth ? createApi('', auth) : null), [auth]);
  const route = useRoute();
  if (!api) return <SiteSignIn onAuth={(a) => { sessionStorage.setItem(AUTH_KEY, a); setAuth(a); go('collections'); }} />;
  const [page, id, sub] = route;
  return (
    <div className="op-app">
      <header className="op-top"><span className="op-brand">openpivot site console</span><nav aria-label="Main"><a href="#/collections">Collections</a></nav>
        <button type="button" onClick={() => { sessionStorage.removeItem(AUTH_KEY); setAuth(null); }}>Sign out</button></header>
      {page === 'collections' && id && sub === 'cmpivot' ? <CollectionCmpivot api={api} id={id} />
        : page === 'devices' && id && sub === 'cmpivot' ? <CmpivotPane api={api} target={`device ${id}`} runPath={`${V}/Device(${id})/AdminService.RunCMPivot`}
          resultPath={(op) => `${V}/Device(${id})/AdminService.CMPivotResult(OperationId=${op})`} onClose={() => window.history.back()} />
        : <Collections api={api} />}
    </div>
  );
}

function SiteSignIn({ onAuth }: { readonly onAuth: (authorization: string) => void }): JSX.Element {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    const authorization = `Basic ${btoa(unescape(encodeURIComponent(`${name}:${password}`)))}`;
    try {
      await createApi('', authorization).get(`${V}/Me`);
      onAuth(authorization);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <main className="op-signin">
      <h1>Sign in to the openpivot site console</h1>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <label>User name <input autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required /></label>
        <label>Password <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required /></label>
        <button type="submit">Sign in</button>
      </form>
      {error && <p role="alert">{error}</p>}
    </main>
  );
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

interface CollectionResultBody {
  readonly value: { readonly Status: string; readonly Complete: boolean; readonly Devices: number; readonly Answered: number; readonly Columns: { Name: string; Type: string }[]; readonly Result: Record<string, unknown>[] }[];
}

/** A collection's merged answer so far: 404 until the first device answered, then rows as devices answer. */
async function collectionResult(api: Api, path: string, signal: AbortSignal): Promise<ResultSnapshot> {
  const body = await pollResult<CollectionResultBody>(api, path, signal);
  const v = body.value[0]!;
  return {
    columns: v.Columns.map((c) => ({ name: c.Name, type: c.Type })), rows: v.Result, status: v.Status,
    complete: v.Complete, progress: { answered: v.Answered, total: v.Devices },
  };
}

function CollectionCmpivot({ api, id }: { readonly api: Api; readonly id: string }): JSX.Element {
  return (
    <CmpivotPane api={api} target={`collection ${id}`} runPath={`${V}/Collections('${encodeURIComponent(id)}')/AdminService.RunCMPivot`}
      resultPath={(op) => `${V}/Collections('${encodeURIComponent(id)}')/AdminService.CMPivotResult(OperationId=${op})`}
      fetchResult={collectionResult} onClose={() => go('collections')}
      summary={(op, complete) => <QuerySummary api={api} operationId={op} complete={complete} onPivot={(deviceId) => go('devices', deviceId, 'cmpivot')} />} />
  );
}
