// A polite live region: what the last command did (an event added, removed, moved).

import { useAppStore } from '../../state/appStore';
import { selectNotice } from '../../state/selectors';

export function Notice() {
  const notice = useAppStore(selectNotice);
  return <p className="notice" role="status" aria-live="polite" data-testid="notice">{notice}</p>;
}
