// [10.7] client-go's EventCorrelator, which the kubelet's recorder runs on every event before it
// writes one (tools/record events_cache.go, read in kubernetes/kubernetes at 425859b7 and 00080d40
// and in client-go v0.34.3 as vendored by appscode-cloud/audit at 18323568: EventAggregate,
// eventObserve and EventCorrelate are the same in all three, so in every kubelet the page models,
// 1.27 to 1.37). EventCorrelate runs three steps, in this order:
// 1. EventAggregate (EventAggregator, EventAggregatorByReasonFunc): the event's aggregate key is its
//    source, involved object (kind, namespace, name, uid, apiVersion: NOT the fieldPath, so every
//    container of a pod is one group), type and reason; its local key is its message. The record
//    of a key holds the set of messages seen and the time of the group's last event; one more than
//    600 s (maxIntervalInSeconds) after that last event starts a fresh set. When the set holds 10
//    (maxEvents) messages, the event becomes a new one: "(combined from similar events): " + its
//    message (EventAggregatorByReasonMessageFunc), counted under the aggregate key, and one message
//    leaves the set (PopAny), so the next new message is combined again while a repeat of one still
//    in the set is a plain event again.
// 2. eventObserve: the count under that key (the full getEventKey, fieldPath and message included,
//    or the aggregate key), the first occurrence's time and name (every repeat is a patch of that
//    event: count, lastTimestamp and message).
// 3. The spam filter (eventSpamFilter.ts): whether it is written at all. So an occurrence the filter
//    skips was still aggregated and counted.
// One deterministic choice where upstream is random: PopAny takes the first key a range over a Go
// map yields, and Go randomizes that order; here it is the set's insertion order, so the message
// that has been in the set longest leaves.
// Not modelled: the LRU caches (maxLruCacheEntries, 4,096 keys each, node-wide, for the aggregator,
// the observations and the spam filter): the page takes them as never evicting a key it still uses
// (a pod needs thousands of distinct events for that); updateState (the server's answer stored under
// its full key) changes nothing the page shows.

import { EventSpamFilter } from './eventSpamFilter';

export const DEFAULT_AGGREGATE_MAX_EVENTS = 10;
export const DEFAULT_AGGREGATE_INTERVAL_SECONDS = 600;
export const AGGREGATE_MESSAGE_PREFIX = '(combined from similar events): ';

/** Float slack: an event exactly 600 s after the group's last one is not "more than" 600 s. */
const EPS = 1e-9;

/** The fields of a v1.Event the correlator's keys read. */
export interface CorrelatedEvent {
  source: { component: string; host: string };
  involvedObject: { kind: string; namespace: string; name: string; uid: string; apiVersion: string; fieldPath: string };
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** Constant for one recorder. */
  reportingController?: string;
  reportingInstance?: string;
}

/** getEventKey: the event's identity for eventObserve (strings.Join with "", as upstream). */
export function getEventKey(e: CorrelatedEvent): string {
  const o = e.involvedObject;
  return [e.source.component, e.source.host, o.kind, o.namespace, o.name, o.fieldPath, o.uid, o.apiVersion, e.type, e.reason, e.message].join('');
}

/** EventAggregatorByReasonFunc: [aggregate key (no fieldPath, no message), local key (the message)]. */
export function eventAggregatorByReasonFunc(e: CorrelatedEvent): [aggregateKey: string, localKey: string] {
  const o = e.involvedObject;
  const aggregateKey = [e.source.component, e.source.host, o.kind, o.namespace, o.name, o.uid, o.apiVersion, e.type, e.reason, e.reportingController ?? '', e.reportingInstance ?? ''].join('');
  return [aggregateKey, e.message];
}

/** EventAggregatorByReasonMessageFunc: the aggregate event's message. */
export function eventAggregatorByReasonMessageFunc(e: Pick<CorrelatedEvent, 'message'>): string {
  return AGGREGATE_MESSAGE_PREFIX + e.message;
}

interface AggregateRecord<L> {
  localKeys: Set<L>;
  lastTimestamp: number;
}

/** EventAggregator with the kubelet's options; keys are whatever stands for the strings upstream builds. */
export class EventAggregator<A, L> {
  private readonly cache = new Map<A, AggregateRecord<L>>();

  /** EventAggregate at time `now` (seconds): whether the event becomes the aggregate event (cache key: the aggregate key). */
  eventAggregate(aggregateKey: A, localKey: L, now: number): boolean {
    let record = this.cache.get(aggregateKey);
    // a record not found, or whose last event is more than maxIntervalInSeconds ago: a fresh one
    if (record === undefined || now - record.lastTimestamp > DEFAULT_AGGREGATE_INTERVAL_SECONDS + EPS) {
      record = { localKeys: new Set(), lastTimestamp: now };
      this.cache.set(aggregateKey, record);
    }
    record.localKeys.add(localKey);
    record.lastTimestamp = now;
    if (record.localKeys.size < DEFAULT_AGGREGATE_MAX_EVENTS) return false;
    // PopAny: the first key of the set's order (see the header)
    for (const key of record.localKeys) {
      record.localKeys.delete(key);
      break;
    }
    return true;
  }
}

/** What eventObserve keeps of an event: its count, first occurrence and name. */
export interface EventLog {
  count: number;
  first: number;
  /**
   * The event's name, as a number: names are `<pod>.<%x UnixNano of the first occurrence>`
   * (makeEvent, and EventAggregate for an aggregate event), so the order of first occurrence.
   */
  name: number;
}

/** Names events in the order they are first observed, across recorders (a restarted kubelet's, the scheduler's). */
export class EventNames {
  private next = 0;
  name(): number {
    return this.next++;
  }
}

/** eventLogger: the occurrences of each event key. */
export class EventLogger<K> {
  private readonly cache = new Map<K, EventLog>();

  constructor(private readonly names: EventNames) {}

  /** eventObserve at time `now`: the event as it is written (the record itself: read it at once). */
  eventObserve(key: K, now: number): EventLog {
    let log = this.cache.get(key);
    if (log === undefined) this.cache.set(key, (log = { count: 1, first: now, name: this.names.name() }));
    else log.count++;
    return log;
  }
}

/** One event for EventCorrelate: its keys (numbers or strings standing for upstream's) and its spam filter bucket. */
export interface CorrelatorInput<K, A, L> {
  eventKey: K;
  aggregateKey: A;
  localKey: L;
  spamKey: string;
}

export interface CorrelateResult {
  /** The event became "(combined from similar events): " + its message, counted under its aggregate key. */
  aggregated: boolean;
  log: EventLog;
  /** The spam filter kept it from the API server. */
  skip: boolean;
}

/** One recorder's EventCorrelator (NewEventCorrelator's defaults): a kubelet that starts again makes a new one. */
export class EventCorrelator<K, A, L> {
  private readonly aggregator = new EventAggregator<A, L>();
  /** eventObserve's cache, under full keys and under aggregate keys (one LRU upstream; its two kinds of keys never meet). */
  private readonly plain: EventLogger<K>;
  private readonly aggregates: EventLogger<A>;
  private readonly filter = new EventSpamFilter();

  constructor(names: EventNames) {
    this.plain = new EventLogger(names);
    this.aggregates = new EventLogger(names);
  }

  /** EventCorrelate at time `now`: aggregate, then observe, then the spam filter. */
  eventCorrelate(event: CorrelatorInput<K, A, L>, now: number): CorrelateResult {
    const aggregated = this.aggregator.eventAggregate(event.aggregateKey, event.localKey, now);
    const log = aggregated ? this.aggregates.eventObserve(event.aggregateKey, now) : this.plain.eventObserve(event.eventKey, now);
    const skip = !this.filter.accept(event.spamKey, now);
    return { aggregated, log, skip };
  }
}
