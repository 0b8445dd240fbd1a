/**
 * Check many files on every core. Up to `threshold` files (or where the
 * bundled worker is missing, as under vitest) they are checked here, one
 * after the other; above it, worker threads on all cores but one parse and
 * check batches of files and send back compact per-file results (the report
 * entry as JSON text, never the syntax tree or the model), and this thread
 * checks small batches itself on the last core between passing results on. Work is handed out largest
 * file first within windows of the path order, so one large file does not
 * leave a core idle at the end, while results still come out as an async
 * stream in the order of `files` (sorted paths) with only a bounded number
 * waiting in memory: memory stays flat over 10,000 files.
 *
 * With a content cache, files whose bytes are unchanged are not parsed at
 * all: they are hashed here first, and only the others go to the checker.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { compactFile, inOrder, type CompactFile, type Placed } from '../core/compact-file.js';
import type { ResolvedConfig } from '../core/config/settle.js';
import { flushCompileCache } from '../compile-cache.js';
import type { ContentCache } from './cache.js';
import { contentHash, underDirectory } from './files.js';

export interface PoolOptions {
  cwd: string;
  config: ResolvedConfig;
  now: Date;
  /** Worker threads are used above this many files to parse (default 200). */
  threshold?: number;
  /** Threads that check files, this one included (default: the available cores, at most 8; 0 or 1: this one only). */
  threads?: number;
  /** Called after each file, in order. */
  onProgress?: (done: number, total: number) => void;
  /** The content cache: unchanged files come from it, the others are recorded in it. */
  cache?: ContentCache;
  /** Filled in as the run goes: how many files were parsed, came from the cache, and on how many threads. */
  stats?: RunStats;
}

export interface RunStats {
  parsed: number;
  cached: number;
  threads: number;
}

/** What a worker is started with. */
export interface WorkerSetup {
  cwd: string;
  config: ResolvedConfig;
  now: string;
  /** Whether to hash each file's bytes (for the content cache). */
  hash: boolean;
}

/**
 * A batch sent to a worker: [index, path] pairs. It answers each file as
 * soon as it is checked, with [index, hash, compact JSON, last of the
 * batch], so a result the stream waits for never waits for the rest of its batch.
 */
export type WorkerBatch = Array<[number, string]>;
export type WorkerResult = [number, string | null, string, boolean];

/** One file's result as it crosses threads: the compact result as JSON text and the hash of the bytes it came from. */
export interface CheckedText {
  hash: string | null;
  json: string;
}

/** Files per batch, and bytes: a batch of large files is cut short so batches take about as long. */
const BATCH = 16;
/** Files per batch this thread checks itself (small: results keep flowing and workers keep being fed). */
const LOCAL_BATCH = 4;
const BATCH_BYTES = 64 * 1024;
/** Batches in flight per worker: one being worked on, one queued, so a worker never idles. */
const IN_FLIGHT = 2;
/** Files, in path order, handed out largest first among themselves. */
const WINDOW = 256;
/** Results that may wait for an earlier one before the pool stops handing out work (at least WINDOW). */
const MAX_WAITING = 512;
/**
 * The young generation of each worker, in MiB (semi-spaces of 16). Set
 * while the worker did little of the work (see `turnOfEventLoop`), 64 gave
 * ~40% fewer scavenges; with the worker checking half the files, 64 against
 * 32 showed no difference in time over eight alternated audits of 2,000
 * documents (medians 10.26 s and 10.18 s) but ~40 MiB more peak RSS
 * (346–373 MiB against 300–330 MiB).
 */
export const YOUNG_GENERATION_MB = 32;

let checker: Promise<typeof import('./check-files.js')> | undefined;
/** The engine (parser, model, rules), imported with the first file to check: a run the cache answers never compiles it. */
const engine = () => (checker ??= import('./check-files.js'));

/** Load the engine now: a worker exists to check files, and loads it while its first batch is still being chosen. */
export function loadEngine(): Promise<unknown> {
  return engine();
}

/** Read, parse, check and compact one file. Never throws. */
export async function checkOne(cwd: string, path: string, config: ResolvedConfig, now: Date, hash: boolean): Promise<CheckedText> {
  const { checkPathHashed } = await engine();
  const { result, hash: digest } = await checkPathHashed(cwd, path, config, now, hash);
  return { hash: result.internalError ? null : digest, json: JSON.stringify(compactFile(result)) };
}

/** dist/worker.js, next to the bundle (this code may sit in dist/chunks/), or null. */
export function workerScript(): string | null {
  for (const candidate of ['./worker.js', '../worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol !== 'file:') continue;
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  return null;
}

export function defaultThreads(env: Record<string, string | undefined> = process.env): number {
  const forced = env.POSTMORTEM_THREADS;
  if (forced !== undefined && /^\d{1,2}$/.test(forced)) return Number(forced);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(8, cores));
}

/**
 * How a run will go: the number of threads that check files, this one
 * included (0: this one alone, no workers). This thread checks files too
 * between passing results on, rather than idling beside a worker per core:
 * one isolate less (on two cores, ~50 MiB less peak RSS; README, Performance).
 */
export function plannedThreads(count: number, options: Pick<PoolOptions, 'threshold' | 'threads'>): number {
  const threads = options.threads ?? defaultThreads();
  if (threads < 2 || count <= (options.threshold ?? 200) || !workerScript()) return 0;
  return Math.min(threads, Math.max(2, Math.ceil(count / BATCH)));
}

/** Size in bytes of each file (0 when it cannot be read: such files are quick). */
function sizesOf(cwd: string, files: string[]): number[] {
  return files.map((f) => {
    try {
      return statSync(resolve(cwd, f)).size;
    } catch {
      return 0;
    }
  });
}

let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * A regular file's bytes if it has at most `maxBytes` (null otherwise, or
 * when it cannot be read: the checker reports why), read into a buffer
 * reused from file to file: only hashed, never kept. One open, fstat, read
 * and close per file, where stat and readFileSync took a second stat and a
 * new buffer each.
 */
function readSmallFile(absolute: string, maxBytes: number): Uint8Array | null {
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > maxBytes) return null;
    if (scratch.length < info.size + 1) scratch = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    // Up to EOF (one byte more than fstat said, to notice a file that grew while being read).
    for (let n = -1; n !== 0 && length < scratch.length; length += n) n = readSync(fd, scratch, length, scratch.length - length, null);
    return length > info.size ? null : scratch.subarray(0, length);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The indices of `files` that the cache cannot answer: each file the cache
 * knows is read and hashed here (cheap next to parsing it), and an
 * unchanged one is a hit.
 */
function cacheMisses(files: string[], options: PoolOptions, cache: ContentCache): { misses: number[]; hits: Set<number> } {
  const misses: number[] = [];
  const hits = new Set<number>();
  const absolute = underDirectory(options.cwd);
  for (let i = 0; i < files.length; i++) {
    const path = files[i];
    if (cache.has(path)) {
      const bytes = readSmallFile(absolute(path), options.config.maxFileSize);
      if (bytes !== null && cache.fresh(path, contentHash(bytes))) {
        hits.add(i);
        continue;
      }
    }
    misses.push(i);
  }
  return { misses, hits };
}

/**
 * How much cached text (bytes of compact JSON) may run ahead of a changed
 * file still being checked: those files' report entries wait in memory
 * until it comes (the JSON writer keeps path order). At ~4 KiB a file, all
 * of 2,000 postmortems. Bounded by count instead (512 files), this thread
 * waited on the worker file by file through a re-audit after 1% changed,
 * then passed the last ~512 hits on after the worker's last result, ~0.1 s
 * on top of the worker's own time.
 */
const AHEAD_BYTES = 24 * 1024 * 1024;
/** Results from the cache passed on between two turns of the event loop (which deliver the workers' results). */
const HITS_PER_TURN = 16;

/** Compact results for `files`, in the order of `files`. */
export async function* checkStream(files: string[], options: PoolOptions): AsyncGenerator<CompactFile> {
  for await (const { compact } of inOrder(checkAsReady(files, options))) yield compact;
}

/**
 * Compact results for `files` as they are ready, each with its index: the
 * cache's as this thread reaches them, and the others as the checker gives
 * them back, in path order among themselves. A result from the cache never
 * waits for a changed file before it that a worker is still checking (the
 * worker may still be starting), but runs at most AHEAD_BYTES of cached
 * results ahead of it.
 * Without a cache, or with nothing from it, the results come in path order.
 */
export async function* checkAsReady(files: string[], options: PoolOptions): AsyncGenerator<Placed> {
  const cache = options.cache;
  const { misses, hits } = cache ? cacheMisses(files, options, cache) : { misses: files.map((_, i) => i), hits: new Set<number>() };
  const toCheck = misses.map((i) => files[i]);
  // With many files from the cache, this thread has their reports to pass on: the changed files go to
  // workers (which load the parser and check them meanwhile on the other cores) however few they are.
  const passingOnHits = hits.size >= (options.threshold ?? 200);
  const threads = toCheck.length === 0 ? 0 : plannedThreads(toCheck.length, { ...options, threshold: passingOnHits ? 0 : options.threshold });
  // When they are few next to the hits, this thread checks none itself: it would compile and warm up the
  // parser a second time (a cold check costs ~5× a warm one), and every result waits on this thread
  // (20 changed files of 2,000: 2% fewer instructions and ~0.2 s less of a 1.9 s re-audit).
  const checkHere = !(passingOnHits && toCheck.length * 10 <= hits.size);
  const stats = options.stats ?? { parsed: 0, cached: 0, threads: 0 };
  stats.threads = threads;
  const checked = threads === 0 ? inThread(toCheck, options) : pooled(toCheck, options, workerScript()!, threads - 1, checkHere);
  const checkedFiles = new CheckedResults(checked);
  // Started now, not at the first file the cache cannot answer: the workers start and check while the hits are passed on.
  if (toCheck.length > 0) checkedFiles.request();
  let done = 0;
  let missed = 0;
  /** Hits passed on after the changed file being waited for: [index, bytes] from `aheadFrom` on, and their bytes in all. */
  let ahead: Array<[number, number]> = [];
  let aheadFrom = 0;
  let aheadBytes = 0;
  /** The next checked file's result, in path order among the misses. */
  const nextChecked = async (): Promise<Placed> => {
    const index = misses[missed++];
    const result = await checkedFiles.take();
    if (!result) throw new Error(`no result for ${files[index]}`);
    const waitingFor = missed < misses.length ? misses[missed] : files.length;
    while (aheadFrom < ahead.length && ahead[aheadFrom][0] < waitingFor) aheadBytes -= ahead[aheadFrom++][1];
    if (aheadFrom === ahead.length) [ahead, aheadFrom] = [[], 0];
    return { index, compact: recorded(files[index], result) };
  };
  const recorded = (path: string, result: CheckedText): CompactFile => {
    // The same JSON round trip for every result, so a cold run and a cached one report the same bytes.
    const compact = JSON.parse(result.json) as CompactFile;
    cache?.record(path, result.hash, compact, result.json);
    stats.parsed++;
    return compact;
  };
  try {
    let sinceTurn = 0;
    for (let i = 0; i < files.length; i++) {
      if (!hits.has(i)) {
        // In path order when there is nothing from the cache to pass on meanwhile.
        if (hits.size === 0) {
          yield await nextChecked();
          options.onProgress?.(++done, files.length);
        }
        continue;
      }
      // Checked results that came back meanwhile go first; a hit too far ahead of the next one waits for it.
      while (missed < misses.length && (checkedFiles.arrived() || aheadBytes > AHEAD_BYTES)) {
        yield await nextChecked();
        options.onProgress?.(++done, files.length);
      }
      if (missed < misses.length && misses[missed] < i) {
        const bytes = cache!.entryBytes(files[i]);
        ahead.push([i, bytes]);
        aheadBytes += bytes;
      }
      let compact = cache!.take(files[i]);
      if (compact) stats.cached++;
      // A hit that does not read back (never expected: the file's checksum held) is checked here.
      else compact = recorded(files[i], await checkOne(options.cwd, files[i], options.config, options.now, true));
      yield { index: i, compact };
      options.onProgress?.(++done, files.length);
      if (missed < misses.length && ++sinceTurn >= HITS_PER_TURN) {
        sinceTurn = 0;
        await turnOfEventLoop();
      }
    }
    while (missed < misses.length) {
      yield await nextChecked();
      options.onProgress?.(++done, files.length);
    }
  } finally {
    endEarlyWorker();
    await checked.return(undefined);
  }
}

/**
 * The checker's results, one requested at a time: whether the requested one
 * has arrived can be asked without waiting for it.
 */
class CheckedResults {
  private pending: Promise<IteratorResult<CheckedText>> | null = null;
  private settled = false;

  constructor(private readonly results: AsyncGenerator<CheckedText>) {}

  /** Ask for the next result (if not asked for already). */
  request(): void {
    if (this.pending) return;
    this.settled = false;
    this.pending = this.results.next();
    this.pending.then(
      () => (this.settled = true),
      () => (this.settled = true),
    );
  }

  arrived(): boolean {
    return this.settled;
  }

  /** The next result (undefined when there is none), and the one after it asked for. */
  async take(): Promise<CheckedText | undefined> {
    this.request();
    const result = await this.pending!;
    this.pending = null;
    this.request();
    return result.done ? undefined : result.value;
  }
}

async function* inThread(files: string[], options: PoolOptions): AsyncGenerator<CheckedText> {
  for (const file of files) yield await checkOne(options.cwd, file, options.config, options.now, options.cache !== undefined);
}

/** Lets the event loop deliver messages that arrived from the workers. */
const turnOfEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The order work is handed out in: windows of the path order, largest file first within each. */
export function dispatchOrder(sizes: number[]): number[] {
  const order: number[] = [];
  for (let from = 0; from < sizes.length; from += WINDOW) {
    const window = Array.from({ length: Math.min(WINDOW, sizes.length - from) }, (_, k) => from + k);
    window.sort((a, b) => sizes[b] - sizes[a] || a - b);
    order.push(...window);
  }
  return order;
}

/** `workerCount` worker threads check `files`; with `checkHere`, this thread checks small batches too. */
async function* pooled(files: string[], options: PoolOptions, script: string, workerCount: number, checkHere: boolean): AsyncGenerator<CheckedText> {
  const setup: WorkerSetup = { cwd: options.cwd, config: options.config, now: options.now.toISOString(), hash: options.cache !== undefined };
  const sizes = sizesOf(options.cwd, files);
  // Largest first pays when the files are many; a few changed files are wanted in path order.
  const order = files.length > (options.threshold ?? 200) ? dispatchOrder(sizes) : sizes.map((_, i) => i);
  const ready = new Map<number, CheckedText>();
  const inFlight = new Map<Worker, number>();
  const threads = workerCount + (checkHere ? 1 : 0);
  let dispatched = 0;
  let bytesLeft = sizes.reduce((sum, size) => sum + size, 0);
  let failure: Error | null = null;
  let finished = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const adopted = adoptEarlyWorker(setup, workerCount);
  flushCompileCache();
  // Loaded here: a run on one thread never needs it.
  const { Worker } = await import('node:worker_threads');
  const workers = [...adopted, ...Array.from({ length: workerCount - adopted.length }, () => newWorker(Worker, script, setup))];
  /** The next files in dispatch order, at most `max` of them and about `tailBytes`; null when none may go out now. */
  const take = (max: number): WorkerBatch | null => {
    if (dispatched >= files.length || ready.size >= MAX_WAITING) return null;
    const batch: WorkerBatch = [];
    const most = tailBytes(bytesLeft, threads);
    let bytes = 0;
    while (batch.length < max && dispatched < files.length && (batch.length === 0 || bytes + sizes[order[dispatched]] <= most)) {
      const index = order[dispatched++];
      bytes += sizes[index];
      bytesLeft -= sizes[index];
      batch.push([index, files[index]]);
    }
    return batch;
  };
  const feed = (worker: Worker) => {
    while ((inFlight.get(worker) ?? 0) < IN_FLIGHT) {
      const batch = take(BATCH);
      if (!batch) return;
      worker.postMessage(batch);
      inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1);
    }
  };
  // This thread checks small batches too, between handing out work and passing results on.
  let localBusy = false;
  const feedLocal = () => {
    if (!checkHere || localBusy || failure) return;
    const batch = take(LOCAL_BATCH);
    if (!batch) return;
    localBusy = true;
    void (async () => {
      for (const [index, path] of batch) {
        // Each check is synchronous work behind promises that are already settled: without a turn of the
        // event loop, the workers' results (and their requests for more work) wait until this thread
        // runs out of files of its own, and the workers idle (they checked ~5% of the files).
        await turnOfEventLoop();
        ready.set(index, await checkOne(options.cwd, path, options.config, options.now, setup.hash));
      }
    })().then(
      () => {
        localBusy = false;
        signal();
      },
      (error: Error) => {
        failure ??= error;
        signal();
      },
    );
  };
  for (const worker of workers) {
    worker.on('message', ([index, hash, json, last]: WorkerResult) => {
      ready.set(index, { hash, json });
      if (last) {
        inFlight.set(worker, (inFlight.get(worker) ?? 1) - 1);
        feed(worker);
      }
      signal();
    });
    worker.on('error', (error) => {
      failure ??= error;
      signal();
    });
    worker.on('exit', (code) => {
      if (!finished && code !== 0) failure ??= new Error(`a checking thread stopped with code ${code}`);
      signal();
    });
  }
  try {
    workers.forEach(feed);
    for (let next = 0; next < files.length; ) {
      const result = ready.get(next);
      if (result) {
        ready.delete(next);
        next++;
        yield result;
        workers.forEach(feed);
        continue;
      }
      if (failure) throw failure;
      feedLocal();
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    finished = true;
    // Not waited for: a worker's teardown (~50 ms, its heap freed) overlaps the report's last writes instead of delaying them.
    for (const worker of workers) void worker.terminate();
  }
}

function newWorker(WorkerClass: typeof Worker, script: string, setup: WorkerSetup | null): Worker {
  return new WorkerClass(script, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
}

interface EarlyWorker {
  worker: Worker;
  dead: boolean;
  onEnd: () => void;
}

/**
 * The worker `startWorkerEarly` or `prestartWorker` started, until the pool
 * adopts it or the run ends it; `setup` is null while it has not been told
 * its setup (a prestarted worker learns it from its first message).
 */
let early: { setup: WorkerSetup | null; entry: EarlyWorker } | null = null;

async function startEarly(script: string, setup: WorkerSetup | null): Promise<void> {
  flushCompileCache();
  const { Worker } = await import('node:worker_threads');
  const worker = newWorker(Worker, script, setup);
  const entry: EarlyWorker = { worker, dead: false, onEnd: () => (entry.dead = true) };
  worker.on('error', entry.onEnd).on('exit', entry.onEnd).unref();
  early = { setup, entry };
}

/**
 * Start one worker as soon as a run knows it has many files, before it knows
 * which of them the cache answers: it loads the engine (~0.3 s from a cold
 * start, and more to compile its code as it first runs) while this thread
 * reads and hashes the files, instead of after. The pool adopts it for the
 * files to check; if there are none it is ended (`endEarlyWorker`). Unless
 * adopted it does not keep the process alive. A worker already prestarted
 * is told the setup now, or ended when the files are too few for workers.
 */
export async function startWorkerEarly(fileCount: number, options: Pick<PoolOptions, 'cwd' | 'config' | 'now' | 'threads' | 'threshold'> & { hash: boolean }): Promise<void> {
  const script = workerScript();
  const setup: WorkerSetup = { cwd: options.cwd, config: options.config, now: options.now.toISOString(), hash: options.hash };
  if (early?.setup === null) {
    if (plannedThreads(fileCount, options) < 2) return endEarlyWorker();
    early.entry.worker.postMessage(setup);
    early.setup = setup;
    return;
  }
  if (early || !script || plannedThreads(fileCount, options) < 2) return;
  await startEarly(script, setup);
}

/**
 * Start one worker before the run has read its configuration, for a run the
 * content cache says is over many files (`cachedFiles`, from the cache's
 * header): on a re-audit, loading and warming up the engine for the changed
 * files is the longest path, and it starts ~0.1 s sooner than from
 * `startWorkerEarly`. It waits for its setup (`startWorkerEarly` or the
 * pool sends it), or is ended unused.
 */
export async function prestartWorker(cachedFiles: number): Promise<void> {
  const script = workerScript();
  if (early || !script || plannedThreads(cachedFiles, {}) < 2) return;
  await startEarly(script, null);
}

/** The early worker (none or one), if it was started for this setup (or for any, not told yet) and is alive, for a pool of at least one worker. */
function adoptEarlyWorker(setup: WorkerSetup, count: number): Worker[] {
  if (!early || count < 1) return [];
  const { setup: started, entry } = early;
  const same = started === null || (started.cwd === setup.cwd && started.config === setup.config && started.now === setup.now && started.hash === setup.hash);
  if (!same || entry.dead) return [];
  early = null;
  if (started === null) entry.worker.postMessage(setup);
  entry.worker.off('error', entry.onEnd).off('exit', entry.onEnd).ref();
  return [entry.worker];
}

/** End the early worker if no pool adopted it (nothing was left to check). */
export function endEarlyWorker(): void {
  if (early) void early.entry.worker.terminate();
  early = null;
}

/**
 * Bytes a batch may hold: BATCH_BYTES, but near the end only a share of what
 * is left, so the threads run out of files at about the same time. With whole
 * batches to the end, this thread idled ~0.1 s of a 7 s audit of 2,000 files
 * while a worker finished the two batches it held.
 */
export function tailBytes(bytesLeft: number, threads: number): number {
  return Math.min(BATCH_BYTES, Math.floor(bytesLeft / (TAIL_SHARES * Math.max(1, threads))));
}

/** Near the end, each batch is at most 1/(TAIL_SHARES × threads) of the bytes left. */
const TAIL_SHARES = 4;

/** A progress bar on a TTY (stderr), redrawn at most every 100 ms; nothing elsewhere. */
export function progressBar(write: (text: string) => void, enabled: boolean, label: string): { update: (done: number, total: number) => void; end: () => void } {
  let last = 0;
  let drawn = false;
  const width = 30;
  return {
    update(done, total) {
      if (!enabled) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    end() {
      if (drawn) write('\r\u001b[K');
    },
  };
}
