import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../engine/run';
import { exportMeta } from './exportMeta';
import { sidecarPodTrace } from './testFixtures';

describe('exportMeta (the title, version and cursor caption an exported picture carries)', () => {
  const trace = sidecarPodTrace();

  it('names the pod, the version and the kubectl row at the cursor', () => {
    const meta = exportMeta({ trace, podName: 'myapp-pod', presentTitle: null, cursorTime: 5, selected: null });
    expect(meta.title).toBe('pod myapp-pod');
    expect(meta.version).toBe(`Kubernetes ${trace.kubernetesVersion}`);
    expect(meta.cursor).toBe('Cursor at 5 s — kubectl get pod: READY 0/2 · STATUS Init:1/3 · RESTARTS 0');
  });

  it('puts the presenter title first and reads a null cursor as the end of the trace', () => {
    const meta = exportMeta({ trace, podName: 'myapp-pod', presentTitle: ' Lesson 3 ', cursorTime: null, selected: null });
    expect(meta.title).toBe('Lesson 3 — pod myapp-pod');
    expect(meta.cursor).toContain(`Cursor at ${trace.end} s`);
    const last = trace.events.filter((e) => e.type === 'pod.kubectl').at(-1)!;
    expect(meta.cursor).toContain(`STATUS ${last.type === 'pod.kubectl' ? last.status : ''}`);
  });

  it('for a parallel Job, captions the pod the kubectl strip follows, by name (gallery 14)', () => {
    const job = runScenario(readFileSync(new URL('../scenarios/14-job-parallel-indexed.yaml', import.meta.url), 'utf8')).trace!;
    const first = job.pods![0]!.name;
    const selected = job.events.findIndex((e) => e.pod === first && e.type === 'container.start');
    const meta = exportMeta({ trace: job, podName: 'x', presentTitle: null, cursorTime: 40, selected });
    const own = job.events.filter((e) => e.type === 'pod.kubectl' && e.pod === first && e.t <= 40).at(-1);
    if (own?.type !== 'pod.kubectl') throw new Error(`${first} has no kubectl line by 40 s`);
    expect(meta.cursor).toBe(`Cursor at 40 s — kubectl get pod ${first}: READY ${own.ready} · STATUS ${own.status} · RESTARTS ${own.restarts}`);
  });

  it('says nothing about a cursor without a trace', () => {
    expect(exportMeta({ trace: null, podName: '', presentTitle: null, cursorTime: null, selected: null })).toEqual({ title: 'pod pod', version: 'Kubernetes ?', cursor: '', truncated: false, sandboxChanged: false, probeErrored: false });
  });
});
