import { describe, expect, it } from 'vitest';
import { encodeFragment } from '../../share';
import { DEFAULT_SCENARIO } from '../defaultScenario';
import { HISTORY_KEY } from '../history/history';
import { rememberTabAddress, rememberTabText } from '../history/tabText';
import { SCENARIO_KEY, type TextStorage } from '../persistence';
import { NEWEST_VERSION } from '../../engine/version';
import { withKubernetesVersion } from '../simulationDoc';
import { createAppStore } from '../store';
import { answerPending, OPENED_KEY, openFromFragment, openResolved, PREVIOUS_KEY, resolveShareState, restorePrevious, textHash, type OpenContext } from './openScenario';
import { effectiveVersion } from '../simulationDoc/read';

function memoryStorage(entries: Record<string, string> = {}): TextStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(entries));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const MINE = DEFAULT_SCENARIO.replace('myapp-pod', 'my-pod');
const SHARED = DEFAULT_SCENARIO.replace('myapp-pod', 'shared-pod');

function setup(text: string, storage = memoryStorage({ [SCENARIO_KEY]: text })): OpenContext & { storage: ReturnType<typeof memoryStorage> } {
  return { store: createAppStore(text), storage };
}

describe('opening links and gallery entries', () => {
  it('resolves the version into the text: the text\'s own wins, else the link\'s is written in, else the newest; an unknown one is said', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x}]\n';
    expect(resolveShareState({ text: pod, kubernetesVersion: '1.30', cursor: 4 }).scenario)
      .toEqual({ text: `${pod}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "1.30"\n`, cursor: 4 });
    const own = withKubernetesVersion(pod, '1.28')!;
    expect(resolveShareState({ text: own, kubernetesVersion: '1.30' }).scenario.text).toBe(own);
    expect(resolveShareState({ text: pod, kubernetesVersion: NEWEST_VERSION }).scenario).toEqual({ text: pod, cursor: null });
    expect(resolveShareState({ text: 'a' }).scenario).toEqual({ text: 'a', cursor: null });
    const r = resolveShareState({ text: 'a', kubernetesVersion: '1.99' });
    expect(r.scenario.text).toBe('a');
    expect(r.warning).toBe(`The link asks for Kubernetes 1.99, which Sidecar Lab does not simulate; it opens with ${NEWEST_VERSION}.`);
    const broken = `${pod}---\nkind: Simulation\nuntil: [\n`;
    const unwritable = resolveShareState({ text: broken, kubernetesVersion: '1.30' });
    expect(unwritable.scenario.text).toBe(broken);
    expect(unwritable.warning).toMatch(/asks for Kubernetes 1\.30, which could not be written into its Simulation document; it opens with 1\.\d+/);
  });

  it('writes a link\'s feature gates into the Simulation document, where the app keeps them', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x}]\n';
    const r = resolveShareState({ text: pod, kubernetesVersion: '1.28', featureGates: { SidecarContainers: true } });
    expect(r.scenario.text).toBe(`${pod}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "1.28"\nfeatureGates:\n  SidecarContainers: true\n`);
    expect(r.warning).toBeUndefined();
    const own = `${pod}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nfeatureGates:\n  SidecarContainers: false\n`;
    expect(resolveShareState({ text: own, kubernetesVersion: '1.30', featureGates: { SidecarContainers: true } }).scenario.text).toContain('SidecarContainers: true');
    const broken = `${pod}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nfeatureGates: [\n`;
    const unreadable = resolveShareState({ text: broken, featureGates: { ContainerStopSignals: true } });
    expect(unreadable.scenario.text).toBe(broken);
    expect(unreadable.warning).toMatch(/could not be written into its Simulation document: ContainerStopSignals/);
    // Neither the version nor the gates fit into it: both are said, the gates checked against the version it opens with.
    const neither = resolveShareState({ text: broken, kubernetesVersion: '1.30', featureGates: { SidecarContainers: true } });
    expect(neither.warning).toBe(`The link asks for Kubernetes 1.30, which could not be written into its Simulation document; it opens with ${NEWEST_VERSION}. `
      + `The link sets feature gates that Kubernetes ${NEWEST_VERSION} does not take; they were left out: SidecarContainers (removed in 1.37; always on).`);
  });

  it('opens at once over the default scenario, and puts text (with the link\'s version) and cursor in', () => {
    const ctx = setup(DEFAULT_SCENARIO);
    const shared131 = withKubernetesVersion(SHARED, '1.31')!;
    expect(openResolved(ctx, resolveShareState({ text: SHARED, kubernetesVersion: '1.31', cursor: 7 }), { what: 'shared scenario' })).toBe('opened');
    expect(ctx.store.getState()).toMatchObject({ text: shared131, cursorTime: 7, pendingOpen: null, shareNotice: null });
    expect(ctx.storage.data.get(OPENED_KEY)).toBe(textHash(shared131));
    expect(ctx.storage.data.has(PREVIOUS_KEY)).toBe(false);
  });

  it('asks before replacing the user\'s own text; "Keep mine" changes nothing', () => {
    const ctx = setup(MINE);
    expect(openResolved(ctx, resolveShareState({ text: SHARED }), { what: 'shared scenario' })).toBe('asked');
    expect(ctx.store.getState().text).toBe(MINE);
    expect(ctx.store.getState().pendingOpen?.scenario.text).toBe(SHARED);
    answerPending(ctx, false);
    expect(ctx.store.getState()).toMatchObject({ text: MINE, pendingOpen: null });
    expect(ctx.storage.data.has(PREVIOUS_KEY)).toBe(false);
  });

  it('"Open" keeps the user\'s text in the history, and "Restore mine" brings it back', () => {
    const mine129 = withKubernetesVersion(MINE, '1.29')!;
    const ctx = setup(mine129);
    openResolved(ctx, resolveShareState({ text: SHARED, cursor: 3 }), { what: 'gallery scenario “X”', intro: 'X: the lesson.' });
    answerPending(ctx, true);
    expect(ctx.store.getState().text).toBe(SHARED);
    expect(ctx.store.getState().shareNotice).toEqual({ tone: 'info', message: 'X: the lesson. Opened the gallery scenario “X”; your own scenario was kept in History.', canRestore: true });
    expect(JSON.parse(ctx.storage.data.get(HISTORY_KEY)!)).toMatchObject([{ text: mine129, name: 'Pod my-pod', replacedBy: 'the gallery scenario “X”' }]);
    // The entry's version is the one its own text names (read when the History panel shows it).
    expect(effectiveVersion(mine129)).toBe('1.29');
    restorePrevious(ctx);
    expect(ctx.store.getState()).toMatchObject({ text: mine129 });
    // The opened scenario was not the user's: it does not go into the history.
    expect(ctx.store.getState().history.map((e) => e.text)).toEqual([mine129]);
  });

  it('own work, then two gallery entries in a row: the second opens without asking, and "Restore mine" still brings the work back', () => {
    const ctx = setup(MINE);
    openResolved(ctx, resolveShareState({ text: SHARED }), { what: 'gallery scenario “X”' });
    answerPending(ctx, true);
    const second = SHARED.replace('shared-pod', 'second-pod');
    expect(openResolved(ctx, resolveShareState({ text: second }), { what: 'gallery scenario “Y”', intro: 'Y: lesson.' })).toBe('opened');
    expect(ctx.store.getState().shareNotice).toMatchObject({ canRestore: true });
    restorePrevious(ctx);
    expect(ctx.store.getState().text).toBe(MINE);
  });

  it('an edited opened scenario is the user\'s own too: a second link keeps it beside the first work, overwriting nothing', () => {
    const ctx = setup(MINE);
    openResolved(ctx, resolveShareState({ text: SHARED }), { what: 'shared scenario' });
    answerPending(ctx, true);
    const edited = `${SHARED}# my note\n`;
    ctx.store.getState().setText(edited);
    expect(openResolved(ctx, resolveShareState({ text: SHARED.replace('shared-pod', 'third') }), { what: 'shared scenario' })).toBe('asked');
    answerPending(ctx, true);
    expect(ctx.store.getState().history.map((e) => e.text)).toEqual([edited, MINE]);
  });

  it('link feature gates the version does not take are left out of the text and named', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x}]\n';
    const r = resolveShareState({ text: pod, kubernetesVersion: '1.30', featureGates: { NoSuchGate: true, ContainerStopSignals: true } });
    expect(r.scenario.text).toBe(withKubernetesVersion(pod, '1.30'));
    expect(r.warning).toMatch(/NoSuchGate \(unknown\), ContainerStopSignals \(not in 1\.30; it arrives in 1\.33\)/);
    const locked = resolveShareState({ text: pod, kubernetesVersion: '1.33', featureGates: { SidecarContainers: false, ContainerStopSignals: true } });
    expect(locked.scenario.text).toContain('ContainerStopSignals: true');
    expect(locked.scenario.text).not.toContain('SidecarContainers');
    expect(locked.warning).toMatch(/SidecarContainers \(locked on in 1\.33\)/);
  });

  it('this tab\'s address from just before its last edit (a quick reload) keeps the newer saved text, unasked', () => {
    const newer = `${MINE}# typed just now\n`;
    const session = memoryStorage();
    const ctx = { ...setup(newer), session };
    rememberTabAddress(session, MINE);
    rememberTabText(session, newer);
    expect(openFromFragment(ctx, `#${encodeFragment({ text: MINE, kubernetesVersion: '1.31' })}`)).toBe('opened');
    expect(ctx.store.getState()).toMatchObject({ text: newer, pendingOpen: null });
    // A link from elsewhere still asks.
    expect(openFromFragment(ctx, `#${encodeFragment({ text: SHARED })}`)).toBe('asked');
  });

  it('the address of the user\'s own text with a lone surrogate (U+FFFD through the codec) stays theirs, unasked', () => {
    const lone = MINE.replace('my-pod', 'my-pod # \uD800 note');
    const ctx = setup(lone);
    expect(openFromFragment(ctx, `#${encodeFragment({ text: lone })}`)).toBe('opened');
    expect(ctx.store.getState()).toMatchObject({ text: lone, pendingOpen: null });
  });

  it('this tab\'s own address, after another tab saved a different text, comes back and keeps the other in the history', () => {
    const other = MINE.replace('my-pod', 'other-tab-pod');
    const session = memoryStorage();
    const ctx = { ...setup(other), session };
    rememberTabAddress(session, MINE);
    rememberTabText(session, MINE);
    expect(openFromFragment(ctx, `#${encodeFragment({ text: MINE })}`)).toBe('opened');
    expect(ctx.store.getState()).toMatchObject({ text: MINE, pendingOpen: null });
    expect(ctx.store.getState().history.map((e) => e.text)).toEqual([other]);
    expect(ctx.store.getState().shareNotice?.message).toMatch(/Another tab had saved a different one/);
  });

  it('does not ask again over a text it opened itself and the user has not changed', () => {
    const ctx = setup(DEFAULT_SCENARIO);
    openResolved(ctx, resolveShareState({ text: SHARED }), { what: 'shared scenario' });
    const other = SHARED.replace('shared-pod', 'other-pod');
    expect(openResolved(ctx, resolveShareState({ text: other }), { what: 'shared scenario' })).toBe('opened');
    ctx.store.getState().setText(`${other}# edited\n`);
    expect(openResolved(ctx, resolveShareState({ text: SHARED }), { what: 'shared scenario' })).toBe('asked');
  });

  it('reopening the address of the user\'s own text keeps it theirs', () => {
    const ctx = setup(MINE);
    expect(openFromFragment(ctx, `#${encodeFragment({ text: MINE, kubernetesVersion: NEWEST_VERSION, cursor: 2 })}`)).toBe('opened');
    expect(ctx.store.getState()).toMatchObject({ text: MINE, cursorTime: 2 });
    expect(ctx.storage.data.get(OPENED_KEY) ?? '').toBe('');
    expect(openResolved(ctx, resolveShareState({ text: SHARED }), { what: 'shared scenario' })).toBe('asked');
  });

  it('an older release\'s address of the user\'s text, with a version beside it, stays theirs and gets the version written in', () => {
    const ctx = setup(MINE);
    expect(openFromFragment(ctx, `#${encodeFragment({ text: MINE, kubernetesVersion: '1.33', cursor: 2 })}`)).toBe('opened');
    expect(ctx.store.getState()).toMatchObject({ text: withKubernetesVersion(MINE, '1.33'), cursorTime: 2, pendingOpen: null });
    expect(ctx.storage.data.get(OPENED_KEY) ?? '').toBe('');
    expect(ctx.store.getState().history).toEqual([]);
  });

  it('a bad link changes nothing but the notice; the saved text is untouched', () => {
    const ctx = setup(MINE);
    expect(openFromFragment(ctx, '#v1.%%%')).toBe('error');
    expect(ctx.store.getState().text).toBe(MINE);
    expect(ctx.store.getState().shareNotice).toMatchObject({ tone: 'error', message: expect.stringMatching(/damaged/) });
    expect(ctx.storage.data.get(SCENARIO_KEY)).toBe(MINE);
    expect(openFromFragment(ctx, '#t=5')).toBe('none');
    expect(openFromFragment(ctx, '')).toBe('none');
  });

  it('a compare link opens its first side in the editor and all sides in the compare view', () => {
    const ctx = setup(DEFAULT_SCENARIO);
    openFromFragment(ctx, `#${encodeFragment({ text: MINE, label: 'mine', view: { kind: 'compare', sides: [{ text: SHARED, label: 'theirs', kubernetesVersion: '1.29', cursor: 1 }] } })}`);
    expect(ctx.store.getState().text).toBe(MINE);
    expect(ctx.store.getState().compare).toEqual([
      { label: 'mine', text: MINE, kubernetesVersion: NEWEST_VERSION, cursor: null },
      { label: 'theirs', text: withKubernetesVersion(SHARED, '1.29'), kubernetesVersion: '1.29', cursor: 1 },
    ]);
  });
});
