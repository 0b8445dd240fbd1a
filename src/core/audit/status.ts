/**
 * Follow-up status of every action item, from ONE listing of the product's
 * own issues: an item's issue is found by the same identity rule the sync
 * planner uses (marker key, then title-word overlap within the document; see
 * `matchItems` in ../sync.ts). Pure: the listing is the adapter's job.
 */
import { itemKey } from '../markers.js';
import { indexIssues, matchItems, type TrackedIssue } from '../sync.js';
import type { CompactFile } from './compact.js';
import type { AuditFile, AuditItem, FollowUp, FollowUpStatus } from './types.js';

/** A tracked issue with the dates the audit needs. */
export interface KnownIssue extends TrackedIssue {
  createdAt: string | null;
  closedAt: string | null;
}

export interface IssueIndex {
  /** false offline (no token or no repository): every status that needs GitHub is `unknown`. */
  online: boolean;
  /** Trusted issues (the product's own, one per item key), by document path, then by item key. */
  byPath: Map<string, Map<string, KnownIssue>>;
  /** The same issues by number, for items whose document links their issue (`#12`). */
  byNumber: Map<number, KnownIssue>;
}

export const OFFLINE: IssueIndex = { online: false, byPath: new Map(), byNumber: new Map() };

export function indexFollowUps(issues: KnownIssue[], me: string): IssueIndex {
  const { byKey } = indexIssues(issues, me);
  const byPath = new Map<string, Map<string, KnownIssue>>();
  const byNumber = new Map<number, KnownIssue>();
  for (const [key, issue] of byKey as Map<string, KnownIssue>) {
    const path = issue.marker!.path;
    let forPath = byPath.get(path);
    if (!forPath) byPath.set(path, (forPath = new Map()));
    forPath.set(key, issue);
    byNumber.set(issue.number, issue);
  }
  return { online: true, byPath, byNumber };
}

const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The issue number a document's link names: "#12" or ".../issues/12". */
function linkedNumber(link: string | null): number | null {
  if (!link) return null;
  const hash = /^#(\d{1,9})$/.exec(link);
  if (hash) return Number(hash[1]);
  const url = link.split('#')[0].split('?')[0];
  const at = url.lastIndexOf('/issues/');
  const tail = at === -1 ? '' : url.slice(at + 8);
  return /^\d{1,9}$/.test(tail) ? Number(tail) : null;
}

export function statusOf(item: { done: boolean; due: string | null }, issue: KnownIssue | null, online: boolean, today: string): FollowUpStatus {
  if (issue?.state === 'closed') return 'closed';
  if (item.done) return 'done-in-doc';
  if (!online) return 'unknown';
  if (!issue) return 'not-filed';
  return item.due && ISO_DATE.test(item.due) && item.due < today ? 'overdue' : 'open';
}

/** Whole days from `from` (ISO instant) to `now`; null when unknown. */
export function daysSince(from: string | null, now: Date): number | null {
  const t = from ? Date.parse(from) : NaN;
  return Number.isFinite(t) ? Math.max(0, Math.floor((now.getTime() - t) / DAY)) : null;
}

/** A file's report entry with each item's follow-up status. */
export function auditFile(compact: CompactFile, index: IssueIndex, now: Date): AuditFile {
  const { file } = compact;
  const today = now.toISOString().slice(0, 10);
  const items = file.actionItems.map((a, i) => ({ key: itemKey({ path: file.path, id: a.id }), path: file.path, fingerprint: compact.fingerprints[i] ?? [] }));
  const matched = index.online ? matchItems(items, index.byPath.get(file.path) ?? new Map()) : new Map<string, KnownIssue>();
  const actionItems: AuditItem[] = file.actionItems.map((a, i) => {
    let issue = (matched.get(items[i].key) as KnownIssue | undefined) ?? null;
    const linked = linkedNumber(a.issue);
    if (!issue && linked !== null) issue = index.byNumber.get(linked) ?? null;
    // A linked issue the product did not open: its state would take one request per item, so it stays unknown.
    const status = !issue && linked !== null && !a.done ? 'unknown' : statusOf(a, issue, index.online, today);
    return {
      ...a,
      status,
      followUp: issue ? { number: issue.number, url: issue.url, state: issue.state, createdAt: issue.createdAt, closedAt: issue.closedAt } : null,
      ageDays: issue && (status === 'open' || status === 'overdue') ? daysSince(issue.createdAt, now) : null,
    };
  });
  return { ...file, severity: compact.severity, actionItems };
}

export function followUpsOf(file: AuditFile): FollowUp[] {
  return file.actionItems.map((a) => ({
    key: itemKey({ path: file.path, id: a.id }),
    path: file.path,
    line: a.line,
    title: a.title,
    owner: a.owner,
    due: a.due,
    status: a.status,
    issue: a.followUp?.number ?? null,
    url: a.followUp?.url ?? null,
    createdAt: a.followUp?.createdAt ?? null,
    closedAt: a.followUp?.closedAt ?? null,
    ageDays: a.ageDays,
  }));
}
