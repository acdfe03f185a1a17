// Source: simonangel-fong's study notes "Kubernetes - Pod: Multiple Container - Sidecar Container",
// "Lab: Sidecar Container" (the search index's file 49453229316; a copy in 49269700214, whose other
// lab's describe names the node `docker-desktop`). No date or version printed; the events' wording
// (`Created container: 1st-check`, [10.6]) is a 1.32-1.34 kubelet's, so the test runs at 1.32, 1.33
// and 1.34. Manifest, describe and every published line, verbatim:
// fixtures/sc-snf-sidecar-containers-demo.yaml. The watch, verbatim (the last AGE is printed `18`,
// without its unit; read as 18 s):
//   sidecar-containers-demo   0/2     Init:0/2   0          0s
//   sidecar-containers-demo   1/2     Init:1/2   0          4s
//   sidecar-containers-demo   1/2     Init:1/2   0          6s
//   sidecar-containers-demo   1/2     PodInitializing   0          16s
//   sidecar-containers-demo   2/2     Running           0          18
// The pod is a native sidecar (1st-check), then a regular init container sleeping 10 s
// (2nd-check), then the main container. The notes print a manifest whose sidecar runs `sleep 10`,
// but their describe shows the sidecar running the nginx image and the main container redis, with
// one start each: the fixture is rebuilt from the describe (a long-running nginx sidecar), and the
// last test shows why the printed manifest cannot have produced the watch.
// Rules: [2.1] [2.2] a sidecar without a startup probe is started once a status shows it running,
// which lets the next init container start; [7.3] [14.1] the running sidecar counts in READY during
// init (`1/2 Init:1/2`, `1/2 PodInitializing`); [3.1] the main container starts once the regular
// init container exited 0; [2.6] [4.3] a sidecar that exits is restarted, RESTARTS counting init
// containers ([14.1]).
// Compared: the rows, READY/STATUS/RESTARTS strictly, in order (the repeated `Init:1/2` row at 6 s
// is a write kubectl prints the same, folded); each AGE within 1 s. Fitted, not checked: the
// sidecar's nginx pull (2.5 s, the notes cut its events), which places the first row at 4 s; the
// gaps from there (12 s to PodInitializing, 2 s to Running) depend only on the given busybox and
// redis pulls (1.362 s, 963 ms, from the Pulled events) and the 10 s sleep, and are checked within
// 1 s whatever the nginx pull (1 s, 2.5 s, 4 s tried).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchSubsequence, publishedRows, simulatedRows, withVersion, type TimedRow } from './watch.testkit';

const FIXTURE = readFileSync(new URL('./fixtures/sc-snf-sidecar-containers-demo.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.32', '1.33', '1.34'];

// `18` → `18s` so that the kit reads the AGE column (the only change to the published lines)
const published = publishedRows(`
sidecar-containers-demo   0/2     Init:0/2   0          0s
sidecar-containers-demo   1/2     Init:1/2   0          4s
sidecar-containers-demo   1/2     Init:1/2   0          6s
sidecar-containers-demo   1/2     PodInitializing   0          16s
sidecar-containers-demo   2/2     Running           0          18s`);
const key = (r: { ready: string; status: string; restarts: string }) => `${r.ready} ${r.status} ${r.restarts}`;
/** The published rows with a repeat of an unchanged row folded. */
const distinct = published.filter((r, i) => i === 0 || key(r) !== key(published[i - 1]!));
const withNginxPull = (text: string, seconds: number) => text.replace('1st-check: { pull: 2.5s }', `1st-check: { pull: ${seconds}s }`);

/** Time between consecutive rows. */
const gaps = (rows: TimedRow[]) => rows.slice(1).map((r, n) => r.t - rows[n]!.t);

describe('transcript: simonangel-fong "Lab: Sidecar Container", a native sidecar before a 10 s init container (Docker Desktop, 1.32-1.34)', () => {
  it.each(VERSIONS)('prints exactly the published rows, `0/2 Init:0/2` → `1/2 Init:1/2` → `1/2 PodInitializing` → `2/2 Running`, each within 1 s of its AGE (%s) [2.1] [2.2] [3.1] [7.3] [14.1]', (version) => {
    const ours = simulatedRows(withVersion(FIXTURE, version));
    expect(ours.map(key)).toEqual(distinct.map(key));
    ours.forEach((r, n) => expect(Math.abs(r.t - distinct[n]!.t), key(r)).toBeLessThanOrEqual(1));
  });

  it.each(VERSIONS)('from the sidecar\'s started row, 12 s to `PodInitializing` and 2 s to `Running`, within 1 s, whatever the sidecar\'s pull (%s) [2.2] [3.1] [15.6]', (version) => {
    for (const pull of [1, 2.5, 4]) {
      const ours = simulatedRows(withNginxPull(withVersion(FIXTURE, version), pull));
      expect(ours.map(key), `nginx pull ${pull} s`).toEqual(distinct.map(key));
      gaps(ours).slice(1).forEach((gap, n) => expect(Math.abs(gap - gaps(distinct)[n + 1]!), `nginx pull ${pull} s, gap ${n + 1}`).toBeLessThanOrEqual(1));
    }
  });

  it.each(VERSIONS)('the printed manifest (a busybox sidecar running `sleep 10`) restarts the sidecar before the published `PodInitializing 0`: the watch is not its (%s) [2.6] [4.3] [14.1]', (version) => {
    const printed = `apiVersion: v1
kind: Pod
metadata:
  name: sidecar-containers-demo
spec:
  containers:
    - name: main-app
      image: nginx
  initContainers:
    - name: 1st-check
      image: busybox
      command: ["sh", "-c", "echo 1st-check starts. && sleep 10 && echo 1st-check completed."]
      restartPolicy: Always
    - name: 2nd-check
      image: busybox
      command: ["sh", "-c", "echo 2nd-check starts. && sleep 10 && echo 2nd-check completed."]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 40s
containers:
  1st-check: { pull: 2.5s }
  2nd-check: { pull: 1.362s }
  main-app: { pull: 0.963s }
`;
    const ours = simulatedRows(printed);
    expect(matchSubsequence(distinct, ours), ours.map(key).join('\n')).toBeNull();
    // the published rows up to the sidecar's first exit are there; from then on RESTARTS reads 1
    expect(matchSubsequence(distinct.slice(0, 2), ours)).not.toBeNull();
    const pastInit = ours.filter((r) => r.status === 'PodInitializing' || r.status === 'Running');
    expect(pastInit.length).toBeGreaterThan(0);
    pastInit.forEach((r) => expect(r.restarts, key(r)).not.toBe('0'));
  });
});
