// Probes and lifecycle hooks ([1.4], [1.5]): validateProbe, validateHandler,
// validateSleepAction and validateLifecycle of pkg/apis/core/validation/validation.go.

import type { Ctx, Located } from './decode';
import type { HandlerName, ProbeField, RawHandler, RawLifecycle, RawProbe } from './container';
import { forbidden, httpHeaderNameErrors, inclusiveRange, invalid, NON_NEGATIVE, notSupported, portNameErrors, required } from './k8sErrors';
import { child } from './problems';

const HANDLER_ORDER: readonly HandlerName[] = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'];

/** Probe defaults (SetDefaults_Probe): a zero value takes the default. */
export const PROBE_DEFAULTS = {
  initialDelaySeconds: 0,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

export function probeValue(probe: RawProbe, k: keyof typeof PROBE_DEFAULTS): number {
  const v = probe[k]?.value ?? 0;
  return v === 0 ? PROBE_DEFAULTS[k] : v;
}

function validatePort(ctx: Ctx, port: Located<number | string> | undefined, path: string, fallback: RawHandler['keySpan']): void {
  const value = port?.value ?? 0;
  const span = port?.span ?? fallback;
  if (typeof value === 'number') {
    if (value < 1 || value > 65535) ctx.p.error(path, invalid(value, inclusiveRange(1, 65535)), span);
  } else {
    for (const msg of portNameErrors(value)) ctx.p.error(path, invalid(value, msg), span);
  }
}

/**
 * validateSleepAction: seconds in [1, grace], or [0, grace] with PodLifecycleSleepActionAllowZero
 * ([1.5]); the wording changed in 1.32 when the zero-sleep gate arrived.
 */
function validateSleep(ctx: Ctx, h: RawHandler, grace: number): void {
  const sleep = h.sleep;
  if (!sleep) return;
  const path = child(h.path, 'sleep');
  const seconds = sleep.seconds?.value ?? 0;
  const span = sleep.seconds?.span ?? sleep.keySpan;
  if (ctx.minor < 32) {
    if (seconds <= 0 || seconds > grace) {
      ctx.p.error(path, invalid(seconds, `must be greater than 0 and less than terminationGracePeriodSeconds (${grace})`), span);
    }
  } else if (ctx.gates.PodLifecycleSleepActionAllowZero) {
    if (seconds < 0 || seconds > grace) {
      ctx.p.error(path, invalid(seconds, `must be non-negative and less than terminationGracePeriodSeconds (${grace})`), span);
    }
  } else if (seconds <= 0 || seconds > grace) {
    ctx.p.error(path, invalid(seconds, `must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`), span);
  }
}

/** validateHandler: exactly one handler type, each validated. */
export function validateHandler(ctx: Ctx, h: RawHandler, grace: number): void {
  let count = 0;
  for (const name of HANDLER_ORDER) {
    const part = h[name];
    if (!part) continue;
    const path = child(h.path, name);
    if (count > 0) {
      ctx.p.error(path, forbidden('may not specify more than 1 handler type'), part.keySpan);
      continue;
    }
    count++;
    if (name === 'exec' && h.exec) {
      if (!h.exec.command || h.exec.command.value.length === 0) {
        ctx.p.error(child(path, 'command'), required(), h.exec.command?.keySpan ?? h.exec.keySpan);
      }
    } else if (name === 'httpGet' && h.httpGet) {
      validatePort(ctx, h.httpGet.port, child(path, 'port'), h.httpGet.keySpan);
      const scheme = h.httpGet.scheme;
      if (scheme && scheme.value !== 'HTTP' && scheme.value !== 'HTTPS') {
        ctx.p.error(child(path, 'scheme'), notSupported(scheme.value, ['HTTP', 'HTTPS']), scheme.span);
      }
      // validateHTTPGetAction: the path names the list, not the entry
      for (const header of h.httpGet.headerNames ?? []) {
        for (const msg of httpHeaderNameErrors(header.value)) ctx.p.error(child(path, 'httpHeaders'), invalid(header.value, msg), header.span);
      }
    } else if (name === 'tcpSocket' && h.tcpSocket) {
      validatePort(ctx, h.tcpSocket.port, child(path, 'port'), h.tcpSocket.keySpan);
    } else if (name === 'grpc' && h.grpc) {
      validatePort(ctx, h.grpc.port, child(path, 'port'), h.grpc.keySpan);
    } else if (name === 'sleep' && !h.sleep?.unknown) {
      validateSleep(ctx, h, grace);
    }
  }
  if (count === 0) ctx.p.error(h.path, required('must specify a handler type'), h.keySpan);
}

/** validateProbe plus the per-kind rules of validateLivenessProbe/ReadinessProbe/StartupProbe. */
export function validateProbe(ctx: Ctx, probe: RawProbe, kind: ProbeField, grace: number): void {
  validateHandler(ctx, probe, grace);
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const v = probe[k];
    if (v && v.value < 0) ctx.p.error(child(probe.path, k), invalid(v.value, NON_NEGATIVE), v.span);
  }
  const tgp = probe.terminationGracePeriodSeconds;
  if (tgp && tgp.value <= 0) {
    ctx.p.error(child(probe.path, 'terminationGracePeriodSeconds'), invalid(tgp.value, 'must be greater than 0'), tgp.span);
  }
  if (kind === 'livenessProbe' || kind === 'startupProbe') {
    const st = probeValue(probe, 'successThreshold');
    if (st !== 1) ctx.p.error(child(probe.path, 'successThreshold'), invalid(st, 'must be 1'), probe.successThreshold?.span ?? probe.keySpan);
  } else if (tgp) {
    ctx.p.error(child(probe.path, 'terminationGracePeriodSeconds'), invalid(tgp.value, 'must not be set for readinessProbes'), tgp.span);
  }
}

const LINUX_SIGNALS: readonly string[] = [
  'SIGABRT', 'SIGALRM', 'SIGBUS', 'SIGCHLD', 'SIGCLD', 'SIGCONT', 'SIGFPE', 'SIGHUP', 'SIGILL', 'SIGINT',
  'SIGIO', 'SIGIOT', 'SIGKILL', 'SIGPIPE', 'SIGPOLL', 'SIGPROF', 'SIGPWR', 'SIGQUIT', 'SIGSEGV', 'SIGSTKFLT',
  'SIGSTOP', 'SIGSYS', 'SIGTERM', 'SIGTRAP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGUSR1', 'SIGUSR2',
  'SIGVTALRM', 'SIGWINCH', 'SIGXCPU', 'SIGXFSZ', 'SIGRTMIN', 'SIGRTMAX',
  ...Array.from({ length: 15 }, (_, i) => `SIGRTMIN+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `SIGRTMAX-${i + 1}`),
].sort();

const WINDOWS_SIGNALS: readonly string[] = ['SIGKILL', 'SIGTERM'];

/** validateLifecycle: both hooks, and stopSignal (which needs spec.os.name). */
export function validateLifecycle(ctx: Ctx, lc: RawLifecycle, grace: number, osName: string | undefined): void {
  if (lc.postStart) validateHandler(ctx, lc.postStart, grace);
  if (lc.preStop) validateHandler(ctx, lc.preStop, grace);
  const sig = lc.stopSignal;
  if (!sig) return;
  const path = child(lc.path, 'stopSignal');
  if (osName === undefined) {
    ctx.p.error(path, forbidden('may not be set for containers with empty `spec.os.name`'), sig.keySpan);
  } else if (osName === 'windows' && !WINDOWS_SIGNALS.includes(sig.value)) {
    ctx.p.error(path, notSupported(sig.value, WINDOWS_SIGNALS), sig.span);
  } else if (osName === 'linux' && !LINUX_SIGNALS.includes(sig.value)) {
    ctx.p.error(path, notSupported(sig.value, LINUX_SIGNALS), sig.span);
  }
}
