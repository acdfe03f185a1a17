// The describe of dimasm93's stress pod over its memory limit (an Indonesian course, "Configure
// Request and Limit of Resources (CPUs & Memory)", 2022-06-11; search-index file 3867104649; a
// minikube node with the Docker runtime, server version not printed, 1.23 or 1.24 by the date).
// The pod, what the engine is given and the watch rows: src/engine/kubectl/transcripts/
// dmMinikubeOomMoreLimit42.test.ts and its fixture. Published at `Scheduled 4m6s`, with Restart
// Count 5 (six runs, the last at 204 s):
//   Pulled 3m57s `in 7.376668096s`, 3m53s `in 3.19955887s`, 3m36s `in 3.142850674s`,
//   3m10s `in 3.17531734s`; Created (x4 over 3m57s); Started (x4 over 3m57s);
//   BackOff (x8 over 3m52s); Pulling (x5 over 4m5s)
// 25 kubelet events, none after 107 s: the spam filter's burst of 25 per pod, one token back
// every 300 s ([10.7]), so the fifth and sixth runs' Created/Started were never written. Up to 1.33
// the bucket is per pod; from 1.34 per pod and event type, so Normal and Warning events have 25
// each and the same pod writes more: run at 1.27, 1.31 and 1.33.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const SCENARIO = readFileSync(new URL('../../engine/kubectl/transcripts/fixtures/dm-minikube-oom-more-limit.yaml', import.meta.url), 'utf8');
const NAME = 'pod-resource-memory-more-limit';
const DESCRIBE_AT = 246; // `Scheduled 4m6s`
const VERSIONS = ['1.27', '1.31', '1.33'];
const withVersion = (version: string) => SCENARIO.replace(/^kubernetesVersion: "[\d.]+"$/m, `kubernetesVersion: "${version}"`);

describe('transcript: dimasm93\'s stress pod, the describe at 4m6s (minikube, June 2022)', () => {
  it.each(VERSIONS)('describes 25 kubelet events at 4m6s: Pulling x5, Pulled 1 + 3, Created x4, Started x4, BackOff x8, none after the burst (%s) [10.6] [10.7]', (version) => {
    const rows = describeEvents(runScenario(withVersion(version)).trace!, DESCRIBE_AT, NAME);
    const count = (reason: string) => rows.filter((r) => r.reason === reason).reduce((n, r) => n + r.count, 0);
    expect(count('Pulling')).toBe(5);
    expect(count('Pulled')).toBe(4);
    expect(count('Created')).toBe(4);
    expect(count('Started')).toBe(4);
    expect(count('BackOff')).toBe(8);
    // the first pull's row has its own duration, as the node's four Pulled rows each had theirs
    expect(rows.filter((r) => r.reason === 'Pulled').map((r) => r.message)).toContainEqual(expect.stringContaining('in 7.377s'));
    // the sixth run started although no event of it was written: the bucket was empty
    expect(rows.filter((r) => r.reason !== 'Scheduled').reduce((n, r) => n + r.count, 0)).toBe(25);
  });

  it('writes more than 25 at 1.34, where Normal and Warning events have a bucket each [10.7]', () => {
    const rows = describeEvents(runScenario(withVersion('1.34')).trace!, DESCRIBE_AT, NAME);
    expect(rows.filter((r) => r.reason !== 'Scheduled').reduce((n, r) => n + r.count, 0)).toBeGreaterThan(25);
  });
});
