// Go's text of a time.Duration (its String(), which %v and %s print), for the whole-second
// durations the kubelet writes into messages: the CrashLoopBackOff waiting message
// (kuberuntime_container.go doBackOff: "back-off %s restarting failed container=…"), an exec
// probe's timeout, a gRPC probe's deadline. 80 s is `1m20s`, 300 s `5m0s`, 3605 s `1h0m5s`.

/** Go's time.Duration String() of a whole number of seconds: `0s`, `40s`, `1m20s`, `5m0s`, `1h0m5s`. */
export function goSeconds(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
}
