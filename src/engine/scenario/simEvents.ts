// `events:` of the Simulation document: faults and actions at simulated times.

import { MAX_EVENTS } from './limits';
import { child, index, type Problems } from './problems';
import { checkKeys, readDuration, readExitCode, readFailingStatus, readNonNegativeInt, readPullError, readText } from './simFields';
import { didYouMean } from './suggest';
import type { SimAction, SimEvent } from './types';
import { present, startOf, type YMap } from './ynode';

export const SIM_ACTIONS: readonly SimAction[] = [
  'crash', 'exit', 'oomKill', 'failLiveness', 'failReadiness', 'failStartup', 'failPull',
  'setImage', 'deletePod', 'recreateSandbox', 'killSandbox', 'restartKubelet', 'evictPod', 'shutdownNode',
];

const POD_ACTIONS: readonly SimAction[] = ['deletePod', 'recreateSandbox', 'killSandbox', 'restartKubelet', 'evictPod', 'shutdownNode'];
const THRESHOLDS = ['hard', 'soft'] as const;
const WINDOW_ACTIONS: readonly SimAction[] = ['failLiveness', 'failReadiness', 'failStartup', 'failPull'];
const EXIT_ACTIONS: readonly SimAction[] = ['crash', 'exit', 'oomKill'];
const PROBE_ACTIONS: readonly SimAction[] = ['failLiveness', 'failReadiness', 'failStartup'];
const DEFAULT_EXIT: Partial<Record<SimAction, number>> = { crash: 1, exit: 0, oomKill: 137 };
/** Every field an event may have: the editor's schema lists exactly these (simulationSchema.test.ts). */
export const SIM_EVENT_KEYS = ['at', 'do', 'container', 'exitCode', 'for', 'statusCode', 'message', 'image', 'gracePeriodSeconds', 'removeExitedContainers', 'index', 'threshold'] as const;
export type SimEventKey = (typeof SIM_EVENT_KEYS)[number];

function isAction(s: string): s is SimAction {
  return (SIM_ACTIONS as readonly string[]).includes(s);
}

function readEvent(p: Problems, map: YMap, path: string, names: readonly string[]): SimEvent | undefined {
  const keys = checkKeys(p, map, path, SIM_EVENT_KEYS, 'an event');
  const get = (k: string) => keys.find((e) => e.key === k);
  let ok = true;

  const atE = get('at');
  let at = 0;
  if (!atE) { p.error(child(path, 'at'), 'Required value: when the event happens, e.g. at: 30s', startOf(map.span)); ok = false; }
  else {
    const v = readDuration(p, atE.value, child(path, 'at'));
    if (v === undefined) ok = false; else at = v;
  }

  const doE = get('do');
  let action: SimAction | undefined;
  if (!doE) { p.error(child(path, 'do'), `Required value: the action, one of ${SIM_ACTIONS.join(', ')}`, startOf(map.span)); ok = false; }
  else {
    const text = readText(p, doE.value, child(path, 'do'));
    if (text !== undefined && isAction(text)) action = text;
    else if (text !== undefined) {
      p.error(child(path, 'do'), `Unsupported value: ${JSON.stringify(text)}: supported values: ${SIM_ACTIONS.map((a) => JSON.stringify(a)).join(', ')}${didYouMean(text, SIM_ACTIONS)}`, doE.value.span);
    }
    if (!action) ok = false;
  }
  if (!ok || !action) {
    // Still check the other fields for their own problems.
    const ce = get('container');
    if (ce) readText(p, ce.value, child(path, 'container'));
    return undefined;
  }

  const ev: SimEvent = { at, do: action, pos: { line: map.span.line, col: map.span.col } };
  const ce = get('container');
  if (POD_ACTIONS.includes(action)) {
    if (ce) p.warning(child(path, 'container'), `${action} acts on the whole pod; container is ignored`, ce.keySpan);
  } else if (!ce) {
    p.error(child(path, 'container'), `Required value: ${action} needs the container it acts on${names.length ? ` (one of ${names.join(', ')})` : ''}`, startOf(map.span));
    return undefined;
  } else {
    const name = readText(p, ce.value, child(path, 'container'));
    if (name === undefined) return undefined;
    if (!names.includes(name)) {
      p.error(child(path, 'container'), `no container named ${JSON.stringify(name)} in the workload${didYouMean(name, names)}`, ce.value.span);
      return undefined;
    }
    ev.container = name;
  }

  const ec = get('exitCode');
  if (ec) {
    if (!EXIT_ACTIONS.includes(action)) p.warning(child(path, 'exitCode'), `exitCode is used only by crash, exit and oomKill; ignored for ${action}`, ec.keySpan);
    else {
      const v = readExitCode(p, ec.value, child(path, 'exitCode'));
      if (v !== undefined) ev.exitCode = v;
    }
  }
  if (ev.exitCode === undefined && DEFAULT_EXIT[action] !== undefined) ev.exitCode = DEFAULT_EXIT[action];

  const fe = get('for');
  if (fe) {
    if (!WINDOW_ACTIONS.includes(action)) p.warning(child(path, 'for'), `for is used only by ${WINDOW_ACTIONS.join(', ')}; ignored for ${action}`, fe.keySpan);
    else {
      const v = readDuration(p, fe.value, child(path, 'for'));
      if (v !== undefined) ev.for = v;
    }
  }

  // [5.13] What an httpGet probe's handler answers while it fails: the Unhealthy event's output.
  const se = get('statusCode');
  if (se) {
    if (!PROBE_ACTIONS.includes(action)) p.warning(child(path, 'statusCode'), `statusCode is used only by ${PROBE_ACTIONS.join(', ')}; ignored for ${action}`, se.keySpan);
    else {
      const v = readFailingStatus(p, se.value, child(path, 'statusCode'));
      if (v !== undefined) ev.statusCode = v;
    }
  }

  // [10.9] What the runtime answers a failed pull: the Failed event's and the Waiting message's error.
  const me = get('message');
  if (me) {
    if (action !== 'failPull') p.warning(child(path, 'message'), `message is used only by failPull; ignored for ${action}`, me.keySpan);
    else {
      const v = readPullError(p, me.value, child(path, 'message'));
      if (v !== undefined) ev.message = v;
    }
  }

  const ie = get('image');
  if (action === 'setImage') {
    if (!ie) { p.error(child(path, 'image'), 'Required value: setImage needs the new image, e.g. image: app:v2', startOf(map.span)); return undefined; }
    const img = readText(p, ie.value, child(path, 'image'));
    if (!img) { if (img === '') p.error(child(path, 'image'), 'Required value', ie.value.span); return undefined; }
    ev.image = img;
  } else if (ie) p.warning(child(path, 'image'), `image is used only by setImage; ignored for ${action}`, ie.keySpan);

  const ge = get('gracePeriodSeconds');
  if (ge) {
    if (action !== 'deletePod') p.warning(child(path, 'gracePeriodSeconds'), `gracePeriodSeconds is used only by deletePod; ignored for ${action}`, ge.keySpan);
    else {
      const v = readNonNegativeInt(p, ge.value, child(path, 'gracePeriodSeconds'));
      if (v !== undefined) ev.gracePeriodSeconds = v;
    }
  }

  // [16.4] An Indexed Job's events may name the completion index of the pod they act on.
  const ix = get('index');
  if (ix) {
    const v = readNonNegativeInt(p, ix.value, child(path, 'index'));
    if (v !== undefined) ev.index = v;
  }

  // [8.15] Which eviction threshold the node met: hard (the default) or soft.
  const th = get('threshold');
  if (th) {
    if (action !== 'evictPod') p.warning(child(path, 'threshold'), `threshold is used only by evictPod; ignored for ${action}`, th.keySpan);
    else {
      const v = readText(p, th.value, child(path, 'threshold'));
      if (v === 'hard' || v === 'soft') ev.threshold = v;
      else if (v !== undefined) p.error(child(path, 'threshold'), `Unsupported value: ${JSON.stringify(v)}: supported values: ${THRESHOLDS.map((t) => JSON.stringify(t)).join(', ')}`, th.value.span);
    }
  }

  // E24/E26: the runtime records of exited containers are deleted while the kubelet is down.
  const re = get('removeExitedContainers');
  if (re) {
    if (action !== 'restartKubelet') p.warning(child(path, 'removeExitedContainers'), `removeExitedContainers is used only by restartKubelet; ignored for ${action}`, re.keySpan);
    else if (re.value.kind !== 'scalar' || typeof re.value.value !== 'boolean') p.error(child(path, 'removeExitedContainers'), 'must be true or false', re.value.span);
    else if (re.value.value) ev.removeExitedContainers = true;
  }
  return ev;
}

/** Reads `events:`, sorted by time (events at the same time keep their written order). */
export function readSimEvents(p: Problems, doc: YMap | undefined, names: readonly string[]): SimEvent[] {
  const e = doc && present(doc, 'events');
  if (!e) return [];
  if (e.value.kind !== 'seq') {
    p.error('events', 'events must be a list, e.g. - { at: 30s, container: app, do: crash }', e.value.span);
    return [];
  }
  if (e.value.items.length > MAX_EVENTS) {
    p.error('events', `too many events: ${e.value.items.length} (at most ${MAX_EVENTS})`, e.keySpan);
    return [];
  }
  const out: SimEvent[] = [];
  e.value.items.forEach((item, i) => {
    const path = index('events', i);
    if (item.kind !== 'map') {
      p.error(path, 'each event must be a mapping such as { at: 30s, container: app, do: crash }', item.span);
      return;
    }
    const ev = readEvent(p, item, path, names);
    if (ev) out.push(ev);
  });
  return out
    .map((ev, i) => ({ ev, i }))
    .sort((a, b) => a.ev.at - b.ev.at || a.i - b.i)
    .map(({ ev }) => ev);
}
