// The selected event in words: what, when, why, what caused it and what it caused (each a
// button that selects that event), and for an injected event, a button to remove it.

import { appStore, useAppStore } from '../../state/appStore';
import { removeWritten, writtenAs } from '../../state/commands/selection';
import { selectCausalityOfSelection, selectSelect, selectSelected, selectTrace } from '../../state/selectors';
import { eventDetail, eventTitle } from '../timeline/eventText';

export function SelectionPanel() {
  const trace = useAppStore(selectTrace);
  const selected = useAppStore(selectSelected);
  const causality = useAppStore(selectCausalityOfSelection);
  const select = useAppStore(selectSelect);
  const e = selected === null ? undefined : trace?.events[selected];
  if (!trace || selected === null || !e) {
    return (
      <section className="panel selection-panel" aria-label="Selected event" aria-live="polite">
        <p className="panel-empty">Hover the timeline to see why each thing happened; click an event to see its causes and effects.</p>
      </section>
    );
  }
  const list = (title: string, indices: readonly number[] | undefined, cls: string) => (indices && indices.length > 0 ? (
    <div className={`causal-list ${cls}`}>
      <h3>{title}</h3>
      <ul>
        {indices.map((j) => (
          <li key={j}><button type="button" className="link-button" onClick={() => select(j)}>{eventTitle(trace.events[j]!)}</button></li>
        ))}
      </ul>
    </div>
  ) : null);
  return (
    <section className="panel selection-panel" aria-label="Selected event" aria-live="polite" data-testid="selection">
      <p className="selection-title mono">{eventTitle(e)}</p>
      {eventDetail(e) && <p className="mono selection-detail">{eventDetail(e)}</p>}
      <p className="selection-why" data-testid="selection-why">{e.why}</p>
      <div className="causal-lists">
        {list('Caused by', causality?.causesOf(selected), 'causes')}
        {list('Led to', causality?.effectsOf(selected), 'effects')}
      </div>
      <div className="selection-actions">
        {writtenAs(e) && (
          <button type="button" className="inject-button" data-testid="remove-selected" onClick={() => removeWritten(appStore, selected)}>
            Remove this injected event
          </button>
        )}
        <button type="button" className="tool-button" onClick={() => select(null)}>Clear selection</button>
      </div>
    </section>
  );
}
