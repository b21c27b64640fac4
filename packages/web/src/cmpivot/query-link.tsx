import { useState } from 'react';
import { Dialog } from '../common/dialog.js';
import { parseQueryLink, queryLink } from './drill-queries.js';

/**
 * CMPivot's "Query link to clipboard" (a `cmpivot:` URI of the query) and its way back: paste a link to
 * open its query in the editor. Browsers give web pages no `cmpivot:` handler, so opening is by paste.
 */
export function QueryLinkButtons({ query, onOpen }: { readonly query: string; readonly onOpen: (query: string) => void }): JSX.Element {
  const [opening, setOpening] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (): Promise<void> => {
    const link = queryLink(query);
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Query link copied to the clipboard.');
    } catch {
      setCopied(`The clipboard refused the link; copy it from here: ${link}`);
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()} disabled={query.trim() === ''}>Query link to clipboard</button>
      <button type="button" onClick={() => setOpening(true)}>Open query link</button>
      {copied && <span aria-live="polite" className="op-link-status">{copied}</span>}
      {opening && <OpenLinkDialog onClose={() => setOpening(false)} onOpen={(q) => { setOpening(false); onOpen(q); }} />}
    </>
  );
}

function OpenLinkDialog({ onClose, onOpen }: { readonly onClose: () => void; readonly onOpen: (query: string) => void }): JSX.Element {
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = (): void => {
    const r = parseQueryLink(link);
    if (r.ok) onOpen(r.query); else setError(r.message);
  };
  return (
    <Dialog title="Open query link" onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); open(); }}>
        <label>Query link <input value={link} onChange={(e) => setLink(e.target.value)} placeholder="cmpivot:…" /></label>
        {error && <p role="alert">{error}</p>}
        <div className="op-actions"><button type="button" onClick={onClose}>Cancel</button><button type="submit">Open</button></div>
      </form>
    </Dialog>
  );
}
