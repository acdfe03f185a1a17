// The built app served for the web benchmarks (bench/web.ts, bench/firstPaintProfile.ts): vite
// preview in its own process group, and the Chromium flags this machine needs.

import { spawn, type ChildProcess } from 'node:child_process';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Serves `dist` at `http://127.0.0.1:PORT/` and resolves once it answers. */
export async function startPreview(root: string, port: string, dist: string): Promise<ChildProcess> {
  const base = `http://127.0.0.1:${port}/`;
  // A server left on the port (another run's) would answer for this one, and the figures would be
  // another build's: --strictPort stops the new one, and the loop below would find the old one up.
  if (await fetch(base).then(() => true, () => false)) throw new Error(`port ${port} already answers: stop that server first, or set BENCH_PORT`);
  // Its own process group, so stopping it stops vite too, not only the npx wrapper (stopPreview).
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', port, '--strictPort', '--outDir', dist], { cwd: root, stdio: 'pipe', detached: true });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) return server;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  stopPreview(server);
  throw new Error('vite preview did not start (run `npm run build` first)');
}

export function stopPreview(server: ChildProcess): void {
  try {
    if (server.pid) process.kill(-server.pid);
  } catch {
    server.kill();
  }
}
