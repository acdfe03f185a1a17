import { describe, expect, it } from 'vitest';
import { parseShell, ShellSyntaxError } from './shellParse';

describe('shell parsing', () => {
  it('reads lists, and-or chains and background jobs', () => {
    const list = parseShell('sleep 1; exit 2 && true || false &');
    expect(list).toHaveLength(2);
    expect(list[1]?.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(list[1]?.background).toBe(true);
  });

  it('reads quotes, escapes and expansions', () => {
    const [ao] = parseShell(`echo "a b" 'c d' e\\ f $HOME "$(date)"`);
    const cmd = ao?.first.cmds[0];
    expect(cmd?.t === 'simple' && cmd.words.map((w) => [w.text, w.dynamic])).toEqual([
      ['echo', false], ['a b', false], ['c d', false], ['e f', false], ['$HOME', true], ['$(date)', true],
    ]);
  });

  it('reads compound commands', () => {
    const [loop] = parseShell('until nslookup db; do echo waiting; sleep 2; done');
    expect(loop?.first.cmds[0]).toMatchObject({ t: 'loop', until: true, text: 'until nslookup db; do …; done' });
    expect(parseShell('for i in 1 2; do sleep 1; done')[0]?.first.cmds[0]).toMatchObject({ t: 'for' });
    expect(parseShell('if true; then exit 1; elif false; then :; else exit 2; fi')[0]?.first.cmds[0]).toMatchObject({ t: 'if' });
    expect(parseShell('{ sleep 1; } && (exit 3)')[0]?.first.cmds[0]).toMatchObject({ t: 'group', subshell: false });
  });

  it('skips comments, redirections and assignments', () => {
    const [ao] = parseShell('FOO=1 sleep 5 >/dev/null 2>&1 # wait a bit');
    const cmd = ao?.first.cmds[0];
    expect(cmd?.t === 'simple' && cmd.words.map((w) => w.text)).toEqual(['sleep', '5']);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseShell('echo "oops')).toThrow(ShellSyntaxError);
    expect(() => parseShell('case $x in a) ;; esac')).toThrow(ShellSyntaxError);
    expect(() => parseShell('while true; do sleep 1')).toThrow(ShellSyntaxError);
    expect(() => parseShell('x'.repeat(30_000))).toThrow(ShellSyntaxError);
  });
});
