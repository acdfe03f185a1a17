// Computed styles copied onto a clone as inline style attributes, so an exported SVG looks the
// same outside the page.

const PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-family', 'font-size',
  'font-weight', 'dominant-baseline', 'text-anchor', 'letter-spacing', 'visibility', 'display',
];

/** Copies the computed styles of `live` and its descendants onto the same nodes of `copy`. */
export function inlineStyles(live: Element, copy: Element): void {
  const css = getComputedStyle(live);
  const style = PROPS.map((p) => `${p}:${css.getPropertyValue(p)}`).join(';');
  copy.setAttribute('style', style);
  const a = live.children;
  const b = copy.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i]!, b[i]!);
}
