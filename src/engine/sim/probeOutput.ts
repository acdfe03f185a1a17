// What a failed probe run printed ([5.13]): prober.go records "%s probe failed: %s" with the
// handler's output, and the engine words it where the failure says it all, read in the probers:
// - nothing listens yet (the app is not up): the HTTP prober's client error,
//   `Get "http://<pod IP>:8080/healthz": dial tcp <pod IP>:8080: connect: connection refused`
//   (pkg/probe/http DoHTTPProbe returns err.Error() as the output), and the TCP prober's
//   `dial tcp <pod IP>:8080: connect: connection refused` (pkg/probe/tcp);
// - a run past timeoutSeconds: the HTTP client's `Get "…": context deadline exceeded
//   (Client.Timeout exceeded while awaiting headers)`, the TCP dial's `dial tcp …: i/o timeout`,
//   and an exec's runtime timeout, which pkg/probe/exec Probe returns as the output (the run
//   printed nothing: "When exec probe timeout, data is empty, so we should return
//   timeoutErr.Error() as the stdout", a stored exec.go, id 42557779566; its cri-client-era form
//   is not stored, its exec_test.go is, below; ExecProbeTimeout on, as by default). Its wording follows the
//   kubelet's runtime client, which turns the runtime's DeadlineExceeded into it:
//   - up to 1.30, pkg/kubelet/cri/remote/remote_runtime.go ExecSync:
//     exec.NewTimeoutError(fmt.Errorf("command %q timed out", strings.Join(cmd, " ")), timeout),
//     `command "sh -c sleep 5" timed out` (read in a 1.2x copy, id 2235994075);
//   - from 1.31, k8s.io/cri-client's remote_runtime.go execSyncV1 (read at 00c66a23, a 1.33+ copy;
//     already so in a pkg/kubelet/cri/remote copy from just before the move, 36b7d553: the 1.31
//     development tree, after #123795/#123796 of April 2024 (its GetContainerEvents takes their
//     callback), no longer importing pkg/probe/exec):
//     fmt.Errorf("%w: %q timed out after %s", ErrCommandTimedOut, strings.Join(cmd, " "), timeout),
//     ErrCommandTimedOut = errors.New("command timed out"), the timeout a time.Duration of
//     timeoutSeconds printed by its String: `command timed out: "sh -c sleep 5" timed out after 1s`;
//     pkg/probe/exec's exec_test.go of that era (id 286079882, importing k8s.io/cri-client/pkg)
//     expects the error's text as the output. The line: kubernetes#123797 (the cri-client staging
//     repository, which needed the error's change first, opened 2024-03-07, in the 1.30 code
//     freeze) and #124634 (pkg/kubelet/cri/remote moved there, reviewed in May 2024), both 1.31;
//     the PR that changed the error itself was not read. Published: the old wording on a v1.29.4
//     node (Calico's readiness, 2024) and the new one on a 1.32+ kind cluster (`Created
//     container: nginx`), none of the new on 1.29 or 1.30.
//   It stays a failure (session 38): that exec_test.go's case "Timeout" expects probe.Failure, no
//   error; only its gate-off case gives probe.Unknown with the error: prober.go's "probe errored",
//   a result worker.go doProbe throws away. Published `… probe errored and resulted in unknown
//   state: command timed out: "…" timed out after 5s` rows are such nodes (GKE before 1.35 ignores
//   exec probe timeouts, its upgrade page says); the gate is modelled where it can be turned off,
//   1.27-1.34 (sim/execProbeTimeout.ts; state/trace/execTimeoutFailsNotErrors.test.ts for it on).
// - an app that answers with a failing status (an injected failure's `statusCode`): pkg/probe/http
//   `HTTP probe failed with statuscode: %d` for any status outside 200-399 (read in the stored
//   http.go; 3xx is a success with a warning).
// - a gRPC probe ([5.17], pkg/probe/grpc Probe, read): a dial that found nothing listening until
//   timeoutSeconds, `timeout: failed to connect service "<pod IP>:9090" within 1s: context
//   deadline exceeded` (%q of the address, %v of the timeout as a Go duration, %+v of the
//   context's error), and a health check past the deadline, `timeout: health rpc did not
//   complete within 1s`.
// - an exec command that fails by itself (a fixed 'fail' verdict, scenario/infer.ts probeVerdict):
//   what it printed where the shell reader can know it ([15.4], scenario/probeCommand.ts): the
//   prober gets RunInContainer's stdout with the stderr appended, its first 10 KiB (exec.go Probe's
//   LimitWriter), and prints it untrimmed, a trailing newline included (kubectl describe trims the
//   message): `echo "not ready"; exit 1` prints `not ready\n`, and a `cat` of a file the command
//   removed the userland's `cat: can't open '/tmp/x': No such file or directory\n` (busybox) or
//   `cat: /tmp/x: No such file or directory\n` (GNU), given the image.
// What the engine cannot know stays empty, as for a handler that printed nothing: an exec
// command's output it cannot follow (a program it does not know, an injected failure, an app that
// is not up), the status of an app that is not ready or healthy
// when the scenario does not give it, a gRPC server's reply (NOT_SERVING or another failure). Published lines: "Readiness probe failed: Get
// \"http://10.42.0.186:3001/\": dial tcp 10.42.0.186:3001: connect: connection refused" and
// "Liveness probe failed: command \"node extra/healthcheck.js\" timed out" (a 2022 k3s cluster,
// dirsigler/uptime-kuma-helm#67).

import type { ProbeSpec } from '../scenario/types';
import { failingExecOutput } from '../scenario/probeCommand';
import { goSeconds } from '../kubelet/goDuration';

/** containerd's error for an exec on an exited container (its text and sources: trace.ts, where the UI reads it too). */
export { EXEC_ON_EXITED_CONTAINER_ERROR } from '../trace';

/**
 * Why a run failed, as far as its output goes: nothing listened (for gRPC, the dial that waited for
 * it ran out of time, [5.17]), the handler outlived timeoutSeconds, or something else: an exec
 * command that fails by itself (its 'fail' verdict) prints what it printed; anything else, nothing known.
 */
export type FailedRunCause = 'refused' | 'timedOut' | 'other';

/** Go's %q for the ASCII a command or URL holds: double quotes, backslash escapes. */
const goQuote = (s: string): string => JSON.stringify(s);

/** The host:port of a target URL (`http://<pod IP>:8080/x` -> `<pod IP>:8080`). */
function hostPort(url: string): string {
  const rest = url.slice(url.indexOf('://') + 3);
  const slash = rest.indexOf('/');
  return slash < 0 ? rest : rest.slice(0, slash);
}

/**
 * The first minor whose prober words an errored run "%s probe errored and resulted in %s state: %s"
 * (kubernetes#125901, in v1.33.0-alpha.1's changelog); before, "%s probe errored: %v" (the 1.2x-1.32
 * prober.go). The result of an exec's error is probe.Unknown: "unknown state".
 */
export const PROBE_ERRORED_UNKNOWN_SINCE = 33;

/** The output of an HTTP probe whose handler answered `statusCode` (400-599). */
export function failingStatusOutput(statusCode: number): string {
  return `HTTP probe failed with statuscode: ${statusCode}`;
}

/**
 * The first minor whose kubelet reaches the runtime through k8s.io/cri-client's wording of an exec
 * run past its timeout, `command timed out: "…" timed out after 1s` (above).
 */
export const CRI_CLIENT_EXEC_TIMEOUT_SINCE = 31;

/**
 * The runtime client's error for an exec run past timeoutSeconds (above): pkg/probe/exec returns its
 * text as a failure's output with ExecProbeTimeout on, and the error itself with the gate off
 * ("probe errored", sim/execProbeTimeout.ts).
 */
export function execTimeoutError(command: readonly string[], timeoutSeconds: number, minor: number): string {
  return minor < CRI_CLIENT_EXEC_TIMEOUT_SINCE
    ? `command ${goQuote(command.join(' '))} timed out`
    : `command timed out: ${goQuote(command.join(' '))} timed out after ${goSeconds(timeoutSeconds)}`;
}

/**
 * The output prober.go puts after "probe failed: " for this run at Kubernetes `minor`, or undefined
 * when unknown. `image`: the container's, whose userland words an exec command's errors ([15.4]).
 */
export function failedRunOutput(spec: ProbeSpec, cause: FailedRunCause, minor: number, image?: string): string | undefined {
  // (a command that printed nothing, `exit 1`, leaves the event without output, as before: the same line)
  if (cause === 'other') return spec.handler === 'exec' && spec.verdict === 'fail' ? failingExecOutput(spec.command, image) || undefined : undefined;
  switch (spec.handler) {
    case 'exec':
      if (cause !== 'timedOut' || !spec.command) return undefined;
      return execTimeoutError(spec.command, spec.timeoutSeconds, minor);
    case 'httpGet':
      if (spec.target === undefined) return undefined;
      return cause === 'timedOut'
        ? `Get ${goQuote(spec.target)}: context deadline exceeded (Client.Timeout exceeded while awaiting headers)`
        : `Get ${goQuote(spec.target)}: dial tcp ${hostPort(spec.target)}: connect: connection refused`;
    case 'tcpSocket':
      if (spec.target === undefined) return undefined;
      return cause === 'timedOut' ? `dial tcp ${spec.target}: i/o timeout` : `dial tcp ${spec.target}: connect: connection refused`;
    case 'grpc':
      if (cause === 'timedOut') return `timeout: health rpc did not complete within ${goSeconds(spec.timeoutSeconds)}`;
      return spec.target === undefined ? undefined
        : `timeout: failed to connect service ${goQuote(spec.target)} within ${goSeconds(spec.timeoutSeconds)}: context deadline exceeded`;
    default:
      return undefined;
  }
}
