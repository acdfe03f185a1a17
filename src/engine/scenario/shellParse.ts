// A tiny POSIX-shell reader for the scripts people put in `sh -c "…"`: words, quotes,
// ; && || & | newlines, and the compound commands while/until/for/if/{ }/( ).
// It only has to be good enough to recognise the common shapes (contract section 1).
// Redirections are kept on the word they follow (or, before any word, the next one), and on the
// closing keyword or `)` of a compound command, so that the evaluator knows where a command's
// output goes ([15.4]).

/** One redirection: `[fd]op target` (`>/dev/null`: fd 1, `2>&1`: fd 2 to fd 1, `>>log`, `<in`). */
export interface Redir {
  /** The descriptor written before the operator; undefined: the operator's default (1 for output, 0 for input). */
  fd?: number;
  op: '>' | '>>' | '>&' | '<&' | '&>' | '<';
  target: Word;
}

export interface Word {
  text: string;
  /** Contains an expansion ($VAR, $(…), `…`) whose value we cannot know. */
  dynamic: boolean;
  /** A redirection (`> /dev/null`, `2>&1`) stands beside this word in its command ([15.3]: bash does not exec a redirected last command). */
  redirected?: boolean;
  /** The redirections that stand beside this word, in the script's order. */
  redirs?: Redir[];
}

type Token = { t: 'word'; w: Word } | { t: 'op'; op: string; redirs?: Redir[] };

/** Redirections of a compound command (`done > log`, `} 2>&1`, `) >/dev/null`). */
interface Redirected { redirs?: Redir[] }

export type Cmd =
  | { t: 'simple'; words: Word[]; /** `NAME=value` words before the command (or alone). */ assigns?: Word[] }
  | ({ t: 'loop'; until: boolean; cond: List; body: List; text: string } & Redirected)
  | ({ t: 'for'; items: Word[] | null; body: List } & Redirected)
  | ({ t: 'if'; branches: { cond: List; body: List }[]; otherwise?: List } & Redirected)
  | ({ t: 'group'; body: List; subshell: boolean } & Redirected)
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
  /** Redirections that came before any word of their command: the next word gets them (an operator ends the command first). */
  let pending: Redir[] = [];
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
      pending = [];
      i += op.length;
      continue;
    }
    // Redirections: [n]> >> < <& >& &> with an optional target word.
    const redir = /^(\d*)(>>|>&|<&|&>|>|<)/.exec(src.slice(i, i + 4));
    if (redir) {
      i += redir[0].length;
      while (src[i] === ' ' || src[i] === '\t') i++;
      // The target word (e.g. /dev/null, 1) is read as a word and kept on the redirection.
      const [target, next] = readWord(src, i);
      i = next;
      const r: Redir = { op: redir[2] as Redir['op'], target };
      if (redir[1]) r.fd = Number(redir[1]);
      const last = out[out.length - 1];
      if (last?.t === 'word') { last.w.redirected = true; (last.w.redirs ??= []).push(r); }
      else if (last?.op === ')') (last.redirs ??= []).push(r);
      else pending.push(r);
      continue;
    }
    const [word, next] = readWord(src, i);
    if (next === i) throw new ShellSyntaxError(`unexpected character ${JSON.stringify(ch)}`);
    if (pending.length > 0) { word.redirected = true; word.redirs = pending; }
    pending = [];
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
        // Inside double quotes a backslash escapes only $ ` " \ and a newline; elsewhere it stays (POSIX XCU 2.2.3).
        if (src[i] === '\\' && i + 1 < src.length) { const e = src[i + 1]!; if (e !== '\n') text += '$`"\\'.includes(e) ? e : `\\${e}`; i += 2; continue; }
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
  /** Consumes the keyword `text`; returns the redirections that follow it (`done > log`). */
  private expectWord(text: string): Redir[] | undefined {
    this.skipNewlines();
    const t = this.peek();
    if (!this.isWord(text) || t?.t !== 'word') throw new ShellSyntaxError(`expected "${text}"`);
    this.pos++;
    return t.w.redirs;
  }

  /** A compound command with the redirections of its closing keyword or `)`. */
  private withRedirs<C extends Cmd & Redirected>(cmd: C, redirs: Redir[] | undefined): C {
    if (redirs) cmd.redirs = redirs;
    return cmd;
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
      return this.withRedirs({ t: 'loop', until, cond, body, text: `${head.replace(/[;\s]+$/, '')}; do …; done` }, this.expectWord('done'));
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
      return this.withRedirs({ t: 'for', items, body }, this.expectWord('done'));
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
      return this.withRedirs({ t: 'if', branches, otherwise }, this.expectWord('fi'));
    }
    if (this.isWord('{')) {
      this.pos++;
      const body = this.list(['}']);
      return this.withRedirs({ t: 'group', body, subshell: false }, this.expectWord('}'));
    }
    if (this.isOp('(')) {
      this.pos++;
      const body = this.list([')']);
      const close = this.peek();
      if (close?.t !== 'op' || close.op !== ')') throw new ShellSyntaxError('expected ")"');
      this.pos++;
      return this.withRedirs({ t: 'group', body, subshell: true }, close.redirs);
    }
    const words: Word[] = [];
    const assigns: Word[] = [];
    for (let t = this.peek(); t?.t === 'word'; t = this.peek()) {
      if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t.w.text)) assigns.push(t.w);
      else words.push(t.w);
      this.pos++;
    }
    if (words.length === 0 && assigns.length === 0 && this.pos < this.toks.length && this.peek()?.t === 'op') {
      throw new ShellSyntaxError('expected a command');
    }
    return assigns.length ? { t: 'simple', words, assigns } : { t: 'simple', words };
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
