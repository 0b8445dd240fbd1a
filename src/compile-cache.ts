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
 * Compile each regular expression straight to machine code on its first
 * use (V8's `--no-regexp-tier-up`), instead of to bytecode first and to
 * machine code on its second use. The model's long word lists
 * (core/model/evidence.ts) took V8 ~5x longer to turn into bytecode than
 * into machine code: ~10% of a one-document `check` (README, Performance).
 * Only how a pattern is compiled changes, never what it matches. Called by
 * the entry points before anything compiles a pattern; the setting is the
 * process's, so worker threads share it.
 */
export function compileRegExpsNatively(): void {
  try {
    setFlagsFromString('--no-regexp-tier-up');
  } catch {
    // A runtime without the flag: patterns tier up as usual.
  }
}
