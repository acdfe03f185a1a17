import { describe, expect, it } from 'vitest';
import { defaultGates } from '../version';
import { readInt, readIntOrString, readStringList, versionedEntry, type Ctx } from './decode';
import { Problems } from './problems';
import { parseYamlDocuments } from './yamlDocs';
import type { YMap } from './ynode';

function setup(yaml: string, minor = 36): { ctx: Ctx; map: YMap } {
  const p = new Problems();
  const map = parseYamlDocuments(yaml, p).docs[0]?.map as YMap;
  const version = `1.${minor}` as Ctx['version'];
  return { ctx: { p, version, minor, gates: defaultGates(version) }, map };
}

describe('decode', () => {
  it('reads typed values with their positions', () => {
    const { ctx, map } = setup('n: 5\nport: http\nlist: [a, b]\n');
    expect(readInt(ctx, map, 'n', 'x', 'T', 'int32')).toMatchObject({ value: 5, span: { line: 1, col: 4 }, keySpan: { line: 1, col: 1 } });
    expect(readIntOrString(ctx, map, 'port', 'x', 'T')?.value).toBe('http');
    expect(readStringList(ctx, map, 'list', 'x', 'T')?.value).toEqual(['a', 'b']);
    expect(ctx.p.list).toEqual([]);
  });

  it('reports type errors like encoding/json', () => {
    const { ctx, map } = setup('n: 1.5\nm: "3"\n');
    expect(readInt(ctx, map, 'n', 'spec', 'PodSpec', 'int64')).toBeUndefined();
    expect(readInt(ctx, map, 'm', 'spec', 'PodSpec', 'int64')).toBeUndefined();
    expect(ctx.p.list.map((x) => x.message)).toEqual([
      'json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.n of type int64',
      'json: cannot unmarshal string into Go struct field PodSpec.spec.m of type int64',
    ]);
  });

  it('rejects fields from later versions as unknown (strict decoding)', () => {
    const old = setup('restartPolicy: Always\n', 27);
    expect(versionedEntry(old.ctx, old.map, 'restartPolicy', 'spec.initContainers[0]', 28)).toBeUndefined();
    expect(old.ctx.p.list[0]?.message).toBe('strict decoding error: unknown field "spec.initContainers[0].restartPolicy"');
    const now = setup('restartPolicy: Always\n', 28);
    expect(versionedEntry(now.ctx, now.map, 'restartPolicy', 'spec.initContainers[0]', 28)).toBeDefined();
  });
});
