// An exec readiness probe past its timeout on nodes whose version is printed: a MERN app's MongoDB
// StatefulSet on EKS, a session log of 2026-01-11 (search-index file 3934773239, no repository
// named). Its `kubectl get nodes` prints both nodes `v1.32.9-eks-ecaa3a6`; containerd. The
// readiness probe (`exec [mongosh --eval db.adminCommand('ping')] delay=10s timeout=1s period=10s
// #success=1 #failure=3`) timed out now and then while the replica set came up; both pods are Ready.
// Published, `kubectl describe pod mongo-0` (Start Time 07:07:32, container Started 07:07:53):
//
//   Normal   Scheduled               18m                default-scheduler        Successfully assigned default/mongo-0 to ip-192-168-9-74.ap-south-1.compute.internal
//   Normal   SuccessfulAttachVolume  18m                attachdetach-controller  AttachVolume.Attach succeeded for volume "pvc-8b590b3c-1da7-4038-b1c5-bbec957873bb"
//   Normal   Pulling                 18m                kubelet                  Pulling image "mongo:5.0"
//   Normal   Pulled                  17m                kubelet                  Successfully pulled image "mongo:5.0" in 16.987s (16.987s including waiting). Image size: 287269680 bytes.
//   Normal   Created                 17m                kubelet                  Created container: mongo
//   Normal   Started                 17m                kubelet                  Started container mongo
//   Warning  Unhealthy               14m (x2 over 16m)  kubelet                  Readiness probe failed: command timed out: "mongosh --eval db.adminCommand('ping')" timed out after 1s
//
// and `kubectl describe pod mongo-1` (the image already on its node):
//
//   Normal   Pulled     17m   kubelet                  Container image "mongo:5.0" already present on machine
//   Normal   Created    17m   kubelet                  Created container: mongo
//   Normal   Started    17m   kubelet                  Started container mongo
//   Warning  Unhealthy  13m   kubelet                  Readiness probe failed: command timed out: "mongosh --eval db.adminCommand('ping')" timed out after 1s
//
// Version: v1.32.9 (the nodes'), and the rows agree: `Created container: mongo` (1.32-1.34),
// `. Image size:` (1.30+), the short "already present on machine" (before 1.35) ([10.6]). A 1.32
// node words the timeout as k8s.io/cri-client does, as the engine has it from 1.31 ([5.13],
// sim/probeOutput.ts): one more witness of the new wording above the line. Run at 1.32.
// Given: the runs that timed out. The node's probe timed out twice in about a hundred runs (mongosh slow to
// start while the replica set formed); the engine has one behaviour for every run of a probe, so
// here every run outlives the 1 s timeout, and only the message and the start-up rows are
// compared, not the count or the age of the Unhealthy row. mongo-0's pull of 16.987 s and its size
// (the node's Pulled row); the volume attach (attachdetach-controller) is not the kubelet's and is
// left out.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { publishedEvent } from './publishedEvents.testkit';

const scenario = (version: string, pod: string, pulled: boolean) => `apiVersion: v1
kind: Pod
metadata: { name: ${pod}, labels: { app: mongo } }
spec:
  containers:
    - name: mongo
      image: mongo:5.0
      command: [mongod, --replSet, rs0, --bind_ip_all]
      ports: [{ containerPort: 27017 }]
      readinessProbe:
        exec: { command: [mongosh, --eval, "db.adminCommand('ping')"] }
        initialDelaySeconds: 10
        periodSeconds: 10
        timeoutSeconds: 1
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 120s
containers:
  mongo: { pull: ${pulled ? '16.987s, imageSize: 287269680' : '0'}, readinessProbe: { duration: 2s } }
`;

const MONGO_0 = String.raw`
  Normal   Pulling                 18m                kubelet                  Pulling image "mongo:5.0"
  Normal   Pulled                  17m                kubelet                  Successfully pulled image "mongo:5.0" in 16.987s (16.987s including waiting). Image size: 287269680 bytes.
  Normal   Created                 17m                kubelet                  Created container: mongo
  Normal   Started                 17m                kubelet                  Started container mongo
  Warning  Unhealthy               14m (x2 over 16m)  kubelet                  Readiness probe failed: command timed out: "mongosh --eval db.adminCommand('ping')" timed out after 1s
`.trim().split('\n').map(publishedEvent);
const MONGO_1 = String.raw`
  Normal   Pulled     17m   kubelet                  Container image "mongo:5.0" already present on machine
  Normal   Created    17m   kubelet                  Created container: mongo
  Normal   Started    17m   kubelet                  Started container mongo
  Warning  Unhealthy  13m   kubelet                  Readiness probe failed: command timed out: "mongosh --eval db.adminCommand('ping')" timed out after 1s
`.trim().split('\n').map(publishedEvent);

const kubeletRows = (version: string, pod: string, pulled: boolean) =>
  describeEvents(runScenario(scenario(version, pod, pulled)).trace!, 100, pod).filter((r) => r.from === 'kubelet');

describe('transcript: mongosh readiness exec past its 1 s timeout, EKS nodes v1.32.9', () => {
  it.each(Array.of(['mongo-0', true, MONGO_0] as const, ['mongo-1', false, MONGO_1] as const))('%s: every kubelet row word for word at 1.32, the timeout as `command timed out: "…" timed out after 1s` [5.13] [10.6]', (pod, pulled, published) => {
    const rows = kubeletRows('1.32', pod, pulled);
    expect(rows.map((r) => `${r.type} ${r.reason} ${r.message}`)).toEqual(published.map((p) => `${p.type} ${p.reason} ${p.message}`));
  });

  it('the engine\'s 1.30 words the same run `command "…" timed out`, as this node did not [5.13]', () => {
    const unhealthy = kubeletRows('1.30', 'mongo-1', false).filter((r) => r.reason === 'Unhealthy');
    expect(unhealthy.map((r) => r.message)).toEqual(['Readiness probe failed: command "mongosh --eval db.adminCommand(\'ping\')" timed out']);
  });
});
