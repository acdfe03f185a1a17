import { afterEach, describe, expect, it } from 'vitest';
import { isFirstFrameDrawn, markFirstFrameDrawn, resetFirstFrame, whenFirstFrameDrawn } from './firstFrame';

describe('first frame (issue 16: what the first frame does not need waits for it)', () => {
  afterEach(resetFirstFrame);

  it('runs what waits once the frame is drawn, in order, once', () => {
    const ran: string[] = [];
    whenFirstFrameDrawn(() => ran.push('a'));
    whenFirstFrameDrawn(() => ran.push('b'));
    expect(ran).toEqual([]);
    expect(isFirstFrameDrawn()).toBe(false);
    markFirstFrameDrawn();
    markFirstFrameDrawn();
    expect(ran).toEqual(['a', 'b']);
    expect(isFirstFrameDrawn()).toBe(true);
  });

  it('hands what waited to the page\'s scheduler, in order; a wait cancelled before its turn does not run', () => {
    const ran: string[] = [];
    whenFirstFrameDrawn(() => ran.push('a'));
    const cancelB = whenFirstFrameDrawn(() => ran.push('b'));
    whenFirstFrameDrawn(() => ran.push('c'));
    let turns: readonly (() => void)[] = [];
    markFirstFrameDrawn((runs) => { turns = runs; });
    expect(isFirstFrameDrawn()).toBe(true);
    expect(ran).toEqual([]);
    turns[0]!();
    cancelB();
    for (const turn of turns.slice(1)) turn();
    expect(ran).toEqual(['a', 'c']);
  });

  it('runs at once after the frame, and a cancelled wait never runs', () => {
    const ran: string[] = [];
    const cancel = whenFirstFrameDrawn(() => ran.push('cancelled'));
    cancel();
    markFirstFrameDrawn();
    whenFirstFrameDrawn(() => ran.push('late'));
    expect(ran).toEqual(['late']);
  });
});
