// A published case of a shell that execs its server only after a sleep, killed by its liveness
// probe while still sleeping: the CKA blog post in fixtures/slow-start-exec-liveness.yaml. The
// shell is PID 1 during `sleep 90`, so the kill's SIGTERM is lost and the container dies of
// SIGKILL at the end of the 30 s grace ([15.3], [8.6]); the engine used to take the exec'd nginx's
// reaction for the whole run and restarted at 30.2 s. Each kill comes 60 s after the last start,
// inside the back-off from the sixth on ([4.5]). Rows checked at the post's two samples.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { rowAt, simulatedRows, withVersion } from './watch.testkit';

const SCENARIO = readFileSync(new URL('./fixtures/slow-start-exec-liveness.yaml', import.meta.url), 'utf8');

describe('transcript: sh -c "sleep 90 && exec nginx" killed by its liveness probe while the shell sleeps', () => {
  it.each(['1.31', '1.34', '1.37'])('dies of SIGKILL 30 s after each kill, and prints the post\'s two samples (%s) [15.3] [8.6] [4.5]', (version) => {
    const text = withVersion(SCENARIO, version);
    const exits = runScenario(text).trace!.events.filter((e) => e.type === 'container.exit');
    expect(exits[0]).toMatchObject({ exitCode: 137 });
    expect(Math.abs(exits[0]!.t - 61)).toBeLessThanOrEqual(1);
    const rows = simulatedRows(text);
    for (const [t, count, ago] of [[92, '1', 31], [457, '6', 96]] as const) {
      expect(rowAt(rows, t)?.restarts).toBe(count);
      // kubectl's "(… ago)" at t: from the last exit's whole second ([14.1])
      const lastExit = exits.filter((e) => e.t <= t).at(-1)!;
      expect(Math.abs(t - Math.floor(lastExit.t) - ago), `ago at ${t}s`).toBeLessThanOrEqual(1);
    }
  });
});
