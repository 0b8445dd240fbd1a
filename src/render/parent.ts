/**
 * The tracking issue of a postmortem: its title, and the managed block of
 * its body (the incident's facts, a permalink to the document, a short list
 * of the measures with their issues and deadlines, and the hidden marker
 * that identifies it and records which sub-issues the action attached).
 * Everything from the document is escaped.
 */
import type { Deadline } from '../core/deadline.js';
import { MANAGED_END, MANAGED_START, renderParentMarker, type ParentMarker } from '../core/markers.js';
import type { PlannedDocument, PlannedItem } from '../core/plan.js';
import { duration } from './audit.js';
import { code, md } from './escape.js';
import { issueTitle, TITLE_LIMIT } from './issue.js';
import { documentLink, type LinkBase } from './links.js';

/** How many measures the body lists; the sub-issues list has them all. */
export const LISTED_MEASURES = 50;

export function parentTitle(doc: Pick<PlannedDocument, 'title' | 'path' | 'date'>): string {
  const name = (doc.title ?? doc.path).replace(/\s+/g, ' ').trim();
  const title = `Postmortem follow-ups: ${name}${doc.date && !name.includes(doc.date) ? ` (${doc.date})` : ''}`;
  return title.length > TITLE_LIMIT ? title.slice(0, TITLE_LIMIT - 1) + '…' : title;
}

export interface ParentRow {
  item: PlannedItem;
  /** "#12" or "owner/name#12"; null while the item has no issue. */
  ref: string | null;
  deadline: Deadline | null;
}

function measureRow(row: ParentRow): string {
  const where = row.ref ?? (row.item.done ? 'done in the postmortem' : row.item.linked ? md(row.item.linked, 120) : 'not filed yet');
  return `| ${md(issueTitle(row.item), 150)} | ${row.item.kind} | ${row.deadline ? row.deadline.date : row.item.due ? md(row.item.due, 40) : '—'} | ${where} |`;
}

export function parentManaged(doc: PlannedDocument, rows: ParentRow[], link: LinkBase, marker: Omit<ParentMarker, 'path' | 'doc'>): string {
  const kinds = ['corrective', 'preventative', 'other']
    .map((k) => [k, doc.items.filter((i) => i.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`);
  const incident = [doc.date, doc.severity ? md(doc.severity, 20) : null].filter(Boolean).join(' · ') || 'not stated';
  const listed = rows.slice(0, LISTED_MEASURES);
  return [
    MANAGED_START,
    `Follow-ups of the postmortem **${doc.title ? md(doc.title, 200) : code(doc.path)}**: each measure's issue is a sub-issue of this one.`,
    '',
    `- **Incident:** ${incident}`,
    `- **Duration:** ${doc.minutes !== null ? duration(doc.minutes) : 'not stated'}`,
    `- **Postmortem:** [${md(doc.path, 200)}](${documentLink(link, doc.path)})`,
    `- **Measures:** ${doc.items.length}${kinds.length ? ` (${kinds.join(', ')})` : ''}`,
    '',
    '| Measure | Kind | Due | Issue |',
    '| --- | --- | --- | --- |',
    ...listed.map(measureRow),
    ...(rows.length > listed.length ? ['', `…and ${rows.length - listed.length} more measures (see the sub-issues).`] : []),
    '',
    '<sub>Opened by postmortem-governance. Edit the postmortem to change this issue; text outside this block is yours and is kept. A sub-issue you detach stays detached.</sub>',
    renderParentMarker({ path: doc.path, ...(doc.doc ? { doc: doc.doc } : {}), ...marker }),
    MANAGED_END,
  ].join('\n');
}
