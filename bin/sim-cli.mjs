#!/usr/bin/env node
// `sim` (npm run sim, npx sim): runs the command bundled in dist-cli/, bundling it first with
// esbuild when it is missing or older than a source under src/ or the lockfile. Bundling takes a
// few hundred milliseconds once; every later call starts plain JavaScript.

import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'sim.mjs');

/** The newest modification time of the command's inputs. */
function newestInput() {
  let newest = statSync(join(root, 'package-lock.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  walk(join(root, 'src', 'cli'));
  walk(join(root, 'src', 'engine'));
  return newest;
}

async function buildIfStale() {
  const built = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  if (built >= newestInput()) return;
  const { build } = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  // Written beside and renamed, so two calls building at once never run half a file.
  const temp = `${bundle}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // Bundled CommonJS dependencies may call require(): give the ES module one.
    banner: { js: "import { createRequire as __simRequire } from 'node:module'; const require = __simRequire(import.meta.url);" },
  });
  renameSync(temp, bundle);
}

await buildIfStale();
await import(pathToFileURL(bundle).href);
