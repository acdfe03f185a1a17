// [10.11] An image the API server accepts but the kubelet cannot parse: a warning at its line, and
// the scenario still runs (the container waits in InvalidImageName).

import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: app
      image: ${image}
`;

describe('an image name the kubelet cannot parse', () => {
  it('is a warning at the image, not an error: the API server accepts it', () => {
    const r = parseScenario(pod('Busybox:1.36'));
    expect(r.ok).toBe(true);
    const warnings = r.problems.filter((p) => p.path === 'spec.containers[0].image');
    expect(warnings.map((p) => [p.severity, p.line])).toEqual([['warning', 7]]);
    expect(warnings[0]!.message).toContain('InvalidImageName [10.11]');
    expect(warnings[0]!.message).toContain('repository name must be lowercase');
  });

  it('says nothing of a name it parses', () => {
    const r = parseScenario(pod('registry.example.com:5000/team/app:v1.2'));
    expect(r.problems.filter((p) => p.path === 'spec.containers[0].image')).toEqual([]);
  });
});
