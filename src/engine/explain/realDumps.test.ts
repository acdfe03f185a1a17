// Explain mode on real dumps, part 1: evicted, deleted and finished pods. Each fixture is a pod
// from a published thread (fixtures/SOURCES.md: the URL, what was published, what was rebuilt),
// and each test checks the kubectl columns against the line the thread printed, at the `now` the
// thread implies when it gives AGE, then the phase and what comes next.
//
// Upstream read for the printed lines: pkg/printers/internalversion/printers.go printPod, the stored
// 1.31–1.34 copy (the library's file id 59882936: status.reason over the phase, the main containers
// walked last to first, `pod.DeletionTimestamp != nil && !IsPodPhaseTerminal` for Terminating) and
// an older stored upstream copy (id 8906070, the unconditional `else if pod.DeletionTimestamp != nil`
// that held until PR #122038, 1.31); the 1.35 change (PR #124766, a failed main container's reason
// over Completed) as src/engine/kubectl/printPod.ts documents it. Phases: the objects' own, kept as
// kubelet.go SyncPod keeps a terminal phase (the newest stored copy, id 54300650048: "If the pod is
// terminal, we don't need to continue to setup the pod"); the rebuilt Succeeded phase of the
// #105467 pod follows status/generate.go GeneratePodInitializedCondition (stored at 004b6af5, a
// 1.34+ copy: reason PodCompleted on Initialized only for a Succeeded pod).
//
// Versions: every test runs on each minor its printed line holds for. The printers' branches used
// here did not change between 1.27 and 1.37 except Terminating on a terminal pod (1.31) and a
// failed container under a Completed one (1.35), which get one expectation per range.
//
// Left out (the report and .scratch/pending-explain38.txt): the words kubectl's quirks give for a
// deleted pod that already Failed on 1.27–1.30 (quirks.ts says Terminating is printed only while the
// phase is not terminal, the 1.31+ rule), and "Continue from here" on a pod that is terminal or
// deleted (the continued run restarts its containers).

import { describe, expect, it } from 'vitest';
import { explainPods } from './explainPods';
import { explain, explainText, fixture, from } from './realDumps.testkit';
import { readRealPods } from './readRealPods';
import type { PodExplanation } from './types';

/** A terminal pod: the kubelet starts nothing again, so every next step waits with no time ([6.5]). */
function nothingNext(pod: PodExplanation) {
  expect(pod.next.length).toBeGreaterThan(0);
  for (const n of pod.next) expect(n).toMatchObject({ action: 'wait', at: null });
}

describe('kubernetes/kubernetes#112927: an evicted pod the kubelet left with no container statuses', () => {
  it.each(from(27))('0/1 Evicted 0 102d: STATUS is status.reason, READY counts no status as ready, phase Failed stays [14.1] [6.5] (%s)', (v) => {
    const [pod] = explain('evicted-no-statuses.yaml', v, '2022-10-08T02:00:00Z');
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Evicted', restarts: '0', age: '102d' });
    expect(pod!.phase).toMatchObject({ value: 'Failed' });
    expect(pod!.phase.observed).toBeUndefined();
    nothingNext(pod!);
  });
});

describe('kubernetes/kubernetes#105467 (v1.32.4): an evicted pod whose container exited 0, with no status.reason', () => {
  it.each(from(27))('0/1 Completed 0 50m: the container\'s reason names STATUS; Succeeded stays, DisruptionTarget is kept [14.3] [6.5] (%s)', (v) => {
    const [pod] = explain('evicted-completed.yaml', v, '2025-05-29T08:03:00Z');
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Completed', restarts: '0', age: '50m' });
    expect(pod!.phase.value).toBe('Succeeded');
    expect(pod!.phase.observed).toBeUndefined();
    expect(pod!.conditions.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'TerminationByKubelet' });
    // [7.7] [8.15] the condition says the kubelet killed the pod itself, and why the Succeeded phase has no reason
    expect(pod!.conditions.find((c) => c.type === 'DisruptionTarget')?.why).toMatch(/kubelet killed the pod itself, for an eviction .*\[8\.15\].*Succeeded phase then has no reason/);
    expect(pod!.containers).toEqual([expect.objectContaining({ name: 'discovery', state: 'terminated', reason: 'Completed', restartCount: 0 })]);
    nothingNext(pod!);
  });
});

describe('kubernetes/kubernetes#122160: evicted for its ephemeral-storage limit, the container could not be located', () => {
  it.each(from(27))('0/1 ContainerStatusUnknown 1: the terminated reason beats status.reason Evicted; null times read as no time, so no "(… ago)" [14.1] [14.3] (%s)', (v) => {
    const read = readRealPods(fixture('container-status-unknown.yaml'));
    if (read.kind !== 'pods') throw new Error('not pods');
    expect(read.problems).toEqual([]);
    const [pod] = explainPods(read.input, { version: v });
    expect(pod!.kubectl).toMatchObject({ ready: '0/1', status: 'ContainerStatusUnknown', restarts: '1' });
    expect(pod!.phase.value).toBe('Failed');
    expect(pod!.phase.why).toMatch(/reason Evicted says the kubelet's eviction manager evicted it .*\[8\.15\]/); // the phase's why names who ended the pod
    expect(pod!.containers[0]).toMatchObject({ name: 'grow-test', state: 'terminated', reason: 'ContainerStatusUnknown', restartCount: 1 });
    nothingNext(pod!);
  });
});

describe('kubernetes/kubernetes#105358 (HEAD, 1.23 in development): the runOnce pod evictme, watched while it was evicted', () => {
  const now19 = '2021-10-01T20:14:45Z';

  it.each(from(27))('0/1 ContainerCreating 1 19s: a waiting reason beats status.reason Evicted; the Failed phase stays [14.1] [14.3] [6.5] (%s)', (v) => {
    const [pod] = explain('evicted-containercreating.json', v, now19);
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'ContainerCreating', restarts: '1', age: '19s' });
    expect(pod!.phase.value).toBe('Failed');
    expect(pod!.phase.observed).toBeUndefined();
    nothingNext(pod!);
  });

  it.each(from(27))('1/1 Evicted 0 6s: before the container statuses were synced, a running ready container counts in READY and names nothing [14.1] [14.3] (%s)', (v) => {
    // The 6 s line: status.reason Evicted and phase Failed written, the container status still the
    // one of the 3 s line (1/1 Running): running since 20:14:29, ready, no restart.
    const obj = JSON.parse(fixture('evicted-containercreating.json')) as { status: { containerStatuses: unknown[] } };
    obj.status.containerStatuses = [{
      name: 'busybox', image: 'k8s.gcr.io/e2e-test-images/nginx:1.14-2', imageID: 'k8s.gcr.io/e2e-test-images/nginx@sha256:13616070e3f29de4417eee434a8ef472221c9e51b3d037b5a6b46cef08eb7443',
      containerID: 'containerd://6f3c', state: { running: { startedAt: '2021-10-01T20:14:29Z' } }, lastState: {}, ready: true, restartCount: 0, started: true,
    }];
    const [pod] = explainText(JSON.stringify(obj), v, '2021-10-01T20:14:32Z');
    expect(pod!.kubectl).toEqual({ ready: '1/1', status: 'Evicted', restarts: '0', age: '6s' });
  });
});

describe('kubernetes/kubernetes#137992 (2026): an evicted pod\'s JSON with the status fields newer versions write', () => {
  it.each(from(27))('hostIPs, volumeMounts with recursiveReadOnly and resources in a container status are read without a problem; phase Failed "due to eviction" (%s)', (v) => {
    const read = readRealPods(fixture('evicted-new-fields.json'));
    if (read.kind !== 'pods') throw new Error('not pods');
    expect(read.problems).toEqual([]);
    const [pod] = explainPods(read.input, { version: v });
    expect(pod!.phase.value).toBe('Failed');
    expect(pod!.phase.observed).toBeUndefined();
    // The same status shape printed `0/1 ContainerCreating 1` in #105358 (above).
    expect(pod!.kubectl).toMatchObject({ ready: '0/1', status: 'ContainerCreating', restarts: '1' });
    expect(pod!.notes).toEqual([]);
    nothingNext(pod!);
  });
});

describe('kubernetes/kubernetes#120207: a deleted pod held by a finalizer, already Failed', () => {
  it.each(from(27, 30))('0/1 Terminating 0 up to 1.30: any deletionTimestamp prints Terminating, even in a terminal phase [14.4] (%s)', (v) => {
    const [pod] = explain('terminating-finalizer.yaml', v, '2023-08-28T14:06:00Z');
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Terminating', restarts: '0', age: '6m' });
    expect(pod!.phase.value).toBe('Failed');
    nothingNext(pod!);
  });

  it.each(from(31))('from 1.31 (PR #122038, the fix the issue asked for) the terminal pod keeps its STATUS: 0/1 Error 0 [14.4] (%s)', (v) => {
    const [pod] = explain('terminating-finalizer.yaml', v, '2023-08-28T14:06:00Z');
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'Error', restarts: '0', age: '6m' });
    expect(pod!.phase.value).toBe('Failed');
    expect(pod!.quirks.join(' ')).not.toMatch(/Terminating/);
  });

  it.each(from(27))('the 137 at the deletion\'s end is the SIGKILL when the 30 s grace ran out (deletionTimestamp minus its grace) [8.5] [8.6] (%s)', (v) => {
    const [pod] = explain('terminating-finalizer.yaml', v, '2023-08-28T14:06:00Z');
    expect(pod!.containers.find((c) => c.name === 'sleeper')!.words).toMatch(/137 is 128 \+ SIGKILL, 30 s after its stop began: it did not stop on its stop signal and was killed when the 30 s grace ran out/);
  });
});

describe('kubernetes/kubectl#1511, kubernetes/kubernetes#121563 (v1.22.17): a failed Job pod with containers a and z, as a kind: List', () => {
  const srvsp = '2023-11-02T08:45:00Z';
  const rb7k = '2023-11-02T08:47:24Z';

  it.each(from(27))('the List is read pod by pod, both Failed, each a Job\'s pod (%s)', (v) => {
    const pods = explain('completed-error-list.json', v, rb7k);
    expect(pods.map((p) => p.name)).toEqual(['test-srvsp', 'test-4rb7k']);
    for (const p of pods) {
      expect(p.phase.value).toBe('Failed');
      expect(p.notes.map((n) => n.message).join(' ')).toMatch(/belongs to a Job/);
      nothingNext(p);
    }
  });

  it.each(from(27, 34))('test-srvsp 0/2 Completed 0 8h: the walk from the last container ends on a\'s Completed, z\'s Error is overwritten [14.3] (%s)', (v) => {
    const [pod] = explain('completed-error-list.json', v, srvsp);
    expect(pod!.kubectl).toEqual({ ready: '0/2', status: 'Completed', restarts: '0', age: '8h' });
  });

  it.each(from(35))('from 1.35 (PR #124766, the fix #121563 was closed by) test-srvsp prints z\'s Error [14.3] (%s)', (v) => {
    const [pod] = explain('completed-error-list.json', v, srvsp);
    expect(pod!.kubectl).toEqual({ ready: '0/2', status: 'Error', restarts: '0', age: '8h' });
  });

  it.each(from(27))('test-4rb7k 0/2 Error 0 4s: with the names swapped the Error is listed first and names STATUS [14.3] (%s)', (v) => {
    const [, pod] = explain('completed-error-list.json', v, rb7k);
    expect(pod!.kubectl).toEqual({ ready: '0/2', status: 'Error', restarts: '0', age: '4s' });
  });
});
