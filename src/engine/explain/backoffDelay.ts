// How long a crashed container waits before its next restart ([4.5]–[4.7]): client-go's
// flowcontrol.Backoff as the kubelet uses it (KR doBackOff; read in kuberuntime_container.go and
// kubelet.go, 1.29–1.35), seen from a Pod object. The kubelet's own answer, when the object
// carries it, is the CrashLoopBackOff message ("back-off 20s restarting failed container=…").

import { BACKOFF_RESET_AFTER, backoffSettings } from '../kubelet/backoff';
import { parseDurationString } from '../scenario/duration';
import type { FeatureGates } from '../version';

/** The delay the kubelet printed in a CrashLoopBackOff message, seconds. */
export function backoffFromMessage(message: string | undefined): number | undefined {
  const m = message ? /back-off (\S+) restarting/.exec(message) : null;
  if (!m) return undefined;
  const d = parseDurationString(m[1]!);
  return d.ok ? d.seconds : undefined;
}

export interface BackoffEstimate {
  /** Seconds to wait after the last exit. */
  delay: number;
  /** How the delay was found, naming the rule. */
  why: string;
}

/**
 * The wait before restart number restartCount + 1 ([4.5]): the first restart is immediate, then
 * initial, ×2, … up to the cap; a container that ran longer than 600 s since its last restart
 * starts over at once (the simulator's BackoffTable: HasExpiredFunc, flat 600 s whatever the cap).
 */
export function backoffForRestart(
  restartCount: number,
  gates: FeatureGates,
  maxContainerRestartPeriod: number | undefined,
  ranFor?: number,
): BackoffEstimate {
  const { initial, max } = backoffSettings(gates, maxContainerRestartPeriod);
  const capText = maxContainerRestartPeriod !== undefined && gates.KubeletCrashLoopBackOffMax
    ? `capped at ${max}s by the node's maxContainerRestartPeriod [4.7]`
    : gates.ReduceDefaultCrashLoopBackOffDecay
      ? `capped at ${max}s${gates.KubeletCrashLoopBackOffMax ? ", the node's default maxContainerRestartPeriod, which wins over the reduced decay's 60s" : ''} [4.7]`
      : `capped at ${max}s [4.5]`;
  if (restartCount === 0) return { delay: 0, why: 'the first restart is immediate [4.5]' };
  if (ranFor !== undefined && ranFor > BACKOFF_RESET_AFTER) {
    return { delay: 0, why: `it ran ${Math.round(ranFor)}s, more than ${BACKOFF_RESET_AFTER}s since its last back-off, so its back-off was reset and it restarts at once [4.5]` };
  }
  const delay = Math.min(initial * 2 ** (restartCount - 1), max);
  return { delay, why: `after ${restartCount} restart${restartCount === 1 ? '' : 's'} the back-off is ${delay}s (${initial}s doubling each restart, ${capText})` };
}
