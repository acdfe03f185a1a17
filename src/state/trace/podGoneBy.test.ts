// podGoneBy: when the strip's pod left the API, if it did by the cursor ([6.5], [8.2]): the strip
// then says kubectl finds nothing, beside the last row it printed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { podGoneBy } from './kubectlPod';

const read = (f: string) => readFileSync(new URL(`../../scenarios/${f}`, import.meta.url), 'utf8');

describe('podGoneBy', () => {
  it('a force-deleted pod (gallery 24) is gone from the deletion on, while its container still drains', () => {
    const trace = runScenario(read('24-force-deleted.yaml')).trace!;
    expect(podGoneBy(trace, 9.9, undefined)).toBeUndefined();
    expect(podGoneBy(trace, 10, undefined)).toBe(10);
    expect(podGoneBy(trace, 25, undefined)).toBe(10);
  });

  it('a pod never deleted is never gone', () => {
    const trace = runScenario(read('00-default.yaml')).trace!;
    expect(podGoneBy(trace, trace.end, undefined)).toBeUndefined();
  });
});
