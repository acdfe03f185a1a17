// Decoding one container of a pod spec (init or main) into the fields the simulator and the
// validation need. Everything else in a container (resources, volumeMounts…) is ignored; of `env`
// only what the kubelet's `$(VAR)` expansion reads (expandVars.ts).

import { warnUnknownContainerFields } from './containerFields';
import {
  itemTypeError, readInt, readIntList, readIntOrString, readMap, readSeq, readString, readStringList, versionedEntry,
  type Ctx, type Located, type MapField,
} from './decode';
import { validateEnvName } from './envNames';
import type { EnvVarRef } from './expandVars';
import { readHostPorts, type HostPort } from './hostPorts';
import { child, index, type Span } from './problems';
import { jsonKind, present, type YMap } from './ynode';

export type HandlerName = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc' | 'sleep';

export interface RawHandlerPart {
  keySpan: Span;
  span: Span;
}

export interface RawHandler {
  path: string;
  keySpan: Span;
  span: Span;
  exec?: RawHandlerPart & { command?: Located<string[]> };
  httpGet?: RawHandlerPart & { port?: Located<number | string>; scheme?: Located<string>; urlPath?: Located<string>; host?: Located<string>; headerNames?: Located<string>[] };
  tcpSocket?: RawHandlerPart & { port?: Located<number | string>; host?: Located<string> };
  grpc?: RawHandlerPart & { port?: Located<number> };
  /** `unknown`: the field does not exist in this version (already reported); counted, not validated. */
  sleep?: RawHandlerPart & { seconds?: Located<number>; unknown?: boolean };
}

export interface RawProbe extends RawHandler {
  initialDelaySeconds?: Located<number>;
  timeoutSeconds?: Located<number>;
  periodSeconds?: Located<number>;
  successThreshold?: Located<number>;
  failureThreshold?: Located<number>;
  terminationGracePeriodSeconds?: Located<number>;
}

export interface RawLifecycle {
  path: string;
  keySpan: Span;
  span: Span;
  postStart?: RawHandler;
  preStop?: RawHandler;
  stopSignal?: Located<string>;
}

export interface RawRule {
  path: string;
  span: Span;
  action?: Located<string>;
  exitCodes?: RawHandlerPart & { path: string; operator?: Located<string>; values?: Located<number[]> };
}

export interface RawRules {
  keySpan: Span;
  span: Span;
  rules: RawRule[];
}

export type ProbeField = 'startupProbe' | 'livenessProbe' | 'readinessProbe';
export const PROBE_FIELDS: readonly ProbeField[] = ['livenessProbe', 'readinessProbe', 'startupProbe'];

export interface RawContainer {
  path: string;
  span: Span;
  index: number;
  init: boolean;
  name?: Located<string>;
  image?: Located<string>;
  command?: Located<string[]>;
  args?: Located<string[]>;
  imagePullPolicy?: Located<string>;
  terminationMessagePolicy?: Located<string>;
  restartPolicy?: Located<string>;
  restartPolicyRules?: RawRules;
  startupProbe?: RawProbe;
  livenessProbe?: RawProbe;
  readinessProbe?: RawProbe;
  lifecycle?: RawLifecycle;
  /**
   * `env` in order, as `$(VAR)` expansion reads it: each entry's name, its `value` and whether it
   * has a `valueFrom` (expandVars.ts). Entries without a name are left out.
   */
  env?: EnvVarRef[];
  /** `ports` by name (name -> containerPort), read leniently: what a probe's named port resolves to. */
  namedPorts: Map<string, number>;
  /** `ports` entries that set a hostPort, for the API server's conflict check (hostPorts.ts). */
  hostPorts: HostPort[];
  /** Set when restartPolicy was rejected as an unknown field: checks that depend on it are skipped. */
  restartPolicyUnknown?: boolean;
  /** Fields present but undecodable (already reported): not reported again as missing. */
  badFields: Set<string>;
}

/** Kubernetes minors in which these container fields first exist (strict decoding before). */
export const FIELD_SINCE = {
  restartPolicy: 28,
  sleepAction: 29,
  stopSignal: 33,
  restartPolicyRules: 34,
} as const;

function part(f: MapField): RawHandlerPart {
  return { keySpan: f.keySpan, span: f.map.span };
}

/** `httpHeaders[].name`, read leniently for the API server's header-name check (validateHTTPGetAction). */
function readHeaderNames(map: YMap): Located<string>[] {
  const headers = present(map, 'httpHeaders')?.value;
  if (headers?.kind !== 'seq') return [];
  const out: Located<string>[] = [];
  for (const item of headers.items) {
    const name = item.kind === 'map' ? present(item, 'name') : undefined;
    if (name?.value.kind === 'scalar' && typeof name.value.value === 'string') out.push({ value: name.value.value, span: name.value.span, keySpan: name.keySpan });
  }
  return out;
}

function readHandler(ctx: Ctx, f: MapField, goStruct: string, lifecycle: boolean): RawHandler {
  const { map, path } = f;
  const h: RawHandler = { path, keySpan: f.keySpan, span: map.span };
  const exec = readMap(ctx, map, 'exec', path, goStruct, '*v1.ExecAction');
  if (exec) h.exec = { ...part(exec), command: readStringList(ctx, exec.map, 'command', exec.path, 'ExecAction') };
  const http = readMap(ctx, map, 'httpGet', path, goStruct, '*v1.HTTPGetAction');
  if (http) {
    h.httpGet = {
      ...part(http),
      port: readIntOrString(ctx, http.map, 'port', http.path, 'HTTPGetAction'),
      scheme: readString(ctx, http.map, 'scheme', http.path, 'HTTPGetAction'),
      urlPath: readString(ctx, http.map, 'path', http.path, 'HTTPGetAction'),
    };
    const host = readString(ctx, http.map, 'host', http.path, 'HTTPGetAction');
    if (host) h.httpGet.host = host;
    const headerNames = readHeaderNames(http.map);
    if (headerNames.length > 0) h.httpGet.headerNames = headerNames;
  }
  const tcp = readMap(ctx, map, 'tcpSocket', path, goStruct, '*v1.TCPSocketAction');
  if (tcp) {
    h.tcpSocket = { ...part(tcp), port: readIntOrString(ctx, tcp.map, 'port', tcp.path, 'TCPSocketAction') };
    const host = readString(ctx, tcp.map, 'host', tcp.path, 'TCPSocketAction');
    if (host) h.tcpSocket.host = host;
  }
  if (!lifecycle) {
    const grpc = readMap(ctx, map, 'grpc', path, goStruct, '*v1.GRPCAction');
    if (grpc) h.grpc = { ...part(grpc), port: readInt(ctx, grpc.map, 'port', grpc.path, 'GRPCAction', 'int32') };
  } else {
    const e = versionedEntry(ctx, map, 'sleep', path, FIELD_SINCE.sleepAction);
    const sleep = e && readMap(ctx, map, 'sleep', path, goStruct, '*v1.SleepAction', e);
    if (sleep) h.sleep = { ...part(sleep), seconds: readInt(ctx, sleep.map, 'seconds', sleep.path, 'SleepAction', 'int64') };
    const raw = present(map, 'sleep');
    if (!e && raw) h.sleep = { keySpan: raw.keySpan, span: raw.value.span, unknown: true };
  }
  return h;
}

function readProbe(ctx: Ctx, map: YMap, key: ProbeField, path: string): RawProbe | undefined {
  const f = readMap(ctx, map, key, path, 'Container', '*v1.Probe');
  if (!f) return undefined;
  const probe: RawProbe = readHandler(ctx, f, 'Probe', false);
  const ints = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;
  for (const k of ints) {
    const v = readInt(ctx, f.map, k, f.path, 'Probe', 'int32');
    if (v) probe[k] = v;
  }
  const tgp = readInt(ctx, f.map, 'terminationGracePeriodSeconds', f.path, 'Probe', 'int64');
  if (tgp) probe.terminationGracePeriodSeconds = tgp;
  return probe;
}

function readLifecycle(ctx: Ctx, map: YMap, path: string): RawLifecycle | undefined {
  const f = readMap(ctx, map, 'lifecycle', path, 'Container', '*v1.Lifecycle');
  if (!f) return undefined;
  const lc: RawLifecycle = { path: f.path, keySpan: f.keySpan, span: f.map.span };
  const post = readMap(ctx, f.map, 'postStart', f.path, 'Lifecycle', '*v1.LifecycleHandler');
  if (post) lc.postStart = readHandler(ctx, post, 'LifecycleHandler', true);
  const pre = readMap(ctx, f.map, 'preStop', f.path, 'Lifecycle', '*v1.LifecycleHandler');
  if (pre) lc.preStop = readHandler(ctx, pre, 'LifecycleHandler', true);
  const sig = versionedEntry(ctx, f.map, 'stopSignal', f.path, FIELD_SINCE.stopSignal);
  if (sig) lc.stopSignal = readString(ctx, f.map, 'stopSignal', f.path, 'Lifecycle', sig);
  return lc;
}

function readRules(ctx: Ctx, map: YMap, path: string): RawRules | undefined {
  const e = versionedEntry(ctx, map, 'restartPolicyRules', path, FIELD_SINCE.restartPolicyRules);
  if (!e) return undefined;
  const listPath = child(path, 'restartPolicyRules');
  if (e.value.kind !== 'seq') {
    ctx.p.error(listPath, `json: cannot unmarshal ${jsonKind(e.value)} into Go struct field Container.${listPath.replace(/\[\d+\]/g, '')} of type []v1.ContainerRestartRule`, e.value.span);
    return undefined;
  }
  const rules: RawRule[] = [];
  e.value.items.forEach((item, i) => {
    const rp = index(listPath, i);
    if (item.kind !== 'map') {
      ctx.p.error(rp, `json: cannot unmarshal ${jsonKind(item)} into Go struct field Container.${listPath.replace(/\[\d+\]/g, '')} of type v1.ContainerRestartRule`, item.span);
      return;
    }
    const rule: RawRule = { path: rp, span: item.span, action: readString(ctx, item, 'action', rp, 'ContainerRestartRule') };
    const ec = readMap(ctx, item, 'exitCodes', rp, 'ContainerRestartRule', '*v1.ContainerRestartRuleOnExitCodes');
    if (ec) {
      rule.exitCodes = {
        ...part(ec), path: ec.path,
        operator: readString(ctx, ec.map, 'operator', ec.path, 'ContainerRestartRuleOnExitCodes'),
        values: readIntList(ctx, ec.map, 'values', ec.path, 'ContainerRestartRuleOnExitCodes'),
      };
    }
    rules.push(rule);
  });
  return { keySpan: e.keySpan, span: e.value.span, rules };
}

/**
 * `env`, typed as the API server's JSON decoder types it (a number `value` is refused, `json:
 * cannot unmarshal number into Go struct field EnvVar…value of type string`).
 */
function readEnv(ctx: Ctx, map: YMap, path: string): EnvVarRef[] | undefined {
  const seq = readSeq(ctx, map, 'env', path, 'Container', '[]v1.EnvVar');
  if (!seq) return undefined;
  const out: EnvVarRef[] = [];
  seq.seq.items.forEach((item, i) => {
    const p = index(seq.path, i);
    if (item.kind !== 'map') {
      itemTypeError(ctx, item, p, 'Container', 'v1.EnvVar');
      return;
    }
    const name = readString(ctx, item, 'name', p, 'EnvVar');
    const value = readString(ctx, item, 'value', p, 'EnvVar');
    const valueFrom = readMap(ctx, item, 'valueFrom', p, 'EnvVar', '*v1.EnvVarSource');
    if (name || !present(item, 'name')) validateEnvName(ctx, name, p, item.span); // a name of the wrong type is reported already
    if (!name) return;
    const e: EnvVarRef = { name: name.value };
    if (value) e.value = value.value;
    if (valueFrom) e.valueFrom = true;
    out.push(e);
  });
  return out;
}

/**
 * The container's named ports, for a probe's `port: http` (prober.go's findPortByName: the
 * container's `ports` entry of that name). Only what it needs is read, silently: the simulator
 * models no ports, so a malformed entry is one it simply does not name.
 */
function readNamedPorts(map: YMap): Map<string, number> {
  const out = new Map<string, number>();
  const ports = present(map, 'ports')?.value;
  if (ports?.kind !== 'seq') return out;
  for (const item of ports.items) {
    if (item.kind !== 'map') continue;
    const name = present(item, 'name')?.value;
    const port = present(item, 'containerPort')?.value;
    if (name?.kind === 'scalar' && typeof name.value === 'string' && port?.kind === 'scalar' && typeof port.value === 'number' && !out.has(name.value)) {
      out.set(name.value, port.value);
    }
  }
  return out;
}

/** Decodes one container mapping found at `path` (e.g. spec.initContainers[2]). */
export function readContainer(ctx: Ctx, map: YMap, path: string, i: number, init: boolean): RawContainer {
  const c: RawContainer = { path, span: map.span, index: i, init, badFields: new Set(), namedPorts: readNamedPorts(map), hostPorts: readHostPorts(map) };
  c.name = readString(ctx, map, 'name', path, 'Container');
  c.image = readString(ctx, map, 'image', path, 'Container');
  for (const k of ['name', 'image'] as const) if (!c[k] && present(map, k)) c.badFields.add(k);
  c.command = readStringList(ctx, map, 'command', path, 'Container');
  c.args = readStringList(ctx, map, 'args', path, 'Container');
  c.imagePullPolicy = readString(ctx, map, 'imagePullPolicy', path, 'Container');
  c.terminationMessagePolicy = readString(ctx, map, 'terminationMessagePolicy', path, 'Container');
  const rp = versionedEntry(ctx, map, 'restartPolicy', path, FIELD_SINCE.restartPolicy);
  if (rp) c.restartPolicy = readString(ctx, map, 'restartPolicy', path, 'Container', rp);
  else if (present(map, 'restartPolicy')) c.restartPolicyUnknown = true;
  c.restartPolicyRules = readRules(ctx, map, path);
  for (const k of PROBE_FIELDS) {
    const probe = readProbe(ctx, map, k, path);
    if (probe) c[k] = probe;
  }
  c.lifecycle = readLifecycle(ctx, map, path);
  const env = readEnv(ctx, map, path);
  if (env) c.env = env;
  warnUnknownContainerFields(ctx, map, path);
  return c;
}
