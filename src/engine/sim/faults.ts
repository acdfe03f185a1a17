// The scenario's `events` (contract section 1): faults and actions at simulated times. Each one
// that takes effect leaves a `fault` event in the trace, with its why.

import type { SimEvent } from '../scenario/types';
import type { FaultEvent, ProbeKind } from '../trace';
import type { PodSim } from './podSim';
import { exitProcess } from './process';
import { deletePod } from './terminate';
import { killSandbox, recreateSandbox, restartKubelet } from './node';
import { restartKubeletDuringDeletion } from './restartDuringDeletion';
import { evictPod } from './eviction';
import { shutdownNode } from './nodeShutdown';

interface Window {
  from: number;
  to: number;
  /** A probe window's failing HTTP status ([5.13]), when the event gives one. */
  statusCode?: number;
  /** A pull window's error, when the event gives one ([10.9]). */
  message?: string;
}

/** Time windows during which a probe or a pull of a container fails. */
export class FaultWindows {
  /** Per container, per probe kind (asked at every probe run: no composed string keys). */
  private readonly probe = new Map<string, Partial<Record<ProbeKind, Window[]>>>();
  private readonly pull = new Map<string, Window[]>();
  /** Per container, per probe kind: the id of the latest fault event that made the probe fail (asked at every failed run). */
  private readonly probeFaultIds = new Map<string, Partial<Record<ProbeKind, string>>>();
  /** Per container: the id of the latest failPull fault event (a Never image's failed start cites it). */
  private readonly pullFaultIds = new Map<string, string>();

  notePullFault(container: string, id: string): void {
    this.pullFaultIds.set(container, id);
  }

  pullFaultId(container: string): string | undefined {
    return this.pullFaultIds.get(container);
  }

  noteProbeFault(container: string, kind: ProbeKind, id: string): void {
    let kinds = this.probeFaultIds.get(container);
    if (!kinds) this.probeFaultIds.set(container, (kinds = {}));
    kinds[kind] = id;
  }

  probeFaultId(container: string, kind: ProbeKind): string | undefined {
    return this.probeFaultIds.get(container)?.[kind];
  }

  addProbe(container: string, kind: ProbeKind, w: Window): void {
    let kinds = this.probe.get(container);
    if (!kinds) this.probe.set(container, (kinds = {}));
    kinds[kind] = [...(kinds[kind] ?? []), w];
  }

  addPull(container: string, w: Window): void {
    this.pull.set(container, [...(this.pull.get(container) ?? []), w]);
  }

  probeFails(container: string, kind: ProbeKind, t: number): boolean {
    const windows = this.probe.get(container)?.[kind];
    if (!windows) return false;
    for (let i = 0; i < windows.length; i++) { const w = windows[i]!; if (t >= w.from && t < w.to) return true; }
    return false;
  }

  /** The failing HTTP status the latest probe window covering t gives, if any ([5.13]). */
  probeStatusCode(container: string, kind: ProbeKind, t: number): number | undefined {
    const windows = this.probe.get(container)?.[kind];
    if (!windows) return undefined;
    for (let i = windows.length - 1; i >= 0; i--) {
      const w = windows[i]!;
      if (t >= w.from && t < w.to) return w.statusCode;
    }
    return undefined;
  }

  /** The first window start or end after t, if any. */
  nextProbeEdge(container: string, kind: ProbeKind, t: number): number | undefined {
    const windows = this.probe.get(container)?.[kind];
    let next: number | undefined;
    if (!windows) return next;
    for (let i = 0; i < windows.length; i++) { const w = windows[i]!;
      if (w.from > t && (next === undefined || w.from < next)) next = w.from;
      if (w.to > t && (next === undefined || w.to < next)) next = w.to;
    }
    return next;
  }

  pullFails(container: string, t: number): boolean {
    return (this.pull.get(container) ?? []).some((w) => t >= w.from && t < w.to);
  }

  /** The error the latest pull window covering t gives, if any ([10.9]). */
  pullError(container: string, t: number): string | undefined {
    const windows = this.pull.get(container) ?? [];
    for (let i = windows.length - 1; i >= 0; i--) {
      const w = windows[i]!;
      if (t >= w.from && t < w.to) return w.message;
    }
    return undefined;
  }
}

const PROBE_OF: Partial<Record<SimEvent['do'], ProbeKind>> = {
  failLiveness: 'liveness', failReadiness: 'readiness', failStartup: 'startup',
};

function forText(ev: SimEvent): string {
  return ev.for === undefined ? 'from now on' : `for ${ev.for}s`;
}

/** Registers the window a probe or pull fault is known to cover in advance. */
function registerWindow(sim: PodSim, ev: SimEvent): void {
  const to = ev.for === undefined ? Number.POSITIVE_INFINITY : ev.at + ev.for;
  const probe = PROBE_OF[ev.do];
  if (probe && ev.container) sim.faults.addProbe(ev.container, probe, ev.statusCode === undefined ? { from: ev.at, to } : { from: ev.at, to, statusCode: ev.statusCode });
  if (ev.do === 'failPull' && ev.container) sim.faults.addPull(ev.container, ev.message === undefined ? { from: ev.at, to } : { from: ev.at, to, message: ev.message });
}

/** Registers windows known in advance and schedules the rest at their times. */
export function scheduleFaults(sim: PodSim, events: SimEvent[]): void {
  for (const ev of events) {
    registerWindow(sim, ev);
    sim.k.at(ev.at, () => applyFault(sim, ev));
  }
}

/** Only the windows (a Job's pods: the Job delivers each event itself, to the pods it concerns). */
export function registerFaultWindows(sim: PodSim, events: SimEvent[]): void {
  for (const ev of events) registerWindow(sim, ev);
}

type FaultEventInput = Omit<FaultEvent, 't' | 'id' | 'cause'>;

/**
 * The fault event of an injected event, in the trace's key order: type, do, the container when
 * named, then exitCode, for and image where given, then why (built by property stores: no spreads).
 */
function faultEvent(ev: SimEvent, why: string, extra: { exitCode?: number; for?: number; image?: string }): FaultEventInput {
  const e = { type: 'fault', do: ev.do } as FaultEventInput;
  if (ev.container) e.container = ev.container;
  if (extra.exitCode !== undefined) e.exitCode = extra.exitCode;
  if (extra.for !== undefined) e.for = extra.for;
  if (extra.image !== undefined) e.image = extra.image;
  e.why = why;
  return e;
}

/**
 * What a failPull does: under imagePullPolicy Never the kubelet never pulls, so the window says the
 * image is not on the node, and a start in it fails with ErrImageNeverPull (start.ts neverPullFails).
 */
function failPullWhy(sim: PodSim, ev: SimEvent): string {
  const name = ev.container;
  if (name !== undefined && sim.rec(name).spec.imagePullPolicy === 'Never') {
    return `Injected: ${name}'s image is not on the node ${forText(ev)}. Its imagePullPolicy is Never, so the kubelet does not pull it: a start in this window fails with ErrImageNeverPull, tried again after the pod worker's error back-off, with no pull back-off [10.2] [0.2].`;
  }
  return `Injected: pulls of ${name}'s image fail ${forText(ev)} (ErrImagePull, then ImagePullBackOff) [10.2].`;
}

/** The kubelet is killing the pod itself ([8.15], [8.16]) and the kill is not over. */
function killUnderWay(sim: PodSim): boolean {
  return sim.kubeletKill !== undefined && !sim.kubeletKill.done;
}

export function applyFault(sim: PodSim, ev: SimEvent): void {
  if (sim.gone || sim.poweredOff) return; // [8.16] nothing happens on a node that powered off
  const name = ev.container;
  switch (ev.do) {
    case 'crash':
    case 'exit':
    case 'oomKill': {
      const inst = name ? sim.running(name) : undefined;
      // An oomKill's exitCode (default 137): the kernel may kill a child, and the main process exits as it will; the runtime still says OOMKilled.
      const code = ev.exitCode ?? (ev.do === 'oomKill' ? 137 : ev.do === 'crash' ? 1 : 0);
      if (!inst) {
        sim.emit(faultEvent(ev, `Injected ${ev.do}: ${name} is not running, so nothing happens.`, { exitCode: code }));
        return;
      }
      const id = sim.emit(faultEvent(ev, ev.do === 'oomKill'
        ? (code === 137 ? `Injected OOM kill: the kernel kills ${name} for exceeding its memory limit (exit 137, OOMKilled) [8.6].`
          : `Injected OOM kill: the kernel kills a process of ${name} for exceeding its memory limit; the main process then exits with code ${code}, and the runtime reports OOMKilled [8.6].`)
        : `Injected ${ev.do}: ${name}'s process exits with code ${code}.`, { exitCode: code }));
      exitProcess(sim, inst, code, ev.do === 'oomKill', `The process ends with code ${code} (injected ${ev.do}).`, undefined, [id]);
      return;
    }
    case 'failLiveness':
    case 'failReadiness':
    case 'failStartup': {
      const answers = ev.statusCode === undefined ? 'fails' : `answers HTTP ${ev.statusCode}`;
      const id = sim.emit(faultEvent(ev, `Injected: ${name}'s ${PROBE_OF[ev.do]} probe handler ${answers} ${forText(ev)}; the result changes only after failureThreshold failures [5.4].`, { for: ev.for }));
      if (name) sim.faults.noteProbeFault(name, PROBE_OF[ev.do]!, id);
      sim.probes.wake(name);
      return;
    }
    case 'failPull': {
      const id = sim.emit(faultEvent(ev, failPullWhy(sim, ev), { for: ev.for }));
      if (name) sim.faults.notePullFault(name, id);
      return;
    }
    case 'setImage':
      if (!name || !ev.image) return;
      if (sim.deletion) {
        sim.emit(faultEvent(ev, `[8.8] The pod is terminating: the image change of ${name} is ignored; nothing restarts during termination.`, { image: ev.image }));
        return;
      }
      sim.rec(name).image = ev.image;
      sim.containerChanged(name);
      sim.rec(name).imageChangeId = sim.emit(faultEvent(ev, `${name}'s image becomes ${ev.image}: its spec hash changes [1.8]. The pod update triggers a sync.`, { image: ev.image }));
      sim.requestSync();
      return;
    case 'deletePod':
      deletePod(sim, ev.gracePeriodSeconds);
      return;
    case 'restartKubelet':
    case 'recreateSandbox':
      if (killUnderWay(sim)) {
        sim.emit(faultEvent(ev, `[8.15] [8.16] A ${ev.do === 'restartKubelet' ? 'kubelet restart' : 'node reboot'} while the kubelet is killing the pod itself (an eviction or a node shutdown) is not simulated yet: the new kubelet would not know of that kill, and the engine does not model what it then finds. It has no effect here.`, {}));
        return;
      }
      if (ev.do === 'recreateSandbox') {
        if (!sim.deletion) recreateSandbox(sim);
        else restartKubeletDuringDeletion(sim, true); // [8.14]
        return;
      }
      if (!sim.deletion) restartKubelet(sim, ev.removeExitedContainers === true);
      else restartKubeletDuringDeletion(sim, false, ev.removeExitedContainers === true); // [8.14]
      return;
    case 'killSandbox':
      killSandbox(sim);
      return;
    case 'evictPod':
      evictPod(sim, ev);
      return;
    case 'shutdownNode':
      if (!sim.poweredOff) shutdownNode(sim);
      return;
    default:
      sim.emit(faultEvent(ev, `The ${ev.do} action is not simulated yet in this version of Sidecar Lab; it has no effect.`, {}));
  }
}
