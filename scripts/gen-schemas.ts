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

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from './schemaBuilder';
import { VERSIONS } from './schemaVersions';

export { generate, WORKLOAD_KINDS, type Generated, type JsonSchema } from './schemaBuilder';
export { ModelSource, parseDts, type Field, type Model } from './schemaModels';
export { VERSIONS, type VersionSpec } from './schemaVersions';

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
