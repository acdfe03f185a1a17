// The embedded view (`?embed`): the timeline and the kubectl columns, read-only, with a play
// button and a link back to the full app on the same scenario. No editor.

import { useMemo } from 'react';
import { appStore, useAppStore } from '../../state/appStore';
import { selectPlaying, selectPodName, selectTrace } from '../../state/selectors';
import { selectVersion } from '../../state/simulationDoc/selectors';
import { StatusStrip } from '../panels/StatusStrip';
import { CompareView } from '../share/compare/CompareView';
import { currentLink } from '../share/currentLink';
import { ShareBanner } from '../share/ShareNotices';
import { Timeline } from '../timeline/Timeline';
import './embed.css';

export function EmbedApp() {
  const podName = useAppStore(selectPodName);
  const version = useAppStore(selectVersion);
  const playing = useAppStore(selectPlaying);
  const hasTrace = useAppStore(selectTrace) !== null;
  const text = useAppStore((s) => s.text);
  // The link back carries the cursor as it is when followed (set on hover, focus and click).
  const initialHref = useMemo(() => currentLink({ ...appStore.getState(), text }, location.href), [text]);
  const refreshHref = (a: HTMLAnchorElement) => {
    a.href = currentLink(appStore.getState(), location.href);
  };

  return (
    <div className="embed" data-testid="embed">
      <header className="embed-header">
        <button
          type="button"
          className="embed-play"
          data-testid="embed-play"
          disabled={!hasTrace}
          aria-pressed={playing}
          onClick={() => appStore.getState().setPlaying(!playing)}
        >
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <h1 className="embed-title">
          <strong>{podName || 'Sidecar Lab'}</strong> <span>Kubernetes {version}</span>
        </h1>
        <a
          className="embed-open"
          data-testid="open-in-lab"
          href={initialHref}
          target="_blank"
          rel="noopener"
          onMouseEnter={(e) => refreshHref(e.currentTarget)}
          onFocus={(e) => refreshHref(e.currentTarget)}
          onMouseDown={(e) => refreshHref(e.currentTarget)}
        >
          Open in Sidecar Lab ↗
        </a>
      </header>
      <main className="embed-main">
        <ShareBanner />
        <CompareView />
        <StatusStrip />
        <Timeline readOnly />
      </main>
    </div>
  );
}
