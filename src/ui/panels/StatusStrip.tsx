// What `kubectl get pod` prints at the cursor, and the cursor's time.

import { useAppStore } from '../../state/appStore';
import { selectCursorTime, selectKubectlAtCursor, selectPodName, selectRunning, selectTrace } from '../../state/selectors';
import { formatSeconds } from '../timeline/scale';

const NONE = '—';

export function StatusStrip() {
  const row = useAppStore(selectKubectlAtCursor);
  const t = useAppStore(selectCursorTime);
  const podName = useAppStore(selectPodName);
  const hasTrace = useAppStore(selectTrace) !== null;
  const running = useAppStore(selectRunning);
  return (
    <section className="status-strip" aria-label="kubectl get pod at the cursor">
      <table className="kubectl">
        <thead>
          <tr><th>NAME</th><th>READY</th><th>STATUS</th><th>RESTARTS</th></tr>
        </thead>
        <tbody>
          <tr>
            <td>{podName || NONE}</td>
            <td data-testid="kubectl-ready">{row?.ready ?? NONE}</td>
            <td data-testid="kubectl-status" className={`kubectl-status status-${statusClass(row?.status)}`}>{row?.status ?? NONE}</td>
            <td data-testid="kubectl-restarts">{row?.restarts ?? NONE}</td>
          </tr>
        </tbody>
      </table>
      <p className="cursor-readout">
        <span className="cursor-label">cursor</span>{' '}
        <span data-testid="cursor-time">{hasTrace ? formatSeconds(t) : NONE}</span>
        <span className="unit"> s</span>
        {running && <span className="running-dot" role="status" aria-label="simulating" />}
      </p>
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
