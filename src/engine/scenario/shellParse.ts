// A tiny POSIX-shell reader for the scripts people put in `sh -c "…"`: words, quotes,
// ; && || & | newlines, and the compound commands while/until/for/if/{ }/( ).
// It only has to be good enough to recognise the common shapes (contract section 1).

export interface Word {
  text: string;
  /** Contains an expansion ($VAR, $(…), `…`) whose value we cannot know. */
  dynamic: boolean;
  /** A redirection (`> /dev/null`, `2>&1`) stands beside this word in its command ([15.3]: bash does not exec a redirected last command). */
  redirected?: boolean;
}

type Token = { t: 'word'; w: Word } | { t: 'op'; op: string };

export type Cmd =
  | { t: 'simple'; words: Word[] }
  | { t: 'loop'; until: boolean; cond: List; body: List; text: string }
  | { t: 'for'; items: Word[] | null; body: List }
  | { t: 'if'; branches: { cond: List; body: List }[]; otherwise?: List }
  | { t: 'group'; body: List; subshell: boolean }
  /** `name() { …; }` (or bash's `function name { …; }`): defines a function, runs nothing. */
  | { t: 'func'; name: string; body: Cmd };

export interface Pipeline { cmds: Cmd[]; negate: boolean }
export interface AndOr { first: Pipeline; rest: { op: '&&' | '||'; p: Pipeline }[]; background: boolean }
export type List = AndOr[];

export class ShellSyntaxError extends Error {}

const OPS = ['&&', '||', ';;', ';', '&', '|', '(', ')', '\n'];

/**
 * How deeply compound commands may nest before the reader gives up ("cannot tell what it does"):
 * far beyond any real script, and well inside a Web Worker's stack (issue 17: 1,000 nested
 * subshells overflowed it).
 */
export const MAX_NESTING = 64;

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  /** A redirection came before any word of its command: the next word is marked (an operator ends the command first). */
  let redirectPending = false;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const ch = src[i] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\r') { i++; continue; }
    if (ch === '\\' && src[i + 1] === '\n') { i += 2; continue; }
    if (ch === '#') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', op });
      redirectPending = false;
      i += op.length;
      continue;
    }
    // Redirections: [n]> >> < <& >& &> with an optional target word.
    const redir = /^(\d*)(>>|>&|<&|&>|>|<)/.exec(src.slice(i, i + 4));
    if (redir) {
      i += redir[0].length;
      while (src[i] === ' ' || src[i] === '\t') i++;
      // The target word (e.g. /dev/null, 1) is skipped by reading it as a word and dropping it.
      const [, next] = readWord(src, i);
      i = next;
      const last = out[out.length - 1];
      if (last?.t === 'word') last.w.redirected = true;
      else redirectPending = true;
      continue;
    }
    const [word, next] = readWord(src, i);
    if (next === i) throw new ShellSyntaxError(`unexpected character ${JSON.stringify(ch)}`);
    if (redirectPending) word.redirected = true;
    redirectPending = false;
    out.push({ t: 'word', w: word });
    i = next;
  }
  return out;
}

function readWord(src: string, start: number): [Word, number] {
  let i = start;
  let text = '';
  let dynamic = false;
  while (i < src.length) {
    const ch = src[i] ?? '';
    if (' \t\r\n;&|()<>'.includes(ch)) break;
    if (ch === '\\') { text += src[i + 1] ?? ''; i += 2; continue; }
    if (ch === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unterminated single quote');
      text += src.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) { text += src[i + 1]; i += 2; continue; }
        if (src[i] === '$' || src[i] === '`') dynamic = true;
        text += src[i];
        i++;
      }
      if (i >= src.length) throw new ShellSyntaxError('unterminated double quote');
      i++;
      continue;
    }
    if (ch === '$' && src[i + 1] === '(') {
      let depth = 0;
      const s = i;
      for (; i < src.length; i++) {
        if (src[i] === '(') depth++;
        else if (src[i] === ')' && --depth === 0) { i++; break; }
      }
      text += src.slice(s, i);
      dynamic = true;
      continue;
    }
    if (ch === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) throw new ShellSyntaxError('unterminated backquote');
      text += src.slice(i, end + 1);
      i = end + 1;
      dynamic = true;
      continue;
    }
    if (ch === '$') dynamic = true;
    text += ch;
    i++;
  }
  return [{ text, dynamic }, i];
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token | undefined { return this.toks[this.pos]; }
  private isWord(text: string): boolean {
    const t = this.peek();
    return t?.t === 'word' && !t.w.dynamic && t.w.text === text;
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t?.t === 'op' && t.op === op;
  }
  private skipNewlines(): void {
    while (this.isOp('\n')) this.pos++;
  }
  private expectWord(text: string): void {
    this.skipNewlines();
    if (!this.isWord(text)) throw new ShellSyntaxError(`expected "${text}"`);
    this.pos++;
  }

  parseAll(): List {
    const list = this.list([]);
    this.skipNewlines();
    if (this.pos < this.toks.length) throw new ShellSyntaxError('unexpected token');
    return list;
  }

  /** A list up to (not including) one of the closing keywords/ops. */
  private list(closers: string[]): List {
    const out: List = [];
    for (;;) {
      while (this.isOp('\n') || this.isOp(';')) this.pos++;
      const t = this.peek();
      if (!t) return out;
      if (t.t === 'word' && !t.w.dynamic && closers.includes(t.w.text)) return out;
      if (t.t === 'op' && closers.includes(t.op)) return out;
      if (t.t === 'op' && t.op !== '(') throw new ShellSyntaxError(`unexpected ${JSON.stringify(t.op)}`);
      const ao = this.andOr();
      if (this.isOp('&')) { ao.background = true; this.pos++; }
      out.push(ao);
    }
  }

  private andOr(): AndOr {
    const ao: AndOr = { first: this.pipeline(), rest: [], background: false };
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.peek() as { op: '&&' | '||' }).op;
      this.pos++;
      this.skipNewlines();
      ao.rest.push({ op, p: this.pipeline() });
    }
    return ao;
  }

  private pipeline(): Pipeline {
    let negate = false;
    if (this.isWord('!')) { negate = true; this.pos++; }
    const cmds = [this.command()];
    while (this.isOp('|')) {
      this.pos++;
      this.skipNewlines();
      cmds.push(this.command());
    }
    return { cmds, negate };
  }

  private command(): Cmd {
    if (++this.depth > MAX_NESTING) throw new ShellSyntaxError(`commands nested more than ${MAX_NESTING} deep`);
    try {
      return this.commandBody();
    } finally {
      this.depth--;
    }
  }

  private isOpAt(offset: number, op: string): boolean {
    const t = this.toks[this.pos + offset];
    return t?.t === 'op' && t.op === op;
  }

  /** `name() BODY` or `function name [()] BODY`, if one starts here. */
  private functionDefinition(): Cmd | undefined {
    const t = this.peek();
    if (t?.t !== 'word' || t.w.dynamic) return undefined;
    let name: string | undefined;
    if (t.w.text === 'function') {
      const n = this.toks[this.pos + 1];
      if (n?.t !== 'word' || n.w.dynamic || !NAME.test(n.w.text)) return undefined;
      name = n.w.text;
      this.pos += 2;
      if (this.isOp('(') && this.isOpAt(1, ')')) this.pos += 2;
    } else if (NAME.test(t.w.text) && this.isOpAt(1, '(') && this.isOpAt(2, ')')) {
      name = t.w.text;
      this.pos += 3;
    } else {
      return undefined;
    }
    this.skipNewlines();
    return { t: 'func', name, body: this.command() };
  }

  private commandBody(): Cmd {
    const fn = this.functionDefinition();
    if (fn) return fn;
    if (this.isWord('while') || this.isWord('until')) {
      const until = this.isWord('until');
      const startTok = this.pos;
      this.pos++;
      const cond = this.list(['do']);
      const head = this.textOf(startTok);
      this.expectWord('do');
      const body = this.list(['done']);
      this.expectWord('done');
      return { t: 'loop', until, cond, body, text: `${head.replace(/[;\s]+$/, '')}; do …; done` };
    }
    if (this.isWord('for')) {
      this.pos++;
      const v = this.peek();
      if (v?.t !== 'word') throw new ShellSyntaxError('expected a loop variable');
      this.pos++;
      let items: Word[] | null = null;
      if (this.isWord('in')) {
        this.pos++;
        items = [];
        for (let t = this.peek(); t?.t === 'word'; t = this.peek()) { items.push(t.w); this.pos++; }
      }
      while (this.isOp(';') || this.isOp('\n')) this.pos++;
      this.expectWord('do');
      const body = this.list(['done']);
      this.expectWord('done');
      return { t: 'for', items, body };
    }
    if (this.isWord('if')) {
      this.pos++;
      const branches: { cond: List; body: List }[] = [];
      let otherwise: List | undefined;
      const cond = this.list(['then']);
      this.expectWord('then');
      branches.push({ cond, body: this.list(['elif', 'else', 'fi']) });
      for (;;) {
        this.skipNewlines();
        if (this.isWord('elif')) {
          this.pos++;
          const c = this.list(['then']);
          this.expectWord('then');
          branches.push({ cond: c, body: this.list(['elif', 'else', 'fi']) });
        } else if (this.isWord('else')) {
          this.pos++;
          otherwise = this.list(['fi']);
        } else break;
      }
      this.expectWord('fi');
      return { t: 'if', branches, otherwise };
    }
    if (this.isWord('{')) {
      this.pos++;
      const body = this.list(['}']);
      this.expectWord('}');
      return { t: 'group', body, subshell: false };
    }
    if (this.isOp('(')) {
      this.pos++;
      const body = this.list([')']);
      if (!this.isOp(')')) throw new ShellSyntaxError('expected ")"');
      this.pos++;
      return { t: 'group', body, subshell: true };
    }
    const words: Word[] = [];
    for (let t = this.peek(); t?.t === 'word'; t = this.peek()) {
      if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t.w.text)) { this.pos++; continue; }
      words.push(t.w);
      this.pos++;
    }
    if (words.length === 0 && this.pos < this.toks.length && this.peek()?.t === 'op') {
      throw new ShellSyntaxError('expected a command');
    }
    return { t: 'simple', words };
  }

  /** The source words of a command, for notes ("until nslookup myservice; do …; done"). */
  private textOf(from: number): string {
    return this.toks.slice(from, this.pos)
      .map((t) => (t.t === 'word' ? t.w.text : t.op === '\n' ? ';' : t.op))
      .join(' ').replace(/ ;/g, ';').slice(0, 200);
  }
}

/** Parses a script; throws ShellSyntaxError when it is not plain enough to read. */
export function parseShell(src: string): List {
  if (src.length > 20_000) throw new ShellSyntaxError('script too long to analyse');
  return new Parser(tokenize(src)).parseAll();
}

/** The list's text when it is one plain word and nothing else (`true`, `:`), else undefined. */
export function literal(list: List): string | undefined {
  if (list.length !== 1) return undefined;
  const ao = list[0];
  if (!ao || ao.rest.length > 0 || ao.background || ao.first.cmds.length !== 1 || ao.first.negate) return undefined;
  const cmd = ao.first.cmds[0];
  if (cmd?.t !== 'simple' || cmd.words.length !== 1 || cmd.words[0]?.dynamic) return undefined;
  return cmd.words[0]?.text;
}
