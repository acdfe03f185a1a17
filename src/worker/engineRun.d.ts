// `import result from './scenario.yaml?engine-run'`: the engine worker's answer for that file's
// text, computed at build time (worker/prebuiltRun.ts, prebuiltRuns.ts); null for an error answer.
declare module '*?engine-run' {
  const result: import('./protocol').EngineResult | null;
  export default result;
  /** The text answered. */
  export const text: string;
}

// The gallery's answers computed at build time, each loaded only when its text is opened.
declare module 'virtual:prebuilt-lessons' {
  const index: import('./prebuiltRun').PrebuiltIndex;
  export default index;
}

// The keys of 'virtual:prebuilt-lessons' (textKey of each lesson's text), for the first chunk.
declare module 'virtual:prebuilt-lesson-keys' {
  const keys: readonly string[];
  export default keys;
}
