// The engine's answers computed at build time (worker/prebuiltRun.ts) for the texts the page
// opens on most: the default scenario, in the first chunk, and each gallery lesson, in a chunk of
// its own. The first chunk holds only the lessons' keys (`textKey` of their texts); the index
// that loads a lesson's answer is fetched only for a text whose key is there. The runner shows
// one for its text, so the timeline needs no worker (issue 16), then confirms it with a live run.

import defaultResult from '../scenarios/00-default.yaml?engine-run';
import lessonKeys from 'virtual:prebuilt-lesson-keys';
import { textKey, type PrebuiltIndex } from '../worker/prebuiltRun';
import type { EngineResult } from '../worker/protocol';
import { DEFAULT_SCENARIO } from './defaultScenario';

/** The build's answer for exactly this text, if the first chunk holds it. */
export function prebuiltResult(text: string): EngineResult | undefined {
  return text === DEFAULT_SCENARIO ? defaultResult ?? undefined : undefined;
}

/** Where lessons' answers come from: the keys known at once, and the index, loaded on demand. */
export interface LessonSource {
  keys: ReadonlySet<string>;
  index: () => Promise<PrebuiltIndex>;
}

const builtLessons: LessonSource = {
  keys: new Set(lessonKeys),
  index: () => import('virtual:prebuilt-lessons').then((m) => m.default),
};

/**
 * The build's answer for exactly this text, when it is a gallery lesson's: a promise of it (or of
 * undefined, should a chunk fail to load or hold another text); undefined at once otherwise.
 */
export function prebuiltLesson(text: string, source: LessonSource = builtLessons): Promise<EngineResult | undefined> | undefined {
  const key = textKey(text);
  if (!source.keys.has(key)) return undefined;
  return source.index()
    .then((index) => index[key]?.())
    .then((m) => (m?.text === text ? m.default ?? undefined : undefined), () => undefined);
}
