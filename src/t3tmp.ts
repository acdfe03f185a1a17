import { readFileSync } from 'node:fs';
import { runScenario } from './engine/run';
const r = runScenario(readFileSync('src/scenarios/00-default.yaml', 'utf8'));
for (const e of r.trace!.events) if (e.type === 'pod.kubectl' || e.type === 'container.start' || e.type === 'container.exit') console.log(e.t, e.type, JSON.stringify(e).slice(0, 140));
