// The command's window on the world: output lines, problem lines and file reads, behind an
// interface so the subcommands can be tested without a process.

import type { Problem } from '../engine/scenario/types';
import { oneLine } from './printable';
import { InputError, readBoundedTextFile } from './readInput';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** The file's text; throws a FileError when it cannot be read, is not a regular file or is too large. */
  readFile(path: string): string;
}

export class FileError extends Error {}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INVALID = 2;

export function nodeIO(): CliIO {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readFile: (path) => {
      try {
        return readBoundedTextFile(path);
      } catch (e) {
        if (e instanceof InputError) throw new FileError(`sim: cannot read ${path}: ${e.message}`);
        const code = (e as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
        throw new FileError(`sim: cannot read ${path}: ${why}`);
      }
    },
  };
}

/** `FILE:LINE:COL: FIELD.PATH: MESSAGE`, with `warning: ` before warnings' messages. */
export function problemLine(file: string, p: Problem): string {
  const where = `${file}:${p.line}:${p.col}:`;
  const what = p.severity === 'warning' ? `warning: ${p.message}` : p.message;
  return oneLine(p.path ? `${where} ${p.path}: ${what}` : `${where} ${what}`);
}

/**
 * Prints errors and warnings (infos are the editor's hints, not printed here); returns whether
 * any was an error.
 */
export function reportProblems(io: CliIO, file: string, problems: Problem[]): boolean {
  let errors = false;
  for (const p of problems) {
    if (p.severity === 'info') continue;
    if (p.severity === 'error') errors = true;
    io.err(problemLine(file, p));
  }
  return errors;
}
