// [10.7] What of the kubelet's events reaches the API server. The kubelet records through
// client-go's legacy recorder (cmd/kubelet/app/server.go makeEventRecorder: record.NewBroadcaster
// with default options, 1.27 to the newest release), whose EventCorrelator counts an event in its
// cache first (eventObserve) and then asks EventSourceObjectSpamFilter whether to write it: one
// token bucket per source and involved object (getSpamKey: component, host, the pod's kind,
// namespace, name, uid, apiVersion; no reason, message or container), 25 tokens, one back every
// 300 s (defaultSpamBurst, defaultSpamQPS in tools/record/events_cache.go). A skipped occurrence is
// dropped without a retry (recordToSink); the next written one carries the whole count.
// From 1.34 the key has the event's type too (kubernetes#124747: `event.Type` appended to
// getSpamKey, read in client-go v0.34.3's events_cache.go as vendored by two projects; the first
// release is not established, and 1.31-1.33 keep the older key here): Normal and Warning events
// of one pod draw on two buckets of 25.

export const SPAM_BURST = 25;

/** The release whose client-go keys the spam filter by the event's type too (kubernetes#124747). */
export const SPAM_KEY_HAS_TYPE_FROM = 34;

/** The bucket an event of the pod `pod` draws on ([10.7]). */
export function spamKey(pod: string, type: 'Normal' | 'Warning', minor: number): string {
  return minor >= SPAM_KEY_HAS_TYPE_FROM ? `${pod}|${type}` : pod;
}
export const SPAM_REFILL_SECONDS = 300;

/** The API server forgets an event this long after its last write (kube-apiserver --event-ttl, default 1h; the event registry's TTLFunc renews it at every write). */
export const EVENT_TTL_SECONDS = 3600;

/** Float slack: a token that comes back at exactly 300 s is whole. */
const EPS = 1e-9;

interface Bucket { tokens: number; at: number }

/** golang.org/x/time/rate's Limiter as TryAccept uses it: full at first use, refilled continuously, never above the burst. */
export class EventSpamFilter {
  private readonly buckets = new Map<string, Bucket>();

  /** Whether an event about `object` at time `t` (seconds) is written; it takes a token if so. */
  accept(object: string, t: number): boolean {
    let b = this.buckets.get(object);
    if (b === undefined) {
      b = { tokens: SPAM_BURST, at: t };
      this.buckets.set(object, b);
    } else {
      b.tokens = Math.min(SPAM_BURST, b.tokens + Math.max(0, t - b.at) / SPAM_REFILL_SECONDS);
      b.at = t;
    }
    if (b.tokens < 1 - EPS) return false;
    b.tokens -= 1;
    return true;
  }

  /** A kubelet that starts again has a new recorder: every bucket is full again. */
  reset(): void {
    this.buckets.clear();
  }
}
