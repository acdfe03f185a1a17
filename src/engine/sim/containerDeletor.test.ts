import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';

/** The kubectl rows' RESTARTS column from `from` on: [time, text]. */
function restartsFrom(text: string, from = 0): [number, string][] {
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!.events.flatMap((e) => (e.type === 'pod.kubectl' && e.t >= from ? [[e.t, e.restarts] as [number, string]] : []));
}

const pod = (restartPolicy: string, runs: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  restartPolicy: ${restartPolicy}
  containers:
    - name: app
      image: example.com/app:1
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: 2m
containers:
  app:
    pull: 0
    runs:
${runs}`;

describe('[10.8] the pod container deletor keeps one dead run per container', () => {
  it('a container that ends for good after a restart loses its "(… ago)" at the status built from the next relist', () => {
    // Exits 1 after 2 s, restarts at once, then exits 0 after 3 s: OnFailure ends it.
    const rows = restartsFrom(pod('OnFailure', '      - { exitAfter: 2s, exitCode: 1 }\n      - { exitAfter: 3s, exitCode: 0 }\n'));
    const completed = rows.filter(([, r]) => r.startsWith('1'));
    expect(completed.at(-2)?.[1]).toMatch(/^1 \(\d+s ago\)$/);
    expect(completed.at(-1)?.[1]).toBe('1');
    expect(completed.at(-1)![0] - completed.at(-2)![0]).toBeLessThanOrEqual(2);
  });

  it('a container waiting in its back-off keeps its newest dead run as lastState, so the "(… ago)" stays', () => {
    const rows = restartsFrom(pod('Always', '      - { exitAfter: 2s, exitCode: 1 }\n      - { exitAfter: 2s, exitCode: 1 }\n      - { exitAfter: 2s, exitCode: 1 }\n'), 5);
    expect(rows.length).toBeGreaterThan(2);
    for (const [, r] of rows) expect(r).toMatch(/^\d+ \(\d+s ago\)$/);
  });
});
