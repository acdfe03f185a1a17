// Inference under a stop signal other than SIGTERM ([8.13] which signal; [15.3] what it does to PID 1).
import { describe, expect, it } from 'vitest';
import { buildBehavior } from './behavior';
import { inferProcess } from './infer';
import type { ContainerSpec } from './types';

const spec = (image: string, command: string[], stopSignal?: string): ContainerSpec => ({
  name: 'c', image, kind: 'main', index: 0, imagePullPolicy: 'IfNotPresent', pos: { line: 1, col: 1 }, command, ...(stopSignal ? { stopSignal } : {}),
});

describe('inference with the container\'s stop signal [8.13] [15.3]', () => {
  it('a TERM trap does not catch SIGQUIT: the shell, PID 1, ignores it and is SIGKILLed at the end of the grace period', () => {
    const r = inferProcess({ image: 'nginx:1.27', command: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'], stopSignal: 'SIGQUIT' });
    expect(r.onStop).toEqual({ kind: 'ignore' });
    expect(r.note).toContain('ignores SIGQUIT as PID 1');
  });

  it('a trap that names the stop signal handles it, by any of its names', () => {
    for (const name of ['QUIT', 'SIGQUIT', '3']) {
      const r = inferProcess({ image: 'nginx:1.27', command: ['sh', '-c', `trap "exit 0" ${name}; sleep infinity & wait`], stopSignal: 'SIGQUIT' });
      expect(r.onStop).toEqual({ kind: 'exit', after: 0, exitCode: 0 });
      expect(r.note).toContain('its QUIT trap exits 0');
    }
  });

  it('a trap that does not exit lets an interrupted wait return 128 + the signal\'s number (131 for SIGQUIT)', () => {
    const r = inferProcess({ image: 'x', command: ['sh', '-c', 'trap : QUIT; sleep infinity & wait'], stopSignal: 'SIGQUIT' });
    expect(r.onStop).toMatchObject({ kind: 'exit', exitCode: 131 });
  });

  it('tini forwards the signal: the child dies of it (128 + its number), or not at all for one whose default is to be ignored', () => {
    expect(inferProcess({ image: 'x', command: ['tini', '--', 'app'], stopSignal: 'SIGINT' }).onStop).toEqual({ kind: 'exit', after: 0, exitCode: 130 });
    expect(inferProcess({ image: 'x', command: ['tini', '--', 'app'], stopSignal: 'SIGWINCH' }).onStop).toEqual({ kind: 'ignore' });
    expect(inferProcess({ image: 'x', command: ['tini', '--', 'app'] }).onStop).toEqual({ kind: 'exit', after: 0, exitCode: 143 });
  });

  it('a container gets its image\'s STOPSIGNAL and says so in its note; lifecycle.stopSignal overrides it', () => {
    const script = ['sh', '-c', 'trap "exit 0" TERM; sleep infinity & wait'];
    const nginx = buildBehavior(spec('nginx:1.27', script), undefined);
    expect(nginx.onStop).toEqual({ kind: 'ignore' });
    expect(nginx.note).toContain('SIGQUIT is the nginx image\'s STOPSIGNAL');
    expect(buildBehavior(spec('nginx:1.27', script, 'SIGTERM'), undefined).onStop).toEqual({ kind: 'exit', after: 0, exitCode: 0 });
    expect(buildBehavior(spec('busybox:1.36', script), undefined).onStop).toEqual({ kind: 'exit', after: 0, exitCode: 0 });
  });
});
