// The module monacoClassic.ts (at the root) provides: where the build put Monaco's classic script.
declare module 'virtual:monaco-core' {
  /** The script's and stylesheet's addresses; null in `vite` dev (Monaco is then imported as a module). */
  export const monacoCore: { script: string; style: string } | null;
}
