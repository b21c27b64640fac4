import { useEffect, useState } from 'react';

/** The app's routes live in the URL's hash (`#/devices/3/cmpivot`): a server needs no fallback, back and forward work. */
export function useRoute(): string[] {
  const read = (): string[] => window.location.hash.replace(/^#\/?/, '').split('/').filter((s) => s !== '').map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = (): void => setRoute(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function go(...parts: (string | number)[]): void {
  window.location.hash = `#/${parts.map((p) => encodeURIComponent(String(p))).join('/')}`;
}
