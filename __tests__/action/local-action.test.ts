/**
 * The action under GitHub's local runner, `@github/local-action`, against the loopback
 * server: its Octokit comes from another copy of the Octokit packages, so errors must be
 * classified by their HTTP status (an `instanceof RequestError` test fails there), and
 * an empty `token` reaches the action as action.yml's unexpanded `${{ github.token }}`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionEnv, pullRequestEvent, pushEvent, scheduleEvent, type ActionRun } from '../support/events.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { runLocalAction } from '../support/run-local-action.js';
import { DEFAULT_INPUTS, ROOT, workspace } from '../support/run-action.js';
import { fixture } from '../helpers.js';

const REPO = 'acme/ops';
const SEED = 'postmortems/2023-11-07-ddos.md';
const BROKEN = `# DB outage\n\n## Summary\n\n- Start: 2023-05-02 10:00 UTC\n- End: 2023-05-02 11:00 UTC\n- Duration: 3 hours\n\n## Timeline\n\n- 10:00 UTC alert\n- 10:50 UTC fixed\n\n## Root cause\n\nDisk full.\n\n## Action items\n\n- Add disk alerts @dana\n`;

let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer();
  server.addRepo(REPO, { assignable: ['dana'] });
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

describe('under @github/local-action (src/main.ts through its stubs)', () => {
  it('checks a pull request: annotations, outputs, the summary and one PR comment (GET /user answers 403 to the workflow token)', async () => {
    server.addPullRequest(REPO, 7, [{ filename: SEED, status: 'added' }, { filename: 'postmortems/db.md', status: 'added' }]);
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md'), 'postmortems/db.md': BROKEN });
    const run = actionEnv(server, pullRequestEvent({ repo: REPO, number: 7 }), { workspace: ws, inputs: { ...DEFAULT_INPUTS, mode: 'check' } });

    const result = await runLocalAction(run);
    expect(result.stderr).not.toMatch(/HttpError|RequestError/);
    expect(result.failed).toEqual(['2 findings at or above `fail-on: error`.']);
    expect(result.annotations.filter((a) => a.level === 'error' && a.props.file).map((a) => `${a.props.file}:${a.props.line}:${a.props.col}:${a.props.title}`)).toEqual([
      'postmortems/db.md:1:1:required-sections',
      'postmortems/db.md:7:13:duration-mismatch',
    ]);
    expect(result.outputs.errors).toBe('2');
    expect(JSON.parse(result.outputs.issues)).toHaveLength(7);
    expect(result.summary).toContain('postmortems/db.md');
    const comments = server.state.repo(REPO).issues.get(7)!.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0].user).toBe('github-actions[bot]');
    // GET /user was asked and its 403 understood (it is github-actions[bot]), not raised.
    expect(server.requests.some((r) => r.template === '/user' && r.status === 403)).toBe(true);
  });

  it('syncs a push: one issue per measure, and a second run writes nothing', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    const event = pushEvent({ repo: REPO, after: 'a'.repeat(40) });
    const payload = event.payload as unknown as { commits: Array<Record<string, unknown>> };
    payload.commits = [{ ...payload.commits[0], added: [SEED], modified: [], removed: [] }];
    const run = actionEnv(server, event, { workspace: ws, sha: 'a'.repeat(40), inputs: { ...DEFAULT_INPUTS, mode: 'sync' } });
    const tuning = { POSTMORTEM_WRITE_INTERVAL_MS: '0', POSTMORTEM_RETRY_BASE_MS: '20', POSTMORTEM_CREATE_LIMITS: '100000/60' };

    const first = await runLocalAction(run, tuning);
    expect(first.failed, first.stdout).toEqual([]);
    expect(server.issues(REPO).map((i) => i.labels.sort().join(','))).toEqual([
      ...Array(3).fill('corrective,postmortem'),
      ...Array(3).fill('postmortem,preventative'),
    ]);
    expect(JSON.parse(first.outputs.issues).map((o: { action: string }) => o.action)).toEqual(Array(6).fill('created'));

    const writes = server.writes().length;
    const second = await runLocalAction(run, tuning);
    expect(second.failed).toEqual([]);
    expect(server.writes().length).toBe(writes);
    expect(JSON.parse(second.outputs.issues).map((o: { action: string }) => o.action)).toEqual(Array(6).fill('unchanged'));
  });

  it('audits on a schedule: one dashboard issue, every follow-up reported (none filed yet)', async () => {
    const ws = workspace({ [SEED]: fixture('seed-postmortem.md') });
    const run = actionEnv(server, scheduleEvent({ repo: REPO }), { workspace: ws, inputs: { ...DEFAULT_INPUTS } });
    const tuning = { POSTMORTEM_WRITE_INTERVAL_MS: '0', POSTMORTEM_RETRY_BASE_MS: '20', POSTMORTEM_CREATE_LIMITS: '100000/60' };

    const result = await runLocalAction(run, tuning);
    expect(result.failed, result.stdout).toEqual([]);
    const dashboards = server.issues(REPO).filter((i) => (i.body ?? '').startsWith('<!-- postmortem-governance:dashboard -->'));
    expect(dashboards).toHaveLength(1);
    expect(result.outputs.dashboard).toBe(`https://github.com/${REPO}/issues/${dashboards[0].number}`);
    expect(JSON.parse(result.outputs.issues).map((f: { status: string }) => f.status)).toEqual(Array(6).fill('not-filed'));
  });

  it('with .env.example as shipped (empty token): sends nothing, not even a literal "${{ github.token }}", and checks examples/ offline', async () => {
    // Only what cannot be known in advance is overridden: the loopback server (any request
    // reaching it would be a token sent) and throwaway places for the summary and report.
    const run = actionEnv(server, pullRequestEvent({ repo: REPO, number: 7 }), { workspace: ROOT });
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    const keep = ['GITHUB_API_URL', 'GITHUB_STEP_SUMMARY', 'RUNNER_TEMP'];
    const shipped: ActionRun = { ...run, env: Object.fromEntries(Object.entries(run.env).filter(([k]) => keep.includes(k))) };

    const result = await runLocalAction(shipped, {}, example);
    expect(result.failed).toEqual([]);
    expect(server.requests).toEqual([]);
    expect(result.stdout).toMatch(/No token: checking without GitHub/);
    expect(result.annotations.filter((a) => a.props.file).map((a) => a.props.file)).toEqual(Array(9).fill('examples/2023-11-07-ddos-party.md'));
    expect(result.outputs.findings).toBe('9');
    expect(result.summary).toContain('2023-11-07-ddos-party.md');
  });
});
