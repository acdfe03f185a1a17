// monacoFeatures.ts is Monaco's editor.all.js less a few features (its comment says why). When
// Monaco is upgraded, this says which of editor.all's imports the list does not account for.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const allPath = require.resolve('monaco-editor/esm/vs/editor/editor.all.js');

/** editor.all.js's imports, as paths under monaco-editor/esm/vs/. */
function editorAllImports(): string[] {
  const text = readFileSync(allPath, 'utf8');
  return [...text.matchAll(/^import '([^']+)';/gm)].map((m) => new URL(m[1]!, 'file:///esm/vs/editor/').pathname.replace('/esm/vs/', ''));
}

function ourImports(): string[] {
  const text = readFileSync(new URL('./monacoFeatures.ts', import.meta.url), 'utf8');
  return [...text.matchAll(/^import 'monaco-editor\/esm\/vs\/([^']+)';/gm)].map((m) => m[1]!);
}

/** What the scenario editor leaves out of editor.all.js (monacoFeatures.ts says why). */
const LEFT_OUT = [
  'editor/browser/widget/diffEditor/diffEditor.contribution.js',
  'editor/contrib/diffEditorBreadcrumbs/browser/contribution.js',
  'editor/contrib/inlineCompletions/browser/inlineCompletions.contribution.js',
  'editor/contrib/suggest/browser/suggestInlineCompletions.js',
  'editor/contrib/inlayHints/browser/inlayHintsContribution.js',
  'editor/contrib/linkedEditing/browser/linkedEditing.js',
  'editor/contrib/parameterHints/browser/parameterHints.js',
  'editor/contrib/semanticTokens/browser/documentSemanticTokens.js',
  'editor/contrib/semanticTokens/browser/viewportSemanticTokens.js',
  'editor/contrib/colorPicker/browser/colorPickerContribution.js',
  'editor/contrib/sectionHeaders/browser/sectionHeaders.js',
  'editor/contrib/gpu/browser/gpuActions.js',
  'editor/contrib/floatingMenu/browser/floatingMenu.contribution.js',
  'editor/contrib/middleScroll/browser/middleScroll.contribution.js',
];

describe('monacoFeatures.ts against editor.all.js', () => {
  it('imports every module of editor.all.js but the ones it leaves out on purpose, in the same order', () => {
    const all = editorAllImports();
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((p) => LEFT_OUT.includes(p)).sort()).toEqual([...LEFT_OUT].sort());
    expect(ourImports()).toEqual(all.filter((p) => !LEFT_OUT.includes(p)));
  });
});
