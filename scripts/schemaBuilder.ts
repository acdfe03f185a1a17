// Building one version's workload schema from the client's models (scripts/gen-schemas.ts): what
// the schema covers (the workload kinds, the types kept shallow, the Quantity fields), how
// openapi-generator's TypeScript types map to JSON Schema, and the version's backported fields.

import { ModelSource, type Field, type Model } from './schemaModels';
import type { VersionSpec } from './schemaVersions';

/** A JSON Schema node (draft-07), as plain JSON. */
export type JsonSchema = { [key: string]: unknown };

/** The workload kinds of the scenario (contract section 1), their model class and apiVersion. */
export const WORKLOAD_KINDS = [
  { kind: 'Pod', model: 'V1Pod', apiVersion: 'v1' },
  { kind: 'Job', model: 'V1Job', apiVersion: 'batch/v1' },
  { kind: 'CronJob', model: 'V1CronJob', apiVersion: 'batch/v1' },
  { kind: 'Deployment', model: 'V1Deployment', apiVersion: 'apps/v1' },
  { kind: 'StatefulSet', model: 'V1StatefulSet', apiVersion: 'apps/v1' },
  { kind: 'DaemonSet', model: 'V1DaemonSet', apiVersion: 'apps/v1' },
  { kind: 'ReplicaSet', model: 'V1ReplicaSet', apiVersion: 'apps/v1' },
] as const;

/**
 * Types kept shallow: an open object (any fields) with the type's description. Large subtrees
 * the simulator does not read (volume sources, affinity terms, claim templates, ephemeral
 * containers), and everything the server fills in (every *Status type, managedFields).
 */
const SHALLOW = new Set([
  'V1Volume', 'V1Affinity', 'V1EphemeralContainer', 'V1PersistentVolumeClaim', 'V1ManagedFieldsEntry',
]);

function isShallow(model: string): boolean {
  return SHALLOW.has(model) || model.endsWith('Status');
}

/**
 * Fields whose type openapi-generator turned into `string` but that Kubernetes reads as a
 * resource.Quantity (int-or-string: `cpu: 1` is as valid as `cpu: "1"`).
 */
const QUANTITIES = new Set([
  'V1ResourceRequirements.limits', 'V1ResourceRequirements.requests', 'V1PodSpec.overhead', 'V1ResourceFieldSelector.divisor',
]);

const MODEL_NAME = /^(?:[A-Z][a-z]+)*V\d\w*$/;

export interface Generated {
  version: string;
  schema: JsonSchema;
  json: string;
}

class Builder {
  readonly definitions = new Map<string, JsonSchema>();
  private readonly pending = new Set<string>();

  constructor(
    private readonly src: ModelSource,
    private readonly spec: VersionSpec,
    private readonly donor?: ModelSource,
  ) {}

  /** The model with this version's backported changes applied. */
  async model(name: string): Promise<{ model: Model; from: ModelSource }> {
    const own = this.src.has(name);
    const from = own ? this.src : this.donor;
    if (!from?.has(name)) throw new Error(`${this.spec.version}: no model ${name}`);
    const m = await from.model(name);
    const changes = (this.spec.donor?.changes ?? []).filter((c) => c.type === name);
    if (!own || changes.length === 0) return { model: m, from };
    const fields = m.fields.filter((f) => !changes.some((c) => c.op === 'remove' && c.field === f.json));
    for (const c of changes.filter((x) => x.op === 'add')) {
      if (fields.some((f) => f.json === c.field)) throw new Error(`${this.spec.version}: ${name}.${c.field} already exists`);
      const dm = await this.donor!.model(name);
      const f = dm.fields.find((x) => x.json === c.field);
      if (!f) throw new Error(`${this.spec.version}: donor has no ${name}.${c.field}`);
      const note = `(Kubernetes ${this.spec.version}: added by ${c.why}; definition from the ${this.donor!.openApiVersion} API.)`;
      fields.push({ ...f, description: f.description ? `${f.description}\n\n${note}` : note });
    }
    for (const c of changes.filter((x) => x.op === 'remove')) {
      if (!m.fields.some((f) => f.json === c.field)) throw new Error(`${this.spec.version}: ${name}.${c.field} to remove does not exist`);
    }
    fields.sort((a, b) => (a.json < b.json ? -1 : a.json > b.json ? 1 : 0));
    return { model: { ...m, fields }, from };
  }

  /** `$ref` to a model's definition, building it (and what it references) on first use. */
  async ref(name: string): Promise<JsonSchema> {
    if (!this.definitions.has(name) && !this.pending.has(name)) {
      this.pending.add(name);
      this.definitions.set(name, await this.define(name));
      this.pending.delete(name);
    }
    return { $ref: `#/definitions/${name}` };
  }

  private async define(name: string): Promise<JsonSchema> {
    const { model } = await this.model(name);
    const out: JsonSchema = {};
    // A short title: hover shows it as the heading, completion names required-field skeletons by it.
    out.title = name.replace(/^(?:[A-Z][a-z]+)*V\d+/, '');
    if (model.description) out.description = model.description;
    out.type = 'object';
    if (isShallow(name)) return out;
    const properties: Record<string, JsonSchema> = {};
    for (const f of model.fields) properties[f.json] = await this.field(model.name, f);
    out.properties = properties;
    const required = model.fields.filter((f) => f.required).map((f) => f.json);
    if (required.length > 0) out.required = required;
    out.additionalProperties = false;
    return out;
  }

  private async field(owner: string, f: Field): Promise<JsonSchema> {
    const t = QUANTITIES.has(`${owner}.${f.json}`) ? quantityType(f.type, `${owner}.${f.json}`) : f.type;
    const s = await this.type(t, f.format, `${owner}.${f.json}`);
    // Keys of a local description win over those of a $ref'd definition (yaml-language-server
    // merges the two), so hover shows the field's own text where it has one.
    return f.description ? { description: f.description, ...s } : s;
  }

  /** openapi-generator's TypeScript type (as in attributeTypeMap) to JSON Schema. */
  private async type(t: string, format: string, where: string): Promise<JsonSchema> {
    const arr = /^Array<(.+)>$/.exec(t);
    if (arr?.[1]) return { type: 'array', items: await this.type(arr[1], '', where) };
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(t);
    if (map?.[1]) return { type: 'object', additionalProperties: await this.type(map[1], '', where) };
    switch (t) {
      case 'string': return { type: 'string' };
      case 'boolean': return { type: 'boolean' };
      // Every number in the covered types is an int32/int64 (0.x clients drop the format).
      case 'number': return format === 'double' || format === 'float' ? { type: 'number' } : { type: 'integer' };
      // Servers print `creationTimestamp: null` in pod templates.
      case 'Date': return { type: ['string', 'null'] };
      case 'IntOrString': return { type: ['integer', 'string'] };
      case 'Quantity': return { type: ['string', 'number'] };
      case 'object': case 'any': return {};
    }
    if (MODEL_NAME.test(t)) return this.ref(t);
    throw new Error(`${this.spec.version}: ${where}: unknown type ${JSON.stringify(t)}`);
  }
}

/** The type of a Quantity field: `string` or a map of strings, as openapi-generator wrote it. */
function quantityType(t: string, where: string): string {
  if (t === 'string') return 'Quantity';
  if (t === '{ [key: string]: string; }') return '{ [key: string]: Quantity; }';
  throw new Error(`${where}: expected a string or a map of strings for a Quantity, got ${t}`);
}

function sortedObject<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Builds one version's schema. */
export async function generate(spec: VersionSpec): Promise<Generated> {
  const src = new ModelSource(spec.pkg);
  const donor = spec.donor ? new ModelSource(spec.donor.pkg) : undefined;
  const b = new Builder(src, spec, donor);

  const branches: JsonSchema[] = [];
  for (const k of WORKLOAD_KINDS) {
    await b.ref(k.model);
    const def = b.definitions.get(k.model) as { properties: Record<string, JsonSchema> };
    def.properties.apiVersion = { ...def.properties.apiVersion, enum: [k.apiVersion] };
    def.properties.kind = { ...def.properties.kind, enum: [k.kind] };
    branches.push({ if: { title: k.kind, properties: { kind: { const: k.kind } }, required: ['kind'] }, then: { $ref: `#/definitions/${k.model}` } });
  }

  const source = `@kubernetes/client-node ${src.packageVersion} (OpenAPI ${src.openApiVersion})`;
  const description = [
    `A Kubernetes ${spec.version} workload for Sidecar Lab: a Pod, or a Job, CronJob, Deployment, StatefulSet, DaemonSet or ReplicaSet whose pod template is simulated as one pod.`,
    `Generated by scripts/gen-schemas.ts from ${source}${donor ? `, plus the changes listed at the end, from @kubernetes/client-node ${donor.packageVersion} (OpenAPI ${donor.openApiVersion})` : ''}.`,
    spec.note,
    spec.donor ? `Changes: ${spec.donor.changes.map((c) => `${c.op === 'add' ? '+' : '-'}${c.type.replace(/^V1/, '')}.${c.field} (${c.why})`).join('; ')}.` : undefined,
  ].filter(Boolean).join(' ');

  const kinds = WORKLOAD_KINDS.map((k) => k.kind);
  const apiVersions = [...new Set(WORKLOAD_KINDS.map((k) => k.apiVersion))];
  const pod = b.definitions.get('V1Pod') as { properties: Record<string, JsonSchema> };
  const schema: JsonSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: `Generated by scripts/gen-schemas.ts (npm run gen:schemas); do not edit. Source: ${source}${donor ? ` + ${donor.pkg}@${donor.packageVersion}` : ''}.`,
    title: `Kubernetes ${spec.version} workload`,
    description,
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { description: pod.properties.apiVersion?.description, enum: apiVersions },
      kind: { description: pod.properties.kind?.description, enum: kinds },
    },
    allOf: branches,
    definitions: sortedObject(b.definitions),
  };
  return { version: spec.version, schema, json: `${JSON.stringify(schema, null, 1)}\n` };
}
