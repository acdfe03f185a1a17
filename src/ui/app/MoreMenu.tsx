// "More": on a narrow screen the least-used tools wait behind one button (a disclosure: the
// button says whether it is open, Esc or a click elsewhere closes it and the focus returns to the
// button). The tools are the same components in both places, rendered once: inline when the
// screen is wide enough, inside the panel otherwise, so their test handles and logic never double.

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useMediaQuery } from './useMediaQuery';
import './moreMenu.css';

/** Below this window width the toolbar and the header no longer fit one row. */
export const MORE_BELOW = '(max-width: 1279.98px)';

export function MoreMenu({ query = MORE_BELOW, label, testId, className = 'tool-button', panelClassName = '', compact = false, busy, children }: {
  /** The media query under which the tools go behind the button. */
  query?: string;
  /** What the tools are, for screen readers ("More timeline tools"). */
  label: string;
  testId: string;
  /** The button's class (the toolbar's or the header's look). */
  className?: string;
  /** Added to the panel's class (the header's dark panel). */
  panelClassName?: string;
  /** The button shows "⋯" instead of "More" (the header, where a phone has no room for the word). */
  compact?: boolean;
  /** What a tool inside is doing meanwhile ("a GIF export is running"): a dot on the button says so while it is closed. */
  busy?: string | undefined;
  children: ReactNode;
}) {
  const narrow = useMediaQuery(query);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // A press outside closes it (a dialog opened from inside it is inside it, so it stays).
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !rootRef.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  useEffect(() => { if (!narrow) setOpen(false); }, [narrow]);

  if (!narrow) return <>{children}</>;
  return (
    <div
      ref={rootRef}
      className="more-menu"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open || e.defaultPrevented) return;
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        buttonRef.current?.focus();
      }}
      onBlur={(e) => {
        // Tabbing out of the tools closes them; a dialog they open keeps them open behind it.
        const next = e.relatedTarget;
        if (open && next instanceof Node && !e.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`${className} more-button`}
        data-testid={testId}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${compact ? label : `More: ${label}`}${busy ? `; ${busy}` : ''}`}
        title={busy ? `${label}; ${busy}` : label}
        data-busy={busy ? 'true' : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {compact ? <span aria-hidden="true">⋯</span> : <>More<span className="more-caret" aria-hidden="true"> ▾</span></>}
        {busy && <span className="more-busy" aria-hidden="true" />}
      </button>
      <div id={panelId} className={`more-panel ${panelClassName}`.trim()} role="group" aria-label={label} hidden={!open} data-testid={`${testId}-panel`}>
        {children}
      </div>
    </div>
  );
}
