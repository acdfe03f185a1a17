// An inject button under an Indexed Job's followed pod acts on that pod: the event it writes names the
// pod's completion index, which the Job controller delivers to that index's running pod only
// (jobController deliver, [16.4]); without it the event would act on every running pod.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { createAppStore } from '../store';
import { runInject } from './inject';

const text = readFileSync(new URL('../../scenarios/14-job-parallel-indexed.yaml', import.meta.url), 'utf8');

describe('inject on an Indexed Job', () => {
  it('writes the followed pod\'s completion index, and the crash reaches that pod alone', async () => {
    const trace = runScenario(text).trace!;
    const store = createAppStore(text);
    store.setState({ trace });
    const first = trace.pods![0]!;
    store.getState().setCursorTime(3);
    store.getState().select(trace.events.findIndex((e) => e.pod === first.name)); // the panels follow the first pod
    expect(await runInject(store, 'crash', 'worker')).toBe(true);
    const edited = store.getState().text;
    expect(edited).toContain(`- { at: 3s, container: worker, do: crash, exitCode: 1, index: ${first.index} }`);
    expect(store.getState().notice).toContain(`(completion index ${first.index})`);

    const after = runScenario(edited).trace!;
    const crashed = after.events.filter((e) => e.type === 'container.exit' && e.t === 3).map((e) => e.pod);
    const indexOf = (pod: string | undefined) => after.pods!.find((p) => p.name === pod)?.index;
    expect(crashed.length).toBe(1);
    expect(indexOf(crashed[0])).toBe(first.index);
  });

  it('writes no index for a lone pod', async () => {
    const pod = readFileSync(new URL('../../scenarios/00-default.yaml', import.meta.url), 'utf8');
    const store = createAppStore(pod);
    store.setState({ trace: runScenario(pod).trace! });
    store.getState().setCursorTime(10);
    expect(await runInject(store, 'crash', 'istio-proxy')).toBe(true);
    expect(store.getState().text).toContain('- { at: 10s, container: istio-proxy, do: crash, exitCode: 1 }');
  });
});
