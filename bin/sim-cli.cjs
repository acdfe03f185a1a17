#!/usr/bin/env node
// `sim` (npm run sim, npx sim): runs the command bundled in dist-cli/, bundling it first with
// esbuild when it is missing or older than a source under src/cli or src/engine, the lockfile or
// this file. Bundling takes a few hundred milliseconds once; every later call starts plain JavaScript.
//
// What a call costs beyond Node's own start, and what keeps it small:
// - This file is CommonJS: an ES module entry starts Node's ESM loader first (~10-20 ms a call).
// - The bundle is CommonJS too, compiled through node:vm with V8's code cache
//   (dist-cli/sim.cjs.cache, written when a call ends without a usable one): Node 20 keeps no
//   compile cache of its own, and compiling the 0.7 MB bundle plus the functions a run needs was
//   about 40 ms a call.
// - Whether the bundle is stale takes a stat of each of ~150 sources (7-14 ms in a row here).
//   Those stats run on libuv's threads while the cached bundle compiles; the compiled bundle runs
//   only once they say it is current, and is dropped for a fresh build when it is not.

'use strict';

const { mkdirSync, readFileSync, readdirSync, renameSync, stat, statSync, writeFileSync } = require('node:fs');
const { createRequire, Module } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const root = join(__dirname, '..');
const bundle = join(root, 'dist-cli', 'sim.cjs');
const codeCache = `${bundle}.cache`;
const SOURCE_DIRS = [join(root, 'src', 'cli'), join(root, 'src', 'engine')];

const mtimeOf = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs;

/**
 * The command's sources under `dir`: every .ts but tests. Names only (no stat, no Dirent): a name
 * without a dot is taken for a folder (launcher.test checks that no folder there has one), and
 * one that is a file after all is skipped.
 */
function sourcesUnder(dir, into) {
  let names;
  try {
    names = readdirSync(dir);
  } catch (error) {
    if (error.code === 'ENOTDIR') return into;
    throw error;
  }
  for (const name of names) {
    if (name.endsWith('.ts')) {
      if (!name.endsWith('.test.ts')) into.push(`${dir}/${name}`);
    } else if (!name.includes('.')) {
      sourcesUnder(`${dir}/${name}`, into);
    }
  }
  return into;
}

/**
 * The newest modification time of the command's inputs. The stats run on libuv's threads (one
 * callback each, no promises: fs/promises alone is 2-3 ms to load) while the caller compiles.
 */
function newestInput() {
  const files = [join(root, 'package-lock.json'), __filename];
  for (const dir of SOURCE_DIRS) sourcesUnder(dir, files);
  return new Promise((resolve) => {
    let newest = 0;
    let left = files.length;
    for (const path of files) {
      stat(path, (error, stats) => {
        if (!error && stats.mtimeMs > newest) newest = stats.mtimeMs;
        if (--left === 0) resolve(newest);
      });
    }
  });
}

/** Writes a file beside its place and renames it there, so two calls at once never read half a file. */
function writeWhole(path, data) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

async function build() {
  const esbuild = await import('esbuild');
  mkdirSync(dirname(bundle), { recursive: true });
  const temp = `${bundle}.${process.pid}.tmp.cjs`;
  await esbuild.build({
    entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Whitespace only: the names stay, for SIM_DEBUG=1's stacks. A third less text to read and
    // hash at every call (the run's 10-16 -> ~10 ms to read, compile a little less).
    minifyWhitespace: true,
    logLevel: 'error',
  });
  renameSync(temp, bundle);
}

/** The bundle compiled, through the code cache when there is one as new as the bundle. */
function compile(useCache) {
  const builtAt = mtimeOf(bundle);
  const cachedAt = useCache ? mtimeOf(codeCache) : undefined;
  const cachedData = cachedAt !== undefined && cachedAt >= builtAt ? readFileSync(codeCache) : undefined;
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  return { script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

function run({ script, cacheUsed }) {
  if (!cacheUsed) {
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
}

async function main() {
  const newest = newestInput();
  if (mtimeOf(bundle) === undefined) {
    await build();
    return run(compile(false));
  }
  const compiled = compile(true);
  if (mtimeOf(bundle) >= (await newest)) return run(compiled);
  await build();
  return run(compile(false));
}

main().catch((error) => {
  // The command could not be built (esbuild's own lines name the source and line above this).
  process.stderr.write(`sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1; // src/cli/io.ts EXIT_INTERNAL
});
