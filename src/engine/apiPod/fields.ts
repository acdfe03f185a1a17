// Small typed readers over a parsed YAML/JSON object that collect problems with field paths,
// so `sim status` can point at FILE:LINE:COL of the offending field.

import { parseRfc3339 } from './time';

export type PathSeg = string | number;

export interface RawProblem {
  path: PathSeg[];
  message: string;
  severity: 'error' | 'warning';
}

/** `spec.initContainers[2].restartPolicy`, as the API server prints field paths. */
export function formatPath(path: PathSeg[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

export class FieldReader {
  readonly problems: RawProblem[] = [];

  error(path: PathSeg[], message: string): void {
    this.problems.push({ path, message, severity: 'error' });
  }

  warn(path: PathSeg[], message: string): void {
    this.problems.push({ path, message, severity: 'warning' });
  }

  obj(v: unknown, path: PathSeg[]): Obj | undefined {
    if (v === undefined || v === null) return undefined;
    if (isObj(v)) return v;
    this.error(path, `Invalid value: ${show(v)}: must be an object`);
    return undefined;
  }

  list(v: unknown, path: PathSeg[]): unknown[] {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    this.error(path, `Invalid value: ${show(v)}: must be a list`);
    return [];
  }

  str(v: unknown, path: PathSeg[]): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    this.error(path, `Invalid value: ${show(v)}: must be a string`);
    return undefined;
  }

  int(v: unknown, path: PathSeg[]): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    this.error(path, `Invalid value: ${show(v)}: must be an integer`);
    return undefined;
  }

  bool(v: unknown, path: PathSeg[]): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    this.error(path, `Invalid value: ${show(v)}: must be true or false`);
    return undefined;
  }

  time(v: unknown, path: PathSeg[]): number | undefined {
    const s = this.str(v, path);
    if (s === undefined) return undefined;
    const t = parseRfc3339(s);
    if (t === undefined) this.error(path, `Invalid value: ${show(s)}: must be an RFC3339 timestamp, e.g. "2024-05-01T12:00:00Z"`);
    return t;
  }

  oneOf<T extends string>(v: unknown, path: PathSeg[], allowed: readonly T[]): T | undefined {
    const s = this.str(v, path);
    if (s === undefined) return undefined;
    if ((allowed as readonly string[]).includes(s)) return s as T;
    this.error(path, `Unsupported value: ${show(s)}: supported values: ${allowed.map((a) => `"${a}"`).join(', ')}`);
    return undefined;
  }
}
