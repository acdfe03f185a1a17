// [5.13] [15.4] probeOutput.ts failedRunOutput for an exec probe whose command fails by itself (its
// 'fail' verdict, scenario/infer.ts probeVerdict): pkg/probe/exec/exec.go Probe (read at 05c351a9)
// returns Failure with the command's output for a non-zero exit; prober.go probe (a stored
// 1.2x-1.3x copy, id 262713168) records `"%s probe failed: %s"` with it, untrimmed; RunInContainer
// (kuberuntime_container.go) hands it stdout then stderr. The same in every minor 1.27-1.37.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor } from '../version';
import type { ProbeSpec } from '../scenario/types';
import { runScenario } from '../run';
import { failedRunOutput } from './probeOutput';

const base = { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };
const exec = (command: string[], verdict?: 'fail'): ProbeSpec => ({ ...base, handler: 'exec', command, ...(verdict ? { verdict } : {}) });

describe('failedRunOutput, exec, a run that fails by itself: what the command printed (exec.go Probe, prober.go probe)', () => {
  it.each(SUPPORTED_VERSIONS.map((v) => minor(v)))('`echo "not ready"; exit 1`: `not ready\\n`, the newline kept (kubectl describe trims it) (1.%s)', (m) => {
    expect(failedRunOutput(exec(['sh', '-c', 'echo "not ready"; exit 1'], 'fail'), 'other', m)).toBe('not ready\n');
  });

  it('stdout, then stderr; with the image, a cat of a file the command removed in its userland\'s words', () => {
    expect(failedRunOutput(exec(['sh', '-c', 'echo b >&2; echo a; exit 3'], 'fail'), 'other', 33)).toBe('a\nb\n');
    const cmd = ['sh', '-c', 'rm -f /tmp/ok; cat /tmp/ok'];
    expect(failedRunOutput(exec(cmd, 'fail'), 'other', 33, 'busybox')).toBe("cat: can't open '/tmp/ok': No such file or directory\n");
    expect(failedRunOutput(exec(cmd, 'fail'), 'other', 33, 'ubuntu:24.04')).toBe('cat: /tmp/ok: No such file or directory\n');
    expect(failedRunOutput(exec(cmd, 'fail'), 'other', 33)).toBeUndefined(); // no image: the words are not known
  });

  it('a literal `exit 1` prints nothing: the event carries no output, as before (the describe panel\'s bare "probe failed:")', () => {
    expect(failedRunOutput(exec(['sh', '-c', 'exit 1'], 'fail'), 'other', 33)).toBeUndefined();
  });

  it('nothing known without a fixed verdict (an injected failure, an app not up), and a timeout keeps the runtime\'s error', () => {
    expect(failedRunOutput(exec(['sh', '-c', 'echo "not ready"; exit 1']), 'other', 33)).toBeUndefined();
    expect(failedRunOutput(exec(['cat', '/tmp/healthy']), 'other', 33)).toBeUndefined();
    expect(failedRunOutput(exec(['sh', '-c', 'sleep 5; echo late; exit 1'], 'fail'), 'timedOut', 33)).toBe('command timed out: "sh -c sleep 5; echo late; exit 1" timed out after 1s');
  });

  it('the parsed probe gets that fixed verdict ([15.4]): `sh -c \'echo "not ready"; exit 1\'` always fails, where it used to pass once the app was up', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: app
      image: busybox
      command: [sh, -c, 'sleep 3600']
      livenessProbe: { exec: { command: [sh, -c, 'echo "not ready"; exit 1'] } }
`;
    expect(runScenario(text).scenario?.pod.containers[0]?.livenessProbe?.verdict).toBe('fail');
  });
});
