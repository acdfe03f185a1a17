// Explain's "Continue from here" seeds the runs a real pod's status shows (`observed` events): the
// status does not say whether the kubelet pulled for them (under imagePullPolicy Always it did), so
// the describe log makes up no "already present on machine" line for those starts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../../engine/apiPod/time';
import { continueScenario } from '../../engine/explain/continueScenario';
import { runScenario } from '../../engine/run';
import { describeEventLog } from './describeEvents';

const fixture = readFileSync(new URL('../../engine/explain/fixtures/pod1-busybox-notready.yaml', import.meta.url), 'utf8');

describe('describe events of the observed part of a continued pod', () => {
  it('no Pulled "already present" for nginx (imagePullPolicy Always) before the simulation takes over', () => {
    const r = continueScenario(fixture, { version: '1.31', now: parseRfc3339('2023-01-01T16:33:03Z')! });
    if (!r.ok) throw new Error(r.message);
    const trace = runScenario(r.text).trace!;
    expect(trace.observedUntil).toBeDefined();
    const rows = describeEventLog(trace, trace.observedUntil!, 'pod1').rows;
    expect(rows.some((row) => row.reason === 'Started')).toBe(true); // the observed starts are there
    expect(rows.filter((row) => /already present/.test(row.message))).toEqual([]);
  });
});
