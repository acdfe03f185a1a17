// `sim explain` on the real dumps of session 38 (src/engine/explain/fixtures, SOURCES.md): every
// file is read and explained without an error, one JSON object per pod (the kind: List's two pods
// included), with the columns the explanation gives (src/engine/explain/realDumps*.test.ts check
// those against the lines the threads printed).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainPods } from '../engine/explain/explainPods';
import { readRealPods } from '../engine/explain/readRealPods';
import { sim } from './inProcess.testkit';

const DIR = 'src/engine/explain/fixtures';
const NEW_FIXTURES = [
  'evicted-no-statuses.yaml', 'evicted-completed.yaml', 'container-status-unknown.yaml', 'evicted-containercreating.json',
  'evicted-new-fields.json', 'terminating-finalizer.yaml', 'completed-error-list.json', 'init-error-never.yaml',
  'init-crashloop.yaml', 'sidecar-job-killed.yaml',
];

function explained(file: string) {
  const read = readRealPods(readFileSync(`${DIR}/${file}`, 'utf8'));
  if (read.kind !== 'pods') throw new Error(`${file} was not read as pods`);
  return explainPods(read.input);
}

describe('sim explain on real dumps', () => {
  it('prints one JSON object per pod, no error, and the same columns as the explanation', async () => {
    const r = await sim('explain', ...NEW_FIXTURES.map((f) => `${DIR}/${f}`), '--json');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const printed = r.out.map((l) => JSON.parse(l) as { name: string; kubectl: { ready: string; status: string } });
    const pods = NEW_FIXTURES.flatMap(explained);
    expect(printed).toHaveLength(11);
    expect(printed.map((p) => p.name)).toEqual(pods.map((p) => p.name));
    printed.forEach((p, i) => expect(p.kubectl).toMatchObject({ ready: pods[i]!.kubectl.ready, status: pods[i]!.kubectl.status }));
  });

  it('prints the text view of each without an error', async () => {
    for (const f of NEW_FIXTURES) {
      const r = await sim('explain', `${DIR}/${f}`);
      expect(r.err).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.out.join('\n')).toMatch(/kubectl {5}NAME/);
    }
  });
});
