// A Spanish study log, "Día 55 - Sidecar Containers (patrón native con `initContainers`)" (the
// search index's file 52587517389, a copy in 52783142821; no repository named): a log reader as a
// native sidecar (`while true; do cat …; sleep 30; done`, ubuntu:latest) before nginx:latest, on a
// k3s node `rp3-node` (a Raspberry Pi), 15 May 2026. Manifest and every published line, verbatim:
// src/engine/kubectl/transcripts/fixtures/sc-dia55-k3s-webserver.yaml.
// Versions: the kubelet wrote `Created container: X` (1.32-1.34, [10.6]) and kubectl printed the
// events' fieldPath before the messages (`spec.initContainers{sidecar-container}: …`, kubectl 1.35+,
// #133627): a newer kubectl against a 1.32-1.34 node. Run at 1.32, 1.33 and 1.34; the prefix is
// applied as kubectl 1.35 does (describedMessage at 35), since the panel ties it to the trace's
// version (the one version it has).
// Published (describe, events; Started of each container):
//   Normal  Scheduled  118s  default-scheduler  Successfully assigned test-system/webserver to rp3-node
//   Normal  Pulling    119s  kubelet            spec.initContainers{sidecar-container}: Pulling image "ubuntu:latest"
//   Normal  Pulled     118s  kubelet            spec.initContainers{sidecar-container}: Successfully pulled image "ubuntu:latest" in 765ms
//   Normal  Created    118s  kubelet            spec.initContainers{sidecar-container}: Created container: sidecar-container
//   Normal  Started    118s  kubelet            spec.initContainers{sidecar-container}: Started container sidecar-container
//   Normal  Pulling    117s  kubelet            spec.containers{nginx-container}: Pulling image "nginx:latest"
//   Normal  Pulled     116s  kubelet            spec.containers{nginx-container}: Successfully pulled image "nginx:latest" in 741ms
//   Normal  Created    116s  kubelet            spec.containers{nginx-container}: Created container: nginx-container
//   Normal  Started    116s  kubelet            spec.containers{nginx-container}: Started container nginx-container
//   sidecar-container  Started: Fri, 15 May 2026 08:37:56 -0400;  nginx-container  Started: … 08:37:58 -0400
//   webserver   2/2     Running   0          15s
// Given: the two pulls' times (765 ms, 741 ms), read off the Pulled events. Compared: the pod row at
// 15 s; the eight kubelet rows' order, messages (the Pulled ones as far as the author kept them) and
// Age columns; the two containers' whole-second startedAt two seconds apart. Ages and startedAt are
// whole seconds of the node's wall clock (the API's timestamps, [14.1]), whose sub-second phase
// against the pod's start is unknown: the test asks that one phase exists at which every age and
// both startedAt agree at once, which holds only if the engine's gaps (sidecar pull → start → nginx
// pull → start: 0.77, 0.2, 0.54, 0.74, 0.2 s) fit the published seconds. Not compared: Scheduled
// (118s, a second younger than the kubelet's first Pulling at 119s: the scheduler's clock or its
// write, not the node's).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rowAt, simulatedRows, withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents, type DescribeRow } from './describeEvents';
import { containerFieldPath, describedMessage } from './eventWording';
import { publishedEvent } from './publishedEvents.testkit';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/sc-dia55-k3s-webserver.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.32', '1.33', '1.34'];
const KIND: Record<string, 'sidecar' | 'main'> = { 'sidecar-container': 'sidecar', 'nginx-container': 'main' };

const PUBLISHED = `
  Normal  Pulling    119s  kubelet            spec.initContainers{sidecar-container}: Pulling image "ubuntu:latest"
  Normal  Pulled     118s  kubelet            spec.initContainers{sidecar-container}: Successfully pulled image "ubuntu:latest" in 765ms
  Normal  Created    118s  kubelet            spec.initContainers{sidecar-container}: Created container: sidecar-container
  Normal  Started    118s  kubelet            spec.initContainers{sidecar-container}: Started container sidecar-container
  Normal  Pulling    117s  kubelet            spec.containers{nginx-container}: Pulling image "nginx:latest"
  Normal  Pulled     116s  kubelet            spec.containers{nginx-container}: Successfully pulled image "nginx:latest" in 741ms
  Normal  Created    116s  kubelet            spec.containers{nginx-container}: Created container: nginx-container
  Normal  Started    116s  kubelet            spec.containers{nginx-container}: Started container nginx-container`.trim().split('\n').map(publishedEvent);

/** The container a published message names in its fieldPath prefix. */
const containerOf = (message: string) => /\{([^}]+)\}/.exec(message)![1]!;
/** The engine's row for a published one: same reason, its message as kubectl 1.35 prints it. */
function oursFor(rows: DescribeRow[], p: ReturnType<typeof publishedEvent>): DescribeRow[] {
  const container = containerOf(p.message);
  const prefixed = (m: string) => describedMessage(m, containerFieldPath(container, KIND[container]!), 35);
  // the author cut the Pulled messages after the pull time: a published prefix of ours
  return rows.filter((r) => r.reason === p.reason && (p.reason === 'Pulled' ? prefixed(r.message).startsWith(p.message) : prefixed(r.message) === p.message));
}

describe('transcript: "Día 55", a native log-reader sidecar before nginx on a k3s Raspberry Pi (1.32-1.34 node, kubectl 1.35+)', () => {
  it.each(VERSIONS)('prints `2/2 Running 0` at 15 s (%s) [2.1] [2.2] [7.3] [14.2]', (version) => {
    expect(rowAt(simulatedRows(withVersion(FIXTURE, version)), 15)).toEqual({ ready: '2/2', status: 'Running', restarts: '0' });
  });

  it.each(VERSIONS)('describe: the eight kubelet rows in order with their messages, the Pulled ones with the given pull times (%s) [10.6]', (version) => {
    const trace = runScenario(withVersion(FIXTURE, version)).trace!;
    const rows = describeEvents(trace, 200, 'webserver').filter((r) => r.from === 'kubelet');
    const matched = PUBLISHED.map((p) => {
      const ours = oursFor(rows, p);
      expect(ours, `${p.reason} ${p.message}\nours: ${rows.map((r) => `${r.reason} ${r.message}`).join(' | ')}`).toHaveLength(1);
      expect(ours[0]!.count).toBe(p.count);
      return ours[0]!;
    });
    // in the published order (kubectl sorts by time; the sidecar's four before nginx's four)
    const times = matched.map((r) => r.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(rows).toHaveLength(PUBLISHED.length);
  });

  it.each(VERSIONS)('one wall-clock phase gives every published Age (119s … 116s) and the startedAt seconds :56 and :58 at once (%s) [0.5] [2.1] [14.1]', (version) => {
    const trace = runScenario(withVersion(FIXTURE, version)).trace!;
    const rows = describeEvents(trace, 200, 'webserver').filter((r) => r.from === 'kubelet');
    const times = PUBLISHED.map((p) => oursFor(rows, p)[0]!.t);
    const startOf = (c: string) => trace.events.find((e) => e.type === 'container.start' && e.container === c)!.t;
    const sidecar = startOf('sidecar-container');
    const nginx = startOf('nginx-container');
    // phase φ: the node's wall clock reads t + φ (+ a whole number) when the engine's clock reads t;
    // the listing is taken at a whole second N of that clock plus a fraction, its ages whole seconds.
    const fits: number[] = [];
    for (let i = 0; i < 100; i++) {
      const phi = i / 100;
      const second = (t: number) => Math.floor(t + phi + 1e-9);
      const listedAt = second(times[0]!) + PUBLISHED[0]!.age; // the first Pulling's age fixes N
      const ages = times.map((t) => listedAt - second(t));
      if (ages.every((a, n) => a === PUBLISHED[n]!.age) && second(nginx) - second(sidecar) === 2) fits.push(phi);
    }
    expect(fits.length, `no phase fits; engine times ${times.map((t) => t.toFixed(3)).join(', ')}`).toBeGreaterThan(0);
  });
});
