import { describe, expect, it } from 'vitest';
import { Problems } from './problems';
import { parseYamlDocuments } from './yamlDocs';
import { check } from './testUtil';
import { MAX_TEXT_CHARS } from './limits';

function parse(text: string) {
  const p = new Problems();
  const r = parseYamlDocuments(text, p);
  return { ...r, problems: p.list };
}

describe('parseYamlDocuments', () => {
  it('keeps 1-based positions of keys and values', () => {
    const r = parse('a: 1\nb:\n  c: "x"\n');
    expect(r.ok).toBe(true);
    const map = r.docs[0]?.map;
    const b = map?.entries[1];
    expect(b?.key).toBe('b');
    expect(b?.keySpan).toMatchObject({ line: 2, col: 1 });
    expect(b?.value.kind).toBe('map');
    if (b?.value.kind === 'map') {
      const c = b.value.entries[0];
      expect(c?.keySpan).toMatchObject({ line: 3, col: 3 });
      expect(c?.value).toMatchObject({ kind: 'scalar', value: 'x', quoted: true, span: { line: 3, col: 6 } });
    }
  });

  it('keeps the source text of numbers (1.30 is not 1.3)', () => {
    const r = parse('v: 1.30\n');
    const v = r.docs[0]?.map.entries[0]?.value;
    expect(v).toMatchObject({ kind: 'scalar', value: 1.3, source: '1.30' });
  });

  it('resolves aliases and merge keys', () => {
    const r = parse('base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\nref: *b\n');
    expect(r.problems).toEqual([]);
    const use = r.docs[0]?.map.entries.find((e) => e.key === 'use')?.value;
    expect(use?.kind === 'map' && use.entries.map((e) => [e.key, e.value.kind === 'scalar' ? e.value.value : null])).toEqual([['y', 3], ['x', 1]]);
    const ref = r.docs[0]?.map.entries.find((e) => e.key === 'ref')?.value;
    expect(ref?.kind).toBe('map');
  });

  it('skips empty documents', () => {
    const r = parse('---\na: 1\n---\n');
    expect(r.ok).toBe(true);
    expect(r.docs).toHaveLength(1);
  });
});

describe('hostile input', () => {
  it('refuses text over the size limit at 1:1 without parsing', () => {
    const text = `a: "${'x'.repeat(MAX_TEXT_CHARS)}"\n`;
    const { errors } = check(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^1:1 : the scenario is too large: \d{1,3}(,\d{3})+ characters \(at most 2,000,000\)/);
  });

  it('reports YAML syntax errors at their line and column', () => {
    const { errors } = check('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n   image: x\n');
    expect(errors).toEqual(['6:4 : YAML syntax error: all mapping items must start at the same column (check the indentation)']);
    expect(check('a: "abc\nb: 1\n').errors).toEqual(['3:1 : YAML syntax error: missing closing "quote']);
    expect(check('a:\n\t- b\n').errors).toEqual(['2:1 : YAML syntax error: tabs are not allowed as indentation (indent with spaces)']);
  });

  it('reports duplicate keys readably', () => {
    const { errors } = check('apiVersion: v1\nkind: Pod\nkind: Job\n');
    expect(errors).toEqual(['3:1 : YAML syntax error: duplicate key "kind": a key may appear only once in a mapping']);
  });

  it('reports every duplicate key, in block and flow mappings, once even when an alias repeats the mapping', () => {
    const { errors } = check('a: &m { x: 1, x: 2 }\nb: *m\nc:\n  y: 1\n  "y": 2\n  1: a\n  "1": b\n');
    expect(errors).toEqual([
      '1:15 : YAML syntax error: duplicate key "x": a key may appear only once in a mapping',
      '5:3 : YAML syntax error: duplicate key "y": a key may appear only once in a mapping',
    ]);
  });

  it('reads 85,000 keys and still finds a repeated one (the yaml package\'s own duplicate check took 38 s; its growth is `npm run bench`\'s parse.growth80kOver10k)', () => {
    const mapping = (n: number) => `${Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n')}\n`;
    expect(parse(mapping(85_000)).ok).toBe(true);
    expect(check(`${mapping(10_000)}k42: again\n`).errors).toEqual([
      '10001:1 : YAML syntax error: duplicate key "k42": a key may appear only once in a mapping',
    ]);
  });

  it('stops a 9-level alias bomb quickly with a clear message', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const prev = String.fromCharCode(96 + i);
      bomb += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    }
    const { errors } = check(bomb);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/alias bomb/);
    expect(errors[0]).toMatch(/resource exhaustion/);
  });

  it('refuses nesting deeper than 100 levels (flow style)', () => {
    const { errors } = check(`a: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`);
    expect(errors).toEqual(['1:104 : YAML nesting is too deep (more than 100 levels)']);
  });

  it('refuses nesting deeper than 100 levels (block style)', () => {
    let text = '';
    for (let i = 0; i < 120; i++) text += `${' '.repeat(i)}k${i}:\n`;
    text += `${' '.repeat(120)}v: 1\n`;
    const { errors } = check(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/YAML nesting is too deep \(more than 100 levels\)/);
  });

  it('refuses binary junk and NUL bytes with the position', () => {
    const { errors } = check('apiVersion: v1\nkind: P\u0000od\n');
    expect(errors).toEqual(['2:8 : binary data: control character U+0000 at line 2, column 8; a scenario must be YAML text']);
    const junk = Array.from({ length: 64 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('');
    expect(check(junk).errors[0]).toMatch(/binary data/);
  });

  it('refuses a document that is not a mapping', () => {
    expect(check('- a\n- b\n').errors).toEqual(['1:1 : this YAML document is a list; a scenario document must be a mapping (key: value lines, starting with apiVersion and kind)']);
    expect(check('just some words\n').errors[0]).toMatch(/^1:1 : this YAML document is a string/);
  });

  it('refuses more than two documents', () => {
    const { errors } = check('a: 1\n---\nb: 2\n---\nc: 3\n');
    expect(errors).toEqual(['5:1 : too many YAML documents (3): a scenario holds one workload and at most one Simulation document']);
  });

  it('reports empty text', () => {
    expect(check('').errors).toEqual(['1:1 : the scenario is empty: it needs a workload document (a Pod, Job, CronJob, Deployment, StatefulSet, DaemonSet or ReplicaSet)']);
    expect(check('# only a comment\n').errors).toHaveLength(1);
  });
});
