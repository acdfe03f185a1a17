// `import result from './scenario.yaml?engine-run'`: the engine worker's answer for that file's
// text, computed at build time (worker/prebuiltRun.ts, prebuiltRuns.ts); null for an error answer.
declare module '*?engine-run' {
  const result: import('./protocol').EngineResult | null;
  export default result;
}
