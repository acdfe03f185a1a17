// What share links have to say: a dismissible banner (a bad link, an opened link with the user's
// own scenario kept) and the question asked before a link or gallery entry replaces their text.

import { useEffect, useRef } from 'react';
import { useAppStore } from '../../state/appStore';
import { selectPendingOpen, selectShareNotice } from '../../state/slices/share';
import { answerPending, restorePrevious } from '../../state/open/openScenario';
import { shareContext } from './startShare';
import './share.css';

export function ShareBanner() {
  const notice = useAppStore(selectShareNotice);
  if (!notice) return null;
  const dismiss = () => shareContext().store.getState().setShareNotice(null);
  return (
    <div className={`share-banner share-banner-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="share-banner">
      <p>{notice.message}</p>
      {notice.canRestore && (
        <button type="button" data-testid="restore-previous" onClick={() => restorePrevious(shareContext())}>
          Restore mine
        </button>
      )}
      <button type="button" className="share-banner-dismiss" aria-label="Dismiss this message" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}

export function OpenDialog() {
  const pending = useAppStore(selectPendingOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (pending && !d.open) {
      d.showModal();
      openRef.current?.focus();
    } else if (!pending && d.open) {
      d.close();
    }
  }, [pending]);

  const answer = (open: boolean) => answerPending(shareContext(), open);

  return (
    <dialog
      ref={ref}
      className="open-dialog"
      data-testid="open-dialog"
      aria-labelledby="open-dialog-title"
      aria-describedby="open-dialog-text"
      onCancel={(e) => {
        e.preventDefault();
        answer(false);
      }}
      onKeyDown={(e) => {
        // Escape is "Keep mine"; handled here, before the page's shortcuts see it.
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        answer(false);
      }}
    >
      {pending && (
        <>
          <h2 id="open-dialog-title">Replace your scenario?</h2>
          <p id="open-dialog-text">
            The editor holds a scenario of your own. Opening the {pending.what} replaces it; yours is
            kept in History and comes back with “Restore mine” (or Ctrl+Z in the editor).
          </p>
          <div className="open-dialog-actions">
            <button ref={openRef} type="button" className="primary" data-testid="open-shared" onClick={() => answer(true)}>
              Open the {pending.what}
            </button>
            <button type="button" data-testid="keep-mine" onClick={() => answer(false)}>
              Keep mine
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
