// The "Continue from here" button (issue 14; contract handle `continue-from-here`): turns the
// explained pod into a scenario that starts from its observed state (state/explain/continueFromHere).
// A pod that cannot be continued (a terminal one, [6.5]) gets the button disabled, with the reason
// beside it, before anyone presses it.

import { useAppStore } from '../../state/appStore';
import { continueFromHere, selectContinueRefusal } from '../../state/explain/continueFromHere';
import { shareContext } from '../share/startShare';

export function ContinueFromHere() {
  const refusal = useAppStore(selectContinueRefusal);
  const onClick = () => {
    const ctx = shareContext();
    continueFromHere(ctx.store, ctx.storage);
  };
  return (
    <section className="explain-continue" aria-label="Continue as a simulation">
      <button type="button" className="tool-button" onClick={onClick} disabled={refusal !== undefined}
        aria-describedby="explain-continue-hint" data-testid="continue-from-here">Continue from here</button>
      <span className="explain-hint" id="explain-continue-hint">
        {refusal === undefined
          ? 'Simulate on from this state: completed containers stay completed, running ones keep their start times and restart counts, a back-off carries over. Your pod is kept in History.'
          : `Nothing to continue: ${refusal}`}
      </span>
    </section>
  );
}
