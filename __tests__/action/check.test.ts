import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionEnv, pullRequestEvent, pushEvent } from '../support/events.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { DEFAULT_INPUTS, NODES, runAction, workspace } from '../support/run-action.js';
import { fixture } from '../helpers.js';

const REPO = 'acme/ops';
const BROKEN = `# DB outage

## Summary

- Start: 2023-05-02 10:00 UTC
- End: 2023-05-02 11:00 UTC
- Duration: 3 hours

## Timeline

- 10:00 UTC alert
- 09:30 UTC deploy
- 10:50 UTC fixed

## Root cause

Disk full.

## Action items

- Add disk alerts @dana
`;

let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer();
  server.addRepo(REPO, { assignable: ['dana'] });
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

function setup(prFiles: Array<{ filename: string; status?: 'added' | 'modified' | 'removed' }>, files: Record<string, string>, options: { fork?: boolean; token?: string; inputs?: Record<string, string> } = {}) {
  server.addPullRequest(REPO, 7, prFiles);
  const ws = workspace(files);
  const event = pullRequestEvent({ repo: REPO, number: 7, fork: options.fork });
  return actionEnv(server, event, { workspace: ws, token: options.token, inputs: { ...DEFAULT_INPUTS, ...(options.token ? { token: options.token } : {}), ...options.inputs } });
}

describe.each(NODES)('check mode on a pull request (%s)', (_name, node) => {
  it('annotates each finding on its line, writes the summary and outputs, and keeps exactly one comment over three runs', async () => {
    const run = setup(
      [
        { filename: 'postmortems/2023-11-07-ddos.md', status: 'added' },
        { filename: 'postmortems/2023-05-02-db.md', status: 'modified' },
        { filename: 'postmortems/2020-01-01-gone.md', status: 'removed' },
        { filename: 'src/app.ts', status: 'modified' },
      ],
      {
        'postmortems/2023-11-07-ddos.md': fixture('seed-postmortem.md'),
        'postmortems/2023-05-02-db.md': BROKEN,
        'postmortems/2019-01-01-untouched.md': '# not in the PR\n',
        'src/app.ts': 'export {};\n',
      },
    );
    const first = await runAction(run, { node });
    expect(first.code, first.stderr).toBe(1); // errors reach fail-on: error

    const errors = first.annotations.filter((a) => a.level === 'error' && a.props.file);
    expect(errors.map((a) => `${a.props.file}:${a.props.line}:${a.props.col}:${a.props.title}`)).toEqual([
      'postmortems/2023-05-02-db.md:1:1:required-sections',
      'postmortems/2023-05-02-db.md:7:13:duration-mismatch',
      'postmortems/2023-05-02-db.md:12:3:timeline-order',
    ]);
    // Errors come before warnings.
    const levels = first.annotations.filter((a) => a.props.file).map((a) => a.level);
    expect(levels.indexOf('warning')).toBeGreaterThan(levels.lastIndexOf('error'));
    expect(first.annotations.find((a) => a.props.title === 'timeline-order')?.message).toMatch(/^Unexpected 09:30 UTC after 10:00 UTC \(line 11\), expected entries in chronological order$/);

    // Outputs
    expect(Number(first.outputs.errors)).toBe(3);
    expect(Number(first.outputs.findings)).toBeGreaterThan(3);
    const report = JSON.parse((await import('node:fs')).readFileSync(first.outputs.report, 'utf8'));
    expect(report.version).toBe(1);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['postmortems/2023-05-02-db.md', 'postmortems/2023-11-07-ddos.md']);
    const planned = JSON.parse(first.outputs.issues);
    expect(planned).toHaveLength(7);
    expect(planned.every((p: { action: string }) => p.action === 'planned')).toBe(true);

    // Summary: a table per file, the sections, and the timeline as Mermaid.
    expect(first.summary).toContain('### `postmortems/2023-11-07-ddos.md`');
    expect(first.summary).toContain('```mermaid\ntimeline');
    expect(first.summary).toContain('✅ Summary · ✅ Timeline · ✅ Root cause · ❌ Resolution · ✅ Action items');
    expect(first.summary).toContain('Action-item issues a merge will open');

    // One comment, edited in place, never duplicated; no issue opened from an unmerged PR.
    await runAction(run, { node });
    await runAction(run, { node });
    const pr = server.state.repo(REPO).issues.get(7)!;
    expect(pr.comments).toHaveLength(1);
    expect(pr.comments[0].body.startsWith('<!-- postmortem-governance:pr-comment -->')).toBe(true);
    expect(pr.comments[0].body).toContain('Merging will open 7 action-item issues');
    expect(pr.comments[0].body).toContain('https://github.com/acme/ops/blob/');
    expect(server.issues(REPO)).toHaveLength(0);
    const writes = server.writes().map((w) => `${w.method} ${w.template}`);
    expect(writes).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments']);
  });

  it('previews only what a merge would really do when issues already exist', async () => {
    const doc = '# Outage\n\n## Summary\n\nDown.\n\n## Timeline\n\n- 10:00 UTC down\n\n## Root cause\n\nDisk.\n\n## Resolution\n\nFreed.\n\n## Action items\n\n- Add disk usage alerts @dana\n- Rotate the database credentials @dana\n';
    const ws = workspace({ 'postmortems/a.md': doc });
    const push = pushEvent({ repo: REPO });
    const payload = push.payload as unknown as { commits: Array<Record<string, unknown>>; repository: { default_branch: string } };
    payload.commits = [{ ...payload.commits[0], added: ['postmortems/a.md'], modified: [], removed: [] }];
    payload.repository.default_branch = 'main';
    expect((await runAction(actionEnv(server, push, { workspace: ws, inputs: { ...DEFAULT_INPUTS } }), { node })).code).toBe(0);
    expect(server.issues(REPO)).toHaveLength(2);

    writeFileSync(join(ws, 'postmortems/a.md'), doc.replace('- Rotate the database credentials @dana\n', '- Rotate all the database credentials @dana\n- Write the failover runbook @dana\n'));
    const run = setup([{ filename: 'postmortems/a.md', status: 'modified' }], {});
    run.env.GITHUB_WORKSPACE = ws;
    const result = await runAction(run, { node, cwd: ws });
    expect(result.code, result.stdout).toBe(0);
    const [comment] = server.state.repo(REPO).issues.get(7)!.comments;
    expect(comment.body).toContain('Merging will open 1 action-item issue</summary>');
    expect(comment.body).toContain('| Write the failover runbook | other | `@dana` |');
    expect(comment.body).toContain('Merging will also update 1 existing issue.');
    expect(server.issues(REPO)).toHaveLength(2);
  });

  it('on a clean PR says so briefly with the issues the merge opens, and is quiet when there is nothing to say', async () => {
    const run = setup([{ filename: 'postmortems/good.md', status: 'added' }], {
      'postmortems/good.md': fixture('../../examples/2024-03-12-checkout-latency.md'),
    });
    const result = await runAction(run, { node });
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.outputs.findings).toBe('0');
    const [comment] = server.state.repo(REPO).issues.get(7)!.comments;
    expect(comment.body).toContain('✅ 1 postmortem checked: no problems.');
    expect(comment.body).toContain('<details><summary>Merging will open 3 action-item issues</summary>');
    expect(result.summary).toContain('no problems');

    // All done: no findings, nothing to open. No comment is posted for that.
    server.addPullRequest(REPO, 8, [{ filename: 'postmortems/done.md', status: 'added' }]);
    const done = '# Done\n\n## Summary\n\nDown 10:00-10:30 UTC on 2024-01-02.\n\n## Timeline\n\n- 10:00 UTC down\n- 10:30 UTC up\n\n## Root cause\n\nDisk.\n\n## Resolution\n\nFreed.\n\n## Action items\n\n- [x] Add disk alerts @dana\n';
    const ws = workspace({ 'postmortems/done.md': done });
    const quiet = await runAction(actionEnv(server, pullRequestEvent({ repo: REPO, number: 8 }), { workspace: ws, inputs: { ...DEFAULT_INPUTS } }), { node });
    expect(quiet.code, quiet.stdout).toBe(0);
    expect(quiet.outputs.findings).toBe('0');
    expect(server.state.repo(REPO).issues.get(8)!.comments).toHaveLength(0);
  });

  it('on a fork PR with a read-only token, still annotates and says once that it could not comment', async () => {
    server.addRepo(REPO, { tokens: { 'ro-token': { login: 'github-actions[bot]', permission: 'read' } } });
    const run = setup([{ filename: 'postmortems/db.md', status: 'added' }], { 'postmortems/db.md': BROKEN }, { fork: true, token: 'ro-token', inputs: { 'fail-on': 'never' } });
    const result = await runAction(run, { node });
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.annotations.filter((a) => a.level === 'error' && a.props.file)).toHaveLength(3);
    const notes = result.annotations.filter((a) => !a.props.file && /PR comment was not written/.test(a.message));
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toMatch(/read-only on pull requests from forks/);
    expect(result.summary).toMatch(/PR comment was not written/);
    expect(server.state.repo(REPO).issues.get(7)!.comments).toHaveLength(0);
    expect(result.stdout + result.stderr).not.toContain('ro-token');
  });
});
