/**
 * An action item's deadline: the date the document states, or else the one
 * its priority gives (config `issues.due-by-priority`, counted from the
 * incident or from the merge). Pure: the sync, the PR preview, the audit
 * and the `action-item-due-limit` rule all ask this one function, so they
 * cannot disagree about when an item is due.
 */
import { addDays } from './model/when.js';

export type DueFrom = 'incident' | 'merge';

export interface DuePolicy {
  /** Days allowed per priority, keyed by the priority as written in the config, lower-cased ("p0", "high"). */
  days: ReadonlyMap<string, number>;
  from: DueFrom;
}

export interface Deadline {
  /** YYYY-MM-DD. */
  date: string;
  /** Where it comes from: the document's own date, or the priority table. */
  source: 'document' | 'priority';
  /** For a date from the priority table: the priority and its days. */
  priority?: string;
  days?: number;
  from?: DueFrom;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SPAN = /^(\d{1,4})\s{0,2}(d|days?|w|weeks?)$/i;

/** "7d", "4w", "28 days", or a number of days: the days, or null for anything else. */
export function parseDays(value: string | number): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : null;
  const m = SPAN.exec(value.trim());
  if (!m) return null;
  return Number(m[1]) * (m[2].toLowerCase().startsWith('w') ? 7 : 1);
}

/** The days the policy allows an item of this priority ("P1", "p1", "High" all find "p1"/"high"), or null. */
export function daysFor(priority: string | null | undefined, policy: DuePolicy | null): number | null {
  if (!priority || !policy) return null;
  return policy.days.get(priority.trim().toLowerCase()) ?? null;
}

/** Whether an item states a calendar date of its own (a due written as text, "next sprint", is not one). */
export function statedDate(due: string | null | undefined): string | null {
  return due && ISO_DATE.test(due) ? due : null;
}

export interface DeadlineFacts {
  /** The incident's date (YYYY-MM-DD), when the document states it. */
  incident: string | null;
  /** The day the merge opened the item's issue: its creation date, or today for an item not filed yet. */
  merged: string | null;
}

/**
 * The item's deadline. An explicit date in the document wins; an item with
 * a due written as text keeps it and gets none from its priority (the
 * document said when, in its own words).
 */
export function deadlineOf(item: { due: string | null; priority: string | null }, facts: DeadlineFacts, policy: DuePolicy | null): Deadline | null {
  const stated = statedDate(item.due);
  if (stated) return { date: stated, source: 'document' };
  if (item.due) return null;
  const days = daysFor(item.priority, policy);
  const base = policy?.from === 'merge' ? facts.merged : facts.incident;
  if (days === null || !base || !ISO_DATE.test(base)) return null;
  return { date: addDays(base, days), source: 'priority', priority: item.priority!, days, from: policy!.from };
}

/** "P0: 7 days after the incident". */
export function explainDeadline(deadline: Deadline): string {
  if (deadline.source === 'document') return 'as the postmortem states';
  return `${deadline.priority}: ${deadline.days} day${deadline.days === 1 ? '' : 's'} after the ${deadline.from === 'merge' ? 'merge' : 'incident'}`;
}

/** The latest date the policy allows an item of this priority, counted from `base`; null without a rule for it. */
export function latestAllowed(priority: string | null, base: string | null, policy: DuePolicy | null): { date: string; days: number } | null {
  const days = daysFor(priority, policy);
  if (days === null || !base || !ISO_DATE.test(base)) return null;
  return { date: addDays(base, days), days };
}

/** A date (YYYY-MM-DD) of an ISO instant, or null. */
export function dayOf(instant: string | null | undefined): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(instant ?? '');
  return m ? m[1] : null;
}

/** An action item's deadline in the sync, the preview and the board: the merge is its issue's creation day, or today before it has one. */
export function itemDeadline(
  item: { due: string | null; priority: string | null; document: { date: string | null } },
  issueCreatedAt: string | null | undefined,
  today: string,
  policy: DuePolicy | null,
): Deadline | null {
  return deadlineOf(item, { incident: item.document.date, merged: dayOf(issueCreatedAt) ?? today }, policy);
}
