/**
 * The README's examples of what people see (the job summary, the PR
 * comment, an issue body) come from real runs of the bundle. This test makes
 * them and fails when the committed copies differ; `UPDATE_EXAMPLES=1`
 * rewrites them (the bundle script then copies them into the README).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionEnv, pullRequestEvent, pushEvent } from '../support/events.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { DEFAULT_INPUTS, ROOT, runAction, workspace } from '../support/run-action.js';
import { fixture } from '../helpers.js';

const REPO = 'acme/incidents';
const DIR = join(ROOT, 'docs', 'examples');
const NEEDS_WORK = `# Payments database outage

## Summary

- Start: 2024-05-02 10:00 UTC
- End: 2024-05-02 11:00 UTC
- Duration: 3 hours

## Timeline

- 10:00 UTC Disk usage alert on db-3
- 09:40 UTC Nightly batch job starts writing temporary tables
- 10:50 UTC Temporary tables dropped, writes succeed again

## Root cause

The batch job's temporary tables filled the data volume.

## Action items

- Alert at 80% disk usage on every database volume @dana
- Move the batch job's temporary tables to their own volume

  The nightly job writes up to 40 GB of them; on a volume of its own, a runaway job cannot fill the database's.
`;

let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer();
  server.addRepo(REPO, { assignable: ['dana'] });
});
afterEach(async () => {
  await server.close();
});

function compare(name: string, actual: string): void {
  const path = join(DIR, name);
  if (process.env.UPDATE_EXAMPLES === '1' || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('README examples from real runs of dist/index.js', () => {
  it('the PR summary and comment', async () => {
    server.addPullRequest(REPO, 42, [
      { filename: 'postmortems/2024-05-02-payments-db.md', status: 'added' },
      { filename: 'postmortems/2024-03-12-checkout-latency.md', status: 'modified' },
    ]);
    const ws = workspace({
      'postmortems/2024-05-02-payments-db.md': NEEDS_WORK,
      'postmortems/2024-03-12-checkout-latency.md': fixture('../../examples/2024-03-12-checkout-latency.md'),
    });
    const run = actionEnv(server, pullRequestEvent({ repo: REPO, number: 42 }), { workspace: ws, inputs: { ...DEFAULT_INPUTS } });
    const result = await runAction(run);
    expect(result.code).toBe(1);
    compare('pr-summary.md', result.summary);
    compare('pr-comment.md', server.state.repo(REPO).issues.get(42)!.comments[0].body + '\n');
  });

  it('an action-item issue', async () => {
    const ws = workspace({ 'postmortems/2024-05-02-payments-db.md': NEEDS_WORK });
    const event = pushEvent({ repo: REPO, after: 'c0ffee'.padEnd(40, '0') });
    const payload = event.payload as unknown as { commits: Array<Record<string, unknown>>; repository: { default_branch: string } };
    payload.commits = [{ ...payload.commits[0], added: ['postmortems/2024-05-02-payments-db.md'], modified: [], removed: [] }];
    payload.repository.default_branch = 'main';
    const result = await runAction(actionEnv(server, event, { workspace: ws, sha: 'c0ffee'.padEnd(40, '0'), inputs: { ...DEFAULT_INPUTS } }));
    expect(result.code).toBe(0);
    const [first, second] = server.issues(REPO);
    compare('issue.md', `Title: ${first.title}\nLabels: ${first.labels.join(', ')}\nAssignees: ${first.assignees.join(', ')}\n\n${first.body}\n\n---\n\nTitle: ${second.title}\nLabels: ${second.labels.join(', ')}\nAssignees: ${second.assignees.join(', ') || '(none)'}\n\n${second.body}\n`);
    compare('sync-summary.md', result.summary);
  });

  it('a tracking issue and its sub-issues (issues.parent, deadlines from priority, one measure filed in another repository)', async () => {
    server.addRepo('acme/payments-batch');
    const doc = NEEDS_WORK.replace(
      /## Action items[\s\S]*$/,
      "## Action items\n\n- Alert at 80% disk usage on every database volume @dana (priority: P1)\n- Move the batch job's temporary tables to their own volume (repo: acme/payments-batch, priority: P2)\n- Write the runbook for a full data volume (due 2024-05-31)\n",
    );
    const ws = workspace({
      'postmortems/2024-05-02-payments-db.md': doc,
      '.github/postmortem.yml': 'issues:\n  parent: true\n  due-by-priority: { P1: 14d, P2: 28d }\n',
    });
    const sha = 'c0ffee'.padEnd(40, '0');
    const event = pushEvent({ repo: REPO, after: sha });
    const payload = event.payload as unknown as { commits: Array<Record<string, unknown>>; repository: { default_branch: string } };
    payload.commits = [{ ...payload.commits[0], added: ['postmortems/2024-05-02-payments-db.md'], modified: [], removed: [] }];
    payload.repository.default_branch = 'main';
    const result = await runAction(actionEnv(server, event, { workspace: ws, sha, inputs: { ...DEFAULT_INPUTS } }));
    expect(result.code).toBe(0);
    const parent = server.issues(REPO).find((i) => (i.body ?? '').includes('postmortem-governance:parent'))!;
    const subs = server.subIssues(REPO, parent.number);
    const ref = (i: (typeof subs)[number]) => (server.issues(REPO).includes(i) ? `#${i.number}` : `acme/payments-batch#${i.number}`);
    compare(
      'parent-issue.md',
      `Title: ${parent.title}\nLabels: ${parent.labels.join(', ')}\nSub-issues (${subs.length}):\n${subs.map((i) => `- ${ref(i)} ${i.title}`).join('\n')}\n\n${parent.body}\n`,
    );
  });
});
