// What a failing exec postStart hook printed, in PostStartHookError's Waiting message ([3.4], [15.4]):
// lifecycle/handlers.go Run, exec case (read in the stored 1.2x-1.3x copies 767627281 and the
// logger-era 1204635673): `..., message: %q` of RunInContainer's output; kuberuntime_container.go
// RunInContainer (context-era copy 41926215): stdout with stderr appended; ExecSync (remote_runtime.go
// 2235994075, cri-client 27866556): `command '%s' exited with %d: %s` with the stderr as it is. The
// same in every minor 1.27-1.37. The Warning event keeps "PostStartHook failed" (startContainer, since
// #119541 in 1.26), so the output reaches the status only. Published (before 1.26, when the event
// still carried Run's msg): Kubernetes in Action 2e, listing 6.17, `pod.quote-poststart-fail.yaml`
// (luksa/kubernetes-in-action-2nd-edition Chapter06, read at 44c15f31):
//   Warning  FailedPostStartHook  Exec lifecycle hook ([sh -c ...]) for Container "nginx" in Pod
//   "quote-poststart-fail_default(...)" failed - error: command '...' exited with 1: , message:
//   "Emulating a post-start hook failure\n"
import { describe, expect, it } from 'vitest';
import type { KubeVersion } from '../version';
import type { ContainerSpec } from '../scenario/types';
import { goQuote, postStartFailureMessage } from './postStart';
import { ALL, run, simHead, statusOf, statusesAt } from './upstreamRuntime.testkit';

const quotePostStartFail = (version: KubeVersion, sim = '') => `apiVersion: v1
kind: Pod
metadata:
  name: quote-poststart-fail
spec:
  containers:
  - name: nginx
    image: nginx:alpine
    ports:
    - name: http
      containerPort: 80
    lifecycle:
      postStart:
        exec:
          command:
          - sh
          - -c
          - "echo 'Emulating a post-start hook failure'; exit 1"
---
${simHead(version, '20s')}
${sim}`;

/** The Waiting message of the first status that shows PostStartHookError. */
function waitingMessage(text: string, container = 'nginx'): string | undefined {
  const w = (run(text).statusWrites ?? []).find((x) => x.container === container && x.reason === 'PostStartHookError')!;
  return statusOf(statusesAt(text, [w.t + 0.01]).get(w.t + 0.01), container).state.waiting?.message;
}

describe('handlers.go Run (exec): `message: %q` of what the hook printed, as Kubernetes in Action 2e listing 6.17 shows it [3.4]', () => {
  it.each(ALL)('quote-poststart-fail: `exited with 1: , message: "Emulating a post-start hook failure\\n"` (%s)', (v) => {
    expect(waitingMessage(quotePostStartFail(v))).toBe(
      'Exec lifecycle hook ([sh -c echo \'Emulating a post-start hook failure\'; exit 1]) for Container "nginx" in Pod "quote-poststart-fail_default" '
      + 'failed - error: command \'sh -c echo \'Emulating a post-start hook failure\'; exit 1\' exited with 1: , message: "Emulating a post-start hook failure\\n"',
    );
  });

  it.each(ALL)('a Simulation document\'s exit code is not the command\'s own: what it printed is not known, the message stays empty (%s)', (v) => {
    const text = quotePostStartFail(v, 'containers:\n  nginx: { postStart: { duration: 0s, exitCode: 3 } }\n');
    expect(waitingMessage(text)).toMatch(/exited with 3: , message: ""$/);
  });
});

describe('ExecSync (remote_runtime.go, cri-client): the error carries the stderr as it is; RunInContainer appends it to the stdout', () => {
  const spec = (command: string[], image = 'busybox:1.36'): ContainerSpec =>
    ({ name: 'app', image, postStart: { handler: 'exec', command } }) as ContainerSpec;
  const pod = { name: 'web', namespace: 'shop' };

  it('stderr in the error (a raw newline) and in the message (\\n)', () => {
    expect(postStartFailureMessage(pod, spec(['sh', '-c', 'echo starting; echo "no config" >&2; exit 2']), 2)).toBe(
      'Exec lifecycle hook ([sh -c echo starting; echo "no config" >&2; exit 2]) for Container "app" in Pod "web_shop" failed - error: '
      + 'command \'sh -c echo starting; echo "no config" >&2; exit 2\' exited with 2: no config\n, message: "starting\\nno config\\n"',
    );
  });

  it('the userland words a file the hook removed: busybox\'s cat in an Alpine image, GNU\'s in a Debian one', () => {
    const cmd = ['sh', '-c', 'rm -f /etc/app.conf; cat /etc/app.conf'];
    expect(postStartFailureMessage(pod, spec(cmd, 'nginx:alpine'), 1)).toMatch(
      /exited with 1: cat: can't open '\/etc\/app.conf': No such file or directory\n, message: "cat: can't open '\/etc\/app.conf': No such file or directory\\n"$/,
    );
    expect(postStartFailureMessage(pod, spec(cmd, 'nginx:1.27'), 1)).toMatch(/exited with 1: cat: \/etc\/app.conf: No such file or directory\n, message: "cat: \/etc\/app.conf: No such file or directory\\n"$/);
  });

  it('output the reader cannot know stays empty, as before: a program it does not know, `date`', () => {
    expect(postStartFailureMessage(pod, spec(['sh', '-c', 'date; exit 1']), 1)).toMatch(/exited with 1: , message: ""$/);
    expect(postStartFailureMessage(pod, spec(['sh', '-c', '/app/migrate || exit 1']), 1)).toMatch(/exited with 1: , message: ""$/);
  });
});

describe('goQuote: Go\'s strconv.Quote, as %q prints', () => {
  it.each([
    ['Emulating a post-start hook failure\n', '"Emulating a post-start hook failure\\n"'],
    ['tab\there "quoted" back\\slash', '"tab\\there \\"quoted\\" back\\\\slash"'],
    ['\x07\b\f\r\v', '"\\a\\b\\f\\r\\v"'],
    ['esc\x1b[0m del\x7f', '"esc\\x1b[0m del\\x7f"'],
    ['café ✓ 日本', '"café ✓ 日本"'],
    ['nbsp\u00a0zwsp\u200b c1\u0085', '"nbsp\\u00a0zwsp\\u200b c1\\u0085"'],
    ['', '""'],
  ])('%j', (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });
});
