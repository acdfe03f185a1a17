// The events up to the cursor, as `kubectl describe pod` prints them (Type, Reason, Age, From,
// Message). A click on a reason selects the event on the timeline.

import { useDeferredValue, useMemo } from 'react';
import { useAppStore } from '../../state/appStore';
import { selectCursorTime, selectKubectlPod, selectPodName, selectSelect, selectSelected, selectTrace } from '../../state/selectors';
import { ageText, describeEventLog, humanDuration, type DescribedEvents } from '../../state/trace/describeEvents';
import { EVENT_TTL_SECONDS, SPAM_BURST, SPAM_REFILL_SECONDS } from '../../state/trace/eventSpamFilter';

const NO_EVENTS: DescribedEvents = { rows: [], skipped: 0, expired: 0 };
const TTL_TEXT = EVENT_TTL_SECONDS === 3600 ? 'an hour' : `${EVENT_TTL_SECONDS / 3600} hours`;

/** [10.7] Why a row's Age or count is behind the timeline, and where old rows went. */
function KeptBack({ log, cursor }: { log: DescribedEvents; cursor: number }) {
  if (log.skipped === 0 && log.expired === 0) return null;
  return (
    <p className="panel-hint" data-testid="events-kept-back">
      {log.skipped > 0 && (
        <>{log.skipped.toLocaleString('en-US')} kubelet {log.skipped === 1 ? 'event was' : 'events were'} not written to the API server, the last {humanDuration(cursor - (log.lastSkippedAt ?? cursor))} ago: its spam filter writes {SPAM_BURST} events per pod, then one every {SPAM_REFILL_SECONDS / 60} minutes. The counts include them; the Age is the last write's. </>
      )}
      {log.expired > 0 && (
        <>{log.expired.toLocaleString('en-US')} older {log.expired === 1 ? 'event is' : 'events are'} gone: the API server deletes an event {TTL_TEXT} after its last write.</>
      )}
    </p>
  );
}

export function EventsPanel() {
  // Deferred: the timeline redraws first after an edit, the tables follow.
  const trace = useDeferredValue(useAppStore(selectTrace));
  const cursor = useDeferredValue(useAppStore(selectCursorTime));
  // A Job's pods each have their own events: those of the pod the kubectl row follows.
  const followed = useDeferredValue(useAppStore(selectKubectlPod));
  const named = useAppStore(selectPodName);
  const podName = followed ?? (named || 'pod');
  const selected = useAppStore(selectSelected);
  const select = useAppStore(selectSelect);
  const log = useMemo(() => (trace ? describeEventLog(trace, cursor, podName) : NO_EVENTS), [trace, cursor, podName]);
  const { rows } = log;
  return (
    <section className="panel events-panel" aria-labelledby="events-title">
      <h2 id="events-title">Events {rows.length > 0 && <span className="count" data-testid="events-count">{rows.length}</span>} <span className="panel-hint">as kubectl describe pod{followed === undefined ? '' : ` ${followed}`} shows them at the cursor</span></h2>
      {rows.length === 0 ? <p className="panel-empty">&lt;none&gt;</p> : (
        <div className="table-scroll events-scroll">
          <table className="data-table" data-testid="events">
            <thead><tr><th scope="col">Type</th><th scope="col">Reason</th><th scope="col">Age</th><th scope="col">From</th><th scope="col">Message</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.first}|${r.type}|${r.reason}|${r.message}`} className={`event-${r.type.toLowerCase()}${selected === r.index ? ' is-selected' : ''}`}>
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
      <KeptBack log={log} cursor={cursor} />
    </section>
  );
}
