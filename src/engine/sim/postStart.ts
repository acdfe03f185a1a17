// The postStart hook after a container's start ([3.2]-[3.4], [11.4]): the sync waits for it; a
// failure records FailedPostStartHook, kills the container and leaves PostStartHookError with
// handlers.go Run's message. A deletion does not cut the hook short: the runtime's SyncPod runs on
// a context the pod worker's cancellation never reaches (terminationStart.ts terminateAfterSync).
// Upstream read: kuberuntime_container.go startContainer, lifecycle/handlers.go Run (stored
// 1.29-1.31-era and 1.33+-era copies), kubelet.go SyncPod (the runtime's context, 1.27-1.37).

import type { Proc } from './kernel';
import type { PodSim } from './podSim';
import type { ContainerRecord, Instance } from './model';
import type { ContainerSpec, HookSpec, PodSpecModel } from '../scenario/types';
import { execEnd } from '../scenario/infer';
import { killContainer } from './kill';
import { NOT_STARTED, type StartOutcome } from './backoffMemo';

const GO_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };

/**
 * Go's %q (strconv.Quote): double quotes; \a \b \f \n \r \t \v \\ \" escaped; any other control
 * character as \xHH; a character unicode.IsPrint refuses (other spaces than ' ', format and
 * private-use characters) as \uHHHH or \UHHHHHHHH; every other character as it is.
 */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const esc = GO_ESCAPES[ch];
    const code = ch.codePointAt(0)!;
    if (esc !== undefined) out += esc;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (ch !== ' ' && /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Z}]/u.test(ch)) out += code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * How a postStart handler failed: an exit code (an HTTP request: any non-zero), or CANCELLED (its
 * context done: Run's wording for it; no simulated version cancels a postStart hook's context, as
 * kubelet.go SyncPod hands the runtime context.TODO() or context.WithoutCancel, [3.4]).
 */
export type HookFailure = number | typeof CANCELLED;
export const CANCELLED = 'cancelled';
/** The error of a gRPC call whose context was cancelled (grpc-go's status for context.Canceled). */
export const GRPC_CANCELED = 'rpc error: code = Canceled desc = context canceled';

/**
 * The Waiting message of PostStartHookError ([3.4], [10.2]): handlers.go Run's msg, which
 * startContainer returns with ErrPostStartHook (kuberuntime_container.go, 1.27/1.28-era and 1.3x
 * stored copies) and the reason cache hands to convertToAPIContainerStatuses (the Warning event
 * keeps the bare "PostStartHook failed"). Run, read in the 1.29-1.31-era and 1.33+-era stored copies
 * (the same in the pre-sleep 1.26+ tree, since #86139 dropped the HTTP response body):
 * - exec: `Exec lifecycle hook (%v) for Container %q in Pod %q failed - error: %v, message: %q`, the
 *   command as Go prints a []string and ExecSync's `command '%s' exited with %d: %s` with the run's
 *   stderr as it is (remote_runtime.go, the same in the cri-client, read in 2235994075 and 27866556);
 *   the message is RunInContainer's output, stdout then stderr (kuberuntime_container.go, read in the
 *   context-era copy 41926215), quoted by %q: a trailing newline prints `\n` ([15.4]). Both are
 *   empty where the reader does not know what the command printed (infer.ts execEnd, with the image's
 *   userland), or where the failure is not the command's own (a Simulation document's exit code). An
 *   ExecSync on a cancelled context would return its gRPC status instead, and no output (a deletion
 *   never cancels it: kubelet.go SyncPod, [3.4]);
 * - httpGet: `HTTP lifecycle hook (%s) for Container %q in Pod %q failed - error: %v`, the path as
 *   written, worded as a connection refused on the URL NewRequestForHTTPGetAction builds (the pod's IP);
 * - sleep: `Sleep lifecycle hook (%d) … failed - error: %v`, whose only error is a done
 *   context's "container terminated before sleep hook finished" ([11.4]; for postStart, no
 *   simulated version cancels it, [3.4]);
 * - tcpSocket: Run has no case for it (no stored copy ever had one): invalidHandlerMessage.
 * format.Pod's `(uid)` is left out (the engine has no UID), as in the CrashLoopBackOff message.
 */
export function postStartFailureMessage(pod: Pick<PodSpecModel, 'name' | 'namespace'>, spec: ContainerSpec, failure: HookFailure, minor = 37): string {
  const hook = spec.postStart!;
  const tail = `for Container ${goQuote(spec.name)} in Pod ${goQuote(`${pod.name}_${pod.namespace}`)} failed - error:`;
  switch (hook.handler) {
    case 'exec': {
      const command = hook.command ?? [];
      const end = failure === CANCELLED ? undefined : execEnd(command, spec.image);
      const own = end?.exitCode === failure && end.stdout !== null && end.stderr !== null ? end : undefined;
      const error = failure === CANCELLED ? GRPC_CANCELED : `command '${command.join(' ')}' exited with ${failure}: ${own?.stderr ?? ''}`;
      return `Exec lifecycle hook ([${command.join(' ')}]) ${tail} ${error}, message: ${goQuote(own ? own.stdout! + own.stderr! : '')}`;
    }
    case 'httpGet': {
      const target = hook.target;
      const error = target === undefined ? 'connection refused' : `Get ${goQuote(target)}: dial tcp ${hostPort(target)}: connect: connection refused`;
      return `HTTP lifecycle hook (${hook.path ?? ''}) ${tail} ${error}`;
    }
    case 'sleep':
      return `Sleep lifecycle hook (${hook.sleepSeconds ?? 0}) ${tail} container terminated before sleep hook finished`;
    case 'tcpSocket':
      return invalidHandlerMessage(hook, minor);
  }
}

/**
 * handlers.go Run's default branch ([3.4]): `Cannot run handler: %v` of `fmt.Errorf("invalid
 * handler: %v", handler)`, the *v1.LifecycleHandler printed by its generated String() (k8s.io/api
 * core/v1 generated.pb.go, newest stored copy): `&LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:
 * &TCPSocketAction{Port:%v,Host:%v,},Sleep:nil,}`. Port is an intstr.IntOrString value whose
 * String() has a pointer receiver, so %v prints its fields: `{0 8080 }`, `{1 0 http}` for a name.
 * Sleep is proto field 4, from 1.29 (KEP-3960; printed whatever the gate); StopSignal (1.33) is
 * Lifecycle's. Without a port (the API server requires one) the message falls back to the event's words.
 */
export function invalidHandlerMessage(hook: HookSpec, minor: number): string {
  const { port, host } = hook;
  if (port === undefined) return 'PostStartHook failed';
  const intOrString = typeof port === 'number' ? `{0 ${port} }` : `{1 0 ${port}}`;
  const sleep = minor >= 29 ? 'Sleep:nil,' : '';
  return `Cannot run handler: invalid handler: &LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:&TCPSocketAction{Port:${intOrString},Host:${host ?? ''},},${sleep}}`;
}

/** The host:port of a URL (`http://<pod IP>:8080/x` -> `<pod IP>:8080`). */
function hostPort(url: string): string {
  const rest = url.slice(url.indexOf('://') + 3);
  const slash = rest.indexOf('/');
  return slash < 0 ? rest : rest.slice(0, slash);
}

/** The postStart hook right after the start: the sync waits for it; a failure kills the container ([3.3], [3.4]). */
export function* runPostStart(sim: PodSim, rec: ContainerRecord, inst: Instance): Proc<StartOutcome> {
  const hook = rec.spec.postStart!;
  const name = rec.spec.name;
  const hb = inst.behavior.postStart;
  const duration = hook.handler === 'sleep' ? hook.sleepSeconds ?? 0 : hb.duration;
  sim.hooks.set(inst, 'postStart');
  const hookStart = sim.emit({ type: 'hook.start', container: name, hook: 'postStart', why: '[3.3] The postStart hook runs right after the start, and the kubelet waits for it before starting anything else.' }, [inst.ids.start]);
  if (hook.handler === 'tcpSocket') {
    // [3.4] handlers.go Run's default branch: no time passes, whatever the Simulation document says
    sim.hooks.delete(inst);
    const hookEnd = sim.emit({ type: 'hook.end', container: name, hook: 'postStart', failed: true, why: '[3.4] A tcpSocket postStart hook fails at once: the kubelet\'s handler runner has no tcpSocket action (handlers.go Run: "Cannot run handler: invalid handler: …"), so startContainer records FailedPostStartHook and kills the container.' }, [hookStart]);
    return yield* postStartFailed(sim, rec, hookEnd, 1);
  }
  if (duration === null) {
    // a hook that never returns, but an exec or HTTP one ends with its container ([3.4])
    yield { until: hook.handler === 'sleep' ? () => false : () => inst.state !== 'running' };
    return yield* endedWithContainer(sim, rec, inst);
  }
  yield hook.handler === 'sleep' ? { sleep: duration } : { until: () => inst.state !== 'running', timeout: duration }; // [11.4] a sleep outlives its container
  if (sim.hooks.get(inst) !== 'postStart') return yield* endedWithContainer(sim, rec, inst);
  sim.hooks.delete(inst);
  const code = hook.handler === 'sleep' ? 0 : hb.exitCode;
  const hookEnd = sim.emit({ type: 'hook.end', container: name, hook: 'postStart', exitCode: code, why: code === 0 ? 'The postStart hook returned; the sync goes on [3.3].' : `The postStart hook failed with ${code} [3.4].` }, [hookStart]);
  if (code === 0) return { ok: true };
  return yield* postStartFailed(sim, rec, hookEnd, code);
}

/**
 * [3.4] The container exited under its exec or HTTP postStart hook (process.ts exitProcess): the
 * handler failed (an exec's process killed with it, exit 137; a request to no server), so
 * startContainer records FailedPostStartHook, kills the container it finds exited and fails the
 * start with PostStartHookError (kubernetes#115680). Any other end (a sleep hook, a sync stopped
 * meanwhile) returns as it is.
 */
function* endedWithContainer(sim: PodSim, rec: ContainerRecord, inst: Instance): Proc<StartOutcome> {
  const hookEnd = sim.postStartKilled.get(inst);
  if (hookEnd === undefined) return { ok: inst.state === 'running' };
  return yield* postStartFailed(sim, rec, hookEnd, rec.spec.postStart!.handler === 'exec' ? 137 : 1, true);
}

/**
 * startContainer after a handler error ([3.4]): Warning FailedPostStartHook (the hook.end event),
 * killContainer with "FailedPostStartHook" and the pod's grace, and ErrPostStartHook with Run's msg
 * as the start's message. A deletion that came while the hook ran changes nothing here: the kill
 * runs on the runtime SyncPod's context, which the pod worker's cancellation never reaches
 * (kubelet.go SyncPod: context.TODO() in the 1.27/1.28 trees, context.WithoutCancel(ctx) since
 * #122087; kuberuntime_container.go startContainer, library id 41926215), so its preStop runs and
 * its signal is sent; the grace is the spec's (the sync's pod object predates the deletion).
 */
function* postStartFailed(sim: PodSim, rec: ContainerRecord, hookEnd: string, failure: HookFailure, exitedUnderHook = false): Proc<StartOutcome> {
  const name = rec.spec.name;
  rec.startError = { reason: 'PostStartHookError', message: postStartFailureMessage(sim.pod, rec.spec, failure, sim.minor) };
  sim.containerChanged(rec);
  yield* killContainer(sim, name, 'FailedPostStartHook', sim.specGrace(), false, sim.deletion
    ? `[3.4] The postStart hook of ${name} failed (FailedPostStartHook): the kubelet kills the container; the deletion did not cancel this sync's runtime context, so the kill runs as usual, then the termination follows.`
    : `[3.4] The postStart hook of ${name} failed (FailedPostStartHook): the kubelet kills the container; it then follows the restart rules.`, [hookEnd], exitedUnderHook);
  return NOT_STARTED;
}
