/**
 * The one way `check` and `sync` check a set of files, in the CLI and in the
 * action: each file's report entry comes from core/report.ts `fileReport`
 * and the report from `assembleReport`, whichever thread checked the file.
 *
 * - With `models`, every file is checked in this thread and its whole result
 *   kept: sync plans issues from the models, the action annotates lines and
 *   previews the merge's issues (syntax trees and models do not cross threads).
 * - Without, pool.ts decides: worker threads above its threshold, and the
 *   content cache when one is given; only the report entries come back.
 */
import type { CheckedFile } from '../core/engine.js';
import { assembleReport, buildReport, type JsonReport, type ReportFile } from '../core/report.js';
import { checkStream, type PoolOptions } from './pool.js';

export interface CheckSetOptions extends PoolOptions {
  /** Keep each file's whole result (its model), checking in this thread. */
  models?: boolean;
}

export interface CheckedSet {
  report: JsonReport;
  /** In the order of `files`; only with `models`. */
  results: CheckedFile[] | null;
}

export async function checkSet(files: string[], options: CheckSetOptions & { models: true }): Promise<CheckedSet & { results: CheckedFile[] }>;
export async function checkSet(files: string[], options: CheckSetOptions): Promise<CheckedSet>;
export async function checkSet(files: string[], options: CheckSetOptions): Promise<CheckedSet> {
  if (options.models) {
    // Imported here: a run the cache answers never compiles the engine (see pool.ts).
    const { checkPath } = await import('./check-files.js');
    const results: CheckedFile[] = [];
    for (const path of files) {
      results.push(await checkPath(options.cwd, path, options.config, options.now));
      options.onProgress?.(results.length, files.length);
    }
    return { report: buildReport(results), results };
  }
  const entries: ReportFile[] = [];
  for await (const compact of checkStream(files, options)) entries.push(compact.file);
  return { report: assembleReport(entries), results: null };
}
