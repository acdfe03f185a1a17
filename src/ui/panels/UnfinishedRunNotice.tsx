// Above the timeline: the run ends while something is still in progress (state/trace/
// unfinishedRun.ts), with a button that writes a later `until` into the Simulation document (an
// ordinary text edit, so Ctrl+Z undoes it).

import { useDeferredValue, useMemo } from 'react';
import { appStore, useAppStore } from '../../state/appStore';
import { editScenario } from '../../state/commands/editScenario';
import { formatSeconds } from '../../state/format';
import { selectTrace } from '../../state/selectors';
import { unfinishedRun } from '../../state/trace/unfinishedRun';
import { withUntil } from '../../state/simulationDoc';
import './unfinishedRun.css';

export function UnfinishedRunNotice() {
  // Deferred, as the tables are: the timeline redraws first after an edit (issue 16).
  const trace = useDeferredValue(useAppStore(selectTrace));
  const found = useMemo(() => (trace ? unfinishedRun(trace) : null), [trace]);
  if (!found) return null;
  const until = formatSeconds(found.suggestedUntil);
  const extend = () => editScenario(appStore, (text) => withUntil(text, found.suggestedUntil), `until is now ${until}s.`);
  return (
    <div className="unfinished-run" data-testid="unfinished-run">
      <p>The run ends at {formatSeconds(found.end)} s while {found.what}: extend until to {until} s?</p>
      <button type="button" data-testid="extend-until" onClick={extend}>Extend until to {until} s</button>
    </div>
  );
}
