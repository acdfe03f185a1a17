import { describe, expect, it } from 'vitest';
import { exited, running, waiting } from '../apiPod/statusBuilders';
import { conditionsStillHold } from './conditionsView';
import { remember } from './statusMemo';

const st = (main: ReturnType<typeof running>[]) => ({ initContainerStatuses: [], containerStatuses: main });

describe('the conditions a status write keeps (kubelet/conditions.ts; status generation, generate.go, 1.27-1.36) [7.2] [7.3]', () => {
  it('hold for lists that differ only in what no condition reads: a reason, an exit code, the restart count', () => {
    const memo = remember(st([exited('app', 1, { restartCount: 4 })]), 6, []);
    expect(conditionsStillHold(memo, st([exited('app', 2, { restartCount: 5 })]), 6)).toBe(true);
    const crashLoop = remember(st([waiting('app', 'CrashLoopBackOff', 1, { restartCount: 4 })]), 6, []);
    expect(conditionsStillHold(crashLoop, st([waiting('app', 'ImagePullBackOff', 1, { restartCount: 9 })]), 6)).toBe(true);
  });

  it('do not hold when a container\'s ready flag, its running-or-terminated state or the other inputs differ', () => {
    const memo = remember(st([running('app', { ready: false })]), 6, []);
    expect(conditionsStillHold(memo, st([running('app', { ready: true })]), 6)).toBe(false);
    expect(conditionsStillHold(memo, st([exited('app', 0)]), 6)).toBe(false);
    expect(conditionsStillHold(memo, st([running('app', { ready: false })]), 7)).toBe(false);
    expect(conditionsStillHold(memo, st([running('web', { ready: false })]), 6)).toBe(false);
  });
});
