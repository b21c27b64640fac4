import { useMemo, useState } from 'react';
import { ENTITIES } from '@openpivot/entities';

/** The entities a query can read (search; expand for columns and their docs; double-click inserts the name). */
export function EntitiesPanel({ onInsert }: { readonly onInsert: (text: string) => void }): JSX.Element {
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const shown = useMemo(() => ENTITIES.filter((e) => e.name.toLowerCase().includes(search.toLowerCase())), [search]);
  return (
    <nav className="op-entities" aria-label="Entities">
      <input type="search" aria-label="Search entities" placeholder="Search entities" value={search} onChange={(e) => setSearch(e.target.value)} />
      <ul>
        {shown.map((e) => (
          <li key={e.name}>
            <button type="button" aria-expanded={open === e.name} title={e.description} onClick={() => setOpen(open === e.name ? null : e.name)} onDoubleClick={() => onInsert(e.name)}>{e.name}</button>
            {open === e.name && (
              <ul aria-label={`${e.name} columns`}>
                {e.columns.map((c) => <li key={c.name} title={c.doc ?? ''}><code>{c.name}</code> <span className="op-type">{c.type}</span>{c.doc ? ` — ${c.doc}` : ''}</li>)}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
