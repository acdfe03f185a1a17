// [1.3] Host-port conflicts as validation.go's checkHostPortConflicts finds them (1.29/1.30-era and
// 1.32/1.33-era trees, read by the upstream45 round): regular containers together, each init
// container alone, keyed protocol/hostIP/hostPort.

import { describe, expect, it } from 'vitest';
import { check, pod } from './testUtil';

const ports = (...entries: string[]) => ['      ports:', ...entries.map((e) => `        - ${e}`)];
const container = (name: string, lines: string[] = []) => [`    - name: ${name}`, '      image: busybox', ...lines];

function errors(spec: string[]): string[] {
  return check(pod(spec.join('\n'))).errors;
}

describe('host ports ([1.3], checkHostPortConflicts)', () => {
  it('two regular containers on one host port: Duplicate at the second one, where it is', () => {
    expect(errors(['  containers:', ...container('a', ports('{containerPort: 80, hostPort: 8080}')), ...container('b', ports('{containerPort: 81, hostPort: 8080}'))]))
      .toEqual([expect.stringMatching(/^\d+:\d+ spec\.containers\[1\]\.ports\[0\]\.hostPort: Duplicate value: "TCP\/\/8080"$/)]);
  });

  it('another protocol or another host IP is another key; hostPort 0 is none', () => {
    expect(errors(['  containers:', ...container('a', ports(
      '{containerPort: 80, hostPort: 8080}',
      '{containerPort: 80, hostPort: 8080, protocol: UDP}',
      '{containerPort: 81, hostPort: 8080, hostIP: 10.0.0.1}',
      '{containerPort: 82, hostPort: 0}',
      '{containerPort: 83, hostPort: 0}',
    ))])).toEqual([]);
  });

  it('init containers run one at a time: each is checked alone, not against the others or the regular containers', () => {
    expect(errors([
      '  initContainers:', ...container('i1', ports('{containerPort: 80, hostPort: 8080}')), ...container('i2', ports('{containerPort: 80, hostPort: 8080}')),
      '  containers:', ...container('a', ports('{containerPort: 80, hostPort: 8080}')),
    ])).toEqual([]);
  });

  it("a second init container's own duplicate is named initContainers[0], as upstream's one-element list names it", () => {
    expect(errors([
      '  initContainers:', ...container('i1'), ...container('i2', ports('{containerPort: 80, hostPort: 9000}', '{containerPort: 81, hostPort: 9000}')),
      '  containers:', ...container('a'),
    ])).toEqual([expect.stringMatching(/ spec\.initContainers\[0\]\.ports\[1\]\.hostPort: Duplicate value: "TCP\/\/9000"$/)]);
  });

  it('terminationMessagePolicy other than File or FallbackToLogsOnError is rejected on a regular container too', () => {
    expect(errors(['  containers:', ...container('a', ['      terminationMessagePolicy: Always'])]))
      .toEqual([expect.stringMatching(/ spec\.containers\[0\]\.terminationMessagePolicy: Unsupported value: "Always": supported values: "File", "FallbackToLogsOnError"$/)]);
    expect(errors(['  containers:', ...container('a', ['      terminationMessagePolicy: FallbackToLogsOnError'])])).toEqual([]);
  });
});
