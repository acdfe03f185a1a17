// Every rule the code cites ("[4.5]", "[6.2b]", "[8.1c]") names a rule of docs/kubelet-rules.md.
// The rulebook is the project's own; a citation that resolves nowhere is a broken promise to a reader.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const rulebook = readFileSync(join(root, 'docs/kubelet-rules.md'), 'utf8');

/** Rule ids defined by the rulebook: a line starting "4.5 " defines 4.5; "(b)" items under 6.2 define 6.2b. */
function definedRules(text: string): Set<string> {
  const ids = new Set<string>();
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const rule = /^(\d+\.\d+) /.exec(line);
    if (rule) current = rule[1]!;
    else if (line.startsWith('## ')) current = null;
    if (!current) continue;
    ids.add(current);
    for (const item of line.matchAll(/\(([a-z])\)/g)) ids.add(`${current}${item[1]}`);
  }
  return ids;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|yaml)$/.test(name) ? [path] : [];
  });
}

/** Citations: "[4.5]" and lists such as "[4.5, 8.2]" or "[2.1; 2.2]". */
function citations(text: string): string[] {
  const found: string[] = [];
  for (const group of text.matchAll(/\[(\d+\.\d+[a-z]?(?:\s*[,;/]\s*\d+\.\d+[a-z]?)*)\]/g)) {
    for (const id of group[1]!.split(/[,;/]/)) found.push(id.trim());
  }
  return found;
}

describe('docs/kubelet-rules.md', () => {
  const rules = definedRules(rulebook);

  it('defines the rules by number', () => {
    for (const id of ['0.1', '2.1', '4.5', '6.2b', '8.1c', '11.2']) expect(rules).toContain(id);
  });

  it('resolves every [x.y] cited in src/ and the README', () => {
    const unresolved: string[] = [];
    const files = [...sourceFiles(join(root, 'src')), join(root, 'README.md')];
    for (const file of files) {
      for (const id of citations(readFileSync(file, 'utf8'))) {
        if (!rules.has(id)) unresolved.push(`${file.slice(root.length + 1)}: [${id}]`);
      }
    }
    expect(unresolved).toEqual([]);
  });
});
