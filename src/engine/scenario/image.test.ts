import { describe, expect, it } from 'vitest';
import { defaultPullPolicy, isShellImage, parseImage } from './image';

describe('images', () => {
  it('parses references', () => {
    expect(parseImage('busybox')).toEqual({ name: 'busybox', tag: undefined, digest: undefined });
    expect(parseImage('docker.io/library/busybox:1.36')).toEqual({ name: 'busybox', tag: '1.36', digest: undefined });
    expect(parseImage('localhost:5000/team/app')).toEqual({ name: 'app', tag: undefined, digest: undefined });
    expect(parseImage('istio/proxyv2:1.16.0@sha256:abc').digest).toBe('sha256:abc');
  });

  it('defaults imagePullPolicy like the API server', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('nginx:1.27')).toBe('IfNotPresent');
    expect(defaultPullPolicy('localhost:5000/app')).toBe('Always');
    expect(defaultPullPolicy('nginx@sha256:0123')).toBe('IfNotPresent');
  });

  it('knows shell images', () => {
    expect(isShellImage('busybox:1.28')).toBe(true);
    expect(isShellImage('registry.k8s.io/e2e-test-images/busybox:1.36.1-1')).toBe(true);
    expect(isShellImage('ubuntu:24.04')).toBe(true);
    expect(isShellImage('nginx')).toBe(false);
    expect(isShellImage('istio/proxyv2:1.16.0')).toBe(false);
  });
});
