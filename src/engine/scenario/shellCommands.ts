// What the script reader knows about commands by name: which finish at once, which are shells
// ([15.1]), and which it can follow to the letter ([15.4]): what `echo` and `printf` print, what
// `cat`, `ls` and `test` answer for a file the script itself created or removed (touch, rm, mkdir,
// a redirection), in the wording of the image's userland, and where a redirection sends a
// command's output. The names a `trap` knows the stop signal by are stopSignal.ts's.
//
// The userland's words, as their sources print them:
// - busybox (busybox and Alpine images): cat's open_or_warn `cat: can't open '%s': %m`, ls's
//   my_stat bb_simple_perror_msg `ls: %s: %m` with exit code 1 (coreutils/ls.c, read in stored
//   copies), rm's `rm: can't remove '%s': %m`; the prefix is the applet's name;
// - GNU coreutils (Debian, Ubuntu and Red Hat images): error() prints the program's name as it was
//   run (argv[0]: `/bin/cat` stays so), cat `%s: %m` with the name quoted only where the shell
//   would need it (quotef), ls `cannot access %s: %m` with the name always quoted ('…', quoteaf,
//   coreutils 8.25 and later; 8.24 and earlier printed it bare) and exit code 2, rm `cannot remove`.
// Published lines: `cat: can't open '/tmp/healthy': No such file or directory` (busybox,
// kubernetes.io), `cat: /tmp/healthy: No such file or directory` (centos), `ls: /tmp/started: …`
// (busybox), `ls: cannot access '/var/ready': …` and, on CentOS 7, `ls: cannot access l: …`.

import type { Redir, Word } from './shellParse';
import { emit, forgetFiles, setFile, type FileState, type ScriptResult, type Sink, type State } from './shellState';
import { baseName } from './shellWords';
import { namesSignal } from './stopSignal';

/** Commands that finish at once with status 0 (their effect does not matter here). */
export const INSTANT = new Set([
  'echo', 'printf', 'date', 'env', 'printenv', 'ls', 'touch', 'mkdir', 'cp', 'mv', 'rm', 'cd', 'export',
  'set', 'unset', 'hostname', 'id', 'whoami', 'uname', 'pwd', 'chmod', 'chown', 'ln', 'sync', 'umask',
  'cat', 'tee', 'head', 'wc', 'sort', 'uniq', 'grep', 'sed', 'awk', 'cut', 'tr', 'basename', 'dirname',
  'logger', 'ulimit', 'shift', 'local', 'readonly', 'mount', 'df', 'du', 'ps', 'free', 'uptime', 'stat',
  'seq', 'nmeter',
]);

export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);

export function isShell(cmd: string): boolean {
  return SHELLS.has(baseName(cmd));
}

/**
 * Whose `cat`, `ls` and `rm` an image has: busybox's, GNU coreutils' (8.25 or later), or an older
 * coreutils' (`gnu-old`: ls prints a name it cannot access without quotes). Unknown: not worded.
 */
export type Userland = 'busybox' | 'gnu' | 'gnu-old';

/** Builtins that print nothing when given arguments, and exit 0. */
const QUIET_WITH_ARGS = new Set(['export', 'unset', 'set', 'shift', 'local', 'readonly', 'umask', 'ulimit', 'sync']);

/** Characters GNU's quotef leaves a name bare with; any other and the reader does not word it. */
const PLAIN_NAME = /^[A-Za-z0-9_./+,@%-]+$/;

/** An absolute path the reader can follow: no expansion, no glob, no `..` (`//` and a trailing `/` folded). */
export function filePath(w: Word | undefined): string | undefined {
  if (!w || w.dynamic || !w.text.startsWith('/') || /[*?[\]{}~\\]/.test(w.text)) return undefined;
  const parts = w.text.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return undefined;
  return `/${parts.join('/')}`;
}

const ENOENT = 'No such file or directory';

/** The message a userland prints for a name it cannot open; undefined where it is not worded. */
function missing(tool: 'cat' | 'ls' | 'rm', argv0: string, name: string, userland: Userland | undefined): string | undefined {
  if (!PLAIN_NAME.test(name) || userland === undefined) return undefined;
  if (userland === 'busybox') {
    const head = baseName(argv0);
    if (tool === 'cat') return `${head}: can't open '${name}': ${ENOENT}\n`;
    if (tool === 'ls') return `${head}: ${name}: ${ENOENT}\n`;
    return `${head}: can't remove '${name}': ${ENOENT}\n`;
  }
  if (tool === 'cat') return `${argv0}: ${name}: ${ENOENT}\n`;
  if (tool === 'ls') return `${argv0}: cannot access ${userland === 'gnu' ? `'${name}'` : name}: ${ENOENT}\n`;
  return `${argv0}: cannot remove '${name}': ${ENOENT}\n`;
}

/** Applies a command's redirections to `s` ([15.4]); returns the descriptors to restore afterwards. */
export function applyRedirs(s: State, redirs: readonly Redir[]): { fd1: Sink; fd2: Sink } {
  const saved = { fd1: s.fd1, fd2: s.fd2 };
  for (const r of redirs) {
    if (r.op === '<' || r.op === '<&') {
      // Input: only a file the script removed matters, and then the shell's own error, not worded.
      const path = r.op === '<' ? filePath(r.target) : undefined;
      if (path !== undefined && s.files.known.get(path)?.exists === false) { s.err = null; s.sure = false; }
      continue;
    }
    const fd = r.fd ?? 1;
    if (fd !== 1 && fd !== 2 && r.op !== '&>') continue;
    const sink = r.op === '>&' ? dupTarget(s, r.target) : fileSink(s, r);
    if (r.op === '&>') { s.fd1 = sink; s.fd2 = sink; } else if (fd === 1) s.fd1 = sink; else s.fd2 = sink;
  }
  return saved;
}

function dupTarget(s: State, target: Word): Sink {
  if (!target.dynamic && target.text === '1') return s.fd1;
  if (!target.dynamic && target.text === '2') return s.fd2;
  return 'lost';
}

function fileSink(s: State, r: Redir): Sink {
  const t = r.target;
  if (t.dynamic) { forgetFiles(s); return 'lost'; }
  if (t.text === '/dev/null') return 'null';
  if (t.text === '/dev/stdout') return s.fd1;
  if (t.text === '/dev/stderr') return s.fd2;
  const path = filePath(t);
  if (path === undefined) return t.text.startsWith('/') ? 'lost' : 'null'; // a relative file: not the run's output
  const f = s.files.known.get(path);
  if (r.op !== '>>' || f?.exists === false) setFile(s, path, { exists: true, content: '' });
  return { file: path };
}

/** A command the reader does not follow to the letter: it may print anything and change the files it names. */
export function unknownEffects(s: State, args: readonly Word[]): void {
  emit(s, 1, null);
  emit(s, 2, null);
  s.sure = false;
  if (args.some((a) => a.dynamic)) { forgetFiles(s); return; }
  for (const a of args) {
    const path = filePath(a);
    if (path === undefined) continue;
    for (const known of [...s.files.known.keys()]) {
      if (known === path || known.startsWith(`${path}/`)) setFile(s, known, undefined);
    }
  }
}

/** `echo` with plain words: `-n` drops the newline; other options and backslashes differ between shells: not known. */
function echoText(args: readonly Word[]): string | null {
  let words = args;
  let newline = '\n';
  if (words[0]?.text === '-n' && !words[0].dynamic) { newline = ''; words = words.slice(1); }
  if (words.some((w) => w.dynamic || w.text.includes('\\')) || /^-[neE]+$/.test(words[0]?.text ?? '')) return null;
  return words.map((w) => w.text).join(' ') + newline;
}

const PRINTF_ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"', "'": "'" };

/** `printf FORMAT ARGS…` with %s, %d, %% and \n \t \\ escapes, the format reused while arguments remain (POSIX). */
function printfText(args: readonly Word[]): string | null {
  const [format, ...rest] = args;
  if (!format || format.dynamic || rest.some((a) => a.dynamic)) return null;
  let out = '';
  let next = 0;
  do {
    let used = false;
    for (let i = 0; i < format.text.length; i++) {
      const c = format.text[i]!;
      const d = format.text[i + 1];
      if (c === '\\') {
        if (d === undefined || !(d in PRINTF_ESCAPES)) return null;
        out += PRINTF_ESCAPES[d]; i++;
      } else if (c === '%') {
        if (d === '%') { out += '%'; i++; continue; }
        const arg = rest[next++]?.text;
        used = true;
        if (d === 's') out += arg ?? '';
        else if (d === 'd' || d === 'i') {
          if (arg !== undefined && !/^[+-]?\d+$/.test(arg)) return null;
          out += String(Number(arg ?? 0));
        } else return null;
        i++;
      } else out += c;
    }
    if (!used) break;
  } while (next < rest.length);
  return out;
}

/** A file operand's state, or undefined when the reader cannot tell. */
function fileOf(s: State, w: Word): FileState | undefined {
  const path = filePath(w);
  return path === undefined ? undefined : s.files.known.get(path);
}

/** `cat FILE…`: each file known to be there with its content, or known to be gone. */
function cat(s: State, argv0: string, args: readonly Word[], userland: Userland | undefined): boolean {
  if (args.length === 0 || args.some((a) => a.text.startsWith('-'))) return false;
  const files = args.map((a) => fileOf(s, a));
  if (files.some((f) => f === undefined || (f.exists && f.dir))) return false;
  let status = 0;
  for (const [i, f] of files.entries()) {
    if (f!.exists) { emit(s, 1, f!.content); continue; }
    emit(s, 2, missing('cat', argv0, args[i]!.text, userland) ?? null);
    status = 1;
  }
  s.status = status;
  s.sure = true;
  return true;
}

/**
 * Options of `ls` that change neither which names are looked up nor the error for a missing one:
 * -a -A -1 -d on file names change nothing; -l -h -n -F change how a found name is listed (its
 * mode, owner, size, time or type mark), which the reader cannot know.
 */
const LS_OPTIONS = /^-[aA1dlhnF]+$/;
const LS_UNKNOWN_LISTING = /[lhnF]/;

/** `ls [-l…] FILE…`: a regular file prints its name (or a listing line the reader cannot know), a missing one the userland's error. */
function ls(s: State, argv0: string, args: readonly Word[], userland: Userland | undefined): boolean {
  const opts = args.filter((a) => a.text.startsWith('-'));
  const names = args.filter((a) => !a.text.startsWith('-'));
  if (names.length === 0 || opts.some((o) => !LS_OPTIONS.test(o.text))) return false;
  const files = names.map((a) => fileOf(s, a));
  if (files.some((f) => f === undefined || (f.exists && f.dir))) return false;
  const found: string[] = [];
  let failed = false;
  for (const [i, f] of files.entries()) {
    if (f!.exists) { found.push(names[i]!.text); continue; }
    emit(s, 2, missing('ls', argv0, names[i]!.text, userland) ?? null);
    failed = true;
  }
  // Both sort the names they list (the C locale's byte order, as in a container without LANG); a
  // long listing's lines are not known (null), its exit code is.
  const listing = found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((n) => `${n}\n`).join('');
  emit(s, 1, listing !== '' && opts.some((o) => LS_UNKNOWN_LISTING.test(o.text)) ? null : listing);
  s.status = failed ? (userland === 'busybox' ? 1 : 2) : 0;
  s.sure = !failed || userland !== undefined;
  return true;
}

/** `test`/`[` on one file the script created or removed: -e, -f, -d, -s, negated with `!`. */
function test(s: State, name: string, args: readonly Word[]): boolean {
  let words = [...args];
  if (name === '[') { if (words.pop()?.text !== ']') return false; }
  const negate = words[0]?.text === '!';
  if (negate) words = words.slice(1);
  const [op, operand] = words;
  if (words.length !== 2 || !op || !operand || !/^-[efds]$/.test(op.text)) return false;
  const f = fileOf(s, operand);
  if (f === undefined || (f.exists && op.text === '-s' && f.content === null)) return false;
  const yes = f.exists && (op.text === '-e' || (op.text === '-f' && !f.dir) || (op.text === '-d' && f.dir === true) || (op.text === '-s' && f.content !== ''));
  s.status = yes !== negate ? 0 : 1;
  s.sure = true;
  return true;
}

/** `touch`, `mkdir -p`, `rm [-f] [-r]` on plain absolute paths: the file is there or gone from now on. */
function fileOp(s: State, name: string, argv0: string, args: readonly Word[], userland: Userland | undefined): boolean {
  const opts = args.filter((a) => a.text.startsWith('-') && a.text !== '--').map((a) => a.text);
  const paths = args.filter((a) => !a.text.startsWith('-'));
  if (paths.length === 0 || paths.some((p) => filePath(p) === undefined)) return false;
  const flags = new Set(opts.flatMap((o) => [...o.slice(1)]));
  if (name === 'touch' && flags.size === 0) {
    for (const p of paths) {
      const path = filePath(p)!;
      const f = s.files.known.get(path);
      if (!f?.exists) setFile(s, path, f === undefined ? { exists: true, content: null } : { exists: true, content: '' });
    }
  } else if (name === 'mkdir' && [...flags].every((f) => f === 'p') && flags.size === 1) {
    for (const p of paths) setFile(s, filePath(p)!, { exists: true, content: null, dir: true });
  } else if (name === 'rm' && [...flags].every((f) => f === 'f' || f === 'r' || f === 'R')) {
    s.status = 0;
    s.sure = true;
    for (const p of paths) {
      const path = filePath(p)!;
      if (!flags.has('f') && s.files.known.get(path)?.exists !== true) {
        // A file known to be gone: rm's error and status 1; one the reader does not know may be there or not (0 assumed).
        const gone = s.files.known.get(path)?.exists === false;
        emit(s, 2, gone ? missing('rm', argv0, p.text, userland) ?? null : null);
        if (gone) s.status = 1;
        s.sure &&= gone;
      }
      for (const known of [...s.files.known.keys()]) {
        if (known.startsWith(`${path}/`)) setFile(s, known, { exists: false });
      }
      setFile(s, path, { exists: false });
    }
    return true;
  } else return false;
  s.status = 0;
  s.sure = true;
  return true;
}

/**
 * Runs a command the reader can follow to the letter in `s` (its output, status and files);
 * false when it cannot, and the caller times it as before.
 */
export function runKnown(s: State, name: string, argv0: string, args: readonly Word[], userland: Userland | undefined): boolean {
  s.status = 0;
  switch (name) {
    case 'echo': case 'printf': {
      const text = name === 'echo' ? echoText(args) : printfText(args);
      if (text === null) return false;
      emit(s, 1, text);
      s.sure = true;
      return true;
    }
    case 'cat': return cat(s, argv0, args, userland);
    case 'ls': return ls(s, argv0, args, userland);
    case 'test': case '[': return test(s, name, args);
    case 'touch': case 'mkdir': case 'rm': return fileOp(s, name, argv0, args, userland);
    default:
      if (!QUIET_WITH_ARGS.has(name) || (args.length === 0 && name !== 'sync') || args.some((a) => a.dynamic)) return false;
      s.sure = true;
      return true;
  }
}

/**
 * `trap ACTION SIGNAL…` ([15.3]): any trap keeps the shell from exec'ing its last command; one on
 * the stop signal whose action (read by `handler`, in the shell's own functions) exits makes PID 1
 * exit when it runs; an empty or `-` action, or one the reader cannot finish, leaves it ignoring it.
 */
export function setTrap(s: State, args: readonly Word[], stopSignal: string, handler: (src: string) => ScriptResult): void {
  if (args.length < 2) return;
  const [action, ...signals] = args;
  if (action && action.text !== '-') s.trapped = true;
  if (!action || !signals.some((w) => namesSignal(w.text, stopSignal))) return;
  if (action.text === '-' || action.text.trim() === '') {
    // [15.2] A trap that does not exit, set while the script waited: a signal during that wait ran it
    // (and the script went on), so a reset after the wait changes nothing for that signal; later
    // waits are no longer ones it interrupts (kubernetes#118310's `…; wait $PID; trap - TERM; wait $PID; exit 0`).
    if (s.term.kind === 'trap' && s.term.resumes === true && s.waitWindow !== undefined) { s.term = { ...s.term, disarmed: true }; return; }
    s.term = { kind: 'ignore' };
    return;
  }
  const h = handler(action.text);
  if (h.outcome.kind === 'exits' && !action.dynamic) {
    const timeline = { holds: s.holds, loops: s.loops };
    s.term = { kind: 'trap', exitCode: h.outcome.exitCode, seconds: h.outcome.seconds, armedAt: s.time, timeline };
    if (!h.explicitExit) s.term.resumes = true;
  } else {
    s.term = { kind: 'ignore' }; // the trap runs but the shell goes on
  }
}
