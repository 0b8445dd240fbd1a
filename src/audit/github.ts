/**
 * The audit's GitHub side, all through the gateway: one paginated listing
 * of the product's own issues (follow-up status and the dashboard come from
 * it), the dashboard issue kept in place, and opt-in reminders on overdue
 * follow-ups.
 */
import type { ResolvedConfig } from '../core/config/resolve.js';
import type { CompactFile } from '../core/compact-file.js';
import { indexFollowUps, type IssueIndex, type KnownIssue } from '../core/audit/status.js';
import type { FollowUp } from '../core/audit/types.js';
import { indexIssues, isOwnLogin, keepOldest, type Identities } from '../core/identity.js';
import { linkedRepositories, parentsAmong } from '../core/parents.js';
import type { PlannedItem } from '../core/plan.js';
import { normaliseRepository, routeItem } from '../core/routing.js';
import { labelsFor } from '../core/sync.js';
import type { ApiIssue, GitHubGateway } from '../github/gateway.js';
import { listProductIssues, toTracked } from '../github/tracked.js';
import { identitiesOf } from '../sync/run.js';
import { code, md } from '../render/escape.js';
import { lineLink, type LinkBase } from '../render/links.js';
import { DASHBOARD_MARKER, owner } from '../render/audit.js';
import { DAY_MS } from '../core/time/index.js';

export const REMINDER_MARKER = '<!-- postmortem-governance:reminder -->';

export function toKnown(issue: ApiIssue, repo?: string): KnownIssue {
  return { ...toTracked(issue, repo), createdAt: issue.created_at ?? null, closedAt: issue.closed_at ?? null };
}

export interface Listing {
  me: string;
  identities: Identities;
  /** The product's issues in the documents' repository. */
  issues: ApiIssue[];
  index: IssueIndex;
  /** List the repositories a postmortem's items name (an item's `repo:`) into the index, once each. */
  include(file: CompactFile): Promise<void>;
}

/**
 * The listings of the product's issues, and the follow-up index built from
 * them: the documents' repository, the repositories the config files items
 * in and those the tracking issues link, and (through `include`, as files
 * stream by) those items name. `postmortems` are the audited paths: an
 * issue whose document is no longer among them may be found in the
 * document it became.
 */
export async function listFollowUps(gateway: GitHubGateway, config: ResolvedConfig, postmortems: readonly string[]): Promise<Listing> {
  const identities = await identitiesOf(gateway, config);
  const home = gateway.fullName;
  const owner = gateway.repo.owner;
  const issues = await listProductIssues(gateway, identities, config.issues.labels.base);
  const known = issues.map((i) => toKnown(i));
  const summaries = new Map(issues.map((i) => [i.number, i.sub_issues_summary]));
  const parents = parentsAmong(known, identities).map((p) => ({ ...p, summary: summaries.get(p.number) }));
  const present = new Set(postmortems);
  const settings = config.issues;
  const index = indexFollowUps(known, identities, {
    exists: (path) => present.has(path),
    repository: home,
    due: settings.due,
    parents,
    route: (item, compact) =>
      routeItem({ repo: item.repo, components: compact.components, labels: labelsFor({ kind: item.kind, priority: item.priority, document: { severity: compact.severity } } as PlannedItem, settings) }, settings.repositories, home).repo,
  });
  const all = [...known];
  const seen = new Set([home.toLowerCase()]);
  const include = async (repos: Iterable<string | null>) => {
    let added = false;
    for (const repo of repos) {
      if (!repo || seen.has(repo.toLowerCase())) continue;
      seen.add(repo.toLowerCase());
      const there = gateway.forRepo(repo);
      if ((await there.access()) === 'none') continue;
      for (const issue of await listProductIssues(there, identities, settings.labels.base)) all.push(toKnown(issue, repo));
      added = true;
    }
    if (added) index.issues = indexIssues(all, identities, home);
  };
  await include([...[...settings.repositories.values()].map((r) => normaliseRepository(r, owner)), ...linkedRepositories(parents)]);
  return {
    me: identities.self, identities, issues, index,
    include: (file) => include(file.file.actionItems.map((a) => normaliseRepository(a.repo, owner))),
  };
}

/** `closed`: a person closed the dashboard; it stays closed, unwritten, until someone reopens it. */
export type DashboardAction = 'created' | 'updated' | 'unchanged' | 'closed';

/**
 * Keep one dashboard issue: the product's (marker AND one of its
 * identities), edited in place, and written only when its title or body
 * changed. Text a person wrote above the marker is kept. Newer open copies
 * (two runs at once) are closed as duplicates of the oldest. A dashboard a
 * person closed is left closed, and no new one is opened.
 */
export async function upsertDashboard(
  gateway: GitHubGateway,
  listing: Pick<Listing, 'identities' | 'issues'>,
  desired: { title: string; body: string; labels: string[] },
): Promise<{ action: DashboardAction; number: number | null; url: string | null }> {
  const { identities } = listing;
  const ours = listing.issues.filter((i) => isOwnLogin(i.user?.login ?? '', identities) && (i.body ?? '').includes(DASHBOARD_MARKER));
  const { kept, duplicates } = keepOldest(ours.filter((i) => i.state === 'open'), () => 'dashboard');
  for (const { issue, of } of duplicates) {
    await gateway.createComment(issue.number, `Duplicate of #${of.number}: two audits ran at the same time. Closing this copy.`);
    await gateway.updateIssue(issue.number, { state: 'closed', state_reason: 'not_planned' });
  }
  const existing = kept.get('dashboard');
  if (existing) {
    const before = existing.body ?? '';
    const body = before.slice(0, before.indexOf(DASHBOARD_MARKER)) + desired.body;
    const same = before === body && existing.title === desired.title;
    const labelled = desired.labels.every((l) => existing.labels.some((x) => (typeof x === 'string' ? x : x.name ?? '').toLowerCase() === l.toLowerCase()));
    if (same && labelled) return { action: 'unchanged', number: existing.number, url: existing.html_url };
    if (!same) await gateway.updateIssue(existing.number, { title: desired.title, body });
    if (!labelled) await gateway.addLabels(existing.number, desired.labels);
    return { action: 'updated', number: existing.number, url: existing.html_url };
  }
  const closed = ours.sort((a, b) => b.number - a.number)[0];
  if (closed) return { action: 'closed', number: closed.number, url: closed.html_url };
  const find = (candidates: ApiIssue[]) => candidates.find((c) => isOwnLogin(c.user?.login ?? '', identities) && (c.body ?? '').includes(DASHBOARD_MARKER));
  const created = await gateway.createIssueOnce({ title: desired.title, body: desired.body, labels: desired.labels, assignees: [] }, find, identities.self);
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
    `⏰ This follow-up was due on ${md(f.deadline ?? f.due ?? '?', 20)} and is still open.${who}`,
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
  const seen = new Set<string>();
  for (const f of followUps) {
    if (f.status !== 'overdue' || f.issue === null || seen.has(`${f.repository ?? ''}#${f.issue}`)) continue;
    seen.add(`${f.repository ?? ''}#${f.issue}`);
    const there = f.repository ? gateway.forRepo(f.repository) : gateway;
    const comments = await there.listIssueComments(f.issue);
    const last = comments
      .filter((c) => c.user?.login === options.me && (c.body ?? '').startsWith(REMINDER_MARKER))
      .map((c) => Date.parse(c.created_at ?? ''))
      .filter(Number.isFinite)
      .sort((a, b) => b - a)[0];
    if (last !== undefined && options.now.getTime() - last < options.intervalDays * DAY_MS) {
      skipped.push(f.issue);
      continue;
    }
    await there.createComment(f.issue, reminderBody(f, options));
    sent.push(f.issue);
  }
  return { sent, skipped };
}
