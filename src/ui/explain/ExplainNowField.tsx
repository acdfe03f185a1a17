// The "now" of explain mode: the time the ages and countdowns count from. Defaults to the newest
// timestamp in the object (about when it was dumped); the user can set another.

import { useEffect, useId, useState } from 'react';
import type { PodExplanation } from '../../engine/explain/types';
import { useAppStore } from '../../state/appStore';
import { explainNowText, parseNowInput } from '../../state/explain/explainView';
import { selectSetExplainNow } from '../../state/explain/selectExplanation';

export function ExplainNowField({ pod }: { pod: PodExplanation }) {
  const setNow = useAppStore(selectSetExplainNow);
  const shown = explainNowText(pod);
  const [draft, setDraft] = useState(shown);
  const [bad, setBad] = useState(false);
  const id = useId();
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    const t = parseNowInput(draft);
    setBad(t === undefined);
    if (t !== undefined) setNow(t);
  };
  return (
    <form className="explain-now" onSubmit={(e) => { e.preventDefault(); commit(); }}>
      <label htmlFor={id}>now</label>
      <input
        id={id}
        className="mono"
        value={draft}
        aria-invalid={bad}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        data-testid="explain-now"
      />
      {!pod.nowIsDefault && <button type="button" className="link-button" onClick={() => setNow(null)}>use the object&apos;s newest time</button>}
      <span id={`${id}-hint`} className="explain-hint">
        {bad ? 'Expected an RFC3339 time, e.g. 2024-10-27T09:15:00Z.' : pod.nowIsDefault ? 'the newest timestamp in the object; ages and countdowns count from here' : 'set by you'}
      </span>
    </form>
  );
}
