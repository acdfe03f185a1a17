// Starting one container inside SyncPod ([0.3]: everything blocks): back-off check, image pull,
// create, start, then postStart, which holds the sync until it returns ([3.2]–[3.4], [4.5]).

import type { Proc } from './kernel';
import type { PodSim } from './podSim';
import { newest } from './model';
import { createInstance, startProcess } from './process';
import { killContainer } from './kill';
import { CONTAINER_CREATE, CONTAINER_START, PULL_CHECK, PULL_FAILURE } from './timing';

export interface StartOutcome {
  ok: boolean;
  /** When a start refused by CrashLoopBackOff may be tried again. */
  retryAt?: number;
}

const fmt = (s: number) => (s >= 60 && s % 60 === 0 ? `${s / 60}m0s` : s >= 60 ? `${Math.floor(s / 60)}m${s % 60}s` : `${s}s`);

function backoffKey(name: string, image: string): string {
  return `${name}@${image}`;
}

function* pullImage(sim: PodSim, name: string): Proc<StartOutcome | null> {
  const rec = sim.rec(name);
  const image = rec.image;
  const present = sim.pulledImages.has(image);
  const policy = rec.spec.imagePullPolicy;
  if (policy === 'Never' || (present && policy === 'IfNotPresent')) return null;
  if (sim.pullBackoff.inBackOff(image, sim.now)) {
    rec.startError = { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` };
    return { ok: false };
  }
  sim.emit({
    type: 'container.pulling', container: name, image,
    why: present ? '[0.3] imagePullPolicy Always: the kubelet checks the registry before every start.' : `[0.3] The image ${image} is not on the node yet: the kubelet pulls it, and the sync waits.`,
  });
  if (sim.faults.pullFails(name, sim.now)) {
    yield { sleep: PULL_FAILURE };
    sim.pullBackoff.failed(image, sim.now);
    rec.startError = { reason: 'ErrImagePull', message: `failed to pull and unpack image "${image}"` };
    sim.emit({ type: 'fault', do: 'failPull', container: name, image, why: `The pull of ${image} fails (an injected failPull): ErrImagePull, then ImagePullBackOff on the next tries [10.2].` });
    return { ok: false };
  }
  const b = sim.scenario.sim.behaviors[name]!;
  yield { sleep: present ? Math.min(PULL_CHECK, b.pull) : b.pull };
  sim.pullBackoff.succeeded(image);
  sim.pulledImages.add(image);
  sim.emit({ type: 'container.pulled', container: name, image, why: `The image ${image} is on the node.` });
  return null;
}

/** Upstream start(): returns when the container runs and its postStart hook (if any) has returned. */
export function* startContainer(sim: PodSim, name: string, why: string): Proc<StartOutcome> {
  const rec = sim.rec(name);
  const last = newest(rec);
  const key = backoffKey(name, rec.image);
  if (last && last.state === 'exited' && last.finishedAt !== undefined) {
    if (sim.backoff.isInBackOffSince(key, last.finishedAt, sim.now)) {
      const delay = sim.backoff.get(key);
      rec.startError = {
        reason: 'CrashLoopBackOff',
        message: `back-off ${fmt(delay)} restarting failed container=${name} pod=${sim.pod.name}_${sim.pod.namespace}`,
      };
      if (sim.backoffAnnounced.get(name) !== last) {
        sim.backoffAnnounced.set(name, last);
        sim.emit({
          type: 'container.backoff', container: name, delay,
          why: `[4.5] ${name} exited at ${last.finishedAt}s and restarted before, so it waits ${delay}s (CrashLoopBackOff) before the next start.`,
        });
      }
      return { ok: false, retryAt: last.finishedAt + delay };
    }
    sim.backoff.next(key, last.finishedAt, sim.now);
  }

  const pulled = yield* pullImage(sim, name);
  if (pulled) return pulled;

  yield { sleep: CONTAINER_CREATE };
  if (sim.deletion) return { ok: false };
  const inst = createInstance(sim, name);
  yield { sleep: CONTAINER_START };
  rec.startError = undefined;
  startProcess(sim, inst, why);

  const hook = rec.spec.postStart;
  if (!hook) return { ok: true };
  const hb = inst.behavior.postStart;
  const duration = hook.handler === 'sleep' ? hook.sleepSeconds ?? 0 : hb.duration;
  sim.hooks.set(inst, 'postStart');
  sim.emit({ type: 'hook.start', container: name, hook: 'postStart', why: '[3.3] The postStart hook runs right after the start, and the kubelet waits for it before starting anything else.' });
  if (duration === null) {
    yield { until: () => false };
    return { ok: false };
  }
  yield hook.handler === 'sleep' ? { sleep: duration } : { until: () => inst.state !== 'running', timeout: duration }; // [11.4] a sleep outlives its container
  if (sim.hooks.get(inst) !== 'postStart') return { ok: inst.state === 'running' };
  sim.hooks.delete(inst);
  const code = hook.handler === 'sleep' ? 0 : hb.exitCode;
  sim.emit({ type: 'hook.end', container: name, hook: 'postStart', exitCode: code, why: code === 0 ? 'The postStart hook returned; the sync goes on [3.3].' : `The postStart hook failed with ${code} [3.4].` });
  if (code === 0) return { ok: true };
  rec.startError = { reason: 'PostStartHookError', message: `PostStartHook failed` };
  yield* killContainer(sim, name, 'FailedPostStartHook', sim.specGrace(), false,
    `[3.4] The postStart hook of ${name} failed (FailedPostStartHook): the kubelet kills the container; it then follows the restart rules.`);
  return { ok: false };
}
