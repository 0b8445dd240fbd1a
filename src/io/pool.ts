/**
 * Check many files on every core. Up to `threshold` files (or where the
 * bundled worker is missing, as under vitest) they are checked here, one
 * after the other; above it, worker threads each parse and check batches of
 * files and send back compact per-file results (the report entry, never the
 * syntax tree or the model). Results come out as an async stream in the
 * order of `files` (sorted paths), whatever order the workers finish in, and
 * at most a bounded number wait in memory: the consumer writes them out as
 * they come, so memory stays flat over 10,000 files.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compactFile, type CompactFile } from '../core/audit/compact.js';
import type { ResolvedConfig } from '../core/config/resolve.js';
import { checkPath } from './check-files.js';

export interface PoolOptions {
  cwd: string;
  config: ResolvedConfig;
  now: Date;
  /** Worker threads are used above this many files (default 200). */
  threshold?: number;
  /** Number of worker threads (default: the available cores, at most 8; 0 = none). */
  threads?: number;
  /** Called after each file, in order. */
  onProgress?: (done: number, total: number) => void;
}

/** What a worker is started with. */
export interface WorkerSetup {
  cwd: string;
  config: ResolvedConfig;
  now: string;
}

/** A batch sent to a worker: [index, path] pairs; it answers with [index, result] pairs. */
export type WorkerBatch = Array<[number, string]>;
export type WorkerResults = Array<[number, CompactFile]>;

const BATCH = 16;
/** Batches in flight per worker: one being worked on, one queued, so a worker never idles. */
const IN_FLIGHT = 2;
/** Results that may wait for an earlier one before the pool stops handing out work. */
const MAX_WAITING = 512;

/** Read, parse, check and compact one file. Never throws. */
export async function checkOne(cwd: string, path: string, config: ResolvedConfig, now: Date): Promise<CompactFile> {
  return compactFile(await checkPath(cwd, path, config, now));
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

/** How a run will go: the number of worker threads (0: in this thread). */
export function plannedThreads(count: number, options: Pick<PoolOptions, 'threshold' | 'threads'>): number {
  const threads = options.threads ?? defaultThreads();
  if (threads < 1 || count <= (options.threshold ?? 200) || !workerScript()) return 0;
  return Math.min(threads, Math.ceil(count / BATCH));
}

/** Compact results for `files`, in the order of `files`. */
export async function* checkStream(files: string[], options: PoolOptions): AsyncGenerator<CompactFile> {
  const threads = plannedThreads(files.length, options);
  if (threads === 0) {
    for (let i = 0; i < files.length; i++) {
      yield await checkOne(options.cwd, files[i], options.config, options.now);
      options.onProgress?.(i + 1, files.length);
    }
    return;
  }
  yield* pooled(files, options, workerScript()!, threads);
}

async function* pooled(files: string[], options: PoolOptions, script: string, threads: number): AsyncGenerator<CompactFile> {
  const setup: WorkerSetup = { cwd: options.cwd, config: options.config, now: options.now.toISOString() };
  const ready = new Map<number, CompactFile>();
  const inFlight = new Map<Worker, number>();
  let dispatched = 0;
  let failure: Error | null = null;
  let finished = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const workers = Array.from({ length: threads }, () => new Worker(script, { workerData: setup }));
  const feed = (worker: Worker) => {
    while ((inFlight.get(worker) ?? 0) < IN_FLIGHT && dispatched < files.length && ready.size < MAX_WAITING) {
      const batch: WorkerBatch = [];
      for (let n = 0; n < BATCH && dispatched < files.length; n++, dispatched++) batch.push([dispatched, files[dispatched]]);
      worker.postMessage(batch);
      inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1);
    }
  };
  for (const worker of workers) {
    worker.on('message', (results: WorkerResults) => {
      for (const [index, result] of results) ready.set(index, result);
      inFlight.set(worker, (inFlight.get(worker) ?? 1) - 1);
      feed(worker);
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
        options.onProgress?.(next, files.length);
        workers.forEach(feed);
        continue;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

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
