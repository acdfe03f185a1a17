// The French course's chapter 22, "La santé des Pods" (the search index's file 69452101003; no
// repository named), on the course's minikube v1.37.0 (chapter 15: `minikube start
// --kubernetes-version=v1.37.0`), outputs dated 2026-09-26. Manifests and published lines in
// fixtures/minikube137-ch22-*.yaml. Run at 1.37 and, the behaviour being the same since, 1.31, 1.34.
// - lent-sans-startup: an exec liveness probe (5 s × 3) on a shell that loads for 30 s: killed at
//   15 s, the shell ignores SIGTERM and is SIGKILLed 30 s later (137), restarted at once, every 45 s
//   ([5.5] [4.4] [4.5] [15.3] [8.5] [8.6]).
// - lent-avec-startup: the same with a startup probe (5 s × 12): `0/1 Running`, then `1/1` and
//   started=true at 35 s ([5.4] [5.6] [2.2]).
// - arret-propre, arret-sourd, prestop: deletions: a TERM trap that takes 4 s, a shell ignoring
//   TERM with a 10 s grace, a 5 s preStop before the TERM ([8.3] [8.5] [15.3] [6.5]).
// The logs' times are whole seconds (`date +%T`), so a published difference of n s between two log
// lines means between n − 1 and n + 1 s; the durations "supprimé en N ms" are the course script's,
// from before `kubectl delete` to `kubectl wait --for=delete` returning (two client round trips).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSecond } from '../humanDuration';
import { runScenario } from '../../run';
import type { TraceEvent } from '../../trace';
import { publishedRows, restartCount, rowAt, simulatedRows, withVersion } from './watch.testkit';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const VERSIONS = ['1.31', '1.34', '1.37'];

const eventsOf = (name: string, version: string): TraceEvent[] => runScenario(withVersion(fixture(name), version)).trace!.events;
const first = (events: TraceEvent[], type: TraceEvent['type']) => events.find((e) => e.type === type)!.t;

/** Two log lines n whole seconds apart were written between n − 1 and n + 1 s apart. */
function expectWholeSecondsApart(ours: number, published: number, what: string) {
  expect(Math.abs(ours - published), what).toBeLessThan(1);
}

describe('transcript: chapter 22, lent-sans-startup: a liveness probe kills a shell still loading (minikube v1.37.0)', () => {
  const NAME = 'minikube137-ch22-lent-sans-startup.yaml';
  // The poll's changes (t from just after the apply, one `kubectl get` a second): READY STATUS RESTARTS.
  const published: [number, string][] = [[1, '1/1 Running 0'], [46, '1/1 Running 1'], [91, '1/1 Running 2']];

  it.each(VERSIONS)('restarts at 46 s and 91 s, each row within 1.5 s of the poll that printed it (%s) [5.5] [4.4] [4.5] [15.3]', (version) => {
    const rows = simulatedRows(withVersion(fixture(NAME), version));
    for (const [t, row] of published) {
      // the engine's row that first showed this READY/STATUS/RESTARTS
      const ours = rows.find((r) => `${r.ready} ${r.status} ${restartCount(r.restarts)}` === row);
      expect(ours, row).toBeDefined();
      // the poll starts up to a second after the creation and runs once a second
      expect(Math.abs(t - ours!.t), row).toBeLessThanOrEqual(1.5);
    }
  });

  it.each(VERSIONS)('each run ends SIGKILLed with 137, 45 s after it started by its whole-second timestamps, as the second run\'s lastState (%s) [8.5] [8.6]', (version) => {
    const events = eventsOf(NAME, version);
    const starts = events.filter((e) => e.type === 'container.start').map((e) => e.t);
    const exits = events.filter((e) => e.type === 'container.exit');
    // lastState after 130 s: the second run, 06:15:09 → 06:15:54, exit 137
    expect(exits[1]).toMatchObject({ exitCode: 137 });
    expect(apiSecond(exits[1]!.t) - apiSecond(starts[1]!)).toBe(45);
    // and the kill came before the load's end, which the run outlived ("prêt" in its logs)
    const kill = events.filter((e) => e.type === 'container.kill')[1]!.t;
    expect(kill - starts[1]!).toBeLessThan(30);
    expect(exits[1]!.t - starts[1]!).toBeGreaterThan(30);
  });
});

describe('transcript: chapter 22, lent-avec-startup: the same shell behind a startup probe (minikube v1.37.0)', () => {
  const NAME = 'minikube137-ch22-lent-avec-startup.yaml';

  it.each(VERSIONS)('is `0/1 Running`, not started, from its start, and `1/1 Running`, started, at 35 s (%s) [5.4] [5.6] [2.2]', (version) => {
    const rows = simulatedRows(withVersion(fixture(NAME), version));
    // t=1 s : 0/1 Running 0 started=false
    expect(rowAt(rows, 1)).toEqual({ ready: '0/1', status: 'Running', restarts: '0' });
    // t=35 s : 1/1 Running 0 started=true
    const ready = rows.find((r) => r.ready === '1/1')!;
    expect(ready).toMatchObject({ status: 'Running', restarts: '0' });
    expect(Math.abs(ready.t - 35)).toBeLessThanOrEqual(1);
    const started = first(eventsOf(NAME, version), 'container.started');
    expect(Math.abs(started - 35)).toBeLessThanOrEqual(1);
    expect(rows.filter((r) => r.restarts !== '0')).toEqual([]);
  });
});

describe('transcript: chapter 22, arret-propre: a TERM trap that finishes its work in 4 s (minikube v1.37.0)', () => {
  const NAME = 'minikube137-ch22-arret-propre.yaml';

  it.each(VERSIONS)('runs the trap about a second after the delete, exits 4 s later, and is gone within a second of the published 6144 ms (%s) [8.3] [15.3] [6.5]', (version) => {
    const events = eventsOf(NAME, version);
    const deleted = first(events, 'pod.deleted');
    const exit = events.find((e) => e.type === 'container.exit')!;
    expect(exit).toMatchObject({ exitCode: 0 });
    // 06:17:28 kubectl delete → 06:17:29 SIGTERM reçu (the trap, after the loop's `sleep 1`) →
    // 06:17:33 terminé proprement (the exit)
    expectWholeSecondsApart(exit.t - 4 - deleted, 29 - 28, 'trap');
    expectWholeSecondsApart(exit.t - deleted, 33 - 28, 'exit');
    // supprimé en 6144 ms: the engine's deletion-to-removal, the script's two round trips aside
    expect(Math.abs(first(events, 'pod.gone') - deleted - 6.144)).toBeLessThanOrEqual(1);
  });
});

describe('transcript: chapter 22, arret-sourd: a shell that ignores TERM, grace 10 s (minikube v1.37.0)', () => {
  const NAME = 'minikube137-ch22-arret-sourd.yaml';

  it.each(VERSIONS)('prints `1/1 Terminating 0` at the delete, is SIGKILLed when the grace ends and gone within a second of the published 11145 ms (%s) [8.5] [15.3] [6.5]', (version) => {
    const events = eventsOf(NAME, version);
    const deleted = first(events, 'pod.deleted');
    const [published] = publishedRows('arret-sourd   1/1     Terminating   0          5s');
    expect(rowAt(simulatedRows(withVersion(fixture(NAME), version)), published!.t)).toEqual({ ready: published!.ready, status: published!.status, restarts: published!.restarts });
    const kill = events.find((e) => e.type === 'container.signal' && e.signal === 'SIGKILL')!;
    expect(kill.t - deleted).toBeCloseTo(10, 6);
    expect(Math.abs(first(events, 'pod.gone') - deleted - 11.145)).toBeLessThanOrEqual(1);
  });
});

describe('transcript: chapter 22, prestop: a 5 s preStop before the TERM (minikube v1.37.0)', () => {
  const NAME = 'minikube137-ch22-prestop.yaml';

  it.each(VERSIONS)('runs the preStop at the delete, the trap 6 s after it and is gone at 7 s, each within the logs\' whole seconds (%s) [8.3] [15.3] [6.5]', (version) => {
    const events = eventsOf(NAME, version);
    const deleted = first(events, 'pod.deleted');
    // 06:17:52 kubectl delete, 06:17:52 preStop, 06:17:58 SIGTERM reçu (the trap), 06:17:59 Pod supprimé
    expectWholeSecondsApart(first(events, 'hook.start') - deleted, 0, 'preStop');
    const sigterm = events.find((e) => e.type === 'container.signal' && e.signal === 'SIGTERM')!.t;
    expect(sigterm - first(events, 'hook.end')).toBeCloseTo(0, 6); // TERM only once the hook returned
    expectWholeSecondsApart(first(events, 'container.exit') - deleted, 58 - 52, 'trap');
    expectWholeSecondsApart(first(events, 'pod.gone') - deleted, 59 - 52, 'gone');
  });
});
