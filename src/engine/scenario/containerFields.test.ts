// kubectl's strict field validation names an unknown container field ("imgae"); the scenario
// still loads (contract section 1), with a warning at the field's line.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';

const pod = (field: string) => `apiVersion: v1
kind: Pod
metadata: { name: typo }
spec:
  containers:
    - name: app
      ${field}
`;

describe('unknown container fields (strict decoding)', () => {
  it('names a typo with the API server’s words, a suggestion, at its line', () => {
    const r = runScenario(pod('imgae: busybox:1.36'));
    const w = r.problems.find((p) => p.path === 'spec.containers[0].imgae');
    expect(w).toMatchObject({ severity: 'warning', line: 7 });
    expect(w!.message).toBe('strict decoding error: unknown field "spec.containers[0].imgae" (did you mean "image"?): kubectl apply rejects the pod; the simulation ignores the field');
    // The missing image is still an error of its own.
    expect(r.problems.some((p) => p.severity === 'error' && p.path === 'spec.containers[0].image')).toBe(true);
  });

  it('says nothing about the fields a Container has', () => {
    const r = runScenario(pod('image: busybox:1.36\n      workingDir: /tmp\n      tty: true\n      resources: {}'));
    expect(r.problems.filter((p) => p.message.includes('unknown field'))).toEqual([]);
  });
});
