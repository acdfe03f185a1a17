import { describe, expect, it } from 'vitest';
import { leadingRule } from './actionReasons';

describe('a plan sentence\'s leading rule (computePodActions\' reasons, kuberuntime_manager.go computePodActions, 1.28-1.33) [0.1]', () => {
  it('reads [x], [x.y] and [x.yz] at the very start, and nothing else', () => {
    expect(leadingRule('[4.1] Main container app exited with 1.')).toBe('4.1');
    expect(leadingRule('[8.1c] Every main container is done.')).toBe('8.1c');
    expect(leadingRule('[12] whole section')).toBe('12');
    for (const text of ['x [1.2]', '[1.] a', '[.1] b', '[1.2ab] c', '[1.2', '[]', '']) expect(leadingRule(text)).toBe('');
  });
});
