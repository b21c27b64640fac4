import { useMemo, useState } from 'react';
import type { Api } from '../common/api.js';
import { go } from '../common/router.js';
import { useDevices } from './devices.js';
import { CreateCollectionDialog } from './create-collection.js';

/**
 * The Devices node: search, select one or more devices, and start CMPivot on them (CMPivot 2006+) or make
 * a collection of them.
 */
export function DevicesPage({ api }: { readonly api: Api }): JSX.Element {
  const { devices, error } = useDevices(api);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [creating, setCreating] = useState(false);
  const shown = useMemo(() => {
    const s = search.trim().toLowerCase();
    return s ? devices.filter((d) => d.Name.toLowerCase().includes(s) || d.OS.toLowerCase().includes(s)) : devices;
  }, [devices, search]);
  const toggle = (id: number): void => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id); else next.add(id);
    setSelected(next);
  };
  const allShown = shown.length > 0 && shown.every((d) => selected.has(d.ResourceId));
  const ids = [...selected];
  return (
    <main>
      <h1>Devices</h1>
      {error && <p role="alert">{error}</p>}
      <div className="op-selection-bar">
        <label>Search devices <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} /></label>
        <span>{selected.size} selected</span>
        <button type="button" disabled={ids.length === 0} onClick={() => (ids.length === 1 ? go('devices', ids[0]!, 'cmpivot') : go('pivot', ids.join(',')))}>Start CMPivot on selected devices</button>
        <button type="button" disabled={ids.length === 0} onClick={() => setCreating(true)}>Create collection</button>
      </div>
      <table aria-label="Devices">
        <thead><tr>
          <th><input type="checkbox" aria-label="Select all devices shown" checked={allShown}
            onChange={() => setSelected(allShown ? new Set([...selected].filter((id) => !shown.some((d) => d.ResourceId === id))) : new Set([...selected, ...shown.map((d) => d.ResourceId)]))} /></th>
          <th>Name</th><th>Online</th><th>OS</th><th>Last seen</th><th>Agent</th><th />
        </tr></thead>
        <tbody>{shown.map((d) => (
          <tr key={d.ResourceId} className={selected.has(d.ResourceId) ? 'op-row-selected' : undefined}>
            <td><input type="checkbox" aria-label={`Select ${d.Name}`} checked={selected.has(d.ResourceId)} onChange={() => toggle(d.ResourceId)} /></td>
            <td>{d.Name}</td><td>{d.IsOnline ? 'Online' : 'Offline'}</td><td>{d.OS}</td>
            <td>{d.LastSeen ? new Date(d.LastSeen).toLocaleString() : 'never'}</td><td>{d.AgentVersion}</td>
            <td><button type="button" aria-label={`Start CMPivot on ${d.Name}`} onClick={() => go('devices', d.ResourceId, 'cmpivot')}>Start CMPivot</button></td>
          </tr>
        ))}</tbody>
      </table>
      {creating && <CreateCollectionDialog api={api} deviceIds={ids} onClose={() => setCreating(false)} />}
    </main>
  );
}
