// Sharing an explained pod (issue 14): the link keeps only what the lifecycle needs; this says what
// it leaves out before anything is copied, then copies it, unless it could not open (too long, or
// unpacking past the limit: the Share button's check, shareCheck.ts), which it says instead.

import { useState } from 'react';
import { appStore, useAppStore } from '../../state/appStore';
import { redactedShare } from '../../state/explain/shareSafeText';
import { selectText } from '../../state/selectors';
import { copyText } from '../share/copyText';
import { checkShare } from '../share/shareCheck';

export function ExplainShare() {
  const text = useAppStore(selectText);
  const redacted = redactedShare(text);
  const [state, setState] = useState<'idle' | 'copied' | 'failed' | { refused: string }>('idle');
  if (!redacted) return null;
  const copy = async () => {
    const checked = checkShare(appStore.getState(), location.href);
    if (!checked.ok) {
      setState({ refused: checked.message });
      return;
    }
    setState((await copyText(checked.link)) ? 'copied' : 'failed');
  };
  const said = typeof state === 'object' ? ` ${state.refused}`
    : state === 'copied' ? ' Copied' : state === 'failed' ? ' The clipboard refused: use Share and copy the link by hand' : '';
  return (
    <section className="explain-share" aria-label="Share this pod safely" data-testid="explain-share">
      <h3>Sharing this pod</h3>
      <p className="explain-why">
        A share link keeps only what the lifecycle needs: container names, restart policies, probe timings, the phase,
        conditions, container states, exit codes, restart counts and their times. It never carries environment values,
        secrets, annotations or managed fields. Left out of the link:
      </p>
      <ul className="explain-dropped" data-testid="explain-dropped">
        {redacted.dropped.map((d) => <li key={d}>{d}</li>)}
      </ul>
      <button type="button" className="tool-button" onClick={() => void copy()} data-testid="explain-copy-link">Copy the share-safe link</button>
      <span role="status" className="explain-hint" data-testid="explain-copy-status">{said}</span>
    </section>
  );
}
