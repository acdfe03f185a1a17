// When the reader first reaches for the editor: the editor takes the focus (a click, a tap, Tab,
// a problem's link that reveals its line) or the pointer moves over it.
//
// monaco-yaml's language worker waits for this moment (monacoSetup.ts): it is a megabyte of
// script that compiles the version's schema and validates the text, 0.4-0.6 s of CPU at every
// page load on this 2-core machine (a Chromium trace of a warm load: ~2.5 s of CPU in all), spent
// for completion, hover and schema marks that nobody who only watches the timeline (a learner on
// a phone, a presented scenario) ever sees. The editor itself (highlighting, the engine's problem
// marks, hints, Monaco's own highlights of invisible and lookalike characters) needs no such worker.

export interface Engagement {
  /** Settles the first time `reach` is called. */
  readonly reached: Promise<void>;
  reach(): void;
}

export function createEngagement(): Engagement {
  let settle!: () => void;
  const reached = new Promise<void>((resolve) => { settle = resolve; });
  return {
    reached,
    reach: () => settle(),
  };
}

/** The page's one editor. */
export const editorEngagement = createEngagement();
