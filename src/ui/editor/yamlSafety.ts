// Texts that would hang or slow down monaco-yaml's worker, which resolves YAML aliases without
// limit (an alias bomb keeps it busy for good, so completion, hover and schema checks never
// answer again) and copies the whole text on every pause. For these the editor turns the YAML
// language features off. Pure.

import { isAlias, isCollection, isPair, isScalar, parseAllDocuments, type Node } from 'yaml';
import { MAX_ALIAS_NODES } from '../../engine/scenario/limits';

/** Above this many characters the YAML language features are off. */
export const LARGE_TEXT_CHARS = 1_000_000;

/** Deepest nesting walked while counting (deeper collections count as too many). */
const MAX_WALK_DEPTH = 200;

export type HeavyReason = 'large' | 'aliases';

const HAS_ALIAS = /(?:^|[\s[{,:-])\*[^\s,[\]{}]/;

/**
 * How many nodes the text's documents hold once their aliases are expanded, counted without
 * expanding them (each anchor's size once); `Infinity` past `limit`. 0 for a text without aliases.
 */
export function expandedNodeCount(text: string, limit = MAX_ALIAS_NODES): number {
  if (!HAS_ALIAS.test(text)) return 0;
  const sizes = new Map<Node, number>();
  let total = 0;
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    if (!('contents' in doc)) continue;
    const size = (node: unknown, depth: number): number => {
      if (node === null || node === undefined || isScalar(node)) return 1;
      if (depth > MAX_WALK_DEPTH) return Infinity;
      if (isAlias(node)) {
        const target = node.resolve(doc);
        return target ? size(target, depth + 1) : 1;
      }
      if (isPair(node)) return size(node.key, depth + 1) + size(node.value, depth + 1);
      if (!isCollection(node)) return 1;
      const known = sizes.get(node);
      if (known !== undefined) return known;
      sizes.set(node, Infinity); // a collection that contains an alias to itself
      let n = 1;
      for (const item of node.items) {
        n += size(item, depth + 1);
        if (n > limit) break;
      }
      const result = n > limit ? Infinity : n;
      sizes.set(node, result);
      return result;
    };
    total += size(doc.contents, 0);
    if (total > limit) return Infinity;
  }
  return total;
}

/** Why the YAML language features must stay off for this text, or null when they may run. */
export function heavyReason(text: string): HeavyReason | null {
  if (text.length > LARGE_TEXT_CHARS) return 'large';
  if (expandedNodeCount(text) > MAX_ALIAS_NODES) return 'aliases';
  return null;
}
