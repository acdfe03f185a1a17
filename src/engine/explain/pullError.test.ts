import { describe, expect, it } from 'vitest';
import { MAX_QUOTED_PULL_ERROR, pullError } from './containerWords';

// [10.9] The error explain quotes from a Waiting message of a failed pull.
describe('pullError', () => {
  it('ErrImagePull: the message is the error', () => {
    expect(pullError('ErrImagePull', 'rpc error: code = NotFound desc = x: not found')).toBe('rpc error: code = NotFound desc = x: not found');
  });

  it('ImagePullBackOff from 1.32: the error after the back-off and the error\'s name (#127918)', () => {
    expect(pullError('ImagePullBackOff', 'Back-off pulling image "a:1": ErrImagePull: failed to pull and unpack image "a:1"')).toBe('failed to pull and unpack image "a:1"');
    expect(pullError('ImagePullBackOff', 'Back-off pulling image "a:1": RegistryUnavailable: image pull failed for a:1 because the registry is unavailable')).toBe('image pull failed for a:1 because the registry is unavailable');
  });

  it('ImagePullBackOff before 1.32, or no message: nothing to quote', () => {
    expect(pullError('ImagePullBackOff', 'Back-off pulling image "a:1"')).toBeUndefined();
    expect(pullError('ErrImagePull', undefined)).toBeUndefined();
    expect(pullError('ErrImagePull', '')).toBeUndefined();
  });

  it(`a pasted error longer than ${MAX_QUOTED_PULL_ERROR} characters is cut with an ellipsis`, () => {
    const quoted = pullError('ErrImagePull', 'x'.repeat(10_000))!;
    expect(quoted).toHaveLength(MAX_QUOTED_PULL_ERROR);
    expect(quoted.endsWith('…')).toBe(true);
  });
});
