// The History button (contract: data-testid="history") and its drawer: the user's own earlier
// scenarios, each one that a link, a gallery entry, an explained pod or another tab replaced,
// restorable with one click.

import { useRef, useState } from 'react';
import { useAppStore } from '../../state/appStore';
import { restoreEntry } from '../../state/history/restoreEntry';
import { selectHistory } from '../../state/slices/saving';
import { shareContext } from '../share/startShare';
import { DrawerHeader, ModalDialog } from '../dialog/ModalDialog';
import { HistoryEntryItem } from './HistoryEntryItem';
import './history.css';

export function HistoryPanel() {
  const [open, setOpen] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const entries = useAppStore(selectHistory);
  const buttonRef = useRef<HTMLButtonElement>(null);

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
      <ModalDialog
        open={open}
        onClose={() => setOpen(false)}
        returnFocus={buttonRef}
        initialFocus=".history-entry, .drawer-close"
        className="drawer history-drawer"
        testId="history-panel"
        labelledBy="history-title"
      >
        <DrawerHeader titleId="history-title" title="Your earlier scenarios" closeLabel="Close the history" onClose={() => setOpen(false)} />
        <p className="history-intro">
          Kept in this browser only (never sent anywhere) whenever a link, a gallery entry or another tab
          replaced a scenario of yours. Choose one to bring it back; the one you have now is kept too.
        </p>
        {entries.length === 0
          ? <p className="history-empty">Nothing yet.</p>
          : <ul className="history-list">{entries.map((e) => <HistoryEntryItem key={e.id} entry={e} now={now} onRestore={restore} />)}</ul>}
      </ModalDialog>
    </>
  );
}
