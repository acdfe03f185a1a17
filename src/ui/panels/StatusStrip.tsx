// What `kubectl get pod` prints at the cursor, why it prints that (the printer's recorded branch,
// state/trace/kubectlWhy.ts), the cursor's time, and how far a long run is.

import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useAppStore } from '../../state/appStore';
import { kubectlWhy } from '../../state/trace/kubectlWhy';
import { roughDuration } from '../../engine/scenario/duration';
import { restartsAt } from '../../state/trace/kubectlPod';
import { selectCursorTime, selectKubectlAtCursor, selectKubectlGoneAt, selectKubectlPod, selectPodName, selectProgress, selectRunning, selectTrace } from '../../state/selectors';
import { formatSeconds } from '../timeline/scale';
import { useShownAfter } from '../app/shownAfter';
import './statusStrip.css';

const NONE = '—';

/** A run answered sooner than this shows no running dot (app/shownAfter.ts). */
export const RUNNING_DOT_DELAY_MS = 300;

export function StatusStrip() {
  const row = useAppStore(selectKubectlAtCursor);
  const goneAt = useAppStore(selectKubectlGoneAt);
  const t = useAppStore(selectCursorTime);
  const podName = useAppStore(selectPodName);
  const followed = useAppStore(selectKubectlPod);
  const hasTrace = useAppStore(selectTrace) !== null;
  const progress = useAppStore(selectProgress);
  const showRunningDot = useShownAfter(useAppStore(selectRunning) && !progress, RUNNING_DOT_DELAY_MS);
  const trace = useAppStore(selectTrace);
  // Deferred: an edit's timeline is drawn first; why the row says what it says follows (it reads
  // back through the trace for the row's phase: a few ms of a 40-container pod's redraw, issue 16).
  const explained = useDeferredValue(useMemo(() => ({ trace, row }), [trace, row]));
  const why = useMemo(() => (explained.trace && explained.row ? kubectlWhy(explained.trace, explained.row) : undefined), [explained]);
  const [open, setOpen] = useState(false);
  const whyId = useId();
  return (
    <section className="status-strip" aria-label="kubectl get pod at the cursor">
      <table className={goneAt === undefined ? 'kubectl' : 'kubectl kubectl-stale'}>
        <thead>
          <tr><th>NAME</th><th>READY</th><th>STATUS</th><th>RESTARTS</th></tr>
        </thead>
        <tbody>
          <tr>
            {/* A Job's pods run side by side: the row is the followed pod's own line (state/trace/kubectlPod.ts). */}
            <td data-testid="kubectl-name" title={followed ? 'A Job: this row follows the pod of the selected event, else the newest pod. Select an event of another pod to follow it.' : row?.pod ?? podName}>
              <span className="kubectl-name">{followed ?? row?.pod ?? (podName || NONE)}</span>
            </td>
            <td data-testid="kubectl-ready">{row?.ready ?? NONE}</td>
            <td data-testid="kubectl-status" className={`kubectl-status status-${statusClass(row?.status)}`}>{row?.status ?? NONE}</td>
            <td data-testid="kubectl-restarts">{row ? restartsAt(row, t) : NONE}</td>
          </tr>
        </tbody>
      </table>
      {goneAt !== undefined && (
        <p className="kubectl-gone" data-testid="kubectl-gone" title="The pod object was deleted from the API server: kubectl get pod now answers NotFound. The row above is the last line kubectl printed for it.">
          gone from the API at {formatSeconds(goneAt)} s: kubectl finds no pod
        </p>
      )}
      {why && (
        <div className="kubectl-why" onKeyDown={(e) => { if (e.key === 'Escape' && open) { e.stopPropagation(); setOpen(false); } }}>
          <button type="button" className="kubectl-why-button" data-testid="kubectl-why" aria-expanded={open} aria-controls={whyId}
            title={why.status} onClick={() => setOpen((o) => !o)}>
            <span className="kubectl-why-icon" aria-hidden="true">i</span>why {explained.row?.status}?
          </button>
          {open && (
            <div id={whyId} className="kubectl-why-text" data-testid="kubectl-why-text" role="note">
              <p>{why.status}</p>
              {why.more.map((m) => <p key={m}>{m}</p>)}
              <p className="kubectl-why-source">From the printer's own decision; rules in docs/kubelet-rules.md section 14.</p>
            </div>
          )}
        </div>
      )}
      <p className="cursor-readout">
        <span className="cursor-label">cursor</span>{' '}
        <span data-testid="cursor-time">{hasTrace ? formatSeconds(t) : NONE}</span>
        <span className="unit"> s</span>
        {hasTrace && t >= 3600 && <span className="cursor-rough"> ({roughDuration(t)})</span>}
        {/* The dot's room is kept when it is not shown, so the strip never wraps differently for it. */}
        <span className="running-dot-slot">{showRunningDot && <span className="running-dot" role="status" aria-label="simulating" />}</span>
      </p>
      {/* On the strip's top edge, taking no room in it: a long run's start and end move nothing (statusStrip.css). */}
      {progress && (
        <p className="run-progress" role="status" data-testid="run-progress">
          <progress max={progress.horizon} value={progress.t} aria-label="simulated so far" />
          simulating… {roughDuration(progress.t)} of {roughDuration(progress.horizon)}
        </p>
      )}
    </section>
  );
}

/** A colour family for the STATUS column; the text itself always says it. */
function statusClass(status: string | undefined): string {
  if (!status) return 'none';
  if (status === 'Running' || status === 'Completed') return 'good';
  if (/Error|BackOff|Failed|OOMKilled|Err/.test(status)) return 'bad';
  return 'pending';
}
