// Reading the model classes of one installed @kubernetes/client-node (scripts/gen-schemas.ts):
// JSON names and types from each model's `attributeTypeMap` (its .js file), descriptions and
// optional/required from its .d.ts JSDoc.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureSchemaInputs } from './schemaInputs';

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
