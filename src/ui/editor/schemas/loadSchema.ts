// Loading the generated workload schemas (public/schemas/workload-<version>.json, made by
// scripts/gen-schemas.ts) on demand, and joining one with the Simulation document's schema into
// the single schema monaco-yaml applies to every YAML document of the scenario file.

import type { JSONSchema } from 'monaco-yaml';
import { SUPPORTED_VERSIONS, isSupportedVersion, type KubeVersion } from '../../../engine/version';
import { SIMULATION_API_VERSION, SIMULATION_KIND } from './simulationSchema';

/** The part of `fetch` this module uses (tests pass a fake). */
export type SchemaFetch = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface LoadOptions {
  /** Defaults to the global fetch. */
  fetch?: SchemaFetch;
  /** The app's base URL; defaults to Vite's import.meta.env.BASE_URL. */
  base?: string;
}

function viteBase(): string {
  // import.meta.env exists under Vite and Vitest; elsewhere (a bare Node script) serve from the root.
  return (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
}

/** Where the workload schema of a version is served: `<base>schemas/workload-<version>.json`. */
export function workloadSchemaUrl(version: KubeVersion, base: string = viteBase()): string {
  return `${base.endsWith('/') ? base : `${base}/`}schemas/workload-${version}.json`;
}

const cache = new Map<string, Promise<JSONSchema>>();

/**
 * The generated workload schema of `version`, fetched on first use and cached per version (and
 * URL). A failed load is not cached, so a later call tries again.
 */
export function loadWorkloadSchema(version: KubeVersion, opts: LoadOptions = {}): Promise<JSONSchema> {
  if (!isSupportedVersion(version)) {
    return Promise.reject(new Error(`no workload schema for Kubernetes ${String(version)}: supported are ${SUPPORTED_VERSIONS.join(', ')}`));
  }
  const url = workloadSchemaUrl(version, opts.base);
  let p = cache.get(url);
  if (!p) {
    const doFetch: SchemaFetch = opts.fetch ?? ((u) => fetch(u));
    p = doFetch(url).then(async (res) => {
      if (!res.ok) throw new Error(`loading ${url} failed: HTTP ${res.status}`);
      const schema = await res.json();
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error(`${url} is not a JSON Schema object`);
      return schema as JSONSchema;
    });
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

/** Forgets loaded schemas (for tests). */
export function clearWorkloadSchemaCache(): void {
  cache.clear();
}

/** A document is the Simulation one when its kind says so, or its apiVersion is ours (as the engine decides). */
export const IS_SIMULATION_DOC: JSONSchema = {
  anyOf: [
    // With `required`, yaml-language-server offers this as a completion skeleton, like the
    // workload schema's Pod, Job, ...: "Simulation" inserts `kind: Simulation`.
    { title: SIMULATION_KIND, properties: { kind: { const: SIMULATION_KIND } }, required: ['kind'] },
    // apiVersion present and starting with sidecar-lab/ (written without `required`: no skeleton).
    { not: { properties: { apiVersion: { not: { type: 'string', pattern: '^sidecar-lab/' } } } } },
  ],
};

function enumOf(s: JSONSchema | boolean | undefined): string[] {
  return typeof s === 'object' && Array.isArray(s.enum) ? s.enum.filter((v): v is string => typeof v === 'string') : [];
}

function valueSnippets(values: string[]): NonNullable<JSONSchema['defaultSnippets']> {
  return [...new Set(values)].map((v) => ({ label: v, body: v }));
}

/**
 * One schema for the whole scenario file. monaco-yaml applies the schema to each YAML document
 * of the file, so the top level tells the two apart: the Simulation document (kind Simulation,
 * or apiVersion sidecar-lab/…) gets `simulation`, any other document `workload`. Both schemas'
 * `definitions` move to the top, where their `#/definitions/...` references resolve.
 */
export function combinedSchema(workload: JSONSchema, simulation: JSONSchema): JSONSchema {
  const { definitions: wDefs = {}, $schema: _w, ...w } = workload;
  const { definitions: sDefs = {}, $schema: _s, ...s } = simulation;
  const clash = Object.keys(sDefs).filter((k) => Object.prototype.hasOwnProperty.call(wDefs, k));
  if (clash.length > 0) throw new Error(`workload and simulation schemas both define ${clash.join(', ')}`);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Sidecar Lab scenario',
    description: 'A scenario: the workload document (a Pod, or a Job, CronJob, Deployment, StatefulSet, DaemonSet or ReplicaSet), and optionally a Simulation document (apiVersion sidecar-lab/v1) after `---`.',
    type: 'object',
    // Completions of every document's values, also while the document does not say yet which
    // it is. Snippets, not enum or examples: each branch checks its own values (a check here
    // would repeat its warning), and hover does not list snippets.
    properties: {
      apiVersion: { defaultSnippets: valueSnippets([...enumOf(w.properties?.apiVersion), SIMULATION_API_VERSION]) },
      kind: { defaultSnippets: valueSnippets([...enumOf(w.properties?.kind), SIMULATION_KIND]) },
    },
    if: IS_SIMULATION_DOC,
    then: s,
    else: w,
    definitions: { ...wDefs, ...sDefs },
  };
}
