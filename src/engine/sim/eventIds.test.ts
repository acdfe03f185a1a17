import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { eventId } from './eventIds';

/** One container crash-looping every 5 s with 1 s probes, for `until`. */
const crashLoop = (until: string) => `apiVersion: v1
kind: Pod
metadata: {name: loop}
spec:
  containers:
  - name: c0
    image: x
    command: ["sh","-c","sleep 5; exit 1"]
    livenessProbe: {exec: {command: [ls]}, periodSeconds: 1}
    readinessProbe: {exec: {command: [ls]}, periodSeconds: 1}
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: ${until}
`;

describe('event ids, made once for every run (issue 16)', () => {
  it('are e0, e1, … by index, asked in any order', () => {
    expect(eventId(12)).toBe('e12');
    expect(eventId(0)).toBe('e0');
    expect(eventId(49_999)).toBe('e49999');
    expect(eventId(7)).toBe('e7');
  });

  it('number a trace\'s events by their index, run after run', () => {
    for (let run = 0; run < 2; run++) {
      const res = runScenario(crashLoop('10m'));
      expect(res.ok).toBe(true);
      res.trace!.events.forEach((e, i) => expect(e.id).toBe(`e${i}`));
    }
  });
});

describe('doBackOff refusals [4.9]: one cause list per back-off, shared', () => {
  it('every refusal of a back-off cites that back-off\'s event, through one list; the next back-off has its own', () => {
    const res = runScenario(crashLoop('10m'));
    const events = res.trace!.events;
    const refusals = events.filter((e) => e.type === 'container.backoffAgain');
    expect(refusals.length).toBeGreaterThan(2);
    const byList = new Map<unknown, string[]>();
    for (const r of refusals) {
      const backoff = events.filter((e) => e.type === 'container.backoff' && e.t <= r.t).at(-1)!;
      expect(r.cause).toEqual([backoff.id]);
      byList.set(r.cause, [...(byList.get(r.cause) ?? []), backoff.id!]);
    }
    for (const ids of byList.values()) expect(new Set(ids).size).toBe(1);
    expect(byList.size).toBe(new Set(refusals.map((r) => r.cause![0])).size);
  });
});
