import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { sidecarPodTrace } from '../testFixtures';
import { commandForKey } from '../commands/registry';
import { editScenario } from '../commands/editScenario';

describe('the scenario text and the last command\'s notice', () => {
  it('a new text clears what Prev/Next said about the old one; the same text keeps it', () => {
    const store = createAppStore('kind: Pod');
    store.setState({ trace: sidecarPodTrace() });
    store.getState().setCursorTime(0);
    commandForKey('ArrowRight', true)!.run({ store });
    const said = store.getState().notice;
    expect(said).toMatch(/^\d+(\.\d+)? s: /);
    store.getState().setText('kind: Pod'); // nothing changed
    expect(store.getState().notice).toBe(said);
    store.getState().setText('kind: Job'); // a paste, a gallery entry, a keystroke
    expect(store.getState().notice).toBe('');
  });

  it('a command that edits the text says what it did after the edit', () => {
    const store = createAppStore('a');
    expect(editScenario(store, (t) => `${t}b`, 'added b')).toBe(true);
    expect(store.getState()).toMatchObject({ text: 'ab', notice: 'added b' });
  });
});
