// Builds Scenario objects directly, without YAML, for unit tests and property tests.

import type { Behavior, ContainerSpec, KubeletConfig, ProbeSpec, RestartPolicy, Scenario, SimEvent } from '../scenario/types';
import { resolveGates, type KubeVersion } from '../version';

export interface ContainerDesc {
  name: string;
  kind?: 'init' | 'sidecar' | 'main';
  image?: string;
  behavior?: Partial<Behavior>;
  startupProbe?: Partial<ProbeSpec>;
  livenessProbe?: Partial<ProbeSpec>;
  readinessProbe?: Partial<ProbeSpec>;
  preStop?: boolean;
  postStart?: boolean;
  restartPolicy?: RestartPolicy;
}

export interface PodDesc {
  version?: KubeVersion;
  restartPolicy?: RestartPolicy;
  grace?: number;
  until?: number;
  init?: ContainerDesc[];
  main: ContainerDesc[];
  events?: Omit<SimEvent, 'pos'>[];
  gates?: Record<string, boolean>;
  /** The Simulation document's requeueJitter ([4.6]); unset = 0. */
  requeueJitter?: number;
  /** spec.activeDeadlineSeconds ([13]). */
  activeDeadlineSeconds?: number;
  /** spec.priority ([8.16]). */
  priority?: number;
  /** The Simulation document's kubelet settings ([4.7], [8.15], [8.16]). */
  kubelet?: KubeletConfig;
}

export const defaultBehavior = (): Behavior => ({
  pull: 0.5, startDelay: 0, readyAfter: 0, exitAfter: null, exitCode: 0,
  onStop: { kind: 'exit', after: 0, exitCode: 0 },
  postStart: { duration: 0, exitCode: 0 }, preStop: { duration: 0, exitCode: 0 },
  source: 'default', note: '',
});

export function probe(p: Partial<ProbeSpec> = {}): ProbeSpec {
  return { handler: 'exec', initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, ...p };
}

function spec(d: ContainerDesc, kind: 'init' | 'sidecar' | 'main', index: number): ContainerSpec {
  return {
    name: d.name, image: d.image ?? 'busybox:1.36', kind, index,
    restartPolicy: kind === 'sidecar' ? 'Always' : d.restartPolicy,
    startupProbe: d.startupProbe ? probe(d.startupProbe) : undefined,
    livenessProbe: d.livenessProbe ? probe(d.livenessProbe) : undefined,
    readinessProbe: d.readinessProbe ? probe(d.readinessProbe) : undefined,
    preStop: d.preStop ? { handler: 'exec' } : undefined,
    postStart: d.postStart ? { handler: 'exec' } : undefined,
    imagePullPolicy: 'IfNotPresent', pos: { line: 1, col: 1 },
  };
}

export function buildScenario(d: PodDesc): Scenario {
  const version = d.version ?? '1.33';
  const init = (d.init ?? []).map((c, i) => spec(c, c.kind === 'sidecar' ? 'sidecar' : 'init', i));
  const main = d.main.map((c, i) => spec(c, 'main', i));
  const behaviors: Record<string, Behavior> = {};
  for (const c of [...(d.init ?? []), ...d.main]) {
    const b = { ...defaultBehavior(), ...c.behavior };
    if (c.behavior?.readyAfter === undefined) b.readyAfter = b.startDelay;
    behaviors[c.name] = b;
  }
  return {
    workloadKind: 'Pod',
    pod: {
      name: 'test-pod', namespace: 'default', restartPolicy: d.restartPolicy ?? 'Always',
      terminationGracePeriodSeconds: d.grace ?? 30, initContainers: init, containers: main, readinessGates: [],
      ...(d.activeDeadlineSeconds === undefined ? {} : { activeDeadlineSeconds: d.activeDeadlineSeconds }),
      ...(d.priority === undefined ? {} : { priority: d.priority }),
    },
    sim: {
      kubernetesVersion: version, featureGates: resolveGates(version, d.gates ?? {}), until: d.until,
      kubelet: d.kubelet ?? {}, behaviors, events: (d.events ?? []).map((e) => ({ ...e, pos: { line: 1, col: 1 } })),
      ...(d.requeueJitter === undefined ? {} : { requeueJitter: d.requeueJitter }),
    },
    problems: [],
  };
}
