// Test helper: the yaml-language-server that monaco-yaml 5.5.1 bundles in its worker (1.23.0, a
// devDependency at the same version), run in Node, so tests see the warnings, completions and
// hovers the editor would show for a schema.

import { createRequire } from 'node:module';
import type { JSONSchema } from 'monaco-yaml';

interface Position { line: number; character: number }
interface Diagnostic { message: string; severity?: number; range: { start: Position; end: Position } }
interface CompletionItem { label: string; kind?: number; insertText?: string; documentation?: unknown }
interface Hover { contents: { kind: string; value: string } }
interface TextDocument { positionAt(offset: number): Position }
interface LanguageService {
  configure(settings: Record<string, unknown>): void;
  doValidation(doc: TextDocument, isKubernetes: boolean): Promise<Diagnostic[]>;
  doComplete(doc: TextDocument, pos: Position, isKubernetes: boolean): Promise<{ items: CompletionItem[] }>;
  doHover(doc: TextDocument, pos: Position): Promise<Hover | null>;
}

const req = createRequire(import.meta.url);
const { getLanguageService } = req('yaml-language-server/lib/umd/languageservice/yamlLanguageService.js') as {
  getLanguageService(params: Record<string, unknown>): LanguageService;
};
const { TextDocument: TextDocuments } = req('vscode-languageserver-textdocument') as {
  TextDocument: { create(uri: string, lang: string, version: number, text: string): TextDocument };
};

export const TEST_URI = 'file:///scenario.yaml';

// yaml-language-server caches parsed documents by URI and version in a module-level cache shared
// by every service instance: each text gets a new version, across all checkers.
let version = 0;

export interface Checker {
  /** Schema warnings for `text`, as "line: message" (1-based lines). */
  validate(text: string): Promise<string[]>;
  /** Completion labels at the `|` in `text`. */
  complete(text: string): Promise<CompletionItem[]>;
  /** Hover text at the `|` in `text`. */
  hover(text: string): Promise<string | undefined>;
}

/** A language service configured as monacoSetup configures monaco-yaml, with `schema`. */
export function checker(schema: JSONSchema): Checker {
  const ls = getLanguageService({
    schemaRequestService: null,
    workspaceContext: { resolveRelativePath: (rel: string, res: string) => String(new URL(rel, res)) },
    clientCapabilities: { textDocument: { completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } } } },
  });
  ls.configure({
    validate: true, hover: true, completion: true, format: false,
    schemas: [{ uri: 'inmemory://schemas/scenario.json', fileMatch: [TEST_URI], schema }],
  });
  const doc = (text: string) => TextDocuments.create(TEST_URI, 'yaml', ++version, text);
  const at = (text: string): [TextDocument, Position] => {
    const i = text.indexOf('|');
    if (i < 0) throw new Error('no | in the text');
    const d = doc(text.slice(0, i) + text.slice(i + 1));
    return [d, d.positionAt(i)];
  };
  return {
    async validate(text) {
      const diags = await ls.doValidation(doc(text), false);
      return diags.map((d) => `${d.range.start.line + 1}: ${d.message}`);
    },
    async complete(text) {
      const [d, pos] = at(text);
      return (await ls.doComplete(d, pos, false)).items;
    },
    async hover(text) {
      const [d, pos] = at(text);
      return (await ls.doHover(d, pos))?.contents.value;
    },
  };
}
