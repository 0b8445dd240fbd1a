/**
 * The sync plan: compare the action items the documents state with the
 * issues the product opened before, and list the operations that make
 * GitHub match. Pure and deterministic, so the plan a dry run prints is the
 * plan a real run applies. Which issue is which item's is the identity rule
 * of ./identity.ts; this file decides what to do about each pair:
 *
 * - a closed issue is never reopened and its item counts as done;
 * - an open issue follows its item (title, permalink, labels, assignees),
 *   but only in what the product itself set: a title, label or assignee a
 *   person changed stays as the person left it;
 * - an item the document marks done closes its issue, unless a person
 *   reopened that issue;
 * - an item removed from a document this run read (or whose document was
 *   deleted) is commented on and labelled, and closed only when the config
 *   says so; a renamed or moved document's items are not removed;
 * - an item whose issue is uncertain gets no issue until a person decides;
 * - of two issues for one item, the older one is kept and the newer one
 *   closed as a duplicate;
 * - a new issue is opened where the item's route leads (./routing.ts), or in
 *   the documents' repository when the token cannot write there; an issue
 *   that exists stays in its repository;
 * - an issue type (config `issues.type`) is set like a label: only where the
 *   product set it before, or the issue has none.
 */
import type { IssueSettings } from './config/resolve.js';
import { indexIssues, issueRef, matchItems, type Identities, type MatchedHow, type TrackedIssue } from './identity.js';
import { parseItemMarker, type ItemMarker } from './markers.js';
import type { PlannedItem } from './plan.js';

export type { TrackedIssue } from './identity.js';

export interface Desired {
  title: string;
  labels: string[];
  assignees: string[];
  /** The managed part of the body (between the markers), marker included. */
  managed: string;
  /** The issue type to set (config `issues.type`, where the repository has it). */
  type?: string;
}

/** Where a new issue is opened: another repository (the item's route), or here because that one refused the token. */
export interface Placement {
  /** "owner/name" of another repository; absent: the documents' own. */
  repo?: string;
  /** The repository the item's route named, which the token cannot write to (the issue is opened here instead). */
  refused?: string;
}

/** What an update writes: only what differs, and only what the product set before. */
export interface Edit {
  title?: string;
  body?: string;
  addLabels: string[];
  removeLabels: string[];
  addAssignees: string[];
  removeAssignees: string[];
  type?: string;
}

export type Operation =
  | { kind: 'create'; item: PlannedItem; desired: Desired; repo?: string; refused?: string }
  | { kind: 'update'; item: PlannedItem; issue: TrackedIssue; desired: Desired; edit: Edit; changes: Change[]; how: MatchedHow }
  | { kind: 'unchanged'; item: PlannedItem; issue: TrackedIssue }
  | { kind: 'close-done'; item: PlannedItem; issue: TrackedIssue }
  | { kind: 'closed'; item: PlannedItem; issue: TrackedIssue }
  | { kind: 'kept-open'; item: PlannedItem; issue: TrackedIssue }
  | { kind: 'done-in-doc'; item: PlannedItem }
  | { kind: 'linked'; item: PlannedItem; where?: string }
  | { kind: 'undecided'; item: PlannedItem; candidates: TrackedIssue[] }
  | { kind: 'skipped'; item: PlannedItem; reason: string }
  | { kind: 'removed'; issue: TrackedIssue; path: string; deleted: boolean; close: boolean }
  | { kind: 'duplicate'; issue: TrackedIssue; of: TrackedIssue; linked: boolean };

export interface SyncInput {
  items: PlannedItem[];
  /** Every issue the listings returned (the planner keeps only the product's own). */
  issues: TrackedIssue[];
  /** Who the product is: only its issues are trusted. */
  identities: Identities;
  /** Documents whose items this run knows in full (items missing from them were removed). */
  documents: string[];
  /** Documents this run's push or pull request deleted (or renamed away). */
  deleted?: string[];
  /** Old path → new path, from git's rename information. */
  renames?: ReadonlyMap<string, string>;
  /** Whether a document path still exists in the checkout. */
  exists?: (path: string) => boolean;
  /** "owner/name", to read issue URLs of this repository as references. */
  repository?: string;
  /** Where references to issues the listing does not hold lead (a transferred issue), by number. */
  located?: ReadonlyMap<number, string>;
  settings: IssueSettings;
  /** Most issues to create in this run. */
  maxCreates: number;
  /** Where each new issue goes (default: the documents' repository). */
  place?: (item: PlannedItem) => Placement;
  /** What an item's issue should look like; `repo` is where a new one is opened (absent: here). */
  desired: (item: PlannedItem, issue: TrackedIssue | null, repo?: string) => Desired;
  /** The body an issue would have with `managed` in place of its managed block. */
  mergeBody: (existing: string, managed: string) => string;
}

export type Change = 'title' | 'body' | 'labels' | 'assignees' | 'type';

const has = (list: readonly string[], value: string) => list.some((x) => x.toLowerCase() === value.toLowerCase());
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = a.map((s) => s.toLowerCase()).sort();
  const y = b.map((s) => s.toLowerCase()).sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

const ITEM_MARKER = /<!-- postmortem-governance:item \{[^<>]{1,8000}\} -->/g;

/**
 * Whether writing `next` over `body` would change anything but fields an
 * older marker did not have yet (so upgrading the product rewrites no issue).
 */
function bodyChanged(body: string, next: string, before: ItemMarker | null): boolean {
  if (body === next) return false;
  if (body.replace(ITEM_MARKER, '') !== next.replace(ITEM_MARKER, '')) return true;
  const after = parseItemMarker(next);
  if (!before || !after) return true;
  if (before.path !== after.path || before.id !== after.id || !sameSet(before.words, after.words)) return true;
  const differs = <K extends keyof ItemMarker>(k: K, eq: (a: NonNullable<ItemMarker[K]>, b: NonNullable<ItemMarker[K]>) => boolean) =>
    before[k] !== undefined && (after[k] === undefined || !eq(before[k]!, after[k]!));
  // The type and board values are recorded as soon as the config asks for them, so later runs can tell a person's change.
  const recorded = <K extends 'type' | 'board'>(k: K) => after[k] !== undefined && JSON.stringify(before[k]) !== JSON.stringify(after[k]);
  return (
    differs('labels', sameSet) || differs('assignees', sameSet) || differs('title', (a, b) => a === b) || differs('n', (a, b) => a === b) || differs('doc', (a, b) => a === b) || differs('by', (a, b) => a === b) ||
    differs('src', (a, b) => a === b) || recorded('type') || recorded('board')
  );
}

/**
 * The type to set, if any: the desired one when the issue has none and the
 * product never set one, or when the issue still has the type the product
 * set (the item's kind changed). A type a person chose or cleared stays.
 */
function typeEdit(issue: TrackedIssue, desired: Desired): string | undefined {
  const want = desired.type;
  const now = issue.type ?? null;
  if (!want || (now !== null && now.toLowerCase() === want.toLowerCase())) return undefined;
  const set = issue.marker?.type;
  if (set === undefined) return now === null ? want : undefined;
  return now !== null && now.toLowerCase() === set.toLowerCase() ? want : undefined;
}

/** The update that makes an issue follow its item, touching only what the product set. */
export function planUpdate(item: PlannedItem, issue: TrackedIssue, desired: Desired, mergeBody: SyncInput['mergeBody']): { edit: Edit; changes: Change[] } {
  const m = issue.marker;
  // A title the product set is the marker's; an older marker has none, and then the title follows only a change of the item's words.
  const titleIsOurs = m?.title !== undefined ? issue.title === m.title : m !== null && !sameSet(item.fingerprint, m.words);
  const setLabels = m?.labels ?? desired.labels;
  const setAssignees = m?.assignees ?? desired.assignees;
  const edit: Edit = {
    addLabels: desired.labels.filter((l) => !has(setLabels, l) && !has(issue.labels, l)),
    removeLabels: setLabels.filter((l) => !has(desired.labels, l) && has(issue.labels, l)),
    addAssignees: desired.assignees.filter((a) => !has(setAssignees, a) && !has(issue.assignees, a)),
    removeAssignees: setAssignees.filter((a) => !has(desired.assignees, a) && has(issue.assignees, a)),
  };
  if (titleIsOurs && desired.title !== issue.title) edit.title = desired.title;
  const body = mergeBody(issue.body, desired.managed);
  if (bodyChanged(issue.body, body, m)) edit.body = body;
  const type = typeEdit(issue, desired);
  if (type !== undefined) edit.type = type;
  const changes: Change[] = [];
  if (edit.title !== undefined) changes.push('title');
  if (edit.body !== undefined) changes.push('body');
  if (edit.addLabels.length + edit.removeLabels.length > 0) changes.push('labels');
  if (edit.addAssignees.length + edit.removeAssignees.length > 0) changes.push('assignees');
  if (edit.type !== undefined) changes.push('type');
  return { edit, changes };
}

export function planSync(input: SyncInput): Operation[] {
  const ops: Operation[] = [];
  const documents = new Set(input.documents);
  const index = indexIssues(input.issues, input.identities, input.repository);
  const match = matchItems(input.items, index, { documents, renames: input.renames, exists: input.exists, repository: input.repository });
  for (const d of index.duplicates) ops.push({ kind: 'duplicate', issue: d.issue, of: d.of, linked: false });
  for (const d of match.superseded) if (d.issue.state === 'open') ops.push({ kind: 'duplicate', issue: d.issue, of: d.of, linked: true });
  const used = new Set([...match.matched.values(), ...match.superseded.map((d) => d.issue)].map(issueRef));

  let creates = 0;
  for (const item of input.items) {
    const issue = match.matched.get(item.key);
    if (issue) {
      if (issue.state === 'closed') ops.push({ kind: 'closed', item, issue });
      else if (item.done && input.settings.closeDone) ops.push(issue.stateReason === 'reopened' ? { kind: 'kept-open', item, issue } : { kind: 'close-done', item, issue });
      else {
        const desired = input.desired(item, issue);
        const { edit, changes } = planUpdate(item, issue, desired, input.mergeBody);
        ops.push(changes.length > 0 ? { kind: 'update', item, issue, desired, edit, changes, how: match.how.get(item.key)! } : { kind: 'unchanged', item, issue });
      }
      continue;
    }
    const candidates = match.undecided.get(item.key);
    if (candidates) ops.push({ kind: 'undecided', item, candidates });
    else if (item.linked) ops.push({ kind: 'linked', item, where: located(item.linked, input) });
    else if (item.done && !input.settings.includeDone) ops.push({ kind: 'done-in-doc', item });
    else if (creates >= input.maxCreates) ops.push({ kind: 'skipped', item, reason: `max-issues (${input.maxCreates}) reached` });
    else {
      creates++;
      const place = input.place?.(item) ?? {};
      ops.push({ kind: 'create', item, desired: input.desired(item, null, place.repo), ...place });
    }
  }

  // Issues whose item left a document this run read, or whose document was deleted.
  const deleted = new Set(input.deleted ?? []);
  for (const issue of index.byKey.values()) {
    if (used.has(issueRef(issue)) || match.held.has(issueRef(issue)) || issue.state !== 'open') continue;
    const path = match.pathOf(issue);
    const gone = path === issue.marker!.path && deleted.has(path);
    if (!documents.has(path) && !gone) continue;
    const labelled = has(issue.labels, input.settings.labels.removed);
    if (labelled && !input.settings.closeRemoved) continue; // told once already
    ops.push({ kind: 'removed', issue, path, deleted: gone, close: input.settings.closeRemoved });
  }
  return ops;
}

function located(ref: string, input: SyncInput): string | undefined {
  const number = /^#(\d{1,9})$/.exec(ref)?.[1];
  return number ? input.located?.get(Number(number)) : undefined;
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
