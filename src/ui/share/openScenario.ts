// Opening a link or a gallery entry without losing work. A scenario that would replace the
// user's own text waits for an answer ("Open … / Keep mine"); when it replaces it, the text is
// kept under its own key and one click (or Ctrl+Z in the editor) brings it back.

import { isSupportedVersion, NEWEST_VERSION, type KubeVersion } from '../../engine/version';
import { decodeFragment, versionInText, type ScenarioState, type ShareState } from '../../share';
import { DEFAULT_SCENARIO } from '../../state/defaultScenario';
import type { TextStorage } from '../../state/persistence';
import type { CompareSide, LoadedScenario, PendingOpen } from '../../state/slices/share';
import type { AppStore } from '../../state/store';
import { withFeatureGate } from '../editor/simulationSettings';
import { revealCursorOnNextTrace } from './revealCursor';
import { shareSafeText } from '../../state/explain/shareSafeText';

/** The text a link or gallery entry replaced, so it can come back (JSON: text, version). */
export const PREVIOUS_KEY = 'sidecar-lab:previous-scenario';
/** A hash of the last text opened from a link or the gallery: that text is not the user's own. */
export const OPENED_KEY = 'sidecar-lab:opened-hash';

export interface OpenContext {
  store: AppStore;
  /** null in the embedded view, which never touches the user's saved work. */
  storage: TextStorage | null;
}

export interface Resolved {
  scenario: LoadedScenario;
  compare: CompareSide[] | null;
  warning?: string;
}

/**
 * A link's featureGates (the format can carry them beside the text) written into the text's
 * Simulation document, where the app keeps gates, so they apply, show in the toggles and travel
 * on. A gate that cannot be written safely is named in the warning.
 */
function withLinkGates(text: string, gates: Record<string, boolean> | undefined): { text: string; warning?: string } {
  let out = text;
  const skipped: string[] = [];
  for (const [name, on] of Object.entries(gates ?? {})) {
    const next = withFeatureGate(out, name, on);
    if (next === null) skipped.push(name);
    else out = next;
  }
  if (skipped.length === 0) return { text: out };
  return { text: out, warning: `The link sets feature gates that could not be written into its Simulation document: ${skipped.join(', ')}.` };
}

function resolveSide(state: ScenarioState, fallbackLabel: string): { side: CompareSide; warning?: string } {
  const gated = withLinkGates(state.text, state.featureGates);
  const s = { ...state, text: gated.text };
  const own = versionInText(s.text);
  const fallback: KubeVersion = own !== undefined && isSupportedVersion(own) ? own : NEWEST_VERSION;
  const asked = s.kubernetesVersion;
  const version = asked !== undefined && isSupportedVersion(asked) ? asked : fallback;
  const side: CompareSide = { label: s.label ?? fallbackLabel, text: s.text, kubernetesVersion: version, cursor: s.cursor ?? null };
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

/** FNV-1a over the text's UTF-16 units, with its length: enough to recognise a text we opened. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}-${text.length}`;
}

function get(storage: TextStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function put(storage: TextStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Full or forbidden storage: the editor's undo still has the text.
  }
}

/** The editor holds something of the user's own: not empty, not the default, not what we opened. */
export function isUsersOwnWork(ctx: OpenContext, text: string): boolean {
  return text.trim() !== '' && text !== DEFAULT_SCENARIO && get(ctx.storage, OPENED_KEY) !== textHash(text);
}

interface Previous {
  text: string;
  kubernetesVersion: string;
}

function readPrevious(storage: TextStorage | null): Previous | null {
  const raw = get(storage, PREVIOUS_KEY);
  if (raw === null) return null;
  try {
    const p = JSON.parse(raw) as Partial<Previous>;
    return typeof p.text === 'string' ? { text: p.text, kubernetesVersion: typeof p.kubernetesVersion === 'string' ? p.kubernetesVersion : NEWEST_VERSION } : null;
  } catch {
    return null;
  }
}

function keepCurrent(ctx: OpenContext): void {
  const s = ctx.store.getState();
  put(ctx.storage, PREVIOUS_KEY, JSON.stringify({ text: s.text, kubernetesVersion: s.kubernetesVersion } satisfies Previous));
}

function apply(ctx: OpenContext, r: Resolved, opts: OpenOptions, keptPrevious: boolean): void {
  const s = ctx.store.getState();
  if (keptPrevious) keepCurrent(ctx);
  // The same text (the address of the user's own work, reloaded) stays the user's own.
  if (s.text !== r.scenario.text) put(ctx.storage, OPENED_KEY, textHash(r.scenario.text));
  s.loadScenario(r.scenario);
  s.setCompare(r.compare);
  revealCursorOnNextTrace(ctx.store);
  const parts = [opts.intro, r.warning, keptPrevious ? `Opened the ${opts.what}; your own scenario was kept.` : undefined].filter((p) => p !== undefined);
  s.setShareNotice(parts.length > 0 ? { tone: 'info', message: parts.join(' '), canRestore: keptPrevious } : null);
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
  if (s.text !== r.scenario.text && shareSafeText(s.text) === r.scenario.text) return 'opened';
  if (s.text !== r.scenario.text && isUsersOwnWork(ctx, s.text)) {
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

/** Swaps the kept text back in (and keeps the current one in its place, so nothing is lost). */
export function restorePrevious(ctx: OpenContext): void {
  const s = ctx.store.getState();
  const prev = readPrevious(ctx.storage);
  if (!prev) {
    s.setShareNotice({ tone: 'error', message: 'There is no earlier scenario to bring back.' });
    return;
  }
  keepCurrent(ctx);
  const version = isSupportedVersion(prev.kubernetesVersion) ? prev.kubernetesVersion : NEWEST_VERSION;
  s.loadScenario({ text: prev.text, kubernetesVersion: version, cursor: null });
  s.setCompare(null);
  s.setShareNotice({ tone: 'info', message: 'Your scenario is back. The one you had opened is kept the same way.', canRestore: true });
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
  return openResolved(ctx, resolved, { what: 'shared scenario' });
}
