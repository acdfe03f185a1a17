// The run's `kubectl get pod -w` lines as copyable text: a toolbar button opens a dialog with the
// transcript (state/trace/kubectlWatch.ts) and a copy button. The lines are text nodes only. For a
// Job, the lines of the pod the kubectl strip follows (`kubectl get pod NAME -w`), or every pod's.

import { useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../state/appStore';
import { selectKubectlPod, selectPodName, selectTrace } from '../../state/selectors';
import { kubectlWatchText } from '../../state/trace/kubectlWatch';
import { copyText } from '../share/copyText';
import { ModalDialog } from '../dialog/ModalDialog';
import './kubectlWatch.css';

export function KubectlWatchButton() {
  const trace = useAppStore(selectTrace);
  const podName = useAppStore(selectPodName);
  const [open, setOpen] = useState(false);
  const followed = useAppStore(selectKubectlPod);
  const [allPods, setAllPods] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const onlyPod = allPods ? undefined : followed;
  const text = useMemo(() => (open && trace ? kubectlWatchText(trace, podName || 'pod', onlyPod) : ''), [open, trace, podName, onlyPod]);

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
        onClick={() => setOpen(true)}
      >
        kubectl -w
      </button>
      <ModalDialog
        open={open}
        onClose={() => setOpen(false)}
        returnFocus={buttonRef}
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
          <button type="button" onClick={() => setOpen(false)}>Close</button>
        </div>
      </ModalDialog>
    </>
  );
}
