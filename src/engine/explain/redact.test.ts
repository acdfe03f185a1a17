// Share safely (issue 14): the share-safe form of a real pod explains exactly as the original does
// (same columns, phase, conditions, container states and next steps), and carries no env values,
// secrets, annotations, managed fields, names of the pod or its images, IPs or commands.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../apiPod/time';
import { explainPods } from './explainPods';
import { readRealPods } from './readRealPods';
import { redactRealPods } from './redact';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const FIXTURES = ['sidecar-startup-stuck.yaml', 'crashloop.yaml', 'terminating.json', 'job-sidecar-completed.yaml'];

function explained(text: string) {
  const read = readRealPods(text);
  if (read.kind !== 'pods') throw new Error('not pods');
  return explainPods(read.input, { now: parseRfc3339('2030-01-01T00:00:00Z')! }).map(({ name: _n, namespace: _ns, ...rest }) => rest);
}

describe('the share-safe form of a real pod', () => {
  for (const name of FIXTURES) {
    it(`${name}: explains as the original does`, () => {
      const redacted = redactRealPods(fixture(name))!;
      expect(redacted).not.toBeNull();
      expect(explained(redacted.text)).toEqual(explained(fixture(name)));
    });
  }

  it('drops env values, annotations, managed fields, names, images, IPs and commands, and lists them', () => {
    const original = fixture('sidecar-startup-stuck.yaml');
    const { text, dropped } = redactRealPods(original)!;
    for (const secret of ['hunter2', 'DB_PASSWORD', 'restartedAt', 'managedFields', 'hotel-reservation', 'reservation-7d9c6b5f4-x2x9q', 'yinfangchen', '10.244.1.17', 'memcached-reserve', 'kind-worker', '0b7f2f8e', 'otel-ready', 'sha256']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('otel-collector');
    expect(dropped).toEqual(expect.arrayContaining(['environment variables', 'annotations', 'managed fields', 'IP addresses', 'the pod name and namespace']));
  });

  it('keeps the CrashLoopBackOff delay but not the pod UID in the waiting message', () => {
    const { text } = redactRealPods(fixture('crashloop.yaml'))!;
    expect(text).toContain('back-off 5m0s restarting failed container=centos-new');
    expect(text).not.toContain('1f0c3f0b');
  });

  it('a text without a real pod is shared as it is; a broken pod dump is left out', () => {
    expect(redactRealPods('apiVersion: v1\nkind: Pod\nspec:\n  containers: [{ name: a, image: b }]\n')).toBeNull();
    expect(redactRealPods(fixture('truncated.yaml'))!.text).not.toContain('centos');
  });
});
