/**
 * Follow-up status of every action item, from ONE listing of the product's
 * own issues: an item's issue is found by the same identity rule the sync
 * planner uses (../identity.ts), one document at a time. Pure: the listing
 * is the adapter's job.
 */
import { itemKey } from '../markers.js';
import { documentKey, indexIssues, matchItems, type Identities, type IssueIndex as Issues, type TrackedIssue } from '../identity.js';
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
  /** The product's issues, indexed for the identity rule. */
  issues: Issues<KnownIssue>;
  /** Whether a postmortem path exists (the audit's file list), to follow renamed documents. */
  exists?: (path: string) => boolean;
  repository?: string;
}

export const OFFLINE: IssueIndex = { online: false, issues: { byKey: new Map(), duplicates: [], unmarked: [], byNumber: new Map() } };

export function indexFollowUps(issues: KnownIssue[], me: string | Identities, options: Pick<IssueIndex, 'exists' | 'repository'> = {}): IssueIndex {
  return { online: true, issues: indexIssues(issues, typeof me === 'string' ? { self: me } : me), ...options };
}

const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  const doc = documentKey({ title: file.title, date: file.incident.date });
  const items = file.actionItems.map((a, i) => ({
    key: itemKey({ path: file.path, id: a.id }), path: file.path, id: a.id, fingerprint: compact.fingerprints[i] ?? [], linked: a.issue, n: i + 1, ...(doc ? { doc } : {}),
  }));
  const matched = index.online ? matchItems(items, index.issues, { documents: new Set([file.path]), exists: index.exists, repository: index.repository }).matched : new Map<string, KnownIssue>();
  const actionItems: AuditItem[] = file.actionItems.map((a, i) => {
    const issue = matched.get(items[i].key) ?? null;
    // A linked issue the product did not open: its state would take one request per item, so it stays unknown.
    const status = !issue && a.issue && !a.done ? 'unknown' : statusOf(a, issue, index.online, today);
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
