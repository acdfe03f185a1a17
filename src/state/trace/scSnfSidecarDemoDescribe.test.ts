// Source: simonangel-fong's study notes "Kubernetes - Pod: Multiple Container - Sidecar Container",
// "Lab: Sidecar Container" (the search index's file 49453229316, a copy in 49269700214); Docker
// Desktop, no version printed; 1.32-1.34 by `Created container: X` ([10.6]), so run at 1.32, 1.33,
// 1.34. Pod (rebuilt from the describe: an nginx native sidecar, a busybox init container sleeping
// 10 s, redis) and every published line: src/engine/kubectl/transcripts/fixtures/sc-snf-sidecar-containers-demo.yaml.
// Published events, verbatim (the author cut the listing's top: Scheduled and the sidecar's pull):
//   Normal  Created    79s   kubelet            Created container: 1st-check
//   Normal  Started    79s   kubelet            Started container 1st-check
//   Normal  Pulling    78s   kubelet            Pulling image "busybox"
//   Normal  Pulled     77s   kubelet            Successfully pulled image "busybox" in 1.362s (1.362s including waiting). Image size: 2224358 bytes.
//   Normal  Created    77s   kubelet            Created container: 2nd-check
//   Normal  Started    77s   kubelet            Started container 2nd-check
//   Normal  Pulling    66s   kubelet            Pulling image "redis"
//   Normal  Pulled     65s   kubelet            Successfully pulled image "redis" in 963ms (963ms including waiting). Image size: 52458645 bytes.
//   Normal  Created    65s   kubelet            Created container: main-app
//   Normal  Started    65s   kubelet            Started container main-app
// Rules: [2.1] [2.2] the init container's pull begins at the sync after the sidecar's start shows
// (a second later: the relist, [0.2]); [3.1] [3.2] redis is pulled at the sync that sees the init
// container's exit 0, 11 s after its start; [10.6] the messages of each version.
// Compared: the ten rows, reason and message word for word (the pull times and image sizes are
// inputs, read off these rows), count 1 each, in order, and as the last ten of the engine's kubelet
// rows (the two before them, the sidecar's Pulling and Pulled, are the ones the author cut); the
// Age column: whole seconds of the node's clock, whose sub-second phase against the pod's start is
// unknown, so the test asks that one phase gives all ten ages at once (as scDia55K3sSidecarDescribe
// does). That holds only if the engine's times from the sidecar's start (busybox Pulling +0.8 s,
// its start +2.4 s, redis Pulling +12.8 s, its start +14.0 s) fall into the published seconds
// (+1, +2, +13, +14).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withVersion } from '../../engine/kubectl/transcripts/watch.testkit';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { publishedEvent } from './publishedEvents.testkit';

const FIXTURE = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/sc-snf-sidecar-containers-demo.yaml', import.meta.url), 'utf8');
const VERSIONS = ['1.32', '1.33', '1.34'];

const PUBLISHED = `
  Normal  Created    79s   kubelet            Created container: 1st-check
  Normal  Started    79s   kubelet            Started container 1st-check
  Normal  Pulling    78s   kubelet            Pulling image "busybox"
  Normal  Pulled     77s   kubelet            Successfully pulled image "busybox" in 1.362s (1.362s including waiting). Image size: 2224358 bytes.
  Normal  Created    77s   kubelet            Created container: 2nd-check
  Normal  Started    77s   kubelet            Started container 2nd-check
  Normal  Pulling    66s   kubelet            Pulling image "redis"
  Normal  Pulled     65s   kubelet            Successfully pulled image "redis" in 963ms (963ms including waiting). Image size: 52458645 bytes.
  Normal  Created    65s   kubelet            Created container: main-app
  Normal  Started    65s   kubelet            Started container main-app`.trim().split('\n').map(publishedEvent);

const kubeletRows = (version: string) => describeEvents(runScenario(withVersion(FIXTURE, version)).trace!, 200, 'sidecar-containers-demo')
  .filter((r) => r.from === 'kubelet');

describe('transcript: simonangel-fong "Lab: Sidecar Container", describe Events of a native sidecar, a 10 s init container and redis (1.32-1.34)', () => {
  it.each(VERSIONS)('the ten published rows, word for word and once each, are the engine\'s last ten kubelet rows, in order; the two before them are the cut sidecar pull (%s) [2.1] [2.2] [3.2] [10.6]', (version) => {
    const rows = kubeletRows(version);
    const last = rows.slice(-PUBLISHED.length);
    expect(last.map((r) => `${r.type} ${r.reason} ${r.message}`)).toEqual(PUBLISHED.map((p) => `${p.type} ${p.reason} ${p.message}`));
    last.forEach((r, n) => expect(r.count, r.reason).toBe(PUBLISHED[n]!.count));
    expect(rows.slice(0, -PUBLISHED.length).map((r) => `${r.reason} ${r.message.split(' in ')[0]}`))
      .toEqual(['Pulling Pulling image "nginx"', 'Pulled Successfully pulled image "nginx"']);
  });

  it.each(VERSIONS)('one phase of the node\'s clock gives every published Age, 79s … 65s, at once (%s) [0.2] [2.2] [3.1] [14.1]', (version) => {
    const times = kubeletRows(version).slice(-PUBLISHED.length).map((r) => r.t);
    // phase φ: the node's clock reads t + φ (+ a whole number) when the engine's reads t; the
    // listing is taken at a whole second N of that clock, fixed by the first row's age.
    const fits: number[] = [];
    for (let i = 0; i < 100; i++) {
      const phi = i / 100;
      const second = (t: number) => Math.floor(t + phi + 1e-9);
      const listedAt = second(times[0]!) + PUBLISHED[0]!.age;
      if (times.every((t, n) => listedAt - second(t) === PUBLISHED[n]!.age)) fits.push(phi);
    }
    expect(fits.length, `no phase fits; engine times ${times.map((t) => t.toFixed(3)).join(', ')}`).toBeGreaterThan(0);
  });
});
