// Which trace events caused which: a small, rule-by-rule reading of the trace, so a click on an
// event can light up what led to it and what it led to. Each rule names the kubelet behaviour it
// mirrors (kubelet-semantics.md). Links only point back in time (or to the same instant).

import type { Trace, TraceContainer, TraceEvent } from '../../engine/trace';

export interface Causality {
  /** causes[i]: indices of the events that made event i happen. */
  causes: number[][];
  /** effects[i]: indices of the events event i made happen. */
  effects: number[][];
}

type Ev = TraceEvent & { container?: string };

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

export function buildCausality(trace: Pick<Trace, 'events' | 'containers'>): Causality {
  const events = trace.events as Ev[];
  const causes: number[][] = events.map(() => []);
  /** Per container, the indices of its events so far (in order). */
  const seen = new Map<string, number[]>();
  const podSeen: number[] = [];
  const byName = new Map(trace.containers.map((c) => [c.name, c]));

  const lastOf = (name: string | undefined, pred: (e: Ev) => boolean, since = -1): number | undefined => {
    const list = name === undefined ? podSeen : seen.get(name) ?? [];
    for (let k = list.length - 1; k >= 0; k--) {
      const j = list[k]!;
      if (j <= since) return undefined;
      if (pred(events[j]!)) return j;
    }
    return undefined;
  };
  const lastStart = (name: string) => lastOf(name, (e) => e.type === 'container.start');
  const deletedAt = () => lastOf(undefined, (e) => e.type === 'pod.deleted');

  /** The event that let container c start or pull: its predecessor's exit 0 or start-up [2.1, 2.2]. */
  const gate = (c: TraceContainer): number | undefined => {
    for (const p of predecessor(trace.containers, c)) {
      const j = p.kind === 'init'
        ? lastOf(p.name, (e) => e.type === 'container.exit' && e.exitCode === 0)
        : lastOf(p.name, (e) => e.type === 'container.started');
      if (j !== undefined) return j;
    }
    return undefined;
  };

  events.forEach((e, i) => {
    const name = containerOf(e);
    const add = (j: number | undefined) => {
      if (j !== undefined && j !== i && !causes[i]!.includes(j)) causes[i]!.push(j);
    };
    const sameInstant = (pred: (x: Ev) => boolean) => lastOf(name, (x) => x.t === e.t && pred(x));
    const c = name ? byName.get(name) : undefined;

    switch (e.type) {
      case 'container.pulling':
        if (c) add(gate(c));
        break;
      case 'container.start': {
        if (!name || !c) break;
        const prev = lastOf(name, () => true);
        const p = prev !== undefined ? events[prev]! : undefined;
        if (p?.type === 'container.backoff' || p?.type === 'container.pulled') add(prev);
        else if (p?.type === 'container.waiting') add(lastOf(name, (x) => x.type === 'container.backoff' || x.type === 'container.pulled'));
        if (e.attempt > 0) add(lastOf(name, (x) => x.type === 'container.exit'));
        else if (p?.type !== 'container.pulled') add(gate(c));
        break;
      }
      case 'container.up':
        if (name) add(lastStart(name));
        break;
      case 'container.started':
        if (name) add(lastOf(name, (x) => x.type === 'probe.result' && x.probe === 'startup' && x.result === 'success', lastStart(name) ?? -1) ?? lastOf(name, (x) => x.type === 'container.up' || x.type === 'container.start'));
        break;
      case 'container.ready':
        if (name) add(lastOf(name, (x) => (x.type === 'probe.result' && x.probe === 'readiness' && x.result === 'success') || x.type === 'container.started' || x.type === 'container.exit'));
        break;
      case 'container.unready':
        if (name) add(lastOf(name, (x) => (x.type === 'probe.result' && x.probe === 'readiness' && x.result === 'failure') || x.type === 'container.exit' || x.type === 'container.kill'));
        break;
      case 'container.kill': {
        if (!name) break;
        if (e.reason === 'LivenessProbe' || e.reason === 'StartupProbe') {
          const probe = e.reason === 'LivenessProbe' ? 'liveness' : 'startup';
          add(lastOf(name, (x) => x.type === 'probe.result' && x.probe === probe && x.result === 'failure'));
        } else if (e.reason === 'SpecChanged') {
          add(lastOf(name, (x) => x.type === 'fault' && x.do === 'setImage'));
        } else {
          const d = deletedAt();
          if (d !== undefined) add(d);
          else {
            // The pod is done [8.1c]: the last main container's exit let the kubelet kill the rest.
            let best: number | undefined;
            for (const m of trace.containers.filter((x) => x.kind === 'main')) {
              const j = lastOf(m.name, (x) => x.type === 'container.exit');
              if (j !== undefined && (best === undefined || j > best)) best = j;
            }
            add(best);
          }
        }
        break;
      }
      case 'hook.start':
        if (name) add(e.hook === 'preStop' ? lastOf(name, (x) => x.type === 'container.kill') : lastStart(name));
        break;
      case 'hook.end':
        if (name) add(lastOf(name, (x) => x.type === 'hook.start' && x.hook === e.hook));
        break;
      case 'container.signal': {
        if (!name) break;
        const kill = lastOf(name, (x) => x.type === 'container.kill');
        const hook = lastOf(name, (x) => x.type === 'hook.end' && x.hook === 'preStop', kill ?? -1);
        if (e.signal === 'SIGKILL') add(lastOf(name, (x) => x.type === 'container.signal', kill ?? -1));
        add(hook ?? kill);
        break;
      }
      case 'container.exit': {
        if (!name) break;
        const start = lastStart(name) ?? -1;
        const fault = sameInstant((x) => x.type === 'fault');
        const signal = lastOf(name, (x) => x.type === 'container.signal', start);
        add(fault ?? signal ?? (start >= 0 ? start : undefined));
        break;
      }
      case 'container.backoff':
        if (name) add(lastOf(name, (x) => x.type === 'container.exit'));
        break;
      case 'container.waiting':
        if (name) add(sameInstant((x) => x.type !== 'container.waiting') ?? lastOf(name, (x) => x.type === 'container.backoff' && x.t <= e.t && e.t - x.t < 2));
        break;
      case 'probe.result':
        if (name && e.result === 'failure') add(lastOf(name, (x) => x.type === 'fault' && x.do === `fail${e.probe[0]!.toUpperCase()}${e.probe.slice(1)}`));
        if (name && e.result === 'failure' && e.probe === 'readiness') add(sameInstant((x) => x.type === 'container.exit') ?? lastOf(name, (x) => x.type === 'container.exit' && e.t - x.t <= 2 && x.t <= e.t));
        break;
      case 'pod.phase':
      case 'pod.condition':
      case 'pod.kubectl': {
        // A status write shows what changed since the last one [7]: the container events of that instant.
        for (let j = i - 1; j >= 0 && events[j]!.t === e.t && causes[i]!.length < 4; j--) {
          const x = events[j]!;
          if (containerOf(x) !== undefined && x.type !== 'container.waiting') add(j);
        }
        if (e.type !== 'pod.kubectl' && causes[i]!.length === 0) add(deletedAt());
        break;
      }
      default:
        break;
    }

    if (name) {
      const list = seen.get(name) ?? [];
      list.push(i);
      seen.set(name, list);
    } else {
      podSeen.push(i);
    }
  });

  const effects: number[][] = events.map(() => []);
  causes.forEach((cs, i) => cs.forEach((j) => effects[j]!.push(i)));
  return { causes, effects };
}
