// The Waiting message of PostStartHookError is handlers.go Run's msg ([3.4], [10.2]): startContainer
// returns it with ErrPostStartHook (kuberuntime_container.go, 1.27/1.28-era and 1.3x stored copies)
// and the reason cache hands it to convertToAPIContainerStatuses. Run's formats read in the stored
// handlers.go copies with contexts (1.29-1.31-era and 1.33+-era; the HTTP one without the response
// body since #86139, 1.26); ExecSync's `command '%s' exited with %d: %s` in remote_runtime.go, the
// same before and after the cri-client move. format.Pod's "(<uid>)" is left out: the engine has no UID.
import { describe, expect, it } from 'vitest';
import type { ContainerSpec } from '../scenario/types';
import { CANCELLED, postStartFailureMessage } from './postStart';
import { ALL, run, simHead, statusOf, statusesAt } from './upstreamRuntime.testkit';
import type { KubeVersion } from '../version';

function pod(version: KubeVersion, handler: string, sim = '{ onStop: { after: 0s, exitCode: 0 } }'): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop }
spec:
  containers:
    - name: app
      image: example/app:1
      ports: [{ name: http, containerPort: 9090 }]
      lifecycle: { postStart: ${handler} }
---
${simHead(version, '20s')}
containers:
  app: ${sim}
`;
}

/** The Waiting message of the first status that shows PostStartHookError. */
function waitingMessage(text: string): string | undefined {
  const t = run(text);
  const w = (t.statusWrites ?? []).find((x) => x.container === 'app' && x.reason === 'PostStartHookError')!;
  return statusOf(statusesAt(text, [w.t + 0.01]).get(w.t + 0.01), 'app').state.waiting?.message;
}

describe('kuberuntime_container.go startContainer returns handlers.go Run\'s msg: the PostStartHookError Waiting message [3.4] [10.2]', () => {
  it.each(ALL)('exec (Run, ExecSync): the command as Go prints a []string, its exit code, empty stderr and output (%s)', (v) => {
    expect(waitingMessage(pod(v, '{ exec: { command: [sh, -c, "exit 3"] } }'))).toBe(
      'Exec lifecycle hook ([sh -c exit 3]) for Container "app" in Pod "web_shop" failed - error: command \'sh -c exit 3\' exited with 3: , message: ""',
    );
  });

  it.each(ALL)('httpGet (Run, runHTTPHandler): the path as written, then the request\'s error on the URL NewRequestForHTTPGetAction builds (%s)', (v) => {
    const fails = '{ onStop: { after: 0s, exitCode: 0 }, postStart: { duration: 0s, exitCode: 1 } }';
    expect(waitingMessage(pod(v, '{ httpGet: { port: 8080, path: bar } }', fails))).toBe(
      'HTTP lifecycle hook (bar) for Container "app" in Pod "web_shop" failed - error: Get "http://<pod IP>:8080/bar": dial tcp <pod IP>:8080: connect: connection refused',
    );
    expect(waitingMessage(pod(v, '{ httpGet: { port: http, path: /ready } }', fails))).toBe(
      'HTTP lifecycle hook (/ready) for Container "app" in Pod "web_shop" failed - error: Get "http://<pod IP>:9090/ready": dial tcp <pod IP>:9090: connect: connection refused',
    );
  });
});

describe('handlers.go Run: the sleep handler\'s message (runSleepHandler\'s only error, the cancelled context) [11.4]', () => {
  it('Sleep lifecycle hook (%d) … failed - error: container terminated before sleep hook finished', () => {
    const spec = { name: 'app', postStart: { handler: 'sleep', sleepSeconds: 20 } } as ContainerSpec;
    expect(postStartFailureMessage({ name: 'web', namespace: 'shop' }, spec, 1)).toBe(
      'Sleep lifecycle hook (20) for Container "app" in Pod "web_shop" failed - error: container terminated before sleep hook finished',
    );
  });
});

describe('handlers.go Run, exec, on a cancelled context: ExecSync returns the gRPC status of the cancelled context (the wording only: since session 39 no simulated hook meets it, as a deletion does not cancel the runtime\'s SyncPod) [3.4]', () => {
  it('Exec lifecycle hook (…) failed - error: rpc error: code = Canceled desc = context canceled, message: ""', () => {
    const spec = { name: 'app', postStart: { handler: 'exec', command: ['sh', '-c', 'sleep 100'] } } as ContainerSpec;
    expect(postStartFailureMessage({ name: 'web', namespace: 'shop' }, spec, CANCELLED)).toBe(
      'Exec lifecycle hook ([sh -c sleep 100]) for Container "app" in Pod "web_shop" failed - error: rpc error: code = Canceled desc = context canceled, message: ""',
    );
  });
});
