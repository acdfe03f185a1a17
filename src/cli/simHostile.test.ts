// Hostile input to the `sim` command, in-process: what is not a regular file, what is too
// large, binary data, alias bombs and nesting for every subcommand, terminal control characters.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS } from '../engine/scenario/limits';
import { sim } from './inProcess.testkit';


const dir = mkdtempSync(join(tmpdir(), 'sim-hostile-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 8 }, (_, i) => {
    const name = String.fromCharCode(98 + i);
    const prev = String.fromCharCode(97 + i);
    return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
  }),
  'kind: Pod',
].join('\n');

const COMMANDS = ['run', 'check', 'status', 'actions'] as const;

describe('sim refuses what is not a regular file, with one line and exit 2', () => {
  for (const device of ['/dev/zero', '/dev/urandom']) {
    it.each(COMMANDS)(`%s ${device}`, async (command) => {
      const r = await sim(command, device);
      expect(r.code).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err).toEqual([`sim: cannot read ${device}: not a regular file (a character device); sim reads YAML files only`]);
    });
  }

  it('a directory', async () => {
    const r = await sim('status', dir);
    expect(r).toMatchObject({ code: 2, err: [`sim: cannot read ${dir}: is a directory`] });
  });
});

describe('sim caps what it reads', () => {
  const big = file('big.yaml', `# ${'x'.repeat(3 * MAX_TEXT_CHARS)}\n`);
  it.each(COMMANDS)('%s on a file above the cap → one line, exit 2', async (command) => {
    const r = await sim(command, big);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`sim: cannot read ${big}: too large (6000003 bytes; sim reads at most ${MAX_TEXT_CHARS} characters, as the engine does)`]);
  });

  it('a text of more than 2,000,000 characters in fewer bytes is refused as well', async () => {
    const r = await sim('status', file('chars.yaml', `# ${'x'.repeat(MAX_TEXT_CHARS)}\n`));
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/too large \(2000003 characters; sim reads at most 2000000 characters/);
  });
});

describe('every subcommand reports hostile YAML as problem lines', () => {
  const binary = file('binary.yaml', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
  const bomb = file('bomb.yaml', ALIAS_BOMB);
  const deep = file('deep.yaml', `a: ${'['.repeat(50_000)}\n`);

  it.each(COMMANDS)('%s on binary data → one line', async (command) => {
    const r = await sim(command, binary);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(new RegExp(`^${binary}:\\d+:\\d+: binary data: control character U\\+[0-9A-F]{4} at line \\d+, column \\d+; `));
  });

  it.each(COMMANDS)('%s on an alias bomb → a problem line, no stack', async (command) => {
    const r = await sim(command, bomb);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).not.toMatch(/internal error|\n\s+at /);
    expect(r.err.some((l) => l.startsWith(`${bomb}:`) && /alias bomb/.test(l))).toBe(true);
  });

  it.each(COMMANDS)('%s on 50,000-deep nesting → a problem line', async (command) => {
    const r = await sim(command, deep);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`${deep}:1:${3 + 100 + 1}: YAML nesting is too deep (more than 100 levels)`]);
  });
});

/** Any C0 control but tab and line feed, DEL, or a C1 control. */
// eslint-disable-next-line no-control-regex -- the characters this test looks for
const CONTROL = new RegExp('[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]');

describe('terminal control characters are printed escaped', () => {
  const hostile = 'evil\u001b]0;pwned\u0007\u001b[2J\u001b[8m\u202egnp';
  const scenario = file('ctrl.yaml', `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: app\n      image: "${hostile.replaceAll('\u001b', '\\e').replaceAll('\u0007', '\\a')}"\n      command: [sleep, "5"]\n`);

  it('in the text timeline', async () => {
    const r = await sim('run', scenario);
    expect(r.code).toBe(0);
    const all = r.out.join('\n');
    expect(all).not.toMatch(CONTROL);
    expect(all).toContain('evil\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[8m\\u202egnp');
  });

  it('in the JSON trace, which still parses to the same image', async () => {
    const r = await sim('run', scenario, '--json');
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).not.toMatch(CONTROL);
    expect(r.out.join('\n')).not.toContain('\u202e');
    const trace = JSON.parse(r.out.join('\n')) as { events: { image?: string }[] };
    expect(trace.events.some((e) => e.image === hostile)).toBe(true);
  });

  it('in error lines (U+202E turns the rest of a line around)', async () => {
    const bad = file('rlo.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: { name: "a\u202ebad" }\nspec:\n  containers:\n    - name: app\n      image: x\n');
    const r = await sim('check', bad);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).not.toContain('\u202e');
    expect(r.err.join('\n')).toContain('a\\u202ebad');
  });
});
