// The composition root: the page's layout, nothing else.

import { LazyEditor } from '../editor/LazyEditor';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { StatusStrip } from '../panels/StatusStrip';
import { VersionSelect } from '../panels/VersionSelect';
import { Timeline } from '../timeline/Timeline';
import './app.css';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Sidecar Lab</h1>
        <p className="tagline">how the kubelet runs init containers, sidecars and your app</p>
        <VersionSelect />
      </header>
      <main className="app-main">
        <section className="pane pane-editor" aria-label="Scenario">
          <div className="editor-frame">
            <LazyEditor />
          </div>
          <ProblemsPanel />
        </section>
        <section className="pane pane-timeline" aria-label="Simulation">
          <StatusStrip />
          <Timeline />
        </section>
      </main>
    </div>
  );
}
