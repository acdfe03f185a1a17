import { describe, expect, it } from 'vitest';
import { cssZoomOf } from './cssZoom';

describe('cssZoomOf', () => {
  it("reads the element's currentCSSZoom", () => {
    expect(cssZoomOf({ currentCSSZoom: 1.3 } as unknown as Element)).toBe(1.3);
  });
  it('is 1 where the browser does not say, or says nonsense', () => {
    expect(cssZoomOf({} as Element)).toBe(1);
    expect(cssZoomOf(null)).toBe(1);
    expect(cssZoomOf({ currentCSSZoom: 0 } as unknown as Element)).toBe(1);
    expect(cssZoomOf({ currentCSSZoom: Number.NaN } as unknown as Element)).toBe(1);
  });
});
