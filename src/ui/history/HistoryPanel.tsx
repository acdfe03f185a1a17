// The History button (contract: data-testid="history") and its drawer: the user's own earlier
// scenarios, each one that a link, a gallery entry, an explained pod or another tab replaced,
// restorable with one click.

import { useState } from 'react';
import { useAppStore } from '../../state/appStore';
import { restoreEntry } from '../../state/history/restoreEntry';
import { selectHistory } from '../../state/slices/saving';
import { shareContext } from '../share/startShare';
import { DrawerButton } from '../dialog/DrawerButton';
import { HistoryEntryItem } from './HistoryEntryItem';
import './history.css';

const DRAWER = {
  testId: 'history-panel', className: 'drawer history-drawer', titleId: 'history-title',
  title: 'Your earlier scenarios', closeLabel: 'Close the history', initialFocus: '.history-entry, .drawer-close',
};

export function HistoryPanel() {
  const [now, setNow] = useState(() => Date.now());
  const entries = useAppStore(selectHistory);

  const restore = (id: string, close: () => void) => {
    close();
    const ctx = shareContext();
    restoreEntry(ctx.store, ctx.storage, id);
  };

  return (
    <DrawerButton label={`History${entries.length > 0 ? ` (${entries.length})` : ''}`} buttonTestId="history" onOpen={() => setNow(Date.now())} drawer={DRAWER}>
      {(close) => (
        <>
          <p className="history-intro">
            Kept in this browser only (never sent anywhere) whenever a link, a gallery entry or another tab
            replaced a scenario of yours. Choose one to bring it back; the one you have now is kept too.
          </p>
          {entries.length === 0
            ? <p className="history-empty">Nothing yet.</p>
            : <ul className="history-list">{entries.map((e) => <HistoryEntryItem key={e.id} entry={e} now={now} onRestore={(id) => restore(id, close)} />)}</ul>}
        </>
      )}
    </DrawerButton>
  );
}
