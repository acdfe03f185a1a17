// The "Continue from here" button (issue 14; contract handle `continue-from-here`): turns the
// explained pod into a scenario that starts from its observed state (state/explain/continueFromHere).

import { continueFromHere } from '../../state/explain/continueFromHere';
import { shareContext } from '../share/startShare';

export function ContinueFromHere() {
  const onClick = () => {
    const ctx = shareContext();
    continueFromHere(ctx.store, ctx.storage);
  };
  return (
    <section className="explain-continue" aria-label="Continue as a simulation">
      <button type="button" className="tool-button" onClick={onClick} data-testid="continue-from-here">Continue from here</button>
      <span className="explain-hint">
        Simulate on from this state: completed containers stay completed, running ones keep their start times and restart
        counts, a back-off carries over. Your pod is kept in History.
      </span>
    </section>
  );
}
