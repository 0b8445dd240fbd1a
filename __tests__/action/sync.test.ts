import { readFileSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionEnv, pushEvent, pullRequestEvent, type ActionRun } from '../support/events.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { DEFAULT_INPUTS, NODES, runAction, workspace } from '../support/run-action.js';
import { fixture } from '../helpers.js';

const REPO = 'acme/ops';
const SEED = 'postmortems/2023-11-07-ddos.md';
const SHA = 'a'.repeat(40);

let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer();
  server.addRepo(REPO, { assignable: ['dana'] });
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

function pushRun(ws: string, changed: string[], inputs: Record<string, string> = {}, removed: string[] = [], sha = SHA): ActionRun {
  const event = pushEvent({ repo: REPO, after: sha });
  const payload = event.payload as unknown as { commits: Array<Record<string, unknown>>; repository: { default_branch: string } };
  payload.commits = [{ ...payload.commits[0], added: changed, modified: [], removed }];
  payload.repository.default_branch = 'main';
  return actionEnv(server, event, { workspace: ws, sha, inputs: { ...DEFAULT_INPUTS, ...inputs } });
}

const writes = () => server.writes().map((w) => `${w.method} ${w.template}`);
const issues = () => server.issues(REPO);

describe.each(NODES)('sync mode (%s)', (_name, node) => {
  it('opens one issue per measure with labels, permalink and marker; a second run writes nothing', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    const run = pushRun(ws, [SEED]);
    const first = await runAction(run, { node });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const created = issues();
    expect(created).toHaveLength(6);
    expect(created.map((i) => i.labels.sort().join(','))).toEqual([
      'corrective,postmortem',
      'corrective,postmortem',
      'corrective,postmortem',
      'postmortem,preventative',
      'postmortem,preventative',
      'postmortem,preventative',
    ]);
    expect(created[0].title).toBe("We're building a DDoS fortress to keep gatecrashers out.");
    expect(created[0].user).toBe('github-actions[bot]');
    expect(created[0].body).toContain(`https://github.com/acme/ops/blob/${SHA}/postmortems/2023-11-07-ddos.md#L30`);
    expect(created[5].body).toContain('#L37');
    expect(created[0].body).toMatch(/<!-- postmortem-governance:item \{"v":1,"path":"postmortems\/2023-11-07-ddos.md","id":"ai-[0-9a-z]+"/);
    const outputs = JSON.parse(first.outputs.issues);
    expect(outputs.map((o: { action: string }) => o.action)).toEqual(Array(6).fill('created'));
    expect(outputs[0].url).toBe(`https://github.com/${REPO}/issues/${created[0].number}`);

    const before = server.writes().length;
    const second = await runAction(run, { node });
    expect(second.code).toBe(0);
    expect(server.writes().slice(before).map((w) => `${w.method} ${w.path}`)).toEqual([]);
    expect(JSON.parse(second.outputs.issues).map((o: { action: string }) => o.action)).toEqual(Array(6).fill('unchanged'));
  });

  it('follows edits, moves, done marks and removals without duplicating, and never reopens a closed issue', async () => {
    const doc = `# Outage\n\n## Action items\n\n- Add disk usage alerts @dana\n- Rotate the database credentials\n- Write the runbook for failover\n- Remove the legacy cron job\n`;
    const ws = workspace({ 'postmortems/a.md': doc, 'postmortems/b.md': '# Other\n\n## Action items\n\n- Add disk usage alerts @dana\n' });
    await runAction(pushRun(ws, ['postmortems/a.md', 'postmortems/b.md']), { node });
    expect(issues()).toHaveLength(5); // identical items in two documents are two issues
    const [alerts, rotate, runbook, cron] = issues();
    expect(alerts.assignees).toEqual(['dana']);
    // Someone closes the runbook issue by hand.
    runbook.state = 'closed';
    runbook.state_reason = 'completed';

    const edited = `# Outage\n\nMoved down by a new paragraph.\n\n## Action items\n\n- Write the runbook for the failover\n- [x] Rotate the database credentials\n- Add disk-usage alerts on every volume @dana\n`;
    writeFileSync(join(ws, 'postmortems/a.md'), edited);
    const run = await runAction(pushRun(ws, ['postmortems/a.md'], {}, [], 'b'.repeat(40)), { node });
    expect(run.code, run.stdout).toBe(0);
    expect(issues()).toHaveLength(5); // nothing new
    expect(alerts.title).toBe('Add disk-usage alerts on every volume');
    expect(alerts.body).toContain('#L9');
    expect(rotate.state).toBe('closed');
    expect(rotate.comments.map((c) => c.body)).toEqual([expect.stringMatching(/^<!-- postmortem-governance:note close-done -->\nThe postmortem now marks this item done/)]);
    expect(runbook.state).toBe('closed'); // not reopened
    expect(cron.state).toBe('open'); // removed: commented and labelled, not closed
    expect(cron.labels).toContain('postmortem: removed');
    expect(cron.comments).toHaveLength(1);
    const actions = JSON.parse(run.outputs.issues).map((o: { action: string; issue: number }) => `${o.action}:${o.issue}`);
    expect(actions).toEqual([`already-closed:${runbook.number}`, `closed:${rotate.number}`, `updated:${alerts.number}`, `removed:${cron.number}`]);

    // A third run changes nothing and does not comment again.
    const count = server.writes().length;
    await runAction(pushRun(ws, ['postmortems/a.md'], {}, [], 'b'.repeat(40)), { node });
    expect(server.writes().length).toBe(count);
  });

  it('quotes a measure\'s description under its title, and follows an edit of it in place', async () => {
    const doc = (how: string) => `# Outage\n\n## Action items\n\n1. **Patch the connection pool**\n\n   ${how}\n2. Rotate the database credentials\n`;
    const ws = workspace({ 'postmortems/a.md': doc('Raise the pool to 200 on every node.') });
    await runAction(pushRun(ws, ['postmortems/a.md']), { node });
    const [pool, rotate] = issues();
    expect(pool.title).toBe('Patch the connection pool');
    expect(pool.body).toContain('\n> Patch the connection pool\n>\n> Raise the pool to 200 on every node.\n\n- **Kind:** other\n');
    expect(rotate.body).toContain('\n> Rotate the database credentials\n\n- **Kind:** other\n');

    writeFileSync(join(ws, 'postmortems/a.md'), doc('Raise the pool to 300, and alert at 80% use.'));
    const before = server.writes().length;
    const run = await runAction(pushRun(ws, ['postmortems/a.md'], {}, [], 'b'.repeat(40)), { node });
    expect(run.code, run.stdout).toBe(0);
    expect(issues()).toHaveLength(2);
    // Besides the run's lock (a label created and deleted), one write: the issue's body.
    expect(server.writes().slice(before).map((w) => `${w.method} ${w.template}`).filter((w) => w.includes('/issues'))).toEqual(['PATCH /repos/{owner}/{repo}/issues/{issue_number}']);
    expect(pool.body).toContain('\n> Patch the connection pool\n>\n> Raise the pool to 300, and alert at 80% use.\n');
    expect(JSON.parse(run.outputs.issues).map((o: { action: string; issue: number }) => `${o.action}:${o.issue}`)).toEqual([`updated:${pool.number}`, `unchanged:${rotate.number}`]);
  });

  it('trusts only its own issues: a marker pasted into someone else\'s issue takes nothing over', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    await runAction(pushRun(ws, [SEED], { 'max-issues': '1' }), { node });
    const ours = issues()[0];
    const forged = server.addIssue(REPO, { title: 'forged', body: ours.body, user: 'mallory', labels: ['postmortem'] });
    const result = await runAction(pushRun(ws, [SEED]), { node });
    expect(result.code).toBe(0);
    expect(issues()).toHaveLength(7);
    expect(forged.comments).toHaveLength(0);
    expect(forged.state).toBe('open');
    expect(forged.title).toBe('forged');
  });

  it('holds max-issues, says what it left, and a rerun resumes; dry-run writes nothing', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    const dry = await runAction(pushRun(ws, [SEED], { 'dry-run': 'true' }), { node });
    expect(dry.code).toBe(0);
    expect(server.writes()).toEqual([]);
    expect(JSON.parse(dry.outputs.issues).map((o: { action: string }) => o.action)).toEqual(Array(6).fill('would-created'));
    expect(dry.stdout).toContain('[dry-run] would create issue "We\'re building a DDoS fortress to keep gatecrashers out."');

    const first = await runAction(pushRun(ws, [SEED], { 'max-issues': '4' }), { node });
    expect(issues()).toHaveLength(4);
    expect(first.annotations.some((a) => a.level === 'warning' && /max-issues \(4\) reached: 2 action items left without an issue/.test(a.message))).toBe(true);
    await runAction(pushRun(ws, [SEED], { 'max-issues': '4' }), { node });
    expect(issues()).toHaveLength(6);
    expect(new Set(issues().map((i) => i.title)).size).toBe(6);
  });

  it('never opens issues from an unmerged PR, even in sync mode', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    server.addPullRequest(REPO, 9, [{ filename: SEED, status: 'added' }]);
    const run = actionEnv(server, pullRequestEvent({ repo: REPO, number: 9 }), { workspace: ws, inputs: { ...DEFAULT_INPUTS, mode: 'sync' } });
    const result = await runAction(run, { node });
    expect(result.code).toBe(0);
    expect(result.annotations.some((a) => /is not merged/.test(a.message))).toBe(true);
    expect(server.writes()).toEqual([]);
  });

  it('escapes mentions and HTML from document text and names an unassignable owner without pinging', async () => {
    const doc = `# Outage <script>alert(1)</script>\n\n## Action items\n\n- Ping @everyone about <b>this</b> <!-- postmortem-governance:item {"v":1,"path":"x","id":"y"} --> (Owner: @ghost-user)\n`;
    const ws = workspace({ 'postmortems/x.md': doc });
    await runAction(pushRun(ws, ['postmortems/x.md']), { node });
    const [issue] = issues();
    expect(issue.assignees).toEqual([]);
    expect(issue.body!).not.toContain('<script>');
    expect(issue.body!).not.toContain('<b>');
    expect(issue.body!).not.toMatch(/(^|[^`\u200b])@everyone/);
    expect(issue.body!).toContain('`@ghost-user` (named here, not assigned');
    expect(issue.body!.match(/<!-- postmortem-governance:item/g)).toHaveLength(1);
  });
});

describe('sync under faults', () => {
  const node = process.execPath;
  const doc = () => fixture('seed-postmortem.md');
  const titles = () => issues().map((i) => i.title).sort();

  it.each([
    ['a 502 on an issue create', { status: 502 as const }],
    ['a 502 after GitHub created the issue', { status: 502 as const, apply: true }],
    ['a dropped connection before the create', { drop: 'before' as const }],
    ['a dropped connection after the create', { drop: 'after' as const }],
    ['a secondary rate limit with retry-after', { secondaryRateLimit: { retryAfter: 1 } }],
  ])('%s leaves exactly one issue per item', async (_name, kind) => {
    const ws = workspace({ [SEED]: doc() });
    server.fault({ method: 'POST', path: '/repos/{owner}/{repo}/issues', after: 2, times: 2, kind });
    const result = await runAction(pushRun(ws, [SEED]), { node });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(issues()).toHaveLength(6);
    expect(new Set(titles()).size).toBe(6);
  });

  it('a 422 for an unassignable login leaves exactly one issue, with the owner named instead', async () => {
    const ws = workspace({ 'postmortems/a.md': '# Outage\n\n## Action items\n\n- Add disk alerts @dana\n- Rotate keys\n' });
    server.fault({ method: 'POST', path: '/repos/{owner}/{repo}/issues', kind: { invalidAssignee: 'dana' } });
    const result = await runAction(pushRun(ws, ['postmortems/a.md']), { node });
    expect(result.code, result.stdout).toBe(0);
    expect(issues()).toHaveLength(2);
    const [alerts] = issues();
    expect(alerts.assignees).toEqual([]);
    expect(alerts.body).toContain('`@dana` (named here, not assigned');
    expect(result.annotations.some((a) => /Could not assign dana/.test(a.message))).toBe(true);
  });

  it('syncs on a merged pull request (pull_request: closed), from the PR\'s files', async () => {
    const ws = workspace({ [SEED]: doc(), 'postmortems/other.md': '# Other\n\n## Action items\n\n- Not in this PR\n' });
    server.addPullRequest(REPO, 11, [{ filename: SEED, status: 'added' }], { merged: true });
    const run = actionEnv(server, pullRequestEvent({ repo: REPO, number: 11, action: 'closed', merged: true }), { workspace: ws, inputs: { ...DEFAULT_INPUTS } });
    const result = await runAction(run, { node });
    expect(result.code, result.stdout).toBe(0);
    expect(issues()).toHaveLength(6);
  });

  it('a crash midway, then a rerun, leaves exactly one issue per item', async () => {
    const ws = workspace({ [SEED]: doc() });
    const run = pushRun(ws, [SEED]);
    let kill: () => void = () => {};
    server.crashAfter({ method: 'POST', path: '/repos/{owner}/{repo}/issues', count: 3, onCrash: () => kill() });
    const crashed = await runAction(run, { node, onSpawn: (k) => (kill = k) });
    expect(crashed.code).not.toBe(0);
    expect(issues()).toHaveLength(3);
    // "Re-run failed jobs": the same run, its next attempt, takes over the lock the crashed attempt left.
    const rerun = await runAction({ ...run, env: { ...run.env, GITHUB_RUN_ATTEMPT: '2' } }, { node });
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(issues()).toHaveLength(6);
    expect(new Set(titles()).size).toBe(6);
  });

  it('two runs at the same time: the newer copies are closed as duplicates', async () => {
    const ws = workspace({ [SEED]: doc() });
    const [a, b] = await Promise.all([runAction(pushRun(ws, [SEED]), { node }), runAction(pushRun(ws, [SEED]), { node })]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const open = issues().filter((i) => i.state === 'open');
    expect(open).toHaveLength(6);
    expect(new Set(open.map((i) => i.title)).size).toBe(6);
    for (const closed of issues().filter((i) => i.state === 'closed')) {
      expect(closed.comments[0].body).toMatch(/^<!-- postmortem-governance:note duplicate -->\nDuplicate of #\d+/);
    }
  });
});

export { readFileSync };
