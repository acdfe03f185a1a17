// Upstream node e2e cases of test/e2e_node/container_lifecycle_test.go that the E01–E74 fixtures do
// not cover, part 1: the cases of the 1.27- and 1.28-era stored versions (and the 1.28–1.30 ones).
//
// Stored versions read (read_file, repo kubernetes/kubernetes; find_files lists only commit 03b40b6f,
// the others were found by find_string and read by index id):
//   - commit 01ba738f (index id 4404537335, 233,335 chars), the NEWEST: uses ChangeContainerStatusOnKubeletRestart
//     and cites #135008, so 1.35 or later. Every ginkgo.It / f.It in it is one of E01–E74
//     (kubelet-cases.md was written from this very commit): it holds no uncovered case.
//   - index id 413137960 (193,875 chars): feature.SidecarContainers, E63–E68 and the image-update
//     cases present, E70 still waits for phase Running after the reboot (changed in 1.33): 1.31/1.32 era.
//   - commit 03b40b6f (index id 17057048, 103,952 chars): nodefeature.SidecarContainers, f.It with
//     f.WithNodeConformance(), sidecar Its not yet nested in Whens: 1.29/1.30 era.
//   - index id 4679983245 (64,398 chars): "[NodeAlphaFeature:SidecarContainers] Containers Lifecycle ",
//     parseOutput(pod): 1.28 era (SidecarContainers alpha; the tests switch it on).
//   - index ids 2017332806 (14,878) and 1598113137 (23,746 chars): no sidecar cases: 1.27 era.
//   Helpers: container_lifecycle_pod_construction.go index ids 2084585184 (1.28 era), 85351672
//   (1.29/1.30 era); the 1.27 copy is inline in 1598113137 (see the testkit's header).
//
// What is new is only in the older versions (removed, renamed or re-parameterized later):
//   1.27/1.28: ExitsBefore meant "rhs starts after lhs exits" and RunTogether "both started"; E08 and
//     E10 ran the main container 2 s (N13, N12); E06, E09, E12 are re-checked with that ExitsBefore.
//   1.28: "a pod cannot terminate gracefully" allowed grace + 10 s (not + 30 s) (E13, E14 fixtures);
//     "should not launch next container if the restartable init cotnainer failed to complete startup
//     probe" (N01, replaced by E54 from 1.29); the sidecar ran 1 s, not 5 s, in "starts and exits with
//     exit code 0|1 continuously" (N02–N07) and "an Init container after restartable init container
//     fails" (N08–N10); E27's block under the 1.28 helpers.
//   1.28–1.30: "should start first restartable init container before starting second init container"
//     (E27 fixture) and "should not restart a restartable init container" checked with
//     DoesntStartAfter (E31, E38, E45 fixtures); both dropped in the 1.31/1.32-era file.
// Each case runs at the minors of the stored versions that hold it (testkit ERA); the E fixtures are
// reused where the pod is the same (the 1.28-era commands have no TERM trap, the E fixtures do; no case
// reused here looks at termination). The 1.29–1.32 cases are in lifecycleNewE2eTermination.test.ts.
import { describe, it } from 'vitest';
import { ERA, eraLog, minors, runAt } from './lifecycleNewE2e.testkit';
import {
  eventsOf, expectConsistently, expectEventually, expectThat, justBefore, logOf, phaseAt, phaseReachedAt, podGoneAt,
  restartCount,
} from './logAssertions';
import type { Trace } from '../trace';
import type { KubeVersion } from '../version';

const R = 'restartable-init-1';

function terminalWithin(trace: Trace, seconds: number, names: string[], phases: ('Succeeded' | 'Failed')[] = ['Succeeded', 'Failed']): void {
  const t = phaseReachedAt(trace, phases);
  expectThat(trace, t !== undefined && t <= seconds, `phase ${phases.join('|')} within ${seconds}s (reached at ${t})`, names);
}

function restartsWithin(trace: Trace, c: string, count: number, seconds: number): number {
  return expectEventually(trace, 0, seconds, `${c} restartCount >= ${count}`, [c], (t) => restartCount(trace, c, t) >= count);
}

/** Upstream polls until `count` is reached and fails the moment the phase is not Pending. */
function pendingWhileReaching(trace: Trace, c: string, count: number, seconds: number): void {
  const t = restartsWithin(trace, c, count, seconds);
  expectConsistently(trace, 0, t, 'phase Pending', [c], (x) => phaseAt(trace, x) === 'Pending');
}

const OLD_ERA: KubeVersion[] = [...ERA.v127, ...ERA.v128];

describe('1.27/1.28-era regular-container cases, with that era\'s ExitsBefore and RunTogether', () => {
  for (const v of OLD_ERA) {
    it(`${v}: should launch init container serially before a regular container (E06 pod)`, () => {
      const trace = runAt('E06', v);
      terminalWithin(trace, 60, ['regular-1']);
      const l = eraLog(trace, 'old');
      for (const [a, b] of [['init-1', 'init-2'], ['init-2', 'init-3'], ['init-3', 'regular-1']] as const) {
        l.startsBefore(a, b);
        l.exitsBefore(a, b); // b starts after a exits
      }
    });

    it(`${v}: should run Init container to completion before call to PostStart of regular container (N13: main runs 2 s)`, () => {
      const trace = runAt('N13', v);
      terminalWithin(trace, 60, ['regular-1']);
      const l = eraLog(trace, 'old');
      l.startsBefore('init-1', 'PostStart-regular-1');
      l.exitsBefore('init-1', 'PostStart-regular-1');
      l.runTogether('regular-1', 'PostStart-regular-1');
    });

    it(`${v}: should restart failing container when pod restartPolicy is Always (E09 pod)`, () => {
      const trace = runAt('E09', v);
      restartsWithin(trace, 'regular-1', 3, 120);
      const l = eraLog(trace, 'old');
      l.starts('regular-1');
      l.startsBefore('regular-1', 'regular-1');
      l.exitsBefore('regular-1', 'regular-1'); // a new run starts after the first exit
    });

    it(`${v}: should not launch second container before PostStart of the first container completed (N12: regular-1 runs 2 s)`, () => {
      const trace = runAt('N12', v);
      terminalWithin(trace, 60, ['regular-1', 'regular-2']);
      const l = eraLog(trace, 'old');
      l.startsBefore('PostStart-regular-1', 'regular-2');
      l.exitsBefore('PostStart-regular-1', 'regular-2'); // regular-2 starts only after the hook returned
    });

    it(`${v}: shouldn't restart init containers upon regular container restart (E12 pod)`, () => {
      const trace = runAt('E12', v);
      restartsWithin(trace, 'regular-1', 3, 120);
      const l = eraLog(trace, 'old');
      for (const [a, b] of [['init-1', 'init-2'], ['init-2', 'init-3'], ['init-3', 'regular-1']] as const) {
        l.startsBefore(a, b);
        l.exitsBefore(a, b);
      }
      const n = logOf(trace);
      for (const c of ['init-1', 'init-2', 'init-3']) n.notRestarted(c);
      n.restarted('regular-1');
    });
  }
});

describe('1.28-era: a pod cannot terminate gracefully (buffer 10 s, not 30 s)', () => {
  for (const v of ERA.v128) {
    for (const [id, name] of [
      ['E13', 'should respect termination grace period seconds [NodeConformance]'],
      ['E14', 'should respect termination grace period seconds with long-running preStop hook [NodeConformance]'],
    ] as const) {
      it(`${v}: ${name} (${id} pod)`, () => {
        const trace = runAt(id, v);
        const del = eventsOf(trace, 'pod.deleted')[0]?.t ?? NaN;
        expectThat(trace, phaseAt(trace, justBefore(del)) === 'Running', 'precondition: Running at the deletion', ['regular1']);
        const gone = podGoneAt(trace);
        expectThat(trace, gone !== undefined && gone - del <= 40, `pod gone within 30 s grace + 10 s buffer of the deletion (gone at ${gone})`, ['regular1']);
      });
    }
  }
});

describe('1.28-era "[NodeAlphaFeature:SidecarContainers] Containers Lifecycle" (gate switched on)', () => {
  for (const v of ERA.v128) {
    describe(`${v}: using a Pod with restartPolicy=Never, three init container and two restartable init containers (E27 pod, 1.28 helpers)`, () => {
      const r1 = R;
      const r2 = 'restartable-init-2';
      const trace = () => runAt('E27', v);
      it('should finish and produce log (no phase check in this era)', () => terminalWithin(trace(), 300, [r1, r2]));
      it('should run the first init container to completion before starting first restartable init container', () => {
        eraLog(trace(), 'old').startsBefore('init-1', r1);
        eraLog(trace(), 'old').exitsBefore('init-1', r1);
      });
      it('should start first restartable init container before starting second init container', () => eraLog(trace(), 'old').startsBefore(r1, 'init-2'));
      it('should run first init container and first restartable init container together', () => eraLog(trace(), 'old').runTogether(r1, 'init-2'));
      it('should run second init container to completion before starting second restartable init container', () => {
        eraLog(trace(), 'old').startsBefore('init-2', r2);
        eraLog(trace(), 'old').exitsBefore('init-2', r2);
      });
      it('should start second restartable init container before third init container', () => eraLog(trace(), 'old').startsBefore(r2, 'init-3'));
      it('should run both restartable init cotnainers and third init container together', () => {
        const l = eraLog(trace(), 'old');
        l.runTogether(r2, r1);
        l.runTogether(r1, 'init-3');
        l.runTogether(r2, 'init-3');
      });
      it('should run third init container to completion before starting regular container', () => {
        eraLog(trace(), 'old').startsBefore('init-3', 'regular-1');
        eraLog(trace(), 'old').exitsBefore('init-3', 'regular-1');
      });
      it('should run both restartable init cotnainers and a regular container together', () => {
        eraLog(trace(), 'old').runTogether(r1, 'regular-1');
        eraLog(trace(), 'old').runTogether(r2, 'regular-1');
      });
    });

    const blocks = [
      { policy: 'Never', x0: 'N02', x1: 'N03', after: 'N08' },
      { policy: 'OnFailure', x0: 'N04', x1: 'N05', after: 'N09' },
      { policy: 'Always', x0: 'N06', x1: 'N07', after: 'N10' },
    ] as const;
    for (const b of blocks) {
      describe(`${v}: using a restartable init container in a Pod with restartPolicy=${b.policy}`, () => {
        for (const [id, code] of [[b.x0, 0], [b.x1, 1]] as const) {
          it(`${id}: a restartable init container starts and exits with exit code ${code} continuously (it runs 1 s)`, () => {
            const trace = runAt(id, v);
            if (b.policy === 'Always') restartsWithin(trace, 'regular-1', 1, 120);
            else terminalWithin(trace, 300, [R, 'regular-1']);
            const l = eraLog(trace, 'old');
            l.startsBefore(R, 'regular-1'); // should restart a restartable init container before the regular container started
            l.startsBefore('regular-1', R); // ... after the regular container started
            if (b.policy === 'Always') l.starts('regular-1'); // should start a regular container
            else l.exits('regular-1'); // should run a regular container to completion
          });
        }

        it(`${b.after}: an Init container after restartable init container fails (the sidecar runs 1 s and exits 1)`, () => {
          const trace = runAt(b.after, v);
          if (b.policy === 'Never') terminalWithin(trace, 60, [R, 'init-1'], ['Failed']); // should mark a Pod as failed
          else pendingWhileReaching(trace, R, 3, 300); // initContainerStatuses[0] is the sidecar
          const l = eraLog(trace, 'old');
          if (b.policy === 'Never') l.exits('init-1'); // should mark an Init container as failed
          else l.restarted('init-1'); // should have Init container restartCount greater than 0
          l.runTogether(R, 'init-1');
        });
      });
    }

    it(`${v}: N01: should not launch next container if the restartable init cotnainer failed to complete startup probe`, () => {
      const trace = runAt('N01', v);
      const t = expectEventually(trace, 0, 120, `${R} restartCount >= 2`, [R], (x) => restartCount(trace, R, x) >= 2);
      expectThat(trace, phaseAt(trace, t) === 'Pending', `pod is pending when ${R} reached restartCount 2 (got ${phaseAt(trace, t)})`, [R]);
      logOf(trace).doesntStart('regular-1');
    });
  }
});

describe('1.28- to 1.30-era Its dropped from the 1.31/1.32-era file', () => {
  for (const v of minors(28, 30)) {
    it(`${v}: using a Pod with restartPolicy=Never, three init container and two restartable init containers › should start first restartable init container before starting second init container (E27 pod)`, () => {
      eraLog(runAt('E27', v), v === '1.28' ? 'old' : 'v129').startsBefore(R, 'init-2');
    });

    for (const [id, policy] of [['E31', 'Never'], ['E38', 'OnFailure'], ['E45', 'Always']] as const) {
      it(`${v}: using a restartable init container in a Pod with restartPolicy=${policy} › a restartable init container runs continuously › should not restart a restartable init container (DoesntStartAfter; ${id} pod)`, () => {
        const trace = runAt(id, v);
        if (policy === 'Always') restartsWithin(trace, 'regular-1', 2, 120);
        else terminalWithin(trace, 300, [R, 'regular-1']);
        eraLog(trace, v === '1.28' ? 'old' : 'v129').doesntStartAfter(R, 'regular-1');
      });
    }
  }
});
