// The scenario parser's front door (contract section 1): text in, a Scenario or problems out.
// Pure: no DOM, no fs, no clock. It never throws; anything unexpected becomes a problem.

import { minor } from '../version';
import { buildBehaviors } from './behavior';
import type { Ctx } from './decode';
import { Problems, sortProblems, START_SPAN } from './problems';
import { readSimContainers, type HookPresence } from './simContainers';
import { readSimEvents } from './simEvents';
import { isSimulationDoc, readSimSettings } from './simulationDoc';
import { readStartFrom } from './startFrom';
import type { ParseOptions, ParseResult, Scenario } from './types';
import { allContainers } from './types';
import { podSpecPath } from './workload';
import { readWorkloadOnce } from './unchangedWorkload';
import { parseYamlDocuments, type YamlDoc } from './yamlDocs';
import type { StepListener } from './yamlInSteps';
import { startOf } from './ynode';

function parseInto(p: Problems, text: string, opts: ParseOptions, onStep?: StepListener): Scenario | undefined {
  if (typeof text !== 'string') {
    p.error('', 'the scenario must be text', START_SPAN);
    return undefined;
  }
  const yaml = parseYamlDocuments(text, p, onStep);
  if (!yaml.ok) return undefined;

  let sim: YamlDoc | undefined;
  let work: YamlDoc | undefined;
  for (const doc of yaml.docs) {
    if (isSimulationDoc(doc.map)) {
      if (sim) p.error('', 'a scenario has at most one Simulation document', startOf(doc.map.span));
      else sim = doc;
    } else if (work) {
      p.error('', 'a scenario holds one workload; this is a second one (put the Simulation document here, or remove it)', startOf(doc.map.span));
    } else {
      work = doc;
    }
  }
  if (!work) {
    p.error('', 'no workload: the scenario needs a Pod, Job, CronJob, Deployment, StatefulSet, DaemonSet or ReplicaSet document', sim ? startOf(sim.map.span) : START_SPAN);
    return undefined;
  }

  const settings = readSimSettings(p, sim?.map, opts);
  const ctx: Ctx = { p, version: settings.version, minor: minor(settings.version), gates: settings.gates };
  const workload = readWorkloadOnce(ctx, work.map);
  if (!workload) return undefined;

  const containers = allContainers(workload.pod);
  const hooks = new Map<string, HookPresence>();
  for (const c of containers) {
    const probes = { startup: c.startupProbe, liveness: c.livenessProbe, readiness: c.readinessProbe };
    hooks.set(c.name, { postStart: c.postStart?.handler, preStop: c.preStop?.handler, probes });
  }
  const entries = readSimContainers(p, sim?.map, hooks);
  const events = readSimEvents(p, sim?.map, containers.map((c) => c.name));
  const startFrom = readStartFrom(p, sim?.map, containers.map((c) => c.name), workload.kind);
  const behaviors = buildBehaviors(p, workload.pod, podSpecPath(workload.kind), entries);

  const scenario: Scenario = {
    workloadKind: workload.kind,
    pod: workload.pod,
    ...(workload.job ? { job: workload.job } : {}),
    sim: {
      kubernetesVersion: settings.version,
      featureGates: settings.gates,
      kubelet: settings.kubelet,
      behaviors,
      events,
    },
    problems: [],
  };
  if (settings.until !== undefined) scenario.sim.until = settings.until;
  if (settings.untilSpan) scenario.sim.untilSpan = settings.untilSpan;
  if (settings.requeueJitter !== undefined) scenario.sim.requeueJitter = settings.requeueJitter;
  if (startFrom) scenario.sim.startFrom = startFrom;
  return scenario;
}

/**
 * Parses a scenario (the workload plus an optional Simulation document). `onStep` is called now
 * and then while a long text is read (yamlInSteps.ts).
 */
export function parseScenario(text: string, opts: ParseOptions = {}, onStep?: StepListener): ParseResult {
  const p = new Problems();
  let scenario: Scenario | undefined;
  try {
    scenario = parseInto(p, text, opts, onStep);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    p.error('', `internal error while reading the scenario (${msg}); please report this scenario`, START_SPAN);
    scenario = undefined;
  }
  const problems = sortProblems(p.list);
  if (!scenario || problems.some((x) => x.severity === 'error')) return { ok: false, problems };
  scenario.problems = problems;
  return { ok: true, scenario, problems };
}
