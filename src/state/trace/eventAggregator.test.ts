// client-go's events_cache_test.go (kubernetes/kubernetes staging/src/k8s.io/client-go/tools/record,
// stored 00080d40) translated to eventAggregator.ts: TestEventAggregatorByReasonFunc,
// TestEventAggregatorByReasonMessageFunc and every row of TestEventCorrelator, with upstream's own
// hand-made events (makeEvent, makeObjectReference, makeSimilarEvents, makeUniqueEvents). The code
// they test is events_cache.go EventAggregate / eventObserve / EventCorrelate, the same at 425859b7,
// 00080d40 and in client-go v0.34.3: every kubelet the page models (1.27-1.37). Upstream's clock is
// an IntervalClock that moves on at every Now(): the test's own, EventAggregate's and the rate
// limiter's, three a event, so the events here are 3 × intervalSeconds apart. The spam key is the
// kubelet's (eventSpamFilter.ts spamKey: the pod, and from 1.34 the type); 1.33 is taken as the
// version, the test's events all being Normal.

import { describe, expect, it } from 'vitest';
import {
  AGGREGATE_MESSAGE_PREFIX, DEFAULT_AGGREGATE_INTERVAL_SECONDS, DEFAULT_AGGREGATE_MAX_EVENTS, EventAggregator, EventCorrelator, EventNames,
  eventAggregatorByReasonFunc, eventAggregatorByReasonMessageFunc, getEventKey, type CorrelateResult, type CorrelatedEvent,
} from './eventAggregator';
import { SPAM_BURST, spamKey } from './eventSpamFilter';

const makeObjectReference = (kind: string, name: string, namespace: string): CorrelatedEvent['involvedObject'] =>
  ({ kind, name, namespace, uid: 'C934D34AFB20242', apiVersion: 'version', fieldPath: 'spec.containers{mycontainer}' });

const makeEvent = (reason: string, message: string, involvedObject: CorrelatedEvent['involvedObject']): CorrelatedEvent =>
  ({ reason, message, involvedObject, source: { component: 'kubelet', host: 'kublet.node1' }, type: 'Normal' });

const makeEvents = (num: number, template: CorrelatedEvent): CorrelatedEvent[] => Array.from({ length: num }, () => template);

const makeUniqueEvents = (num: number): CorrelatedEvent[] =>
  Array.from({ length: num }, (_, i) => makeEvent(`reason-${i}`, `message-${i}`, makeObjectReference('Pod', `pod-${i}`, `ns-${i}`)));

const makeSimilarEvents = (num: number, template: CorrelatedEvent, messagePrefix: string): CorrelatedEvent[] =>
  makeEvents(num, template).map((e, i) => ({ ...e, message: `${messagePrefix}-${i}-${e.message}` }));

/** One EventCorrelate call with upstream's string keys. */
function correlate(c: EventCorrelator<string, string, string>, e: CorrelatedEvent, now: number): CorrelateResult {
  const [aggregateKey, localKey] = eventAggregatorByReasonFunc(e);
  return c.eventCorrelate({ eventKey: getEventKey(e), aggregateKey, localKey, spamKey: spamKey(`${e.involvedObject.namespace}/${e.involvedObject.name}`, e.type, 33) }, now);
}

describe('TestEventAggregatorByReasonFunc (events_cache_test.go)', () => {
  it('two events that vary only by message have one aggregate key and two local keys; another reason another aggregate key', () => {
    const event1 = makeEvent('end-of-world', 'it was fun', makeObjectReference('Pod', 'pod1', 'other'));
    const event2 = makeEvent('end-of-world', 'it was awful', makeObjectReference('Pod', 'pod1', 'other'));
    const event3 = makeEvent('nevermind', 'it was a bug', makeObjectReference('Pod', 'pod1', 'other'));
    const [aggKey1, localKey1] = eventAggregatorByReasonFunc(event1);
    const [aggKey2, localKey2] = eventAggregatorByReasonFunc(event2);
    const [aggKey3] = eventAggregatorByReasonFunc(event3);
    expect(aggKey1).toBe(aggKey2);
    expect(localKey1).not.toBe(localKey2);
    expect(aggKey1).not.toBe(aggKey3);
    expect(localKey1).toBe('it was fun');
  });

  it('the aggregate key has no fieldPath (a pod\'s containers are one group), getEventKey has it; another type is another group', () => {
    const a = makeEvent('Created', 'Created container a', { ...makeObjectReference('Pod', 'web', 'default'), fieldPath: 'spec.containers{a}' });
    const b = { ...a, involvedObject: { ...a.involvedObject, fieldPath: 'spec.containers{b}' } };
    expect(eventAggregatorByReasonFunc(a)[0]).toBe(eventAggregatorByReasonFunc(b)[0]);
    expect(getEventKey(a)).not.toBe(getEventKey(b));
    expect(eventAggregatorByReasonFunc({ ...a, type: 'Warning' })[0]).not.toBe(eventAggregatorByReasonFunc(a)[0]);
  });
});

describe('TestEventAggregatorByReasonMessageFunc (events_cache_test.go)', () => {
  it('the aggregate message is the event\'s message after "(combined from similar events): "', () => {
    const event1 = makeEvent('end-of-world', 'it was fun', makeObjectReference('Pod', 'pod1', 'other'));
    const actual = eventAggregatorByReasonMessageFunc(event1);
    expect(actual.startsWith('(combined from similar events): ')).toBe(true);
    expect(actual).toBe(`${AGGREGATE_MESSAGE_PREFIX}it was fun`);
  });
});

describe('TestEventCorrelator (events_cache_test.go)', () => {
  const firstEvent = makeEvent('first', 'i am first', makeObjectReference('Pod', 'my-pod', 'my-ns'));
  const duplicateEvent = makeEvent('duplicate', 'me again', makeObjectReference('Pod', 'my-pod', 'my-ns'));
  const uniqueEvent = makeEvent('unique', 'snowflake', makeObjectReference('Pod', 'my-pod', 'my-ns'));
  const similarEvent = makeEvent('similar', 'similar message', { ...makeObjectReference('Pod', 'my-pod', 'my-ns'), fieldPath: 'spec.containers{container1}' });
  const similarButDifferentContainerEvent = { ...similarEvent, involvedObject: { ...similarEvent.involvedObject, fieldPath: 'spec.containers{container2}' } };

  interface Row { previousEvents: CorrelatedEvent[]; newEvent: CorrelatedEvent; intervalSeconds: number; expected: { count: number; aggregated: boolean } | 'skip' }
  const scenario: Record<string, Row> = {
    'create-a-single-event': { previousEvents: [], newEvent: firstEvent, expected: { count: 1, aggregated: false }, intervalSeconds: 5 },
    'the-same-event-should-just-count': { previousEvents: makeEvents(1, duplicateEvent), newEvent: duplicateEvent, expected: { count: 2, aggregated: false }, intervalSeconds: 5 },
    'the-same-event-should-just-count-even-if-more-than-aggregate': {
      previousEvents: makeEvents(DEFAULT_AGGREGATE_MAX_EVENTS, duplicateEvent), newEvent: duplicateEvent, expected: { count: DEFAULT_AGGREGATE_MAX_EVENTS + 1, aggregated: false }, intervalSeconds: 30,
    },
    'the-same-event-is-spam-if-happens-too-frequently': { previousEvents: makeEvents(SPAM_BURST + 1, duplicateEvent), newEvent: duplicateEvent, expected: 'skip', intervalSeconds: 1 },
    'create-many-unique-events': { previousEvents: makeUniqueEvents(30), newEvent: uniqueEvent, expected: { count: 1, aggregated: false }, intervalSeconds: 5 },
    'similar-events-should-aggregate-event': {
      previousEvents: makeSimilarEvents(DEFAULT_AGGREGATE_MAX_EVENTS - 1, similarEvent, similarEvent.message), newEvent: similarEvent, expected: { count: 1, aggregated: true }, intervalSeconds: 5,
    },
    'similar-events-many-times-should-count-the-aggregate': {
      previousEvents: makeSimilarEvents(DEFAULT_AGGREGATE_MAX_EVENTS, similarEvent, similarEvent.message), newEvent: similarEvent, expected: { count: 2, aggregated: true }, intervalSeconds: 5,
    },
    'events-from-different-containers-do-not-aggregate': {
      previousEvents: makeEvents(1, similarButDifferentContainerEvent), newEvent: similarEvent, expected: { count: 1, aggregated: false }, intervalSeconds: 5,
    },
    'similar-events-whose-interval-is-greater-than-aggregate-interval-do-not-aggregate': {
      previousEvents: makeSimilarEvents(DEFAULT_AGGREGATE_MAX_EVENTS - 1, similarEvent, similarEvent.message), newEvent: similarEvent, expected: { count: 1, aggregated: false }, intervalSeconds: DEFAULT_AGGREGATE_INTERVAL_SECONDS,
    },
  };

  it.each(Object.entries(scenario))('%s [10.7]', (_name, input) => {
    const c = new EventCorrelator<string, string, string>(new EventNames());
    const step = 3 * input.intervalSeconds;
    input.previousEvents.forEach((e, i) => correlate(c, e, i * step));
    const first = input.previousEvents.length * step;
    const result = correlate(c, input.newEvent, first);
    if (input.expected === 'skip') {
      expect(result.skip).toBe(true);
      return;
    }
    expect(result).toMatchObject({ skip: false, aggregated: input.expected.aggregated });
    expect(result.log.count).toBe(input.expected.count);
    // validateEvent: FirstTimestamp = LastTimestamp exactly when Count is 1
    expect(result.log.first === first).toBe(input.expected.count === 1);
  });
});

describe('EventCorrelate: aggregate, then observe, then the spam filter (events_cache.go, 00080d40 and client-go v0.34.3)', () => {
  const pod = makeObjectReference('Pod', 'web', 'default');
  const message = (i: number) => makeEvent('Unhealthy', `Readiness probe failed: ${i}`, pod);

  it('an occurrence the spam filter skips was aggregated and counted: past the burst, the aggregate keeps counting', () => {
    const c = new EventCorrelator<string, string, string>(new EventNames());
    // 25 identical events drain the pod's bucket (1 s apart: no token back), then 9 new messages
    for (let i = 0; i < SPAM_BURST; i++) expect(correlate(c, message(0), i).skip).toBe(false);
    const results = Array.from({ length: DEFAULT_AGGREGATE_MAX_EVENTS + 1 }, (_, i) => correlate(c, message(i + 1), SPAM_BURST + i));
    expect(results.every((r) => r.skip)).toBe(true);
    expect(results.map((r) => r.aggregated)).toEqual([...Array<boolean>(DEFAULT_AGGREGATE_MAX_EVENTS - 2).fill(false), true, true, true]);
    expect(results.at(-1)!.log.count).toBe(3);
  });

  it('EventAggregate: an event exactly 600 s after the group\'s last one is still in the group; more than 600 s starts a fresh set', () => {
    const a = new EventAggregator<string, number>();
    for (let i = 0; i < DEFAULT_AGGREGATE_MAX_EVENTS - 1; i++) expect(a.eventAggregate('g', i, i * DEFAULT_AGGREGATE_INTERVAL_SECONDS)).toBe(false);
    const last = (DEFAULT_AGGREGATE_MAX_EVENTS - 2) * DEFAULT_AGGREGATE_INTERVAL_SECONDS;
    expect(a.eventAggregate('g', 100, last + DEFAULT_AGGREGATE_INTERVAL_SECONDS)).toBe(true);
    const b = new EventAggregator<string, number>();
    for (let i = 0; i < DEFAULT_AGGREGATE_MAX_EVENTS - 1; i++) b.eventAggregate('g', i, i);
    expect(b.eventAggregate('g', 100, DEFAULT_AGGREGATE_MAX_EVENTS - 2 + DEFAULT_AGGREGATE_INTERVAL_SECONDS + 0.001)).toBe(false);
  });

  it('PopAny (upstream: a Go map\'s random pick; here: the message longest in the set leaves): after the 10th, a repeat of the 1st is combined, a repeat of the 2nd is a plain event again', () => {
    const a = new EventAggregator<string, number>();
    for (let i = 1; i <= DEFAULT_AGGREGATE_MAX_EVENTS; i++) a.eventAggregate('g', i, i);
    expect(a.eventAggregate('g', 2, 20)).toBe(false); // still in the set: 9 messages, under maxEvents
    expect(a.eventAggregate('g', 1, 21)).toBe(true); // popped at the 10th: new again, the set full again
    expect(a.eventAggregate('g', DEFAULT_AGGREGATE_MAX_EVENTS, 22)).toBe(false); // the 10th stayed
  });

  it('aggregate groups are per pod, type and reason: another reason or another pod starts its own set', () => {
    const c = new EventCorrelator<string, string, string>(new EventNames());
    for (let i = 0; i < DEFAULT_AGGREGATE_MAX_EVENTS - 1; i++) correlate(c, message(i), i * 10);
    expect(correlate(c, makeEvent('BackOff', 'other', pod), 100).aggregated).toBe(false);
    expect(correlate(c, makeEvent('Unhealthy', 'x', makeObjectReference('Pod', 'db', 'default')), 101).aggregated).toBe(false);
    expect(correlate(c, { ...message(99), type: 'Warning' }, 102).aggregated).toBe(false);
    expect(correlate(c, message(99), 103)).toMatchObject({ aggregated: true, log: { count: 1, first: 103 } });
  });

  it('eventObserve names an event at its first occurrence (skipped or not), an aggregate at its first aggregation; a repeat keeps the name', () => {
    const names = new EventNames();
    const c = new EventCorrelator<string, string, string>(names);
    const named = Array.from({ length: DEFAULT_AGGREGATE_MAX_EVENTS - 1 }, (_, i) => correlate(c, message(i), i).log.name);
    const aggregate = correlate(c, message(50), 20).log.name;
    expect(aggregate).toBeGreaterThan(Math.max(...named));
    expect(correlate(c, message(51), 21).log.name).toBe(aggregate);
    // message 5 is still in the aggregate set (messages 0 and 1 left it): a plain repeat
    expect(correlate(c, message(5), 22)).toMatchObject({ aggregated: false, log: { name: named[5], count: 2, first: 5 } });
    // a new correlator (a kubelet that starts again) names its events anew, after the old ones
    expect(correlate(new EventCorrelator(names), message(0), 30).log).toMatchObject({ count: 1, first: 30 });
    expect(names.name()).toBeGreaterThan(aggregate + 1);
  });
});
