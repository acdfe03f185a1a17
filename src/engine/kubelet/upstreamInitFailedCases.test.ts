// Golden cases: upstream's TestIsInitContainerFailed and TestGetBackoffKey
// (pkg/kubelet/kuberuntime/helpers_test.go), replayed against our computePodActions and the
// sim's back-off key. Rules: [2.1] [2.5] [4.5] [10.3].
//
// Sources (kubernetes/kubernetes, read with the library's read_file / find_string):
// - pkg/kubelet/kuberuntime/helpers_test.go: find_files lists commit 6785e9ed401a526cfb4ae33d498b088e27237ad1;
//   read_file served commit 008b3652959ca58af8be3fb5b6ecfe9ae7638282 (file id 51817076208, 23,295
//   characters: ktesting, RuntimeClassInImageCriAPI, GetBackoffKey, TestMergeResourceConfig: a
//   1.33+-development tree). Functions translated: TestIsInitContainerFailed (6 rows, 5 translated),
//   TestGetBackoffKey (2 specs x 6 assertions, 3 assertions expressible).
// - The code behind them: kuberuntime_helpers.go isInitContainerFailed (find_string, file id
//   52415108929 with the exported GetStableKey; also 199070296): Reason "OOMKilled" -> true (#104650,
//   the clause is in every minor we simulate); State Exited and ExitCode != 0 -> true; State Unknown
//   -> true; else false. Its only caller that changes an outcome is computeInitContainerActions
//   (kuberuntime_manager.go, file id 41926215, 58,488 characters, 1.29+ shape with
//   computePodResizeAction): Exited + failed + !restartOnFailure -> KillPod, InitContainersToStart =
//   nil; Exited + failed -> restart i; Exited + not failed -> next one / podHasInitialized; the
//   default (Unknown, Created) branch kills the pod under Never and otherwise kills + restarts i,
//   calling isInitContainerFailed only to log. On the legacy path (findNextInitContainerToRun,
//   [2.10]; kuberuntime_manager.go file id 14701678, the 1.28 shape behind the SidecarContainers gate)
//   the same function picks the failed container and computePodActions kills the pod when
//   !shouldRestartOnFailure, else restarts it (killing it first if Unknown).
//
// How the rows map. isInitContainerFailed is not a separate function of ours (computeInitContainerActions
// inlines it, initContainerActions.ts), so each row is observed through computePodActions on
// upstream's makeBasePodAndStatusWithInitContainers (init1-init3 exited 0, no main container status,
// a ready sandbox) with the row's status on the LAST init container (init3):
//   isFailed true  -> restartPolicy Never: { killPod }; OnFailure and Always: init3 restarts
//                     (after a kill when the state is Unknown, [10.3]);
//   isFailed false -> Exited 0: the pod has initialized, foo1-foo3 start; Running: nothing to do.
// These expected plans are upstream's computeInitContainerActions / legacy computePodActions on
// that input (read above), not our output. The OOMKilled row's status has Reason "OOMKilled",
// ExitCode 0 and no State; a runtime reports an OOM-killed container as Exited, so it is our
// exited + oomKilled with exit code 0 (upstream's function checks the reason before the state, so
// the state does not change its answer). Each case runs on 1.27-1.37 (legacy init progress where
// the engine uses it) and on 1.34 / 1.35 with their alpha gates on.
//
// TestGetBackoffKey -> backoffKey(container name, image) (sim/start.ts): the sim simulates one pod,
// so its key is the container name and image of that pod.
//
// Not expressible (left out):
// - TestIsInitContainerFailed "Init container in created state should return false": in
//   computeInitContainerActions (1.29+) a Created regular init container takes the default branch,
//   which kills the pod under Never (or kills and restarts it) whatever isInitContainerFailed says
//   (the answer is only logged), and the minors before #126543 wait on it ([2.7]); the row's answer is not observable.
//   The Created path itself is covered by TestComputePodActionsWithInitContainers
//   (upstreamPodActionsCases.test.ts).
// - TestGetBackoffKey "Different pod name / namespace should change the key": one pod per
//   simulation, the key has no pod part. "Updating the resources should change the key": the
//   scenario has no container resources. "Unrelated change should not change the key" is kept as
//   activeDeadlineSeconds leaving the key's inputs (name, image) as they are.
// - TestToKubeContainer*, TestGetImageUser, TestToRuntimeProtocol, TestToKubeContainerState,
//   TestGetAppArmorProfile, TestMergeResourceConfig and the rest of the file: CRI plumbing the engine
//   does not model.
//
// Disagreements with upstream: none. Every translated row passes on every version it runs on.

import { describe, expect, it } from 'vitest';
import {
  makeBasePodAndStatusWithInitContainers, noAction, runTable, versionsWithGateReruns, type Expected, type UpstreamCase, type World,
} from './upstreamPodActions.testkit';
import type { RuntimeContainerStatus } from './podActionsTypes';
import type { RestartPolicy } from '../scenario/types';
import { backoffKey } from '../sim/start';

// --- TestIsInitContainerFailed ----------------------------------------------------------------

interface FailedRow {
  /** Upstream's description, verbatim. */
  description: string;
  /** The row's kubecontainer.Status, as the last init container's runtime status. */
  status: (s: RuntimeContainerStatus) => void;
  isFailed: boolean;
}

const rows: readonly FailedRow[] = [
  {
    description: 'Init container in exited state and non-zero exit code should return true',
    status: (s) => { s.state = 'exited'; s.exitCode = 1; },
    isFailed: true,
  },
  {
    description: 'Init container in unknown state should return true',
    status: (s) => { s.state = 'unknown'; s.exitCode = undefined; },
    isFailed: true,
  },
  {
    description: 'Init container which reason is OOMKilled should return true',
    status: (s) => { s.state = 'exited'; s.exitCode = 0; s.oomKilled = true; },
    isFailed: true,
  },
  {
    description: 'Init container in exited state and zero exit code should return false',
    status: (s) => { s.state = 'exited'; s.exitCode = 0; },
    isFailed: false,
  },
  {
    description: 'Init container in running state should return false',
    status: (s) => { s.state = 'running'; s.exitCode = undefined; },
    isFailed: false,
  },
];

/** upstream's computeInitContainerActions (or the legacy computePodActions) for init3 in that state. */
function expectedPlan(row: FailedRow, policy: RestartPolicy, w: World): Expected {
  const last = w.statuses[2]!;
  if (row.isFailed) {
    if (policy === 'Never') return { killPod: true };
    return last.state === 'unknown' ? { containersToKill: ['init3'], initContainersToStart: [2] } : { initContainersToStart: [2] };
  }
  return last.state === 'exited' ? { containersToStart: [0, 1, 2] } : noAction;
}

const policies: readonly RestartPolicy[] = ['Never', 'OnFailure', 'Always'];

describe('upstream TestIsInitContainerFailed (kuberuntime/helpers_test.go) through computePodActions, 1.27-1.37 [2.5] [10.3]', () => {
  for (const policy of policies) {
    for (const row of rows) {
      const probeWorld = makeBasePodAndStatusWithInitContainers();
      row.status(probeWorld.statuses[2]!);
      const cases: UpstreamCase[] = [{
        name: `${row.description} (isFailed ${row.isFailed}; restartPolicy ${policy})`,
        rules: row.isFailed ? '[2.5]' : '[2.1]',
        mutatePod: (w) => { w.restartPolicy = policy; },
        mutateStatus: (w) => { row.status(w.statuses[2]!); },
        expected: expectedPlan(row, policy, probeWorld),
      }];
      runTable(makeBasePodAndStatusWithInitContainers, cases, (from) => versionsWithGateReruns(from), 27);
    }
  }
});

// --- TestGetBackoffKey ------------------------------------------------------------------------

describe('upstream TestGetBackoffKey (kuberuntime/helpers_test.go) against the sim back-off key [4.5]', () => {
  // Upstream's two specs ("empty resources", "with resources") differ only in resources, which the
  // scenario does not have: the assertions below are the same for both.
  for (const spec of ['empty resources', 'with resources']) {
    const first = { name: 'test_container', image: 'foo/image:v1' };
    const second = { name: 'second_container', image: 'registry.k8s.io/pause' };
    const originalKey = backoffKey(first.name, first.image);

    it(`${spec}: Unrelated change should not change the key`, () => {
      // podCopy.Spec.ActiveDeadlineSeconds = 1 touches neither the container's name nor its image.
      const copy = { ...first, activeDeadlineSeconds: 1 };
      expect(backoffKey(copy.name, copy.image)).toBe(originalKey);
    });

    it(`${spec}: Different container change should change the key`, () => {
      expect(backoffKey(second.name, second.image)).not.toBe(originalKey);
    });

    it(`${spec}: Updating the container image should change the key`, () => {
      expect(backoffKey(first.name, 'foo/image:v2')).not.toBe(originalKey);
    });
  }
});

describe('the translation itself', () => {
  it('puts each row on the last init container and keeps the other two exited 0', () => {
    const w = makeBasePodAndStatusWithInitContainers();
    expect(w.initContainers.map((c) => c.name)).toEqual(['init1', 'init2', 'init3']);
    expect(w.statuses.map((s) => `${s.name}:${s.state}:${s.exitCode ?? ''}`)).toEqual(['init1:exited:0', 'init2:exited:0', 'init3:exited:0']);
    rows[2]!.status(w.statuses[2]!);
    expect(w.statuses[2]).toMatchObject({ state: 'exited', exitCode: 0, oomKilled: true });
  });

  it('translates five of the six rows: three failed, two not', () => {
    expect(rows.filter((r) => r.isFailed).length).toBe(3);
    expect(rows.filter((r) => !r.isFailed).length).toBe(2);
  });
});
