// kubectlWhy reads the printer's recorded branch (printPodWithBasis, printers.go printPod as in
// rulebook section 14) and names the rule where a class would think the tool is wrong. [14.2] [14.3] [14.4]

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import type { PodKubectlEvent, Trace } from '../../engine/trace';
import { kubectlWhy } from './kubectlWhy';

const lesson = readFileSync(new URL('../../scenarios/08-sidecar-crash-under-never.yaml', import.meta.url), 'utf8');
const rows = (tr: Trace) => tr.events.filter((e): e is PodKubectlEvent => e.type === 'pod.kubectl');
const deleted = (v: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  restartPolicy: Never
  containers: [{ name: a, image: busybox, command: ["sh", "-c", "trap 'exit 0' TERM; sleep 1000"] }]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${v}"
events: [{ at: 10s, do: deletePod }]
`;

describe('kubectlWhy: why this STATUS prints here', () => {
  const trace = runScenario(lesson).trace!;

  it('[14.2] Init:Error on a Running pod after a sidecar crash: the walk stops at the sidecar and no main container overrides it', () => {
    const row = rows(trace).find((r) => r.status === 'Init:Error')!;
    const why = kubectlWhy(trace, row)!;
    expect(why.status).toMatch(/^Init:Error although the pod is initialized and Running: .*sidecar \S+ is not started: its written status is Terminated \(Error\)/);
    expect(why.status).toMatch(/\[14\.2\]\.$/);
  });

  it('[14.3] RESTARTS counts the sidecars, and READY\'s total counts them too [14.2]', () => {
    const row = rows(trace).find((r) => r.restarts.startsWith('1'))!;
    expect(kubectlWhy(trace, row)!.more.join(' ')).toMatch(/READY .*counts the sidecars.*\[14\.2\].*RESTARTS sums the sidecars' and main containers' restarts/);
  });

  it.each([['1.30', /1\.30's printer shows Terminating although the pod is already Failed \(it would print Error\)/], ['1.33', /already Failed: from 1\.31 \(PR #122038\) the printer keeps Error instead of Terminating/]])(
    '[14.4] a running pod deleted, then Failed, on %s', (v, re) => {
      const tr = runScenario(deleted(v)).trace!;
      const last = rows(tr).at(-1)!;
      expect(kubectlWhy(tr, last)!.status).toMatch(re);
    });

  it('[14.3] 1.35+: a Never pod whose first container exits 0 and second exits 1 ends Error, with the container and PR named; Completed on 1.34', () => {
    const twoMains = (v: string) => `apiVersion: v1
kind: Pod
metadata: { name: two-mains }
spec:
  restartPolicy: Never
  containers:
    - { name: reporter, image: busybox, command: ["sh", "-c", "exit 0"] }
    - { name: worker, image: busybox, command: ["sh", "-c", "sleep 2; exit 1"] }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${v}"
until: 30s
`;
    expect(rows(runScenario(twoMains('1.34')).trace!).at(-1)!.status).toBe('Completed');
    const tr = runScenario(twoMains('1.35')).trace!;
    const last = rows(tr).at(-1)!;
    expect(last.status).toBe('Error');
    expect(kubectlWhy(tr, last)!.status).toMatch(/^Error is main container worker's reason: it exited non-zero, and since 1\.35 \(PR #124766\).*\[14\.3\]\.$/);
  });

  it('a row without a recorded basis has no explanation', () => {
    const row = { ...rows(trace)[0]!, basis: undefined };
    expect(kubectlWhy(trace, row)).toBeUndefined();
  });
});
