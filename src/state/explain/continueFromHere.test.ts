// "Continue from here" on the store (issue 14): the pod goes into History first, then the editor
// holds the continued scenario; a storage that refuses keeps the pod in the editor.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HISTORY_KEY } from '../history/history';
import { memoryStorage } from '../history/testStorage';
import { createAppStore, type AppState } from '../store';
import { continueFromHere, selectContinueRefusal } from './continueFromHere';

const POD = readFileSync(new URL('../../engine/explain/fixtures/crashloop.yaml', import.meta.url), 'utf8');

describe('continueFromHere', () => {
  it('keeps the pod in History, replaced by "an explained pod", then loads a scenario with startFrom', () => {
    const store = createAppStore(POD);
    const storage = memoryStorage();
    expect(continueFromHere(store, storage, 5)).toBe(true);
    const s = store.getState();
    expect(s.text).toContain('startFrom:');
    expect(s.text).not.toContain('centos-new-6846f658db');
    expect(s.history.map((e) => [e.text, e.replacedBy])).toEqual([[POD, 'an explained pod']]);
    expect(JSON.parse(storage.data.get(HISTORY_KEY)!)).toHaveLength(1);
    expect(s.shareNotice).toMatchObject({ tone: 'info', canRestore: true });
  });

  it('replaces nothing when the storage refuses the pod', () => {
    const store = createAppStore(POD);
    const storage = memoryStorage();
    storage.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
    expect(continueFromHere(store, storage, 5)).toBe(false);
    expect(store.getState().text).toBe(POD);
    expect(store.getState().storageProblem).toMatchObject({ kind: 'earlier', text: POD });
  });

  it('says why when the editor holds no real pod', () => {
    const store = createAppStore('apiVersion: v1\nkind: Pod\n');
    expect(continueFromHere(store, memoryStorage(), 5)).toBe(false);
    expect(store.getState().shareNotice).toMatchObject({ tone: 'error' });
  });
});

describe('selectContinueRefusal: the button says why before it is pressed [6.5]', () => {
  const stateWith = (phase: string | undefined) => ({ result: { explain: { pods: [{ pod: { status: { phase } } }] } } }) as unknown as AppState;

  it.each(['Succeeded', 'Failed'])('a %s pod: nothing to continue, as continueScenario says', (phase) => {
    expect(selectContinueRefusal(stateWith(phase))).toMatch(new RegExp(`^the pod is ${phase}, a terminal phase`));
  });

  it.each(['Pending', 'Running', undefined])('a %s pod, or no explanation: the button works', (phase) => {
    expect(selectContinueRefusal(stateWith(phase))).toBeUndefined();
    expect(selectContinueRefusal({ result: null } as unknown as AppState)).toBeUndefined();
  });
});
