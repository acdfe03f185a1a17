// The trace as `kubectl describe pod` prints its Events: Type, Reason, Age, From, Message, with
// repeats folded into one row ("(x3 over 40s)"), as kubectl shows an event series, similar events
// combined and only what the kubelet's event filter let through to the API server ([10.7]).

import { apiSecond, humanDuration } from '../../engine/kubectl/humanDuration';
import type { Trace, TraceEvent } from '../../engine/trace';
import { DEADLINE_MESSAGE } from '../../engine/sim/activeDeadline';
import { EXCEEDED_GRACE_MESSAGE } from '../../engine/sim/kubeletKill';
import { upperBound } from '../kubectlAt';
import { EventCorrelator, EventLogger, EventNames, eventAggregatorByReasonFunc, eventAggregatorByReasonMessageFunc, getEventKey, type CorrelatedEvent, type EventLog } from './eventAggregator';
import { EVENT_TTL_SECONDS, spamKey } from './eventSpamFilter';
import { containerFieldPath, createdMessage, describedMessage, imagePresentMessage, probeErroredError, probeErroredMessage, pulledMessage, startedMessage, traceMinor } from './eventWording';
import { goSortSlice, kubectlXorshift } from './goSort';

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
    case 'node.eviction':
      // [8.15] eviction_manager.go evictPod records Warning Evicted on the pod with the status's message
      return e.message === undefined ? [] : [kubelet('Warning', 'Evicted', e.message)];
    case 'pod.exceededGracePeriod':
      // [8.15] [8.16] pod_workers.go killPodNow, when its wait for the kill times out
      return [kubelet('Warning', 'ExceededGracePeriod', EXCEEDED_GRACE_MESSAGE)];
    case 'container.pulling':
      return [kubelet('Normal', 'Pulling', `Pulling image "${e.image}"`)];
    case 'container.pulled':
      return [kubelet('Normal', 'Pulled', pulledMessage(e.image, pullSeconds, minor, e.size))];
    case 'container.start': {
      const created = [kubelet('Normal', 'Created', createdMessage(e.container, minor)), kubelet('Normal', 'Started', startedMessage(e.container, minor))];
      // A start read from a real pod's status (explain's "Continue from here"): whether the kubelet
      // pulled for it is not in the status (under imagePullPolicy Always it did), so no Pulled line is made up.
      return pulled || image === undefined || e.observed ? created : [kubelet('Normal', 'Pulled', imagePresentMessage(image, minor)), ...created];
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
      // [10.2] imagePullPolicy Never and the image not on the node (start.ts neverPullFails):
      // EnsureImageExists records Warning ErrImageNeverPull "Container image %q is not present with
      // pull policy of Never" (the fault's message), then startContainer "Error: ErrImageNeverPull"
      // (images/image_manager.go 00a3928b, cfce511e, a 1.34/1.35-era copy; kuberuntime_container.go).
      if (e.reason === 'ErrImageNeverPull') return [kubelet('Warning', 'ErrImageNeverPull', e.message ?? ''), kubelet('Warning', 'Failed', 'Error: ErrImageNeverPull')];
      return [
        kubelet('Warning', 'Failed', `Failed to pull image "${e.image}": ${e.message ?? ''}`),
        kubelet('Warning', 'Failed', 'Error: ErrImagePull'),
      ];
    case 'container.imageInvalid':
      // [10.11] EnsureImageExists cannot parse the name: Warning InspectFailed with the parse error
      // (events.FailedToInspectImage), then startContainer's Warning Failed "Error: InvalidImageName"
      // (images/image_manager.go, a 1.27-era copy and the newest stored; kuberuntime_container.go).
      return [kubelet('Warning', 'InspectFailed', e.message), kubelet('Warning', 'Failed', 'Error: InvalidImageName')];
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
      // prober.go probe, for a run that returned an error ([5.13]; [5.14], [5.11]): the runtime's
      // error, worded by version (eventWording.ts probeErroredMessage).
      return [kubelet('Warning', 'Unhealthy', probeErroredMessage(PROBE_NAME[e.probe], probeErroredError(e), minor))];
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
 * numbered once: a row's numbers stand for the correlator's keys (getEventKey: its type, reason,
 * source, container and message; its aggregate key and message, eventAggregator.ts), so an
 * occurrence is counted under a number instead of a string built from its message (issue 16: the
 * events panel of the 40-container pod built ~5 MB of such strings at every keystroke).
 */
class RowMemo {
  private readonly rowsBySignature = new Map<string, readonly NumberedRow[]>();
  /** Each key string's number (a full key, an aggregate key or a message: each used in its own role). */
  private readonly numbers = new Map<string, number>();

  constructor(private readonly podName: string, private readonly minor: number, private readonly namespace: string, private readonly fieldPaths: ReadonlyMap<string, string>) {}

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
    const fieldPath = container === undefined ? undefined : this.fieldPaths.get(container);
    // (a container the trace does not list keeps its name in the key: still one event per container)
    const event: CorrelatedEvent = {
      source: { component: r.from, host: 'node-1' },
      involvedObject: { kind: 'Pod', namespace: this.namespace, name: this.podName, uid: '', apiVersion: 'v1', fieldPath: fieldPath ?? container ?? '' },
      type: r.type, reason: r.reason, message: r.message,
    };
    const [aggregateKey, localKey] = eventAggregatorByReasonFunc(event);
    const n = this.number(getEventKey(event));
    const described = describedMessage(r.message, fieldPath, this.minor);
    return { row: r, n, group: this.number(aggregateKey), local: this.number(localKey), kubelet: r.from === 'kubelet', fieldPath, described };
  }

  private number(key: string): number {
    let n = this.numbers.get(key);
    if (n === undefined) this.numbers.set(key, (n = this.numbers.size));
    return n;
  }
}

interface NumberedRow {
  row: Row;
  /** getEventKey's: the same for two rows of one type, reason, source, container and message. */
  n: number;
  /** EventAggregatorByReasonFunc's aggregate key (the pod, type, reason) and local key (the message). */
  group: number;
  local: number;
  kubelet: boolean;
  /** The container's fieldPath, if the event is about one. */
  fieldPath: string | undefined;
  /** The Message column of a plain event (describedMessage). */
  described: string;
  /** The aggregate event's, with this fieldPath: made at the first one. */
  combined?: string;
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
    case 'pod.exceededGracePeriod':
      return e.type;
    case 'node.eviction':
      return e.message === undefined ? undefined : `${e.type}|${e.message}`;
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
      return e.do === 'failPull' && e.image !== undefined ? `${e.type}|${e.image}|${e.reason ?? ''}|${e.message ?? ''}` : undefined;
    case 'container.pullBackoff':
      return `${e.type}|${e.image}`;
    case 'container.imageInvalid':
      return `${e.type}|${e.image}|${e.message}`;
    case 'container.backoff':
    case 'container.backoffAgain':
      return 'backoff';
    case 'probe.failed':
      return `${e.type}|${e.probe}|${e.output ?? ''}`;
    case 'probe.errored':
      return `${e.type}|${e.probe}|${probeErroredError(e)}`;
    case 'hook.end':
      return `${e.type}|${e.hook}|${e.failed === true}|${e.exitCode ?? ''}`;
    default:
      return undefined;
  }
}

/**
 * The Events section at time t as the API server holds it ([10.7]): the kubelet's EventCorrelator
 * (eventAggregator.ts) combines the 10th distinct message of one reason within 10 minutes into
 * "(combined from similar events): …", counts every occurrence, but writes one only when its
 * per-pod spam filter has a token (25, then one per 300 s), so a row's Age and count are those of
 * its last write; a kubelet that starts again has a new correlator (an empty cache, no aggregate
 * sets, full buckets: its events are new objects); a row is gone an hour after its last write. The
 * rows are in kubectl's order (kubectlOrder).
 */
export function describeEventLog(trace: Trace, t: number, podName: string): DescribedEvents {
  /** Events as the API server holds them, by name (EventLog.name: the order of first occurrence, kubectlOrder). */
  const byName = new Map<number, DescribeRow>();
  /** An aggregate event's fieldPath: its first write's (a patch changes only count, lastTimestamp and message). */
  const aggregateFieldPath = new Map<number, string | undefined>();
  const names = new EventNames();
  // the kubelet process's recorder; the scheduler's event is counted, never combined nor filtered
  let kubelet = new EventCorrelator<number, number, number>(names);
  const scheduler = new EventLogger<number>(names);
  let skipped = 0;
  let lastSkippedAt: number | undefined;
  const stop = upperBound(trace.events, t);
  const minor = traceMinor(trace.kubernetesVersion);
  const fieldPaths = new Map(trace.containers.map((c) => [c.name, containerFieldPath(c.name, c.kind)]));
  const memo = new RowMemo(podName, minor, trace.namespace ?? 'default', fieldPaths);
  const images = new Map(trace.containers.flatMap((c) => (c.image === undefined ? [] : [[c.name, c.image] as const]))); // each container's image now
  const pulledSinceStart = new Set<string>(); // "pod|container" whose next start follows a pull
  const pullingSince = new Map<string, number>(); // "pod|container" → when its pull in progress began
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
      // A new kubelet process, a new recorder (makeEventRecorder): full buckets, no aggregate sets,
      // and its cache knows none of the old events, so it creates new objects (new names).
      kubelet = new EventCorrelator(names);
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
      // "Container created" (1.35+) stay two rows (the aggregate key has no fieldPath, though).
      const r = numbered.row;
      let aggregated = false;
      let log: EventLog;
      if (numbered.kubelet) {
        const result = kubelet.eventCorrelate({ eventKey: numbered.n, aggregateKey: numbered.group, localKey: numbered.local, spamKey: spamKey(e.pod ?? '', r.type, minor) }, e.t);
        if (result.skip) {
          skipped++;
          lastSkippedAt = e.t;
          continue;
        }
        ({ aggregated, log } = result);
      } else log = scheduler.eventObserve(numbered.n, e.t);
      const written = byName.get(log.name);
      let message = written?.message ?? numbered.described;
      if (aggregated) {
        // the patch writes this occurrence's message; a write that finds the event deleted (the
        // TTL) creates it again from this occurrence (recordToSink), its fieldPath included
        let fieldPath = aggregateFieldPath.get(log.name);
        if (written === undefined || e.t - written.t >= EVENT_TTL_SECONDS) aggregateFieldPath.set(log.name, (fieldPath = numbered.fieldPath));
        message = fieldPath === numbered.fieldPath
          ? (numbered.combined ??= describedMessage(eventAggregatorByReasonMessageFunc(r), fieldPath, minor))
          : describedMessage(eventAggregatorByReasonMessageFunc(r), fieldPath, minor);
      }
      byName.set(log.name, { ...r, message, t: e.t, first: log.first, count: log.count, index: i });
    }
  }
  const listed: { row: DescribeRow; named: number }[] = [];
  let expired = 0;
  for (const [named, row] of byName) {
    if (t - row.t >= EVENT_TTL_SECONDS) expired++;
    else listed.push({ row, named });
  }
  return { rows: kubectlOrder(listed, minor), skipped, ...(lastSkippedAt !== undefined ? { lastSkippedAt } : {}), expired };
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
 * their order: up to 12 rows, first seen first. Every kubectl the page models (1.27-1.37); above 12
 * rows, with the xorshift of the Go that builds that minor's kubectl (goSort.ts kubectlXorshift:
 * Go 1.24's, golang/go#70144, from 1.31, whose last patch is built with Go 1.24.9).
 */
function kubectlOrder(listed: { row: DescribeRow; named: number }[], minor: number): DescribeRow[] {
  const rows = listed.sort((a, b) => a.named - b.named).map((l) => l.row);
  return goSortSlice(rows, (a, b) => sortTime(a) < sortTime(b), kubectlXorshift(minor));
}

/**
 * The time describe's SortableEvents compares: the LastTimestamp, in whole seconds. The
 * scheduler's Scheduled event is written through events.k8s.io (client-go tools/events: EventTime
 * only, no deprecated timestamps), so in the core/v1 list it has a zero LastTimestamp and sorts
 * before every other event, as in every published describe (its Age comes from its EventTime).
 */
function sortTime(row: DescribeRow): number {
  return row.from === 'default-scheduler' ? -Infinity : apiSecond(row.t);
}

/** kubectl's short duration, the engine's (describe's ages are translateTimestampSince too). */
export { humanDuration };

/** The Age column: "12s", or "40s (x3 over 2m)" for a series. */
export function ageText(row: DescribeRow, now: number): string {
  // Counted from the event's lastTimestamp and firstTimestamp, whole seconds in the API ([14.1]).
  const age = humanDuration(now - apiSecond(row.t));
  return row.count > 1 ? `${age} (x${row.count} over ${humanDuration(now - apiSecond(row.first))})` : age;
}
