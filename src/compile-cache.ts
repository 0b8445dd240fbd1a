/**
 * Node's on-disk cache of compiled modules (`module.enableCompileCache()`,
 * Node ≥ 22.1; the action's Node 24 has it, Node 20 does not and simply
 * goes without). The entry points call this before they import the rest of
 * the bundle, so the big chunks are compiled from the cache on every start
 * after the first. The cache lives in the system's temporary directory
 * (or NODE_COMPILE_CACHE); NODE_DISABLE_COMPILE_CACHE=1 turns it off. It
 * caches V8's compiled code only, keyed by each module's source: it can
 * never change what a run reports.
 */
import module from 'node:module';
import { setFlagsFromString } from 'node:v8';

export function enableCompileCache(): void {
  const enable = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
  try {
    enable?.();
  } catch {
    // A read-only or full temporary directory: start without the cache.
  }
}

/**
 * Write what has been compiled so far to the cache (Node ≥ 23), so worker
 * threads started next read the main thread's compiled chunks instead of
 * compiling them again (the cache is otherwise written at exit).
 */
export function flushCompileCache(): void {
  const flush = (module as { flushCompileCache?: () => unknown }).flushCompileCache;
  try {
    flush?.();
  } catch {
    // Nothing to write to: the workers compile for themselves.
  }
}

/**
 * V8 settings for a run, set by the entry points before anything else
 * compiles. They are the process's, so worker threads share them. Each
 * changes only how code is compiled, never what it does.
 */
export function tuneV8(v8Version: string = process.versions.v8): void {
  for (const flag of v8FlagsFor(v8Version)) {
    try {
      setFlagsFromString(flag);
    } catch {
      // A runtime without the flag: it goes without.
    }
  }
}

/**
 * The settings for a V8 version (`process.versions.v8`). Only flags that
 * version is known to have: V8 prints "unrecognized flag" for others.
 */
export function v8FlagsFor(v8Version: string): string[] {
  const major = Number(v8Version.split('.')[0]);
  return [
    // Compile each regular expression straight to machine code on its first use, instead of to bytecode first
    // and to machine code on its second use. The model's long word lists (core/model/evidence.ts) took V8 ~5x
    // longer to turn into bytecode than into machine code: ~10% of a one-document `check` (README, Performance).
    '--no-regexp-tier-up',
    // Optimise only code that stays hot over many documents. By default V8 optimises whatever runs a little
    // while, and optimises it again after each deoptimisation: in an audit of 1,000 documents its background
    // threads compiled for ~8 s (mdast-util-from-markdown's `compiler`, called once per document, alone for 1.2 s)
    // beside ~6 s of checking, and on two cores they competed with the checking threads. Tiering up later (Node
    // 20's V8 11 counts bytecode run: 2,400,000 against a default of 67,584; Node 24's V8 13 counts calls: 30,000
    // against 3,000 for TurboFan) leaves the checking no slower. A one-thread audit of 1,000 documents ran 22%
    // fewer instructions on Node 20 (45.0 G to 35.0 G) and 8% fewer on Node 24 (24.9 G to 22.9 G); the two-thread
    // audit of 2,000 on Node 20 went from ~10.6-12.3 s to ~7.0 s with ~35 MiB less peak RSS.
    ...(major === 11 ? ['--interrupt-budget=2400000'] : []),
    ...(major === 13 ? ['--invocation-count-for-turbofan=30000', '--invocation-count-for-maglev=4000'] : []),
    // Let each heap grow to twice what it kept at its last full collection, not up to four times (V8 picks the factor
    // from how fast the program allocates, and an audit allocates fast). Peak RSS of an audit of 2,000 documents
    // went from ~279 to ~229 MiB, of 10,000 from ~346 to ~261 MiB, with the same CPU time (alternated runs, README,
    // Performance). V8 reads the setting at each collection, so it holds when set at run time.
    ...(major === 11 || major === 13 ? ['--heap-growing-percent=100'] : []),
  ];
}
