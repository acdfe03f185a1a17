import type { JSONSchema } from 'monaco-yaml';
import { describe, expect, it } from 'vitest';
import { parseDurationString } from '../../../engine/scenario/duration';
import { SIM_ACTIONS as ENGINE_ACTIONS, SIM_EVENT_KEYS } from '../../../engine/scenario/simEvents';
import { KUBELET_KEYS, SIM_TOP_KEYS } from '../../../engine/scenario/simulationDoc';
import { FEATURE_GATES, SUPPORTED_VERSIONS } from '../../../engine/version';
import { DURATION_OR_NEVER_PATTERN, DURATION_PATTERN } from './simFieldSchemas';
import { ACTION_DOCS, SIM_ACTIONS } from './simEventSchema';
import { SIM_DEF_PREFIX, simulationSchema } from './simulationSchema';
import { checker } from './yamlLanguageService.testutil';

const NAMES = ['init-db', 'istio-proxy', 'app'];
const schema = simulationSchema(NAMES);
const def = (s: JSONSchema, name: string): JSONSchema => s.definitions?.[`${SIM_DEF_PREFIX}${name}`] as JSONSchema;
const prop = (s: JSONSchema | undefined, name: string): JSONSchema => s?.properties?.[name] as JSONSchema;
const SIM = 'apiVersion: sidecar-lab/v1\nkind: Simulation\n';

describe('simulationSchema', () => {
  it('lists the top-level fields the engine reads, and no others', () => {
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...SIM_TOP_KEYS].sort());
    expect(schema.additionalProperties).toBe(false);
    expect(prop(schema, 'apiVersion').enum).toEqual(['sidecar-lab/v1']);
    expect(prop(schema, 'kind').enum).toEqual(['Simulation']);
  });

  it('lists the kubelet settings the engine reads (simulationDoc.ts KUBELET_KEYS), and no others', () => {
    const kubelet = prop(schema, 'kubelet');
    expect(Object.keys(kubelet.properties ?? {}).sort()).toEqual([...KUBELET_KEYS].sort());
    expect(kubelet.additionalProperties).toBe(false);
  });

  it('lists every field of an event the engine reads (simEvents.ts SIM_EVENT_KEYS), and no others', () => {
    expect(Object.keys(def(schema, 'Event').properties ?? {}).sort()).toEqual([...SIM_EVENT_KEYS].sort());
    expect(def(schema, 'Event').additionalProperties).toBe(false);
  });

  it('offers the workload\'s container names as containers keys and as events[].container', () => {
    const containers = prop(schema, 'containers');
    expect(containers.propertyNames).toMatchObject({ enum: NAMES });
    expect(Object.keys(containers.properties ?? {})).toEqual(NAMES);
    expect(prop(def(schema, 'Event'), 'container').enum).toEqual(NAMES);
  });

  it('accepts any container name while the workload has none (not parsed yet)', () => {
    const s = simulationSchema([]);
    expect(prop(s, 'containers').propertyNames).toBeUndefined();
    expect(prop(def(s, 'Event'), 'container').enum).toBeUndefined();
    expect(simulationSchema(['a', 'a', '']).definitions).toEqual(simulationSchema(['a']).definitions);
  });

  it('knows every action, version and feature gate of the engine', () => {
    expect([...SIM_ACTIONS].sort()).toEqual([...ENGINE_ACTIONS].sort());
    expect(prop(def(schema, 'Event'), 'do').enum).toEqual(SIM_ACTIONS);
    expect(prop(def(schema, 'Event'), 'do').enumDescriptions).toEqual(SIM_ACTIONS.map((a) => ACTION_DOCS[a]));
    expect((prop(schema, 'kubernetesVersion').anyOf?.[0] as JSONSchema).enum).toEqual([...SUPPORTED_VERSIONS]);
    expect(Object.keys(prop(schema, 'featureGates').properties ?? {})).toEqual(Object.keys(FEATURE_GATES));
  });

  it('describes every knob', () => {
    const missing: string[] = [];
    const walk = (s: JSONSchema | boolean | undefined, path: string) => {
      if (typeof s !== 'object') return;
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        if (typeof p === 'object' && !p.description && !p.$ref) missing.push(`${path}.${k}`);
        walk(p, `${path}.${k}`);
      }
      for (const sub of [...(s.anyOf ?? []), s.items as JSONSchema | undefined]) walk(sub, path);
    };
    walk(schema, '');
    for (const [name, d] of Object.entries(schema.definitions ?? {})) {
      if (!d.description) missing.push(name);
      walk(d, name);
    }
    expect(missing).toEqual([]);
  });

  it('says in the gates\' hover text what the chosen version does', () => {
    const gates = (v: '1.27' | '1.30' | '1.33' | '1.37') => prop(simulationSchema(NAMES, { version: v }), 'featureGates').properties as Record<string, JSONSchema>;
    expect(gates('1.27').SidecarContainers?.description).toMatch(/Not in 1\.27: the setting is ignored\.$/);
    expect(gates('1.30').SidecarContainers?.description).toMatch(/In 1\.30 it is on by default\.$/);
    expect(gates('1.33').SidecarContainers?.description).toMatch(/In 1\.33 it is locked on/);
    expect(gates('1.37').SidecarContainers?.description).toMatch(/Removed in 1\.37: the feature is always on and the setting is ignored\.$/);
    expect(gates('1.37').PodReadyToStartContainersCondition?.description).toMatch(/GA \(locked on\) in 1\.37\. In 1\.37 it is locked on/);
    expect(prop(schema, 'featureGates').properties?.SidecarContainers).toMatchObject({
      description: 'Init containers with restartPolicy: Always (KEP-753). Alpha (off by default) in 1.28, beta (on by default) in 1.29, GA (locked on) in 1.33, removed (always on) in 1.37.',
    });
  });
});

describe('duration patterns', () => {
  const samples = ['0', '2', '2.5', '.5', '1.', '500ms', '2s', '1m30s', '1h', '1h2m3.5s', '10us', '10µs', '3ns', ' 5s ', '+5s',
    '', 's', '5', '5 s', '5sec', '1d', 'abc', '1m30', '-5s', '--1s', '1.2.3s', 'ms', 'never'];
  it.each(samples)('%j: the pattern agrees with the engine', (text) => {
    const engine = parseDurationString(text);
    const ok = engine.ok && !text.trim().startsWith('-');
    expect(new RegExp(DURATION_PATTERN, 'u').test(text)).toBe(ok);
    expect(new RegExp(DURATION_OR_NEVER_PATTERN, 'u').test(text)).toBe(ok || text.trim().toLowerCase() === 'never');
  });
});

describe('simulationSchema in the YAML language service', () => {
  const c = checker(simulationSchema(NAMES, { version: '1.33' }));

  it('accepts the contract\'s example document', async () => {
    const text = `${SIM}kubernetesVersion: "1.33"
featureGates:
  SidecarContainers: true
until: 10m
kubelet: { maxContainerRestartPeriod: 60s }
containers:
  istio-proxy:
    pull: 1s
    startDelay: 2s
    readyAfter: 3s
    exitAfter: never
    exitCode: 0
    onStop: { after: 1s, exitCode: 0 }
    postStart: { duration: 1s, exitCode: 0 }
    preStop: { duration: 5s, exitCode: 0 }
  app:
    onStop: ignore
    runs:
      - { exitAfter: 2s, exitCode: 1 }
      - {}
      - { exitAfter: Never, startDelay: 1.5 }
  init-db:
events:
  - { at: 45s, container: istio-proxy, do: crash, exitCode: 1 }
  - { at: 60s, container: app, do: exit }
  - { at: 70s, container: app, do: oomKill }
  - { at: 80s, container: app, do: failLiveness, for: 30s }
  - { at: 80s, container: app, do: failReadiness, for: 10s }
  - { at: 0s,  container: app, do: failStartup, for: 20s }
  - { at: 5s,  container: app, do: failPull, for: 60s }
  - { at: 30s, container: app, do: setImage, image: app:v2 }
  - { at: 85, do: recreateSandbox }
  - { at: 1m28s, do: restartKubelet }
  - { at: 1m29s, do: restartKubelet, removeExitedContainers: true }
  - { at: 90s, do: deletePod, gracePeriodSeconds: 10 }
`;
    expect(await c.validate(text)).toEqual([]);
  });

  it('accepts the version forms the engine reads', async () => {
    for (const v of ['"1.30"', '1.30', '1.27', '"v1.33"', '"1.33.2"']) expect(await c.validate(`${SIM}kubernetesVersion: ${v}\n`), v).toEqual([]);
    expect(await c.validate(`${SIM}kubernetesVersion: "1.26"\n`)).toHaveLength(1);
  });

  it('warns like the engine', async () => {
    const text = `${SIM}featureGates: { SidecarContainers: true, Bogus: true }
until: 10 minutes
kubelet: { maxContainerRestartPeriod: 500 }
containers:
  nope: {}
  app: { exitCode: 300, onStop: stop, bogus: 1 }
events:
  - { at: 1s, do: crash, container: ghost }
  - { at: 2s, do: deletePod, container: app }
  - { at: 2s, do: failLiveness, for: 10s, exitCode: 1 }
  - { at: 3s, do: setImage, container: app }
  - { at: 3s, do: explode, container: app }
  - { at: -1s, do: exit, container: app }
  - { at: 5s, do: restartKubelet, image: x, gracePeriodSeconds: 1 }
  - { at: 6s, do: crash, container: app, removeExitedContainers: true }
  - { at: 7s, do: restartKubelet, removeExitedContainers: yes please }
`;
    const warnings = await c.validate(text);
    expect(warnings).toEqual(expect.arrayContaining([
      '3: Property Bogus is not allowed.',
      '4: Expected a duration: a number of seconds, or a Go duration such as 500ms, 2s, 1m30s.',
      '5: Value is above the maximum of 300.',
      '7: No such container in the workload; its containers are init-db, istio-proxy, app.',
      '8: Value is above the maximum of 255.',
      '8: Property bogus is not allowed.',
      '10: Value is not accepted. Valid values: "init-db", "istio-proxy", "app".',
      '11: This action acts on the whole pod; container is ignored.',
      '12: Missing property "container".',
      '12: exitCode is used only by crash, exit and oomKill; the simulator ignores it here.',
      '13: Missing property "image".',
      '15: Expected a duration: a number of seconds, or a Go duration such as 500ms, 2s, 1m30s.',
      '16: image is used only by setImage; the simulator ignores it here.',
      '16: gracePeriodSeconds is used only by deletePod; the simulator ignores it here.',
      '17: removeExitedContainers is used only by restartKubelet; the simulator ignores it here.',
      '18: Incorrect type. Expected "boolean".',
    ]));
    expect(warnings.some((w) => w.startsWith('8: ') && /onStop|ignore|Expected/.test(w))).toBe(true);
    expect(warnings.some((w) => w.startsWith('14: Value is not accepted. Valid values: "crash"'))).toBe(true);
  });

  it('completes fields, container names, actions, gates and versions', async () => {
    const labels = async (text: string) => (await c.complete(text)).map((i) => i.label);
    expect(await labels(`${SIM}|`)).toEqual(['kubernetesVersion', 'featureGates', 'until', 'kubelet', 'requeueJitter', 'containers', 'events', 'startFrom']);
    expect(await labels(`${SIM}containers:\n  |`)).toEqual(NAMES);
    expect(await labels(`${SIM}containers:\n  app:\n    |`)).toEqual(['pull', 'registryCheck', 'imageSize', 'startDelay', 'readyAfter', 'exitAfter', 'exitCode', 'startError', 'onStop', 'postStart', 'preStop', 'startupProbe', 'livenessProbe', 'readinessProbe', 'runs']);
    expect(await labels(`${SIM}events:\n  - at: 1s\n    do: |`)).toEqual(SIM_ACTIONS);
    expect(await labels(`${SIM}events:\n  - at: 1s\n    do: crash\n    container: |`)).toEqual(NAMES);
    expect(await labels(`${SIM}featureGates:\n  |`)).toEqual(Object.keys(FEATURE_GATES));
    expect(await labels(`${SIM}kubernetesVersion: |`)).toEqual(SUPPORTED_VERSIONS.map((v) => `"${v}"`));
    expect(await labels(`${SIM}containers:\n  app:\n    onStop: |`)).toContain('ignore');
    expect(await labels(`${SIM}containers:\n  app:\n    exitAfter: |`)).toContain('never');
  });

  it('explains actions and knobs on hover', async () => {
    expect(await c.hover(`${SIM}events:\n  - { at: 1s, do: oom|Kill, container: app }`)).toContain(`\`oomKill\`: ${ACTION_DOCS.oomKill}`);
    expect(await c.hover(`${SIM}containers:\n  app:\n    ready|After: 3s`)).toMatch(/readiness handler passes/);
    expect(await c.hover(`${SIM}featureGates:\n  Sidecar|Containers: true`)).toMatch(/In 1\.33 it is locked on/);
  });

  it('reads probe durations like the engine ([5.11], prober.go runProbe)', async () => {
    expect(await c.validate(`${SIM}containers:\n  app:\n    readinessProbe: { duration: 30s }\n    livenessProbe: { duration: never }\n`)).toEqual([]);
    const warnings = await c.validate(`${SIM}containers:\n  app:\n    readinessProbe: { duration: soon, timeout: 1s }\n`);
    expect(warnings).toEqual(expect.arrayContaining([
      '5: Expected a duration (a number of seconds, or 500ms, 2s, 1m30s) or "never".',
      '5: Property timeout is not allowed.',
    ]));
    expect(await c.hover(`${SIM}containers:\n  app:\n    readinessProbe: { dura|tion: 30s }`)).toMatch(/timeoutSeconds/);
    expect(await c.hover(`${SIM}containers:\n  app:\n    readiness|Probe: { duration: 30s }`)).toMatch(/30s late/);
  });
});
