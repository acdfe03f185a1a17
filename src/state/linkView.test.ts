import { describe, expect, it } from 'vitest';
import { applyLinkView } from './linkView';
import { createAppStore } from './store';

describe('a link\'s view span on load', () => {
  it('sets the view, and nothing without a span', () => {
    const store = createAppStore('x');
    applyLinkView(store, null);
    expect(store.getState().view).toBeNull();
    applyLinkView(store, { t0: 3, t1: 9 });
    expect(store.getState().view).toEqual({ t0: 3, t1: 9 });
  });

  it('waits with a link that asks first, and applies when it is opened', () => {
    const store = createAppStore('mine');
    const scenario = { text: 'theirs', kubernetesVersion: '1.33' as const, cursor: 5 };
    store.getState().setPendingOpen({ scenario, what: 'shared scenario', compare: null });
    applyLinkView(store, { t0: 2, t1: 8 });
    expect(store.getState().view).toBeNull();
    const pending = store.getState().pendingOpen!;
    expect(pending.scenario.view).toEqual({ t0: 2, t1: 8 });
    store.getState().loadScenario(pending.scenario);
    expect(store.getState().view).toEqual({ t0: 2, t1: 8 });
    expect(store.getState().cursorTime).toBe(5);
  });
});
