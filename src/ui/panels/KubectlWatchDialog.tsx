// The kubectl -w dialog (KubectlWatchButton opens it): the run's `kubectl get pod -w` lines as
// copyable text (state/trace/kubectlWatch.ts) and a copy button; the lines are text nodes only.
// For a Job, the lines of the pod the kubectl strip follows (`kubectl get pod NAME -w`), or every
// pod's. Its own chunk: the first frame draws only the button (issue 16).

import { useMemo, useState, type RefObject } from 'react';
import { useAppStore } from '../../state/appStore';
import { selectKubectlPod, selectPodName, selectTrace } from '../../state/selectors';
import { kubectlWatchText } from '../../state/trace/kubectlWatch';
import { copyText } from '../share/copyText';
import { ModalDialog } from '../dialog/ModalDialog';
import './kubectlWatch.css';

export function KubectlWatchDialog({ open, onClose, returnFocus }: { open: boolean; onClose: () => void; returnFocus: RefObject<HTMLButtonElement | null> }) {
  const trace = useAppStore(selectTrace);
  const podName = useAppStore(selectPodName);
  const followed = useAppStore(selectKubectlPod);
  const [allPods, setAllPods] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onlyPod = allPods ? undefined : followed;
  const text = useMemo(() => (open && trace ? kubectlWatchText(trace, podName || 'pod', onlyPod) : ''), [open, trace, podName, onlyPod]);

  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      returnFocus={returnFocus}
      initialFocus=".watch-copy"
      onShow={() => setCopied('idle')}
      className="watch-dialog"
      testId="kubectl-watch-dialog"
      labelledBy="watch-title"
    >
      <h2 id="watch-title">kubectl get pod{onlyPod ? ` ${onlyPod}` : ''} -w</h2>
      <p className="watch-intro">What <code>kubectl get pod -w</code> would have printed during this run: one line per change, AGE since the pod was created.</p>
      {followed && (
        <label className="watch-all">
          <input type="checkbox" data-testid="kubectl-watch-all" checked={allPods} onChange={(e) => setAllPods(e.currentTarget.checked)} />
          {' '}every pod of the Job (else only {followed}, the pod the kubectl row follows)
        </label>
      )}
      <pre className="watch-text" data-testid="kubectl-watch-text" tabIndex={0} aria-label="kubectl get pod -w output">{text}</pre>
      <div className="watch-actions">
        <span role="status" className="watch-status">{copied === 'copied' ? 'Copied' : copied === 'failed' ? 'The clipboard refused: select the lines and copy them by hand' : ''}</span>
        <button type="button" className="watch-copy" data-testid="kubectl-watch-copy" onClick={() => void copyText(text).then((ok) => setCopied(ok ? 'copied' : 'failed'))}>Copy</button>
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </ModalDialog>
  );
}
