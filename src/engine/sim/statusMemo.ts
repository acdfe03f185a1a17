// What a status write reuses and compares (issue 16): a container's status found at its spec
// position, derived values remembered with the very lists they came from, and written conditions
// compared without their whys. Used by status.ts and probePatch.ts.

import type { ContainerStatus, PodCondition } from '../api';
import type { PhaseStatuses, StatusIndex } from '../kubelet/getPhase';
import type { PodSim } from './podSim';
import type { Remembered } from './statusManager';

/** The pod's spec as the deciders read it, made once per simulated pod (the spec does not change during a run; they only read it). */
export function specForStatus(sim: PodSim) {
  let spec = specsByPod.get(sim);
  if (spec === undefined) {
    spec = { ...sim.pod, initContainers: sim.pod.initContainers, containers: sim.pod.containers };
    specsByPod.set(sim, spec);
  }
  return spec;
}

const specsByPod = new WeakMap<PodSim, PodSim['pod']>();

interface Position {
  main: boolean;
  at: number;
}

/** Each container's position in its spec list, per simulated pod (the spec does not change during a run). */
const positionsByPod = new WeakMap<PodSim, Map<string, Position>>();

export function positions(sim: PodSim): Map<string, Position> {
  let byName = positionsByPod.get(sim);
  if (!byName) {
    byName = new Map();
    sim.pod.initContainers.forEach((c, at) => byName!.set(c.name, { main: false, at }));
    sim.pod.containers.forEach((c, at) => byName!.set(c.name, { main: true, at }));
    positionsByPod.set(sim, byName);
  }
  return byName;
}

/**
 * The simulator's status lists follow the spec's lists and names are unique in a pod, so a
 * container's status is found at its position, with no map built at every write. The deciders
 * walk the spec lists in order, so the position after the last one found is tried first.
 */
class StatusesByPosition implements StatusIndex {
  private nextInit = 0;
  private nextMain = 0;

  constructor(private readonly byName: Map<string, Position>, private readonly st: PhaseStatuses) {}

  get(name: string): ContainerStatus | undefined {
    const { initContainerStatuses: init, containerStatuses: main } = this.st;
    const guessInit = this.nextInit < init.length ? init[this.nextInit]! : undefined;
    if (guessInit !== undefined && guessInit.name === name) {
      this.nextInit++;
      return guessInit;
    }
    const guessMain = this.nextMain < main.length ? main[this.nextMain]! : undefined;
    if (guessMain !== undefined && guessMain.name === name) {
      this.nextMain++;
      return guessMain;
    }
    const p = this.byName.get(name);
    const s = p && (p.main ? main : init)[p.at];
    if (s?.name === name) {
      if (p!.main) this.nextMain = p!.at + 1;
      else this.nextInit = p!.at + 1;
      return s;
    }
    return init.find((x) => x.name === name) ?? main.find((x) => x.name === name);
  }
}

export function statusesByPosition(sim: PodSim, st: PhaseStatuses): StatusIndex {
  return new StatusesByPosition(positions(sim), st);
}

/** Whether a remembered value was computed from these very lists and other inputs. */
export function holds<T>(memo: Remembered<T> | undefined, st: PhaseStatuses, key: string | number): memo is Remembered<T> {
  return memo !== undefined && memo.init === st.initContainerStatuses && memo.main === st.containerStatuses && memo.key === key;
}

export function remember<T>(st: PhaseStatuses, key: string | number, value: T): Remembered<T> {
  return { init: st.initContainerStatuses, main: st.containerStatuses, key, value };
}

/** The written condition of this type has the same status, reason and message (or is absent, as the patch leaves it). */
export function sameCondition(written: readonly PodCondition[], fresh: PodCondition): boolean {
  const old = written.find((c) => c.type === fresh.type);
  return old === undefined || (old.status === fresh.status && old.reason === fresh.reason && old.message === fresh.message);
}

/** The condition without its why: a new object with PodCondition's fields written one by one (no rest copy). */
export function stripWhy(c: PodCondition & { why?: string }): PodCondition {
  return copyCondition(c);
}

/** A copy of a written condition's fields (publish sets lastTransitionTime on the copy, never on the original). */
export function copyCondition(c: PodCondition): PodCondition {
  const out: PodCondition = { type: c.type, status: c.status };
  if (c.reason !== undefined) out.reason = c.reason;
  if (c.message !== undefined) out.message = c.message;
  if (c.lastTransitionTime !== undefined) out.lastTransitionTime = c.lastTransitionTime;
  return out;
}
