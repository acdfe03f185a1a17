import { readFileSync } from 'node:fs';
import { runScenario } from './engine/run';
const r = runScenario(readFileSync('src/cli/fixtures/job-retry-forever.yaml', 'utf8'));
const t = r.trace!;
console.log(t.pods?.length, t.truncated, t.events.length, t.events.at(-1)?.t);
const ev = t.events.filter((e) => (e as {pod?: string}).pod === 'retry-forever-r5');
for (const e of ev) console.log(e.t, e.type, (e as {status?:string}).status ?? '', (e as {container?:string}).container ?? '');
