// Test kit for upstream's Job end-to-end tests (test/e2e/apps/job.go) as scenarios ([16]): the
// Job as e2ejob.NewTestJobOnNode builds it (test/e2e/framework/job/fixtures.go: one container "c",
// busybox, the behaviour's command), and the pods' behaviour, which the fixtures' scripts decide
// from a marker file on the node's hostPath or from JOB_COMPLETION_INDEX (the engine reads
// neither), given instead as the Simulation document's default behaviour plus, for the pods a
// `plan` names, an exit `after` seconds past the container's first start: a scenario event with
// `index: N` on an Indexed Job's pod, or without an index on a NonIndexed Job's pod (such an
// event acts on every pod running at its time, so the kit checks afterwards that each pod got
// exactly the exits planned for it). A pod's start depends only on what happened before it, so
// the events are recomputed from each run's pods until they no longer change.
import { expect } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent, TracePod } from '../trace';
import type { KubeVersion } from '../version';

export const BUSYBOX = 'registry.k8s.io/e2e-test-images/busybox:1.36.1-1';
export const PAUSE = 'registry.k8s.io/pause:3.10';

export interface E2eJob {
  name: string;
  version: KubeVersion;
  /** JobSpec lines below `spec:` (two spaces in), without the template. */
  spec: string;
  restartPolicy?: 'Never' | 'OnFailure';
  /** Pod spec lines before `containers:` (six spaces in), e.g. terminationGracePeriodSeconds. */
  podSpec?: string;
  /** Container lines after `name: c` (ten spaces in): image, command, args, restartPolicy. */
  container: string;
  gates?: Record<string, boolean>;
  until?: string;
  /** The Simulation document's behaviour of container c, a flow mapping. */
  behaviour?: string;
}

export function jobText(j: E2eJob, events: string[] = []): string {
  const gates = j.gates ? `featureGates:\n${Object.entries(j.gates).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n` : '';
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${j.name}
spec:
${j.spec.trimEnd()}
  template:
    spec:
      restartPolicy: ${j.restartPolicy ?? 'Never'}
${j.podSpec ? `${j.podSpec.trimEnd()}\n` : ''}      containers:
        - name: c
${j.container.trimEnd()}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${j.version}"
${gates}${j.until ? `until: ${j.until}\n` : ''}${j.behaviour ? `containers:\n  c: ${j.behaviour}\n` : ''}${events.length ? `events:\n${events.join('\n')}\n` : ''}`;
}

/** A pod the plan is asked about: its completion index (Indexed Jobs) and n, the count of the Job's (or the index's) pods created before it. */
export interface PlannedPod { index?: number; n: number }
/** The exit code the pod's first run ends with `after` seconds past its start, or undefined: the default behaviour. */
export type Plan = (pod: PlannedPod) => number | undefined;

type Fault = Extract<TraceEvent, { type: 'fault' }>;

/** Runs the Job with the plan's exits (and `fixed` events as they are), checks there are no errors, returns the trace. */
export function runJob(j: E2eJob, plan: Plan = () => undefined, after = 0.5, fixed: string[] = []): Trace {
  let at = new Map<string, { t: number; code: number; index?: number }>(); // pod name -> its planned exit
  for (let round = 0; round < 40; round++) {
    const lines = new Set([...at.values()].map(({ t, code, index }) => {
      const act = code === 0 ? 'do: exit' : `do: crash, exitCode: ${code}`;
      return `  - { at: ${t.toFixed(3)}s, container: c, ${index === undefined ? '' : `index: ${index}, `}${act} }`;
    }));
    const r = runScenario(jobText(j, [...lines, ...fixed]));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const trace = r.trace!;
    const wanted = new Map<string, { t: number; code: number; index?: number }>();
    const seen = new Map<number | undefined, number>();
    for (const e of created(trace)) {
      const n = seen.get(e.index) ?? 0;
      seen.set(e.index, n + 1);
      const code = plan({ ...(e.index !== undefined ? { index: e.index } : {}), n });
      if (code === undefined) continue;
      const start = trace.events.find((s) => s.type === 'container.start' && s.pod === e.pod && s.container === 'c');
      if (start) wanted.set(e.pod, { t: Number((start.t + after).toFixed(3)), code, ...(e.index !== undefined ? { index: e.index } : {}) });
    }
    if (wanted.size === at.size && [...wanted].every(([k, w]) => at.get(k)?.t === w.t && at.get(k)?.code === w.code)) {
      // every pod got exactly the exits planned for it (an event without index acts on all running pods)
      const faults = trace.events.filter((e): e is Fault => e.type === 'fault' && (e.do === 'crash' || e.do === 'exit'));
      for (const p of trace.pods ?? []) {
        const mine = faults.filter((f) => f.pod === p.name).map((f) => `${f.t}:${f.exitCode ?? 0}`);
        const w = wanted.get(p.name);
        expect(mine, `the exits of ${p.name}`).toEqual(w ? [`${w.t}:${w.code}`] : []);
      }
      return trace;
    }
    at = wanted;
  }
  throw new Error('the planned exits did not settle');
}

type Exit = Extract<TraceEvent, { type: 'container.exit' }>;
/** The exit codes of a pod's container c, in order. */
export const exitCodes = (t: Trace, pod: string): number[] => t.events.filter((e): e is Exit => e.type === 'container.exit' && e.pod === pod).map((e) => e.exitCode);
type Created = Extract<TraceEvent, { type: 'job.podCreated' }>;
type Failed = Extract<TraceEvent, { type: 'job.failed' }>;

export const created = (t: Trace): Created[] => t.events.filter((e): e is Created => e.type === 'job.podCreated');
export const completes = (t: Trace) => t.events.filter((e) => e.type === 'job.complete');
export const failures = (t: Trace): Failed[] => t.events.filter((e): e is Failed => e.type === 'job.failed');
export const podsIn = (t: Trace, phase: 'Succeeded' | 'Failed'): TracePod[] => (t.pods ?? []).filter((p) => p.phase === phase);
/** The sorted completion indexes of the pods in that phase (an index once). */
export const indexesIn = (t: Trace, phase: 'Succeeded' | 'Failed'): number[] => [...new Set(podsIn(t, phase).map((p) => p.index!))].sort((a, b) => a - b);
/** status.active and status.terminating are 0 at the end: every pod the Job made has a terminal phase. */
export const noneLeft = (t: Trace): boolean => (t.pods ?? []).every((p) => p.phase === 'Succeeded' || p.phase === 'Failed');
/** The terminal phase's time of each pod, by name. */
export const terminalAt = (t: Trace, pod: string): number =>
  t.events.find((e) => e.pod === pod && e.type === 'pod.phase' && (e.phase === 'Succeeded' || e.phase === 'Failed'))?.t ?? Infinity;
