// Golden test: upstream's unit tests of the kubelet's image manager, translated to Sidecar Lab.
// - pkg/kubelet/images/image_manager_test.go: find_files names cb7468b0; read_file serves 00a3928b
//   (library id 3408486266, 9,338 chars: NewImageManager with the pod startup latency tracker, a
//   1.27-era tree; pullerExpects is {calls, err}). The newest stored copy (find_string id 3589149732,
//   56,002 chars: pullerTestCases = noFGPullerTestCases + ensureSecretImagesTestCases, each step also
//   expects the recorded events' reasons and, for a back-off, the Waiting message) was read for the
//   events and for the rows it adds. Functions: TestParallelPuller and TestSerializedPuller, which run
//   the same table (pullerTestCases); one describe block here stands for both, since one pod never
//   has two pulls at once ([0.3]: SyncPod starts its containers one at a time), so the serialized
//   and the parallel puller cannot differ in it.
// - The code they test: images/image_manager.go EnsureImageExists (00a3928b and cfce511e, as read
//   for sim/imageRefusals.ts and sim/start.ts): applyDefaultImageTag (InspectFailed,
//   ErrInvalidImageName), GetImageRef, shouldPullImage (Never: ErrImageNeverPull; IfNotPresent and
//   present: Normal Pulled "already present on machine"), the pull back-off keyed by pod UID and image
//   (IsInBackOffSinceUpdate: BackOff "Back-off pulling image", ErrImagePullBackOff), the pull (Normal
//   Pulling; failed: Warning Failed, backOff.Next, ErrImagePull; pulled: Normal Pulled).
// How upstream's cases map to ours: upstream calls EnsureImageExists once per expected step, the fake
// clock 1 s further each time, with a back-off of NewBackOff(1 s, 1 min). Here each step is a try to
// start the container: a sync that reaches startContainer (a crash-looping container under Always
// gives one per restart). "present_image" is an image on the node (`pull: 0`), "missing_image" one
// that is not (the default), "typo_image" one whose pulls fail (a failPull for the whole run).
// The outcome of each try is read off the trace: Pulling (container.pulling), its end (a failPull
// fault: ErrImagePull; container.pulled: Pulled), BackOff (container.pullBackoff), ErrImageNeverPull,
// InvalidImageName (container.imageInvalid), and the start. The row "image missing, unable to fetch"
// is also run on the engine's own back-off table (kubelet/backoff.ts ImagePullBackoff) with upstream's
// 1 s / 1 min constants and clock, where the steps match upstream one for one; in the simulation the
// kubelet's 10 s / 300 s back-off and the pod worker's ~10 s requeue set the pace, so there the rule
// (a pull only once the back-off since the last failed pull is over, doubling) is asserted instead.
// Rows not expressible (and why):
// - "image missing, pull if not present" (1.27-era name) / "..., fail on image inspect" (newest): an
//   image-inspect error of the runtime (ErrImageInspect) is not modelled.
// - "image present and excessive qps rate, pull": registryPullQPS / registryBurst are not modelled
//   (the engine never refuses a pull for the rate). "image present and qps>0, pull" is the same as
//   "image present, pull" below the limit, and is run as such.
// - "image missing, SignatureValidationFailed" (newest): the engine's failed pull is always
//   ErrImagePull; a CRI error of its own name (crierrors.ErrSignatureValidationFailed) is not modelled.
// - Every [KubeletEnsureSecretPulledImages] row (pull secrets and credentials), the newest copy's
//   metrics (expectedEnsureImageMetrics), TestPullAndListImageWithPodAnnotations (runtime handler
//   annotations on the image) and TestApplyDefaultImageTag (the tag a name gets; the engine keeps
//   the name as written): not modelled. The newest copy's other test functions were not read.
// "invalid image name, no pull", "invalid image name with http, no pull", "invalid image name with
// sha256, no pull" (newest copy): the trace refused every try with InvalidImageName and no pull, but
// describe dropped the InspectFailed and Failed rows (describeEvents.ts rowVariant had no case for
// container.imageInvalid) until session 42; asserted at the end of the block.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import type { Trace } from '../../engine/trace';
import { ImagePullBackoff } from '../../engine/kubelet/backoff';
import { SUPPORTED_VERSIONS, type KubeVersion } from '../../engine/version';
import { describeEvents } from './describeEvents';

const ALL: readonly KubeVersion[] = SUPPORTED_VERSIONS;

/** One container "container_name" with the row's image and policy; `command` makes it exit (and restart). */
function scenario(v: KubeVersion, o: { image: string; policy: string; present?: boolean; crashLoop?: boolean; failPull?: boolean; until?: number }): Trace {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: test-pod, namespace: test-ns}
spec:
  restartPolicy: Always
  containers:
  - name: container-name
    image: ${o.image}
    imagePullPolicy: ${o.policy}
${o.crashLoop ? '    command: ["sh", "-c", "exit 0"]\n' : ''}---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${v}"
until: ${o.until ?? 60}s
${o.present ? 'containers:\n  container-name: {pull: 0}\n' : ''}${o.failPull ? 'events:\n  - { at: 0s, container: container-name, do: failPull, for: 1h }\n' : ''}`;
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(r.trace).toBeDefined();
  return r.trace!;
}

/** Each step of the container's image handling and start, in order (see the header). */
function steps(trace: Trace): string[] {
  const out: string[] = [];
  for (const e of trace.events) {
    if (!('container' in e) || e.container !== 'container-name') continue;
    if (e.type === 'container.pulling') out.push('Pulling');
    else if (e.type === 'container.pulled') out.push('Pulled');
    else if (e.type === 'container.pullBackoff') out.push('ImagePullBackOff');
    else if (e.type === 'container.imageInvalid') out.push('InvalidImageName');
    else if (e.type === 'container.start') out.push('start');
    else if (e.type === 'fault' && e.do === 'failPull' && 'image' in e && e.image !== undefined) out.push(e.reason === 'ErrImageNeverPull' ? 'ErrImageNeverPull' : 'ErrImagePull');
  }
  return out;
}

/** The trace's last moment (describe's "now": later, events older than the TTL would be gone). */
const end = (trace: Trace): number => trace.events.at(-1)!.t;

/** The kubelet's event reasons kubectl describe shows for the pod at the end, with their counts. */
function reasons(trace: Trace): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of describeEvents(trace, end(trace), 'test-pod')) if (row.from === 'kubelet') out[row.reason] = (out[row.reason] ?? 0) + row.count;
  return out;
}

describe('upstream TestParallelPuller / TestSerializedPuller (image_manager_test.go pullerTestCases) [10.2] [10.9] [10.11] [0.3]', () => {
  it.each(ALL)('"image missing, pull": IfNotPresent, not on the node: pulled once (Pulling, Pulled), then started (%s)', (v) => {
    const trace = scenario(v, { image: 'nginx:1.25', policy: 'IfNotPresent' });
    expect(steps(trace)).toEqual(['Pulling', 'Pulled', 'start']);
    const r = reasons(trace);
    expect(r.Pulling).toBe(1);
    expect(r.Pulled).toBe(1);
  });

  it.each(ALL)('"image present, don\'t pull " / "image present, allow all, don\'t pull ": IfNotPresent, on the node: three starts, no pull, a Pulled "already present" each (%s)', (v) => {
    const trace = scenario(v, { image: 'busybox:1.36', policy: 'IfNotPresent', present: true, crashLoop: true });
    expect(steps(trace).slice(0, 3)).toEqual(['start', 'start', 'start']);
    expect(steps(trace).filter((s) => s !== 'start')).toEqual([]);
    const r = reasons(trace);
    expect(r.Pulling).toBeUndefined();
    expect(r.Pulled).toBe(steps(trace).length);
    const pulled = describeEvents(trace, end(trace), 'test-pod').find((row) => row.reason === 'Pulled')!;
    expect(pulled.message).toContain('Container image "busybox:1.36" already present on machine');
  });

  it.each(ALL)('"image present, pull" and "image present and qps>0, pull": Always, on the node: every start pulls (Pulling, Pulled) (%s)', (v) => {
    const trace = scenario(v, { image: 'busybox:1.36', policy: 'Always', present: true, crashLoop: true });
    const s = steps(trace);
    expect(s.slice(0, 9)).toEqual(['Pulling', 'Pulled', 'start', 'Pulling', 'Pulled', 'start', 'Pulling', 'Pulled', 'start']);
    const starts = s.filter((x) => x === 'start').length;
    expect(s.filter((x) => x === 'Pulling')).toHaveLength(starts);
    const r = reasons(trace);
    expect(r.Pulling).toBe(starts);
    expect(r.Pulled).toBe(starts);
  });

  it.each(ALL)('"image missing, never pull": Never, not on the node: every try fails with ErrImageNeverPull, no pull, no back-off (%s)', (v) => {
    const trace = scenario(v, { image: 'flask-demo:version1', policy: 'Never', failPull: true });
    const s = steps(trace);
    expect(s.length).toBeGreaterThanOrEqual(3);
    expect(new Set(s)).toEqual(new Set(['ErrImageNeverPull']));
    const r = reasons(trace);
    expect(r.ErrImageNeverPull).toBe(s.length);
    expect(r.Pulling).toBeUndefined();
    expect(r.BackOff).toBeUndefined();
  });

  it.each(ALL)('"image missing, unable to fetch": every pull fails with ErrImagePull (Pulling, Failed), a try inside the back-off is ImagePullBackOff (BackOff) with no pull, the back-off doubling from 10 s (%s)', (v) => {
    const trace = scenario(v, { image: 'typo_image', policy: 'IfNotPresent', failPull: true, until: 80 });
    const s = steps(trace);
    expect(s.slice(0, 2)).toEqual(['Pulling', 'ErrImagePull']);
    expect(s).not.toContain('start');
    expect(s).not.toContain('Pulled');
    // every Pulling ends in ErrImagePull; every other step is a refused try
    s.forEach((x, i) => { if (x === 'Pulling') expect(s[i + 1]).toBe('ErrImagePull'); });
    expect(new Set(s)).toEqual(new Set(['Pulling', 'ErrImagePull', 'ImagePullBackOff']));
    // IsInBackOffSinceUpdate: a try pulls only once the back-off since the last failed pull is over
    const failedAt: number[] = [];
    let backoff = 0;
    for (const e of trace.events) {
      if (!('container' in e) || e.container !== 'container-name') continue;
      if (e.type === 'fault' && e.do === 'failPull' && 'image' in e && e.image !== undefined) {
        backoff = backoff === 0 ? 10 : Math.min(backoff * 2, 300);
        failedAt.push(e.t);
      } else if (e.type === 'container.pulling' && failedAt.length > 0) {
        expect(e.t - failedAt.at(-1)!).toBeGreaterThanOrEqual(backoff);
      } else if (e.type === 'container.pullBackoff') {
        expect(e.t - failedAt.at(-1)!).toBeLessThan(backoff);
      }
    }
    // pulls at about 0.5, 12, 32.5 and 73 s: the 10, 20 and 40 s back-offs, each reached at the next ~10 s requeue
    expect(failedAt).toHaveLength(4);
    const r = reasons(trace);
    expect(r.Pulling).toBe(failedAt.length);
    expect(r.BackOff).toBe(s.filter((x) => x === 'ImagePullBackOff').length);
    // a failed pull: Failed "Failed to pull image" and startContainer's Failed "Error: ErrImagePull"; a refused try: Failed "Error: ImagePullBackOff"
    expect(r.Failed).toBe(2 * failedAt.length + r.BackOff!);
    expect(r.Pulled).toBeUndefined();
    // (80 s keeps the kubelet's events under the spam filter's burst of 25, [10.7], so every occurrence is counted)
  });

  it('"image missing, unable to fetch" on the engine\'s back-off table with upstream\'s NewBackOff(1 s, 1 min) and its 1 s clock steps: ErrImagePull, ErrImagePull, ImagePullBackOff, ErrImagePull, ImagePullBackOff, ImagePullBackOff', () => {
    const backOff = new ImagePullBackoff(1, 60);
    const key = 'bar_typo_image';
    const got: string[] = [];
    for (let now = 1; now <= 6; now++) {
      if (backOff.inBackOff(key, now)) { got.push('ImagePullBackOff'); continue; }
      backOff.failed(key, now); // the pull fails: backOff.Next
      got.push('ErrImagePull');
    }
    expect(got).toEqual(['ErrImagePull', 'ErrImagePull', 'ImagePullBackOff', 'ErrImagePull', 'ImagePullBackOff', 'ImagePullBackOff']);
  });

  const INVALID = [
    ['invalid image name, no pull', 'FAILED_IMAGE'],
    ['invalid image name with http, no pull', 'http://url'],
    ['invalid image name with sha256, no pull', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ] as const;
  for (const [row, image] of INVALID) {
    it.each(ALL)(`"${row}" (newest copy): Always, ${image}: InvalidImageName, InspectFailed, no pull (%s) [10.11]`, (v) => {
      const trace = scenario(v, { image, policy: 'Always' });
      const s = steps(trace);
      expect(s.length).toBeGreaterThanOrEqual(1);
      expect(new Set(s)).toEqual(new Set(['InvalidImageName']));
      const r = reasons(trace);
      expect(r.InspectFailed).toBe(s.length);
      expect(r.Failed).toBe(s.length); // startContainer's "Error: InvalidImageName"
      expect(r.Pulling).toBeUndefined();
      expect(r.BackOff).toBeUndefined();
      const inspect = describeEvents(trace, end(trace), 'test-pod').find((x) => x.reason === 'InspectFailed')!;
      expect(inspect.type).toBe('Warning');
      expect(inspect.message).toContain(`Failed to apply default image tag "${image}"`);
    });
  }
});
