/**
 * The sync plan: compare the action items the documents state with the
 * issues the product opened before, and list the operations that make
 * GitHub match. Pure and deterministic, so the plan a dry run prints is the
 * plan a real run applies. Identity rules:
 *
 * - an item and an issue are the same when the issue's marker carries the
 *   item's path and id, or (for an edited item whose id changed) when they
 *   are in the same document and their title words overlap enough;
 * - only issues the product's own identity opened are considered;
 * - a closed issue is never reopened and its item counts as done;
 * - an item removed from its document is commented on and labelled, and
 *   closed only when the config says so;
 * - of two issues for one item (two runs at once), the older one is kept and
 *   the newer one closed as a duplicate.
 */
import type { IssueSettings } from './config/resolve.js';
import { similarity } from './model/ids.js';
import { itemKey, type ItemMarker } from './markers.js';
import type { PlannedItem } from './plan.js';

export interface TrackedIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  author: string;
  url: string;
  marker: ItemMarker | null;
}

export interface Desired {
  title: string;
  labels: string[];
  assignees: string[];
  /** The managed part of the body (between the markers). */
  managed: string;
}

export type Operation =
  | { kind: 'create'; item: PlannedItem; desired: Desired }
  | { kind: 'update'; item: PlannedItem; issue: TrackedIssue; desired: Desired; changes: Array<'title' | 'body' | 'labels' | 'assignees'> }
  | { kind: 'unchanged'; item: PlannedItem; issue: TrackedIssue }
  | { kind: 'close-done'; item: PlannedItem; issue: TrackedIssue }
  | { kind: 'closed'; item: PlannedItem; issue: TrackedIssue }
  | { kind: 'done-in-doc'; item: PlannedItem }
  | { kind: 'linked'; item: PlannedItem }
  | { kind: 'skipped'; item: PlannedItem; reason: string }
  | { kind: 'removed'; issue: TrackedIssue; close: boolean }
  | { kind: 'duplicate'; issue: TrackedIssue; of: TrackedIssue };

export interface SyncInput {
  items: PlannedItem[];
  /** Every issue the listing returned (the planner keeps only trusted ones). */
  issues: TrackedIssue[];
  /** The product's own login: only its issues are trusted. */
  me: string;
  /** Documents whose items this run knows in full (items missing from them were removed). */
  documents: string[];
  settings: IssueSettings;
  /** Most issues to create in this run. */
  maxCreates: number;
  desired: (item: PlannedItem, issue: TrackedIssue | null) => Desired;
  /** The body an issue would have with `managed` in place of its managed block. */
  mergeBody: (existing: string, managed: string) => string;
}

/** Title words overlap needed to call an edited item the same item. */
export const SAME_ITEM = 0.5;

function sameSet(a: string[], b: string[]): boolean {
  const x = [...a].map((s) => s.toLowerCase()).sort();
  const y = [...b].map((s) => s.toLowerCase()).sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** The issues the product's own identity opened, one per item key (the oldest), and the newer open copies. */
export function indexIssues(issues: TrackedIssue[], me: string): { byKey: Map<string, TrackedIssue>; duplicates: Array<{ issue: TrackedIssue; of: TrackedIssue }> } {
  const trusted = issues.filter((i) => i.author === me && i.marker !== null).sort((a, b) => a.number - b.number);
  const byKey = new Map<string, TrackedIssue>();
  const duplicates: Array<{ issue: TrackedIssue; of: TrackedIssue }> = [];
  for (const issue of trusted) {
    const key = itemKey(issue.marker!);
    const first = byKey.get(key);
    if (!first) byKey.set(key, issue);
    else if (issue.state === 'open') duplicates.push({ issue, of: first });
  }
  return { byKey, duplicates };
}

/**
 * Which issue tracks which item: the issue whose marker carries the item's
 * key, else (an edited item) the issue of the same document whose marker
 * words overlap the item's title words by SAME_ITEM or more, and whose own
 * item is gone. Used by the sync plan and by the audit's follow-up status.
 */
export function matchItems(items: ReadonlyArray<Pick<PlannedItem, 'key' | 'path' | 'fingerprint'>>, byKey: ReadonlyMap<string, TrackedIssue>): Map<string, TrackedIssue> {
  const matched = new Map<string, TrackedIssue>();
  const used = new Set<number>();
  for (const item of items) {
    const issue = byKey.get(item.key);
    if (issue) {
      matched.set(item.key, issue);
      used.add(issue.number);
    }
  }
  for (const item of items) {
    if (matched.has(item.key)) continue;
    let best: { issue: TrackedIssue; score: number } | undefined;
    for (const issue of byKey.values()) {
      if (used.has(issue.number) || issue.marker!.path !== item.path) continue;
      if (items.some((other) => other.key === itemKey(issue.marker!))) continue; // that issue's own item is still there
      const score = similarity(item.fingerprint, issue.marker!.words);
      if (score >= SAME_ITEM && (!best || score > best.score)) best = { issue, score };
    }
    if (best) {
      matched.set(item.key, best.issue);
      used.add(best.issue.number);
    }
  }
  return matched;
}

export function planSync(input: SyncInput): Operation[] {
  const ops: Operation[] = [];
  // One issue per key: the oldest wins, newer copies are duplicates.
  const { byKey, duplicates } = indexIssues(input.issues, input.me);
  for (const d of duplicates) ops.push({ kind: 'duplicate', issue: d.issue, of: d.of });

  // Exact matches, then edited items by word overlap within the same document.
  const matched = matchItems(input.items, byKey);
  const used = new Set([...matched.values()].map((i) => i.number));

  let creates = 0;
  for (const item of input.items) {
    const issue = matched.get(item.key);
    if (issue) {
      if (issue.state === 'closed') {
        ops.push({ kind: 'closed', item, issue });
        continue;
      }
      if (item.done && input.settings.closeDone) {
        ops.push({ kind: 'close-done', item, issue });
        continue;
      }
      const desired = input.desired(item, issue);
      const changes: Array<'title' | 'body' | 'labels' | 'assignees'> = [];
      // The title follows the item's wording, but a title people changed by hand stays while the item's words do not change.
      const reworded = !sameSet(item.fingerprint, issue.marker!.words);
      if (reworded && desired.title !== issue.title) changes.push('title');
      if (input.mergeBody(issue.body, desired.managed) !== issue.body) changes.push('body');
      if (!desired.labels.every((l) => issue.labels.some((x) => x.toLowerCase() === l.toLowerCase()))) changes.push('labels');
      if (desired.assignees.length > 0 && !sameSet(desired.assignees, issue.assignees) && issue.assignees.length === 0) changes.push('assignees');
      ops.push(changes.length > 0 ? { kind: 'update', item, issue, desired, changes } : { kind: 'unchanged', item, issue });
      continue;
    }
    if (item.linked) {
      ops.push({ kind: 'linked', item });
      continue;
    }
    if (item.done && !input.settings.includeDone) {
      ops.push({ kind: 'done-in-doc', item });
      continue;
    }
    if (creates >= input.maxCreates) {
      ops.push({ kind: 'skipped', item, reason: `max-issues (${input.maxCreates}) reached` });
      continue;
    }
    creates++;
    ops.push({ kind: 'create', item, desired: input.desired(item, null) });
  }

  // Issues whose item left a document this run read in full.
  const inScope = new Set(input.documents);
  for (const issue of byKey.values()) {
    if (used.has(issue.number) || issue.state !== 'open' || !inScope.has(issue.marker!.path)) continue;
    const labelled = issue.labels.some((l) => l.toLowerCase() === input.settings.labels.removed.toLowerCase());
    if (labelled && !input.settings.closeRemoved) continue; // told once already
    ops.push({ kind: 'removed', issue, close: input.settings.closeRemoved });
  }
  return ops;
}

/** Labels for an item's issue, from the config's label names. */
export function labelsFor(item: PlannedItem, settings: IssueSettings): string[] {
  const l = settings.labels;
  const out = [l.base];
  const kind = item.kind === 'corrective' ? l.corrective : item.kind === 'preventative' ? l.preventative : l.other;
  if (kind) out.push(kind);
  if (l.priority && item.priority) out.push(l.priority.replace('{priority}', item.priority));
  if (l.severity && item.document.severity) out.push(l.severity.replace('{severity}', item.document.severity));
  return [...new Set(out.map((s) => s.slice(0, 50)))];
}
