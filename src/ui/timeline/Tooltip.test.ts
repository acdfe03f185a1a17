import { describe, expect, it } from 'vitest';
import { tooltipTop } from './Tooltip';

describe('tooltipTop', () => {
  it('opens below the pointer when it fits in the window', () => {
    expect(tooltipTop(100, 80, -20, 500)).toBe(116);
  });
  it('opens above the pointer when below would pass the window and there is room above', () => {
    expect(tooltipTop(400, 80, 30, 300)).toBe(310);
  });
  it('stays below when there is no room above either (the page scrolls to it)', () => {
    expect(tooltipTop(60, 80, 30, 50)).toBe(76);
  });
});
