import { describe, expect, it } from 'vitest';
import { defaultGates } from '../version';
import { readContainer } from './container';
import type { Ctx } from './decode';
import { Problems } from './problems';
import { parseYamlDocuments } from './yamlDocs';
import type { YMap } from './ynode';

function read(yaml: string, minor = 36) {
  const p = new Problems();
  const map = parseYamlDocuments(yaml, p).docs[0]?.map as YMap;
  const version = `1.${minor}` as Ctx['version'];
  const c = readContainer({ p, version, minor, gates: defaultGates(version) }, map, 'spec.initContainers[0]', 0, true);
  return { c, messages: p.list.map((x) => x.message) };
}

describe('readContainer', () => {
  it('decodes the fields the simulator needs', () => {
    const { c, messages } = read([
      'name: proxy',
      'image: envoy:1.30',
      'command: [envoy]',
      'args: ["-c", "/etc/envoy.yaml"]',
      'restartPolicy: Always',
      'startupProbe: {httpGet: {port: 9901, path: /ready}, periodSeconds: 1}',
      'lifecycle:',
      '  preStop: {sleep: {seconds: 3}}',
      '  stopSignal: SIGQUIT',
      'env: [{name: A, value: b}]',
      '',
    ].join('\n'));
    expect(messages).toEqual([]);
    expect(c.name?.value).toBe('proxy');
    expect(c.command?.value).toEqual(['envoy']);
    expect(c.restartPolicy?.value).toBe('Always');
    expect(c.startupProbe?.httpGet?.port?.value).toBe(9901);
    expect(c.startupProbe?.periodSeconds?.value).toBe(1);
    expect(c.lifecycle?.preStop?.sleep?.seconds?.value).toBe(3);
    expect(c.lifecycle?.stopSignal?.value).toBe('SIGQUIT');
  });

  it('rejects fields newer than the version, keeping track of them', () => {
    const { c, messages } = read('name: a\nimage: b\nrestartPolicy: Always\nlifecycle: {postStart: {sleep: {seconds: 1}}}\n', 27);
    expect(messages).toEqual([
      'strict decoding error: unknown field "spec.initContainers[0].restartPolicy"',
      'strict decoding error: unknown field "spec.initContainers[0].lifecycle.postStart.sleep"',
    ]);
    expect(c.restartPolicy).toBeUndefined();
    expect(c.restartPolicyUnknown).toBe(true);
    expect(c.lifecycle?.postStart?.sleep?.unknown).toBe(true);
  });

  it('reports restart rules of the wrong shape', () => {
    const { messages } = read('name: a\nimage: b\nrestartPolicyRules: {action: Restart}\n');
    expect(messages).toEqual(['json: cannot unmarshal object into Go struct field Container.spec.initContainers.restartPolicyRules of type []v1.ContainerRestartRule']);
  });
});
