// Pradeep Gadde's blog, "Kubernetes Multi-container Pods" (2022-02-16; read as the search index's
// file 13601320147, the post's markdown): a `restartPolicy: Never` pod, `nginx` beside an `ubuntu`
// container that writes one file into a shared emptyDir and exits, on a two-node minikube (node
// k8s-m02, Docker runtime: `docker://` IDs). Server version not printed: minikube's default in
// February 2022 was 1.23; the Pulled events have no "including waiting", like the other pre-1.27
// dumps of docs/transcripts.md ([10.6]). The behaviour compared has not changed since, so run at
// 1.27, 1.31 and 1.36.
// Published: `kubectl get pods -o wide`:
//   multi-containers   1/2   NotReady   0   8m3s
// and its describe: Status Running; nginx Running, Started 07:20:09, Ready True; ubuntu
// Terminated, Reason Completed, Exit Code 0, Started and Finished 07:20:20, Ready False; Restart
// Count 0 both; Initialized True, Ready False, ContainersReady False; Start Time 07:19:50. Events:
// Scheduled 3m8s, Pulling "nginx" 3m6s, Pulled "nginx" in 17.095268831s 2m49s, Created/Started
// nginx 2m49s, Pulling "ubuntu" 2m49s, Pulled "ubuntu" in 10.692871602s 2m38s, Created/Started
// ubuntu 2m38s.
// What the engine is given: the two pulls' durations, from the Pulled events. Read by the engine
// from the manifest: the ubuntu shell's `echo … > file` exits 0 at once; nginx's image runs until
// stopped. Rules: [3.2] the main containers start one after another in spec order, each after its
// own pull; [4.1] under Never a container that exited is not restarted; [6.2] one main container
// running keeps the phase Running; [7.3] [7.4] a terminated container is not ready; [14.3] the
// printer's `Completed` with a running container and no Ready condition is `NotReady`.
// Timing: the node began the first pull 2 s after scheduling (the sandbox, on minikube with the
// Docker runtime) where the engine begins at 0.5 s, so each start is compared within 2 s.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { publishedRow, rowAt, withVersion } from './watch.testkit';

const SCENARIO = `apiVersion: v1
kind: Pod
metadata:
  name: multi-containers
spec:

  restartPolicy: Never

  volumes:
  - name: common-data
    emptyDir: {}

  containers:

  - name: nginx
    image: nginx
    volumeMounts:
    - name: common-data
      mountPath: /usr/share/nginx/html

  - name: ubuntu
    image: ubuntu
    volumeMounts:
    - name: common-data
      mountPath: /ubuntu-data
    command: ["/bin/sh"]
    args: ["-c", "echo Hello from the Ubuntu container which is visible in the nginx container as they are sharing the same storage common-data > /ubuntu-data/index.html"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 8m10s
containers:
  nginx: { pull: 17.095s }
  ubuntu: { pull: 10.693s }
`;
const LINE = 'multi-containers            1/2     NotReady    0              8m3s   10.244.1.34   k8s-m02   <none>           <none>';
const VERSIONS = ['1.27', '1.31', '1.36'];
// the describe's whole-second timestamps, from the Start Time 07:19:50
const NGINX_STARTED = 19; // 07:20:09
const UBUNTU_STARTED = 30; // 07:20:20, and Finished in the same second

type Kubectl = Extract<TraceEvent, { type: 'pod.kubectl' }>;
const eventsOf = (version: string): TraceEvent[] => {
  const r = runScenario(withVersion(SCENARIO, version));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!.events;
};
const rowsOf = (events: TraceEvent[]) => events.filter((e): e is Kubectl => e.type === 'pod.kubectl')
  .map((e) => ({ t: e.t, ready: e.ready, status: e.status, restarts: e.restarts }));

describe('transcript: Pradeep Gadde\'s multi-container pod, `1/2 NotReady 0` with its describe (minikube, 2022)', () => {
  it.each(VERSIONS)('prints `1/2 NotReady 0` at 8m3s, and nothing else after ubuntu\'s exit (%s) [3.2] [14.3]', (version) => {
    const ours = rowsOf(eventsOf(version));
    const published = publishedRow(LINE);
    expect(rowAt(ours, published.t)).toEqual({ ready: '1/2', status: 'NotReady', restarts: '0' });
    // and for good: under Never nothing changes after ubuntu's exit (the describe's state)
    expect(ours.at(-1)).toMatchObject({ ready: '1/2', status: 'NotReady', restarts: '0' });
    expect(ours.at(-1)!.t).toBeLessThanOrEqual(UBUNTU_STARTED + 2); // the status write after its exit
  });

  it.each(VERSIONS)('starts nginx after its 17 s pull and ubuntu after its own 10.7 s pull, within 2 s of the describe (%s) [3.2] [10.6]', (version) => {
    const events = eventsOf(version);
    const start = (c: string) => events.filter((e) => e.type === 'container.start' && e.container === c).map((e) => e.t);
    expect(start('nginx')).toHaveLength(1);
    expect(start('ubuntu')).toHaveLength(1);
    expect(Math.abs(start('nginx')[0]! - NGINX_STARTED)).toBeLessThanOrEqual(2);
    expect(Math.abs(start('ubuntu')[0]! - UBUNTU_STARTED)).toBeLessThanOrEqual(2);
    // ubuntu's pull begins only once nginx has started (one sync, spec order), as the events show
    // (Pulling "ubuntu" 2m49s, the age of nginx's Started)
    const pulling = events.find((e) => e.type === 'container.pulling' && e.container === 'ubuntu')!;
    expect(pulling.t).toBeGreaterThanOrEqual(start('nginx')[0]!);
    // ubuntu exits 0 in the second it started, never to run again
    const exits = events.filter((e): e is Extract<TraceEvent, { type: 'container.exit' }> => e.type === 'container.exit');
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ container: 'ubuntu', exitCode: 0, reason: 'Completed' });
    expect(Math.floor(exits[0]!.t)).toBe(Math.floor(start('ubuntu')[0]!));
  });

  it.each(VERSIONS)('is phase Running with Initialized True, Ready and ContainersReady False (%s) [6.2] [7.2] [7.3] [7.4]', (version) => {
    const events = eventsOf(version);
    const last = <T extends TraceEvent['type']>(type: T, pick: (e: Extract<TraceEvent, { type: T }>) => boolean) =>
      events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type && pick(e as Extract<TraceEvent, { type: T }>)).at(-1);
    expect(last('pod.phase', () => true)).toMatchObject({ phase: 'Running' });
    expect(last('pod.condition', (e) => e.condition === 'Initialized')).toMatchObject({ status: 'True' });
    expect(last('pod.condition', (e) => e.condition === 'Ready')).toMatchObject({ status: 'False' });
    expect(last('pod.condition', (e) => e.condition === 'ContainersReady')).toMatchObject({ status: 'False' });
  });
});
