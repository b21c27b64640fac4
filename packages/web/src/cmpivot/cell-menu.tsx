import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface MenuItem {
  readonly label: string;
  readonly run: () => void;
  /** Greyed out with this reason as its title (a computed column has no "Show devices with"). */
  readonly disabledReason?: string;
}

/**
 * The results grid's context menu (`role="menu"`): opened at the pointer or at the current cell,
 * first item focused; arrows move, Enter runs, Escape or a click elsewhere closes it.
 */
export function CellMenu({ at, items, onClose, label = 'Cell actions' }: { readonly at: { x: number; y: number }; readonly items: readonly MenuItem[]; readonly onClose: () => void; readonly label?: string }): JSX.Element {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role=menuitem]:not([disabled])')?.focus();
    const away = (e: globalThis.MouseEvent): void => { if (!menu.current?.contains(e.target as Node)) onClose(); };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [onClose]);
  const onKey = (e: KeyboardEvent): void => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]:not([disabled])') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape' || e.key === 'Tab') { onClose(); e.preventDefault(); }
    else if (e.key === 'ArrowDown') { buttons[(i + 1) % buttons.length]?.focus(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { buttons[(i - 1 + buttons.length) % buttons.length]?.focus(); e.preventDefault(); }
    e.stopPropagation();
  };
  return (
    <div ref={menu} role="menu" aria-label={label} className="op-menu" style={{ left: at.x, top: at.y }} onKeyDown={onKey}>
      {items.map((item) => (
        <button key={item.label} type="button" role="menuitem" disabled={item.disabledReason !== undefined} title={item.disabledReason}
          onClick={() => { onClose(); item.run(); }}>{item.label}</button>
      ))}
    </div>
  );
}
