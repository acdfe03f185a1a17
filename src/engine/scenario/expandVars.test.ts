// Upstream's own tables, translated: third_party/forked/golang/expansion/expand_test.go (stored at
// 490ffa43: TestMapReference, TestMapping, TestMappingDual's doExpansionTest),
// pkg/kubelet/container/helpers_test.go TestExpandCommandAndArgs (stored at 00bdb3fa),
// pkg/kubelet/prober/prober_test.go TestProbe's "Probe arguments are passed through" rows (every
// stored copy, 1.2x-1.3x), and kubelet_pods_test.go TestMakeEnvironmentVariables "env expansion"
// (the rows whose values the engine knows).
import { describe, expect, it } from 'vitest';
import {
  containerEnvironment, expand, expandCommandAndArgs, expandCommandOnlyStatic, mappingFuncFor,
} from './expandVars';

// doExpansionTest's rows: name, input, expected.
const ROWS: [string, string, string][] = [
  ['whole string', '$(VAR_A)', 'A'],
  ['repeat', '$(VAR_A)-$(VAR_A)', 'A-A'],
  ['beginning', '$(VAR_A)-1', 'A-1'],
  ['middle', '___$(VAR_B)___', '___B___'],
  ['end', '___$(VAR_C)', '___C'],
  ['compound', '$(VAR_A)_$(VAR_B)_$(VAR_C)', 'A_B_C'],
  ['escape & expand', '$$(VAR_B)_$(VAR_A)', '$(VAR_B)_A'],
  ['compound escape', '$$(VAR_A)_$$(VAR_B)', '$(VAR_A)_$(VAR_B)'],
  ['mixed in escapes', 'f000-$$VAR_A', 'f000-$VAR_A'],
  ['backslash escape ignored', 'foo\\$(VAR_C)bar', 'foo\\Cbar'],
  ['backslash escape ignored (two)', 'foo\\\\$(VAR_C)bar', 'foo\\\\Cbar'],
  ['lots of backslashes', 'foo\\\\\\\\$(VAR_A)bar', 'foo\\\\\\\\Abar'],
  ['nested var references', '$(VAR_A$(VAR_B))', '$(VAR_A$(VAR_B))'],
  ['nested var references second type', '$(VAR_A$(VAR_B)', '$(VAR_A$(VAR_B)'],
  ['value is a reference', '$(VAR_REF)', '$(VAR_A)'],
  ['value is a reference x 2', '%%$(VAR_REF)--$(VAR_REF)%%', '%%$(VAR_A)--$(VAR_A)%%'],
  ['empty var', 'foo$(VAR_EMPTY)bar', 'foobar'],
  ['unterminated expression', 'foo$(VAR_Awhoops!', 'foo$(VAR_Awhoops!'],
  ['expression without operator', 'f00__(VAR_A)__', 'f00__(VAR_A)__'],
  ['shell special vars pass through', '$?_boo_$!', '$?_boo_$!'],
  ['bare operators are ignored', '$VAR_A', '$VAR_A'],
  ['undefined vars are passed through', '$(VAR_DNE)', '$(VAR_DNE)'],
  ['multiple (even) operators, var undefined', '$$$$$$(BIG_MONEY)', '$$$(BIG_MONEY)'],
  ['multiple (even) operators, var defined', '$$$$$$(VAR_A)', '$$$(VAR_A)'],
  ['multiple (odd) operators, var undefined', '$$$$$$$(GOOD_ODDS)', '$$$$(GOOD_ODDS)'],
  ['multiple (odd) operators, var defined', '$$$$$$$(VAR_A)', '$$$A'],
  ['missing open expression', '$VAR_A)', '$VAR_A)'],
  ['shell syntax ignored', '${VAR_A}', '${VAR_A}'],
  ['trailing incomplete expression not consumed', '$(VAR_B)_______$(A', 'B_______$(A'],
  ['trailing incomplete expression, no content, is not consumed', '$(VAR_C)_______$(', 'C_______$('],
  ['operator at end of input string is preserved', '$(VAR_A)foobarzab$', 'Afoobarzab$'],
  ['shell escaped incomplete expr', 'foo-\\$(VAR_A', 'foo-\\$(VAR_A'],
  ['lots of $( in middle', '--$($($($($--', '--$($($($($--'],
  ['lots of $( in beginning', '$($($($($--foo$(', '$($($($($--foo$('],
  ['lots of $( at end', 'foo0--$($($($(', 'foo0--$($($($('],
  ['escaped operators in variable names are not escaped', '$(foo$$var)', '$(foo$$var)'],
  ['newline not expanded', '\n', '\n'],
];

describe('expand_test.go: Expand with MappingFuncFor', () => {
  const single = mappingFuncFor(new Map([['VAR_A', 'A'], ['VAR_B', 'B'], ['VAR_C', 'C'], ['VAR_REF', '$(VAR_A)'], ['VAR_EMPTY', '']]));
  const dual = mappingFuncFor(new Map([['VAR_A', 'A'], ['VAR_EMPTY', '']]), new Map([['VAR_B', 'B'], ['VAR_C', 'C'], ['VAR_REF', '$(VAR_A)']]));

  it.each(ROWS)('TestMapping: %s', (_name, input, expected) => {
    expect(expand(input, single)).toBe(expected);
  });

  it.each(ROWS)('TestMappingDual: %s', (_name, input, expected) => {
    expect(expand(input, dual)).toBe(expected);
  });

  it('TestMapReference: each value expanded against the ones declared before it', () => {
    const env = containerEnvironment([{ name: 'FOO', value: 'bar' }, { name: 'ZOO', value: '$(FOO)-1' }, { name: 'BLU', value: '$(ZOO)-2' }]);
    expect([...env]).toEqual([['FOO', 'bar'], ['ZOO', 'bar-1'], ['BLU', 'bar-1-2']]);
  });

  it('a name whose value the engine does not know keeps its reference', () => {
    expect(expand('x $(P) y', mappingFuncFor(new Map([['P', undefined]])))).toBe('x $(P) y');
  });
});

describe('helpers_test.go TestExpandCommandAndArgs (ExpandContainerCommandAndArgs)', () => {
  it('"none": no command, no args', () => {
    expect(expandCommandAndArgs(undefined, undefined, [])).toEqual({});
  });

  it('"command expanded"', () => {
    expect(expandCommandAndArgs(['foo', '$(VAR_TEST)', '$(VAR_TEST2)'], undefined, [{ name: 'VAR_TEST', value: 'zoo' }, { name: 'VAR_TEST2', value: 'boo' }]))
      .toEqual({ command: ['foo', 'zoo', 'boo'] });
  });

  it('"args expanded"', () => {
    expect(expandCommandAndArgs(undefined, ['zap', '$(VAR_TEST)', '$(VAR_TEST2)'], [{ name: 'VAR_TEST', value: 'hap' }, { name: 'VAR_TEST2', value: 'trap' }]))
      .toEqual({ args: ['zap', 'hap', 'trap'] });
  });

  it('"both expanded"', () => {
    const env = [{ name: 'VAR_TEST', value: 'zoo' }, { name: 'VAR_TEST2', value: 'boo' }, { name: 'VAR_TEST3', value: 'roo' }];
    expect(expandCommandAndArgs(['$(VAR_TEST2)--$(VAR_TEST)', 'foo', '$(VAR_TEST3)'], ['foo', '$(VAR_TEST)', '$(VAR_TEST2)'], env))
      .toEqual({ command: ['boo--zoo', 'foo', 'roo'], args: ['foo', 'zoo', 'boo'] });
  });
});

describe('kubelet_pods_test.go TestMakeEnvironmentVariables "env expansion" (makeEnvironmentVariables)', () => {
  it('the rows of static values: in order, an empty var, a later target not yet defined, an undefined one', () => {
    const env = containerEnvironment([
      { name: 'TEST_LITERAL', value: 'test-test-test' },
      { name: 'POD_NAME', valueFrom: true },
      { name: 'OUT_OF_ORDER_TEST', value: '$(OUT_OF_ORDER_TARGET)' },
      { name: 'OUT_OF_ORDER_TARGET', value: 'FOO' },
      { name: 'EMPTY_VAR' },
      { name: 'EMPTY_TEST', value: 'foo-$(EMPTY_VAR)' },
      { name: 'POD_NAME_TEST2', value: 'test2-$(POD_NAME)' },
      { name: 'LITERAL_TEST', value: 'literal-$(TEST_LITERAL)' },
      { name: 'TEST_UNDEFINED', value: '$(UNDEFINED_VAR)' },
    ]);
    expect(env.get('LITERAL_TEST')).toBe('literal-test-test-test');
    expect(env.get('OUT_OF_ORDER_TEST')).toBe('$(OUT_OF_ORDER_TARGET)');
    expect(env.get('OUT_OF_ORDER_TARGET')).toBe('FOO');
    expect(env.get('EMPTY_VAR')).toBe('');
    expect(env.get('EMPTY_TEST')).toBe('foo-');
    expect(env.get('TEST_UNDEFINED')).toBe('$(UNDEFINED_VAR)');
    // The pod's name comes from the downward API (upstream: test2-dapi-test-pod-name): unknown here.
    expect(env.has('POD_NAME') && env.get('POD_NAME')).toBeUndefined();
    expect(env.get('POD_NAME_TEST2')).toBe('test2-$(POD_NAME)');
  });

  it('a later entry of the same name replaces the earlier one', () => {
    expect(expandCommandAndArgs(['$(A)'], undefined, [{ name: 'A', value: '1' }, { name: 'A', value: '2' }]).command).toEqual(['2']);
    expect(expandCommandAndArgs(['$(A)'], undefined, [{ name: 'A', value: '1' }, { name: 'A', valueFrom: true }]).command).toEqual(['$(A)']);
  });
});

describe('ExpandContainerCommandOnlyStatic (prober.go runProbe)', () => {
  it('prober_test.go "Probe arguments are passed through": `some $(A) $(B)` with A=script', () => {
    expect(expandCommandOnlyStatic(['/bin/bash', '-c', 'some $(A) $(B)'], [{ name: 'A', value: 'script' }])).toEqual(['/bin/bash', '-c', 'some script $(B)']);
    expect(expandCommandOnlyStatic(['/bin/bash', '-c', 'some script'], [])).toEqual(['/bin/bash', '-c', 'some script']);
  });

  it('v1EnvVarsToMap: a valueFrom name is its empty Value, an env value is not itself expanded, `$$` is `$`', () => {
    const env = [{ name: 'P', valueFrom: true }, { name: 'A', value: 'x' }, { name: 'B', value: '$(A)' }];
    expect(expandCommandOnlyStatic(['sh', '-c', 'echo [$(P)] $(B) $$(A) $(C)'], env)).toEqual(['sh', '-c', 'echo [] $(A) $(A) $(C)']);
  });
});
