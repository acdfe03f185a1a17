// The header's "Present" button: opens presenter mode on the current scenario.

import { appStore, useAppStore } from '../../state/appStore';
import { startPresenting } from '../../state/present/controller';
import { selectTrace } from '../../state/selectors';

export function PresentButton() {
  const trace = useAppStore(selectTrace);
  return (
    <button type="button" className="header-button" data-testid="present" disabled={!trace}
      title="Step through the scenario event by event, in large type, for a class"
      onClick={() => startPresenting(appStore)}>
      Present
    </button>
  );
}
