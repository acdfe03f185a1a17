// Generates public/schemas/workload-<version>.json: for each Kubernetes version the simulator
// supports, a trimmed JSON Schema (draft-07, as monaco-yaml / yaml-language-server read it) of
// the scenario's workload document: a Pod, or the pod template of a Job, CronJob, Deployment,
// StatefulSet, DaemonSet or ReplicaSet.
//
// Nothing here is a copy of the Kubernetes API: every type, field, JSON name, required flag and
// description comes from @kubernetes/client-node, which is generated from one release's OpenAPI
// document (installed side by side under npm aliases on first use, see scripts/schemaInputs.ts):
//   - JSON names and types from each model's `attributeTypeMap` (its .js file);
//   - descriptions (hover docs) from the model's JSDoc, and optional/required from `?:` (.d.ts).
// What this script decides itself: which types are expanded (the pod spec subtree the app cares
// about) and which are kept shallow (open objects), where unknown fields are allowed (status,
// shallow types), how openapi-generator's TypeScript types map to JSON Schema, and, for 1.31 and
// 1.35 (no client of their own), which fields of the next release their feature gates introduced.
//
// Run: `npm run gen:schemas` (or `npx tsx scripts/gen-schemas.ts [--out DIR]`); `-- --check`
// regenerates into a temporary folder and fails when a committed file differs. The output is
// committed, so the app's build needs neither these packages nor the network.

import { readFileSync, readdirSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureSchemaInputs } from './schemaInputs';

/** A JSON Schema node (draft-07), as plain JSON. */
export type JsonSchema = { [key: string]: unknown };

// ---------------------------------------------------------------------------------------------
// Versions

interface Backport {
  /** The model class and JSON field name, e.g. V1PodSecurityContext.supplementalGroupsPolicy. */
  type: string;
  field: string;
  /** Added (taken from the donor package) or removed in the target version. */
  op: 'add' | 'remove';
  /** Why: the feature gate or API change of the target version. */
  why: string;
}

export interface VersionSpec {
  /** Kubernetes minor version, as the app names it. */
  version: string;
  /** The npm alias of @kubernetes/client-node holding that version's API (or the nearest older). */
  pkg: string;
  /** For versions without a client of their own: fields taken from the next release's client. */
  donor?: { pkg: string; changes: Backport[] };
  /** Said in the schema's description: where the version's API comes from, if not its own client. */
  note?: string;
}

export const VERSIONS: readonly VersionSpec[] = [
  { version: '1.27', pkg: 'k8s-api-1.27' },
  { version: '1.28', pkg: 'k8s-api-1.28' },
  { version: '1.29', pkg: 'k8s-api-1.29' },
  { version: '1.30', pkg: 'k8s-api-1.30' },
  {
    version: '1.31',
    pkg: 'k8s-api-1.30',
    note: 'Kubernetes 1.31 has no @kubernetes/client-node release: this is the 1.30 API plus the fields '
      + "that 1.31's feature gates and API changes introduced in the covered types, taken from the 1.32 API.",
    donor: {
      pkg: 'k8s-api-1.32',
      changes: [
        { type: 'V1PodSecurityContext', field: 'supplementalGroupsPolicy', op: 'add', why: 'the SupplementalGroupsPolicy feature gate (alpha in 1.31)' },
        { type: 'V1Volume', field: 'image', op: 'add', why: 'the ImageVolume feature gate (alpha in 1.31)' },
        { type: 'V1ResourceClaim', field: 'request', op: 'add', why: 'the DynamicResourceAllocation API of 1.31 (structured parameters)' },
        { type: 'V1PodResourceClaim', field: 'resourceClaimName', op: 'add', why: 'the DynamicResourceAllocation API of 1.31 (kubernetes/kubernetes#125116 moved it out of `source`)' },
        { type: 'V1PodResourceClaim', field: 'resourceClaimTemplateName', op: 'add', why: 'the DynamicResourceAllocation API of 1.31 (kubernetes/kubernetes#125116 moved it out of `source`)' },
        { type: 'V1PodResourceClaim', field: 'source', op: 'remove', why: 'the DynamicResourceAllocation API of 1.31 (kubernetes/kubernetes#125116)' },
      ],
    },
  },
  { version: '1.32', pkg: 'k8s-api-1.32' },
  { version: '1.33', pkg: 'k8s-api-1.33' },
  { version: '1.34', pkg: 'k8s-api-1.34' },
  {
    version: '1.35',
    pkg: 'k8s-api-1.34',
    // Compared with the 1.36 client, no field of the covered types is 1.35's: 1.36's
    // spec.schedulingGroup replaced 1.35's spec.workloadRef, which no client release has.
    note: 'Kubernetes 1.35 has no @kubernetes/client-node release: this is the 1.34 API. The 1.35 feature gates '
      + 'the simulator knows add no fields to the covered types (RestartAllContainersOnContainerExits adds the '
      + 'RestartAllContainers value of restartPolicyRules[].action; KubeletCrashLoopBackOffMax is kubelet configuration). '
      + "1.35's alpha spec.workloadRef (GangScheduling) is in no client release (1.36 replaced it with spec.schedulingGroup), so it is not listed.",
  },
  { version: '1.36', pkg: 'k8s-api-1.36' },
];

// ---------------------------------------------------------------------------------------------
// What the schema covers

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

// ---------------------------------------------------------------------------------------------
// Reading the client packages

interface Attr {
  baseName: string;
  type: string;
  format?: string;
}

export interface Field {
  json: string;
  type: string;
  format: string;
  required: boolean;
  description?: string;
}

export interface Model {
  name: string;
  description?: string;
  fields: Field[];
}

let inputs: NodeJS.Require | undefined;
/** A require() that finds the client-node releases (installed on first use). */
const req = { resolve: (id: string) => (inputs ??= ensureSchemaInputs(undefined, (l) => process.stderr.write(`${l}\n`))).resolve(id) };

/** Reads model classes from one installed @kubernetes/client-node (0.x CommonJS or 1.x/2.x ESM). */
export class ModelSource {
  readonly pkg: string;
  readonly packageVersion: string;
  /** The OpenAPI document the client was generated from, e.g. "release-1.27" or "v1.33.0". */
  readonly openApiVersion: string;
  private readonly dir: string;
  private readonly files = new Map<string, string>();
  private readonly cache = new Map<string, Promise<Model>>();

  constructor(pkg: string) {
    this.pkg = pkg;
    const root = dirname(req.resolve(`${pkg}/package.json`));
    this.packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const dir = ['dist/gen/model', 'dist/gen/models'].map((d) => join(root, d)).find((d) => existsSync(d));
    if (!dir) throw new Error(`${pkg}: no dist/gen/model(s) folder; is it @kubernetes/client-node?`);
    this.dir = dir;
    // 0.x names files v1Container.js, 1.x/2.x V1Container.js: index by lower-case class name.
    for (const f of readdirSync(dir)) {
      if (f.endsWith('.d.ts')) this.files.set(f.slice(0, -5).toLowerCase(), f.slice(0, -5));
    }
    const header = readFileSync(join(dir, `${this.fileOf('V1Pod')}.js`), 'utf8');
    const m = /(?:The version of the OpenAPI document|OpenAPI spec version): (\S+)/.exec(header);
    if (!m?.[1]) throw new Error(`${pkg}: cannot read the OpenAPI document version`);
    this.openApiVersion = m[1];
  }

  has(name: string): boolean {
    return this.files.has(name.toLowerCase());
  }

  private fileOf(name: string): string {
    const f = this.files.get(name.toLowerCase());
    if (!f) throw new Error(`${this.pkg}: no model ${name}`);
    return f;
  }

  model(name: string): Promise<Model> {
    let p = this.cache.get(name);
    if (!p) {
      p = this.load(name);
      this.cache.set(name, p);
    }
    return p;
  }

  private async load(name: string): Promise<Model> {
    const base = join(this.dir, this.fileOf(name));
    const mod = (await import(pathToFileURL(`${base}.js`).href)) as Record<string, unknown>;
    const cls = (mod[name] ?? (mod.default as Record<string, unknown> | undefined)?.[name]) as
      | { getAttributeTypeMap(): Attr[] }
      | undefined;
    if (!cls || typeof cls.getAttributeTypeMap !== 'function') throw new Error(`${this.pkg}: ${name} has no attributeTypeMap`);
    const docs = parseDts(readFileSync(`${base}.d.ts`, 'utf8'), name);
    const fields = cls.getAttributeTypeMap().map((a): Field => {
      const d = docs.fields.get(a.baseName) ?? docs.fields.get(a.baseName.replace(/^_/, ''));
      return { json: a.baseName, type: a.type, format: a.format ?? '', required: d ? !d.optional : false, description: d?.description };
    });
    return { name, description: docs.description, fields };
  }
}

/** Undoes openapi-generator's escaping in JSDoc text (\' \" \\) and normalises spaces. */
function cleanDoc(lines: string[]): string | undefined {
  const text = lines
    .map((l) => l.replace(/^\s*\*\s?/, ''))
    .join('\n')
    .replace(/\\(.)/g, '$1')
    .trim();
  return text === '' ? undefined : text;
}

/** Class and property JSDoc of one model's .d.ts. */
export function parseDts(src: string, className: string): { description?: string; fields: Map<string, { description?: string; optional: boolean }> } {
  const lines = src.split('\n');
  const fields = new Map<string, { description?: string; optional: boolean }>();
  let description: string | undefined;
  let doc: string[] | undefined;
  let pending: string | undefined;
  let inClass = false;
  for (const line of lines) {
    const t = line.trim();
    if (doc) {
      if (t.startsWith('*/')) {
        pending = cleanDoc(doc);
        doc = undefined;
      } else doc.push(t);
      continue;
    }
    if (t.startsWith('/**')) {
      doc = [];
      const rest = t.slice(3);
      if (rest.trim().endsWith('*/')) {
        pending = cleanDoc([rest.trim().slice(0, -2)]);
        doc = undefined;
      } else if (rest.trim() !== '') doc.push(rest);
      continue;
    }
    const cls = /^export declare class (\w+)/.exec(t);
    if (cls) {
      if (cls[1] === className) {
        inClass = true;
        description = pending;
      }
      pending = undefined;
      continue;
    }
    const prop = /^'([^']+)'(\?)?:/.exec(t);
    if (inClass && prop?.[1]) {
      fields.set(prop[1], { description: pending, optional: prop[2] === '?' });
      pending = undefined;
      continue;
    }
    if (t !== '') pending = undefined;
  }
  if (!inClass) throw new Error(`no class ${className} in its .d.ts`);
  return { description, fields };
}

// ---------------------------------------------------------------------------------------------
// Building the schema

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

export function fileName(version: string): string {
  return `workload-${version}.json`;
}

export const DEFAULT_OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../public/schemas');

/** Generates every version into `outDir`; returns the files written and their sizes. */
export async function generateAll(outDir: string = DEFAULT_OUT): Promise<{ file: string; bytes: number }[]> {
  mkdirSync(outDir, { recursive: true });
  const out: { file: string; bytes: number }[] = [];
  for (const spec of VERSIONS) {
    const g = await generate(spec);
    const file = join(outDir, fileName(spec.version));
    writeFileSync(file, g.json);
    out.push({ file, bytes: Buffer.byteLength(g.json) });
  }
  return out;
}

/** Regenerates into a temporary folder; returns the committed files that differ. */
async function changedFiles(): Promise<string[]> {
  const out = mkdtempSync(join(tmpdir(), 'gen-schemas-'));
  try {
    await generateAll(out);
    return VERSIONS.map((v) => fileName(v.version))
      .filter((f) => readFileSync(join(out, f), 'utf8') !== readFileSync(join(DEFAULT_OUT, f), 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--check')) {
    const changed = await changedFiles();
    if (changed.length > 0) throw new Error(`${changed.join(', ')}: not what the generator writes; run npm run gen:schemas`);
    process.stdout.write(`${VERSIONS.length} schemas regenerate byte for byte\n`);
    return;
  }
  const i = argv.indexOf('--out');
  const outDir = i >= 0 && argv[i + 1] ? resolve(argv[i + 1]!) : DEFAULT_OUT;
  for (const { file, bytes } of await generateAll(outDir)) {
    process.stdout.write(`${file}  ${(bytes / 1000).toFixed(1)} kB\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  });
}
