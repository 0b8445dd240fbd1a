/**
 * The content cache (`--cache`, `--cache-location`, the action's
 * `cache-location`): what the report needs of each file (its compact
 * result: report entry, severity, item title words), keyed by the file's
 * path and the SHA-256 of its bytes, valid only for one identity: the
 * engine (version and a hash of the bundled reading code, src/version.ts),
 * the runtime's Unicode, ICU and time-zone data, and the resolved
 * configuration. A file whose bytes are unchanged is not read again by the
 * parser; a changed config or engine makes every entry a miss.
 *
 * On disk: a plain first line `#postmortem-cache <format> <sha256 of the
 * body>` (so another tool's file is recognised and never overwritten, and a
 * newer format is recognised before the rest is read), then the body: a
 * JSON header line and one line per file, `<sha256>\t<path as JSON>\t<checked
 * at, ms>\t<compact result as JSON>`. The checksum catches a damaged or
 * truncated file. The body is not compressed (format 1 was brotli, quality
 * 1: 7× smaller, but decompressing the cache of 2,000 postmortems took
 * 90 ms and compressing it 30 ms, a tenth of a re-audit; as eslint's cache,
 * the file is plain text, ~4 KiB per postmortem, and `actions/cache`
 * compresses what it uploads).
 * Whatever is wrong with a cache file, it is ignored with a one-line note,
 * never trusted, never a crash. Writes go to a temporary file renamed over
 * the old one, so a killed run leaves the old cache or the new one, never
 * half of one.
 *
 * Entries are kept as byte ranges of the decompressed file and parsed only
 * when used, and a hit is written back as the same bytes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, stat, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { CompactFile } from '../core/compact-file.js';
import type { ResolvedConfig } from '../core/config/settle.js';
import { ENGINE } from '../version.js';
import { contentHash } from './files.js';
import type { RunStats } from './pool.js';
import { plural } from '../core/strings.js';

/** The default cache file, as eslint's `.eslintcache`. */
export const DEFAULT_CACHE_LOCATION = '.postmortemcache';

export const CACHE_FORMAT = 2;
const MAGIC = '#postmortem-cache ';
const TAB = 9;
const NEWLINE = 10;

/**
 * Rules whose findings depend on the clock (a test keeps this list equal to
 * the rules that read `now`): `future-date`, and `action-item-due-limit`
 * with `due-from: merge` (limits counted from today). Each verdict can only
 * go from reported to not as time passes ("in the future" to "not"; a
 * later today allows a later due date): an entry without their findings
 * stays right; an entry with one is checked again.
 */
export const CLOCK_RULES = new Set(['action-item-due-limit', 'future-date']);

/** A stable JSON text of a value: object keys sorted, Maps as sorted entries. */
function canonical(value: unknown): unknown {
  if (value instanceof Map) return canonical(Object.fromEntries([...value.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1))));
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * Everything besides a file's bytes that its result depends on. The
 * config's `source` (where it was read from) is left out: the same settings
 * read from another path give the same results.
 */
export function cacheIdentity(engine: string, config: ResolvedConfig): string {
  const { source: _source, ...settings } = config;
  const runtime = { unicode: process.versions.unicode, icu: process.versions.icu, tz: process.versions.tz };
  return createHash('sha256').update(JSON.stringify(canonical({ engine, runtime, settings }))).digest('hex');
}

export interface CacheHeader {
  engine: string;
  identity: string;
  /** The project the paths belong to (the repository in the action, else the working directory). */
  project: string;
  entries: number;
}

interface Entry {
  hash: string;
  checkedAt: number;
  /** Byte range of the compact result's JSON in `data`. */
  start: number;
  end: number;
  /** Byte range of the whole line (with its newline), written back as is on a hit. */
  lineStart: number;
  lineEnd: number;
}

export interface CacheSettings {
  location: string;
  engine: string;
  config: ResolvedConfig;
  project: string;
  now: Date;
  /** One-line notes (a cache ignored, and why; a cache not written). */
  note: (message: string) => void;
}

export class ContentCache {
  private readonly identity: string;
  private readonly entries = new Map<string, Entry>();
  private data: Buffer = Buffer.alloc(0);
  /** Lines of the cache this run will write, by path. */
  private readonly next = new Map<string, Buffer>();
  private readonly seen = new Set<string>();
  /** Whether the file at the location may be replaced (ours, empty or absent). */
  private writable = true;
  private changed = false;

  private constructor(private readonly settings: CacheSettings) {
    this.identity = cacheIdentity(settings.engine, settings.config);
  }

  /** Open the cache at `settings.location` (a directory holds `.postmortemcache`). Never throws. */
  static async open(settings: CacheSettings): Promise<ContentCache> {
    const cache = new ContentCache({ ...settings, location: await cacheFile(settings.location) });
    await cache.load();
    return cache;
  }

  get location(): string {
    return this.settings.location;
  }

  private ignore(why: string): void {
    this.settings.note(`cache ${this.settings.location} ${why}; checking every file`);
    this.entries.clear();
    this.data = Buffer.alloc(0);
    this.changed = true;
  }

  private async load(): Promise<void> {
    let raw: Buffer;
    try {
      raw = await readFile(this.settings.location);
    } catch (error) {
      this.changed = true;
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.ignore(`cannot be read (${code ?? 'error'})`);
      return;
    }
    this.changed = true;
    if (raw.length === 0) return;
    const firstLine = raw.indexOf(NEWLINE);
    const magic = raw.subarray(0, firstLine === -1 ? Math.min(raw.length, 64) : firstLine).toString('latin1');
    if (!magic.startsWith(MAGIC)) {
      this.writable = false;
      this.ignore('is not a postmortem cache (left as it is; no cache is written)');
      return;
    }
    const [format, checksum] = magic.slice(MAGIC.length).split(' ');
    if (format !== String(CACHE_FORMAT)) {
      const numbered = /^\d{1,6}$/.test(format);
      this.ignore(
        numbered && Number(format) > CACHE_FORMAT
          ? `has a newer format (${format}) than this version reads (${CACHE_FORMAT})`
          : numbered
            ? `has an older format (${format}) than this version writes (${CACHE_FORMAT})`
            : `has an unknown format ("${format.slice(0, 20)}")`,
      );
      return;
    }
    const data = firstLine === -1 ? null : raw.subarray(firstLine + 1);
    if (data === null || contentHash(data) !== checksum) {
      this.ignore('is damaged or truncated');
      return;
    }
    const problem = this.index(data);
    if (problem) {
      this.ignore(problem);
      return;
    }
    this.data = data;
    this.changed = false;
  }

  /** Read the header and index the lines; returns what is wrong, or null. */
  private index(data: Buffer): string | null {
    const headerEnd = data.indexOf(NEWLINE);
    let header: CacheHeader;
    try {
      header = JSON.parse(data.subarray(0, headerEnd === -1 ? data.length : headerEnd).toString('utf8')) as CacheHeader;
    } catch {
      return 'is damaged (unreadable header)';
    }
    if (!header || typeof header !== 'object' || typeof header.identity !== 'string' || typeof header.entries !== 'number') return 'is damaged (unreadable header)';
    if (header.project !== this.settings.project) return `belongs to another project (${String(header.project).slice(0, 200)})`;
    if (header.engine !== this.settings.engine) return `was written by another engine (${String(header.engine).slice(0, 60)}, this is ${this.settings.engine})`;
    if (header.identity !== this.identity) return 'was written with another configuration or runtime';
    let at = headerEnd + 1;
    while (at < data.length) {
      const end = data.indexOf(NEWLINE, at);
      if (end === -1) return 'is damaged (a line without its end)';
      const t1 = data.indexOf(TAB, at);
      const t2 = t1 === -1 ? -1 : data.indexOf(TAB, t1 + 1);
      const t3 = t2 === -1 ? -1 : data.indexOf(TAB, t2 + 1);
      if (t1 === -1 || t3 === -1 || t3 > end) return 'is damaged (a malformed line)';
      const hash = data.toString('latin1', at, t1);
      let path: unknown;
      try {
        path = JSON.parse(data.toString('utf8', t1 + 1, t2));
      } catch {
        return 'is damaged (a malformed path)';
      }
      const checkedAt = Number(data.toString('latin1', t2 + 1, t3));
      if (!/^[0-9a-f]{64}$/.test(hash) || typeof path !== 'string' || !Number.isSafeInteger(checkedAt)) return 'is damaged (a malformed line)';
      this.entries.set(path, { hash, checkedAt, start: t3 + 1, end, lineStart: at, lineEnd: end + 1 });
      at = end + 1;
    }
    if (this.entries.size !== header.entries) return `is damaged (${this.entries.size} entries, its header says ${header.entries})`;
    return null;
  }

  /** How many files the cache holds results for. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether the cache may hold a result for `path` (worth reading and hashing the file). */
  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Whether the entry for `path` was computed from bytes that hash to `hash`, no later than now. */
  fresh(path: string, hash: string): boolean {
    this.seen.add(path);
    const entry = this.entries.get(path);
    return entry !== undefined && entry.hash === hash && entry.checkedAt <= this.settings.now.getTime();
  }

  /** The length in bytes of the cached result for `path` (0 when there is none). */
  entryBytes(path: string): number {
    const entry = this.entries.get(path);
    return entry ? entry.end - entry.start : 0;
  }

  /** The cached result of a fresh entry (parsed only now), or null if it does not read back as one. */
  take(path: string): CompactFile | null {
    const entry = this.entries.get(path);
    if (!entry) return null;
    let compact: CompactFile;
    try {
      compact = JSON.parse(this.data.toString('utf8', entry.start, entry.end)) as CompactFile;
    } catch {
      return null;
    }
    if (!compact?.file || compact.file.path !== path || !Array.isArray(compact.file.findings)) return null;
    this.next.set(path, this.data.subarray(entry.lineStart, entry.lineEnd));
    return compact;
  }

  /**
   * Record a result just computed from bytes that hash to `hash` (null: not
   * cacheable, as for a file that was not read or hit an internal error).
   * A result with a finding of a clock rule is not kept either.
   */
  record(path: string, hash: string | null, compact: CompactFile, json: string): void {
    this.seen.add(path);
    this.changed = true;
    if (hash === null || compact.file.findings.some((f) => CLOCK_RULES.has(f.rule))) {
      this.next.delete(path);
      return;
    }
    this.next.set(path, Buffer.from(`${hash}\t${JSON.stringify(path)}\t${this.settings.now.getTime()}\t${json}\n`, 'utf8'));
  }

  /**
   * Write the cache if anything changed: this run's entries, and the old
   * entries of files this run did not look at whose file still exists
   * (a run over some of the files keeps the others'). Atomic; never throws.
   */
  async save(cwd: string): Promise<void> {
    if (!this.writable) return;
    for (const [path, entry] of this.entries) {
      if (this.seen.has(path)) continue;
      const exists = await stat(resolve(cwd, path)).then((s) => s.isFile(), () => false);
      if (exists) this.next.set(path, this.data.subarray(entry.lineStart, entry.lineEnd));
      else this.changed = true;
    }
    if (!this.changed) return;
    const paths = [...this.next.keys()].sort();
    const header: CacheHeader = { engine: this.settings.engine, identity: this.identity, project: this.settings.project, entries: paths.length };
    const body = Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), ...paths.map((p) => this.next.get(p)!)]);
    const location = this.settings.location;
    const temporary = join(dirname(location), `${basename(location)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, [Buffer.from(`${MAGIC}${CACHE_FORMAT} ${contentHash(body)}\n`), body]);
      await rename(temporary, location);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      this.settings.note(`cache ${location} could not be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); the next run checks every file again`);
    }
  }
}

/** The cache of a run from the command line: the project is the working directory, whose paths the cache holds. */
export async function openCache(location: string, config: ResolvedConfig, cwd: string, now: Date, note: (message: string) => void): Promise<ContentCache> {
  const project = await realpath(cwd).catch(() => resolve(cwd));
  return ContentCache.open({ location: resolve(cwd, location), engine: ENGINE, config, project, now, note });
}

/** The cache file at `location` (a directory holds `.postmortemcache`). */
async function cacheFile(location: string): Promise<string> {
  const file = resolve(location);
  const info = await stat(file).catch(() => null);
  return info?.isDirectory() || /[\\/]$/.test(location) ? join(file, DEFAULT_CACHE_LOCATION) : file;
}

/**
 * How many files the cache at `location` says it holds, from its first two
 * lines only (0 when it cannot tell): before a run reads its configuration
 * and the cache, whether it is likely a re-run over many files. Only a
 * guess to start work early on; the cache itself is judged when opened.
 */
export async function cachedFileCount(location: string, cwd: string): Promise<number> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(await cacheFile(resolve(cwd, location)), 'r');
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const [magic, header] = head.toString('utf8', 0, bytesRead).split('\n', 2);
    if (!magic.startsWith(MAGIC) || header === undefined) return 0;
    const entries = (JSON.parse(header) as Partial<CacheHeader>).entries;
    return typeof entries === 'number' && Number.isSafeInteger(entries) && entries > 0 ? entries : 0;
  } catch {
    return 0;
  } finally {
    await handle?.close();
  }
}

/** "2000 files: 20 parsed, 1980 unchanged from the cache .postmortemcache" (the tests and the bench read it). */
export function cacheLine(stats: RunStats, location: string, cwd: string): string {
  const total = stats.parsed + stats.cached;
  const where = relative(cwd, location);
  return `${plural(total, 'file')}: ${stats.parsed} parsed, ${stats.cached} unchanged from the cache ${where && !where.startsWith('..') ? where : location}`;
}
