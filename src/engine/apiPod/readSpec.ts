// The parts of a Pod's spec the status deciders and computePodActions need.

import type { ContainerForStatus, SpecForStatus } from '../api';
import type { ContainerForActions } from '../kubelet/podActionsTypes';
import type { ProbeHandlerKind, RestartRule } from '../scenario/types';
import { type FieldReader, type Obj, type PathSeg } from './fields';

const POLICIES = ['Always', 'OnFailure', 'Never'] as const;
const HANDLERS: ProbeHandlerKind[] = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

export interface SpecRead {
  spec: SpecForStatus;
  actions: { initContainers: ContainerForActions[]; containers: ContainerForActions[] };
}

function readRules(r: FieldReader, v: unknown, path: PathSeg[]): RestartRule[] | undefined {
  const items = r.list(v, path);
  if (!items.length) return undefined;
  const rules: RestartRule[] = [];
  items.forEach((item, i) => {
    const rule = r.obj(item, [...path, i]);
    if (!rule) return;
    const action = r.oneOf(rule.action, [...path, i, 'action'], ['Restart', 'RestartAllContainers'] as const);
    const codes = r.obj(rule.exitCodes, [...path, i, 'exitCodes']);
    const operator = r.oneOf(codes?.operator, [...path, i, 'exitCodes', 'operator'], ['In', 'NotIn'] as const);
    const values = r.list(codes?.values, [...path, i, 'exitCodes', 'values'])
      .map((c, j) => r.int(c, [...path, i, 'exitCodes', 'values', j]))
      .filter((c): c is number => c !== undefined);
    if (action && operator) rules.push({ action, operator, values });
  });
  return rules;
}

function probeHandler(r: FieldReader, v: unknown, path: PathSeg[]): { handler: ProbeHandlerKind } | undefined {
  const probe = r.obj(v, path);
  if (!probe) return undefined;
  return { handler: HANDLERS.find((h) => probe[h] !== undefined) ?? 'exec' };
}

function readContainers(r: FieldReader, v: unknown, path: PathSeg[]): { status: ContainerForStatus; actions: ContainerForActions }[] {
  const out: { status: ContainerForStatus; actions: ContainerForActions }[] = [];
  r.list(v, path).forEach((item, i) => {
    const c = r.obj(item, [...path, i]);
    if (!c) return;
    const name = r.str(c.name, [...path, i, 'name']);
    if (!name) {
      r.error([...path, i, 'name'], 'Required value');
      return;
    }
    const restartPolicy = r.oneOf(c.restartPolicy, [...path, i, 'restartPolicy'], POLICIES);
    const restartPolicyRules = readRules(r, c.restartPolicyRules, [...path, i, 'restartPolicyRules']);
    const status: ContainerForStatus = { name };
    if (restartPolicy) status.restartPolicy = restartPolicy;
    if (restartPolicyRules) status.restartPolicyRules = restartPolicyRules;
    const actions: ContainerForActions = { ...status, image: r.str(c.image, [...path, i, 'image']) ?? '' };
    const startupProbe = probeHandler(r, c.startupProbe, [...path, i, 'startupProbe']);
    const livenessProbe = probeHandler(r, c.livenessProbe, [...path, i, 'livenessProbe']);
    if (startupProbe) actions.startupProbe = startupProbe;
    if (livenessProbe) actions.livenessProbe = livenessProbe;
    out.push({ status, actions });
  });
  return out;
}

export function readSpec(r: FieldReader, spec: Obj | undefined): SpecRead {
  const inits = readContainers(r, spec?.initContainers, ['spec', 'initContainers']);
  const mains = readContainers(r, spec?.containers, ['spec', 'containers']);
  if (!mains.length && !r.problems.some((p) => p.path[1] === 'containers')) {
    r.error(['spec', 'containers'], 'Required value');
  }
  const gates = r.list(spec?.readinessGates, ['spec', 'readinessGates'])
    .map((g, i) => r.str(r.obj(g, ['spec', 'readinessGates', i])?.conditionType, ['spec', 'readinessGates', i, 'conditionType']))
    .filter((g): g is string => g !== undefined);
  return {
    spec: {
      restartPolicy: r.oneOf(spec?.restartPolicy, ['spec', 'restartPolicy'], POLICIES) ?? 'Always',
      initContainers: inits.map((c) => c.status),
      containers: mains.map((c) => c.status),
      readinessGates: gates,
    },
    actions: { initContainers: inits.map((c) => c.actions), containers: mains.map((c) => c.actions) },
  };
}
