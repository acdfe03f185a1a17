// Explain mode in the store: the mode follows the engine's result, the explanation is computed
// once per (input, version, now), and the "now" the user sets moves the ages and countdowns.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRealPods } from '../../engine/explain/readRealPods';
import { createAppStore } from '../store';
import { nextStepView } from './explainView';
import { selectExplainMode, selectExplanation } from './selectExplanation';
import { shareSafeText } from './shareSafeText';

const text = readFileSync(new URL('../../engine/explain/fixtures/crashloop.yaml', import.meta.url), 'utf8');

function storeWithPod() {
  const read = readRealPods(text);
  if (read.kind !== 'pods') throw new Error('not pods');
  const store = createAppStore(text);
  store.setState({ result: { ok: true, problems: [], explain: read.input } });
  return store;
}

describe('explain mode in the store', () => {
  it('is on when the engine read a real pod, and computes the explanation once per input', () => {
    const store = storeWithPod();
    expect(selectExplainMode(store.getState())).toBe(true);
    const a = selectExplanation(store.getState());
    expect(a).toBe(selectExplanation(store.getState()));
    expect(a![0]!.kubectl.restarts).toBe('6 (0s ago)');
  });

  it('the "now" set by the user moves RESTARTS and the countdown', () => {
    const store = storeWithPod();
    store.getState().setExplainNow(Date.UTC(2021, 6, 14, 19, 53, 0) / 1000);
    const [pod] = selectExplanation(store.getState())!;
    expect(pod!.kubectl.restarts).toBe('6 (38s ago)');
    expect(nextStepView(pod!.next[0]!, pod!.now)).toMatchObject({ whenText: 'in 4m22s', atText: '2021-07-14T19:57:22Z' });
  });

  it('is off for a scenario, and the share text of a scenario is the text itself', () => {
    const store = createAppStore('apiVersion: v1\nkind: Pod\n');
    expect(selectExplainMode(store.getState())).toBe(false);
    expect(selectExplanation(store.getState())).toBeNull();
    expect(shareSafeText('apiVersion: v1\nkind: Pod\n')).toBe('apiVersion: v1\nkind: Pod\n');
    expect(shareSafeText(text)).not.toContain('cni.projectcalico.org');
  });
});
