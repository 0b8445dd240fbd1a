/**
 * Follow-up status of every action item, from ONE listing of the product's
 * own issues: an item's issue is found by the same identity rule the sync
 * planner uses (../identity.ts), one document at a time. Pure: the listing
 * is the adapter's job.
 */
import { itemKey } from '../markers.js';
import { dayOf, deadlineOf, type DuePolicy } from '../deadline.js';
import { documentKey, indexIssues, matchItems, type Identities, type IssueIndex as Issues, type TrackedIssue } from '../identity.js';
import { parentOf, type ParentIssue } from '../parents.js';
import type { CompactFile } from '../compact-file.js';
import { DAY_MS } from '../time/index.js';
import type { AuditFile, AuditItem, FollowUp, FollowUpStatus, TrackingIssue } from './types.js';

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
  /** Deadlines from priority (config `issues.due-by-priority`). */
  due?: DuePolicy | null;
  /** The product's tracking issues, with their sub-issue counts (config `issues.parent`). */
  parents?: Array<ParentIssue & { summary?: { total: number; completed: number } }>;
  /** Where an item without an issue would be filed ("owner/name"). */
  route?: (item: AuditFile['actionItems'][number] | CompactFile['file']['actionItems'][number], file: CompactFile) => string;
}

export const OFFLINE: IssueIndex = { online: false, issues: { byKey: new Map(), duplicates: [], unmarked: [], byRef: new Map() } };

export function indexFollowUps(issues: KnownIssue[], me: string | Identities, options: Omit<IssueIndex, 'online' | 'issues'> = {}): IssueIndex {
  return { online: true, issues: indexIssues(issues, typeof me === 'string' ? { self: me } : me, options.repository), ...options };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `deadline`: the item's deadline when known (its own date, or its priority's); by default its own due date. */
export function statusOf(item: { done: boolean; due: string | null }, issue: KnownIssue | null, online: boolean, today: string, deadline: string | null = item.due): FollowUpStatus {
  if (issue?.state === 'closed') return 'closed';
  if (item.done) return 'done-in-doc';
  if (!online) return 'unknown';
  if (!issue) return 'not-filed';
  return deadline && ISO_DATE.test(deadline) && deadline < today ? 'overdue' : 'open';
}

/** Whole days from `from` (ISO instant) to `now`; null when unknown. */
export function daysSince(from: string | null, now: Date): number | null {
  const t = from ? Date.parse(from) : NaN;
  return Number.isFinite(t) ? Math.max(0, Math.floor((now.getTime() - t) / DAY_MS)) : null;
}

/** A file's report entry with each item's follow-up status. */
export function auditFile(compact: CompactFile, index: IssueIndex, now: Date): AuditFile {
  const { file } = compact;
  const today = now.toISOString().slice(0, 10);
  // The document's key and the items' identities only match issues: an offline audit (no index, no parents) skips them.
  const doc = index.online || index.parents ? documentKey({ title: file.title, date: file.incident.date }) : null;
  const items = index.online
    ? file.actionItems.map((a, i) => ({
        key: itemKey({ path: file.path, id: a.id }), path: file.path, id: a.id, fingerprint: compact.fingerprints[i] ?? [], linked: a.issue, n: i + 1, ...(doc ? { doc } : {}),
      }))
    : [];
  const matched = index.online ? matchItems(items, index.issues, { documents: new Set([file.path]), exists: index.exists, repository: index.repository }).matched : new Map<string, KnownIssue>();
  const actionItems: AuditItem[] = file.actionItems.map((a, i) => {
    const issue = index.online ? (matched.get(items[i].key) ?? null) : null;
    // The merge is the day the item's issue was opened; an item without one has no deadline from its priority yet.
    const deadline = deadlineOf(a, { incident: file.incident.date, merged: dayOf(issue?.createdAt) }, index.due ?? null)?.date ?? null;
    // A linked issue the product did not open: its state would take one request per item, so it stays unknown.
    const status = !issue && a.issue && !a.done ? 'unknown' : statusOf(a, issue, index.online, today, deadline);
    const repository = issue ? (issue.repo ?? index.repository) : index.online ? (index.route?.(a, compact) ?? index.repository) : undefined;
    return {
      ...a,
      status,
      followUp: issue ? { number: issue.number, url: issue.url, state: issue.state, createdAt: issue.createdAt, closedAt: issue.closedAt } : null,
      ageDays: issue && (status === 'open' || status === 'overdue') ? daysSince(issue.createdAt, now) : null,
      ...(deadline ? { deadline } : {}),
      ...(repository ? { repository } : {}),
    };
  });
  const tracking = trackingOf({ path: file.path, ...(doc ? { doc } : {}) }, index);
  return { ...file, severity: compact.severity, actionItems, ...(tracking ? { tracking } : {}) };
}

/** A postmortem's tracking issue and GitHub's count of its sub-issues. */
function trackingOf(doc: { path: string; doc?: string }, index: IssueIndex): TrackingIssue | null {
  const parent = index.parents ? parentOf(doc, index.parents) : null;
  if (!parent) return null;
  return { number: parent.number, url: parent.url, state: parent.state, total: parent.summary?.total ?? 0, completed: parent.summary?.completed ?? 0 };
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
    ...(a.deadline ? { deadline: a.deadline } : {}),
    ...(a.repository ? { repository: a.repository } : {}),
  }));
}
