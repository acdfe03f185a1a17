// The generator's inputs: one @kubernetes/client-node release per Kubernetes release, ~300 MB
// in all. Only `npm run gen:schemas` needs them, so they are not in package.json: the generator
// installs them on first use into a cache folder of their own (exact versions, no install
// scripts) and reuses them after that. The generated schemas are committed, so neither the app's
// build nor `npm test` needs them.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** npm alias → the @kubernetes/client-node release generated from that Kubernetes release's API. */
export const SCHEMA_INPUTS: Readonly<Record<string, string>> = {
  'k8s-api-1.27': '0.19.0',
  'k8s-api-1.28': '0.20.0',
  'k8s-api-1.29': '0.21.0',
  'k8s-api-1.30': '0.22.3',
  'k8s-api-1.32': '1.1.3',
  'k8s-api-1.33': '1.3.0',
  'k8s-api-1.34': '1.4.0',
  'k8s-api-1.36': '2.0.1',
};

export const INPUTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../node_modules/.cache/sidecar-lab-schema-inputs');

function installed(dir: string): boolean {
  return Object.entries(SCHEMA_INPUTS).every(([alias, version]) => {
    const manifest = join(dir, 'node_modules', alias, 'package.json');
    return existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version === version;
  });
}

/** Installs the inputs into `dir` unless they are there already; returns a require() rooted there. */
export function ensureSchemaInputs(dir: string = INPUTS_DIR, log: (line: string) => void = () => {}): NodeJS.Require {
  if (!installed(dir)) {
    mkdirSync(dir, { recursive: true });
    const dependencies = Object.fromEntries(Object.entries(SCHEMA_INPUTS).map(([alias, v]) => [alias, `npm:@kubernetes/client-node@${v}`]));
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'schema-inputs', private: true, dependencies }, null, 2)}\n`);
    log(`gen:schemas: installing the @kubernetes/client-node releases into ${dir} (once)`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return createRequire(join(dir, 'package.json'));
}
