// Explain mode on real dumps, part 4 (session 38, "explain polish"): three smaller things the
// reading of the published dumps showed, each checked on the dump that showed it.
// - "Continue from here" pulled images the node never pulls: the share-safe spec dropped
//   imagePullPolicy, and the alias `image-N` has no tag, so every image defaulted to Always. The
//   kubelet's shouldPullImage (pkg/kubelet/images/image_manager.go, stored at 00a3928b, 1.27-era, and
//   cfce511e, 1.33-era; the same for Always, IfNotPresent and Never in 1.27-1.37) never pulls under
//   Never and pulls under IfNotPresent only an image the node lacks. The policy is kept now (the API
//   server's default from the real image when a dump has none, SetDefaults_Container), and a
//   container that ran before but whose runs startFrom does not seed gets `pull: 0`.
// - A terminal pod's container with no status: "has no status yet: the kubelet has not reported it"
//   read oddly for an evicted pod. Up to 1.21 evictPod's status replaced the pod's whole status
//   (eviction_manager.go at 5ff739ee: `v1.PodStatus{Phase, Message, Reason}` through killPodNow's
//   PodStatusFunc); rejectPod writes a status of its own in every version (kubelet.go, search-index
//   file 12114237: "Pod was rejected: " + the admit handler's message; the eviction manager's Admit
//   gives reason Evicted, eviction_manager.go at 0239cd73).
// - RESTARTS 1 under restartPolicy Never on an evicted pod (kubernetes#105358, #122160, #137992):
//   convertToAPIContainerStatuses (pkg/kubelet/kubelet_pods.go at df5f0243) writes lastState
//   ContainerStatusUnknown and counts a restart for a container the runtime no longer lists, when
//   the pod has no deletionTimestamp; the kubelet removes an evicted pod's exited containers ([8.15]).

import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';
import type { KubeVersion } from '../version';
import { continueScenario } from './continueScenario';
import { redactRealPods } from './redact';
import { explain, explainText, fixture, from } from './realDumps.testkit';

/** The continued run's pull events (container.pulling), with the container and the reason. */
function pulls(text: string, version?: KubeVersion): TraceEvent[] {
  const r = continueScenario(text, version ? { version } : {});
  if (!r.ok) throw new Error(r.message);
  const run = runScenario(r.text);
  if (!run.ok) throw new Error(JSON.stringify(run.problems));
  return run.trace!.events.filter((e) => e.type === 'container.pulling');
}

describe('shouldPullImage (image_manager.go, 1.27-1.37): the share-safe form keeps imagePullPolicy', () => {
  it('init-crashloop.yaml (kind, v1.34, imagePullPolicy: Never): both containers keep Never; nothing else is kept', () => {
    const { text } = redactRealPods(fixture('init-crashloop.yaml'))!;
    expect(text.match(/imagePullPolicy: Never/g)).toHaveLength(2);
    expect(text).not.toContain('taskboard-backend:35788bf');
  });

  it('a dump with no imagePullPolicy gets the API server\'s default from the real image, not from the alias (SetDefaults_Container)', () => {
    // running-sidecar.yaml: fluent/fluent-bit:3.0 and nginx:1.27, tagged: IfNotPresent.
    const { text } = redactRealPods(fixture('running-sidecar.yaml'))!;
    expect(text.match(/imagePullPolicy: IfNotPresent/g)).toHaveLength(2);
    const untagged = fixture('running-sidecar.yaml').replace('image: nginx:1.27', 'image: nginx');
    expect(redactRealPods(untagged)!.text.match(/imagePullPolicy: (\w+)/g)).toEqual(['imagePullPolicy: IfNotPresent', 'imagePullPolicy: Always']);
  });
});

describe('"Continue from here" pulls where shouldPullImage pulls (image_manager.go, 1.27-1.37)', () => {
  it.each(from(27))('init-crashloop.yaml, Never: the continued crash loop restarts migrate and starts backend without a pull (%s)', (v) => {
    expect(pulls(fixture('init-crashloop.yaml'), v)).toEqual([]);
  });

  it.each(from(27))('init-crashloop.yaml as IfNotPresent: the image migrate ran from is on the node, so no pull either (%s)', (v) => {
    const text = fixture('init-crashloop.yaml').replaceAll('imagePullPolicy: Never', 'imagePullPolicy: IfNotPresent');
    expect(pulls(text, v)).toEqual([]);
  });

  it('crashloop.yaml (imagePullPolicy: Always): the registry is still asked before the restart', () => {
    const seen = pulls(fixture('crashloop.yaml'));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]!.why).toMatch(/imagePullPolicy Always/);
  });

  it('pull-backoff.yaml (IfNotPresent, the image never pulled): the continued run pulls it', () => {
    const seen = pulls(fixture('pull-backoff.yaml'));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]!.why).toMatch(/not on the node yet/);
  });

  it('running-sidecar.yaml (no policy written, tagged images): the OOMKilled web container is not pulled again', () => {
    expect(pulls(fixture('running-sidecar.yaml'))).toEqual([]);
  });

  it('a container that ran but whose last run the status no longer shows starts over with `pull: 0`, so IfNotPresent pulls nothing', () => {
    // init-crashloop.yaml with migrate's lastState gone (restartCount 2, CrashLoopBackOff): its runs
    // are not seeded, yet its image is on the node.
    const text = fixture('init-crashloop.yaml').replaceAll('imagePullPolicy: Never', 'imagePullPolicy: IfNotPresent')
      .replace(/ {4}lastState:\n {6}terminated:\n( {8}.*\n)+? {4}name: migrate\n/, '    lastState: {}\n    name: migrate\n');
    expect(text).toContain('lastState: {}\n    name: migrate');
    const r = continueScenario(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.text).toMatch(/containers:\n\s+migrate:\n\s+pull: 0\n/);
    expect(pulls(text)).toEqual([]);
  });
});

describe('a terminal pod\'s container with no status: why none will come [6.5]', () => {
  it.each(from(27))('kubernetes#112927, evicted-no-statuses.yaml: evicted before (or without) the kubelet reporting it (%s)', (v) => {
    const [pod] = explain('evicted-no-statuses.yaml', v, '2022-10-08T02:00:00Z');
    expect(pod!.containers).toEqual([expect.objectContaining({ name: 'citadel', state: 'none' })]);
    const words = pod!.containers[0]!.words;
    expect(words).toMatch(/^citadel has no status: the pod was evicted before \(or without\) the kubelet reporting it; a kubelet older than 1\.22 replaced/);
    expect(words).not.toMatch(/has no status yet/);
  });

  it('rejectPod: the same dump rejected at admission by the eviction manager\'s Admit ("Pod was rejected: The node had condition: [DiskPressure].")', () => {
    const text = fixture('evicted-no-statuses.yaml').replace(/ {2}message: 'The node was low[^']*'\n/, '  message: "Pod was rejected: The node had condition: [DiskPressure]. "\n');
    expect(text).toContain('Pod was rejected');
    const [pod] = explainText(text, '1.37', '2022-10-08T02:00:00Z');
    expect(pod!.containers[0]!.words).toMatch(/^citadel has no status: the kubelet rejected the pod at admission \(Evicted\) and never created its containers/);
    // The share-safe form keeps the rejection's first words, so it explains the same.
    const safe = redactRealPods(text)!;
    expect(safe.text).not.toContain('DiskPressure');
    expect(explainText(safe.text, '1.37', '2022-10-08T02:00:00Z')[0]!.containers[0]!.words).toBe(pod!.containers[0]!.words);
  });

  it('a pod that is not over keeps "no status yet" [10.1]', () => {
    const text = fixture('evicted-no-statuses.yaml').replace(/status:\n[\s\S]*$/, 'status:\n  phase: Pending\n');
    const [pod] = explainText(text, '1.37', '2022-10-08T02:00:00Z');
    expect(pod!.containers[0]!.words).toBe('citadel has no status yet: the kubelet has not reported it [10.1].');
  });
});

describe('convertToAPIContainerStatuses (kubelet_pods.go at df5f0243): RESTARTS 1 counts no restart on an evicted pod', () => {
  it.each(from(27))('kubernetes#105358, evicted-containercreating.json (restartPolicy Never): the quirk names the guess (%s)', (v) => {
    const [pod] = explain('evicted-containercreating.json', v, '2021-10-01T20:14:45Z');
    expect(pod!.kubectl.restarts).toBe('1');
    expect(pod!.quirks.join(' ')).toMatch(/RESTARTS 1 although nothing restarted under restartPolicy Never: busybox's lastState ContainerStatusUnknown .* counted a restart \(kubernetes#105358, #122160, #137992\) \[10\.4\]/);
  });

  it('kubernetes#137992, evicted-new-fields.json (restartPolicy Never): the same guess', () => {
    expect(explain('evicted-new-fields.json', '1.37')[0]!.quirks.join(' ')).toMatch(/RESTARTS 1 although nothing restarted under restartPolicy Never: app-workspace-\S+ lastState ContainerStatusUnknown/);
  });

  it('kubernetes#122160, container-status-unknown.yaml (restartPolicy Always, Failed): the same guess, said without "Never"', () => {
    const q = explain('container-status-unknown.yaml', '1.37')[0]!.quirks.join(' ');
    expect(q).toMatch(/RESTARTS 1 although nothing restarted: grow-test's lastState ContainerStatusUnknown/);
    expect(q).not.toMatch(/under restartPolicy Never/);
  });

  it('a pod with a deletionTimestamp gets no such line (the branch counts no restart then), nor does a real crash loop', () => {
    const obj = JSON.parse(fixture('evicted-containercreating.json')) as { metadata: Record<string, unknown> };
    obj.metadata.deletionTimestamp = '2021-10-01T20:14:50Z';
    expect(explainText(JSON.stringify(obj), '1.37', '2021-10-01T20:14:45Z')[0]!.quirks.join(' ')).not.toMatch(/nothing restarted/);
    expect(explain('crashloop.yaml', '1.37')[0]!.quirks.join(' ')).not.toMatch(/nothing restarted/);
  });
});
