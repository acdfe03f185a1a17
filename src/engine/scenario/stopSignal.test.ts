import { describe, expect, it } from 'vitest';
import { endsByDefault, imageStopSignal, namesSignal, signalExitCode, signalName, stopSignalOf } from './stopSignal';

describe('stopSignal [8.13]', () => {
  it.each([
    ['nginx', 'SIGQUIT'], ['nginx:1.27-alpine', 'SIGQUIT'], ['nginx:1.19.5', 'SIGQUIT'], ['nginx:1.19', 'SIGQUIT'],
    ['nginx:1.18.0', 'SIGQUIT'], ['docker.io/library/nginx:1.25', 'SIGQUIT'], ['public.ecr.aws/docker/library/nginx:1.27', 'SIGQUIT'],
    ['nginxinc/nginx-unprivileged:1.27', 'SIGQUIT'], ['nginx@sha256:0123', 'SIGQUIT'],
    ['postgres:16', 'SIGINT'], ['postgres:12', 'SIGINT'], ['postgres:12.4', 'SIGINT'], ['postgres:9', 'SIGINT'],
    ['httpd:2.4', 'SIGWINCH'], ['haproxy:2.8', 'SIGUSR1'], ['php:8.3-fpm-alpine', 'SIGQUIT'], ['php:8.3-apache', 'SIGWINCH'],
  ])('%s has STOPSIGNAL %s in its config (the Dockerfiles, docker-library/repo-info build histories)', (image, signal) => {
    expect(imageStopSignal(image)).toBe(signal);
  });

  it.each([
    'nginx:1.19.4', 'nginx:1.17', 'nginx:1.7.9', 'postgres:12.3', 'postgres:9.4', 'httpd:2.4.39', 'php:8.3-cli', 'php:7.3.4-fpm',
    'redis:7', 'busybox:1.36', 'python:3.12', 'envoyproxy/envoy:v1.30', 'bitnami/nginx', 'registry.example.com/nginx',
  ])('%s keeps SIGTERM: no STOPSIGNAL, one added later, or another publisher\'s image we do not know', (image) => {
    expect(imageStopSignal(image)).toBeUndefined();
  });

  it('the spec\'s lifecycle.stopSignal comes first, then the image\'s, then SIGTERM (KEP-4960; containerd stopContainer)', () => {
    expect(stopSignalOf({ image: 'nginx:1.27', stopSignal: 'SIGUSR1' })).toEqual({ signal: 'SIGUSR1', from: 'spec' });
    expect(stopSignalOf({ image: 'nginx:1.27' })).toEqual({ signal: 'SIGQUIT', from: 'image' });
    expect(stopSignalOf({ image: 'busybox:1.36' })).toEqual({ signal: 'SIGTERM', from: 'default' });
  });

  it('names, numbers and what a signal does to a process without a handler (signal(7))', () => {
    expect([signalName('quit'), signalName('3'), signalName('SIGUSR1'), signalName('NOPE')]).toEqual(['SIGQUIT', 'SIGQUIT', 'SIGUSR1', undefined]);
    expect(['QUIT', 'SIGQUIT', '3', 'TERM'].map((w) => namesSignal(w, 'SIGQUIT'))).toEqual([true, true, true, false]);
    expect([signalExitCode('SIGTERM'), signalExitCode('SIGQUIT'), signalExitCode('SIGINT'), signalExitCode('SIGUSR1')]).toEqual([143, 131, 130, 138]);
    expect([endsByDefault('SIGTERM'), endsByDefault('SIGQUIT'), endsByDefault('SIGWINCH'), endsByDefault('SIGCHLD')]).toEqual([true, true, false, false]);
  });
});
