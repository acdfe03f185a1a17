// Values the trace keeps once per run rather than once per event (issue 16: what a long run holds
// in memory): a crash loop's kubectl rows printed by the same branch share their basis object, and
// its restarts repeat the same whys word for word.
import { describe, expect, it } from 'vitest';
import type { PodKubectlEvent } from '../trace';
import { buildScenario } from '../testing/build';
import { simulate } from './simulate';

describe('a crash loop\'s repeated trace values [14.1] [4.1] [10.2]', () => {
  const trace = simulate(buildScenario({ until: 3600, main: [{ name: 'app', behavior: { exitAfter: 0, exitCode: 1 } }] }));

  it('rows with equal bases share one basis object, and rows with different bases keep their own', () => {
    const rows = trace.events.filter((e): e is PodKubectlEvent => e.type === 'pod.kubectl');
    expect(rows.length).toBeGreaterThan(10);
    for (let i = 1; i < rows.length; i++) {
      const same = JSON.stringify(rows[i]!.basis) === JSON.stringify(rows[i - 1]!.basis);
      expect(rows[i]!.basis === rows[i - 1]!.basis).toBe(same);
    }
  });

  it('every restart names the exit code it restarts after, and every wait the back-off message', () => {
    const starts = trace.events.filter((e) => e.type === 'container.start').slice(1);
    expect(starts.length).toBeGreaterThan(5);
    for (const s of starts) expect(s.why).toBe('[4.1] Main container app exited with 1; the restartPolicy says restart.');
    const waits = trace.events.filter((e) => e.type === 'container.waiting' && e.reason === 'CrashLoopBackOff');
    expect(waits.map((w) => w.why)).toContain('[10.2] It will be restarted after its back-off: back-off 5m0s restarting failed container=app pod=test-pod_default.');
    const exits = new Set(trace.events.filter((e) => e.type === 'container.exit').map((e) => e.why));
    expect([...exits]).toEqual(['The process ends by itself 0s after it started, with code 1 (its behaviour).']);
  });
});
