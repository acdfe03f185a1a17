// [15.3] A pod that shares its PID namespace (shareProcessNamespace, hostPID: kuberuntime util.go
// PidNamespaceForPod) has pause as PID 1: a shell without a trap dies of the stop signal instead of
// ignoring it; a trap, an exec'd program and an init that forwards keep what they do.
import { describe, expect, it } from 'vitest';
import { inferProcess } from './infer';
import { check, ok, pod } from './testUtil';

const shell = (script: string) => ({ image: 'busybox:1.36', command: ['sh', '-c', script] });

describe('inferProcess in a shared PID namespace ([15.3])', () => {
  it('a shell without a trap: ignores SIGTERM as PID 1, dies of it (143) when pause is PID 1', () => {
    expect(inferProcess(shell('echo hi; sleep 3600')).onStop).toEqual({ kind: 'ignore' });
    const shared = inferProcess({ ...shell('echo hi; sleep 3600'), sharedPidNamespace: true });
    expect(shared.onStop).toEqual({ kind: 'exit', after: 0, exitCode: 143 });
    expect(shared.note).toMatch(/is not PID 1 \(the pod shares its process namespace, and pause is PID 1\), so SIGTERM ends it at once with 143/);
  });

  it("the image's STOPSIGNAL takes its default action too: SIGQUIT ends it with 131", () => {
    expect(inferProcess({ ...shell('echo hi; sleep 3600'), stopSignal: 'SIGQUIT', sharedPidNamespace: true }).onStop).toEqual({ kind: 'exit', after: 0, exitCode: 131 });
  });

  it('a trap keeps its exit code; a program run directly keeps its own handling', () => {
    const trap = shell("trap 'exit 0' TERM; sleep 3600 & wait");
    expect(inferProcess({ ...trap, sharedPidNamespace: true }).onStop).toEqual(inferProcess(trap).onStop);
    const nginx = { image: 'nginx:1.25' };
    expect(inferProcess({ ...nginx, sharedPidNamespace: true })).toEqual(inferProcess(nginx));
  });

  it('the scenario reader sets it from shareProcessNamespace or hostPID', () => {
    for (const field of ['shareProcessNamespace: true', 'hostPID: true']) {
      const text = pod(`  ${field}\n  containers:\n    - name: app\n      image: busybox:1.36\n      command: [sh, -c, "echo hi; sleep 3600"]\n`);
      const r = ok(check(text).result);
      expect(r.scenario.pod.sharedPidNamespace).toBe(true);
      expect(r.scenario.sim.behaviors.app!.onStop).toEqual({ kind: 'exit', after: 0, exitCode: 143 });
    }
  });
});
