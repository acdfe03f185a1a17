// The global Monaco's classic script sets to monacoCore.ts's exports (esbuild's `globalName`):
// the build (monacoClassic.ts at the root) names it, loadMonacoCore.ts reads it.
export const MONACO_CORE_GLOBAL = '__sidecarLabMonacoCore';
