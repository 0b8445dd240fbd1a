/**
 * Issue 12 against the bundle (dist/index.js) and the loopback GitHub: one
 * tracking issue per postmortem with its measures as sub-issues, measures
 * filed in the repository where the work happens (and a clear fallback when
 * the token may not write there), deadlines from priority, issue types, a
 * project board through GraphQL, and the audit that reads all of it. Each
 * scenario ends with a run that writes nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseItemMarker, parseParentMarker } from '../../src/core/markers.js';
import { actionEnv, pullRequestEvent, pushEvent, scheduleEvent, type ActionRun } from '../support/events.js';
import { startGitHubServer, TOKEN_KINDS, type GitHubServer, type IssueRecord } from '../support/github-server.js';
import { DEFAULT_INPUTS, runAction, workspace, type ActionResult } from '../support/run-action.js';
import { fixture } from '../helpers.js';

const REPO = 'acme/ops';
const SEED = 'postmortems/2023-11-07-ddos.md';
const CONFIG = '.github/postmortem.yml';

let server: GitHubServer;
let shas = 0;
beforeEach(async () => {
  server = await startGitHubServer({
    tokens: {
      'app-token': TOKEN_KINDS.app,
      'classic-token': TOKEN_KINDS.classic,
    },
  });
  server.addRepo(REPO, { assignable: ['dana'] });
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

const issues = (repo = REPO) => server.issues(repo);
const parentsIn = (repo = REPO) => issues(repo).filter((i) => parseParentMarker(i.body));
const items = (repo = REPO) => issues(repo).filter((i) => parseItemMarker(i.body));
const writes = () => server.writes().map((w) => `${w.method} ${w.template ?? w.path}`);

/** A push to main that added `changed`. */
function push(ws: string, changed: string[], o: { inputs?: Record<string, string>; token?: string } = {}): ActionRun {
  const sha = (++shas).toString(16).padStart(40, '0');
  const event = pushEvent({ repo: REPO, after: sha });
  const payload = event.payload as unknown as { commits: Array<Record<string, unknown>>; repository: { default_branch: string } };
  payload.commits = [{ ...payload.commits[0], added: changed, modified: [], removed: [] }];
  payload.repository.default_branch = 'main';
  const token = o.token ?? 'test-token';
  return actionEnv(server, event, { workspace: ws, sha, token, inputs: { ...DEFAULT_INPUTS, token, ...o.inputs } });
}

async function ok(run: ActionRun): Promise<ActionResult> {
  const result = await runAction(run);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return result;
}

/** Run again: the run succeeds and makes no write request at all. */
async function settled(run: ActionRun): Promise<ActionResult> {
  const before = server.writes().length;
  const again = await ok(run);
  expect(server.writes().slice(before).map((w) => `${w.method} ${w.path}`)).toEqual([]);
  return again;
}

const warnings = (r: ActionResult) => r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);

describe('a tracking issue per postmortem, its measures as sub-issues', () => {
  const config = 'issues:\n  parent: true\n';

  it('the seed gives one tracking issue with its 6 measures as sub-issues; a second run writes nothing', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md'), [CONFIG]: config });
    const run = push(ws, [SEED]);
    const first = await ok(run);
    expect(items()).toHaveLength(6);
    const [parent] = parentsIn();
    expect(parentsIn()).toHaveLength(1);
    expect(parent.title).toBe('Postmortem follow-ups: Outage Postmortem: "The Day the Internet Threw a Party" (2023-11-07)');
    expect(parent.labels).toEqual(['postmortem']);
    expect(server.subIssues(REPO, parent.number).map((i) => i.number)).toEqual(items().map((i) => i.number));
    expect(items().every((i) => i.parent?.number === parent.number)).toBe(true);
    // Its body: the incident's facts, a permalink to the document, the measures with their issues; the marker records the sub-issues.
    expect(parent.body).toContain('- **Incident:** 2023-11-07');
    expect(parent.body).toContain('- **Duration:** 4 h');
    expect(parent.body).toContain(`- **Postmortem:** [${SEED}](https://github.com/${REPO}/blob/${'1'.padStart(40, '0')}/${SEED})`);
    expect(parent.body).toContain('- **Measures:** 6 (3 corrective, 3 preventative)');
    expect(parent.body).toContain(`| We're building a DDoS fortress to keep gatecrashers out. | corrective | — | #${items()[0].number} |`);
    expect(parseParentMarker(parent.body)!.children).toEqual(items().map((i) => `#${i.number}`));
    // One create per issue, six attaches, and the marker written once the sub-issues are attached.
    expect(writes().filter((w) => !w.includes('labels'))).toEqual([
      ...Array(7).fill('POST /repos/{owner}/{repo}/issues'),
      ...Array(6).fill('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues'),
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    ]);
    expect(JSON.parse(first.outputs.parents)).toEqual([
      expect.objectContaining({ path: SEED, issue: parent.number, action: 'created', attached: items().map((i) => `#${i.number}`), detached: [], notAttached: [] }),
    ]);
    expect(first.summary).toContain('**Tracking issues:**');

    const again = await settled(run);
    expect(JSON.parse(again.outputs.parents)).toEqual([expect.objectContaining({ issue: parent.number, action: 'unchanged', attached: [] })]);
  });

  it('a sub-issue a person detached stays detached; a new measure is attached; the parent closes once every measure is done, and no sub-issue is closed by it', async () => {
    const doc = '# Disk full\n\n**Date:** 2024-02-01\n\n## Action items\n\n- Add disk alerts @dana\n- Rotate the logs daily\n';
    const ws = workspace({ 'postmortems/disk.md': doc, [CONFIG]: 'issues:\n  parent: true\n  close-parent: true\n' });
    await ok(push(ws, ['postmortems/disk.md']));
    const [parent] = parentsIn();
    const [alerts, logs] = items();
    // A person detaches the logs issue (GitHub's "Remove sub-issue").
    parent.subIssues = parent.subIssues!.filter((id) => id !== logs.id);
    logs.parent = null;
    await settled(push(ws, ['postmortems/disk.md']));
    expect(server.subIssues(REPO, parent.number).map((i) => i.number)).toEqual([alerts.number]);

    // A new measure: opened and attached; the detached one stays detached.
    writeFileSync(join(ws, 'postmortems/disk.md'), doc + '- Move the logs to their own volume\n');
    const grown = await ok(push(ws, ['postmortems/disk.md']));
    const added = items()[2];
    expect(server.subIssues(REPO, parent.number).map((i) => i.number)).toEqual([alerts.number, added.number]);
    expect(JSON.parse(grown.outputs.parents)[0]).toMatchObject({ action: 'updated', attached: [`#${added.number}`], detached: [`#${logs.number}`] });
    expect(parent.state).toBe('open');

    // Every measure done (two closed by people, one marked done in the postmortem): the parent is closed, with a comment.
    Object.assign(alerts, { state: 'closed', state_reason: 'completed' });
    Object.assign(logs, { state: 'closed', state_reason: 'completed' });
    writeFileSync(join(ws, 'postmortems/disk.md'), doc + '- [x] Move the logs to their own volume\n');
    await ok(push(ws, ['postmortems/disk.md']));
    expect(parent.state).toBe('closed');
    expect(parent.comments.map((c) => c.body)).toEqual([expect.stringMatching(/^<!-- postmortem-governance:note close-parent -->\nEvery measure of this postmortem is done/)]);
    expect(items().map((i) => i.state)).toEqual(['closed', 'closed', 'closed']);
    expect(server.writes().filter((w) => w.template === '/repos/{owner}/{repo}/issues/{issue_number}/sub_issue')).toEqual([]);
    await settled(push(ws, ['postmortems/disk.md']));
  });

  it('past GitHub\'s 100 sub-issues (closed ones count): the rest are listed, not attached, with a clear message; a rerun writes nothing', async () => {
    const doc = '# Disk full\n\n## Action items\n\n- Add disk alerts\n- Rotate the logs daily\n';
    const ws = workspace({ 'postmortems/disk.md': doc, [CONFIG]: config });
    await ok(push(ws, ['postmortems/disk.md']));
    const [parent] = parentsIn();
    // 97 more sub-issues (closed ones count), attached by people: 99 in all.
    for (let i = 0; i < 97; i++) {
      const other = server.addIssue(REPO, { title: `Old task ${i}`, state: i % 2 ? 'closed' : 'open' });
      other.parent = { repo: REPO, number: parent.number };
      parent.subIssues!.push(other.id);
    }
    writeFileSync(join(ws, 'postmortems/disk.md'), doc + '- Move the logs to their own volume\n- Page on inode exhaustion\n- Test the restore every month\n');
    const full = await ok(push(ws, ['postmortems/disk.md']));
    const [, , first, second, third] = items();
    expect(server.subIssues(REPO, parent.number)).toHaveLength(100);
    expect(server.subIssues(REPO, parent.number).at(-1)!.number).toBe(first.number);
    const message = `The tracking issue #${parent.number} of postmortems/disk.md has 100 sub-issues, GitHub's limit per issue (closed ones count): 2 measures (#${second.number}, #${third.number}) were not attached; the tracking issue's body lists every measure.`;
    expect(warnings(full)).toEqual([message]);
    expect(parent.body).toContain(`| Test the restore every month | other | — | #${third.number} |`);
    const again = await settled(push(ws, ['postmortems/disk.md']));
    expect(warnings(again)).toEqual([message]);
  });

  it('an existing install that turns `issues.parent` on gets tracking issues for its postmortems\' issues, under the sync lock; dry-run first writes nothing', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md'), [CONFIG]: '{}\n' });
    await ok(push(ws, [SEED]));
    expect(issues()).toHaveLength(6);
    writeFileSync(join(ws, CONFIG), config);
    const before = server.writes().length;
    const dry = await ok(push(ws, [SEED], { inputs: { 'dry-run': 'true' } }));
    expect(server.writes()).toHaveLength(before);
    expect(JSON.parse(dry.outputs.parents)).toEqual([expect.objectContaining({ action: 'would-created', issue: null, attached: items().map((i) => `#${i.number}`) })]);
    expect(dry.stdout).toContain('[dry-run] would create issue "Postmortem follow-ups:');

    const on = await ok(push(ws, [SEED]));
    const [parent] = parentsIn();
    expect(server.subIssues(REPO, parent.number)).toHaveLength(6);
    expect(writes().slice(before)).toEqual([
      'POST /repos/{owner}/{repo}/labels', // the sync lock
      'POST /repos/{owner}/{repo}/issues',
      ...Array(6).fill('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues'),
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      'DELETE /repos/{owner}/{repo}/labels/{name}',
    ]);
    expect(JSON.parse(on.outputs.issues).map((o: { action: string }) => o.action)).toEqual(Array(6).fill('unchanged'));
    await settled(push(ws, [SEED]));
  });

  it('without `issues.parent` (an existing install\'s config), no tracking issue is opened', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    const result = await ok(push(ws, [SEED]));
    expect(issues()).toHaveLength(6);
    expect(parentsIn()).toEqual([]);
    expect(result.outputs.parents).toBeUndefined();
    expect(server.requests.some((r) => r.template === '/repos/{owner}/{repo}/issues/{issue_number}/sub_issues')).toBe(false);
  });
});

describe('measures filed where the work happens', () => {
  const PAYMENTS = `---\nservice: payments\ndate: 2024-03-02\n---\n# Payments outage\n\n## Action items\n\n- Add a circuit breaker to the card client (repo: acme/payments-api)\n- Rotate the database credentials (repo: acme/infra)\n- Alert on queue depth\n`;
  const DNS = `# DNS outage\n\n**Date:** 2024-04-10\n\n## Action items\n\n| Action | Repo |\n| --- | --- |\n| Lower the DNS TTL | acme/dns |\n| Write the failover runbook | |\n| Mirror the zone to a second provider | other-org/dns |\n`;
  const config = 'issues:\n  parent: true\n  repositories:\n    payments: acme/payments-web\n';
  const files = () => ({ 'postmortems/payments.md': PAYMENTS, 'postmortems/dns.md': DNS, [CONFIG]: config });
  const paths = ['postmortems/payments.md', 'postmortems/dns.md'];

  it('an item lands in the repository it names (`repo:`, a Repo column, or the config by component), linked from its tracking issue; a rerun writes nothing', async () => {
    for (const r of ['acme/payments-api', 'acme/infra', 'acme/payments-web', 'acme/dns', 'other-org/dns']) server.addRepo(r);
    const ws = workspace(files());
    const run = push(ws, paths, { token: 'app-token' });
    const first = await ok(run);
    const where = (repo: string) => items(repo).map((i) => `${i.title} [src ${parseItemMarker(i.body)!.src ?? 'here'}]`);
    expect(where('acme/payments-api')).toEqual(['Add a circuit breaker to the card client [src acme/ops]']);
    expect(where('acme/infra')).toEqual(['Rotate the database credentials [src acme/ops]']);
    expect(where('acme/payments-web')).toEqual(['Alert on queue depth [src acme/ops]']);
    expect(where('acme/dns')).toEqual(['Lower the DNS TTL [src acme/ops]']);
    expect(where('other-org/dns')).toEqual(['Mirror the zone to a second provider [src acme/ops]']);
    expect(where(REPO)).toEqual(['Write the failover runbook [src here]']);
    // Each links back to its line in this repository's postmortem.
    expect(items('acme/infra')[0].body).toContain(`https://github.com/${REPO}/blob/`);
    const outcomes = JSON.parse(first.outputs.issues) as Array<{ title: string; repo?: string; action: string }>;
    expect(outcomes.map((o) => `${o.action} ${o.repo ?? REPO}`)).toEqual(['created acme/dns', 'created acme/ops', 'created other-org/dns', 'created acme/payments-api', 'created acme/infra', 'created acme/payments-web']);

    // The tracking issues: the same owner's issues are sub-issues; another owner's are listed in the body only.
    const [dns, payments] = parentsIn();
    expect(server.subIssues(REPO, payments.number).map((i) => i.title)).toEqual(['Add a circuit breaker to the card client', 'Rotate the database credentials', 'Alert on queue depth']);
    expect(parseParentMarker(payments.body)!.children).toEqual(['acme/payments-api#1', 'acme/infra#1', 'acme/payments-web#1']);
    expect(server.subIssues(REPO, dns.number).map((i) => i.title)).toEqual(['Lower the DNS TTL', 'Write the failover runbook']);
    expect(dns.body).toContain('| Mirror the zone to a second provider | other | — | other-org/dns#1 |');
    expect(JSON.parse(first.outputs.parents)[0]).toMatchObject({ path: 'postmortems/dns.md', notAttached: ['other-org/dns#1'] });
    expect(warnings(first)).toEqual([]);

    await settled(run);
    // The config now routes payments elsewhere: the issues that exist stay, found through the tracking issue's links.
    writeFileSync(join(ws, CONFIG), config.replace('acme/payments-web', 'acme/payments-frontend'));
    server.addRepo('acme/payments-frontend');
    const moved = await settled(push(ws, paths, { token: 'app-token' }));
    expect(JSON.parse(moved.outputs.issues).map((o: { action: string }) => o.action)).toEqual(Array(6).fill('unchanged'));
    expect(issues('acme/payments-frontend')).toEqual([]);
  });

  it('where the token may not write (the workflow\'s GITHUB_TOKEN), each item is filed here instead, with one message per repository saying how to grant access; a rerun writes nothing', async () => {
    server.addRepo(REPO, { tokens: { 'scoped-token': TOKEN_KINDS.actions } });
    server.addRepo('acme/payments-api');
    server.addRepo('acme/payments-web');
    server.addRepo('acme/infra', { tokens: { 'scoped-token': { ...TOKEN_KINDS.actions, permission: 'read' } } });
    const ws = workspace({ 'postmortems/payments.md': PAYMENTS + '- Shard the card vault (repo: acme/payments-api)\n', [CONFIG]: config });
    const run = push(ws, ['postmortems/payments.md'], { token: 'scoped-token' });
    const first = await ok(run);
    expect(items(REPO).map((i) => i.title)).toEqual(['Add a circuit breaker to the card client', 'Rotate the database credentials', 'Alert on queue depth', 'Shard the card vault']);
    for (const r of ['acme/payments-api', 'acme/infra', 'acme/payments-web']) expect(issues(r)).toEqual([]);
    const told = warnings(first);
    expect(told).toEqual([
      expect.stringMatching(/^2 action items meant for acme\/payments-api were filed in acme\/ops instead: the token cannot open issues in acme\/payments-api \(that repository is invisible to it\)\. The workflow's GITHUB_TOKEN reaches only its own repository\. To file there, pass another token in the `token` input: a GitHub App installation token .* Issues: read and write .* fine-grained personal access token with Issues: read and write on both repositories\.$/),
      expect.stringMatching(/^1 action item meant for acme\/infra was filed in acme\/ops instead: the token cannot open issues in acme\/infra \(it may read that repository but not open issues in it\)\./),
      expect.stringMatching(/^1 action item meant for acme\/payments-web was filed in acme\/ops instead/),
    ]);
    expect(first.summary).toContain('meant for acme/payments-api were filed in acme/ops instead');
    expect(JSON.parse(first.outputs.issues)[0]).toMatchObject({ action: 'created', reason: 'filed here: the token cannot open issues in acme/payments-api' });
    expect(server.subIssues(REPO, parentsIn()[0].number)).toHaveLength(4);

    const again = await settled(run);
    expect(warnings(again)).toEqual([]);
  });

  it('GitHub refuses the create itself (a permission the first look could not tell): filed here, one message for the repository, asked once', async () => {
    server.addRepo('acme/infra');
    const ws = workspace({ 'postmortems/a.md': '# Outage\n\n## Action items\n\n- Rotate the keys (repo: acme/infra)\n- Patch the proxy (repo: acme/infra)\n' });
    server.fault({ method: 'POST', path: '/repos/acme/infra/issues', times: 5, kind: { forbidden: true } });
    const run = push(ws, ['postmortems/a.md'], { token: 'app-token' });
    const first = await ok(run);
    expect(items().map((i) => i.title)).toEqual(['Rotate the keys', 'Patch the proxy']);
    expect(issues('acme/infra')).toEqual([]);
    expect(server.requests.filter((r) => r.method === 'POST' && r.path === '/repos/acme/infra/issues')).toHaveLength(1);
    expect(warnings(first)).toEqual([expect.stringMatching(/^1 action item meant for acme\/infra was filed in acme\/ops instead: the token cannot open issues in acme\/infra \(it may read that repository but not open issues in it\)/)]);
    expect(JSON.parse(first.outputs.issues).map((o: { reason?: string }) => o.reason)).toEqual(['filed here: the token cannot open issues in acme/infra', 'filed here: the token cannot open issues in acme/infra']);
    await settled(run);
  });
});

describe('deadlines from priority', () => {
  const DOC = `# Disk full\n\n**Date:** 2023-11-07\n\n## Action items\n\n- Add disk alerts (priority: P0)\n- Rotate the logs daily (priority: P1)\n- Move the logs to their own volume (priority: P1, due 2023-11-30)\n- Write the runbook (priority: P3)\n`;
  const config = 'issues:\n  due-by-priority: { P0: 7d, P1: 4w, P2: 56 }\n';
  const dueLine = (i: IssueRecord) => /- \*\*Due:\*\* (.*)/.exec(i.body ?? '')![1];

  it('items without a date get one from their priority, counted from the incident; a stated date wins; shown in the issues, the PR preview and the audit', async () => {
    const ws = workspace({ 'postmortems/disk.md': DOC, [CONFIG]: config });
    server.addPullRequest(REPO, 8, [{ filename: 'postmortems/disk.md', status: 'added' }]);
    const check = await runAction(actionEnv(server, pullRequestEvent({ repo: REPO, number: 8 }), { workspace: ws, inputs: { ...DEFAULT_INPUTS } }));
    const comment = server.state.repo(REPO).issues.get(8)!.comments[0].body;
    expect(comment).toContain('| Issue title | Kind | Owner | Due | From |');
    expect(comment).toContain('| Add disk alerts | other | — | 2023-11-14 (P0) |');
    expect(comment).toContain('| Rotate the logs daily | other | — | 2023-12-05 (P1) |');
    expect(comment).toContain('| Move the logs to their own volume | other | — | 2023-11-30 |');
    expect(comment).toContain('| Write the runbook | other | — | — |');
    expect(check.code).toBe(1); // the document lacks required sections: the check's business, not the sync's

    await ok(push(ws, ['postmortems/disk.md']));
    expect(items().map(dueLine)).toEqual(['2023-11-14 (P0: 7 days after the incident)', '2023-12-05 (P1: 28 days after the incident)', '2023-11-30', 'not stated']);
    await settled(push(ws, ['postmortems/disk.md']));

    // The audit: overdue by deadline, whether the document or the priority gave it.
    const audit = await ok(actionEnv(server, scheduleEvent({ repo: REPO }), { workspace: ws, inputs: { ...DEFAULT_INPUTS } }));
    const followUps = JSON.parse(audit.outputs.issues) as Array<{ title: string; status: string; deadline?: string }>;
    expect(followUps.map((f) => `${f.status} ${f.deadline ?? '-'}`)).toEqual(['overdue 2023-11-14', 'overdue 2023-12-05', 'overdue 2023-11-30', 'open -']);
    expect(audit.summary).toContain('### Overdue follow-ups (3)');
  });

  it('counted from the merge: the day the sync opened the issue', async () => {
    const ws = workspace({ 'postmortems/disk.md': DOC, [CONFIG]: `${config}  due-from: merge\n` });
    await ok(push(ws, ['postmortems/disk.md']));
    const opened = items()[0].created_at.slice(0, 10);
    const plus = (days: number) => new Date(Date.parse(`${opened}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    expect(items().map(dueLine)).toEqual([`${plus(7)} (P0: 7 days after the merge)`, `${plus(28)} (P1: 28 days after the merge)`, '2023-11-30', 'not stated']);
    await settled(push(ws, ['postmortems/disk.md']));
  });
});

describe('issue types', () => {
  it('each kind gets its type where the repository has types, silently none where it has not; a type a person changed stays', async () => {
    server.addRepo(REPO, { issueTypes: ['Task', 'Bug', 'Feature'] });
    server.addRepo('acme/infra');
    const doc = '# Outage\n\n## Corrective actions\n\n- Fix the retry loop\n- Patch the proxy (repo: acme/infra)\n\n## Preventative actions\n\n- Load-test the proxy\n';
    const ws = workspace({ 'postmortems/a.md': doc, [CONFIG]: 'issues:\n  parent: true\n  type: { corrective: Bug, preventative: task, parent: Feature }\n' });
    const run = push(ws, ['postmortems/a.md'], { token: 'app-token' });
    const first = await ok(run);
    expect(items().map((i) => `${i.title}: ${i.type}`)).toEqual(['Fix the retry loop: Bug', 'Load-test the proxy: Task']);
    expect(parentsIn()[0].type).toBe('Feature');
    expect(items('acme/infra').map((i) => i.type ?? null)).toEqual([null]);
    expect(warnings(first)).toEqual([]);
    expect(server.requests.filter((r) => r.template === '/repos/{owner}/{repo}/issue-types').map((r) => `${r.path} ${r.status}`)).toEqual([
      '/repos/acme/ops/issue-types 200',
      '/repos/acme/infra/issue-types 404',
    ]);
    await settled(run);
    // A person makes the bug a feature: it stays one.
    items()[0].type = 'Feature';
    await settled(run);
    expect(items()[0].type).toBe('Feature');
  });
});

describe('a project board (Projects v2, through GraphQL)', () => {
  const config = (fields = 'priority: Priority, due: Due date, incident: Incident') =>
    `issues:\n  due-by-priority: { P0: 7d, P1: 4w }\nproject:\n  number: 5\n  fields: { ${fields} }\n`;
  const DOC = `# Disk full\n\n**Date:** 2023-11-07\n\n## Action items\n\n- Add disk alerts (priority: P0)\n- Rotate the logs daily (priority: P1)\n- Write the runbook\n`;
  const board = () =>
    server.addProject('acme', {
      number: 5, title: 'Incident follow-ups',
      fields: [
        { name: 'Status', dataType: 'SINGLE_SELECT', options: ['Todo', 'In Progress', 'Done'] },
        { name: 'Priority', dataType: 'SINGLE_SELECT', options: ['P0', 'P1', 'P2'] },
        { name: 'Due date', dataType: 'DATE' },
        { name: 'Incident', dataType: 'TEXT' },
      ],
    });
  /** Each card as "issue title: Status / Priority / Due date / Incident". */
  const cards = (p: ReturnType<typeof board>) =>
    p.items.map((item) => {
      const issue = server.state.issueByNodeId(item.contentId)!.issue;
      const value = (name: string) => {
        const f = p.fields.find((x) => x.name === name)!;
        const v = item.values.get(f.id);
        return (v?.optionId ? f.options!.find((o) => o.id === v.optionId)!.name : v?.text ?? v?.date) ?? '∅';
      };
      return `${issue.title}: ${['Status', 'Priority', 'Due date', 'Incident'].map(value).join(' / ')}`;
    });
  const mutations = () => server.writes().filter((w) => w.operationId === 'graphql');

  it('one card per item with its fields set, with a project token; a rerun changes nothing; a value a person set stays', async () => {
    const project = board();
    const ws = workspace({ 'postmortems/disk.md': DOC, [CONFIG]: config() });
    const run = push(ws, ['postmortems/disk.md'], { inputs: { 'project-token': 'app-token' } });
    const first = await ok(run);
    expect(cards(project)).toEqual([
      'Add disk alerts: Todo / P0 / 2023-11-14 / Disk full (2023-11-07)',
      'Rotate the logs daily: Todo / P1 / 2023-12-05 / Disk full (2023-11-07)',
      'Write the runbook: Todo / ∅ / ∅ / Disk full (2023-11-07)',
    ]);
    expect(mutations().map((m) => String((m.body as { query: string }).query).match(/addProjectV2ItemById|updateProjectV2ItemFieldValue/)![0])).toEqual([
      ...['addProjectV2ItemById', ...Array(4).fill('updateProjectV2ItemFieldValue')],
      ...['addProjectV2ItemById', ...Array(4).fill('updateProjectV2ItemFieldValue')],
      ...['addProjectV2ItemById', ...Array(2).fill('updateProjectV2ItemFieldValue')],
    ]);
    // The board's requests came with the project token; the issues with the workflow's.
    expect(new Set(server.requests.filter((r) => r.operationId === 'graphql' && r.login !== 'github-actions[bot]').map((r) => r.login))).toEqual(new Set(['postmortem-app[bot]']));
    expect(first.summary).toContain('**Project board** “Incident follow-ups”: 3 cards added, 3 updated, 0 unchanged.');
    await settled(run);

    // A person moves the alerts card to In Progress; the runbook item is marked done in the postmortem.
    const status = project.fields.find((f) => f.name === 'Status')!;
    project.items[0].values.set(status.id, { optionId: status.options!.find((o) => o.name === 'In Progress')!.id });
    writeFileSync(join(ws, 'postmortems/disk.md'), DOC.replace('- Write the runbook', '- [x] Write the runbook'));
    await ok(push(ws, ['postmortems/disk.md'], { inputs: { 'project-token': 'app-token' } }));
    expect(cards(project).map((c) => c.split(':')[1].split(' / ')[0].trim())).toEqual(['In Progress', 'Todo', 'Done']);
    await settled(push(ws, ['postmortems/disk.md'], { inputs: { 'project-token': 'app-token' } }));
  });

  it('with the workflow\'s GITHUB_TOKEN: the board is left alone and the run says why, and what token to pass', async () => {
    const project = board();
    const ws = workspace({ 'postmortems/disk.md': DOC, [CONFIG]: config() });
    const result = await ok(push(ws, ['postmortems/disk.md']));
    expect(items()).toHaveLength(3);
    expect(project.items).toEqual([]);
    expect(warnings(result)).toEqual([
      expect.stringMatching(/^The project board acme#5 was not updated: the workflow's GITHUB_TOKEN cannot reach Projects .* `project-token` input: a GitHub App installation token with the organization permission Projects: read and write .* fine-grained personal access token with Projects: read and write/),
    ]);
  });

  it('fields and options the project lacks are named in one error, and nothing is written to the board', async () => {
    const project = board();
    const ws = workspace({ 'postmortems/disk.md': DOC.replace('(priority: P1)', '(priority: P3)'), [CONFIG]: config('priority: Priority, due: Deadline, incident: Incident') });
    const result = await runAction(push(ws, ['postmortems/disk.md'], { inputs: { 'project-token': 'classic-token' } }));
    expect(result.code).toBe(1);
    const errors = warnings(result).filter((w) => w.startsWith('Project'));
    expect(errors).toEqual([
      'Project "Incident follow-ups" (acme#5): field "Priority" has no option "P3" (its options: "P0", "P1", "P2"); no field "Deadline" (a date field, for the deadline; the project has "Title", "Status", "Priority", "Due date", "Incident"). Fix the project or the `project` config; the board was not updated.',
    ]);
    expect(project.items).toEqual([]);
    expect(mutations()).toEqual([]);
    expect(items()).toHaveLength(3); // the issues themselves were synced
  });
});

describe('the audit reads all of it', () => {
  it('follow-up status per repository, progress per incident from its tracking issue\'s sub-issues, overdue by deadline, and the dashboard links each tracking issue', async () => {
    server.addRepo('acme/infra');
    const doc = '# Disk full\n\n**Date:** 2023-11-07\n\n## Action items\n\n- Add disk alerts (priority: P0)\n- Rotate the logs daily (repo: acme/infra)\n- Write the runbook (priority: P3)\n';
    const ws = workspace({ 'postmortems/disk.md': doc, [CONFIG]: 'issues:\n  parent: true\n  due-by-priority: { P0: 7d }\n' });
    await ok(push(ws, ['postmortems/disk.md'], { token: 'app-token' }));
    const [parent] = parentsIn();
    Object.assign(items('acme/infra')[0], { state: 'closed', state_reason: 'completed', closed_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });

    const audit = await ok(actionEnv(server, scheduleEvent({ repo: REPO }), { workspace: ws, token: 'app-token', inputs: { ...DEFAULT_INPUTS, token: 'app-token' } }));
    const followUps = JSON.parse(audit.outputs.issues) as Array<{ title: string; status: string; repository: string; deadline?: string }>;
    expect(followUps.map((f) => `${f.title}: ${f.status} in ${f.repository}${f.deadline ? ` by ${f.deadline}` : ''}`)).toEqual([
      'Add disk alerts: overdue in acme/ops by 2023-11-14',
      'Rotate the logs daily: closed in acme/infra',
      'Write the runbook: open in acme/ops',
    ]);
    const dashboard = issues().find((i) => (i.body ?? '').includes('postmortem-governance:dashboard'))!;
    for (const text of [audit.summary, dashboard.body!]) {
      expect(text).toContain('### Follow-ups by repository');
      expect(text).toContain('| `acme/infra` | 0 | 0 | 1 | 0 | 0 |');
      expect(text).toContain('| `acme/ops` | 1 | 1 | 0 | 0 | 0 |');
      expect(text).toContain(`| [#${parent.number}](https://github.com/${REPO}/issues/${parent.number}) 1/3 closed |`);
      expect(text).toMatch(/\| \[#\d+\]\([^)]+\) \| Add disk alerts \| — \| 2023-11-14 \|/);
    }
    await settled(actionEnv(server, scheduleEvent({ repo: REPO }), { workspace: ws, token: 'app-token', inputs: { ...DEFAULT_INPUTS, token: 'app-token' } }));
  });
});
