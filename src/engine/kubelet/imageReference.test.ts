// distribution/reference's grammar as the kubelet applies it before any pull ([10.11]): the cases
// follow reference_test.go and normalize_test.go's kinds (valid names, registries with ports,
// digests, the lowercase rule, 64-hex identifiers, the length cap).

import { describe, expect, it } from 'vitest';
import { imageReferenceError, invalidImageMessage } from './imageReference';

describe('imageReferenceError (ParseNormalizedNamed)', () => {
  it.each([
    'busybox', 'busybox:1.36', 'library/busybox:latest', 'docker.io/library/nginx:1.25', 'nginx@sha256:' + 'a'.repeat(64),
    'registry.k8s.io/pause:3.9', 'localhost:5000/app:dev', 'localhost/app', '127.0.0.1:5000/a/b/c:v1', '[::1]:5000/app',
    'quay.io/prometheus/node-exporter:v1.8.2', 'ghcr.io/org/my_app__x-y.z:1.0_RC-2', 'example.com/app:V1.2', 'Foo/bar:1',
    'envoyproxy/envoy:v1.30', 'pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime',
  ])('%s parses', (image) => {
    expect(imageReferenceError(image)).toBeUndefined();
  });

  it.each([
    ['Busybox:1.36', 'invalid reference format: repository name must be lowercase'],
    ['quay.io/Blacloud/activemq:1.0.7', 'invalid reference format: repository name must be lowercase'],
    ['${PHP_FPM_IMAGE}', 'invalid reference format: repository name must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['nginx::1', 'invalid reference format'],
    ['my app:1', 'invalid reference format'],
    ['-app:1', 'invalid reference format'],
    ['app-:1', 'invalid reference format'],
    ['nginx:' + 'x'.repeat(129), 'invalid reference format'],
    ['nginx@sha256:abc', 'invalid reference format'],
    ['https://registry.example.com/app:1', 'invalid reference format'],
    ['a'.repeat(64), `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`],
    [`example.com/${'a'.repeat(250)}`, 'repository name must not be more than 255 characters'],
  ])('%s is refused: %s', (image, error) => {
    expect(imageReferenceError(image)).toBe(error);
  });
});

describe('invalidImageMessage (EnsureImageExists, Warning InspectFailed)', () => {
  it('wraps the parse error as applyDefaultImageTag does: "image reference" up to 1.32, "image name" from 1.33', () => {
    expect(invalidImageMessage('Busybox:1.36', 'invalid reference format: repository name must be lowercase', 27))
      .toBe('Failed to apply default image tag "Busybox:1.36": couldn\'t parse image reference "Busybox:1.36": invalid reference format: repository name must be lowercase');
    expect(invalidImageMessage('a"b', 'invalid reference format', 33))
      .toBe('Failed to apply default image tag "a\\"b": couldn\'t parse image name "a\\"b": invalid reference format');
  });
});
