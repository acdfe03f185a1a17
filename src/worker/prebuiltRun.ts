// A run answered ahead of time (issue 16): the build runs the engine on a bundled scenario (the
// default one, the gallery's) exactly as the worker would answer it, and ships the answer as a
// module, so the page draws that scenario's first timeline without waiting for the worker. The
// live run still follows and replaces it if it differs (state/runner.ts).
// `import result from './x.yaml?engine-run'` gives the worker's EngineResult for that file's
// text, or null where the worker would answer with an error (the vite plugin: prebuiltRuns.ts).

import type { RunResponse } from './protocol';

/** The import suffix the build answers with the engine's result for the file's text. */
export const ENGINE_RUN_QUERY = '?engine-run';

/** Whether JSON carries a value exactly: no `undefined` field, no non-finite number, plain objects only. */
export function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every((v) => v !== undefined && survivesJson(v));
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every((v) => v !== undefined && survivesJson(v));
}

/**
 * The module text for a worker's answer: the result as a JSON string parsed at load (a string
 * literal costs the page less to parse than the same object literal). Throws when JSON would not
 * carry the result exactly, as the page must get what the worker would have sent.
 */
export function prebuiltRunModule(response: RunResponse): string {
  if (response.kind !== 'result') return 'export default null;\n';
  if (!survivesJson(response.result)) throw new Error('The engine\'s result does not survive JSON exactly: it cannot be prebuilt.');
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(response.result))});\n`;
}
