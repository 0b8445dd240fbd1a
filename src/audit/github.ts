/**
 * The audit's GitHub side, all through the gateway: one paginated listing
 * of the product's own issues (follow-up status and the dashboard come from
 * it), the dashboard issue kept in place, and opt-in reminders on overdue
 * follow-ups.
 */
import { indexFollowUps, type IssueIndex, type KnownIssue } from '../core/audit/status.js';
import type { FollowUp } from '../core/audit/types.js';
import type { ApiIssue, GitHubGateway } from '../github/gateway.js';
import { toTracked } from '../sync/run.js';
import { code, md } from '../render/escape.js';
import { lineLink, type LinkBase } from '../render/links.js';
import { DASHBOARD_MARKER, owner } from './render.js';

export const REMINDER_MARKER = '<!-- postmortem-governance:reminder -->';
const DAY = 86_400_000;

export function toKnown(issue: ApiIssue): KnownIssue {
  return { ...toTracked(issue), createdAt: issue.created_at ?? null, closedAt: issue.closed_at ?? null };
}

export interface Listing {
  me: string;
  issues: ApiIssue[];
  index: IssueIndex;
}

/** The one listing of the product's own issues, and the follow-up index built from it. */
export async function listFollowUps(gateway: GitHubGateway): Promise<Listing> {
  const me = await gateway.identity();
  const issues = await gateway.listIssuesBy(me);
  return { me, issues, index: indexFollowUps(issues.map(toKnown), me) };
}

export type DashboardAction = 'created' | 'updated' | 'reopened' | 'unchanged';

/**
 * Keep one dashboard issue: ours (marker AND author), edited in place, and
 * written only when its title or body changed. Newer open copies (two runs
 * at once) are closed as duplicates of the oldest.
 */
export async function upsertDashboard(
  gateway: GitHubGateway,
  listing: Pick<Listing, 'me' | 'issues'>,
  desired: { title: string; body: string; labels: string[] },
): Promise<{ action: DashboardAction; number: number | null; url: string | null }> {
  const { me } = listing;
  const ours = listing.issues.filter((i) => i.user?.login === me && (i.body ?? '').startsWith(DASHBOARD_MARKER)).sort((a, b) => a.number - b.number);
  const open = ours.filter((i) => i.state === 'open');
  for (const copy of open.slice(1)) {
    await gateway.createComment(copy.number, `Duplicate of #${open[0].number}: two audits ran at the same time. Closing this copy.`);
    await gateway.updateIssue(copy.number, { state: 'closed', state_reason: 'not_planned' });
  }
  const existing = open[0] ?? ours[ours.length - 1];
  if (existing) {
    const same = (existing.body ?? '') === desired.body && existing.title === desired.title;
    const labelled = desired.labels.every((l) => existing.labels.some((x) => (typeof x === 'string' ? x : x.name ?? '').toLowerCase() === l.toLowerCase()));
    if (same && (existing.state === 'open' || !open.length) && labelled) return { action: 'unchanged', number: existing.number, url: existing.html_url };
    if (!same || existing.state !== 'open') {
      await gateway.updateIssue(existing.number, { title: desired.title, body: desired.body, ...(existing.state !== 'open' ? { state: 'open' as const } : {}) });
    }
    if (!labelled) await gateway.addLabels(existing.number, desired.labels);
    return { action: existing.state === 'open' ? 'updated' : 'reopened', number: existing.number, url: existing.html_url };
  }
  const find = (candidates: ApiIssue[]) => candidates.find((c) => c.user?.login === me && (c.body ?? '').startsWith(DASHBOARD_MARKER));
  const created = await gateway.createIssueOnce({ title: desired.title, body: desired.body, labels: desired.labels, assignees: [] }, find, me);
  return { action: 'created', number: created?.number ?? null, url: created?.html_url ?? null };
}

export interface ReminderOptions {
  me: string;
  now: Date;
  intervalDays: number;
  mentions: boolean;
  link: LinkBase;
}

/** The reminder comment on an overdue follow-up's issue. */
export function reminderBody(f: FollowUp, options: Pick<ReminderOptions, 'mentions' | 'link'>): string {
  const who = f.owner ? ` Owner: ${owner(f.owner, options.mentions)}.` : '';
  return [
    REMINDER_MARKER,
    `⏰ This follow-up was due on ${md(f.due ?? '?', 20)} and is still open.${who}`,
    '',
    `It comes from [${md(f.path, 200)}#L${f.line}](${lineLink(options.link, f.path, f.line)}) (${code(f.title, 120)}). Close this issue when the work is done, or change the due date in the postmortem.`,
  ].join('\n');
}

/**
 * One reminder per overdue follow-up's issue, at most once every
 * `intervalDays`: the product's own earlier reminder (marker AND author) on
 * the issue says when it last reminded.
 */
export async function remind(gateway: GitHubGateway, followUps: FollowUp[], options: ReminderOptions): Promise<{ sent: number[]; skipped: number[] }> {
  const sent: number[] = [];
  const skipped: number[] = [];
  const seen = new Set<number>();
  for (const f of followUps) {
    if (f.status !== 'overdue' || f.issue === null || seen.has(f.issue)) continue;
    seen.add(f.issue);
    const comments = await gateway.listIssueComments(f.issue);
    const last = comments
      .filter((c) => c.user?.login === options.me && (c.body ?? '').startsWith(REMINDER_MARKER))
      .map((c) => Date.parse(c.created_at ?? ''))
      .filter(Number.isFinite)
      .sort((a, b) => b - a)[0];
    if (last !== undefined && options.now.getTime() - last < options.intervalDays * DAY) {
      skipped.push(f.issue);
      continue;
    }
    await gateway.createComment(f.issue, reminderBody(f, options));
    sent.push(f.issue);
  }
  return { sent, skipped };
}
