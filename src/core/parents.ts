/**
 * The tracking issue of a postmortem (config `issues.parent`): one parent
 * issue per document, whose sub-issues are the document's action-item
 * issues, so GitHub's progress bar shows how many of the incident's
 * measures are done. Pure: which parent is whose, and what to do about it.
 *
 * - A parent is found by its marker: the document's path (followed through
 *   renames) or the document's identity. Of two, the oldest wins.
 * - Each item issue is attached once. The parent's marker records what the
 *   action attached (as an item's marker records the labels it set): a
 *   recorded child that is no longer attached was detached by a person, and
 *   stays detached. A child under another parent is a person's choice too.
 * - GitHub allows 100 sub-issues per parent, closed ones counting: past
 *   that, the rest are listed in the parent's body and reported, not attached.
 * - Sub-issues must belong to the parent's owner: items filed under another
 *   owner are linked from the body only.
 * - The parent is closed only when the config says so and every measure is
 *   done; a sub-issue is never closed from here, and a parent a person
 *   reopened stays open.
 */
import { NAMED_ISSUE_REF, openedByProduct, type Identities, type TrackedIssue } from './identity.js';
import { parseParentMarker, type ParentMarker } from './markers.js';
import type { PlannedDocument, PlannedItem } from './plan.js';

/** GitHub's limit of sub-issues per parent (closed ones count). */
export const SUB_ISSUE_LIMIT = 100;

/** An item's issue, as a parent sees it. */
export interface ChildIssue {
  /** "#12" in the parent's repository, "owner/name#12" elsewhere: how the parent's body and marker name it. */
  ref: string;
  number: number;
  /** The issue's database id (the sub-issues API takes it, not the number), when known. */
  id?: number;
  /** "owner/name". */
  repo: string;
  state: 'open' | 'closed';
  url: string;
  /** The API URL of the issue's parent: undefined when unknown, null when it has none. */
  parentUrl?: string | null;
}

export interface ParentIssue extends TrackedIssue {
  parentMarker: ParentMarker;
  /** The API URL of the issue (its sub-issues' `parent_issue_url`). */
  apiUrl?: string;
}

export interface DocumentChildren {
  doc: PlannedDocument;
  /** Each item of the document with its issue (null: none yet, or only in a dry run). */
  children: Array<{ item: PlannedItem; issue: ChildIssue | null }>;
}

export interface DesiredParent {
  title: string;
  labels: string[];
  /** The managed block, marker included, for a given record of attached children. */
  managed(record: string[], previous: TrackedIssue | null): string;
}

export type ParentPlan =
  | { kind: 'create'; doc: PlannedDocument; title: string; labels: string[]; attach: ChildIssue[]; overLimit: ChildIssue[]; elsewhere: ChildIssue[] }
  | {
      kind: 'existing';
      doc: PlannedDocument;
      parent: ParentIssue;
      attach: ChildIssue[];
      /** Children recorded as attached by the action that a person detached: left alone. */
      detached: string[];
      /** Children under another parent (a person's choice): left alone. */
      elsewhere: ChildIssue[];
      overLimit: ChildIssue[];
      /** What the marker records once `attach` is done. */
      record: string[];
      title?: string;
      close: boolean;
    };

/** The product's parent issues among a listing: its own, with a parent marker. */
export function parentsAmong(issues: readonly TrackedIssue[], ids: Identities): ParentIssue[] {
  const out: ParentIssue[] = [];
  for (const issue of issues) {
    const parentMarker = parseParentMarker(issue.body);
    if (parentMarker && openedByProduct({ author: issue.author, association: issue.association, marker: { by: parentMarker.by } as never }, ids)) out.push({ ...issue, parentMarker });
  }
  return out.sort((a, b) => a.number - b.number);
}

/** The repositories whose issues the tracking issues link ("owner/name#12"), so their items' issues are found there even after a route changed. */
export function linkedRepositories(parents: readonly ParentIssue[]): string[] {
  const out = new Map<string, string>();
  for (const p of parents) for (const ref of p.parentMarker.children) {
    const repo = NAMED_ISSUE_REF.exec(ref)?.[1];
    if (repo) out.set(repo.toLowerCase(), repo);
  }
  return [...out.values()];
}

/** The parent of a document: by path (after renames), else by the document's identity; the oldest wins. */
export function parentOf<T extends ParentIssue>(doc: Pick<PlannedDocument, 'path' | 'doc'>, parents: readonly T[], moved: ReadonlyMap<string, string> = new Map()): T | null {
  const pathOf = (p: T) => moved.get(p.parentMarker.path) ?? p.parentMarker.path;
  return parents.find((p) => pathOf(p) === doc.path) ?? (doc.doc ? parents.find((p) => p.parentMarker.doc === doc.doc) : undefined) ?? null;
}

/** The ref of an issue as the parent names it: "#12" in the parent's repository, "owner/name#12" elsewhere. */
export function childRef(repo: string, number: number, parentRepo: string): string {
  return repo.toLowerCase() === parentRepo.toLowerCase() ? `#${number}` : `${repo}#${number}`;
}

const ownerOf = (repo: string) => repo.split('/')[0].toLowerCase();

export interface ParentInput {
  documents: DocumentChildren[];
  parents: ParentIssue[];
  /** "owner/name" of the documents' repository, where parents live. */
  home: string;
  /** Refs of the sub-issues attached to each existing parent now (by parent number); absent: none listed. */
  attached: ReadonlyMap<number, ReadonlySet<string>>;
  /** How many sub-issues each existing parent has, closed ones included. */
  counts: ReadonlyMap<number, number>;
  closeParent: boolean;
  moved?: ReadonlyMap<string, string>;
  title(doc: PlannedDocument): string;
  labels: string[];
}

/** What to do about each document's parent. */
export function planParents(input: ParentInput): ParentPlan[] {
  const plans: ParentPlan[] = [];
  const used = new Set<number>();
  for (const { doc, children } of input.documents) {
    const filed = children.map((c) => c.issue).filter((c): c is ChildIssue => c !== null);
    const parent = parentOf(doc, input.parents.filter((p) => !used.has(p.number)), input.moved);
    const sameOwner = (c: ChildIssue) => ownerOf(c.repo) === ownerOf(input.home);
    if (!parent) {
      // A parent is worth opening once a measure has an issue (or will have one in this run).
      if (children.every((c) => c.issue === null && (c.item.done || c.item.linked))) continue;
      const attachable = filed.filter(sameOwner).filter((c) => c.id !== undefined && !c.parentUrl);
      plans.push({
        kind: 'create', doc, title: input.title(doc), labels: input.labels,
        attach: attachable.slice(0, SUB_ISSUE_LIMIT), overLimit: attachable.slice(SUB_ISSUE_LIMIT), elsewhere: filed.filter((c) => !sameOwner(c) || !!c.parentUrl),
      });
      continue;
    }
    used.add(parent.number);
    const recorded = new Set(parent.parentMarker.children);
    const attached = input.attached.get(parent.number) ?? new Set<string>();
    const ours = (c: ChildIssue) => !c.parentUrl || (parent.apiUrl !== undefined && c.parentUrl === parent.apiUrl);
    const candidates = filed.filter((c) => sameOwner(c) && c.id !== undefined && !attached.has(c.ref) && !recorded.has(c.ref));
    const room = Math.max(0, SUB_ISSUE_LIMIT - (input.counts.get(parent.number) ?? attached.size));
    const free = candidates.filter(ours);
    const attach = free.slice(0, room);
    const record = [...new Set([...parent.parentMarker.children, ...filed.filter((c) => attached.has(c.ref)).map((c) => c.ref), ...attach.map((c) => c.ref)])];
    const done = children.length > 0 && children.every((c) => c.item.done || c.issue?.state === 'closed');
    plans.push({
      kind: 'existing', doc, parent, attach,
      detached: [...recorded].filter((r) => !attached.has(r) && filed.some((c) => c.ref === r)),
      elsewhere: [...filed.filter((c) => !sameOwner(c)), ...candidates.filter((c) => !ours(c))],
      overLimit: free.slice(room),
      record,
      ...(titleIsOurs(parent) ? { title: input.title(doc) } : {}),
      close: input.closeParent && done && parent.state === 'open' && parent.stateReason !== 'reopened',
    });
  }
  return plans;
}

/** A title the product set follows the document; one a person changed stays. */
function titleIsOurs(parent: ParentIssue): boolean {
  return parent.parentMarker.title === undefined || parent.parentMarker.title === parent.title;
}
