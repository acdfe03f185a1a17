import { describe, expect, it } from 'vitest';
import { Problems } from './problems';
import { checkKeys, readDurationOrNever, readExitCode } from './simFields';
import { parseYamlDocuments } from './yamlDocs';
import type { YMap } from './ynode';

function doc(yaml: string): { p: Problems; map: YMap } {
  const p = new Problems();
  return { p, map: parseYamlDocuments(yaml, p).docs[0]?.map as YMap };
}

describe('Simulation field readers', () => {
  it('reports unknown keys with a hint and the known ones', () => {
    const { p, map } = doc('exitAfter: 1s\nexitcode: 2\n');
    expect(checkKeys(p, map, 'containers.app', ['exitAfter', 'exitCode'], 'a container entry').map((e) => e.key)).toEqual(['exitAfter']);
    expect(p.list[0]?.message).toBe('unknown field "exitcode" in a container entry (did you mean "exitCode"?); known fields: exitAfter, exitCode');
  });

  it('reads "never" and exit codes', () => {
    const { p, map } = doc('a: never\nb: 2s\nc: 256\n');
    const [a, b, c] = map.entries;
    expect(a && readDurationOrNever(p, a.value, 'a')).toBeNull();
    expect(b && readDurationOrNever(p, b.value, 'b')).toBe(2);
    expect(c && readExitCode(p, c.value, 'c')).toBeUndefined();
    expect(p.list.map((x) => x.message)).toEqual(['an exit code must be an integer from 0 to 255']);
  });
});
