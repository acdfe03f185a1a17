// Two texts are "the same scenario" when they match once lone surrogates are replaced by U+FFFD,
// which is what the link codec (UTF-8) makes of them: a text with a lone surrogate and the same
// text come back from its own link are one scenario, not a stranger's.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every lone surrogate replaced by U+FFFD (as String.prototype.toWellFormed does). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

export function sameText(a: string, b: string): boolean {
  return a === b || wellFormed(a) === wellFormed(b);
}

/** FNV-1a over the well-formed text's UTF-16 units, with its length: enough to recognise a text. */
export function textHash(text: string): string {
  const t = wellFormed(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) {
    h ^= t.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}-${t.length}`;
}
