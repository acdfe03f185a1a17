// The events up to the cursor, as `kubectl describe pod` prints them (Type, Reason, Age, From,
// Message). A click on a reason selects the event on the timeline.

import { useDeferredValue, useMemo } from 'react';
import { useAppStore } from '../../state/appStore';
import { selectCursorTime, selectPodName, selectSelect, selectSelected, selectTrace } from '../../state/selectors';
import { ageText, describeEvents } from '../../state/trace/describeEvents';

export function EventsPanel() {
  // Deferred: the timeline redraws first after an edit, the tables follow.
  const trace = useDeferredValue(useAppStore(selectTrace));
  const cursor = useDeferredValue(useAppStore(selectCursorTime));
  const podName = useAppStore(selectPodName);
  const selected = useAppStore(selectSelected);
  const select = useAppStore(selectSelect);
  const rows = useMemo(() => (trace ? describeEvents(trace, cursor, podName || 'pod') : []), [trace, cursor, podName]);
  return (
    <section className="panel events-panel" aria-labelledby="events-title">
      <h2 id="events-title">Events <span className="panel-hint">as kubectl describe pod shows them at the cursor</span></h2>
      {rows.length === 0 ? <p className="panel-empty">&lt;none&gt;</p> : (
        <div className="table-scroll events-scroll">
          <table className="data-table" data-testid="events">
            <thead><tr><th scope="col">Type</th><th scope="col">Reason</th><th scope="col">Age</th><th scope="col">From</th><th scope="col">Message</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.type}|${r.reason}|${r.message}`} className={`event-${r.type.toLowerCase()}${selected === r.index ? ' is-selected' : ''}`}>
                  <td>{r.type}</td>
                  <td><button type="button" className="link-button" onClick={() => select(r.index)} aria-label={`Select ${r.reason}: ${r.message}`}>{r.reason}</button></td>
                  <td className="mono">{ageText(r, cursor)}</td>
                  <td>{r.from}</td>
                  <td className="mono">{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
