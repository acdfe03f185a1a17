// The trace as `kubectl describe pod` prints its Events: Type, Reason, Age, From, Message, with
// repeats folded into one row ("(x3 over 40s)"), as kubectl shows an event series, and only what
// the kubelet's event filter let through to the API server ([10.7]).

import { apiSecond, humanDuration } from '../../engine/kubectl/humanDuration';
import type { Trace, TraceEvent } from '../../engine/trace';
import { DEADLINE_MESSAGE } from '../../engine/sim/activeDeadline';
import { upperBound } from '../kubectlAt';
import { EVENT_TTL_SECONDS, EventSpamFilter, spamKey } from './eventSpamFilter';
import { containerFieldPath, createdMessage, describedMessage, imagePresentMessage, pulledMessage, startedMessage, traceMinor } from './eventWording';
import { goSortSlice } from './goSort';

export interface DescribeRow {
  type: 'Normal' | 'Warning';
  reason: string;
  from: string;
  message: string;
  /** Time of the latest occurrence, and of the first (for "over"). */
  t: number;
  first: number;
  count: number;
  /** Index in trace.events of the latest occurrence. */
  index: number;
}

type Row = Pick<DescribeRow, 'type' | 'reason' | 'from' | 'message'>;

const PROBE_NAME = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' } as const;

/** Where a trace event happened, as the Kubernetes events it produces need it. */
export interface EventContext {
  /** The pod described (a Job's: one of its pods). */
  podName: string;
  namespace?: string;
  /** The kubelet's minor version, whose wording the events take ([10.6], eventWording.ts); default: the newest. */
  minor?: number;
  /** The event's container's image. */
  image?: string;
  /** Whether this start pulled the image (default); else the kubelet says it was already present. */
  pulled?: boolean;
  /** For a `container.pulled`: how long since its `container.pulling`. */
  pullSeconds?: number;
}

/** The Kubernetes events one trace event produces (kubelet and scheduler wording). */
export function kubeEvents(e: TraceEvent, context: EventContext): Row[] {
  const { podName, namespace = 'default', minor = traceMinor(undefined), image, pulled = true, pullSeconds = 0 } = context;
  const kubelet = (type: Row['type'], reason: string, message: string): Row => ({ type, reason, from: 'kubelet', message });
  switch (e.type) {
    case 'pod.scheduled':
      return [{ type: 'Normal', reason: 'Scheduled', from: 'default-scheduler', message: `Successfully assigned ${namespace}/${podName} to node-1` }];
    case 'pod.sandboxChanged':
      // [2.11] SyncPod, every version read: recorded on the pod, not a container.
      return [kubelet('Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.')];
    case 'pod.deadlineExceeded':
      // [13.2] active_deadline.go ShouldEvict, at each generated status past the deadline.
      return [kubelet('Normal', 'DeadlineExceeded', DEADLINE_MESSAGE)];
    case 'container.pulling':
      return [kubelet('Normal', 'Pulling', `Pulling image "${e.image}"`)];
    case 'container.pulled':
      return [kubelet('Normal', 'Pulled', pulledMessage(e.image, pullSeconds, minor, e.size))];
    case 'container.start': {
      const created = [kubelet('Normal', 'Created', createdMessage(e.container, minor)), kubelet('Normal', 'Started', startedMessage(e.container, minor))];
      return pulled || image === undefined ? created : [kubelet('Normal', 'Pulled', imagePresentMessage(image, minor)), ...created];
    }
    case 'container.exit': {
      // [3.5] A start the runtime refused: startContainer recorded Created, then Warning Failed
      // "Error: <the runtime's message>" instead of Started (kuberuntime_container.go).
      if (e.message === undefined) return [];
      const created = [kubelet('Normal', 'Created', createdMessage(e.container, minor)), kubelet('Warning', 'Failed', `Error: ${e.message}`)];
      return pulled || image === undefined ? created : [kubelet('Normal', 'Pulled', imagePresentMessage(image, minor)), ...created];
    }
    case 'container.kill':
      // killContainer records its caller's message, else "Stopping container X" (a postStart failure
      // passes "FailedPostStartHook"; kuberuntime_container.go, 1.27-1.36): computePodActions' and
      // computeInitContainerActions' own words travel on the event
      return [kubelet('Normal', 'Killing', e.message
        ?? (e.reason === 'FailedPostStartHook' ? 'FailedPostStartHook' : `Stopping container ${e.container}`))];
    case 'container.backoff':
    case 'container.backoffAgain': // [4.9] each refusing sync records it again
      return [kubelet('Warning', 'BackOff', `Back-off restarting failed container ${e.container} in pod ${podName}_${namespace}`)];
    case 'fault':
      // A pull that failed (start.ts pullImage writes the fault with the image; the injection's own
      // event names none): EnsureImageExists records Warning Failed "Failed to pull image %q: %v"
      // at the failure, then startContainer "Error: ErrImagePull" (image_manager.go,
      // kuberuntime_container.go); the runtime's error is the fault's message (start.ts pullImage).
      if (e.do !== 'failPull' || e.image === undefined) return [];
      return [
        kubelet('Warning', 'Failed', `Failed to pull image "${e.image}": ${e.message ?? ''}`),
        kubelet('Warning', 'Failed', 'Error: ErrImagePull'),
      ];
    case 'container.pullBackoff':
      // [10.9] EnsureImageExists in back-off: Normal BackOff `Back-off pulling image "X"`
      // (image_manager.go, every version read), then startContainer's Warning Failed "Error:
      // ImagePullBackOff", at each sync that meets the back-off.
      return [kubelet('Normal', 'BackOff', `Back-off pulling image "${e.image}"`), kubelet('Warning', 'Failed', 'Error: ImagePullBackOff')];
    case 'probe.failed':
      // prober.go probe: one Warning Unhealthy per failed run, "%s probe failed: %s" with the
      // handler's output ([5.13]), which the trace carries where the engine can word it (a
      // connection refused, a timeout); else printed as for a handler that printed nothing (an
      // exec `test -f`), "Liveness probe failed:" in a 1.35 describe.
      return [kubelet('Warning', 'Unhealthy', e.output === undefined ? `${PROBE_NAME[e.probe]} probe failed:` : `${PROBE_NAME[e.probe]} probe failed: ${e.output}`)];
    case 'probe.errored':
      // prober.go probe, for a run that returned an error ([5.14]): "%s probe errored and resulted
      // in %s state: %s", the result Unknown (a published 1.35 `kubectl get events` line).
      return [kubelet('Warning', 'Unhealthy', `${PROBE_NAME[e.probe]} probe errored and resulted in unknown state: rpc error: code = Canceled desc = context canceled`)];
    case 'hook.end':
      // The event carries no detail, "so that secrets won't leak" (executePreStopHook and
      // startContainer since 1.26, #119541): a failed exec or HTTP handler, or one with no running
      // container to act in ([8.11]), reads "PreStopHook failed" / "PostStartHook failed".
      if (!e.failed && (e.exitCode === undefined || e.exitCode === 0)) return [];
      return [kubelet('Warning', e.hook === 'postStart' ? 'FailedPostStartHook' : 'FailedPreStopHook', `${e.hook === 'postStart' ? 'PostStartHook' : 'PreStopHook'} failed`)];
    default:
      return [];
  }
}

/** The Events section at time t, and what the API server never got or has forgotten. */
export interface DescribedEvents {
  /** The rows kubectl describe prints, in its order (kubectlOrder). */
  rows: DescribeRow[];
  /** Kubelet events the spam filter kept from the API server ([10.7]); their counts are in later writes. */
  skipped: number;
  /** When the last of them happened. */
  lastSkippedAt?: number;
  /** Rows the API server deleted an hour after their last write (--event-ttl). */
  expired: number;
}

/** The Events section at time t, in kubectl's order (kubectlOrder). `podName`: the pod described (a Job's: one of its pods). */
export function describeEvents(trace: Trace, t: number, podName: string): DescribeRow[] {
  return describeEventLog(trace, t, podName).rows;
}

/**
 * What kubeEvents says of an event, kept for every event that says the same (most of a long
 * trace repeats a few: every refusal of a back-off, every failed probe run), with each distinct row
 * numbered once: a row's number stands for its type, reason, source, container and message, so
 * an occurrence is counted under a number instead of a string built from its message (issue 16:
 * the events panel of the 40-container pod built ~5 MB of such strings at every keystroke).
 */
class RowMemo {
  private readonly rowsBySignature = new Map<string, readonly NumberedRow[]>();
  private readonly numbers = new Map<string, number>();

  constructor(private readonly podName: string, private readonly minor: number, private readonly namespace: string) {}

  /** The rows of `e`, from kubeEvents with the same arguments; undefined when it has none. */
  rows(e: TraceEvent, container: string | undefined, image: string | undefined, pulled: boolean, pullSeconds: number): readonly NumberedRow[] | undefined {
    const signature = rowSignature(e, container, image, pulled, pullSeconds);
    if (signature === undefined) return undefined;
    let rows = this.rowsBySignature.get(signature);
    if (rows === undefined) {
      rows = kubeEvents(e, { podName: this.podName, minor: this.minor, image, pulled, namespace: this.namespace, pullSeconds }).map((r) => this.numbered(r, container));
      this.rowsBySignature.set(signature, rows);
    }
    return rows;
  }

  private numbered(r: Row, container: string | undefined): NumberedRow {
    const content = `${r.type}|${r.reason}|${r.from}|${container ?? ''}|${r.message}`;
    let n = this.numbers.get(content);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(content, n);
    }
    return { row: r, n, kubelet: r.from === 'kubelet' };
  }
}

interface NumberedRow {
  row: Row;
  /** The same for two rows of one type, reason, source, container and message. */
  n: number;
  kubelet: boolean;
}

/**
 * Everything kubeEvents reads of an event (beside the pod's name and the version, fixed for one
 * log), or undefined for an event it says nothing of. Two events with one signature have the
 * same rows (describeRowMemo.test.ts checks it on every event of the gallery).
 */
export function rowSignature(e: TraceEvent, container: string | undefined, image: string | undefined, pulled: boolean, pullSeconds = 0): string | undefined {
  const variant = rowVariant(e, image, pulled, pullSeconds);
  // The container is in every signature: a row counts per container (its key, describeEventLog).
  return variant === undefined ? undefined : `${container ?? ''}|${variant}`;
}

function rowVariant(e: TraceEvent, image: string | undefined, pulled: boolean, pullSeconds: number): string | undefined {
  switch (e.type) {
    case 'pod.scheduled':
    case 'pod.sandboxChanged':
    case 'pod.deadlineExceeded':
      return e.type;
    case 'container.pulling':
      return `${e.type}|${e.image}`;
    case 'container.pulled':
      return `${e.type}|${e.image}|${pullSeconds}|${e.size ?? ''}`;
    case 'container.start':
      return `${e.type}|${pulled || image === undefined ? '' : image}`;
    case 'container.kill':
      return `${e.type}|${e.reason}|${e.message ?? ''}`;
    case 'container.exit':
      return e.message === undefined ? undefined : `${e.type}|${e.message}|${pulled || image === undefined ? '' : image}`;
    case 'fault':
      return e.do === 'failPull' && e.image !== undefined ? `${e.type}|${e.image}|${e.message ?? ''}` : undefined;
    case 'container.pullBackoff':
      return `${e.type}|${e.image}`;
    case 'container.backoff':
    case 'container.backoffAgain':
      return 'backoff';
    case 'probe.failed':
      return `${e.type}|${e.probe}|${e.output ?? ''}`;
    case 'probe.errored':
      return `${e.type}|${e.probe}`;
    case 'hook.end':
      return `${e.type}|${e.hook}|${e.failed === true}|${e.exitCode ?? ''}`;
    default:
      return undefined;
  }
}

/** Where a count of occurrences is kept: a row's number, and the kubelet's lifetime for its events. */
const LIFETIMES = 2 ** 20;

/**
 * The Events section at time t as the API server holds it ([10.7]): the kubelet counts every
 * occurrence, but writes one only when its per-pod spam filter has a token (25, then one per
 * 300 s), so a row's Age and count are those of its last write; a kubelet that starts again has
 * an empty cache and full buckets (its events are new objects); a row is gone an hour after its
 * last write. The rows are in kubectl's order (kubectlOrder).
 */
export function describeEventLog(trace: Trace, t: number, podName: string): DescribedEvents {
  /** Rows as the API server holds them, by key (see `keyOf`). */
  const byKey = new Map<number, DescribeRow>();
  /**
   * The kubelet's own cache (eventObserve): every occurrence counted, written or not; `named`
   * numbers the events in the order of their first occurrence, which names them (kubectlOrder).
   */
  const observed = new Map<number, { count: number; first: number; named: number }>();
  const filter = new EventSpamFilter();
  let lifetime = 0; // the kubelet process: a restart starts a new cache, and new event objects
  let skipped = 0;
  let lastSkippedAt: number | undefined;
  const stop = upperBound(trace.events, t);
  const minor = traceMinor(trace.kubernetesVersion);
  const memo = new RowMemo(podName, minor, trace.namespace ?? 'default');
  const images = new Map(trace.containers.flatMap((c) => (c.image === undefined ? [] : [[c.name, c.image] as const]))); // each container's image now
  const pulledSinceStart = new Set<string>(); // "pod|container" whose next start follows a pull
  const pullingSince = new Map<string, number>(); // "pod|container" → when its pull in progress began
  const fieldPaths = new Map(trace.containers.map((c) => [c.name, containerFieldPath(c.name, c.kind)]));
  /** An event's key: its row, and for the kubelet's events the kubelet process that counted it. */
  const keyOf = (r: NumberedRow) => (r.kubelet ? lifetime : 0) * LIFETIMES + r.n;
  for (let i = 0; i < stop; i++) {
    const e = trace.events[i]!;
    let pullSeconds = 0;
    if (e.type === 'container.pulling') {
      images.set(e.container, e.image);
      pullingSince.set(`${e.pod ?? ''}|${e.container}`, e.t);
    } else if (e.type === 'container.pulled') {
      pulledSinceStart.add(`${e.pod ?? ''}|${e.container}`);
      pullSeconds = e.t - (pullingSince.get(`${e.pod ?? ''}|${e.container}`) ?? e.t);
    } else if (e.type === 'fault' && e.do === 'setImage' && e.container !== undefined && e.image !== undefined) images.set(e.container, e.image);
    else if (e.type === 'node.kubeletStarted') {
      // A new kubelet process: full buckets, and its cache knows none of the old events (their
      // keys carry the old lifetime), so it creates new objects.
      filter.reset();
      lifetime++;
    }
    // a start, or a start the runtime refused ([3.5]): was its image pulled just before?
    const creates = e.type === 'container.start' || (e.type === 'container.exit' && e.message !== undefined);
    const pulled = !creates || pulledSinceStart.delete(`${e.pod ?? ''}|${e.container}`);
    if (e.pod !== undefined && e.pod !== podName) continue; // a Job's other pods: describe names one pod
    const container = 'container' in e ? e.container : undefined;
    const rows = memo.rows(e, container, container !== undefined ? images.get(container) : undefined, pulled, pullSeconds);
    if (rows === undefined) continue;
    for (const numbered of rows) {
      // An event is one per involved object, the container's fieldPath included: two containers'
      // "Container created" (1.35+) stay two rows.
      const key = keyOf(numbered);
      let seen = observed.get(key);
      if (seen) seen.count++;
      else observed.set(key, (seen = { count: 1, first: e.t, named: observed.size }));
      if (numbered.kubelet && !filter.accept(spamKey(e.pod ?? '', numbered.row.type, minor), e.t)) {
        skipped++;
        lastSkippedAt = e.t;
        continue;
      }
      const r = numbered.row;
      const written = byKey.get(key);
      const message = written?.message ?? describedMessage(r.message, container !== undefined ? fieldPaths.get(container) : undefined, minor);
      byKey.set(key, { ...r, message, t: e.t, first: seen.first, count: seen.count, index: i });
    }
  }
  const listed: { row: DescribeRow; named: number }[] = [];
  let expired = 0;
  for (const [key, row] of byKey) {
    if (t - row.t >= EVENT_TTL_SECONDS) expired++;
    else listed.push({ row, named: observed.get(key)!.named });
  }
  return { rows: kubectlOrder(listed), skipped, ...(lastSkippedAt !== undefined ? { lastSkippedAt } : {}), expired };
}

/**
 * The order `kubectl describe` prints the events in: DescribeEvents (describe.go, stored 0176276b)
 * runs sort.Sort(event.SortableEvents(el.Items)), Less = LastTimestamp.Before (TestSortableEvents),
 * over the list as the API server returned it, in the order of its keys: the events' names,
 * `<pod>.<%x of the UnixNano of the first occurrence>` (client-go tools/record event.go makeEvent
 * and util.go GenerateEventName, stored 5e377f94; events_cache.go eventObserve gives every repeat
 * the first one's name, even when the spam filter dropped the first), so in the order of first
 * occurrence, those of one moment in the order the kubelet recorded them. The API keeps whole
 * seconds ([14.1]), so events whose LastTimestamp falls in one second tie, and Go's sort.Sort
 * (goSort.ts, pdqsort: an insertion sort, stable, up to 12 events; not stable above) decides
 * their order: up to 12 rows, first seen first. Every kubectl the page models (1.27-1.37).
 */
function kubectlOrder(listed: { row: DescribeRow; named: number }[]): DescribeRow[] {
  const rows = listed.sort((a, b) => a.named - b.named).map((l) => l.row);
  return goSortSlice(rows, (a, b) => apiSecond(a.t) < apiSecond(b.t));
}

/** kubectl's short duration, the engine's (describe's ages are translateTimestampSince too). */
export { humanDuration };

/** The Age column: "12s", or "40s (x3 over 2m)" for a series. */
export function ageText(row: DescribeRow, now: number): string {
  // Counted from the event's lastTimestamp and firstTimestamp, whole seconds in the API ([14.1]).
  const age = humanDuration(now - apiSecond(row.t));
  return row.count > 1 ? `${age} (x${row.count} over ${humanDuration(now - apiSecond(row.first))})` : age;
}
