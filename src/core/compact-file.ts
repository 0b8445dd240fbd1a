/**
 * What a worker hands back for one file: the report entry (no syntax tree,
 * no model), the front-matter severity and the item title words (to match
 * edited items to their issues). Pure.
 */
import type { CheckedFile } from './engine.js';
import { fileReport, type ReportFile } from './report.js';
import { componentsOf } from './routing.js';
import type { PostmortemModel } from './types.js';
import { InOrder } from './in-order.js';

export interface CompactFile {
  file: ReportFile;
  severity: string | null;
  /** Title words of each action item, parallel to `file.actionItems`. */
  fingerprints: string[][];
  /** The components its front matter names (config `issues.repositories`), when any. */
  components?: string[];
}

export function severityOf(model: PostmortemModel | null): string | null {
  const s = model?.frontMatter?.data?.severity;
  return typeof s === 'string' || typeof s === 'number' ? String(s).slice(0, 40) : null;
}

export function compactFile(result: CheckedFile): CompactFile {
  return {
    file: fileReport(result),
    severity: severityOf(result.model),
    fingerprints: (result.model?.actionItems ?? []).map((a) => a.fingerprint ?? []),
    ...(componentsOf(result.model?.frontMatter?.data).length ? { components: componentsOf(result.model?.frontMatter?.data) } : {}),
  };
}

/** One file's compact result and the file's index in the list checked. */
export interface Placed {
  index: number;
  compact: CompactFile;
}

/** Results that may come in any order, put back in the order of their indices (each index 0, 1, 2… once). */
export async function* inOrder(results: AsyncIterable<Placed>): AsyncGenerator<Placed> {
  const ready: Placed[] = [];
  const order = new InOrder<Placed>((placed) => ready.push(placed));
  for await (const placed of results) {
    order.put(placed.index, placed);
    yield* ready.splice(0);
  }
  order.assertComplete('results');
}
