// Opening a link or a gallery entry without losing work. A scenario that would replace the
// user's own text waits for an answer ("Open … / Keep mine"); when it replaces it, the text goes
// into the history (src/state/history) first, and "Restore mine" (or the History panel, or
// Ctrl+Z in the editor) brings it back.

import { isSupportedVersion, NEWEST_VERSION, type KubeVersion } from '../../engine/version';
import { decodeFragment, versionInText, type ScenarioState, type ShareState } from '../../share';
import { isUsersOwnWork as ownWork, keepOwnText, markOpened, OPENED_KEY, PREVIOUS_KEY } from '../../state/history/keepOwnWork';
import { restoreEntry } from '../../state/history/restoreEntry';
import { sameText, textHash } from '../../state/history/sameText';
import { classifyAddress } from '../../state/history/tabText';
import { checkLinkGates } from '../../state/linkGates';
import type { TextStorage } from '../../state/persistence';
import type { CompareSide, LoadedScenario, PendingOpen } from '../../state/slices/share';
import type { AppStore } from '../../state/store';
import { withFeatureGate } from '../editor/simulationSettings';
import { revealCursorOnNextTrace } from './revealCursor';
import { shareSafeText } from '../../state/explain/shareSafeText';

export { OPENED_KEY, PREVIOUS_KEY, textHash };

export interface OpenContext {
  store: AppStore;
  /** null in the embedded view, which never touches the user's saved work. */
  storage: TextStorage | null;
  /** This tab's sessionStorage: which text it last put in its address. */
  session?: TextStorage | null;
}

export interface Resolved {
  scenario: LoadedScenario;
  compare: CompareSide[] | null;
  warning?: string;
}

/**
 * A link's featureGates (the format can carry them beside the text) written into the text's
 * Simulation document, where the app keeps gates, so they apply, show in the toggles and travel
 * on. A gate the version does not take, or that cannot be written safely, is named in the warning.
 */
function withLinkGates(text: string, gates: Record<string, boolean> | undefined, version: KubeVersion): { text: string; warning?: string } {
  const checked = checkLinkGates(gates, version);
  let out = text;
  const skipped: string[] = [];
  for (const [name, on] of checked.accepted) {
    const next = withFeatureGate(out, name, on);
    if (next === null) skipped.push(name);
    else out = next;
  }
  const warnings: string[] = [];
  if (checked.refused.length > 0) warnings.push(`The link sets feature gates that Kubernetes ${version} does not take; they were left out: ${checked.refused.join(', ')}.`);
  if (skipped.length > 0) warnings.push(`The link sets feature gates that could not be written into its Simulation document: ${skipped.join(', ')}.`);
  return warnings.length === 0 ? { text: out } : { text: out, warning: warnings.join(' ') };
}

function resolveSide(s: ScenarioState, fallbackLabel: string): { side: CompareSide; warning?: string } {
  const own = versionInText(s.text);
  const fallback: KubeVersion = own !== undefined && isSupportedVersion(own) ? own : NEWEST_VERSION;
  const asked = s.kubernetesVersion;
  const version = asked !== undefined && isSupportedVersion(asked) ? asked : fallback;
  const gated = withLinkGates(s.text, s.featureGates, version);
  const side: CompareSide = { label: s.label ?? fallbackLabel, text: gated.text, kubernetesVersion: version, cursor: s.cursor ?? null };
  if (asked !== undefined && !isSupportedVersion(asked)) {
    return { side, warning: `The link asks for Kubernetes ${asked}, which Sidecar Lab does not simulate; it opens with ${version}.` };
  }
  return gated.warning === undefined ? { side } : { side, warning: gated.warning };
}

/** What the app should show for a decoded link: the editor's scenario and the compare sides. */
export function resolveShareState(state: ShareState): Resolved {
  const first = resolveSide(state, 'A');
  const others = state.view?.kind === 'compare' ? state.view.sides.map((s, i) => resolveSide(s, String.fromCharCode(66 + i))) : [];
  const { text, kubernetesVersion, cursor } = first.side;
  const out: Resolved = { scenario: { text, kubernetesVersion, cursor }, compare: others.length > 0 ? [first.side, ...others.map((o) => o.side)] : null };
  const warning = first.warning ?? others.find((o) => o.warning)?.warning;
  if (warning !== undefined) out.warning = warning;
  return out;
}

/** The editor holds something of the user's own: not empty, not the default, not what we opened. */
export function isUsersOwnWork(ctx: OpenContext, text: string): boolean {
  return ownWork(ctx.storage, text);
}

/** Puts the editor's own text into the history before `what` replaces it; false when it could not. */
function keepCurrent(ctx: OpenContext, what: string): boolean {
  const s = ctx.store.getState();
  const kept = keepOwnText(ctx.store, ctx.storage, { text: s.text, kubernetesVersion: s.kubernetesVersion, replacedBy: `the ${what}` });
  if (kept) s.setRestorable(kept.id);
  return kept !== null;
}

function apply(ctx: OpenContext, r: Resolved, opts: OpenOptions, keptPrevious: boolean): void {
  const s = ctx.store.getState();
  const kept = keptPrevious && keepCurrent(ctx, opts.what);
  let scenario = r.scenario;
  if (sameText(s.text, r.scenario.text)) {
    // The address of the user's own work, reloaded: it stays theirs, exactly as they wrote it
    // (the codec turns a lone surrogate into U+FFFD).
    scenario = { ...r.scenario, text: s.text };
  } else if (ctx.storage) {
    markOpened(ctx.storage, r.scenario.text);
  }
  s.loadScenario(scenario);
  s.setCompare(r.compare);
  revealCursorOnNextTrace(ctx.store);
  const canRestore = ctx.store.getState().restorable !== null;
  const keptNote = kept ? `Opened the ${opts.what}; your own scenario was kept in History.` : keptPrevious ? `Opened the ${opts.what}.` : undefined;
  const parts = [opts.intro, r.warning, keptNote].filter((p) => p !== undefined);
  if (parts.length > 0) s.setShareNotice({ tone: 'info', message: parts.join(' '), canRestore });
  else s.setShareNotice(null);
}

export type OpenOutcome = 'opened' | 'asked';

export interface OpenOptions {
  /** What is being opened, for the question and the notice: "shared scenario", "gallery scenario …". */
  what: string;
  /** A sentence to show once it is open (a gallery entry's lesson). */
  intro?: string;
}

/** Opens a resolved scenario, or asks first when it would replace the user's own text. */
export function openResolved(ctx: OpenContext, r: Resolved, opts: OpenOptions): OpenOutcome {
  const s = ctx.store.getState();
  // The address of the user's own explained pod, reloaded: the link carries its share-safe form
  // (issue 14), which stands for the full text the page already holds.
  if (!sameText(s.text, r.scenario.text) && shareSafeText(s.text) === r.scenario.text) return 'opened';
  if (!sameText(s.text, r.scenario.text) && isUsersOwnWork(ctx, s.text)) {
    const pending: PendingOpen = { scenario: r.scenario, compare: r.compare, what: opts.what };
    if (opts.intro !== undefined) pending.intro = opts.intro;
    s.setPendingOpen(pending);
    return 'asked';
  }
  apply(ctx, r, opts, false);
  return 'opened';
}

/** The user's answer to the pending question. */
export function answerPending(ctx: OpenContext, open: boolean): void {
  const s = ctx.store.getState();
  const p = s.pendingOpen;
  if (!p) return;
  s.setPendingOpen(null);
  const opts: OpenOptions = { what: p.what };
  if (p.intro !== undefined) opts.intro = p.intro;
  if (open) apply(ctx, { scenario: p.scenario, compare: p.compare }, opts, true);
}

/** "Restore mine": brings back the user's text the last link or entry replaced (the newest kept one otherwise). */
export function restorePrevious(ctx: OpenContext): void {
  const s = ctx.store.getState();
  const id = s.restorable ?? s.history[0]?.id;
  if (id === undefined) {
    s.setShareNotice({ tone: 'error', message: 'There is no earlier scenario to bring back.' });
    return;
  }
  restoreEntry(ctx.store, ctx.storage, id);
}

/**
 * Opens what the address's fragment holds. A bad link leaves the editor as it is (the user's
 * saved work or the default) and says why; nothing from it is loaded.
 */
export function openFromFragment(ctx: OpenContext, hash: string, opts: { embed?: boolean } = {}): OpenOutcome | 'none' | 'error' {
  const r = decodeFragment(hash);
  if (r === null) return 'none';
  const s = ctx.store.getState();
  if (!r.ok) {
    s.setShareNotice({ tone: 'error', message: r.error.message });
    return 'error';
  }
  const resolved = resolveShareState(r.state);
  if (opts.embed) {
    apply(ctx, resolved, { what: 'shared scenario' }, false);
    return 'opened';
  }
  const mine = classifyAddress(ctx.session ?? null, resolved.scenario.text, s.text);
  if (mine === 'stale') {
    // This tab's address from a moment before its last edit (a reload within the address's
    // debounce): the saved text is newer and stays; the link's version and cursor apply.
    apply(ctx, { ...resolved, scenario: { ...resolved.scenario, text: s.text } }, { what: 'shared scenario' }, false);
    return 'opened';
  }
  if (mine === 'this-tab') {
    // This tab's own address, reloaded after another tab saved over it: this tab's text comes
    // back, and the other tab's goes into the history.
    const own = isUsersOwnWork(ctx, s.text);
    if (own) keepCurrent(ctx, 'this tab’s scenario');
    apply(ctx, resolved, { what: 'shared scenario' }, false);
    markOpened(ctx.storage, null);
    if (own) s.setShareNotice({ tone: 'info', message: 'This tab’s scenario is back. Another tab had saved a different one since; that one is in History.', canRestore: true });
    return 'opened';
  }
  return openResolved(ctx, resolved, { what: 'shared scenario' });
}
