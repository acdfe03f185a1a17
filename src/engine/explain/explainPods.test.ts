// Explain mode on real dumps (fixtures/, each with its source URL): the kubectl columns kubectl
// printed, the phase and conditions with their rules, the containers in words, and what comes next
// with its time. Deciders read: printPod (printers.go, 1.29–1.35), getPhase (kubelet_pods.go),
// computePodActions (kuberuntime_manager.go), doBackOff (kuberuntime_container.go).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../apiPod/time';
import { explainPods } from './explainPods';
import { readRealPods } from './readRealPods';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const at = (s: string) => parseRfc3339(s)!;

function explain(name: string, now?: string) {
  const read = readRealPods(fixture(name));
  if (read.kind !== 'pods') throw new Error(`${name} was not read as pods`);
  return { read, pods: explainPods(read.input, now ? { now: at(now) } : {}) };
}

describe('explain mode on real dumps', () => {
  it('a native sidecar whose startup probe has not passed: Init:1/2, the app waits, the probe gives up at its threshold [2.2] [5.4]', () => {
    const [pod] = explain('sidecar-startup-stuck.yaml', '2024-10-27T09:15:33Z').pods;
    expect(pod!.kubectl).toEqual({ ready: '0/2', status: 'Init:1/2', restarts: '0', age: '93s' });
    expect(pod!.phase.value).toBe('Pending');
    expect(pod!.conditions.find((c) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized' });
    expect(pod!.containers.find((c) => c.name === 'otel-collector')!.words).toMatch(/running but not started: its startup probe has not passed, so the next container waits/);
    const kill = pod!.next.find((n) => n.container === 'otel-collector')!;
    expect(kill.action).toBe('kill');
    expect(kill.at).toBe(at('2024-10-27T09:14:06Z') + 30 * 5);
    expect(pod!.next.find((n) => n.container === 'hotel-reserv-reservation')).toMatchObject({ action: 'wait', at: null });
    expect(pod!.next.find((n) => n.container === 'hotel-reserv-reservation')!.why).toMatch(/sidecar otel-collector is started \[2\.1\]/);
  });

  it('a pull in back-off: the words quote the failed pull\'s error that a 1.32+ Waiting message carries [10.9]', () => {
    const [pod] = explain('pull-backoff.yaml', '2026-10-07T23:23:31Z').pods;
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'ImagePullBackOff', restarts: '0', age: '39s' });
    expect(pod!.containers.find((c) => c.name === 'web')!.words).toBe('web cannot start: the image pull failed ("rpc error: code = NotFound desc = failed to pull and unpack image "mirror.gcr.io/library/nginx:1.27-alpne": failed to resolve reference "mirror.gcr.io/library/nginx:1.27-alpne": mirror.gcr.io/library/nginx:1.27-alpne: not found"), and the kubelet retries it with its own back-off [10.2] [10.9].');
  });

  it('a container whose runtime refused its starts: it never ran, exit 128 StartError, and restarts after the back-off the kubelet printed [3.5] [4.5]', () => {
    const [pod] = explain('start-error.yaml').pods;
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '2 (0s ago)', age: '14s' });
    expect(pod!.containers.find((c) => c.name === 'app')!.words).toMatch(/^app never ran: the runtime refused its last start \(exit code 128 \(StartError\) at 2026-08-20T03:04:14Z;/);
    expect(pod!.next).toEqual([expect.objectContaining({ container: 'app', action: 'start', at: at('2026-08-20T03:04:14Z') + 20 })]);
  });

  it('CrashLoopBackOff: "6 (38s ago)" and the restart at finishedAt + the back-off the kubelet printed (5m0s) [4.5] [10.2]', () => {
    const [pod] = explain('crashloop.yaml', '2021-07-14T19:53:00Z').pods;
    expect(pod!.kubectl).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '6 (38s ago)', age: '6m52s' });
    expect(pod!.phase.value).toBe('Running');
    expect(pod!.next).toEqual([expect.objectContaining({ container: 'centos-new', action: 'start', at: at('2021-07-14T19:52:22Z') + 300 })]);
    expect(pod!.quirks.join(' ')).toMatch(/CrashLoopBackOff while the phase is Running/);
  });

  it('without the message, the back-off follows the restart count, capped by the node ([4.5] [4.7])', () => {
    const text = fixture('crashloop.yaml').replace(/ {8}message: back-off.*\n/, '')
      + '---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "1.35"\nkubelet: { maxContainerRestartPeriod: 60s }\n';
    const read = readRealPods(text);
    if (read.kind !== 'pods') throw new Error('not pods');
    expect(read.problems).toEqual([]);
    const [pod] = explainPods(read.input, { now: at('2021-07-14T19:53:00Z') });
    expect(pod!.next[0]).toMatchObject({ action: 'start', at: at('2021-07-14T19:52:22Z') + 60 });
    expect(pod!.next[0]!.why).toMatch(/maxContainerRestartPeriod \[4\.7\]/);
  });

  it('a deleted pod prints Terminating; what still runs is SIGKILLed at deletionTimestamp [8.1] [8.5] (JSON input)', () => {
    const [pod] = explain('terminating.json', '2019-12-20T06:20:17Z').pods;
    expect(pod!.kubectl).toEqual({ ready: '1/1', status: 'Terminating', restarts: '0', age: '61s' });
    expect(pod!.next).toEqual([expect.objectContaining({ container: 'agnhost', action: 'kill', at: at('2019-12-20T06:20:41Z') })]);
    expect(pod!.quirks.join(' ')).toMatch(/Terminating is not a phase/);
  });

  it('a Job pod whose main container finished while the sidecar runs: 1/2 Completed, phase Running, the sidecar is stopped next [8.1] [6.3]', () => {
    const [pod] = explain('job-sidecar-completed.yaml', '2025-04-30T08:00:31Z').pods;
    expect(pod!.kubectl).toEqual({ ready: '1/2', status: 'Completed', restarts: '0', age: '31s' });
    expect(pod!.phase.value).toBe('Running');
    expect(pod!.quirks.join(' ')).toMatch(/READY 1\/2 with STATUS Completed/);
    expect(pod!.next.find((n) => n.container === 'logshipper')).toMatchObject({ action: 'kill' });
    expect(pod!.next.find((n) => n.container === 'myjob')).toMatchObject({ action: 'wait', at: null });
  });

  it('a kind: List of pods is read pod by pod', () => {
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [JSON.parse(fixture('terminating.json')), JSON.parse(fixture('terminating.json'))] });
    const read = readRealPods(list);
    expect(read.kind).toBe('pods');
    if (read.kind === 'pods') expect(explainPods(read.input)).toHaveLength(2);
  });

  it('a status that contradicts the kubelet is reported, not hidden', () => {
    const text = fixture('crashloop.yaml').replace('  phase: Running', '  phase: Pending').replace('    ready: false\n    restartCount: 6', '    ready: true\n    restartCount: 6');
    const read = readRealPods(text);
    if (read.kind !== 'pods') throw new Error('not pods');
    const [pod] = explainPods(read.input);
    const notes = pod!.notes.map((n) => n.message).join('\n');
    expect(notes).toMatch(/centos-new is ready but not running/);
    expect(notes).toMatch(/the object says phase Pending/);
  });
});

describe('what is not a pod dump', () => {
  it('a pod without a status, or a plain manifest, is simulated as before', () => {
    expect(readRealPods('apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: a, image: busybox }]\n').kind).toBe('not-pods');
    expect(readRealPods('apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: a, image: busybox }]\nstatus: {}\n').kind).toBe('not-pods');
  });

  it('kubectl describe output gets a message saying what to paste instead', () => {
    const read = readRealPods(fixture('describe.txt'));
    expect(read).toMatchObject({ kind: 'not-pods', hint: { severity: 'error' } });
    if (read.kind === 'not-pods') expect(read.hint!.message).toMatch(/kubectl get pod NAME -o yaml/);
  });

  it("a Deployment's dump is simulated, with a note on how to explain one of its pods", () => {
    const read = readRealPods(fixture('deployment-dump.yaml'));
    expect(read).toMatchObject({ kind: 'not-pods', hint: { severity: 'warning' } });
  });

  it('a pod with more containers than the simulator takes is refused, not explained slowly', () => {
    const names = Array.from({ length: 501 }, (_, i) => `c${i}`);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'huge' }, spec: { containers: names.map((name) => ({ name, image: 'busybox' })) }, status: { phase: 'Pending' } };
    const read = readRealPods(JSON.stringify(pod));
    expect(read.kind).toBe('pods');
    if (read.kind === 'pods') {
      expect(read.input.pods).toEqual([]);
      expect(read.problems.map((p) => p.message)).toContain('too many containers to explain: 501 (at most 500)');
    }
  });

  it('a truncated paste is recognized and reported at its line', () => {
    const read = readRealPods(fixture('truncated.yaml'));
    expect(read.kind).toBe('pods');
    if (read.kind === 'pods') {
      expect(read.problems[0]!.message).toMatch(/cut short/);
      expect(read.problems.some((p) => p.line > 1)).toBe(true);
    }
  });
});
