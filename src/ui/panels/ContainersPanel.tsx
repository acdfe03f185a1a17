// The containers at the cursor as the API status shows them (state, reason, ready, started,
// restarts as the kubelet last wrote them), with the runtime's truth on a marked line where it runs
// ahead (state/trace/containersAt.ts), each with the buttons
// that break it on purpose: every button adds an event at the cursor to the scenario's events:.
// A button that cannot act on that container then (no such probe, no process) is aria-disabled
// and says why (state/commands/injectAvailability.ts).

import { Fragment, useDeferredValue, useId, useMemo } from 'react';
import { appStore, useAppStore } from '../../state/appStore';
import { INJECT_ACTIONS, INJECT_HELP, INJECT_LABEL, runInject } from '../../state/commands/inject';
import { injectUnavailable } from '../../state/commands/injectAvailability';
import type { AppState } from '../../state/store';
import { selectCursorTime, selectKubectlGoneAt, selectKubectlPod, selectTrace } from '../../state/selectors';
import { containersAt } from '../../state/trace/containersAt';
import { formatSeconds } from '../timeline/scale';
import { InjectOptions } from './InjectOptions';
import './containersPanel.css';

const selectContainerSummaries = (s: AppState) => s.containerSummaries;
const yesNo = (b: boolean) => (b ? 'true' : 'false');

export function ContainersPanel() {
  // Deferred: the timeline redraws first after an edit, the tables follow.
  const trace = useDeferredValue(useAppStore(selectTrace));
  const cursor = useDeferredValue(useAppStore(selectCursorTime));
  // A Job's pods reuse the container names: the table shows the pod the kubectl row follows.
  const pod = useDeferredValue(useAppStore(selectKubectlPod));
  const rows = useMemo(() => (trace ? containersAt(trace, cursor, pod) : []), [trace, cursor, pod]);
  const summaries = useAppStore(selectContainerSummaries);
  const goneAt = useDeferredValue(useAppStore(selectKubectlGoneAt));
  const panelId = useId();
  const at = formatSeconds(cursor);
  return (
    <section className="panel containers-panel" aria-labelledby="containers-title">
      <h2 id="containers-title">Containers at {at} s <span className="panel-hint">{pod === undefined ? '' : `of pod ${pod}, `}as the API status shows them; break one on purpose: each button adds an event at the cursor</span></h2>
      <InjectOptions />
      <div className="table-scroll">
        <table className="data-table" data-testid="containers">
          <thead>
            <tr><th scope="col">NAME</th><th scope="col">KIND</th><th scope="col">STATE</th><th scope="col">REASON</th><th scope="col">READY</th><th scope="col">STARTED</th><th scope="col">RESTARTS</th></tr>
          </thead>
          <tbody>
            {rows.map((r, rowIndex) => {
              const idBase = `${panelId}-${rowIndex}`;
              return (
              <Fragment key={r.name}>
              <tr data-container={r.name}>
                <th scope="row" className="mono">{r.name}</th>
                <td>{r.kind}</td>
                <td data-col="state" className={`state-${r.state.toLowerCase()}`}>{r.state}</td>
                <td data-col="reason" className="mono">{r.reason || '—'}</td>
                <td data-col="ready">{yesNo(r.ready)}</td>
                <td data-col="started">{yesNo(r.started)}</td>
                <td data-col="restarts">{r.restarts}</td>
              </tr>
              {r.runtimeNote && (
                <tr className="runtime-row">
                  <td colSpan={7} className="runtime-note" data-testid="runtime-note" data-container={r.name}>
                    <span className="runtime-mark">runtime</span> {r.runtimeNote.replace(/^runtime: /, '')}
                  </td>
                </tr>
              )}
              <tr className="inject-row">
                <td colSpan={7} className="inject-cell" role="group" aria-label={`Break ${r.name}`}>
                  {INJECT_ACTIONS.map((a) => {
                    const why = injectUnavailable(a, { name: r.name, kind: r.kind, state: r.runtime, summary: summaries[r.name], ...(goneAt === undefined ? {} : { podGoneAt: goneAt }) });
                    const whyId = `inject-why-${idBase}-${a}`;
                    return (
                      <Fragment key={a}>
                        <button type="button" className="inject-button" data-testid="inject" data-action={a} data-container={r.name}
                          aria-label={`${INJECT_LABEL[a]} ${r.name} at ${at} s`} title={why ?? `${INJECT_LABEL[a]}: ${INJECT_HELP[a]}`}
                          aria-disabled={why ? true : undefined} aria-describedby={why ? whyId : undefined}
                          onClick={() => { if (!why) runInject(appStore, a, r.name); }}>
                          {INJECT_LABEL[a]}
                        </button>
                        {why && <span id={whyId} hidden>{why}</span>}
                      </Fragment>
                    );
                  })}
                </td>
              </tr>
              </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
