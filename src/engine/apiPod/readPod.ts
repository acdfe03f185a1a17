// One Pod object (parsed YAML or JSON, as `kubectl get pod -o yaml` prints it) read into the
// shapes the engine's deciders take: ApiPod (times in seconds since the epoch) plus what
// computePodActions needs of the spec.

import type { ApiPod } from '../api';
import type { ContainerForActions } from '../kubelet/podActionsTypes';
import { FieldReader, type RawProblem } from './fields';
import { readSpec } from './readSpec';
import { readStatus } from './readStatus';
import { newestTimestamp } from './time';

export interface PodObject {
  pod: ApiPod;
  /** The spec as computePodActions sees it (images, probes, per-container policies). */
  actionsSpec: { initContainers: ContainerForActions[]; containers: ContainerForActions[] };
  creationTimestamp?: number;
  /** The newest timestamp anywhere in the object: the default "now" ([contract 2]). */
  newestTimestamp?: number;
  /** status.startTime: where spec.activeDeadlineSeconds counts from ([13.1]). */
  startTime?: number;
  /** spec.activeDeadlineSeconds ([13]). */
  activeDeadlineSeconds?: number;
  /** spec.terminationGracePeriodSeconds when set (the API's default is 30): the grace of a kill the kubelet orders ([13.3]). */
  terminationGracePeriodSeconds?: number;
}

export interface ReadResult {
  pod?: PodObject;
  problems: RawProblem[];
}

export function readPodObject(obj: unknown): ReadResult {
  const r = new FieldReader();
  const root = r.obj(obj, []);
  if (!root) {
    if (obj === undefined || obj === null) r.error([], 'a Pod object is required');
    return { problems: r.problems };
  }
  const kind = r.str(root.kind, ['kind']);
  if (kind !== 'Pod') {
    r.error(['kind'], kind === undefined ? 'Required value: must be "Pod"' : `Unsupported value: "${kind}": supported values: "Pod"`);
    return { problems: r.problems };
  }
  const apiVersion = r.str(root.apiVersion, ['apiVersion']);
  if (apiVersion !== undefined && apiVersion !== 'v1') {
    r.error(['apiVersion'], `Unsupported value: "${apiVersion}": supported values: "v1"`);
  }
  const meta = r.obj(root.metadata, ['metadata']);
  const { spec, actions } = readSpec(r, r.obj(root.spec, ['spec']));
  const statusObj = r.obj(root.status, ['status']);
  if (!statusObj) {
    r.error(['status'], 'Required value: a Pod object with a status, as `kubectl get pod -o yaml` prints it');
  }
  const status = readStatus(r, statusObj ?? {}, spec.initContainers.map((c) => c.name), spec.containers.map((c) => c.name));
  const pod: ApiPod = {
    name: r.str(meta?.name, ['metadata', 'name']) ?? '',
    namespace: r.str(meta?.namespace, ['metadata', 'namespace']) ?? 'default',
    spec,
    status,
  };
  const deletion = r.time(meta?.deletionTimestamp, ['metadata', 'deletionTimestamp']);
  if (deletion !== undefined) pod.deletionTimestamp = deletion;
  const specObj = r.obj(root.spec, ['spec']);
  const out: PodObject = { pod, actionsSpec: actions };
  const grace = r.int(specObj?.terminationGracePeriodSeconds, ['spec', 'terminationGracePeriodSeconds']);
  if (grace !== undefined) out.terminationGracePeriodSeconds = grace;
  const deadline = r.int(specObj?.activeDeadlineSeconds, ['spec', 'activeDeadlineSeconds']);
  if (deadline !== undefined) out.activeDeadlineSeconds = deadline;
  const started = r.time(statusObj?.startTime, ['status', 'startTime']);
  if (started !== undefined) out.startTime = started;
  const created = r.time(meta?.creationTimestamp, ['metadata', 'creationTimestamp']);
  if (created !== undefined) out.creationTimestamp = created;
  const newest = newestTimestamp(root);
  if (newest !== undefined) out.newestTimestamp = newest;
  if (r.problems.some((p) => p.severity === 'error')) return { problems: r.problems };
  return { pod: out, problems: r.problems };
}
