import { describe, expect, it } from 'vitest';
import lessons from 'virtual:prebuilt-lessons';
import lessonKeys from 'virtual:prebuilt-lesson-keys';
import { galleryFiles } from '../scenarios/gallery';
import { handleRunRequest } from '../worker/handle';
import { textKey, type PrebuiltIndex } from '../worker/prebuiltRun';
import type { EngineResult } from '../worker/protocol';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { prebuiltLesson, type LessonSource } from './prebuiltResults';

const source = (index: PrebuiltIndex): LessonSource => ({ keys: new Set(Object.keys(index)), index: () => Promise.resolve(index) });

describe('the build\'s answers for the gallery\'s lessons (issue 16: a lesson link draws without the worker)', () => {
  it('lists every gallery file, each keyed by its text, and each answer is exactly what the live engine worker answers', async () => {
    const files = Object.entries(galleryFiles);
    expect(Object.keys(lessons).length).toBeGreaterThan(0);
    expect([...lessonKeys].sort()).toEqual(Object.keys(lessons).sort());
    for (const [name, text] of files) {
      const live = handleRunRequest({ id: 1, text });
      expect(lessons[textKey(text)], `${name} is in the index`).toBeDefined();
      const prebuilt = await prebuiltLesson(text);
      // The worker posts a structured clone; the live run that follows must leave the timeline as
      // it is. An error answer is not prebuilt: the live run gives it.
      expect(prebuilt, name).toStrictEqual(live.kind === 'result' ? structuredClone(live.result) : undefined);
    }
  });

  it('answers only the exact text: another text, the default, or a text whose key collides get no lesson', async () => {
    const [, text] = Object.entries(galleryFiles)[0]!;
    expect(prebuiltLesson(`${text}\n`)).toBeUndefined();
    expect(prebuiltLesson(DEFAULT_SCENARIO)).toBeUndefined();
    const colliding: PrebuiltIndex = { [textKey('mine')]: () => Promise.resolve({ text: 'another text', default: { ok: true, problems: [] } satisfies EngineResult }) };
    await expect(prebuiltLesson('mine', source(colliding))!).resolves.toBeUndefined();
  });

  it('falls back to the live run when a lesson\'s chunk fails to load (offline)', async () => {
    const failing: PrebuiltIndex = { [textKey('lesson')]: () => Promise.reject(new Error('Failed to fetch dynamically imported module')) };
    await expect(prebuiltLesson('lesson', source(failing))!).resolves.toBeUndefined();
    const noIndex: LessonSource = { keys: new Set([textKey('lesson')]), index: () => Promise.reject(new Error('offline')) };
    await expect(prebuiltLesson('lesson', noIndex)!).resolves.toBeUndefined();
  });

  it('loads the index only for a text whose key the first chunk lists', () => {
    let loads = 0;
    const counting: LessonSource = { keys: new Set([textKey('lesson')]), index: () => { loads++; return Promise.resolve({}); } };
    expect(prebuiltLesson('my own text', counting)).toBeUndefined();
    expect(loads).toBe(0);
    void prebuiltLesson('lesson', counting);
    expect(loads).toBe(1);
  });
});
