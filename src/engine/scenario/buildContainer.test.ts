import { describe, expect, it } from 'vitest';
import { buildContainer } from './buildContainer';
import type { RawContainer } from './container';

const span = { line: 3, col: 7, endLine: 5, endCol: 1 };
const loc = <T>(value: T) => ({ value, span, keySpan: span });

describe('buildContainer', () => {
  it('classifies init, sidecar and main containers', () => {
    const base: RawContainer = { path: 'spec.initContainers[0]', span, index: 0, init: true, badFields: new Set(), namedPorts: new Map(), hostPorts: [], name: loc('a'), image: loc('busybox:1.36') };
    expect(buildContainer(base).kind).toBe('init');
    expect(buildContainer({ ...base, restartPolicy: loc('Always') })).toMatchObject({ kind: 'sidecar', restartPolicy: 'Always' });
    expect(buildContainer({ ...base, init: false })).toMatchObject({ kind: 'main', imagePullPolicy: 'IfNotPresent', pos: { line: 3, col: 7 } });
  });

  it('defaults probes and keeps exec commands', () => {
    const c = buildContainer({
      path: 'spec.containers[0]', span, index: 0, init: false, badFields: new Set(), namedPorts: new Map(), hostPorts: [], name: loc('a'), image: loc('nginx'),
      startupProbe: { path: 'p', span, keySpan: span, exec: { span, keySpan: span, command: loc(['true']) }, periodSeconds: loc(0), failureThreshold: loc(30) },
    });
    expect(c.startupProbe).toEqual({
      handler: 'exec', command: ['true'], verdict: 'pass',
      initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 30,
    });
    expect(c.imagePullPolicy).toBe('Always');
  });
});
