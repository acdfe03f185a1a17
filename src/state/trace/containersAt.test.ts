// The containers table shows the API status as the status manager wrote it ([10.1]), agreeing with
// the kubectl row printed from the same status ([14.3]), and the runtime's truth only as a note
// where it runs ahead (issue 15 item 3).

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { kubectlAt } from '../kubectlAt';
import { containersAt } from './containersAt';

const text = readFileSync(new URL('./fixtures/crashing-app-deleted.yaml', import.meta.url), 'utf8');
const trace = runScenario(text).trace!;
const exitOf = (attempt: number) => trace.events.find((e) => e.type === 'container.exit' && e.container === 'app' && e.attempt === attempt)!.t;
const startOf = (attempt: number) => trace.events.find((e) => e.type === 'container.start' && e.container === 'app' && e.attempt === attempt)!.t;
const app = (t: number) => containersAt(trace, t).find((r) => r.name === 'app')!;

describe('containersAt: the API status, and the runtime where it runs ahead', () => {
  it('a process that exited before the next status write: the API still says Running and ready, the runtime note says exited', () => {
    const t = exitOf(0) + 0.05;
    expect(app(t)).toMatchObject({ state: 'Running', ready: true, started: true, restarts: 0, runtime: 'Terminated' });
    expect(app(t).runtimeNote).toBe(`runtime: exited 1 at ${exitOf(0)} s, not yet reported`);
    expect(kubectlAt(trace, t)).toMatchObject({ ready: '2/2', status: 'Running', restarts: '0' });
  });

  it('a restart the API has not seen: Terminated with restartCount 0 beside kubectl\'s RESTARTS 0, the runtime note says started', () => {
    const t = startOf(1) + 0.05;
    expect(app(t)).toMatchObject({ state: 'Terminated', reason: 'Error (exit 1)', ready: false, started: false, restarts: 0, runtime: 'Running' });
    expect(app(t).runtimeNote).toMatch(/^runtime: started at .* \(restart 1\), not yet reported$/);
    expect(kubectlAt(trace, t)).toMatchObject({ status: 'Error', restarts: '0' });
  });

  it('once written, the table and kubectl agree and there is no note', () => {
    const t = startOf(1) + 1;
    expect(app(t)).toMatchObject({ state: 'Running', ready: true, restarts: 1, runtime: 'Running' });
    expect(app(t).runtimeNote).toBeUndefined();
    expect(kubectlAt(trace, t)!.restarts.split(' ')[0]).toBe('1');
  });

  it('READY\'s count at every kubectl row equals the ready containers the table shows (gallery lessons, [14.2] [14.3])', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    const lessons = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
    for (const doc of [text, ...lessons]) {
      const tr = runScenario(doc).trace;
      if (!tr || tr.kubernetesVersion === '1.27' || tr.pods) continue; // 1.27 prints no sidecars; a Job's pods reuse names
      for (const e of tr.events) {
        if (e.type !== 'pod.kubectl' || e.status.startsWith('Init:') || kubectlAt(tr, e.t) !== e) continue; // the last row at its time
        const rows = containersAt(tr, e.t);
        const ready = rows.filter((r) => r.ready && r.state === 'Running' && (r.kind === 'main' || r.started)).length;
        expect(`${ready}`, `${e.t}`).toBe(e.ready.split('/')[0]);
      }
    }
  });
});

describe('containersAt for one of a Job\'s pods (gallery 14, pods side by side)', () => {
  const job = runScenario(readFileSync(new URL('../../scenarios/14-job-parallel-indexed.yaml', import.meta.url), 'utf8')).trace!;

  it('each pod\'s row is its own latest written status, not the last pod\'s to write', () => {
    const t = 24;
    for (const p of job.pods!) {
      const writes = job.statusWrites!.filter((w) => w.pod === p.name && w.t <= t);
      const row = containersAt(job, t, p.name).find((r) => r.name === 'worker')!;
      const last = writes.at(-1);
      if (!last) {
        expect(row.state, p.name).toBe('Waiting');
        continue;
      }
      expect(row.state.toLowerCase(), p.name).toBe(last.state);
      expect(row.restarts, p.name).toBe(last.restartCount);
    }
    const states = new Set(job.pods!.map((p) => containersAt(job, t, p.name).find((r) => r.name === 'worker')!.reason));
    expect(states.size).toBeGreaterThan(1); // the pods differ at 24 s: one table for all of them could not be right
  });
});
