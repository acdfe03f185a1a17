import { describe, expect, it } from 'vitest';
import { exportMeta } from './exportMeta';
import { sidecarPodTrace } from './testFixtures';

describe('exportMeta (the title, version and cursor caption an exported picture carries)', () => {
  const trace = sidecarPodTrace();

  it('names the pod, the version and the kubectl row at the cursor', () => {
    const meta = exportMeta({ trace, podName: 'myapp-pod', presentTitle: null, cursorTime: 5 });
    expect(meta.title).toBe('pod myapp-pod');
    expect(meta.version).toBe(`Kubernetes ${trace.kubernetesVersion}`);
    expect(meta.cursor).toBe('Cursor at 5 s — kubectl get pod: READY 0/2 · STATUS Init:1/3 · RESTARTS 0');
  });

  it('puts the presenter title first and reads a null cursor as the end of the trace', () => {
    const meta = exportMeta({ trace, podName: 'myapp-pod', presentTitle: ' Lesson 3 ', cursorTime: null });
    expect(meta.title).toBe('Lesson 3 — pod myapp-pod');
    expect(meta.cursor).toContain(`Cursor at ${trace.end} s`);
    const last = trace.events.filter((e) => e.type === 'pod.kubectl').at(-1)!;
    expect(meta.cursor).toContain(`STATUS ${last.type === 'pod.kubectl' ? last.status : ''}`);
  });

  it('says nothing about a cursor without a trace', () => {
    expect(exportMeta({ trace: null, podName: '', presentTitle: null, cursorTime: null })).toEqual({ title: 'pod pod', version: 'Kubernetes ?', cursor: '', truncated: false });
  });
});
