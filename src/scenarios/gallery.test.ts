// Every gallery scenario must really show its lesson. The assertions restate the rules of
// docs/kubelet-rules.md (section numbers in the test names) against the engine's trace; they do
// not copy its output.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/run';
import { GALLERY, galleryFiles } from './gallery';
import { CHECKS, first, of, phases, run } from './galleryLessons.testkit';

interface Side { id: string; label: string; fileName: string; file: string; cursor: number | undefined }

const sides: Side[] = GALLERY.flatMap((e) => [
  { id: e.id, label: e.label ?? 'main', fileName: e.fileName, file: e.file, cursor: e.cursor },
  ...(e.compareWith ?? []).map((v) => ({ id: e.id, label: v.label, fileName: v.fileName, file: v.file, cursor: v.cursor })),
]);

const REJECTED = new Set(['09-restartpolicy-1.27.yaml']);

describe('the gallery list', () => {
  it('has one entry per teaching scenario 0b and 1–26, with unique ids', () => {
    const ids = GALLERY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map((id) => id.split('-')[0])).toEqual(['00b', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27']);
  });

  it('uses every scenario file in the folder (except the default) exactly once', () => {
    const onDisk = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.yaml') && f !== '00-default.yaml').sort();
    expect(sides.map((s) => s.fileName).sort()).toEqual(onDisk);
    expect(Object.keys(galleryFiles).sort()).toEqual(onDisk);
  });

  it('has a check for every file', () => {
    expect(Object.keys(CHECKS).sort()).toEqual(sides.map((s) => s.fileName).sort());
  });

  it('makes comparisons where scenarios.md asks for them (1, 2, 4, 9), for a crash against a dead sandbox (15), and by version for Ready while terminating (16), Started after a liveness kill (17) and a kubelet restart while starting (18), and sh against bash for a sidecar\'s command (21)', () => {
    const compared = GALLERY.filter((e) => e.compareWith?.length).map((e) => e.id.slice(0, 2));
    expect(compared).toEqual(['01', '02', '04', '09', '15', '16', '17', '18', '21']);
    expect(GALLERY.find((e) => e.id.startsWith('09'))!.compareWith!.length).toBeGreaterThanOrEqual(4);
  });

  it.each(GALLERY.map((e) => [e.id, e] as const))('%s: title and a two-sentence lesson', (_id, e) => {
    expect(e.title.length).toBeGreaterThan(5);
    expect(e.title.length).toBeLessThanOrEqual(60);
    const sentences = e.lesson.trim().split(/(?<=[.!?])\s+(?=[A-Z0-9])/);
    expect(sentences).toHaveLength(2);
    for (const s of sentences) expect(s).toMatch(/[.!?]$/);
    expect(e.lesson.length).toBeLessThanOrEqual(240);
  });
});

describe.each(sides.map((s) => [`${s.id} (${s.label})`, s] as const))('%s', (_name, side) => {
  it('is a short file with a leading comment', () => {
    expect(side.file.length).toBeLessThan(2000);
    expect(side.file.startsWith('#')).toBe(true);
  });

  it(REJECTED.has(side.fileName) ? 'is rejected by validation, as the lesson says' : 'parses with no errors', () => {
    const r = runScenario(side.file);
    if (REJECTED.has(side.fileName)) {
      expect(r.ok).toBe(false);
    } else {
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.ok).toBe(true);
    }
  });

  it('shows its lesson, and the cursor is within the trace at or after that moment', () => {
    const at = CHECKS[side.fileName]!();
    if (at === null) {
      expect(side.cursor).toBeUndefined();
      return;
    }
    expect(side.cursor).toBeDefined();
    const r = runScenario(side.file);
    const cursor = side.cursor!;
    expect(cursor).toBeGreaterThanOrEqual(0);
    expect(cursor).toBeLessThanOrEqual(r.trace!.end);
    expect(cursor).toBeGreaterThanOrEqual(at);
  });
});

describe('lesson moments', () => {
  it.each(GALLERY.filter((e) => e.view).map((e) => [e.id, e] as const))('%s: the span it opens on lies inside the run and holds the cursor', (_id, e) => {
    const r = runScenario(e.file);
    const { t0, t1 } = e.view!;
    expect(t0).toBeGreaterThanOrEqual(0);
    expect(t1).toBeGreaterThan(t0);
    expect(t1).toBeLessThanOrEqual(r.trace!.end);
    expect(e.cursor).toBeGreaterThanOrEqual(t0);
    expect(e.cursor).toBeLessThanOrEqual(t1);
  });
});

describe('comparisons', () => {
  it('1: the legacy Job never succeeds within the horizon; the native one does', () => {
    const legacy = run('01-job-never-finishes-legacy.yaml').trace;
    const native = run('01-job-never-finishes-native.yaml').trace;
    expect(phases(legacy)).not.toContain('Succeeded');
    expect(phases(native)).toContain('Succeeded');
    expect(legacy.end).toBe(native.end);
  });

  it('2: the app starts before the proxy is up without a startupProbe, after it with one', () => {
    const gap = (f: string) => {
      const t = run(f).trace;
      return first(t, 'container.start', 'checkout').t - first(t, 'container.up', 'istio-proxy').t;
    };
    expect(gap('02-app-before-proxy-no-gate.yaml')).toBeLessThan(0);
    expect(gap('02-app-before-proxy-startup-probe.yaml')).toBeGreaterThanOrEqual(0);
  });

  it('4: the app runs only with the native sidecar', () => {
    expect(of(run('04-init-without-network-legacy.yaml').trace, 'container.start', 'orders')).toEqual([]);
    expect(of(run('04-init-without-network-native.yaml').trace, 'container.start', 'orders').length).toBe(1);
  });

  it.each(['16-ready-while-terminating', '17-started-before-startup-probe', '18-kubelet-restart-in-startup'])('%s: both versions run one pod spec and one Simulation but for the version', (name) => {
    const body = (f: string) => galleryFiles[f]!.split('\n').filter((l) => !l.startsWith('#') && !l.startsWith('kubernetesVersion:')).join('\n');
    expect(body(`${name}-1.35.yaml`)).toBe(body(`${name}-1.34.yaml`));
  });

  it('9: the four versions share one pod spec', () => {
    const spec = (f: string) => galleryFiles[f]!.split('\n').filter((l) => !l.startsWith('#')).join('\n').split('---')[0];
    const base = spec('09-restartpolicy-1.29.yaml');
    for (const f of ['09-restartpolicy-1.27.yaml', '09-restartpolicy-1.28.yaml', '09-restartpolicy-1.28-gate.yaml']) expect(spec(f)).toBe(base);
  });
});
