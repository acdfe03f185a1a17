// Which trace events caused which: a small, rule-by-rule reading of the trace, so a click on an
// event can light up what led to it and what it led to. Each rule names the kubelet behaviour it
// mirrors (docs/kubelet-rules.md). Links only point back in time (or to the same instant).
// One pass, constant work per event: each rule asks for "the latest event of this kind", kept in
// a table as the pass goes (a 50,000-event trace takes milliseconds, not seconds).

import type { Trace, TraceContainer, TraceEvent } from '../../engine/trace';

export interface Causality {
  /** causes[i]: indices of the events that made event i happen. */
  causes: number[][];
  /** effects[i]: indices of the events event i made happen. */
  effects: number[][];
}

const containerOf = (e: TraceEvent): string | undefined => ('container' in e ? e.container : undefined);

/** The container that must be done (init) or started (sidecar) before `c` starts, in spec order. */
function predecessor(containers: readonly TraceContainer[], c: TraceContainer): TraceContainer[] {
  const initList = containers.filter((x) => x.kind !== 'main').sort((a, b) => a.index - b.index);
  if (c.kind !== 'main') {
    const i = initList.findIndex((x) => x.name === c.name);
    return i > 0 ? [initList[i - 1]!] : [];
  }
  return initList.length ? [initList.at(-1)!] : [];
}

/** The kinds an event is filed under: its type, and the refinements the rules ask about. */
function kindsOf(e: TraceEvent): string[] {
  const kinds: string[] = [e.type];
  if (e.type !== 'container.waiting') kinds.push('any-but-waiting');
  switch (e.type) {
    case 'container.exit':
      if (e.exitCode === 0) kinds.push('container.exit:0');
      break;
    case 'fault':
      kinds.push(`fault:${e.do}`);
      break;
    case 'probe.result':
      kinds.push(`probe.result:${e.probe}:${e.result}`);
      break;
    case 'hook.start':
    case 'hook.end':
      kinds.push(`${e.type}:${e.hook}`);
      break;
    default:
      break;
  }
  return kinds;
}

/** The latest event of each kind so far, per container (undefined: the pod's own events). */
class History {
  private readonly latestOf = new Map<string, number>();
  private readonly lastEvent = new Map<string | undefined, number>();

  record(name: string | undefined, i: number, e: TraceEvent): void {
    for (const kind of kindsOf(e)) this.latestOf.set(`${name ?? ''}\u0000${kind}`, i);
    this.lastEvent.set(name, i);
  }

  /** The latest event of the container of any of these kinds, after index `since`. */
  latest(name: string | undefined, kinds: readonly string[], since = -1): number | undefined {
    let best: number | undefined;
    for (const kind of kinds) {
      const j = this.latestOf.get(`${name ?? ''}\u0000${kind}`);
      if (j !== undefined && j > since && (best === undefined || j > best)) best = j;
    }
    return best;
  }

  /** The container's previous event, whatever it was. */
  last(name: string | undefined): number | undefined {
    return this.lastEvent.get(name);
  }
}

export function buildCausality(trace: Pick<Trace, 'events' | 'containers'>): Causality {
  const events = trace.events;
  const causes: number[][] = events.map(() => []);
  const history = new History();
  const byName = new Map(trace.containers.map((c) => [c.name, c]));
  const mains = trace.containers.filter((x) => x.kind === 'main');

  const latest = (name: string | undefined, ...kinds: string[]) => history.latest(name, kinds);
  const lastStart = (name: string) => latest(name, 'container.start');
  /** The latest event of these kinds no more than `within` seconds before t (0: the same instant). */
  const recent = (name: string, t: number, within: number, ...kinds: string[]) => {
    const j = latest(name, ...kinds);
    return j !== undefined && events[j]!.t <= t && t - events[j]!.t <= within ? j : undefined;
  };

  /** The event that let container c start or pull: its predecessor's exit 0 or start-up [2.1, 2.2]. */
  const gate = (c: TraceContainer): number | undefined => {
    for (const p of predecessor(trace.containers, c)) {
      const j = p.kind === 'init' ? latest(p.name, 'container.exit:0') : latest(p.name, 'container.started');
      if (j !== undefined) return j;
    }
    return undefined;
  };

  events.forEach((e, i) => {
    const name = containerOf(e);
    const add = (j: number | undefined) => {
      if (j !== undefined && j !== i && !causes[i]!.includes(j)) causes[i]!.push(j);
    };
    const c = name ? byName.get(name) : undefined;

    switch (e.type) {
      case 'container.pulling':
        if (c) add(gate(c));
        break;
      case 'container.start': {
        if (!name || !c) break;
        const prev = history.last(name);
        const p = prev !== undefined ? events[prev]! : undefined;
        if (p?.type === 'container.backoff' || p?.type === 'container.pulled') add(prev);
        else if (p?.type === 'container.waiting') add(latest(name, 'container.backoff', 'container.pulled'));
        if (e.attempt > 0) add(latest(name, 'container.exit'));
        else if (p?.type !== 'container.pulled') add(gate(c));
        break;
      }
      case 'container.up':
        if (name) add(lastStart(name));
        break;
      case 'container.started':
        if (name) add(history.latest(name, ['probe.result:startup:success'], lastStart(name) ?? -1) ?? latest(name, 'container.up', 'container.start'));
        break;
      case 'container.ready':
        if (name) add(latest(name, 'probe.result:readiness:success', 'container.started', 'container.exit'));
        break;
      case 'container.unready':
        if (name) add(latest(name, 'probe.result:readiness:failure', 'container.exit', 'container.kill'));
        break;
      case 'container.kill': {
        if (!name) break;
        if (e.reason === 'LivenessProbe' || e.reason === 'StartupProbe') {
          add(latest(name, `probe.result:${e.reason === 'LivenessProbe' ? 'liveness' : 'startup'}:failure`));
        } else if (e.reason === 'SpecChanged') {
          add(latest(name, 'fault:setImage'));
        } else {
          const d = latest(undefined, 'pod.deleted');
          if (d !== undefined) add(d);
          else {
            // The pod is done [8.1c]: the last main container's exit let the kubelet kill the rest.
            let best: number | undefined;
            for (const m of mains) {
              const j = latest(m.name, 'container.exit');
              if (j !== undefined && (best === undefined || j > best)) best = j;
            }
            add(best);
          }
        }
        break;
      }
      case 'hook.start':
        if (name) add(e.hook === 'preStop' ? latest(name, 'container.kill') : lastStart(name));
        break;
      case 'hook.end':
        if (name) add(latest(name, `hook.start:${e.hook}`));
        break;
      case 'container.signal': {
        if (!name) break;
        const kill = latest(name, 'container.kill');
        const hook = history.latest(name, ['hook.end:preStop'], kill ?? -1);
        if (e.signal === 'SIGKILL') add(history.latest(name, ['container.signal'], kill ?? -1));
        add(hook ?? kill);
        break;
      }
      case 'container.exit': {
        if (!name) break;
        const start = lastStart(name) ?? -1;
        const fault = recent(name, e.t, 0, 'fault');
        const signal = history.latest(name, ['container.signal'], start);
        add(fault ?? signal ?? (start >= 0 ? start : undefined));
        break;
      }
      case 'container.backoff':
        if (name) add(latest(name, 'container.exit'));
        break;
      case 'container.waiting':
        if (name) add(recent(name, e.t, 0, 'any-but-waiting') ?? recentWithin2s(name, e.t, 'container.backoff'));
        break;
      case 'probe.result':
        if (name && e.result === 'failure') add(latest(name, `fault:fail${e.probe[0]!.toUpperCase()}${e.probe.slice(1)}`));
        if (name && e.result === 'failure' && e.probe === 'readiness') add(recent(name, e.t, 0, 'container.exit') ?? recent(name, e.t, 2, 'container.exit'));
        break;
      case 'pod.phase':
      case 'pod.condition':
      case 'pod.kubectl': {
        // A status write shows what changed since the last one [7]: the container events of that instant.
        for (let j = i - 1; j >= 0 && events[j]!.t === e.t && causes[i]!.length < 4; j--) {
          const x = events[j]!;
          if (containerOf(x) !== undefined && x.type !== 'container.waiting') add(j);
        }
        if (e.type !== 'pod.kubectl' && causes[i]!.length === 0) add(latest(undefined, 'pod.deleted'));
        break;
      }
      default:
        break;
    }
    history.record(name, i, e);
  });

  /** A back-off announced less than 2 s before t (the waiting reason follows it). */
  function recentWithin2s(name: string, t: number, kind: string): number | undefined {
    const j = latest(name, kind);
    return j !== undefined && events[j]!.t <= t && t - events[j]!.t < 2 ? j : undefined;
  }

  const effects: number[][] = events.map(() => []);
  causes.forEach((cs, i) => cs.forEach((j) => effects[j]!.push(i)));
  return { causes, effects };
}
