import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JSONSchema } from 'monaco-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { NEWEST_VERSION, type KubeVersion } from '../../../engine/version';
import { clearWorkloadSchemaCache, combinedSchema, loadWorkloadSchema, workloadSchemaUrl, type SchemaFetch } from './loadSchema';
import { simulationSchema } from './simulationSchema';
import { checker } from './yamlLanguageService.testutil';

const SCHEMAS = fileURLToPath(new URL('../../../../public/schemas/', import.meta.url));
const GALLERY = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const workload = (v: string): JSONSchema => JSON.parse(readFileSync(join(SCHEMAS, `workload-${v}.json`), 'utf8')) as JSONSchema;

/** A fake fetch serving the committed files, recording the URLs asked for. */
function fakeFetch(opts: { fail?: number } = {}): SchemaFetch & { urls: string[] } {
  const urls: string[] = [];
  const f = async (url: string) => {
    urls.push(url);
    const m = /schemas\/workload-(1\.\d+)\.json$/.exec(url);
    if (opts.fail && opts.fail-- > 0) return { ok: false, status: 503, json: async () => ({}) };
    if (!m) return { ok: false, status: 404, json: async () => ({}) };
    return { ok: true, status: 200, json: async () => workload(m[1]!) };
  };
  return Object.assign(f, { urls });
}

afterEach(() => clearWorkloadSchemaCache());

describe('loadWorkloadSchema', () => {
  it('fetches /schemas/workload-<version>.json relative to the base URL', async () => {
    expect(workloadSchemaUrl('1.33')).toBe('/schemas/workload-1.33.json');
    expect(workloadSchemaUrl('1.33', '/sidecar-lab/')).toBe('/sidecar-lab/schemas/workload-1.33.json');
    expect(workloadSchemaUrl('1.33', './')).toBe('./schemas/workload-1.33.json');
    expect(workloadSchemaUrl('1.33', '/sub')).toBe('/sub/schemas/workload-1.33.json');
    const fetch = fakeFetch();
    const s = await loadWorkloadSchema('1.30', { fetch, base: '/sidecar-lab/' });
    expect(s.title).toBe('Kubernetes 1.30 workload');
    expect(fetch.urls).toEqual(['/sidecar-lab/schemas/workload-1.30.json']);
  });

  it('loads each version once', async () => {
    const fetch = fakeFetch();
    const [a, b] = await Promise.all([loadWorkloadSchema('1.29', { fetch }), loadWorkloadSchema('1.29', { fetch })]);
    expect(a).toBe(b);
    expect(await loadWorkloadSchema('1.29', { fetch })).toBe(a);
    const c = await loadWorkloadSchema('1.36', { fetch });
    expect(c.title).toBe('Kubernetes 1.36 workload');
    expect(fetch.urls).toEqual(['/schemas/workload-1.29.json', '/schemas/workload-1.36.json']);
  });

  it('does not keep a failed load, so the next call tries again', async () => {
    const fetch = fakeFetch({ fail: 1 });
    await expect(loadWorkloadSchema('1.28', { fetch })).rejects.toThrow('loading /schemas/workload-1.28.json failed: HTTP 503');
    expect((await loadWorkloadSchema('1.28', { fetch })).title).toBe('Kubernetes 1.28 workload');
    expect(fetch.urls).toHaveLength(2);
  });

  it('refuses versions without a schema, and bodies that are not a schema', async () => {
    const fetch = fakeFetch();
    await expect(loadWorkloadSchema('1.26' as KubeVersion, { fetch })).rejects.toThrow(/no workload schema for Kubernetes 1\.26/);
    const bad: SchemaFetch = async () => ({ ok: true, status: 200, json: async () => [1, 2] });
    await expect(loadWorkloadSchema('1.27', { fetch: bad })).rejects.toThrow('is not a JSON Schema object');
    expect(fetch.urls).toEqual([]);
  });
});

describe('combinedSchema', () => {
  it('picks the Simulation schema by kind or apiVersion, else the workload, with both definitions at the top', () => {
    const w = workload('1.33');
    const s = simulationSchema(['app']);
    const before = JSON.stringify([w, s]);
    const c = combinedSchema(w, s);
    expect(JSON.stringify([w, s])).toBe(before);
    expect(c.then).toMatchObject({ title: 'Sidecar Lab simulation' });
    expect(c.else).toMatchObject({ title: 'Kubernetes 1.33 workload' });
    expect(Object.keys(c.definitions ?? {}).sort()).toEqual([...Object.keys(w.definitions ?? {}), ...Object.keys(s.definitions ?? {})].sort());
    for (const m of JSON.stringify(c).matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)) expect(c.definitions?.[m[1]!]).toBeDefined();
    expect(() => combinedSchema({ definitions: { X: {} } }, { definitions: { X: {} } })).toThrow('both define X');
  });

  it('validates each document of a scenario file with its own schema', async () => {
    const c = checker(combinedSchema(workload('1.33'), simulationSchema(['app'])));
    const text = [
      'apiVersion: v1', 'kind: Pod', 'metadata: { name: p }', 'spec:', '  containers:', '  - { name: app, image: x, bogus: 1 }',
      '---', 'apiVersion: sidecar-lab/v1', 'kind: Simulation', 'containers:', '  app: { exitAfter: 3s, bogus: 1 }',
      'events:', '  - { at: 1s, do: crash, container: nope }',
    ].join('\n');
    expect(await c.validate(text)).toEqual([
      '6: Property bogus is not allowed.',
      '11: Property bogus is not allowed.',
      '13: Value is not accepted. Valid values: "app".',
    ]);
    expect(await c.validate('kind: Simulation\napiVersion: sidecar-lab/v2\n')).toEqual(['2: Value is not accepted. Valid values: "sidecar-lab/v1".']);
    expect(await c.validate('apiVersion: sidecar-lab/v1\nkubernetesVersion: "1.30"\n')).toEqual(['1: Missing property "kind".']);
    expect(await c.validate('apiVersion: v1\nkind: Simulator\n')).toHaveLength(1);
  });

  it('completes both kinds of document', async () => {
    const c = checker(combinedSchema(workload('1.33'), simulationSchema(['app'])));
    const labels = async (t: string) => (await c.complete(t)).map((i) => i.label);
    expect(await labels('kind: |')).toEqual(['Simulation', 'Pod', 'Job', 'CronJob', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
    expect(await labels('apiVersion: |')).toEqual(['v1', 'batch/v1', 'apps/v1', 'sidecar-lab/v1']);
    expect(await labels('apiVersion: v1\nkind: Pod\ns|')).toEqual(['metadata', 'spec', 'status']);
    expect(await labels('apiVersion: sidecar-lab/v1\nkind: Simulation\nc|')).toEqual(['kubernetesVersion', 'featureGates', 'until', 'kubelet', 'requeueJitter', 'containers', 'events', 'startFrom']);
    const first = await labels('|');
    expect(first).toEqual(expect.arrayContaining(['kind', 'apiVersion', 'Simulation', 'Pod', 'Deployment']));
  });
});

describe('the gallery in the editor', () => {
  const files = readdirSync(GALLERY).filter((f) => f.endsWith('.yaml'));

  it.each(files)('%s has no schema warnings in its own version', async (f) => {
    const text = readFileSync(join(GALLERY, f), 'utf8');
    const docs = parseAllDocuments(text).map((d) => d.toJS() as Record<string, unknown> | null);
    const sim = docs.find((d) => d?.kind === 'Simulation');
    const wl = docs.find((d) => d && d.kind !== 'Simulation') as { kind: string; spec: Record<string, unknown> };
    type Spec = { containers?: { name: string }[]; initContainers?: { name: string }[] };
    const pod = (wl.kind === 'Pod' ? wl.spec
      : wl.kind === 'CronJob' ? ((wl.spec.jobTemplate as { spec: { template: { spec: Spec } } }).spec.template.spec)
        : (wl.spec.template as { spec: Spec }).spec) as Spec;
    const names = [...(pod.initContainers ?? []), ...(pod.containers ?? [])].map((c) => c.name);
    const version = String(sim?.kubernetesVersion ?? NEWEST_VERSION);
    const warnings = await checker(combinedSchema(workload(version), simulationSchema(names))).validate(text);
    // The 1.27 API has no container restartPolicy: this scenario shows what that does.
    if (f === '09-restartpolicy-1.27.yaml') expect(warnings).toEqual([expect.stringMatching(/^\d+: Property restartPolicy is not allowed\.$/)]);
    else expect(warnings).toEqual([]);
  });
});
