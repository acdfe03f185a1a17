// Test kit of one published describe: an EKS 1.27 cluster's aws-node pod (Amazon VPC CNI
// v1.19.2-eksbuild.5) whose gRPC server on :50051 never came up, so that both exec probes
// (`grpc-health-probe -connect-timeout=5s`) failed after 5 s at every run. Used by
// agAwsNodeCombined127.test.ts (event aggregation, the spam filter) and orAwsNode23Rows127.test.ts
// (kubectl's order of 23 rows). The source, what it prints and what is assumed are in those files.
import { runScenario } from '../../engine/run';
import type { Trace } from '../../engine/trace';
import { publishedEvent, type PublishedEvent } from './publishedEvents.testkit';

export const POD = 'aws-node-qx287';

/** The describe's Events section as published (the dump named aws-node-qx287 in its Scheduled row). */
export const LISTING = String.raw`
  Normal   Scheduled  112s               default-scheduler  Successfully assigned kube-system/aws-node-qx287 to ip-192-168-2-155.ec2.internal
  Normal   Pulling    112s               kubelet            Pulling image "602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni-init:v1.19.2-eksbuild.5"
  Normal   Pulled     112s               kubelet            Successfully pulled image "602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni-init:v1.19.2-eksbuild.5" in 145.717297ms (145.730957ms including waiting)
  Normal   Created    112s               kubelet            Created container aws-vpc-cni-init
  Normal   Started    112s               kubelet            Started container aws-vpc-cni-init
  Normal   Pulled     110s               kubelet            Container image "602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.5" already present on machine
  Normal   Created    110s               kubelet            Created container aws-node
  Normal   Started    110s               kubelet            Started container aws-node
  Normal   Pulling    110s               kubelet            Pulling image "602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon/aws-network-policy-agent:v1.1.6-eksbuild.2"
  Normal   Pulled     110s               kubelet            Successfully pulled image "602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon/aws-network-policy-agent:v1.1.6-eksbuild.2" in 132.412679ms (132.423843ms including waiting)
  Normal   Created    110s               kubelet            Created container aws-eks-nodeagent
  Normal   Started    110s               kubelet            Started container aws-eks-nodeagent
  Warning  Unhealthy  104s               kubelet            Readiness probe failed: {"level":"info","ts":"2025-02-20T18:04:28.300Z","caller":"/usr/local/go/src/runtime/proc.go:271","msg":"timeout: failed to connect service \":50051\" within 5s"}
  Warning  Unhealthy  99s                kubelet            Readiness probe failed: {"level":"info","ts":"2025-02-20T18:04:33.327Z","caller":"/usr/local/go/src/runtime/proc.go:271","msg":"timeout: failed to connect service \":50051\" within 5s"}
  Warning  Unhealthy  94s                kubelet            Readiness probe failed: {"level":"info","ts":"2025-02-20T18:04:38.419Z","caller":"/usr/local/go/src/runtime/proc.go:271","msg":"timeout: failed to connect service \":50051\" within 5s"}
  Warning  Unhealthy  87s                kubelet            Readiness probe failed: {"level":"info","ts":"2025-02-20T18:04:45.582Z","caller":"/usr/local/go/src/runtime/proc.go:271","msg":"timeout: failed to connect service \":50051\" within 5s"}
  Warning  Unhealthy  77s                kubelet            Readiness probe failed: {"level":"info","ts":"2025-02-20T18:04:55.587Z","caller":"/usr/local/go/src/runtime/proc.go:271","msg":"timeout: failed to connect service \":50051\" within 5s"}
  Warning  Unhealthy  67s                kubelet            Readiness probe failed: {"level":"info","ts":"2025-02-20T18:05:05.555Z","caller":"/usr/local/go/src/runtime/proc.go:271","msg":"timeout: failed to connect service \":50051\" within 5s"}
  Warning  Unhealthy  57s                kubelet            Readiness probe failed: {"level":"info","ts":"2025-02-20T18:05:15.550Z","caller":"/usr/local/go/src/runtime/proc.go:271","msg":"timeout: failed to connect service \":50051\" within 5s"}
  Warning  Unhealthy  47s                kubelet            Readiness probe failed: {"level":"info","ts":"2025-02-20T18:05:25.571Z","caller":"/usr/local/go/src/runtime/proc.go:271","msg":"timeout: failed to connect service \":50051\" within 5s"}
  Warning  Unhealthy  37s                kubelet            Liveness probe failed: {"level":"info","ts":"2025-02-20T18:05:35.595Z","caller":"/usr/local/go/src/runtime/proc.go:271","msg":"timeout: failed to connect service \":50051\" within 5s"}
  Warning  Unhealthy  17s (x4 over 37s)  kubelet            (combined from similar events): Liveness probe failed: {"level":"info","ts":"2025-02-20T18:05:55.576Z","caller":"/usr/local/go/src/runtime/proc.go:271","msg":"timeout: failed to connect service \":50051\" within 5s"}
  Normal   Killing    17s                kubelet            Container aws-node failed liveness probe, will be restarted
`.trim().split('\n');

export const PUBLISHED: PublishedEvent[] = LISTING.map(publishedEvent);

/** The dump, in seconds after scheduling (the engine schedules at t = 0): the Scheduled row's age. */
export const LISTING_AT = 112;

const PROBE = (delay: number) => `exec: { command: ["/app/grpc-health-probe", "-addr=:50051", "-connect-timeout=5s", "-rpc-timeout=5s"] }
        initialDelaySeconds: ${delay}
        timeoutSeconds: 10`;

/** The pod as the VPC CNI's manifest makes it (the containers and probes the events name). */
export const scenario = (version: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${POD}, namespace: kube-system }
spec:
  terminationGracePeriodSeconds: 10
  initContainers:
    - name: aws-vpc-cni-init
      image: 602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni-init:v1.19.2-eksbuild.5
      imagePullPolicy: Always
  containers:
    - name: aws-node
      image: 602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni:v1.19.2-eksbuild.5
      livenessProbe:
        ${PROBE(60)}
      readinessProbe:
        ${PROBE(1)}
    - name: aws-eks-nodeagent
      image: 602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon/aws-network-policy-agent:v1.1.6-eksbuild.2
      imagePullPolicy: Always
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 130s
containers:
  aws-vpc-cni-init: { pull: 0.146s, exitAfter: 1s, exitCode: 0 }
  aws-node: { pull: 0, readinessProbe: { duration: 5s }, livenessProbe: { duration: 5s } }
  aws-eks-nodeagent: { pull: 0.132s }
events:
  - { at: 0s, container: aws-node, do: failReadiness, for: 1000s }
  - { at: 0s, container: aws-node, do: failLiveness, for: 1000s }
`;

/** 18:04:20 UTC on the day of the dump: the scheduling, near enough (its Scheduled row is 112 s old at 18:06:12). */
const SCHEDULED_AT_MS = Date.UTC(2025, 1, 20, 18, 4, 20);

/**
 * What grpc-health-probe printed for a run that ended at engine time `t`: its JSON log line, whose
 * timestamp makes every run's output, so every Unhealthy message, a new one.
 */
export function probeOutput(t: number): string {
  const ts = new Date(SCHEDULED_AT_MS + Math.round(t * 1000)).toISOString();
  return JSON.stringify({ level: 'info', ts, caller: '/usr/local/go/src/runtime/proc.go:271', msg: 'timeout: failed to connect service ":50051" within 5s' });
}

/**
 * The engine's trace of the pod, each failed run given the output the node's runs printed (the
 * engine words an exec probe's output only for a timeout, [5.13]): a JSON line with the run's end.
 */
export function traceWithOutputs(version: string): Trace {
  const r = runScenario(scenario(version));
  if (!r.ok || !r.trace) throw new Error(`the scenario should run: ${JSON.stringify(r.problems ?? r).slice(0, 400)}`);
  return { ...r.trace, events: r.trace.events.map((e) => (e.type === 'probe.failed' ? { ...e, output: probeOutput(e.t) } : e)) };
}
