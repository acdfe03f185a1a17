import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { sidecarPodTrace } from '../testFixtures';
import { runInject } from './inject';
import { commandForKey, COMMANDS } from './registry';
import { removeWritten } from './selection';

const DEFAULT = readFileSync(new URL('../../scenarios/00-default.yaml', import.meta.url), 'utf8');

describe('commands', () => {
  it('have unique ids and keys', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    const keys = COMMANDS.flatMap((c) => c.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('map Perfetto-style keys, arrows only in the timeline', () => {
    expect(commandForKey('W', false)?.id).toBe('zoomIn');
    expect(commandForKey('s', false)?.id).toBe('zoomOut');
    expect(commandForKey('a', false)?.id).toBe('panLeft');
    expect(commandForKey('d', false)?.id).toBe('panRight');
    expect(commandForKey('f', false)?.id).toBe('fit');
    expect(commandForKey('?', false)?.id).toBe('toggleHelp');
    expect(commandForKey('ArrowLeft', false)).toBeUndefined();
    expect(commandForKey('ArrowLeft', true)?.id).toBe('stepPrev');
  });

  it('zoom in, pan and fit change the view', () => {
    const store = createAppStore('x');
    store.setState({ trace: sidecarPodTrace() });
    store.getState().setCursorTime(10); // zooms centre on the cursor, which starts at the end
    const ctx = { store };
    commandForKey('w', false)!.run(ctx);
    const zoomed = store.getState().view!;
    commandForKey('d', false)!.run(ctx);
    expect(store.getState().view!.t0).toBeGreaterThan(zoomed.t0);
    commandForKey('f', false)!.run(ctx);
    expect(store.getState().view).toBeNull();
  });

  it('inject adds an event at the cursor to the text, and removal takes it out again', async () => {
    const store = createAppStore(DEFAULT);
    store.setState({ trace: sidecarPodTrace() });
    store.getState().setCursorTime(10);
    expect(await runInject(store, 'crash', 'istio-proxy')).toBe(true);
    expect(store.getState().text).toContain('  - { at: 10s, container: istio-proxy, do: crash, exitCode: 1 }');
    expect(store.getState().notice).toMatch(/Crash istio-proxy” at 10 s/);
    store.setState({ trace: { ...sidecarPodTrace(), events: [{ t: 10, type: 'fault', do: 'crash', container: 'istio-proxy', why: '' }] } });
    expect(await removeWritten(store, 0)).toBe(true);
    expect(store.getState().text).toBe(`${DEFAULT}events:\n`);
  });

  it('delete pod uses the grace period chosen', async () => {
    const store = createAppStore(DEFAULT);
    store.setState({ trace: sidecarPodTrace() });
    store.getState().setCursorTime(20);
    store.getState().setInjectOptions({ gracePeriodSeconds: 5 });
    await runInject(store, 'deletePod');
    expect(store.getState().text).toContain('{ at: 20s, do: deletePod, gracePeriodSeconds: 5 }');
  });
});
