// Published transcripts of pods with regular init containers, run through the engine. Each
// test quotes the lines as published, with the source; a watch may skip a short-lived row, so a
// published sequence is checked as a subsequence of the engine's rows (READY, STATUS and the
// RESTARTS count strictly; AGE loosely where the transcript's timing is the pod's own).
// Rules exercised: [2.1] init order, [3.2] main start, [5.9] readiness at the next status,
// [4.5] back-off, [14.1] the init walk, [14.3] main containers.
import { describe, expect, it } from 'vitest';
import { expectSubsequence, publishedRows, rowAt, rowBeforeKubelet, simulatedRows, withVersion } from './watch.testkit';

// The transcripts predate 1.27, and the init-container path they show has not changed since; the
// engine is run at the oldest, a middle and the newest version it models.
const VERSIONS = ['1.27', '1.31', '1.36'];

describe('transcript: kubernetes.io "Run a Replicated Stateful Application", mysql-2 rescheduled by a drain', () => {
  // https://kubernetes.io/docs/tasks/run-application/run-replicated-stateful-application/
  // (kubernetes/website content/en/docs/tasks/run-application/run-replicated-stateful-application.md,
  // section "Drain a Node"; manifest content/en/examples/application/mysql/mysql-statefulset.yaml).
  // `kubectl get pod mysql-2 -o wide --watch` on the node that receives the pod (IP, NODE dropped):
  const published = publishedRows(`
mysql-2   0/2     Pending         0          0s
mysql-2   0/2     Init:0/2        0          0s
mysql-2   0/2     Init:1/2        0          20s
mysql-2   0/2     PodInitializing 0          21s
mysql-2   1/2     Running         0          22s
mysql-2   2/2     Running         0          30s`);
  // The pod template, with the scripts shortened: init-mysql writes the config (the new node
  // pulls mysql:5.7 first, which the 20 s of Init:0/2 shows), clone-mysql finds the data on the
  // PersistentVolume and exits; mysql is ready once `mysql -e 'SELECT 1'` answers (readiness
  // probe, initialDelaySeconds 5, period 2), about 8 s after its start on that run; xtrabackup has
  // no probe. Not modelled: the scheduler's Pending row (checked through the printer below).
  const scenario = `apiVersion: v1
kind: Pod
metadata:
  name: mysql-2
spec:
  initContainers:
  - name: init-mysql
    image: mysql:5.7
    command: ["bash", "-c", "echo server-id=102 > /mnt/conf.d/server-id.cnf"]
  - name: clone-mysql
    image: gcr.io/google-samples/xtrabackup:1.0
    command: ["bash", "-c", "exit 0"]
  containers:
  - name: mysql
    image: mysql:5.7
    readinessProbe:
      exec:
        command: ["mysql", "-h", "127.0.0.1", "-e", "SELECT 1"]
      initialDelaySeconds: 5
      periodSeconds: 2
      timeoutSeconds: 1
  - name: xtrabackup
    image: gcr.io/google-samples/xtrabackup:1.0
    command: ["bash", "-c", "exec ncat --listen --keep-open --send-only --max-conns=1 3307"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 40s
containers:
  init-mysql: { pull: 19s }
  clone-mysql: { pull: 0.5s }
  mysql: { readyAfter: 8s }
  xtrabackup: { exitAfter: never }
`;

  it.each(VERSIONS)('prints the published rows in order, each within 1.5 s of its AGE (%s) [2.1] [3.2] [5.9] [14.1]', (version) => {
    const ours = simulatedRows(withVersion(scenario, version));
    const at = expectSubsequence(published.slice(1), ours);
    at.forEach((i, n) => expect(Math.abs(ours[i]!.t - published[n + 1]!.t)).toBeLessThanOrEqual(1.5));
  });

  it('the leading Pending row is the API server object before the kubelet writes a status [14.1]', () => {
    const shape = { init: ['init-mysql', 'clone-mysql'], main: ['mysql', 'xtrabackup'] };
    for (const minor of [27, 36]) expect(rowBeforeKubelet(shape, minor)).toEqual({ ready: '0/2', status: 'Pending', restarts: '0' });
  });
});

describe('transcript: kubernetes.io "Init Containers", myapp-pod waiting for two Services', () => {
  // https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#init-containers-in-use
  // (kubernetes/website content/en/docs/concepts/workloads/pods/init-containers.md).
  // `kubectl get -f myapp.yaml` before the Services exist, and after `kubectl apply -f services.yaml`:
  const published = publishedRows(`
myapp-pod   0/1       Init:0/2   0          6m
myapp-pod   1/1       Running    0          9m`);
  // The page's manifest. The init containers loop on `nslookup` until their Service resolves
  // (the engine cannot know when: it reads them as long-running). The Services are created
  // somewhere between 6 and 9 minutes; here at 8 min: init-myservice's loop ends within its
  // `sleep 2`, and init-mydb, started after it, finds mydb at once.
  const scenario = `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app: myapp
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 9m
containers:
  init-mydb: { exitAfter: 0.1s }
events:
  - { at: 8m, container: init-myservice, do: exit }
`;

  it.each(VERSIONS)('shows Init:0/2 at 6 min and 1/1 Running at 9 min (%s) [2.1] [14.1] [14.3]', (version) => {
    const ours = simulatedRows(withVersion(scenario, version));
    for (const row of published) expect(rowAt(ours, row.t)).toEqual({ ready: row.ready, status: row.status, restarts: row.restarts });
    expectSubsequence(published, ours);
  });
});

describe('transcript: kelseyhightower/certificate-init-container#13, an init container that keeps failing', () => {
  // https://github.com/kelseyhightower/certificate-init-container/issues/13 (June 2018): a
  // Deployment whose init container exits 1 (its CSR is never approved); two `kubectl get pods`:
  const published = publishedRows(`
tls-app-dc7787455-69rhx   0/1       Init:Error   1          6s
tls-app-dc7787455-69rhx   0/1       Init:CrashLoopBackOff   1          12s`);
  // The init container's failure is what matters: it exits 1 at once, each run. The issue's
  // cluster (2018) predates the versions the engine models; the init-container back-off and the
  // printer's init walk are unchanged since. Input from the rows, not a check: `Init:Error 1` at
  // 6 s means the second run ended less than a relist or two before, since the sync after the
  // back-off writes CrashLoopBackOff about 2 s after that end ([0.9]): the first pull from gcr.io
  // took a few seconds (4 s here; with the engine's default, 0.2 s, CrashLoopBackOff would show from 4 s).
  const scenario = `apiVersion: v1
kind: Pod
metadata:
  name: tls-app-dc7787455-69rhx
spec:
  initContainers:
  - name: certificate-init-container
    image: gcr.io/hightowerlabs/certificate-init-container:0.0.1
    command: ["sh", "-c", "exit 1"]
  containers:
  - name: tls-app
    image: gcr.io/hightowerlabs/tls-app:1.0.0
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.27"
until: 30s
containers:
  certificate-init-container: { pull: 4s }
`;

  // Not at 1.36+: there the on-demand relist ([0.8]) restarts the container and writes
  // CrashLoopBackOff within a second of the first run's end, so the rows would fit only a pull
  // chosen to end between 5 and 6 s; the 2018 cluster had no on-demand relist.
  it.each(['1.27', '1.31', '1.35'])('prints Init:Error 1 then Init:CrashLoopBackOff 1, as published at 6 s and 12 s (%s) [2.5] [4.5] [14.1]', (version) => {
    const ours = simulatedRows(withVersion(scenario, version));
    expectSubsequence(published, ours);
    // The first restart comes at once (no back-off yet), so RESTARTS is 1 well before 6 s.
    expect(rowAt(ours, published[0]!.t)).toEqual({ ready: '0/1', status: 'Init:Error', restarts: '1' });
  });
});
