import { useState } from 'react';
import { ApiError, type Api } from '../common/api.js';
import { Dialog } from '../common/dialog.js';
import { go } from '../common/router.js';

const V = '/AdminService/v1.0';

/**
 * CMPivot's "Create collection": a direct-membership collection of the chosen devices (from the device
 * list, the selected result rows, or a Query Summary list). The site checks the right to make one.
 */
export function CreateCollectionDialog({ api, deviceIds, onClose }: { readonly api: Api; readonly deviceIds: readonly number[]; readonly onClose: () => void }): JSX.Element {
  const [name, setName] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const create = async (): Promise<void> => {
    try {
      const c = await api.post<{ CollectionId: string; Name: string }>(`${V}/Collections`, { Name: name.trim(), Comment: comment, Members: [...deviceIds] });
      setCreated({ id: c.CollectionId, name: c.Name });
    } catch (e) {
      setError(e instanceof ApiError ? `${e.message}${e.details?.length ? ` (${e.details.map((d) => d.message).join('; ')})` : ''}` : String(e));
    }
  };
  if (created) {
    return (
      <Dialog title="Create collection" onClose={onClose}>
        <p role="status">Created the collection {created.name} ({created.id}) with {deviceIds.length} devices.</p>
        <div className="op-actions">
          <button type="button" onClick={() => { onClose(); go('collections', created.id, 'cmpivot'); }}>Start CMPivot on {created.name}</button>
          <button type="button" onClick={onClose}>Close</button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog title="Create collection" onClose={onClose}>
      <p>A collection whose members are these {deviceIds.length} devices.</p>
      <form onSubmit={(e) => { e.preventDefault(); void create(); }}>
        <label>Collection name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={255} /></label>
        <label>Comment <input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1024} /></label>
        {error && <p role="alert">{error}</p>}
        <div className="op-actions"><button type="button" onClick={onClose}>Cancel</button><button type="submit">Create</button></div>
      </form>
    </Dialog>
  );
}
