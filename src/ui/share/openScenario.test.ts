import { describe, expect, it } from 'vitest';
import { encodeFragment } from '../../share';
import { DEFAULT_SCENARIO } from '../../state/defaultScenario';
import { SCENARIO_KEY, type TextStorage } from '../../state/persistence';
import { createAppStore } from '../../state/store';
import { answerPending, OPENED_KEY, openFromFragment, openResolved, PREVIOUS_KEY, resolveShareState, restorePrevious, textHash, type OpenContext } from './openScenario';

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
  it('resolves the version: the link\'s, else the text\'s own, else the newest; an unknown one is said', () => {
    expect(resolveShareState({ text: 'a', kubernetesVersion: '1.30', cursor: 4 }).scenario).toEqual({ text: 'a', kubernetesVersion: '1.30', cursor: 4 });
    expect(resolveShareState({ text: 'kubernetesVersion: "1.28"\n' }).scenario.kubernetesVersion).toBe('1.28');
    expect(resolveShareState({ text: 'a' }).scenario).toEqual({ text: 'a', kubernetesVersion: '1.36', cursor: null });
    const r = resolveShareState({ text: 'a', kubernetesVersion: '1.99' });
    expect(r.scenario.kubernetesVersion).toBe('1.36');
    expect(r.warning).toMatch(/asks for Kubernetes 1\.99/);
  });

  it('writes a link\'s feature gates into the Simulation document, where the app keeps them', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x}]\n';
    const r = resolveShareState({ text: pod, kubernetesVersion: '1.28', featureGates: { SidecarContainers: true } });
    expect(r.scenario.text).toBe(`${pod}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nfeatureGates:\n  SidecarContainers: true\n`);
    expect(r.warning).toBeUndefined();
    const own = `${pod}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nfeatureGates:\n  SidecarContainers: false\n`;
    expect(resolveShareState({ text: own, featureGates: { SidecarContainers: true } }).scenario.text).toContain('SidecarContainers: true');
    const broken = `${pod}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nfeatureGates: [\n`;
    const unreadable = resolveShareState({ text: broken, featureGates: { SidecarContainers: true } });
    expect(unreadable.scenario.text).toBe(broken);
    expect(unreadable.warning).toMatch(/could not be written into its Simulation document: SidecarContainers/);
  });

  it('opens at once over the default scenario, and puts text, version and cursor in', () => {
    const ctx = setup(DEFAULT_SCENARIO);
    expect(openResolved(ctx, resolveShareState({ text: SHARED, kubernetesVersion: '1.31', cursor: 7 }), { what: 'shared scenario' })).toBe('opened');
    expect(ctx.store.getState()).toMatchObject({ text: SHARED, kubernetesVersion: '1.31', cursorTime: 7, pendingOpen: null, shareNotice: null });
    expect(ctx.storage.data.get(OPENED_KEY)).toBe(textHash(SHARED));
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

  it('"Open" keeps the user\'s text, and restoring swaps the two so neither is lost', () => {
    const ctx = setup(MINE);
    ctx.store.getState().setVersion('1.29');
    openResolved(ctx, resolveShareState({ text: SHARED, cursor: 3 }), { what: 'gallery scenario “X”', intro: 'X: the lesson.' });
    answerPending(ctx, true);
    expect(ctx.store.getState().text).toBe(SHARED);
    expect(ctx.store.getState().shareNotice).toEqual({ tone: 'info', message: 'X: the lesson. Opened the gallery scenario “X”; your own scenario was kept.', canRestore: true });
    expect(JSON.parse(ctx.storage.data.get(PREVIOUS_KEY)!)).toEqual({ text: MINE, kubernetesVersion: '1.29' });
    restorePrevious(ctx);
    expect(ctx.store.getState()).toMatchObject({ text: MINE, kubernetesVersion: '1.29' });
    expect(JSON.parse(ctx.storage.data.get(PREVIOUS_KEY)!).text).toBe(SHARED);
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
    expect(openFromFragment(ctx, `#${encodeFragment({ text: MINE, kubernetesVersion: '1.33', cursor: 2 })}`)).toBe('opened');
    expect(ctx.store.getState()).toMatchObject({ text: MINE, kubernetesVersion: '1.33', cursorTime: 2 });
    expect(ctx.storage.data.has(OPENED_KEY)).toBe(false);
    expect(openResolved(ctx, resolveShareState({ text: SHARED }), { what: 'shared scenario' })).toBe('asked');
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
      { label: 'mine', text: MINE, kubernetesVersion: '1.36', cursor: null },
      { label: 'theirs', text: SHARED, kubernetesVersion: '1.29', cursor: 1 },
    ]);
  });
});
