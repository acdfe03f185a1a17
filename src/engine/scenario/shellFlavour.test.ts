import { describe, expect, it } from 'vitest';
import { execsLastCommand, flavourOf, imageSh } from './shellFlavour';

describe('which shell /bin/sh is, and whether it execs the last command of a -c script [15.3]', () => {
  it.each([
    ['busybox:1.36', 'ash'],
    ['busybox:1.28', 'ash'], // the Kubernetes docs' DNS-debugging image: 1.28 is the first busybox that execs
    ['busybox:1.27.2', 'posix'], // its ash still forks the last command (strace, session 34)
    ['busybox:latest', 'ash'],
    ['alpine:3.7', 'posix'], // busybox 1.27.2
    ['alpine:3.8', 'ash'],
    ['alpine:3.20', 'ash'],
    ['alpine', 'ash'],
    ['docker.io/library/nginx:1.27-alpine', 'ash'],
    ['bash:5.2', 'ash'], // the official bash image is Alpine with bash added
    ['nginx:1.27', 'posix'],
    ['python:3.12-slim', 'posix'],
    ['ubuntu:24.04', 'posix'],
    ['registry.access.redhat.com/ubi9/ubi-minimal', 'bash'],
    ['fedora:41', 'bash'],
    ['amazonlinux:2023', 'bash'],
  ] as const)('%s: sh is %s', (image, sh) => {
    expect(imageSh(image)).toBe(sh);
  });

  it('names the shell a command runs, `sh` being the image\'s', () => {
    expect(flavourOf('/bin/bash', 'posix')).toBe('bash');
    expect(flavourOf('busybox', 'posix')).toBe('ash');
    expect(flavourOf('/bin/sh', 'ash')).toBe('ash');
    expect(flavourOf('sh', 'posix')).toBe('posix');
    expect(flavourOf('dash', 'ash')).toBe('posix');
    expect(flavourOf('zsh', 'bash')).toBe('posix');
  });

  it('bash and busybox ash exec it; dash as Debian ships it is read as not', () => {
    expect(execsLastCommand('bash')).toBe(true);
    expect(execsLastCommand('ash')).toBe(true);
    expect(execsLastCommand('posix')).toBe(false);
  });
});
