/**
 * Which files to check, and reading them. Directories expand to their
 * Markdown files, globs go through tinyglobby, and named files are taken as
 * they are. With `root`, nothing outside it is read: `../` globs and
 * symlinks that lead out are refused (the action confines itself to the
 * workspace).
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { lstat, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

type Globber = typeof import('tinyglobby');
let globber: Promise<Globber> | undefined;
/** tinyglobby (with picomatch and fdir), loaded when a directory or glob is to be expanded: `check one.md` never needs it. */
const tinyglobby = (): Promise<Globber> => (globber ??= import('tinyglobby'));

/** Without one of these characters an argument cannot be a glob (picomatch's scan finds none), and tinyglobby need not load. */
const GLOB_SYNTAX = /[*?[\]{}()!+@]/;

async function isDynamicPattern(arg: string): Promise<boolean> {
  return GLOB_SYNTAX.test(arg) && (await tinyglobby()).isDynamicPattern(arg);
}

export interface Collected {
  /** Paths relative to `cwd`, with `/` separators, sorted. */
  files: string[];
  /** Arguments that matched nothing or were refused, with the reason. */
  problems: Array<{ path: string; message: string }>;
}

export interface CollectOptions {
  cwd: string;
  exclude: string[];
  /** Refuse anything that resolves outside this directory. */
  root?: string;
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function outside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel);
}

/**
 * A path tinyglobby found under a directory, in this platform's form. On
 * POSIX it is already normal (the directory's resolved path and the relative
 * path found under it), and `path.resolve` of each took ~8 ms per 1,000 files.
 */
function normalised(path: string): string {
  return sep === '/' ? path : resolve(path);
}

/**
 * `resolve(cwd, path)`, with a quick way for the plain relative paths
 * `collectFiles` gives on POSIX (no `.` or `..` segment, no doubled slash):
 * they are the directory's path and theirs (path.resolve took ~8 ms per 1,000).
 */
export function underDirectory(cwd: string): (path: string) => string {
  const base = resolve(cwd);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return (path) => (sep === '/' && path !== '' && !path.startsWith('/') && !DOT_SEGMENT.test(path) ? prefix + path : resolve(cwd, path));
}

const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|\/$/;

export async function collectFiles(args: string[], options: CollectOptions): Promise<Collected> {
  const { cwd, exclude } = options;
  const found = new Set<string>();
  const problems: Collected['problems'] = [];
  const root = options.root ? await realpath(options.root).catch(() => resolve(options.root!)) : undefined;

  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    const dynamic = await isDynamicPattern(arg);
    if (root && !dynamic && outside(root, absolute)) {
      problems.push({ path: arg, message: `Unexpected path outside the workspace, expected a path inside ${root}` });
      continue;
    }
    if (root && dynamic && (arg.split('/').includes('..') || isAbsolute(arg))) {
      problems.push({ path: arg, message: 'Unexpected glob that leaves the workspace, expected a relative glob without `..`' });
      continue;
    }
    if (!dynamic) {
      const info = await stat(absolute).catch(() => null);
      if (!info) {
        problems.push({ path: arg, message: 'Unexpected path that does not exist, expected a file, directory or glob' });
        continue;
      }
      if (info.isFile()) {
        found.add(absolute);
        continue;
      }
      if (info.isDirectory()) {
        const matches = await (await tinyglobby()).glob(['**/*.md', '**/*.markdown'], { cwd: absolute, ignore: exclude, absolute: true, followSymbolicLinks: false, dot: false });
        matches.forEach((m) => found.add(normalised(m)));
        continue;
      }
    }
    const matches = await (await tinyglobby()).glob([arg], { cwd, ignore: exclude, absolute: true, followSymbolicLinks: false, dot: false });
    matches.forEach((m) => found.add(resolve(m)));
  }

  const base = resolve(cwd);
  const inside = base.endsWith(sep) ? base : base + sep;
  const files: string[] = [];
  for (const file of found) {
    if (root) {
      const real = await realpath(file).catch(() => file);
      const link = await lstat(file).catch(() => null);
      if (outside(root, real)) {
        problems.push({
          path: toPosix(relative(cwd, file)),
          message: link?.isSymbolicLink()
            ? 'Unexpected symbolic link that points outside the workspace, expected a file inside it'
            : 'Unexpected path outside the workspace, expected a path inside it',
        });
        continue;
      }
    }
    // Most files sit under cwd: their relative path is the rest of the absolute one (path.relative took ~8 ms per 1,000).
    files.push(toPosix(file.startsWith(inside) ? file.slice(inside.length) : relative(cwd, file)));
  }
  files.sort();
  return { files, problems };
}

export type ReadResult = { kind: 'bytes'; bytes: Uint8Array } | { kind: 'too-large'; size: number } | { kind: 'error'; message: string };

/**
 * Read a file unless it is larger than `maxBytes` (then only its size is
 * returned). Synchronous on purpose: a postmortem is a few KiB, read in
 * microseconds, while the promise API takes five trips through libuv's
 * thread pool per file, and on a busy machine the checking thread sat idle
 * waiting for them (~12% of a one-thread audit's wall time).
 */
export function readDocument(cwd: string, path: string, maxBytes: number): ReadResult {
  const absolute = resolve(cwd, path);
  try {
    const info = statSync(absolute);
    if (!info.isFile()) return { kind: 'error', message: 'Unexpected directory or special file, expected a regular file' };
    if (info.size > maxBytes) return { kind: 'too-large', size: info.size };
    return { kind: 'bytes', bytes: readFileSync(absolute) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { kind: 'error', message: `Unexpected read error ${code}, expected a readable file` };
  }
}

let cryptoModule: typeof import('node:crypto') | undefined;
/** node:crypto, loaded with the first hash: only the content cache hashes, and `check` starts faster without it. */
function nodeCrypto(): typeof import('node:crypto') {
  return (cryptoModule ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto'));
}

/**
 * The SHA-256 of a file's bytes, hex: the content cache's key
 * (src/io/cache.ts). One-shot `crypto.hash` where the runtime has it
 * (Node ≥ 20.12): no Hash object per file.
 */
export function contentHash(bytes: Uint8Array): string {
  const crypto = nodeCrypto();
  return typeof crypto.hash === 'function' ? crypto.hash('sha256', bytes, 'hex') : crypto.createHash('sha256').update(bytes).digest('hex');
}
