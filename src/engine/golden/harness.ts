// Loads a golden fixture (src/engine/golden/fixtures/<name>.yaml), runs it through the engine's
// front door and hands back the trace plus the times of the scripted actions.

import { runScenario } from '../run';
import type { SimAction } from '../scenario/types';
import type { Trace } from '../trace';

export interface Golden {
  name: string;
  trace: Trace;
  /** Time of the scenario's action `what` (on `container` if given), from the Simulation document. */
  at(what: SimAction, container?: string): number;
}

const cache = new Map<string, Golden>();

/** The fixtures' text, bundled by Vite/Vitest: the engine folder reads no file system. */
const FIXTURES = import.meta.glob<string>('./fixtures/*.yaml', { query: '?raw', import: 'default', eager: true });

export function fixtureText(name: string): string {
  const text = FIXTURES[`./fixtures/${name}.yaml`];
  if (text === undefined) throw new Error(`no golden fixture ${name}.yaml`);
  return text;
}

export function runFixture(name: string): Golden {
  const hit = cache.get(name);
  if (hit) return hit;
  const res = runScenario(fixtureText(name), { fileName: `${name}.yaml` });
  const errors = res.problems.filter((p) => p.severity === 'error');
  if (!res.ok || !res.trace || !res.scenario) {
    throw new Error(
      `fixture ${name}.yaml did not run:\n${errors.map((p) => `  ${p.line}:${p.col} ${p.path}: ${p.message}`).join('\n')}`,
    );
  }
  const events = res.scenario.sim.events;
  const g: Golden = {
    name,
    trace: res.trace,
    at(what, container) {
      const e = events.find((x) => x.do === what && (container === undefined || x.container === container));
      if (!e) throw new Error(`fixture ${name}.yaml has no ${what} event${container ? ` for ${container}` : ''}`);
      return e.at;
    },
  };
  cache.set(name, g);
  return g;
}

/** Images the fixtures use (see the fixture generator's conventions in each file header). */
export const OLD_IMAGE = 'busybox:1.36';
export const NEW_IMAGE = 'busybox:1.37';
export const BAD_IMAGE = 'registry.invalid/sidecar-lab/does-not-exist:1';
