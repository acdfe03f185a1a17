// The generated workload schemas (public/schemas, from scripts/gen-schemas.ts): present, small,
// version-accurate, accepted by the editor's YAML language service for real `kubectl get -o yaml`
// output. That they regenerate byte for byte from the pinned @kubernetes/client-node releases is
// checked by `npm run gen:schemas -- --check` (it installs those ~300 MB on first use).

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JSONSchema } from 'monaco-yaml';
import { describe, expect, it } from 'vitest';
import { VERSIONS, fileName } from '../../../../scripts/gen-schemas';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../../../engine/version';
import { checker } from './yamlLanguageService.testutil';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SCHEMAS = join(ROOT, 'public/schemas');
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

type Defs = Record<string, JSONSchema & { properties?: Record<string, JSONSchema> }>;

const load = (v: string): JSONSchema & { definitions: Defs } => JSON.parse(readFileSync(join(SCHEMAS, fileName(v)), 'utf8')) as JSONSchema & { definitions: Defs };
const props = (v: string, def: string): string[] => Object.keys(load(v).definitions[def]?.properties ?? {});
const at = (from: number) => SUPPORTED_VERSIONS.filter((v) => minor(v) >= from);
const before = (to: number) => SUPPORTED_VERSIONS.filter((v) => minor(v) < to);

describe('generated workload schemas', () => {
  it('exist for every supported version, parse, and are draft-07 under 150 kB', () => {
    expect(VERSIONS.map((v) => v.version)).toEqual([...SUPPORTED_VERSIONS]);
    expect(readdirSync(SCHEMAS).filter((f) => f.startsWith('workload-')).sort()).toEqual(SUPPORTED_VERSIONS.map(fileName).sort());
    for (const v of SUPPORTED_VERSIONS) {
      const s = load(v);
      expect(s.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(s.title).toBe(`Kubernetes ${v} workload`);
      expect(statSync(join(SCHEMAS, fileName(v))).size).toBeLessThan(150_000);
    }
  });

  it('have a container restartPolicy from 1.28 (native sidecars), not in 1.27', () => {
    expect(props('1.27', 'V1Container')).not.toContain('restartPolicy');
    for (const v of at(28)) expect(props(v, 'V1Container'), v).toContain('restartPolicy');
  });

  it('have restartPolicyRules from 1.34 (ContainerRestartRules)', () => {
    for (const v of before(34)) expect(props(v, 'V1Container'), v).not.toContain('restartPolicyRules');
    for (const v of at(34)) {
      expect(props(v, 'V1Container'), v).toContain('restartPolicyRules');
      expect(props(v, 'V1ContainerRestartRule'), v).toEqual(['action', 'exitCodes']);
    }
  });

  it('have the sleep lifecycle handler from 1.29 (PodLifecycleSleepAction, alpha)', () => {
    for (const v of before(29)) expect(props(v, 'V1LifecycleHandler'), v).not.toContain('sleep');
    for (const v of at(29)) {
      expect(props(v, 'V1LifecycleHandler'), v).toEqual(['exec', 'httpGet', 'sleep', 'tcpSocket']);
      expect(load(v).definitions.V1SleepAction?.required, v).toEqual(['seconds']);
    }
  });

  it('have lifecycle.stopSignal from 1.33 (ContainerStopSignals)', () => {
    for (const v of before(33)) expect(props(v, 'V1Lifecycle'), v).toEqual(['postStart', 'preStop']);
    for (const v of at(33)) expect(props(v, 'V1Lifecycle'), v).toEqual(['postStart', 'preStop', 'stopSignal']);
  });

  it('build 1.31 from 1.30 plus the fields of 1.31 feature gates, 1.35 from 1.34, and 1.37 from 1.36', () => {
    expect(props('1.30', 'V1PodSecurityContext')).not.toContain('supplementalGroupsPolicy');
    expect(props('1.31', 'V1PodSecurityContext')).toContain('supplementalGroupsPolicy');
    expect(props('1.31', 'V1PodResourceClaim')).toEqual(['name', 'resourceClaimName', 'resourceClaimTemplateName']);
    expect(props('1.30', 'V1PodResourceClaim')).toEqual(['name', 'source']);
    expect(props('1.31', 'V1PodSpec')).toEqual(props('1.30', 'V1PodSpec'));
    expect(props('1.32', 'V1PodSpec')).toContain('resources');
    expect(load('1.31').description).toMatch(/1\.31 has no @kubernetes\/client-node release/);
    const defs = (v: string) => JSON.stringify(load(v).definitions);
    expect(defs('1.35')).toBe(defs('1.34'));
    expect(load('1.35').description).toMatch(/1\.35 has no @kubernetes\/client-node release/);
    expect(defs('1.37')).toBe(defs('1.36'));
    expect(load('1.37').description).toMatch(/1\.37 has no @kubernetes\/client-node release/);
  });

  it('carry the API descriptions for hover, and reject unknown fields but not status', () => {
    for (const v of SUPPORTED_VERSIONS) {
      const d = load(v).definitions;
      expect(d.V1Container?.properties?.image?.description, v).toMatch(/^Container image name/);
      expect(d.V1Probe?.description, v).toMatch(/Probe describes a health check/);
      expect(d.V1Container?.required, v).toEqual(['name']);
      expect(d.V1Container?.additionalProperties, v).toBe(false);
      expect(d.V1ObjectMeta?.additionalProperties, v).toBe(false);
      expect(props(v, 'V1ObjectMeta'), v).toEqual(expect.arrayContaining(['name', 'namespace', 'labels', 'annotations', 'generateName', 'managedFields']));
      expect(d.V1PodStatus?.properties, v).toBeUndefined();
      expect(d.V1PodStatus?.additionalProperties, v).toBeUndefined();
    }
  });

  it('resolve every $ref', () => {
    for (const v of SUPPORTED_VERSIONS) {
      const s = load(v);
      const refs = [...JSON.stringify(s).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)].map((m) => m[1]!);
      expect(refs.length, v).toBeGreaterThan(50);
      for (const r of refs) expect(s.definitions[r], `${v} ${r}`).toBeDefined();
    }
  });
});

describe('workload schemas in the YAML language service', () => {
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'));

  it.each(fixtures)('%s (real kubectl -o yaml) loads without warnings from its first version on', async (f) => {
    const text = readFileSync(join(FIXTURES, f), 'utf8');
    const min = /^# min: (1\.\d+)$/m.exec(text)?.[1] as KubeVersion;
    expect(min).toBeDefined();
    for (const v of SUPPORTED_VERSIONS) {
      const warnings = await checker(load(v)).validate(text);
      if (minor(v) >= minor(min)) expect(warnings, `${f} on ${v}`).toEqual([]);
    }
  });

  it('warns where the version lacks a field, with the editor\'s wording', async () => {
    const pod = readFileSync(join(FIXTURES, 'kubectl-pod.yaml'), 'utf8');
    const line = pod.split('\n').findIndex((l) => l.trim() === 'restartPolicy: Always') + 1;
    expect(await checker(load('1.27')).validate(pod)).toEqual([`${line}: Property restartPolicy is not allowed.`]);
  });

  it('checks types, enums and unknown fields', async () => {
    const c = checker(load('1.33'));
    const text = [
      'apiVersion: apps/v1', 'kind: Pod', 'metadata: { name: p, bogusField: 42 }', 'spec:', '  containers:',
      '  - name: a', '    ports: [{ containerPort: "80" }]', '    resources: { limits: { cpu: 1, memory: 1Gi } }',
      '    lifecycle: { preStop: { sleep: { seconds: 5 } } }', '  - image: b',
    ].join('\n');
    expect(await c.validate(text)).toEqual([
      '1: Value is not accepted. Valid values: "v1".',
      '3: Property bogusField is not allowed.',
      '7: Incorrect type. Expected "integer".',
      '10: Missing property "name".',
    ]);
    expect(await c.validate('apiVersion: v1\nkind: Bogus\n')).toEqual([
      '2: Value is not accepted. Valid values: "Pod", "Job", "CronJob", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet".',
    ]);
  });

  it('completes kinds, and the fields of the version (Job and CronJob templates too)', async () => {
    const labels = async (v: string, text: string) => (await checker(load(v)).complete(text)).map((i) => i.label);
    expect(await labels('1.33', 'kind: |')).toEqual(['Pod', 'Job', 'CronJob', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
    const container = 'apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      initContainers:\n      - name: a\n        r|';
    expect(await labels('1.27', container)).not.toContain('restartPolicy');
    expect(await labels('1.28', container)).toContain('restartPolicy');
    expect(await labels('1.34', container)).toContain('restartPolicyRules');
    const handler = 'kind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: a\n            lifecycle:\n              preStop:\n                e|';
    expect(await labels('1.28', handler)).toEqual(['exec', 'httpGet', 'tcpSocket']);
    expect(await labels('1.29', handler)).toEqual(['exec', 'httpGet', 'sleep', 'tcpSocket']);
  });

  it('shows the API description on hover', async () => {
    const hover = await checker(load('1.30')).hover('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    restart|Policy: Always\n');
    expect(hover).toMatch(/^#### Container\n\nRestartPolicy defines the restart behavior of individual containers/);
  });
});
