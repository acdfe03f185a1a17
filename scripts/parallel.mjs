#!/usr/bin/env node
// Runs shell commands side by side, holds each one's output until it ends (so nothing
// interleaves), prints it under a header with its wall time, and exits 1 if any failed.
//
// npm test runs the checks that do not need the built app this way (typecheck, lint, unit
// tests, the build): on two cores, tsc and ESLint are one thread each and Vitest waits on child
// processes, so together they fill the cores that one after the other leave idle.
//
//   node scripts/parallel.mjs "npm run -s typecheck" "npm run -s lint" …

import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error('usage: node scripts/parallel.mjs "COMMAND" ["COMMAND" …]');
  process.exit(2);
}

const started = Date.now();

/** Runs one command through the shell; resolves with its exit code, output and time. */
function run(command) {
  return new Promise((resolve) => {
    const begin = Date.now();
    const chunks = [];
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    const done = (code) => {
      const seconds = ((Date.now() - begin) / 1000).toFixed(1);
      const status = code === 0 ? 'ok' : `FAILED (exit ${code})`;
      process.stdout.write(`\n── ${command}: ${status} in ${seconds} s ──\n`);
      process.stdout.write(Buffer.concat(chunks));
      resolve(code);
    };
    child.on('error', (err) => {
      chunks.push(Buffer.from(`${err.message}\n`));
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

const codes = await Promise.all(commands.map(run));
const failed = commands.filter((_, i) => codes[i] !== 0);
const total = ((Date.now() - started) / 1000).toFixed(1);
if (failed.length > 0) {
  console.error(`\n${failed.length} of ${commands.length} failed (${total} s): ${failed.join('; ')}`);
  process.exit(1);
}
console.log(`\nall ${commands.length} passed in ${total} s`);
