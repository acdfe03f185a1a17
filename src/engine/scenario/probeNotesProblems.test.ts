// [5.11] [15.4] An exec probe command the reader read in part is taken to pass at once: the problems
// list says so with an info line at the container (behavior.ts buildBehaviors, probeCommand.ts probeNotes).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';

const pod = (probe: string, sim = '') => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: busybox
      command: [sh, -c, 'sleep 3600']
      livenessProbe: { exec: { command: ${probe} } }
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 20s
${sim}`;

const infos = (text: string) => runScenario(text).problems.filter((p) => p.severity === 'info').map((p) => p.message);

describe('probe notes in the problems list', () => {
  it('`sleep 10 & exit 1`: an info line naming the probe and the container, at the container', () => {
    expect(infos(pod("[sh, -c, 'sleep 10 & exit 1']"))).toContain(
      "livenessProbe of app: can't tell how its command ends (a background job keeps the run's output open, and the runtime waits for it): each run is taken to answer at once and to pass while the app is up; a failLiveness event in the Simulation document makes it fail",
    );
  });

  it('none for a program it does not know, or a probe the Simulation document times', () => {
    expect(infos(pod('[/bin/healthcheck]')).filter((m) => m.startsWith('livenessProbe'))).toEqual([]);
    expect(infos(pod("[sh, -c, 'sleep 10 & exit 1']", 'containers:\n  app: { livenessProbe: { duration: 2s } }\n')).filter((m) => m.startsWith('livenessProbe'))).toEqual([]);
  });
});
