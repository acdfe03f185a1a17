// Problems in a real pod object, reported rather than hidden (issue 14): a status that contradicts
// its spec or the kubelet's own rules, a phase or condition the kubelet would not write from these
// container statuses.

import type { ApiPod } from '../api';
import type { DerivedStatus } from '../apiPod/deriveStatus';
import { nodeLostSigns } from './nodeLost';
import type { ExplainNote } from './types';

export function consistencyNotes(pod: ApiPod, derived: DerivedStatus): ExplainNote[] {
  const out: ExplainNote[] = [];
  const { spec, status } = pod;
  const statuses = [...status.initContainerStatuses, ...status.containerStatuses];
  const someStatus = statuses.length > 0;
  for (const c of [...spec.initContainers, ...spec.containers]) {
    if (someStatus && !statuses.some((s) => s.name === c.name)) {
      out.push({ severity: 'warning', message: `${c.name} is in the spec but has no status; the kubelet writes one for every container [10.1]. Was the paste cut short?` });
    }
  }
  for (const s of statuses) {
    if (s.ready && !s.state.running && !(s.state.terminated?.exitCode === 0 && status.initContainerStatuses.includes(s))) {
      out.push({ severity: 'warning', message: `${s.name} is ready but not running: the kubelet marks only running containers ready (and regular init containers that exited 0) [5.6].` });
    }
  }
  const mainRuns = status.containerStatuses.some((s) => s.state.running);
  const initPending = spec.initContainers.filter((c) => c.restartPolicy !== 'Always').find((c) => {
    const s = status.initContainerStatuses.find((x) => x.name === c.name);
    return !!s && s.state.terminated?.exitCode !== 0 && !s.lastState.terminated;
  });
  if (mainRuns && initPending) {
    out.push({ severity: 'warning', message: `a main container runs although the init container ${initPending.name} has not completed: the kubelet starts main containers only after init [3.1].` });
  }
  if (status.phase && status.phase !== derived.phase && status.phase !== 'Unknown') {
    out.push({ severity: 'info', message: `the object says phase ${status.phase}; from its container statuses the kubelet computes ${derived.phase}. The status may be older than the containers' (it is written once per sync), or something other than the kubelet wrote it [0.1].` });
  }
  const lost = nodeLostSigns(pod);
  for (const c of derived.conditions) {
    const seen = status.conditions.find((x) => x.type === c.type);
    // [7.6] the node controller's Ready=False is explained by the note below, not blamed on the object
    if (seen && seen.status !== c.status && !(lost.length > 0 && c.type === 'Ready' && seen.status === 'False' && !seen.reason)) {
      out.push({ severity: 'info', message: `the object has ${c.type}=${seen.status}; the kubelet would write ${c.status} from these container statuses [7.1]–[7.4].` });
    }
  }
  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  const stale = terminal ? statuses.filter((s) => s.state.running).map((s) => s.name) : [];
  if (stale.length > 0) {
    out.push({ severity: 'warning', message: `the phase is ${status.phase} but ${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} shown running: the kubelet writes a terminal phase only once nothing can run (mergePodStatus holds phase, reason and message back until then, [6.5] [13.2]), so ${stale.length === 1 ? 'that status is' : 'those statuses are'} older than the phase, or the paste was cut or edited.` });
  }
  if (lost.length > 0) {
    out.push({ severity: 'warning', message: `the node looks unreachable: ${lost.join('; and ')} [7.6]. The container statuses are the kubelet's last report, which may be old; it learns of nothing (a deletion included) until it can reach the API server again.` });
  }
  return out;
}
