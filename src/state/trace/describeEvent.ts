// One trace event as a sentence a learner can read aloud (presenter mode's headline, the step
// buttons' announcement). The event's `why` says which rule made it happen; this says what happened.

import { probeErroredReason, type TraceEvent } from '../../engine/trace';
import { formatSeconds } from '../format';

const PROBE = { startup: 'startup', liveness: 'liveness', readiness: 'readiness' } as const;

export function describeEvent(e: TraceEvent): string {
  switch (e.type) {
    case 'pod.scheduled': return 'The pod is scheduled: its node’s kubelet takes over.';
    case 'pod.phase': return `The pod’s phase becomes ${e.phase}.`;
    case 'pod.condition': return `Condition ${e.condition} turns ${e.status}${e.reason ? ` (${e.reason})` : ''}.`;
    case 'pod.kubectl': return `kubectl get pod now shows READY ${e.ready}, STATUS ${e.status}, RESTARTS ${e.restarts}.`;
    case 'pod.deleted': return `Someone deletes the pod, with a grace period of ${e.gracePeriodSeconds} s.`;
    case 'pod.gone': return 'The pod is gone from the API server.';
    case 'pod.sandboxChanged': return 'The kubelet finds the pod’s sandbox dead: it kills what is left and makes a new one.';
    case 'pod.deadlineExceeded': return 'The kubelet finds the pod past its activeDeadlineSeconds (an Event each time it writes a status).';
    case 'pod.exceededGracePeriod': return 'The kubelet stops waiting for its own kill of the pod (ExceededGracePeriod); the containers are still being stopped.';
    case 'container.pulling': return `${e.container}: pulling image ${e.image}.`;
    case 'container.pulled': return `${e.container}: image ${e.image} is on the node.`;
    case 'container.start': return e.attempt === 0 ? `The kubelet starts ${e.container}.` : `The kubelet restarts ${e.container} (run ${e.attempt + 1}).`;
    case 'container.up': return `${e.container}’s process is up.`;
    case 'container.started': return `${e.container} counts as started.`;
    case 'container.ready': return `${e.container} is ready.`;
    case 'container.unready': return `${e.container} is no longer ready.`;
    case 'container.unstarted': return `${e.container} no longer counts as started: its startup probe has yet to pass.`;
    case 'container.exit': return `${e.container} exits with code ${e.exitCode} (${e.reason}).`;
    case 'container.kill': return `The kubelet stops ${e.container} (${e.reason}), grace ${formatSeconds(e.gracePeriodSeconds)} s.`;
    case 'container.signal': return `${e.container} receives ${e.signal}.`;
    case 'container.backoffAgain': return `${e.container} is still in its back-off: the start is refused again.`;
    case 'container.imageInvalid': return `The kubelet cannot parse ${e.container}’s image name ${e.image}: it never pulls it, and the start fails (InvalidImageName).`;
    case 'container.pullBackoff': return `The pull of ${e.image} for ${e.container} is in its back-off: the kubelet does not pull it yet.`;
    case 'container.backoff': return `${e.container} must wait ${formatSeconds(e.delay)} s before its next start (back-off).`;
    case 'container.waiting': return `${e.container} is waiting: ${e.reason}.`;
    case 'hook.start': return `${e.container}’s ${e.hook} hook starts.`;
    case 'hook.end': return `${e.container}’s ${e.hook} hook ${e.exitCode === undefined ? (e.failed ? 'fails' : 'ends') : `ends with code ${e.exitCode}`}.`;
    case 'probe.result': return `${e.container}’s ${PROBE[e.probe]} probe now reports ${e.result}.`;
    case 'probe.failed': return `A ${PROBE[e.probe]} probe run of ${e.container} fails (${e.run} in a row).`;
    case 'probe.errored': return `A ${PROBE[e.probe]} probe run of ${e.container} errors (${probeErroredReason(e)}): its result stays as it was.`;
    case 'fault': if (e.reason === 'ErrImageNeverPull') return `${e.container}’s image ${e.image} is not on the node and its pull policy is Never: the start fails (ErrImageNeverPull).`;
      return `Injected: ${e.do}${e.container ? ` on ${e.container}` : ''}${e.exitCode === undefined ? '' : ` (exit code ${e.exitCode})`}.`;
    case 'node.kubeletRestart': return 'The node’s kubelet restarts; the containers keep running.';
    case 'node.kubeletStarted': return 'The kubelet is back and syncs the pod again.';
    case 'node.containersRemoved': return 'The runtime records of the exited containers are removed.';
    case 'node.reboot': return 'The node reboots: the sandbox and its containers are gone.';
    case 'node.sandboxDied': return 'The pod’s sandbox dies; its containers still run, cut off from the pod’s network.';
    case 'node.eviction': return 'The node is under pressure: the kubelet evicts the pod and stops its containers.';
    case 'node.shutdown': return 'The node is shutting down: the kubelet stops the pod before it powers off.';
    case 'node.poweredOff': return 'The node powers off; whatever still ran dies with it.';
    case 'sim.horizon': return 'The simulation stops here.';
    case 'sim.truncated': return 'The simulation stopped early: it reached its budget.';
    case 'job.podCreated': return `The Job controller creates pod ${e.pod}${e.index === undefined ? '' : ` (index ${e.index})`}.`;
    case 'job.complete': return 'The Job is complete.';
    case 'job.failed': return `The Job has failed (${e.reason}).`;
  }
}
