/**
 * The audit's data: the JSON report's files, extended additively with each
 * postmortem's severity and each action item's follow-up status, and the
 * `audit` block (follow-ups and metrics). Everything here is plain JSON, so
 * a report read back from disk (`postmortem merge`) is the same data.
 */
import type { JsonReport, ReportFile } from '../report.js';

/**
 * Where an action item's follow-up stands:
 * - `open` / `overdue`: its issue is open (overdue: past the item's deadline, its own due date or the one its priority gives);
 * - `closed`: its issue is closed (the work is done);
 * - `done-in-doc`: the document marks the item done;
 * - `not-filed`: no issue tracks it yet;
 * - `unknown`: the audit ran offline, or the document links an issue the product did not open.
 */
export type FollowUpStatus = 'open' | 'closed' | 'overdue' | 'not-filed' | 'done-in-doc' | 'unknown';

export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['open', 'overdue', 'closed', 'done-in-doc', 'not-filed', 'unknown'];

/** The issue that tracks an item. */
export interface FollowUpIssue {
  number: number;
  url: string;
  state: 'open' | 'closed';
  createdAt: string | null;
  closedAt: string | null;
}

export type ReportItem = ReportFile['actionItems'][number];

export interface AuditItem extends ReportItem {
  status: FollowUpStatus;
  followUp: FollowUpIssue | null;
  /** Whole days the issue has been open (open and overdue items), else null. */
  ageDays: number | null;
  /** The deadline (YYYY-MM-DD): the item's own due date, or the one its priority gives (config `issues.due-by-priority`). */
  deadline?: string | null;
  /** The repository its issue is in, or would be filed in ("owner/name"); absent offline. */
  repository?: string;
}

/** A postmortem's tracking issue (config `issues.parent`), with GitHub's count of its sub-issues. */
export interface TrackingIssue {
  number: number;
  url: string;
  state: 'open' | 'closed';
  /** Sub-issues, closed ones included, and how many are closed. */
  total: number;
  completed: number;
}

export interface AuditFile extends ReportFile {
  /** Front matter `severity`, as written. */
  severity: string | null;
  actionItems: AuditItem[];
  /** Its tracking issue, when it has one. */
  tracking?: TrackingIssue | null;
}

/** One follow-up, flat, for the `audit.followUps` list. */
export interface FollowUp {
  key: string;
  path: string;
  line: number;
  title: string;
  owner: string | null;
  due: string | null;
  status: FollowUpStatus;
  issue: number | null;
  url: string | null;
  createdAt: string | null;
  closedAt: string | null;
  ageDays: number | null;
  /** The deadline (see AuditItem). */
  deadline?: string | null;
  /** Where its issue is, or would be filed ("owner/name"). */
  repository?: string;
}

export interface AuditMetrics {
  compliance: {
    files: number;
    /** Files without findings at error severity. */
    compliant: number;
    errors: number;
    warnings: number;
    byRule: Record<string, { errors: number; warnings: number }>;
  };
  incidentsPerMonth: Array<{ month: string; total: number; bySeverity: Record<string, number> }>;
  /** Postmortems without an incident date (not in incidentsPerMonth). */
  undated: number;
  timeToResolve: { count: number; meanMinutes: number | null; medianMinutes: number | null };
  followUps: {
    total: number;
    byStatus: Record<FollowUpStatus, number>;
    /** (closed + done-in-doc) / items whose status is known; null when no status came from issues (offline). */
    completionRate: number | null;
    /** Status counts per repository the issues are (or would be) in. */
    byRepository?: Record<string, Record<FollowUpStatus, number>>;
  };
  daysToClose: { count: number; median: number | null };
  oldestOpen: FollowUp[];
  mostFindings: Array<{ path: string; title: string | null; errors: number; warnings: number }>;
}

export interface AuditSection {
  generatedAt: string;
  /** OWNER/NAME whose issues gave the follow-up status; null offline. */
  repository: string | null;
  online: boolean;
  /** The part of the corpus this report covers (`--shard`); absent for a whole run. */
  shard?: { index: number; count: number };
  followUps: FollowUp[];
  metrics: AuditMetrics;
}

export interface AuditReport extends JsonReport {
  files: AuditFile[];
  audit: AuditSection;
}
