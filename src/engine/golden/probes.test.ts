// Upstream node e2e §1.5 of kubelet-cases.md: sidecars with startup probes (E52, E53 probe part,
// E69). The preStop/probe-kill cases E54/E55 are in probeKills.test.ts; E53's image part and E56
// in imageUpdateSidecar.test.ts.
import { describe, it } from 'vitest';
import { runFixture } from './harness';
import { checkE69 } from './imageUpdate.testkit';
import {
  expectEventually, expectThat, logOf, phaseReachedAt, restartCount,
} from './logAssertions';

describe('restartable init containers with startup probes', () => {
  it('E52: should launch restartable init containers serially considering the startup probe', () => {
    const { trace } = runFixture('E52');
    const stop = phaseReachedAt(trace, ['Succeeded', 'Failed']);
    expectThat(trace, stop !== undefined && stop <= 300, `pod stops running within 5 min (at ${stop})`, ['regular-1']);
    const l = logOf(trace);
    l.startsBefore('restartable-init-1', 'restartable-init-2');
    l.startsBefore('restartable-init-2', 'regular-1');
  });

  for (const [v, policy] of [['never', 'Never'], ['onfailure', 'OnFailure'], ['always', 'Always']] as const) {
    it(`E53 (restartPolicy=${policy}): a sidecar failing its startup probe is restarted whatever the pod policy; the main container never starts`, () => {
      const g = runFixture(`E53-${v}`);
      const { trace } = g;
      // Only the window before the image change (the image part is in imageUpdateSidecar.test.ts).
      const until = Math.min(120, g.at('setImage', 'restartable-init-2'));
      expectEventually(trace, 0, until, 'initContainerStatuses[1].restartCount >= 1', ['restartable-init-2'],
        (t) => restartCount(trace, 'restartable-init-2', t) >= 1);
      const l = logOf(trace);
      l.doesntStart('regular-1');
      l.notRestarted('restartable-init-1');
    });
  }

  it('E69: should continue probing and allow regular container to start after the restartable init container recovers', () => checkE69(runFixture('E69')));
});
