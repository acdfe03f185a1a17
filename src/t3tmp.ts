import { readFileSync } from 'node:fs';
import { runScenario } from './engine/run';
const r = runScenario(readFileSync('src/scenarios/08-sidecar-crash-under-never.yaml', 'utf8'));
for (const e of r.trace!.events) if (e.t > 30 && e.t < 50 && ['pod.kubectl','container.start','container.exit','container.backoff'].includes(e.type)) console.log(e.t, e.type, JSON.stringify(e).slice(0, 110));
