// The describe panel's row for an exec probe run that errored on an exited container ([5.11],
// [5.13]): prober.go probe's Warning Unhealthy "%s probe errored: %v" up to 1.32 and "%s probe
// errored and resulted in %s state: %s" from 1.33 (kubernetes#125901, v1.33.0-alpha.1), with
// containerd's ExecSync error (sim/probeOutput.ts EXEC_ON_EXITED_CONTAINER_ERROR). Published, the
// old form on a 1.32-era node (its Created event reads "Created container: c-default-xx-01-keeper",
// [10.6]: 1.32-1.34), a crash-looping ClickHouse keeper whose exec readiness probe met the exited
// container between its runs (search-index file 52732581247):
//   Warning  Unhealthy  84s (x3 over 2m49s)  kubelet  Readiness probe errored: rpc error: code = Unknown desc = failed to exec in container: container is in CONTAINER_EXITED state
// and the new form in an EKS cluster's event list (aws-node at a node's shutdown, file 68630567007):
//   Readiness probe errored and resulted in unknown state: rpc error: code = Unknown desc = failed to exec in container: container is in CONTAINER_EXITED state
// The keeper's other errored row, "… code = NotFound desc = failed to exec in container: failed to
// load task: no running task found: task <id> not found: not found" (containerd deletes the task
// before it marks the container exited), falls in a window of milliseconds the engine does not model.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import type { Trace } from '../../engine/trace';
import { describeEvents } from './describeEvents';
import { probeErroredError, probeErroredMessage } from './eventWording';

const PUBLISHED_132 = 'Readiness probe errored: rpc error: code = Unknown desc = failed to exec in container: container is in CONTAINER_EXITED state';
const PUBLISHED_133 = 'Readiness probe errored and resulted in unknown state: rpc error: code = Unknown desc = failed to exec in container: container is in CONTAINER_EXITED state';

const keeper = (version: string) => `apiVersion: v1
kind: Pod
metadata: {name: c-default-xx-01-keeper-0}
spec:
  containers:
  - name: c-default-xx-01-keeper
    image: clickhouse/clickhouse-keeper:25.2
    readinessProbe: {exec: {command: [sh, -c, "echo ruok | nc localhost 9181"]}, periodSeconds: 1}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 170s
containers:
  c-default-xx-01-keeper: {pull: 0, exitAfter: 7.5s, exitCode: 1}
`;

const unhealthyRows = (trace: Trace) => describeEvents(trace, 170, 'c-default-xx-01-keeper-0').filter((r) => r.reason === 'Unhealthy');

describe('prober.go probe: the Unhealthy message of an errored run, by version (kubernetes#125901) [5.13]', () => {
  it('words the error "probe errored: …" up to 1.32 and "… and resulted in unknown state: …" from 1.33', () => {
    expect(probeErroredMessage('Readiness', 'boom', 32)).toBe('Readiness probe errored: boom');
    expect(probeErroredMessage('Readiness', 'boom', 33)).toBe('Readiness probe errored and resulted in unknown state: boom');
    expect(probeErroredMessage('Liveness', 'boom', 27)).toBe('Liveness probe errored: boom');
  });

  it('reads a trace made before the field as the cancelled context of [5.14]', () => {
    expect(probeErroredError({ type: 'probe.errored', container: 'app', probe: 'readiness', attempt: 0, why: '', t: 1 }))
      .toBe('rpc error: code = Canceled desc = context canceled');
  });
});

describe('a crash-looping keeper\'s exec readiness probe meets its exited container (containerd ExecSync) [5.11] [5.13]', () => {
  it('prints the published 1.32 row word for word, one row for every such run', () => {
    const rows = unhealthyRows(runScenario(keeper('1.32')).trace!);
    const errored = rows.filter((r) => r.message.includes('errored'));
    expect(errored.map((r) => r.message)).toEqual([PUBLISHED_132]);
    expect(errored[0]!.count).toBeGreaterThanOrEqual(2);
  });

  it('prints the 1.33 wording, as published on EKS, and from 1.35 after the container\'s field path', () => {
    expect(unhealthyRows(runScenario(keeper('1.33')).trace!).filter((r) => r.message.includes('errored')).map((r) => r.message)).toEqual([PUBLISHED_133]);
    expect(unhealthyRows(runScenario(keeper('1.35')).trace!).filter((r) => r.message.includes('errored')).map((r) => r.message))
      .toEqual([`spec.containers{c-default-xx-01-keeper}: ${PUBLISHED_133}`]);
  });
});
