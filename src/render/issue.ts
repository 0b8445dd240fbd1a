/**
 * The body of an action-item issue: what the item is, where it comes from
 * (a permalink to its exact line), who owns it, and the hidden marker that
 * identifies it. Everything from the document is escaped.
 */
import type { IssueSettings } from '../core/config/resolve.js';
import { explainDeadline, type Deadline } from '../core/deadline.js';
import { MANAGED_END, MANAGED_START, renderItemMarker, type ItemMarker } from '../core/markers.js';
import type { PlannedItem } from '../core/plan.js';
import { labelsFor, type Desired, type TrackedIssue } from '../core/sync.js';
import { MENTION_IN_TEXT } from '../core/logins.js';
import { code, login, md } from './escape.js';
import { lineLink, type LinkBase } from './links.js';

/** GitHub's limit on an issue title. */
export const TITLE_LIMIT = 256;

const TRAILING_MENTIONS = new RegExp(`(?:\\s[-–—:,(]{0,2}\\s{0,2}${MENTION_IN_TEXT}\\)?)+$`);

export function issueTitle(item: PlannedItem): string {
  // A trailing owner mention ("… @dana") belongs in the assignee, not the title.
  const title = item.title.replace(/\s+/g, ' ').replace(TRAILING_MENTIONS, '').trim() || `Action item ${item.id}`;
  return title.length > TITLE_LIMIT ? title.slice(0, TITLE_LIMIT - 1) + '…' : title;
}

/** Characters of an item's description quoted in its issue: a summary of it (the permalink shows the rest). */
const DETAILS_LIMIT = 2000;

export interface BodyOptions {
  link: LinkBase;
  /** Whether the owner could be assigned (otherwise they are named, not pinged). */
  ownerAssignable: boolean;
  /** What the marker records besides the item's identity: who wrote it, and the title, labels and assignees the product set. */
  record?: Omit<ItemMarker, 'path' | 'id' | 'words'>;
  /** The item's deadline (its own date, or one from its priority). */
  deadline?: Deadline | null;
}

/** The Due line: the document's date, a date from the priority table and why, or the due as written. */
export function dueText(item: Pick<PlannedItem, 'due'>, deadline: Deadline | null | undefined): string {
  if (deadline?.source === 'priority') return `${deadline.date} (${md(explainDeadline(deadline), 80)})`;
  if (deadline) return deadline.date;
  return item.due ? md(item.due, 40) : 'not stated';
}

export function managedBody(item: PlannedItem, options: BodyOptions): string {
  const permalink = lineLink(options.link, item.path, item.line);
  const doc = item.document.title ? md(item.document.title, 200) : code(item.path);
  const owner = item.owner
    ? `${login(item.owner)}${options.ownerAssignable ? '' : ' (named here, not assigned: GitHub cannot assign this login)'}`
    : 'not stated';
  const incident = [item.document.date, item.document.severity ? md(item.document.severity, 20) : null].filter(Boolean).join(' · ') || 'not stated';
  const rows = [
    ['Kind', item.kind],
    ['Owner', owner],
    ['Due', dueText(item, options.deadline)],
    ['Priority', item.priority ? md(item.priority, 20) : 'not stated'],
    ['Incident', incident],
    ['Source', `[${md(item.path, 200)}#L${item.line}](${permalink})`],
  ];
  return [
    MANAGED_START,
    `An action item from the postmortem **${doc}**.`,
    '',
    `> ${md(item.title, 1000)}`,
    // Only when there is more than the title: the body of an item without details stays as it was.
    ...(item.details ? ['>', `> ${md(item.details, DETAILS_LIMIT)}`] : []),
    '',
    ...rows.map(([k, v]) => `- **${k}:** ${v}`),
    '',
    '<sub>Opened by postmortem-governance. Edit the item in the postmortem to change this issue; text outside this block is yours and is kept.</sub>',
    renderItemMarker({ path: item.path, id: item.id, words: item.fingerprint, ...options.record, n: item.n, ...(item.doc ? { doc: item.doc } : {}), ...marks(options.record) }),
    MANAGED_END,
  ].join('\n');
}

/** The marker's newer fields last, in a fixed order, whatever order the record gave them in. */
function marks(record: BodyOptions['record']): Partial<ItemMarker> {
  const out: Partial<ItemMarker> = {};
  if (record?.src !== undefined) out.src = record.src;
  if (record?.type !== undefined) out.type = record.type;
  if (record?.board !== undefined) out.board = record.board;
  return out;
}

/** What else an item's issue carries when the config asks for it (all optional; absent: the issue as before). */
export interface DesiredExtras {
  /** "owner/name" of the documents' repository, when the issue is (or will be) in another one. */
  src?: string;
  deadline?: Deadline | null;
  /** The issue type to set (available in the issue's repository). */
  type?: string;
  /** The project-board values (see core/board.ts). */
  board?: Record<string, string>;
}

/**
 * What an item's issue should look like. The permalink keeps the commit of
 * the existing one while the item stays on its line, so a push that does not
 * touch the item does not rewrite its issue. The marker records who opened
 * the issue (`by`) and what the product sets, so that later runs change only
 * that.
 */
export function desiredIssue(
  item: PlannedItem,
  issue: TrackedIssue | null,
  link: LinkBase,
  settings: IssueSettings,
  canAssign: (item: PlannedItem) => boolean,
  self: string,
  extras: DesiredExtras = {},
): Desired {
  const previous = issue ? /\/blob\/([0-9a-f]{7,40})\/[^\s)]{0,1000}#L(\d+)\)/.exec(issue.body) : null;
  const sha = previous && Number(previous[2]) === item.line && issue!.marker?.path === item.path ? previous[1] : link.sha;
  const title = issueTitle(item);
  const labels = labelsFor(item, settings);
  const assignees = canAssign(item) ? [item.owner!.replace(/^@/, '')] : [];
  const by = issue ? (issue.marker?.by ?? issue.author) : self;
  const record = {
    by, title, labels, assignees,
    ...(extras.src ? { src: extras.src } : {}),
    ...(extras.type ? { type: extras.type } : {}),
    ...(extras.board && Object.keys(extras.board).length > 0 ? { board: extras.board } : {}),
  };
  return {
    title,
    labels,
    assignees,
    managed: managedBody(item, { link: { ...link, sha }, ownerAssignable: !item.owner || canAssign(item), record, deadline: extras.deadline }),
    ...(extras.type ? { type: extras.type } : {}),
  };
}
