// Golden tests from kubernetes/kubernetes bug reports about image pulls (session 41, helper
// "issues7": pull back-off timing, a Never pod that cannot pull, imagePullPolicy with :latest,
// serialized pulls), each a scenario built from the report's own pod and run on every minor it
// applies to. Read through the library's issues index (descriptions and the comments it keeps).
// Upstream code read: pkg/kubelet/images/image_manager.go EnsureImageExists at 00a3928b (1.27-era,
// library id 2924432686) and cfce511e (the newest stored, id 30970346): the back-off key is the pod's
// UID and the image, a sync in back-off records Normal BackOff "Back-off pulling image" and returns
// ErrImagePullBackOff, a failed pull steps the back-off (backOff.Next), a successful one only GCs it;
// pkg/kubelet/kubelet.go (ids 12114237, 54300650048): `MaxImageBackOff = 300 * time.Second`, the
// image back-off built from backOffPeriod, 10 s. The STATUS-column reports are in
// printerIssues41.test.ts.
//
// - kubernetes#87278 (2020-01, closed rotten, "Container stuck in Waiting even for permanent errors
//   (e.g. image not found) and restartPolicy=Never", image `nginx:notag132`) and kubernetes#66828
//   (2018-07, "Misleading Pending status is returned when pod fails with Error: ErrImagePull"): a
//   container that never started is restarted under any policy (ShouldContainerBeRestarted: no
//   status yet), so a Never pod keeps pulling, stays Pending, restartCount 0, and its row alternates
//   `ErrImagePull` / `ImagePullBackOff` ([10.2] [10.9] [6.2]). The Waiting message is the reporter's
//   `Back-off pulling image "nginx:notag132"` up to 1.31; from 1.32 the last pull's error follows it
//   (#127918, [10.9]). Every minor; the "fail the pod" the issues ask for exists in none.
// - kubernetes#119891 (2023-08, 1.2x, closed rotten, "Pods in ImagePullBackOff get stuck there, if
//   image fails to pull for long enough"): a pull secret missing for hours; the describe showed only
//   `BackOff 4m55s (x5959 over 22h) Back-off pulling image`, the pod "spends most of its time in
//   ImagePullBackOff, but occasionally alternates to ErrImagePull". That is the image back-off at its
//   300 s cap: one pull every ~300 s, a refused sync (a BackOff) at every ~10 s requeue in between
//   (5959 in 22 h is one per 13.3 s: 10 s jittered up to 1.5 times, [4.6]); once the registry answers,
//   the next pull after the back-off expires succeeds, so the pod is not stuck for good ([10.9]).
//   Every minor (the constants are unchanged 1.27-1.37).
// - kubernetes#47775 (2017-06, 1.6, closed rotten, "imagePullPolicy: IfNotPresent not pulling images
//   with latest tag"): an explicit IfNotPresent wins over the `:latest` tag: an image on the node is
//   never pulled again, on any restart; only a policy left unset is defaulted to Always for `:latest`
//   (the API server's defaulting), which asks the registry at every start ([0.3] [15.6]). Every minor.
// - kubernetes#111704 (2022-08, closed, "When using --serialize-image-pulls=true 'Successfully pulled
//   image' Event outputs misleading time"): a small image's pull waited behind another pod's large one
//   and the event counted the wait. Fixed by #111772 (the Pulled message's "(W including waiting)",
//   [10.6]). The two-pod queue is not expressible (the engine simulates one pod, and its pulls never
//   queue behind another pod's). What holds inside one pod is asserted: the kubelet never pulls two
//   images of one pod at once (SyncPod starts its containers one at a time, each start blocking on its
//   EnsureImageExists, [0.3]), so the second image's pull begins only after the first one's container
//   started, and each pull takes its own time.
//
// Not modelled (no test): serializeImagePulls / maxParallelImagePulls across pods (one pod per
// scenario); InvalidImageName (the engine pulls an unparsable reference: .scratch/pending-issues41c.txt).
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor } from '../../version';
import type { Trace } from '../../trace';
import { at, events } from './issues.testkit';

/** The failed pulls' ends (the fault a failPull records at each refused pull) and the pulls' starts. */
function pullTimes(trace: Trace, container: string): { starts: number[]; failures: number[] } {
  return {
    starts: events(trace, 'container.pulling', container).map((e) => e.t),
    failures: events(trace, 'fault', container).filter((e) => 'image' in e).map((e) => e.t),
  };
}

const NOTAG = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  restartPolicy: Never
  containers:
  - name: nginx
    image: nginx:notag132`;

// containerd's error for a tag that does not exist, as [10.9] quotes it
const NOT_FOUND = 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:notag132": failed to resolve reference "docker.io/library/nginx:notag132": docker.io/library/nginx:notag132: not found';
const NOTAG_SIM = `until: 10m\nevents:\n  - { at: 0s, container: nginx, do: failPull, for: 1h, message: '${NOT_FOUND}' }\n`;

describe('kubernetes#87278: Container stuck in Waiting even for permanent errors (e.g. image not found) and restartPolicy=Never; kubernetes#66828: Misleading "Pending" status is returned when pod fails with "Error: ErrImagePull"', () => {
  it.each(SUPPORTED_VERSIONS)('a Never pod whose image is not found keeps pulling and stays Pending, restartCount 0, its row alternating ErrImagePull and ImagePullBackOff (%s) [10.2] [10.9] [6.2]', (v) => {
    const trace = at(NOTAG, NOTAG_SIM, v);
    expect(events(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending']);
    expect(events(trace, 'container.start', 'nginx')).toHaveLength(0);
    expect(events(trace, 'container.exit', 'nginx')).toHaveLength(0);
    // retried under Never: 10 s, 20 s, 40 s, 80 s, 160 s of back-off fit in 10 minutes
    expect(events(trace, 'container.pulling', 'nginx').length).toBeGreaterThanOrEqual(6);
    const statuses = events(trace, 'pod.kubectl').map((e) => e.status);
    expect(statuses[0]).toBe('ContainerCreating');
    expect(new Set(statuses.slice(1))).toEqual(new Set(['ErrImagePull', 'ImagePullBackOff']));
    for (let i = 2; i < statuses.length; i++) expect(statuses[i]).not.toBe(statuses[i - 1]);
    expect(events(trace, 'pod.kubectl').every((e) => e.ready === '0/1' && e.restarts === '0')).toBe(true);
    const writes = (trace.statusWrites ?? []).filter((w) => w.container === 'nginx');
    expect(writes.every((w) => w.state === 'waiting' && w.restartCount === 0)).toBe(true);
  });

  it.each(SUPPORTED_VERSIONS)('the ImagePullBackOff message: the reporter\'s `Back-off pulling image "nginx:notag132"` up to 1.31, the last pull\'s error after it from 1.32 (#127918) (%s) [10.9]', (v) => {
    const trace = at(NOTAG, NOTAG_SIM, v);
    const backOff = events(trace, 'container.waiting', 'nginx').find((e) => e.reason === 'ImagePullBackOff')!;
    const message = minor(v) >= 32
      ? `Back-off pulling image "nginx:notag132": ErrImagePull: ${NOT_FOUND}`
      : 'Back-off pulling image "nginx:notag132"';
    expect(backOff.why).toContain(`The status message reads: ${message}.`);
  });
});

const TRANSLATOR = `apiVersion: v1
kind: Pod
metadata:
  name: graphql-fhir-translator
spec:
  containers:
  - name: graphql-fhir-translator
    image: registry.example.com/graphql-fhir-translator:1.0`;

const FIXED_AT = 1800; // the pull secret exists from 30 min on

describe('kubernetes#119891: Pods in ImagePullBackOff get stuck there, if image fails to pull for long enough', () => {
  it.each(SUPPORTED_VERSIONS)('the image back-off doubles from 10 s to its 300 s cap: one pull every ~300 s, a BackOff at every refused sync between, and the first pull after the fix succeeds within the cap (%s) [10.9] [4.6]', (v) => {
    const trace = at(TRANSLATOR, `until: 45m\nevents:\n  - { at: 0s, container: graphql-fhir-translator, do: failPull, for: ${FIXED_AT}s }\n`, v);
    const { starts, failures } = pullTimes(trace, 'graphql-fhir-translator');
    const failed = failures.length;
    expect(starts.length).toBe(failed + 1); // every pull in the window failed, the next one succeeds
    // the wait from each failed pull to the next pull: the back-off, reached at the next sync (<= 15 s later)
    const waits = starts.slice(1).map((s, i) => s - failures[i]!);
    const backoffs = [10, 20, 40, 80, 160, 300, 300, 300];
    backoffs.forEach((b, i) => {
      expect(waits[i]!).toBeGreaterThanOrEqual(b);
      expect(waits[i]!).toBeLessThan(b + 15);
    });
    // at the cap from then on, up to the fix
    for (const w of waits.slice(5)) expect(w).toBeLessThan(315);
    // the pulled image: the first pull that begins after the fix, at most a cap (and a sync) after it
    const pulled = events(trace, 'container.pulled', 'graphql-fhir-translator');
    expect(pulled).toHaveLength(1);
    expect(starts.at(-1)!).toBeGreaterThanOrEqual(FIXED_AT);
    expect(starts.at(-1)! - FIXED_AT).toBeLessThan(315);
    expect(events(trace, 'container.start', 'graphql-fhir-translator')).toHaveLength(1);
    expect(events(trace, 'pod.kubectl').at(-1)!.status).toBe('Running');
    // between two pulls at the cap, a refused sync (BackOff "Back-off pulling image") about every 10-15 s
    const refusals = events(trace, 'container.pullBackoff', 'graphql-fhir-translator').map((e) => e.t);
    const lastGap = refusals.filter((t) => t > starts.at(-3)! && t < starts.at(-2)!);
    expect(lastGap.length).toBeGreaterThanOrEqual(19);
    expect(lastGap.length).toBeLessThanOrEqual(30);
    // the row: mostly ImagePullBackOff, ErrImagePull for one sync after each failed pull
    const rows = events(trace, 'pod.kubectl').map((e) => e.status);
    expect(rows.filter((s) => s === 'ErrImagePull')).toHaveLength(failed);
  });
});

const LATEST = `apiVersion: v1
kind: Pod
metadata:
  name: latest-tag
spec:
  containers:
  - name: ifnotpresent
    image: tuminoid/app:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "sleep 5; exit 1"]
  - name: defaulted
    image: tuminoid/other:latest
    command: ["sh", "-c", "sleep 5; exit 1"]`;

describe('kubernetes#47775: imagePullPolicy: IfNotPresent not pulling images with latest tag', () => {
  it.each(SUPPORTED_VERSIONS)('IfNotPresent with :latest pulls once and never again on restarts; the unset policy (defaulted to Always for :latest) asks the registry at every start (%s) [0.3] [15.6]', (v) => {
    const trace = at(LATEST, 'until: 2m\n', v);
    const starts = (c: string) => events(trace, 'container.start', c).length;
    expect(starts('ifnotpresent')).toBeGreaterThanOrEqual(3);
    expect(starts('defaulted')).toBeGreaterThanOrEqual(3);
    expect(events(trace, 'container.pulling', 'ifnotpresent')).toHaveLength(1);
    expect(events(trace, 'container.pulling', 'defaulted')).toHaveLength(starts('defaulted'));
    // each of defaulted's starts follows its own registry check
    const pulled = events(trace, 'container.pulled', 'defaulted').map((e) => e.t);
    events(trace, 'container.start', 'defaulted').forEach((s, i) => expect(s.t).toBeGreaterThanOrEqual(pulled[i]!));
  });
});

const LARGE_SMALL = `apiVersion: v1
kind: Pod
metadata:
  name: pod-large-small
spec:
  containers:
  - name: large-image
    image: roadmunk/large-image:1.0
  - name: small-image
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]`;

describe('kubernetes#111704: When using --serialize-image-pulls=true "Successfully pulled image" Event outputs misleading time', () => {
  it.each(SUPPORTED_VERSIONS)('inside one pod the second image is pulled only after the first one\'s container started, and each pull takes its own time (%s) [0.3] [10.6]', (v) => {
    const trace = at(LARGE_SMALL, 'until: 2m\ncontainers:\n  large-image:\n    pull: 40s\n  small-image:\n    pull: 2s\n', v);
    const span = (c: string) => {
      const pulling = events(trace, 'container.pulling', c);
      const pulled = events(trace, 'container.pulled', c);
      expect(pulling).toHaveLength(1);
      expect(pulled).toHaveLength(1);
      return [pulling[0]!.t, pulled[0]!.t] as const;
    };
    const [largeFrom, largeTo] = span('large-image');
    const [smallFrom, smallTo] = span('small-image');
    expect(largeTo - largeFrom).toBe(40);
    expect(smallTo - smallFrom).toBe(2);
    const largeStart = events(trace, 'container.start', 'large-image')[0]!.t;
    expect(largeStart).toBeGreaterThanOrEqual(largeTo);
    expect(smallFrom).toBeGreaterThanOrEqual(largeStart);
  });
});

const INVALID = (image: string, policy = '') => `apiVersion: v1
kind: Pod
metadata:
  name: dotnet
spec:
  containers:
  - name: dotnet
    image: "${image}"${policy === '' ? '' : `\n    imagePullPolicy: ${policy}`}`;

describe('kubernetes#115736 / #122300: an image reference the kubelet cannot parse is InvalidImageName, for ever', () => {
  it.each(SUPPORTED_VERSIONS)('Busybox:1.36 (uppercase): no pull, no start, Pending, STATUS InvalidImageName (%s) [10.2]', (v) => {
    const trace = at(INVALID('Busybox:1.36'), 'until: 2m\n', v);
    expect(events(trace, 'container.pulling', 'dotnet')).toHaveLength(0);
    expect(events(trace, 'container.start', 'dotnet')).toHaveLength(0);
    expect(events(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending']);
    const rows = events(trace, 'pod.kubectl').map((e) => `${e.ready} ${e.status} ${e.restarts}`);
    expect(rows).toEqual(['0/1 ContainerCreating 0', '0/1 InvalidImageName 0']);
    const reasons = new Set(events(trace, 'container.waiting', 'dotnet').map((e) => e.reason));
    expect(reasons.has('InvalidImageName')).toBe(true);
    expect(reasons.has('ErrImagePull') || reasons.has('ImagePullBackOff')).toBe(false);
    const waiting = events(trace, 'container.waiting', 'dotnet').find((e) => e.reason === 'InvalidImageName')!;
    expect(waiting.why).toContain('invalid reference format');
  });

  it.each(SUPPORTED_VERSIONS)('${PHP_FPM_IMAGE} under imagePullPolicy Never: the parse comes before the policy, so InvalidImageName, not ErrImageNeverPull (%s) [10.2] [10.10]', (v) => {
    const trace = at(INVALID('${PHP_FPM_IMAGE}', 'Never'), 'until: 1m\n', v);
    expect(events(trace, 'container.start', 'dotnet')).toHaveLength(0);
    const statuses = events(trace, 'pod.kubectl').map((e) => e.status);
    expect(statuses.at(-1)).toBe('InvalidImageName');
    expect(statuses).not.toContain('ErrImageNeverPull');
  });
});
