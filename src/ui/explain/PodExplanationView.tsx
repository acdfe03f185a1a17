// One explained pod: the kubectl row, the phase and conditions with their rules, each container in
// words, kubectl's quirks, what comes next (contract handle `explain-next`), and the problems found.

import type { PodExplanation } from '../../engine/explain/types';
import { groupedNextSteps } from '../../state/explain/explainView';

const KIND_LABEL = { init: 'init', sidecar: 'sidecar', main: 'main' } as const;

export function PodExplanationView({ pod }: { pod: PodExplanation }) {
  const headingId = `explain-${pod.namespace}-${pod.name}`.replace(/[^A-Za-z0-9_-]/g, '-');
  return (
    <article className="explain-pod" aria-labelledby={headingId}>
      <h2 id={headingId} className="explain-title">pod <span className="mono">{pod.namespace}/{pod.name || '(no name)'}</span></h2>
      <div className="table-scroll">
        <table className="kubectl explain-kubectl" aria-label="kubectl get pod">
          <thead><tr><th>NAME</th><th>READY</th><th>STATUS</th><th>RESTARTS</th><th>AGE</th></tr></thead>
          <tbody>
            <tr>
              <td>{pod.name || '—'}</td>
              <td data-testid="explain-ready">{pod.kubectl.ready}</td>
              <td data-testid="explain-status">{pod.kubectl.status}</td>
              <td data-testid="explain-restarts">{pod.kubectl.restarts}</td>
              <td>{pod.kubectl.age}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {pod.quirks.length > 0 && (
        <ul className="explain-quirks" aria-label="Why kubectl prints that">
          {pod.quirks.map((q) => <li key={q}>{q}</li>)}
        </ul>
      )}

      <section className="explain-next" data-testid="explain-next" aria-label="What the kubelet does next">
        <h3>What happens next</h3>
        {pod.next.length === 0 ? <p className="panel-empty">Nothing: every container runs as it should.</p> : (
          <ol className="explain-steps">
            {groupedNextSteps(pod.next, pod.now).map((v, i) => (
              <li key={`${v.containers.join(',')}-${i}`} className={`explain-step step-${v.action}`}>
                <span className="explain-step-head">
                  <span className="mono explain-container">{v.containers.join(', ')}</span>{' '}
                  <span className="explain-action">{v.action}</span>{' '}
                  <span className="explain-when">{v.whenText}</span>
                  {v.atText && <span className="mono explain-at"> ({v.atText})</span>}
                </span>
                <span className="explain-why">{v.why}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-label="Phase and conditions">
        <h3>Phase <span className="mono">{pod.phase.value}</span>{pod.phase.observed && <span className="explain-observed"> (the object says {pod.phase.observed})</span>}</h3>
        <p className="explain-why">{pod.phase.why}</p>
        <div className="table-scroll">
          <table className="data-table explain-conditions">
            <thead><tr><th scope="col">condition</th><th scope="col">status</th><th scope="col">why</th></tr></thead>
            <tbody>
              {pod.conditions.map((c) => (
                <tr key={c.type}>
                  <th scope="row">{c.type}</th>
                  <td>{c.status}{c.reason ? ` (${c.reason})` : ''}{c.observed ? `; the object says ${c.observed}` : ''}</td>
                  <td className="explain-wrap">{c.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-label="Containers">
        <h3>Containers</h3>
        <ul className="explain-containers">
          {pod.containers.map((c) => (
            <li key={`${c.kind}-${c.name}`}>
              <span className={`explain-kind kind-${c.kind}`}>{KIND_LABEL[c.kind]}</span>{' '}
              <span className="mono">{c.name}</span>{' '}
              <span className={`state-${c.state === 'none' ? 'waiting' : c.state}`}>{c.reason ?? c.state}</span>
              {c.restartCount > 0 && <span className="explain-restarts">, restarts {c.restartCount}</span>}
              <div className="explain-why">{c.words}</div>
            </li>
          ))}
        </ul>
      </section>

      {pod.notes.length > 0 && (
        <section aria-label="Problems in the object">
          <h3>Problems in the object</h3>
          <ul className="explain-notes">
            {pod.notes.map((n) => <li key={n.message} className={`note-${n.severity}`}>{n.message}</li>)}
          </ul>
        </section>
      )}
    </article>
  );
}
