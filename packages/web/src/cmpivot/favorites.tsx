import { useEffect, useState } from 'react';
import type { Api } from '../common/api.js';

interface Favorite { readonly id: number; readonly name: string; readonly query: string; readonly tags: readonly string[] }

/** Saved queries, kept on the server per user: save the current query with a name and tags; search by name or tag. */
export function Favorites({ api, query, onPick }: { readonly api: Api; readonly query: string; readonly onPick: (query: string) => void }): JSX.Element {
  const [list, setList] = useState<Favorite[]>([]);
  const [search, setSearch] = useState('');
  const [name, setName] = useState('');
  const [tags, setTags] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const load = async (s: string): Promise<void> => {
    try {
      setList((await api.get<{ value: Favorite[] }>(`/api/favorites${s ? `?search=${encodeURIComponent(s)}` : ''}`)).value);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => { void load(search); }, [search]);
  const save = async (): Promise<void> => {
    try {
      await api.post('/api/favorites', { name, query, tags: tags.split(',').map((t) => t.trim()).filter((t) => t !== '') });
      setName('');
      setTags('');
      setMessage(`Saved "${name}".`);
      await load(search);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="op-favorites" aria-label="Favorites">
      <h3>Favorites</h3>
      <input type="search" aria-label="Search favorites" placeholder="Name or tag" value={search} onChange={(e) => setSearch(e.target.value)} />
      <ul>{list.map((f) => <li key={f.id}><button type="button" title={f.query} onClick={() => onPick(f.query)}>{f.name}</button> {f.tags.map((t) => <span key={t} className="op-tag">{t}</span>)}</li>)}</ul>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <input aria-label="Favorite name" placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} required />
        <input aria-label="Favorite tags" placeholder="tags, comma separated" value={tags} onChange={(e) => setTags(e.target.value)} />
        <button type="submit" disabled={!query.trim() || !name.trim()}>Save favorite</button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
