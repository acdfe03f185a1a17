// A run answered ahead of time (issue 16): the build runs the engine on a bundled scenario (the
// default one, the gallery's) exactly as the worker would answer it, and ships the answer as a
// module, so the page draws that scenario's first timeline without waiting for the worker. The
// live run still follows and replaces it if it differs (state/runner.ts).
// `import result from './x.yaml?engine-run'` gives the worker's EngineResult for that file's
// text, or null where the worker would answer with an error (the vite plugin: prebuiltRuns.ts);
// the module also exports the `text` it answers. `import keys from 'virtual:prebuilt-lesson-keys'`
// lists the `textKey` of every gallery file (a few hundred bytes, in the
// first chunk, so a text that is no lesson goes to the worker at once); `virtual:prebuilt-lessons`,
// imported only for a text whose key is there, maps each key to a loader of that file's
// `?engine-run` module: each lesson's answer is its own chunk, loaded only when its text is opened.

import type { EngineResult, RunResponse } from './protocol';

/** The import suffix the build answers with the engine's result for the file's text. */
export const ENGINE_RUN_QUERY = '?engine-run';

/** The module id of the gallery's prebuilt answers, keyed by text (prebuiltRuns.ts writes it). */
export const LESSONS_MODULE = 'virtual:prebuilt-lessons';
/** The module id of the keys `LESSONS_MODULE` has. */
export const LESSON_KEYS_MODULE = 'virtual:prebuilt-lesson-keys';

/** A loaded `?engine-run` module: the answer and the exact text it answers. */
export interface PrebuiltModule {
  default: EngineResult | null;
  text: string;
}

/** `textKey` of a text → the loader of the build's answer for it. */
export type PrebuiltIndex = Readonly<Record<string, () => Promise<PrebuiltModule>>>;

/**
 * A short key for a text, the same at build time (Node) and in the page: its length and a 32-bit
 * FNV-1a hash of its UTF-16 code units. Equal keys do not prove equal texts: a loaded answer is
 * used only for the exact text it carries.
 */
export function textKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length.toString(36)}.${(h >>> 0).toString(36)}`;
}

/**
 * The module texts of the lesson index (each file's key and a lazy import of its answer) and of
 * its keys alone, for the files given.
 */
export function lessonModules(files: readonly { path: string; text: string }[]): { index: string; keys: string } {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const f of files) {
    const key = textKey(f.text);
    if (seen.has(key)) continue; // the same text twice: one answer serves both
    seen.add(key);
    lines.push(`  ${JSON.stringify(key)}: () => import(${JSON.stringify(`${f.path}${ENGINE_RUN_QUERY}`)}),`);
  }
  return {
    index: `export default {\n${lines.join('\n')}\n};\n`,
    keys: `export default ${JSON.stringify([...seen])};\n`,
  };
}

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
export function prebuiltRunModule(response: RunResponse, text: string): string {
  const textExport = `export const text = ${JSON.stringify(text)};\n`;
  if (response.kind !== 'result') return `export default null;\n${textExport}`;
  if (!survivesJson(response.result)) throw new Error('The engine\'s result does not survive JSON exactly: it cannot be prebuilt.');
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(response.result))});\n${textExport}`;
}
