// CrashLoopBackOff bookkeeping ([4.5]–[4.8]): client-go flowcontrol.Backoff as the kubelet
// uses it, without jitter, on the simulator's virtual clock.
// Upstream read: staging/src/k8s.io/client-go/util/flowcontrol/backoff.go (Next, IsInBackOffSince,
// GC, hasExpired) and pkg/kubelet/kubelet.go NewMainKubelet (containerBackOffPeriod,
// MaxContainerBackOff, KubeletCrashLoopBackOffMax, HasExpiredFunc), 1.27-1.36. Up to 1.31 an entry
// expires after 2 × maxDuration = 600 s (the cap could not change then); from 1.32 the kubelet sets
// HasExpiredFunc to a flat 600 s (PR #128356), so the reset stays 10 minutes whatever
// maxContainerRestartPeriod or ReduceDefaultCrashLoopBackOffDecay make the cap. GC() (run by
// HandlePodCleanups at each 2 s housekeeping) drops entries idle past the same threshold.

import type { FeatureGates } from '../version';

export interface BackoffSettings {
  /** First delay, seconds (10 by default, [4.5]). */
  initial: number;
  /** Cap, seconds (300 by default). */
  max: number;
}

/** The node's maxContainerRestartPeriod when its config leaves it out (SetDefaults_KubeletConfiguration: MaxContainerBackOff). */
export const DEFAULT_MAX_CONTAINER_RESTART_PERIOD = 300;

/**
 * The defaults and the two gates that change them ([4.7]), as pkg/kubelet/kubelet.go
 * newCrashLoopBackOff (1.32+) sets them: ReduceDefaultCrashLoopBackOffDecay makes 1 s -> 60 s, then
 * with KubeletCrashLoopBackOffMax on the node's period is the cap, whatever the first gate did. The
 * period is always set then: pkg/kubelet/apis/config/v1beta1/defaults.go gives it 300 s when the
 * gate is on and the config names none, so from 1.35 (the gate on by default) the reduced decay
 * alone climbs 1, 2, 4 ... 256, 300 s.
 */
export function backoffSettings(gates: FeatureGates, maxContainerRestartPeriod?: number): BackoffSettings {
  let initial = 10;
  let max = 300;
  if (gates.ReduceDefaultCrashLoopBackOffDecay) {
    initial = 1;
    max = 60;
  }
  if (gates.KubeletCrashLoopBackOffMax) {
    max = Math.min(300, Math.max(1, maxContainerRestartPeriod ?? DEFAULT_MAX_CONTAINER_RESTART_PERIOD));
    initial = Math.min(initial, max);
  }
  return { initial, max };
}

/** Times are decimal seconds; differences this small are rounding, not time. */
const EPSILON = 1e-6;

/** [4.5] An entry resets after this long without a new back-off step, in every version (see header). */
export const BACKOFF_RESET_AFTER = 600;

interface Entry {
  backoff: number;
  lastUpdate: number;
}

export class BackoffTable {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly settings: BackoffSettings) {}

  /** hasExpired / HasExpiredFunc: the container exited more than 600 s after the last step ([4.5] reset). */
  private expired(entry: Entry, eventTime: number): boolean {
    return eventTime - entry.lastUpdate > BACKOFF_RESET_AFTER;
  }

  /** The entry, unless the kubelet's housekeeping GC() has dropped it by `now` (idle past 600 s). */
  private live(key: string, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.expired(entry, now)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Whether a container that finished at `finishedAt` must still wait at `now`. */
  isInBackOffSince(key: string, finishedAt: number, now: number): boolean {
    const entry = this.live(key, now);
    if (!entry || this.expired(entry, finishedAt)) return false;
    return now - finishedAt < entry.backoff - EPSILON;
  }

  /** Records a restart: first use sets the initial delay, later uses double it up to the cap. */
  next(key: string, finishedAt: number, now: number): void {
    const entry = this.live(key, now);
    if (!entry || this.expired(entry, finishedAt)) {
      this.entries.set(key, { backoff: this.settings.initial, lastUpdate: now });
      return;
    }
    entry.backoff = Math.min(entry.backoff * 2, this.settings.max);
    entry.lastUpdate = now;
  }

  /**
   * An entry the kubelet already holds when a run continues from an observed pod (issue 14):
   * `backoff` is the delay it printed, stepped at `lastUpdate` (the last restart).
   */
  seed(key: string, backoff: number, lastUpdate: number): void {
    this.entries.set(key, { backoff: Math.min(Math.max(backoff, 0), this.settings.max), lastUpdate });
  }

  /** The current delay for a key (what the CrashLoopBackOff message prints). */
  get(key: string): number {
    return this.entries.get(key)?.backoff ?? 0;
  }

  /** When a backoff that started at `finishedAt` ends. */
  expiry(key: string, finishedAt: number): number {
    return finishedAt + this.get(key);
  }
}

/** Image pulls back off with their own table (NewBackOff(10 s, MaxImageBackOff 300 s)), keyed by pod UID and image ([10.2] ImagePullBackOff). */
export class ImagePullBackoff {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly initial = 10, private readonly max = 300) {}

  inBackOff(key: string, now: number): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && now - entry.lastUpdate < entry.backoff - EPSILON;
  }

  failed(key: string, now: number): void {
    const entry = this.entries.get(key);
    if (!entry || now - entry.lastUpdate > 2 * this.max) {
      this.entries.set(key, { backoff: this.initial, lastUpdate: now });
      return;
    }
    entry.backoff = Math.min(entry.backoff * 2, this.max);
    entry.lastUpdate = now;
  }

  /**
   * A successful pull does not reset the entry: EnsureImageExists (pkg/kubelet/images/image_manager.go,
   * 1.27-1.36) only calls GC(), which drops entries idle for more than 2 × 300 s.
   */
  pulled(now: number): void {
    for (const [key, entry] of this.entries) if (now - entry.lastUpdate > 2 * this.max) this.entries.delete(key);
  }

  get(key: string): number {
    return this.entries.get(key)?.backoff ?? 0;
  }

  expiry(key: string): number {
    const entry = this.entries.get(key);
    return entry ? entry.lastUpdate + entry.backoff : 0;
  }
}
