// The Killing events of a Thai course's NoExecute evictions (scheduling chapter, LAB 6 step 4;
// search-index file 70190988571, no repository named; a kind cluster whose nodes print v1.37.0,
// 2026-10-04), in the describe panel's projection. Manifest, watch and rules:
// engine/kubectl/transcripts/fixtures/tg-th-noexecute-pass30s-kind137.yaml and
// tgThaiNoExecuteEvictionKind137.test.ts. Published (`kubectl get events --sort-by=.lastTimestamp |
// grep -E "no-pass|pass-30s" | tail -8`), verbatim:
//   61s         Normal    TaintManagerEviction      pod/no-pass                 Marking for deletion Pod default/no-pass
//   61s         Normal    Killing                   pod/no-pass                 Stopping container web
//   31s         Normal    Killing                   pod/pass-30s                Stopping container web
//   31s         Normal    TaintManagerEviction      pod/pass-30s                Marking for deletion Pod default/pass-30s
// The taint manager's deletion reaches the kubelet as any API deletion; killContainer records
// Killing with no message of its caller, so `Stopping container web` ([8.3] [10.6]); `get events`
// prints the message without describe's 1.35+ `spec.containers{web}: ` prefix. The two evictions
// are 30 s apart (tolerationSeconds 30), each pod's Killing in its eviction's second.
// (TaintManagerEviction is the controller's event, not the kubelet's: not simulated.) Run at 1.36
// and 1.37: on 1.35 the engine kills no-pass, evicted a second after its start, only at the next
// relist ([0.6]; see the watch test), so its Killing falls in the second after the eviction.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';
import { withVersion } from '../../engine/kubectl/transcripts/watch.testkit';

const SCENARIO = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/tg-th-noexecute-pass30s-kind137.yaml', import.meta.url), 'utf8');

/** The scenario with the eviction (a deletion) at `at` seconds of the pod's age. */
function evictedAt(text: string, at: number): string {
  expect(text).toMatch(/at: 31\.8s, do: deletePod/);
  return text.replace('at: 31.8s, do: deletePod', `at: ${at}s, do: deletePod`);
}

describe('transcript: the evicted pods\' `Killing  Stopping container web` (kind, v1.37.0) [8.3] [10.6]', () => {
  it.each(['1.36', '1.37'])('one Killing per pod, `Stopping container web`, in the eviction\'s second; no-pass\'s 30 s before pass-30s\'s (%s)', (version) => {
    const killingAt = (pod: string, at: number) => {
      const trace = runScenario(evictedAt(withVersion(SCENARIO, version), at)).trace!;
      const gone = trace.events.find((e) => e.type === 'pod.gone')!.t;
      const rows = describeEvents(trace, gone, pod).filter((r) => r.reason === 'Killing');
      expect(rows.map((r) => ({ type: r.type, message: r.message.replace(/^spec\.containers\{web\}: /, ''), count: r.count })))
        .toEqual([{ type: 'Normal', message: 'Stopping container web', count: 1 }]);
      expect(rows[0]!.t).toBe(at);
      return rows[0]!.t;
    };
    // no-pass evicted at AGE 1.x, pass-30s 30 s later (tolerationSeconds 30): both created together
    const noPass = killingAt('no-pass', 1.6);
    const pass30 = killingAt('pass-30s', 31.6);
    // `61s` and `31s` ago in one listing
    expect(pass30 - noPass).toBe(30);
  });
});
