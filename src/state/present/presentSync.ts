// Keeps presenter mode in step with the engine: a `?present` link opens it once the first trace
// is drawn, at the step nearest the moment the link carries (a lesson's cursor in its payload, or
// `?t=`: either is the store's cursor by now), else at the first step; and a new trace (an edit,
// another version) re-aligns the step with the cursor. The presenter's code loads only when
// presenter mode is wanted (issue 16: not in the page's first bundle).

import type { AppState, AppStore } from '../store';
import type { PresentLink } from './presentLink';

type Controller = typeof import('./controller');

let controller: Controller | null = null;
const loadController = (): Promise<Controller> => import('./controller').then((m) => (controller = m));

/** Runs `use` with the controller: at once when it is loaded, else when it is. */
function withController(use: (c: Controller) => void): void {
  if (controller) use(controller);
  else void loadController().then(use);
}

/**
 * Starts following the engine for presenter mode. Called once the address's link (opened before
 * the engine's first run) and its `?t=` are in the store, so a cursor there is the link's moment.
 * A link that asks before replacing the user's own text ("Open … / Keep mine") waits for the
 * answer: opened, it starts on the link's trace at its moment; kept, on the user's own.
 */
export function startPresentSync(store: AppStore, link: PresentLink, load: () => Promise<unknown> = loadController): () => void {
  store.getState().setPresent({ presentTitle: link.title, presentCaption: link.caption, presentLinkPending: link.present });
  let pending = link.present;
  // Should the presenter's code not load (a cut download, a redeploy), presenter mode cannot
  // start: the page goes on as an ordinary one, editor included.
  if (pending) {
    void load().catch(() => {
      pending = false;
      store.getState().setPresent({ presentLinkPending: false });
    });
  }
  const start = () => {
    pending = false;
    const s = store.getState();
    if (s.cursorTime === null) s.setCursorTime(0);
    // presentLinkPending ends in the same call that turns presenting on: the editor's pane never
    // counts as shown in between (the controller may still be loading when the trace comes).
    withController((c) => {
      c.startPresenting(store, 'nearest-cursor');
      store.getState().setPresent({ presentLinkPending: false });
    });
  };
  /** The engine answered without a trace (the text does not simulate) or failed: nothing to present. */
  const nothingToPresent = (s: AppState, prev: AppState) => !s.running && s.trace === null
    && ((s.result !== null && s.result !== prev.result) || (s.engineError !== null && s.engineError !== prev.engineError));
  const ready = () => {
    const s = store.getState();
    return s.trace !== null && !s.running && s.pendingOpen === null;
  };
  return store.subscribe((s, prev) => {
    if (pending && nothingToPresent(s, prev)) {
      pending = false;
      s.setPresent({ presentLinkPending: false });
      return;
    }
    if (pending && prev.pendingOpen !== null && s.pendingOpen === null) {
      // Answered. "Open" replaces the text next (in this same task) and the engine runs it;
      // "Keep mine" changes nothing: look once both had their chance.
      queueMicrotask(() => { if (pending && ready()) start(); });
      return;
    }
    if (!s.trace || s.trace === prev.trace || s.running) return;
    if (pending) {
      if (s.pendingOpen === null) start();
    } else if (s.presenting) {
      withController((c) => c.presentResync(store));
    }
  });
}
