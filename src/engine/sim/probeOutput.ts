// What a failed probe run printed ([5.13]): prober.go records "%s probe failed: %s" with the
// handler's output, and the engine words it where the failure says it all, read in the probers:
// - nothing listens yet (the app is not up): the HTTP prober's client error,
//   `Get "http://<pod IP>:8080/healthz": dial tcp <pod IP>:8080: connect: connection refused`
//   (pkg/probe/http DoHTTPProbe returns err.Error() as the output), and the TCP prober's
//   `dial tcp <pod IP>:8080: connect: connection refused` (pkg/probe/tcp);
// - a run past timeoutSeconds: the HTTP client's `Get "…": context deadline exceeded
//   (Client.Timeout exceeded while awaiting headers)`, the TCP dial's `dial tcp …: i/o timeout`,
//   and an exec's `command "…" timed out` (remote_runtime.go ExecSync turns the runtime's
//   DeadlineExceeded into exec.NewTimeoutError(fmt.Errorf("command %q timed out",
//   strings.Join(cmd, " "))), read; ExecProbeTimeout on, as by default).
// - an app that answers with a failing status (an injected failure's `statusCode`): pkg/probe/http
//   `HTTP probe failed with statuscode: %d` for any status outside 200-399 (read in the stored
//   http.go; 3xx is a success with a warning).
// - a gRPC probe ([5.17], pkg/probe/grpc Probe, read): a dial that found nothing listening until
//   timeoutSeconds, `timeout: failed to connect service "<pod IP>:9090" within 1s: context
//   deadline exceeded` (%q of the address, %v of the timeout as a Go duration, %+v of the
//   context's error), and a health check past the deadline, `timeout: health rpc did not
//   complete within 1s`.
// What the engine cannot know stays empty, as for a handler that printed nothing: an exec
// command's own output (`exit 1` prints nothing), the status of an app that is not ready or healthy
// when the scenario does not give it, a gRPC server's reply (NOT_SERVING or another failure). Published lines: "Readiness probe failed: Get
// \"http://10.42.0.186:3001/\": dial tcp 10.42.0.186:3001: connect: connection refused" and
// "Liveness probe failed: command \"node extra/healthcheck.js\" timed out" (a 2022 k3s cluster,
// dirsigler/uptime-kuma-helm#67).

import type { ProbeSpec } from '../scenario/types';

/**
 * Why a run failed, as far as its output goes: nothing listened (for gRPC, the dial that waited for
 * it ran out of time, [5.17]), the handler outlived timeoutSeconds, or something the output does not tell.
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

/** Go's %v of a time.Duration of whole seconds: `1s`, `1m0s`, `1h0m5s`. */
export function goSeconds(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
}

/** The output of an HTTP probe whose handler answered `statusCode` (400-599). */
export function failingStatusOutput(statusCode: number): string {
  return `HTTP probe failed with statuscode: ${statusCode}`;
}

/** The output prober.go puts after "probe failed: " for this run, or undefined when unknown. */
export function failedRunOutput(spec: ProbeSpec, cause: FailedRunCause): string | undefined {
  if (cause === 'other') return undefined;
  switch (spec.handler) {
    case 'exec':
      return cause === 'timedOut' && spec.command ? `command ${goQuote(spec.command.join(' '))} timed out` : undefined;
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
