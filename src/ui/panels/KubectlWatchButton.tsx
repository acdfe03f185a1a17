// The toolbar's kubectl -w button: it opens the dialog of the run's `kubectl get pod -w` lines
// (KubectlWatchDialog.tsx), whose code arrives as its own chunk at the first click, so the first
// frame carries only the button (issue 16). Once loaded, the dialog stays mounted (closed).

import { useRef, useState } from 'react';
import { useAppStore } from '../../state/appStore';
import { selectTrace } from '../../state/selectors';
import { lazyPart } from '../app/lazyPart';

const KubectlWatchDialog = lazyPart<typeof import('./KubectlWatchDialog'), Parameters<typeof import('./KubectlWatchDialog').KubectlWatchDialog>[0]>(
  () => import('./KubectlWatchDialog'), 'KubectlWatchDialog', { part: 'the kubectl -w dialog' });

export function KubectlWatchButton() {
  const trace = useAppStore(selectTrace);
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="tool-button"
        data-testid="kubectl-watch"
        disabled={!trace}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label="kubectl -w: the run's kubectl get pod -w lines, to copy"
        title="The run's kubectl get pod -w lines, to copy"
        onClick={() => {
          setAsked(true);
          setOpen(true);
        }}
      >
        kubectl -w
      </button>
      {asked && <KubectlWatchDialog open={open} onClose={() => setOpen(false)} returnFocus={buttonRef} />}
    </>
  );
}
