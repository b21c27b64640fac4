import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog (`role="dialog"`, named by its title): the first field takes the focus, Escape closes,
 * and the focus goes back where it was.
 */
export function Dialog({ title, onClose, children }: { readonly title: string; readonly onClose: () => void; readonly children: ReactNode }): JSX.Element {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('input, textarea, button')?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div className="op-dialog-backdrop">
      <div ref={box} role="dialog" aria-modal="true" aria-labelledby={id} className="op-dialog"
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
