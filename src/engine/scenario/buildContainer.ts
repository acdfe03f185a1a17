// A decoded, validated container -> the ContainerSpec the kubelet model reads, with the API
// server's defaults applied ([1.4] probe defaults, image pull policy).

import type { ContainerKind } from '../trace';
import type { RawContainer, RawHandler, RawProbe } from './container';
import { expandCommandAndArgs, expandCommandOnlyStatic, type EnvVarRef } from './expandVars';
import { defaultPullPolicy } from './image';
import { probeVerdict } from './infer';
import { probeCommandDuration, probeWindows } from './probeCommand';
import type { ContainerSpec, HookSpec, ProbeHandlerKind, ProbeSpec, RestartPolicy, RestartRule } from './types';
import { probeValue } from './validateHandlers';

const POLICIES: readonly string[] = ['Always', 'OnFailure', 'Never'];

function asPolicy(v: string | undefined): RestartPolicy | undefined {
  return v !== undefined && POLICIES.includes(v) ? (v as RestartPolicy) : undefined;
}

function buildProbe(p: RawProbe | undefined, c: RawContainer): ProbeSpec | undefined {
  if (!p) return undefined;
  const handler: ProbeHandlerKind = p.exec ? 'exec' : p.httpGet ? 'httpGet' : p.tcpSocket ? 'tcpSocket' : p.grpc ? 'grpc' : 'exec';
  const spec: ProbeSpec = {
    handler,
    initialDelaySeconds: probeValue(p, 'initialDelaySeconds'),
    periodSeconds: probeValue(p, 'periodSeconds'),
    timeoutSeconds: probeValue(p, 'timeoutSeconds'),
    successThreshold: probeValue(p, 'successThreshold'),
    failureThreshold: probeValue(p, 'failureThreshold'),
  };
  if (handler === 'exec' && p.exec?.command) {
    // prober.go runProbe execs kubecontainer.ExpandContainerCommandOnlyStatic(p.Exec.Command,
    // container.Env) (every stored prober.go, 1.2x-1.3x): what runs, and what its timeout prints.
    spec.command = c.env ? expandCommandOnlyStatic(p.exec.command.value, c.env) : p.exec.command.value;
    const verdict = probeVerdict(spec.command);
    if (verdict) spec.verdict = verdict;
    const duration = probeCommandDuration(spec.command); // [5.11] the command's own running time
    if (duration !== 0) spec.duration = duration;
  }
  const target = probeTarget(p, c.namedPorts);
  if (target !== undefined) spec.target = target;
  if (p.terminationGracePeriodSeconds) spec.terminationGracePeriodSeconds = p.terminationGracePeriodSeconds.value;
  return spec;
}

/** The pod's IP in a probe's target: the engine has no address to give it. */
export const POD_IP = '<pod IP>';

/**
 * The URL (httpGet) or host:port (tcpSocket, grpc) the prober dials, as its errors print it:
 * prober.go formatURL (url.URL with the scheme lowercased, the host joined with the port; Go's
 * URL.String adds the slash a path without one lacks), and the TCP and gRPC probers'
 * net.JoinHostPort (a gRPC port is a number: the API has no named gRPC port).
 */
/** An httpGet action's path as the API server stores it: "/" when missing or empty (SetDefaults_HTTPGetAction). */
function httpPath(path: string | undefined): string {
  return path === undefined || path === '' ? '/' : path;
}

function probeTarget(p: RawProbe, namedPorts: ReadonlyMap<string, number>): string | undefined {
  // A named port is the container's port of that name (findPortByName); one it lacks, the prober reports as an error, not a failure.
  const resolve = (port: number | string | undefined) => (typeof port === 'string' ? namedPorts.get(port) : port);
  if (p.httpGet) {
    const port = resolve(p.httpGet.port?.value);
    if (port === undefined) return undefined;
    // The API server stores a missing or empty path as "/" (SetDefaults_HTTPGetAction, every stored
    // defaults.go), so the kubelet never sees none.
    const path = httpPath(p.httpGet.urlPath?.value);
    const scheme = (p.httpGet.scheme?.value ?? 'HTTP').toLowerCase();
    // `host` when set, else the pod's IP (prober.go runProbe; handlers.go's HTTP handler likewise).
    return `${scheme}://${p.httpGet.host?.value || POD_IP}:${port}${path !== '' && !path.startsWith('/') ? '/' : ''}${path}`;
  }
  const port = p.grpc ? p.grpc.port?.value : resolve(p.tcpSocket?.port?.value);
  return port === undefined ? undefined : `${(p.tcpSocket?.host?.value || undefined) ?? POD_IP}:${port}`;
}

/** An exec hook's command runs as written: lifecycle/handlers.go handlerRunner.Run expands no `$(VAR)`. */
function buildHook(h: RawHandler | undefined, namedPorts: ReadonlyMap<string, number>): HookSpec | undefined {
  if (!h) return undefined;
  if (h.exec) return { handler: 'exec', command: h.exec.command?.value ?? [] };
  if (h.httpGet) {
    // The path and URL a failure's message prints ([3.4]): NewRequestForHTTPGetAction formats the URL as the probes' formatURL.
    const hook: HookSpec = { handler: 'httpGet', path: httpPath(h.httpGet.urlPath?.value) };
    const target = probeTarget(h, namedPorts);
    if (target !== undefined) hook.target = target;
    return hook;
  }
  if (h.tcpSocket) {
    // handlers.go Run fails it, printing the handler with its port and host ([3.4]).
    const hook: HookSpec = { handler: 'tcpSocket' };
    if (h.tcpSocket.port) hook.port = h.tcpSocket.port.value;
    if (h.tcpSocket.host) hook.host = h.tcpSocket.host.value;
    return hook;
  }
  if (h.sleep) return { handler: 'sleep', sleepSeconds: h.sleep.seconds?.value ?? 0 };
  return undefined;
}

function buildRules(c: RawContainer): RestartRule[] | undefined {
  if (!c.restartPolicyRules) return undefined;
  const out: RestartRule[] = [];
  for (const r of c.restartPolicyRules.rules) {
    const action = r.action?.value;
    const op = r.exitCodes?.operator?.value;
    if ((action !== 'Restart' && action !== 'RestartAllContainers') || (op !== 'In' && op !== 'NotIn')) continue;
    out.push({ action, operator: op, values: r.exitCodes?.values?.value ?? [] });
  }
  return out;
}

/**
 * The command and args the runtime is given, which the process inference reads ([15.1]):
 * kuberuntime_container.go generateContainerConfig passes them through
 * kubecontainer.ExpandContainerCommandAndArgs with the environment makeEnvironmentVariables built
 * (every stored copy, 1.2x-1.3x; expandVars.ts).
 */
function commandAndArgs(command: string[] | undefined, args: string[] | undefined, env: readonly EnvVarRef[] | undefined): { command?: string[]; args?: string[] } {
  if (!env) return { ...(command && { command }), ...(args && { args }) };
  return expandCommandAndArgs(command, args, env);
}

export function buildContainer(c: RawContainer): ContainerSpec {
  const restartPolicy = asPolicy(c.restartPolicy?.value);
  const kind: ContainerKind = c.init ? (restartPolicy === 'Always' ? 'sidecar' : 'init') : 'main';
  const image = c.image?.value ?? '';
  const pull = c.imagePullPolicy?.value;
  const spec: ContainerSpec = {
    name: c.name?.value ?? '',
    image,
    kind,
    index: c.index,
    imagePullPolicy: pull === 'Always' || pull === 'IfNotPresent' || pull === 'Never' ? pull : defaultPullPolicy(image),
    pos: { line: c.span.line, col: c.span.col },
  };
  if (restartPolicy) spec.restartPolicy = restartPolicy;
  const rules = buildRules(c);
  if (rules) spec.restartPolicyRules = rules;
  const { command, args } = commandAndArgs(c.command?.value, c.args?.value, c.env);
  if (command) spec.command = command;
  if (args) spec.args = args;
  const startup = buildProbe(c.startupProbe, c);
  if (startup) spec.startupProbe = startup;
  const liveness = buildProbe(c.livenessProbe, c);
  if (liveness) spec.livenessProbe = liveness;
  const readiness = buildProbe(c.readinessProbe, c);
  if (readiness) spec.readinessProbe = readiness;
  for (const probe of [startup, liveness, readiness]) {
    if (probe?.handler !== 'exec' || probe.verdict !== undefined) continue;
    const windows = probeWindows(spec, probe.command); // [15.4] the answer the container's own script gives it
    if (windows.length > 0) probe.windows = windows;
  }
  const post = buildHook(c.lifecycle?.postStart, c.namedPorts);
  if (post) spec.postStart = post;
  const pre = buildHook(c.lifecycle?.preStop, c.namedPorts);
  if (pre) spec.preStop = pre;
  if (c.lifecycle?.stopSignal) spec.stopSignal = c.lifecycle.stopSignal.value;
  return spec;
}
