// The History button (contract: data-testid="history") and its drawer: the user's own earlier
// scenarios, each one that a link, a gallery entry, an explained pod or another tab replaced,
// restorable with one click.

import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../state/appStore';
import { restoreEntry } from '../../state/history/restoreEntry';
import { selectHistory } from '../../state/slices/saving';
import { shareContext } from '../share/startShare';
import { HistoryEntryItem } from './HistoryEntryItem';
import './history.css';

export function HistoryPanel() {
  const [open, setOpen] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const entries = useAppStore(selectHistory);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = dialogRef.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      d.querySelector<HTMLElement>('.history-entry, .history-close')?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  const restore = (id: string) => {
    setOpen(false);
    const ctx = shareContext();
    restoreEntry(ctx.store, ctx.storage, id);
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="header-button"
        data-testid="history"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setNow(Date.now());
          setOpen(true);
        }}
      >
        History{entries.length > 0 ? ` (${entries.length})` : ''}
      </button>
      <dialog
        ref={dialogRef}
        className="history-drawer"
        data-testid="history-panel"
        aria-labelledby="history-title"
        onClose={() => {
          setOpen(false);
          buttonRef.current?.focus();
        }}
        onClick={(e) => {
          if (e.target === dialogRef.current) setOpen(false);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
        }}
      >
        <div className="history-header">
          <h2 id="history-title">Your earlier scenarios</h2>
          <button type="button" className="history-close" aria-label="Close the history" onClick={() => setOpen(false)}>
            ×
          </button>
        </div>
        <p className="history-intro">
          Kept in this browser only (never sent anywhere) whenever a link, a gallery entry or another tab
          replaced a scenario of yours. Choose one to bring it back; the one you have now is kept too.
        </p>
        {entries.length === 0
          ? <p className="history-empty">Nothing yet.</p>
          : <ul className="history-list">{entries.map((e) => <HistoryEntryItem key={e.id} entry={e} now={now} onRestore={restore} />)}</ul>}
      </dialog>
    </>
  );
}
