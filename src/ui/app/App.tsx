// The composition root: the page's layout, nothing else.

import { useLayoutEffect } from 'react';
import { appStore, useAppStore } from '../../state/appStore';
import { LazyEditor } from '../editor/LazyEditor';
import { ContainersPanel } from '../panels/ContainersPanel';
import { EventsPanel } from '../panels/EventsPanel';
import { HelpOverlay } from '../panels/HelpOverlay';
import { Notice } from '../panels/Notice';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { SelectionPanel } from '../panels/SelectionPanel';
import { StatusStrip } from '../panels/StatusStrip';
import { TimelineToolbar } from '../panels/TimelineToolbar';
import { UnfinishedRunNotice } from '../panels/UnfinishedRunNotice';
import { VersionSelect } from '../panels/VersionSelect';
import { Legend } from '../timeline/Legend';
import { Timeline } from '../timeline/Timeline';
import { startTheme } from './theme';
import { useShortcuts } from './useShortcuts';
import { selectEmbed } from '../../state/slices/share';
import { selectTraceTruncated } from '../../state/selectors';
import { EmbedApp } from '../embed/EmbedApp';
import { ExplainView } from '../explain/ExplainView';
import { selectExplainMode } from '../../state/explain/selectExplanation';
import { GalleryPanel } from '../gallery/GalleryPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { StorageNotice } from '../history/StorageNotice';
import { CompareView } from '../share/compare/CompareView';
import { ShareButton } from '../share/ShareButton';
import { OpenDialog, ShareBanner } from '../share/ShareNotices';
import { PresentButton } from '../present/PresentButton';
import { PresenterPanel } from '../present/PresenterPanel';
import { PageTools } from '../panels/PageTools';
import { PANE_IDS, PhoneTabs, usePhoneTab } from './PhoneTabs';
import type { AppState } from '../../state/store';
import './app.css';
import './panels.css';
import './narrow.css';
import './header.css';
import './toolbarFit.css';

const selectPresenting = (s: AppState) => s.presenting;

export function App() {
  useLayoutEffect(() => startTheme(appStore), []);
  useShortcuts();
  const embed = useAppStore(selectEmbed);
  const truncated = useAppStore(selectTraceTruncated);
  const presenting = useAppStore(selectPresenting);
  const explaining = useAppStore(selectExplainMode);
  const [phoneTab, setPhoneTab] = usePhoneTab();
  if (embed) return <EmbedApp />;
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
        <ShareBanner />
        <StorageNotice />
      </div>
      <OpenDialog />
      <main className="app-main" data-phone-tab={phoneTab}>
        <PhoneTabs tab={phoneTab} onTab={setPhoneTab} />
        <section className="pane pane-editor" id={PANE_IDS.editor} aria-label="Scenario">
          <div className="editor-frame">
            <LazyEditor />
          </div>
          <ProblemsPanel />
        </section>
        {explaining ? (
          <section className="pane pane-timeline" id={PANE_IDS.timeline} aria-label="Explanation">
            <ExplainView />
          </section>
        ) : (
          <section className="pane pane-timeline" id={PANE_IDS.timeline} aria-label="Simulation">
            <PresenterPanel />
            <CompareView />
            <StatusStrip />
            <TimelineToolbar />
            <UnfinishedRunNotice />
            <Timeline />
            <Legend truncated={truncated} />
            <Notice />
            <SelectionPanel />
            <ContainersPanel />
            <EventsPanel />
          </section>
        )}
      </main>
      <HelpOverlay />
    </div>
  );
}
