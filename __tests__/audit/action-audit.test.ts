import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionEnv, pushEvent, scheduleEvent, workflowDispatchEvent, type ActionRun } from '../support/events.js';
import { startGitHubServer, type GitHubServer, type IssueRecord } from '../support/github-server.js';
import { DEFAULT_INPUTS, NODES, runAction, workspace } from '../support/run-action.js';

const REPO = 'acme/ops';
const SHA = 'c'.repeat(40);
const DOC = 'postmortems/2024-03-02-db.md';
const MARKER = '<!-- postmortem-governance:dashboard -->';

export const POSTMORTEM = `---
severity: SEV2
---
# Database outage

## Summary

From 10:00 to 11:30 UTC on 2024-03-02 the database was down.

## Timeline

- 10:00 UTC: alerts fired
- 11:30 UTC: recovered

## Root cause

Disk full.

## Resolution

Freed space.

## Action items

- Add disk usage alerts @dana, due 2020-01-15
- Rotate the database credentials @erin
- Write the failover runbook
- Remove the legacy cron job
- [x] Patch the kernel
`;

let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer();
  server.addRepo(REPO, { assignable: ['dana', 'erin'] });
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

const issues = () => server.issues(REPO);
const dashboards = () => issues().filter((i) => (i.body ?? '').startsWith(MARKER));
const byTitle = (prefix: string) => issues().find((i) => i.title.startsWith(prefix)) as IssueRecord;

function syncRun(ws: string, changed: string[], inputs: Record<string, string> = {}): ActionRun {
  const event = pushEvent({ repo: REPO, after: SHA });
  const payload = event.payload as unknown as { commits: Array<Record<string, unknown>>; repository: { default_branch: string } };
  payload.commits = [{ ...payload.commits[0], added: changed, modified: [], removed: [] }];
  payload.repository.default_branch = 'main';
  return actionEnv(server, event, { workspace: ws, sha: SHA, inputs: { ...DEFAULT_INPUTS, ...inputs } });
}

const auditRun = (ws: string, inputs: Record<string, string> = {}) =>
  actionEnv(server, scheduleEvent({ repo: REPO }), { workspace: ws, sha: SHA, inputs: { ...DEFAULT_INPUTS, ...inputs } });

/** Issues for the first three open items (max-issues 3), then the rotate issue closed by hand after 4 days. */
async function seeded(node: string, files: Record<string, string> = {}): Promise<string> {
  const ws = workspace({ [DOC]: POSTMORTEM, ...files });
  const sync = await runAction(syncRun(ws, [DOC], { 'max-issues': '3' }), { node });
  expect(sync.code, sync.stdout + sync.stderr).toBe(0);
  expect(issues()).toHaveLength(3);
  for (const issue of issues()) issue.created_at = '2024-03-03T00:00:00Z';
  Object.assign(byTitle('Rotate'), { state: 'closed', state_reason: 'completed', closed_at: '2024-03-07T00:00:00Z' });
  return ws;
}

interface FollowUpOut { title: string; status: string; issue: number | null; ageDays: number | null }

describe.each(NODES)('audit mode (%s)', (_name, node) => {
  it('reports closed, open, overdue, never-filed and done-in-doc items from one listing, with metrics, charts and a dashboard', async () => {
    const ws = await seeded(node);
    const before = server.requests.length;
    const result = await runAction(auditRun(ws), { node });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('audit mode (event schedule)');

    const followUps = JSON.parse(result.outputs.issues) as FollowUpOut[];
    const status = Object.fromEntries(followUps.map((f) => [f.title.split(' ').slice(0, 2).join(' '), f.status]));
    expect(status).toEqual({ 'Add disk': 'overdue', 'Rotate the': 'closed', 'Write the': 'open', 'Remove the': 'not-filed', 'Patch the': 'done-in-doc' });
    expect(followUps.find((f) => f.status === 'overdue')!.issue).toBe(byTitle('Add disk').number);
    expect(followUps.find((f) => f.status === 'open')!.ageDays).toBeGreaterThan(200);

    // Two paginated listings (its own issues, and those with its label that an earlier identity may have opened);
    // no request per item, never the search API.
    const listings = server.requests.slice(before).filter((r) => r.method === 'GET' && r.template === '/repos/{owner}/{repo}/issues');
    expect(listings.map((r) => r.query.creator ?? `labels=${r.query.labels}`)).toEqual(['github-actions[bot]', 'labels=postmortem']);
    const reads = server.requests.slice(before).filter((r) => r.method === 'GET').map((r) => r.template);
    expect(reads.filter((t) => t === '/repos/{owner}/{repo}/issues/{issue_number}')).toHaveLength(0);
    expect(reads.some((t) => t?.startsWith('/search/'))).toBe(false);

    const report = JSON.parse(readFileSync(result.outputs.report, 'utf8'));
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ files: 1, errors: 0, warnings: expect.any(Number), actionItems: 5 });
    expect(report.files[0].severity).toBe('SEV2');
    expect(report.files[0].actionItems.map((a: { status: string }) => a.status)).toEqual(['overdue', 'closed', 'open', 'not-filed', 'done-in-doc']);
    const m = report.audit.metrics;
    expect(m.incidentsPerMonth).toEqual([{ month: '2024-03', total: 1, bySeverity: { SEV2: 1 } }]);
    expect(m.timeToResolve).toEqual({ count: 1, meanMinutes: 90, medianMinutes: 90 });
    expect(m.followUps.completionRate).toBe(0.4); // closed + done-in-doc of 5
    expect(m.daysToClose).toEqual({ count: 1, median: 4 });
    expect(report.audit.online).toBe(true);

    expect(result.summary).toContain('## Postmortem audit');
    expect(result.summary).toContain('xychart-beta');
    expect(result.summary).toContain('pie title Follow-ups');

    expect(dashboards()).toHaveLength(1);
    const dash = dashboards()[0];
    expect(dash.user).toBe('github-actions[bot]');
    expect(dash.title).toBe('Postmortem dashboard');
    expect(dash.body).toContain(`https://github.com/${REPO}/blob/${SHA}/${DOC}`);
    expect(dash.body).toContain(`[#${byTitle('Add disk').number}](https://github.com/${REPO}/issues/${byTitle('Add disk').number})`);
    expect(dash.body).toContain('`@dana`'); // named, not pinged
    expect(dash.body).not.toMatch(/(^|[^`])@dana/);
    expect(dash.body).not.toMatch(/Audited|generated/i);
    expect(result.outputs.dashboard).toBe(`https://github.com/${REPO}/issues/${dash.number}`);
  });

  it('keeps one dashboard over three runs, writes nothing when nothing changed, and ignores a forged marker', async () => {
    const ws = await seeded(node);
    const first = await runAction(auditRun(ws), { node });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(dashboards()).toHaveLength(1);
    const forged = server.addIssue(REPO, { title: 'Postmortem dashboard', body: `${MARKER}\nmine now`, user: 'mallory' });

    const writes = server.writes().length;
    const second = await runAction(actionEnv(server, workflowDispatchEvent({ repo: REPO }), { workspace: ws, sha: SHA, inputs: DEFAULT_INPUTS }), { node });
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toContain('Dashboard: unchanged');
    expect(server.writes().length).toBe(writes); // no write at all

    // A new postmortem: the same dashboard is edited in place.
    mkdirSync(join(ws, 'postmortems'), { recursive: true });
    writeFileSync(join(ws, 'postmortems/2024-05-01-dns.md'), '# DNS outage\n\n## Summary\n\nDNS failed on 2024-05-01 for 20 minutes.\n\n## Action items\n\n- Add a second DNS provider\n');
    const third = await runAction(auditRun(ws), { node });
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('Dashboard: updated');
    const ours = issues().filter((i) => (i.body ?? '').startsWith(MARKER) && i.user === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0].body).toContain('2024-05-01-dns.md');
    expect(forged.body).toBe(`${MARKER}\nmine now`);
    expect(forged.comments).toHaveLength(0);
    expect(server.writes().filter((w) => w.method === 'POST' && w.template === '/repos/{owner}/{repo}/issues')).toHaveLength(3 + 1); // 3 follow-ups (sync) + 1 dashboard
  });

  it('reminds on overdue follow-ups at most once per interval, and mentions owners only when asked', async () => {
    const ws = await seeded(node, { '.github/postmortem.yml': 'audit:\n  reminders: true\n  reminder-interval-days: 7\n  mentions: true\n' });
    const overdue = byTitle('Add disk');
    const first = await runAction(auditRun(ws), { node });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(overdue.comments).toHaveLength(1);
    expect(overdue.comments[0].body).toMatch(/^<!-- postmortem-governance:reminder -->/);
    expect(overdue.comments[0].body).toContain('due on 2020-01-15');
    expect(overdue.comments[0].body).toContain('Owner: @dana.');
    expect(dashboards()[0].body).toContain('| @dana |');
    expect(byTitle('Write').comments).toHaveLength(0); // open, not overdue

    const writes = server.writes().length;
    await runAction(auditRun(ws), { node });
    expect(overdue.comments).toHaveLength(1);
    expect(server.writes().length).toBe(writes);

    // Someone else's comment with the marker does not count; our reminder 8 days old does.
    overdue.comments.push({ id: 1, body: '<!-- postmortem-governance:reminder -->', user: 'mallory', created_at: new Date().toISOString(), updated_at: new Date().toISOString() });
    overdue.comments[0].created_at = new Date(Date.now() - 8 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await runAction(auditRun(ws), { node });
    expect(overdue.comments.filter((c) => c.user === 'github-actions[bot]')).toHaveLength(2);
  });

  it('without a token, reports compliance and metrics, and follow-up status is unknown', async () => {
    const ws = workspace({ [DOC]: POSTMORTEM });
    const result = await runAction(auditRun(ws, { token: '' }), { node });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(server.requests).toEqual([]);
    const followUps = JSON.parse(result.outputs.issues) as FollowUpOut[];
    expect(followUps.map((f) => f.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'done-in-doc']);
    const report = JSON.parse(readFileSync(result.outputs.report, 'utf8'));
    expect(report.audit.online).toBe(false);
    expect(report.audit.metrics.timeToResolve.count).toBe(1);
    expect(result.summary).toContain('without access to the repository');
  });
});
