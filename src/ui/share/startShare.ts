// Start-up of share links, before the engine's first run: the embedded view's flag, the link in
// the address (opened at once, or asked about), then the address bar following the scenario
// and links pasted into it while the page is open.

import { isEmbedUrl, viewFromUrl } from '../../share';
import { appStore } from '../../state/appStore';
import { DEFAULT_SCENARIO } from '../../state/defaultScenario';
import { startCompareRunner } from '../../state/compareRunner';
import { applyLinkView } from '../../state/linkView';
import { ADDRESS_RACE_MS, rememberLeavingAddress, rememberTabAddress, rememberTabText, tabStorage } from '../../state/history/tabText';
import { browserStorage, type TextStorage } from '../../state/persistence';
import { afterAnswer } from '../../state/afterAnswer';
import type { AppState, AppStore } from '../../state/store';
import { addressLink } from './currentLink';
import { openFromFragment, type OpenContext } from '../../state/open/openScenario';
import { startRevealCursor } from '../../state/open/revealCursor';

export const ADDRESS_DEBOUNCE_MS = 400;

let context: OpenContext | null = null;

/** The context the share UI opens scenarios with (set by startShare). */
export function shareContext(): OpenContext {
  return context ?? { store: appStore, storage: browserStorage(), session: tabStorage() };
}

function changed(s: AppState, prev: AppState): boolean {
  return s.text !== prev.text || s.cursorTime !== prev.cursorTime
    || s.view !== prev.view || s.compare !== prev.compare || (prev.pendingOpen !== null && s.pendingOpen === null);
}

/** Calls `run` in the browser's idle time (or after a timeout where it has none); returns a function that cancels it. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(run, { timeout: 1000 });
  return () => cancelIdleCallback(id);
}

/**
 * Keeps the address bar on the current scenario's link (replaceState, debounced, and at once when
 * the page goes away, so a quick reload finds the newest text there), and remembers in the tab's
 * sessionStorage which text this tab's address holds. The write (the link's optimal deflate and
 * replaceState: about 16 ms of CPU for the 40-container pod) waits, after the debounce, for the edit's
 * timeline to be drawn and then for idle time, so it does not land inside a keystroke's window
 * (issue 16).
 */
export function followAddress(store: AppStore, debounceMs = ADDRESS_DEBOUNCE_MS, session: TextStorage | null = tabStorage()): () => void {
  /** Cancels the write under way (its debounce, its wait for the answer, its idle callback). */
  let pending: (() => void) | null = null;
  /** When the address was last written (-Infinity: not yet), for a reload that races that write. */
  let writtenAt = -Infinity;
  const write = (leaving = false, racing = false) => {
    pending?.();
    pending = null;
    const s = store.getState();
    if (s.pendingOpen) return;
    const href = addressLink(s, location.href);
    if (href !== location.href) history.replaceState(history.state, '', href);
    writtenAt = performance.now();
    rememberTabAddress(session, s.text, leaving, racing);
    rememberTabText(session, s.text);
  };
  const schedule = () => {
    let cancel = () => {};
    const timer = setTimeout(() => {
      cancel = afterAnswer(store, () => { cancel = whenIdle(() => write()); });
    }, debounceMs);
    pending = () => {
      clearTimeout(timer);
      cancel();
    };
  };
  const onPageHide = () => {
    const racing = performance.now() - writtenAt < ADDRESS_RACE_MS;
    if (pending) write(true, racing);
    else rememberLeavingAddress(session, racing);
    rememberTabText(session, store.getState().text);
  };
  window.addEventListener('pagehide', onPageHide);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.embed || s.pendingOpen || !changed(s, prev)) return;
    pending?.();
    schedule();
  });
  return () => {
    unsubscribe();
    pending?.();
    pending = null;
    window.removeEventListener('pagehide', onPageHide);
  };
}

/** Whether this page load is a reload (Navigation Timing), not a new navigation or a link opened. */
function loadedByReload(): boolean {
  const entry = typeof performance === 'undefined' ? undefined : performance.getEntriesByType?.('navigation')[0];
  return (entry as PerformanceNavigationTiming | undefined)?.type === 'reload';
}

export function startShare(store: AppStore = appStore): () => void {
  const embed = isEmbedUrl(location.href);
  const ctx: OpenContext = { store, storage: embed ? null : browserStorage(), session: embed ? null : tabStorage() };
  context = ctx;
  const stopRevealing = startRevealCursor(store);
  const stopComparing = startCompareRunner(store);
  const stopBoth = () => {
    stopRevealing();
    stopComparing();
  };
  if (embed) {
    // The embedded view shows the link's scenario or the default, never the user's saved work.
    store.setState({ embed: true });
    store.getState().loadScenario({ text: DEFAULT_SCENARIO, cursor: null });
    openFromFragment(ctx, location.hash, { embed: true });
    applyLinkView(store, viewFromUrl(location.href));
    return stopBoth;
  }
  openFromFragment(ctx, location.hash, { reload: loadedByReload() });
  applyLinkView(store, viewFromUrl(location.href));
  const stopFollowing = followAddress(store);
  const onHashChange = () => {
    // Our own writes use replaceState, which fires no hashchange: this is a link pasted or typed.
    const s = store.getState();
    if (location.hash === `#${addressLink(s, location.href).split('#')[1] ?? ''}`) return;
    openFromFragment(ctx, location.hash);
    applyLinkView(store, viewFromUrl(location.href));
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    stopBoth();
    stopFollowing();
    window.removeEventListener('hashchange', onHashChange);
  };
}
