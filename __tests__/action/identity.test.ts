/**
 * Issue 11's table, row by row, against the bundle (dist/index.js) and the
 * loopback GitHub: what people do to postmortems, tokens and issues, and
 * that each ends with exactly one open issue per item, nothing a person
 * wrote lost, and a second run that writes nothing.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseItemMarker } from '../../src/core/markers.js';
import { actionEnv, pullRequestEvent, pushEvent, scheduleEvent, type ActionRun } from '../support/events.js';
import { startGitHubServer, TOKEN_KINDS, type GitHubServer, type IssueRecord } from '../support/github-server.js';
import { DEFAULT_INPUTS, runAction, workspace, type ActionResult } from '../support/run-action.js';
import { fixture, FIXTURES } from '../helpers.js';

const REPO = 'acme/ops';
const SEED = 'postmortems/2023-11-07-ddos.md';
const TOKENS = { 'test-token': TOKEN_KINDS.actions, 'app-token': TOKEN_KINDS.app, 'classic-token': TOKEN_KINDS.classic, 'fine-grained-token': TOKEN_KINDS.fineGrained };

let server: GitHubServer;
let shas = 0;
beforeEach(async () => {
  server = await startGitHubServer({ tokens: TOKENS });
  server.addRepo(REPO, { assignable: ['dana', 'erin'] });
  server.addRepo('acme/infra');
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

const issues = () => server.issues(REPO);
const open = () => issues().filter((i) => i.state === 'open');
const writes = () => server.writes().map((w) => `${w.method} ${w.path}`);

/** A push to main that added/modified `changed` and removed `removed`. */
function push(ws: string, changed: string[], o: { removed?: string[]; inputs?: Record<string, string>; token?: string; attempt?: string } = {}): ActionRun {
  const sha = (++shas).toString(16).padStart(40, '0');
  const event = pushEvent({ repo: REPO, after: sha });
  const payload = event.payload as unknown as { commits: Array<Record<string, unknown>>; repository: { default_branch: string } };
  payload.commits = [{ ...payload.commits[0], added: changed, modified: [], removed: o.removed ?? [] }];
  payload.repository.default_branch = 'main';
  const token = o.token ?? 'test-token';
  const run = actionEnv(server, event, { workspace: ws, sha, token, inputs: { ...DEFAULT_INPUTS, token, ...o.inputs } });
  if (o.attempt) run.env.GITHUB_RUN_ATTEMPT = o.attempt;
  return run;
}

async function ok(run: ActionRun): Promise<ActionResult> {
  const result = await runAction(run);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return result;
}

/** Run again: nothing to write, and each item of `paths` has exactly one open issue (or a closed one). */
async function settled(run: ActionRun, items: number): Promise<ActionResult> {
  const before = server.writes().length;
  const again = await ok(run);
  expect(server.writes().slice(before).map((w) => `${w.method} ${w.path}`)).toEqual([]);
  // The product's open issues (a person's copy of a marker is theirs, not the product's).
  const keys = issues().filter((i) => i.state === 'open' && i.user !== 'mallory').map((i) => { const m = parseItemMarker(i.body); return m ? `${m.path}#${m.id}` : `#${i.number}`; });
  expect(new Set(keys).size).toBe(keys.length);
  const outcomes = JSON.parse(again.outputs.issues) as Array<{ action: string; issue: number | null }>;
  expect(outcomes.filter((o) => ['unchanged', 'already-closed', 'linked', 'kept-open'].includes(o.action))).toHaveLength(items);
  return again;
}

function move(ws: string, from: string, to: string) {
  mkdirSync(dirname(join(ws, to)), { recursive: true });
  renameSync(join(ws, from), join(ws, to));
}

describe('a document renamed or moved', () => {
  it('git mv in a push: the same 6 issues link to the new path, nothing is commented, a finished item stays closed', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    await ok(push(ws, [SEED]));
    expect(issues()).toHaveLength(6);
    Object.assign(issues()[2], { state: 'closed', state_reason: 'completed' });
    move(ws, SEED, 'postmortems/2023/ddos.md');
    const moved = await ok(push(ws, ['postmortems/2023/ddos.md'], { removed: [SEED] }));
    expect(issues()).toHaveLength(6);
    expect(issues().flatMap((i) => i.comments)).toEqual([]);
    expect(issues().every((i) => !i.labels.includes('postmortem: removed'))).toBe(true);
    expect(issues()[2].state).toBe('closed');
    for (const i of open()) expect(i.body).toContain('/postmortems/2023/ddos.md#L');
    expect(JSON.parse(moved.outputs.issues).map((o: { action: string }) => o.action).sort()).toEqual(['already-closed', ...Array(5).fill('updated')]);
    await settled(push(ws, ['postmortems/2023/ddos.md']), 6);
  });

  it('with the paths input (every postmortem read): the same issues, no silent duplicates', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    const paths = { paths: 'postmortems/**/*.md' };
    await ok(push(ws, [], { inputs: paths }));
    move(ws, SEED, 'postmortems/2023/ddos.md');
    await ok(push(ws, [], { inputs: paths }));
    expect(issues()).toHaveLength(6);
    expect(open().every((i) => i.body!.includes('postmortems/2023/ddos.md'))).toBe(true);
    await settled(push(ws, [], { inputs: paths }), 6);
  });

  it('a merged pull request that renames it (git\'s rename information)', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    await ok(push(ws, [SEED]));
    move(ws, SEED, 'postmortems/2023/ddos.md');
    server.addPullRequest(REPO, 50, [{ filename: 'postmortems/2023/ddos.md', previous_filename: SEED, status: 'renamed' }], { merged: true });
    const pr = actionEnv(server, pullRequestEvent({ repo: REPO, number: 50, action: 'closed', merged: true }), { workspace: ws, inputs: { ...DEFAULT_INPUTS } });
    await ok(pr);
    expect(issues()).toHaveLength(6);
    expect(issues().flatMap((i) => i.comments)).toEqual([]);
    await settled(pr, 6);
  });
});

describe('an item moved or reworded', () => {
  it('moved from one postmortem to another: the issue follows the item', async () => {
    const a = '# A\n\n## Action items\n\n- Add disk usage alerts @dana\n- Rotate the database credentials\n';
    const b = '# B\n\n## Action items\n\n- Write the failover runbook\n';
    const ws = workspace({ 'postmortems/a.md': a, 'postmortems/b.md': b });
    await ok(push(ws, ['postmortems/a.md', 'postmortems/b.md']));
    const rotate = issues()[1];
    writeFileSync(join(ws, 'postmortems/a.md'), '# A\n\n## Action items\n\n- Add disk usage alerts @dana\n');
    writeFileSync(join(ws, 'postmortems/b.md'), `${b}- Rotate the database credentials\n`);
    await ok(push(ws, ['postmortems/a.md', 'postmortems/b.md']));
    expect(issues()).toHaveLength(3);
    expect(rotate.body).toContain('/postmortems/b.md#L6');
    expect(rotate.labels).not.toContain('postmortem: removed');
    expect(rotate.comments).toEqual([]);
    await settled(push(ws, ['postmortems/a.md', 'postmortems/b.md']), 3);
  });

  it('a heavy rewording, and a typo fixed in a two-word item: the same issues, retitled', async () => {
    const doc = '# A\n\n## Action items\n\n- Add disk usage alerts\n- Rotate keys\n- Write the failover runbook\n';
    const ws = workspace({ 'postmortems/a.md': doc });
    await ok(push(ws, ['postmortems/a.md']));
    const [alerts, keys] = issues();
    writeFileSync(join(ws, 'postmortems/a.md'), '# A\n\n## Action items\n\n- Page the on-call engineer before any volume fills up\n- Rotate kyes\n- Write the failover runbook\n');
    await ok(push(ws, ['postmortems/a.md']));
    expect(issues()).toHaveLength(3);
    expect(alerts.title).toBe('Page the on-call engineer before any volume fills up');
    expect(keys.title).toBe('Rotate kyes');
    expect(issues().every((i) => i.state === 'open' && !i.labels.includes('postmortem: removed'))).toBe(true);
    await settled(push(ws, ['postmortems/a.md']), 3);
  });
});

describe('the action\'s identity, whatever the token', () => {
  it('a GitHub App installation token (GET /user answers 403): its own issues are found, one dashboard per audit', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    await ok(push(ws, [SEED], { token: 'app-token' }));
    expect(issues().map((i) => i.user)).toEqual(Array(6).fill('postmortem-app[bot]'));
    expect(server.requests.some((r) => r.path === '/user' && r.status === 403)).toBe(true);
    await settled(push(ws, [SEED], { token: 'app-token' }), 6);
    const audit = actionEnv(server, scheduleEvent({ repo: REPO }), { workspace: ws, token: 'app-token', inputs: { ...DEFAULT_INPUTS, token: 'app-token' } });
    await ok(audit);
    await ok(audit);
    expect(issues().filter((i) => i.title === 'Postmortem dashboard')).toHaveLength(1);
  });

  it.each([['a classic personal token', 'classic-token'], ['a fine-grained personal token', 'fine-grained-token'], ['a GitHub App', 'app-token']])(
    'switching from GITHUB_TOKEN to %s: the earlier issues are recognised',
    async (_name, token) => {
      const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
      await ok(push(ws, [SEED]));
      const before = server.writes().length;
      await ok(push(ws, [SEED], { token }));
      expect(server.writes().slice(before)).toEqual([]);
      expect(issues()).toHaveLength(6);
      await settled(push(ws, [SEED], { token }), 6);
    },
  );

  it('and back, from an App to a personal token: the App\'s issues are recognised by their marker, a pasted one is not', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    await ok(push(ws, [SEED], { token: 'app-token', inputs: { 'max-issues': '5' } }));
    const pasted = server.addIssue(REPO, { title: 'copy', body: issues()[0].body, user: 'mallory', labels: ['postmortem'] });
    await ok(push(ws, [SEED], { token: 'classic-token' }));
    expect(issues().filter((i) => i.user === 'ops-bot')).toHaveLength(1); // only the sixth item is new
    expect(pasted.comments).toEqual([]);
    expect(pasted.state).toBe('open');
    await settled(push(ws, [SEED], { token: 'classic-token' }), 6);
  });
});

describe('people\'s edits win', () => {
  it('a removed label or assignee is not put back', async () => {
    const ws = workspace({ 'postmortems/a.md': '# A\n\n## Action items\n\n- Add disk usage alerts @dana\n' });
    await ok(push(ws, ['postmortems/a.md']));
    const [issue] = issues();
    expect(issue.assignees).toEqual(['dana']);
    issue.labels = ['corrective'];
    issue.assignees = [];
    await settled(push(ws, ['postmortems/a.md']), 1);
    expect(issue.labels).toEqual(['corrective']);
    expect(issue.assignees).toEqual([]);
  });

  it('a body rewritten by a person (the marker gone): the issue is found, their text kept, the block put back below it', async () => {
    const ws = workspace({ 'postmortems/a.md': '# A\n\n## Action items\n\n- Add disk usage alerts\n- Rotate the database credentials\n' });
    await ok(push(ws, ['postmortems/a.md']));
    const [issue] = issues();
    issue.body = 'We decided to use the vendor\'s alerting instead. Tracking here.';
    await ok(push(ws, ['postmortems/a.md']));
    expect(issues()).toHaveLength(2);
    expect(issue.body).toMatch(/^We decided to use the vendor's alerting instead\. Tracking here\.\n\n<!-- postmortem-governance:start -->/);
    await settled(push(ws, ['postmortems/a.md']), 2);
  });

  it('an issue transferred to another repository, linked from the document: followed, no duplicate', async () => {
    const ws = workspace({ 'postmortems/a.md': '# A\n\n## Action items\n\n- Add disk usage alerts\n' });
    await ok(push(ws, ['postmortems/a.md']));
    const [issue] = issues();
    writeFileSync(join(ws, 'postmortems/a.md'), `# A\n\n## Action items\n\n- Add disk usage alerts (#${issue.number})\n`);
    const moved = server.transferIssue(REPO, issue.number, 'acme/infra');
    const result = await ok(push(ws, ['postmortems/a.md']));
    expect(issues()).toEqual([]);
    expect(server.issues('acme/infra')).toEqual([moved]);
    expect(JSON.parse(result.outputs.issues)).toEqual([expect.objectContaining({ action: 'linked', reason: `the document links #${issue.number}, now acme/infra#${moved.number} (transferred)` })]);
    await settled(push(ws, ['postmortems/a.md']), 1);
  });

  it('notes written below a deleted end marker survive the next pushes', async () => {
    const ws = workspace({ 'postmortems/a.md': '# A\n\n## Action items\n\n- Add disk usage alerts\n' });
    await ok(push(ws, ['postmortems/a.md']));
    const [issue] = issues();
    issue.body = `${issue.body!.replace('<!-- postmortem-governance:end -->', '')}\n\nNotes from the review: ask the DBA team.`;
    writeFileSync(join(ws, 'postmortems/a.md'), '# A\n\nA new line moves the item.\n\n## Action items\n\n- Add disk usage alerts\n');
    await ok(push(ws, ['postmortems/a.md']));
    expect(issue.body).toContain('/postmortems/a.md#L7');
    expect(issue.body).toMatch(/<!-- postmortem-governance:end -->\n+Notes from the review: ask the DBA team\.$/);
    await ok(push(ws, ['postmortems/a.md']));
    expect(issue.body).toContain('Notes from the review: ask the DBA team.');
    await settled(push(ws, ['postmortems/a.md']), 1);
  });

  it('a closed dashboard stays closed (the summary says so); text above its marker is kept, and there is one dashboard', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    const audit = actionEnv(server, scheduleEvent({ repo: REPO }), { workspace: ws, inputs: { ...DEFAULT_INPUTS } });
    await ok(audit);
    const [dashboard] = issues();
    dashboard.body = `Owner: the SRE guild. Please keep this line.\n\n${dashboard.body}`;
    writeFileSync(join(ws, 'postmortems/new.md'), '# New\n\n## Action items\n\n- Add a second DNS provider\n');
    await ok(audit);
    expect(issues()).toHaveLength(1);
    expect(dashboard.body).toMatch(/^Owner: the SRE guild\. Please keep this line\.\n\n<!-- postmortem-governance:dashboard -->/);
    expect(dashboard.body).toContain('new.md');
    Object.assign(dashboard, { state: 'closed', state_reason: 'completed' });
    writeFileSync(join(ws, 'postmortems/newer.md'), '# Newer\n\n## Action items\n\n- Add a third DNS provider\n');
    const before = server.writes().length;
    const closed = await ok(audit);
    expect(server.writes().slice(before)).toEqual([]);
    expect(dashboard.state).toBe('closed');
    expect(issues()).toHaveLength(1);
    expect(closed.summary).toContain(`The dashboard issue #${dashboard.number} is closed, so it was not updated`);
  });
});

describe('runs that overlap, crash, or cannot read a file', () => {
  it('two pushes whose runs overlap, without a concurrency group: one issue per item, in every trial', async () => {
    const ws = workspace({});
    for (let trial = 0; trial < 4; trial++) {
      mkdirSync(join(ws, 'postmortems'), { recursive: true });
      writeFileSync(join(ws, `postmortems/t${trial}.md`), fixture('seed-postmortem.md'));
      const before = issues().length;
      const [a, b] = await Promise.all([runAction(push(ws, [`postmortems/t${trial}.md`])), runAction(push(ws, [`postmortems/t${trial}.md`]))]);
      expect([a.code, b.code]).toEqual([0, 0]);
      expect(issues().length - before, a.stdout + b.stdout).toBe(6); // no copy opened at all, so none to close
    }
    expect(issues().every((i) => i.state === 'open' && i.comments.length === 0)).toBe(true);
    expect(server.state.repo(REPO).labels.has('postmortem-governance: sync lock')).toBe(false);
  });

  it('a stale lock left by a crashed run is taken over', async () => {
    server.state.repo(REPO).labels.set('postmortem-governance: sync lock', { id: 1, name: 'postmortem-governance: sync lock', color: 'ededed', default: false, description: 'Held by workflow run 7, attempt 1 (0a1b2c3d) until 2020-01-01T00:00:00.000Z. Removed when that sync ends.' });
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    const result = await ok(push(ws, [SEED]));
    expect(result.stdout).toContain('Taking over a stale sync lock');
    expect(issues()).toHaveLength(6);
  });

  it('a crash between a comment and the close that follows it: the rerun posts no comment twice', async () => {
    const ws = workspace({ 'postmortems/a.md': '# A\n\n## Action items\n\n- Add disk usage alerts\n' });
    await ok(push(ws, ['postmortems/a.md']));
    writeFileSync(join(ws, 'postmortems/a.md'), '# A\n\n## Action items\n\n- [x] Add disk usage alerts\n');
    const run = push(ws, ['postmortems/a.md']);
    let kill = () => {};
    server.crashAfter({ method: 'POST', path: '/repos/{owner}/{repo}/issues/{issue_number}/comments', count: 1, onCrash: () => kill() });
    const crashed = await runAction(run, { onSpawn: (k) => (kill = k) });
    expect(crashed.code).not.toBe(0);
    const [issue] = issues();
    expect(issue.state).toBe('open');
    await ok({ ...run, env: { ...run.env, GITHUB_RUN_ATTEMPT: '2' } });
    expect(issue.state).toBe('closed');
    expect(issue.comments).toHaveLength(1);
    await settled(push(ws, ['postmortems/a.md']), 1);
  });

  it('a postmortem with broken front matter among good ones: the good ones synced, the bad file named with its line in the log, summary and output', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md'), 'postmortems/broken.md': fixture('hostile/yaml-broken.md') });
    writeFileSync(join(ws, 'postmortems/binary.md'), readFileSync(join(FIXTURES, 'hostile/binary-png.md')));
    const files = [SEED, 'postmortems/broken.md', 'postmortems/binary.md'];
    const result = await ok(push(ws, files));
    expect(issues().length).toBeGreaterThanOrEqual(6);
    expect(result.annotations).toContainEqual(expect.objectContaining({ level: 'warning', props: expect.objectContaining({ file: 'postmortems/broken.md', line: '3' }) }));
    expect(result.annotations).toContainEqual(expect.objectContaining({ level: 'warning', props: expect.objectContaining({ file: 'postmortems/binary.md' }), message: expect.stringMatching(/^Not synced: postmortems\/binary\.md could not be read/) }));
    expect(result.summary).toContain('**Files not read:**');
    expect(result.summary).toContain('`postmortems/broken.md:3`');
    expect(result.summary).toContain('- `postmortems/binary.md:3`: Unexpected binary data (a NUL byte), expected a UTF-8 or UTF-16 text file. Its action items were not synced.');
    const unread = (JSON.parse(result.outputs.issues) as Array<{ action: string; path: string; line: number }>).filter((o) => o.action.startsWith('unreadable'));
    expect(unread.map((o) => `${o.action} ${o.path}:${o.line}`)).toEqual(['unreadable postmortems/binary.md:3', 'unreadable-front-matter postmortems/broken.md:3']);
    rmSync(join(ws, 'postmortems/binary.md'));
  });
});
