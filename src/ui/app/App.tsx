// The composition root: the page's layout, nothing else.

import { useLayoutEffect } from 'react';
import { appStore, useAppStore } from '../../state/appStore';
import { LazyEditor } from '../editor/LazyEditor';
import { Notice } from '../panels/Notice';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { StatusStrip } from '../panels/StatusStrip';
import { TimelineToolbar } from '../panels/TimelineToolbar';
import { Legend } from '../timeline/Legend';
import { Timeline } from '../timeline/Timeline';
import { startTheme } from './theme';
import { useShortcuts } from './useShortcuts';
import { useMarkFirstFrame } from './firstFrame';
import { selectEmbed } from '../../state/slices/share';
import { selectTraceSandboxChanged, selectTraceProbeErrored, selectTraceTruncated, selectTraceVersion } from '../../state/selectors';
import { selectExplainMode } from '../../state/explain/explainMode';
import { PageTools } from '../panels/PageTools';
import { HeaderButtonStandIn, lazyPart } from './lazyPart';
import { PartLoadNotice } from './PartLoadNotice';
import { PaneGuard } from './PaneBoundary';
import { PANE_IDS, PHONE, PhoneTabs, usePhoneTab } from './PhoneTabs';
import { useMediaQuery } from './useMediaQuery';
import type { AppState } from '../../state/store';
import './app.css';
import './panels.css';
import './narrow.css';
import './header.css';
import './toolbarFit.css';

const selectPresenting = (s: AppState) => s.presenting;
const selectPresentLinkPending = (s: AppState) => s.presentLinkPending;

// What the first frame does not need arrives after it (issue 16): the parts every page shows soon
// after it in one chunk (laterParts.ts), the views a page opens on at once in chunks of their own.
const later = () => import('./laterParts');
const VersionSelect = lazyPart(later, 'VersionSelect', { part: 'the version picker', fallback: <VersionStandIn /> });
const GalleryPanel = lazyPart(later, 'GalleryPanel', { part: 'the gallery', fallback: <HeaderButtonStandIn label="Gallery" /> });
const HistoryPanel = lazyPart(later, 'HistoryPanel', { part: 'the history', fallback: <HeaderButtonStandIn label="History" /> });
const PresentButton = lazyPart(later, 'PresentButton', { part: 'presenter mode', fallback: <HeaderButtonStandIn label="Present" /> });
const ShareButton = lazyPart(later, 'ShareButton', { part: 'sharing', fallback: <div className="share"><HeaderButtonStandIn label="Share" className="share-button" /></div> });
const EmbedApp = lazyPart(() => import('../embed/EmbedApp'), 'EmbedApp', { part: 'the embedded view', when: 'now' });
const ShareBanner = lazyPart(later, 'ShareBanner', { part: 'the shared link\'s notices' });
const OpenDialog = lazyPart(later, 'OpenDialog', { part: 'the shared link\'s notices' });
const StorageNotice = lazyPart(later, 'StorageNotice', { part: 'the storage notice' });
const HelpOverlay = lazyPart(later, 'HelpOverlay', { part: 'the keyboard help' });
const ExplainView = lazyPart(() => import('../explain/ExplainView'), 'ExplainView', { part: 'the pod explanation', when: 'now' });
const PresenterPanel = lazyPart(later, 'PresenterPanel', { part: 'the presenter panel' });
const CompareView = lazyPart(later, 'CompareView', { part: 'the version comparison' });
const UnfinishedRunNotice = lazyPart(later, 'UnfinishedRunNotice', { part: 'the unfinished run notice' });
// The selection, containers and events panels: a frame later, so that frame styles and lays out
// about 40 % fewer elements, and out of the first chunk.
const UnderTimeline = lazyPart(later, 'UnderTimeline', { part: 'the selection, containers and events panels' });

/** The version picker's place while its module (it reads the scenario's YAML) loads. */
function VersionStandIn() {
  const version = useAppStore(selectTraceVersion);
  return (
    <div className="version-controls" aria-hidden="true">
      <label className="version-select">
        <span>Kubernetes</span>
        <select disabled value={version} tabIndex={-1} onChange={() => {}}><option value={version}>v{version}</option></select>
      </label>
    </div>
  );
}

export function App() {
  useLayoutEffect(() => startTheme(appStore), []);
  useMarkFirstFrame();
  useShortcuts();
  const embed = useAppStore(selectEmbed);
  const truncated = useAppStore(selectTraceTruncated);
  const sandboxChanged = useAppStore(selectTraceSandboxChanged);
  const probeErrored = useAppStore(selectTraceProbeErrored);
  const presenting = useAppStore(selectPresenting);
  const presentLinkPending = useAppStore(selectPresentLinkPending);
  const explaining = useAppStore(selectExplainMode);
  const [phoneTab, setPhoneTab] = usePhoneTab();
  const phone = useMediaQuery(PHONE);
  if (embed) return <><PartLoadNotice /><EmbedApp /></>;
  return (
    <div className={presenting && !explaining ? 'app presenting' : 'app'}>
      <header className="app-header">
        <h1>Sidecar Lab</h1>
        <p className="tagline">how the kubelet runs init containers, sidecars and your app</p>
        <VersionSelect />
        <GalleryPanel />
        <HistoryPanel />
        <PresentButton />
        <ShareButton />
        <PageTools />
      </header>
      <div className="app-notices">
        <PartLoadNotice />
        <ShareBanner />
        <StorageNotice />
      </div>
      <OpenDialog />
      <main className="app-main" data-phone-tab={phoneTab}>
        <PhoneTabs tab={phoneTab} onTab={setPhoneTab} />
        <section className="pane pane-editor" id={PANE_IDS.editor} aria-label="Scenario">
          <div className="editor-frame">
            <LazyEditor shown={!((presenting || presentLinkPending) && !explaining) && !(phone && phoneTab === 'timeline')} />
          </div>
          <PaneGuard what="The problems list">
            <ProblemsPanel />
          </PaneGuard>
        </section>
        {explaining ? (
          <section className="pane pane-timeline" id={PANE_IDS.timeline} aria-label="Explanation">
            <PaneGuard what="The explanation">
              <ExplainView />
            </PaneGuard>
          </section>
        ) : (
          <section className="pane pane-timeline" id={PANE_IDS.timeline} aria-label="Simulation">
            <PaneGuard what="The timeline">
              <PresenterPanel />
              <CompareView />
              <StatusStrip />
              <TimelineToolbar />
              <UnfinishedRunNotice />
              <Timeline />
              <Legend truncated={truncated} sandboxChanged={sandboxChanged} probeErrored={probeErrored} />
              <Notice />
              <UnderTimeline />
            </PaneGuard>
          </section>
        )}
      </main>
      <HelpOverlay />
    </div>
  );
}
