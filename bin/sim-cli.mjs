#!/usr/bin/env node
// `sim` (npm run sim, npx sim): runs the command bundled in dist-cli/, bundling it first with
// esbuild when it is missing or older than a source under src/ or the lockfile. Bundling takes a
// few hundred milliseconds once; every later call starts plain JavaScript.
//
// The bundle is CommonJS, compiled through node:vm with V8's code cache (dist-cli/sim.cjs.cache,
// written when a call ends without a usable one): Node 20 keeps no compile cache of its own, and
// compiling the 0.7 MB bundle plus the functions a run needs was about 40 of the ~90 ms a call
// spends beyond Node's own start (median of 15 calls, 198 -> 160 ms, `node -e 0` 105 ms).

import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'sim.cjs');
const codeCache = `${bundle}.cache`;

/** The newest modification time of the command's inputs (this file included). */
function newestInput() {
  let newest = Math.max(
    statSync(join(root, 'package-lock.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0,
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
  );
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

/** Writes a file beside its place and renames it there, so two calls at once never read half a file. */
function writeWhole(path, data) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/** Bundles the command when it is missing or stale; says whether it did. */
async function buildIfStale() {
  const built = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  if (built >= newestInput()) return false;
  const { build } = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  const temp = `${bundle}.${process.pid}.tmp.cjs`;
  await build({
    entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
  renameSync(temp, bundle);
  return true;
}

/** The code cache, unless the bundle was just built or is newer than it. */
function readCodeCache(rebuilt) {
  if (rebuilt) return undefined;
  const cached = statSync(codeCache, { throwIfNoEntry: false });
  if (!cached || cached.mtimeMs < statSync(bundle).mtimeMs) return undefined;
  return readFileSync(codeCache);
}

const rebuilt = await buildIfStale();
const cachedData = readCodeCache(rebuilt);
const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  // At the end, so the cache holds the functions this call compiled too. A cache that cannot be
  // written (a read-only clone, a full disk) only costs the next call its 40 ms.
  process.once('exit', () => {
    try {
      writeWhole(codeCache, script.createCachedData());
    } catch {
      // the command's own output and exit status matter, not the cache
    }
  });
}
const commandModule = new Module(bundle);
commandModule.filename = bundle;
script.runInThisContext()(commandModule.exports, createRequire(bundle), commandModule, bundle, dirname(bundle));
