import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionEnv, pushEvent } from '../support/events.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { DEFAULT_INPUTS, runAction, workspace } from '../support/run-action.js';
import { addReferences } from '../../src/sync/link-back.js';

const REPO = 'acme/ops';
const DOC = `# Outage\n\n## Action items\n\n- Add disk usage alerts @dana\n- Rotate the database credentials <!-- id: rotate -->\n`;
const CONFIG = 'issues:\n  link-back: true\n';
let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer();
  server.addRepo(REPO, { assignable: ['dana'], files: { 'postmortems/a.md': DOC, '.github/postmortem.yml': CONFIG } });
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

describe('link-back', () => {
  it('writes each line\'s reference before a trailing comment and keeps line endings', () => {
    expect(addReferences('a\r\n- one\r\n- two <!-- id: x -->\r\n', [{ line: 2, issue: 4 }, { line: 3, issue: 5 }]).text).toBe('a\r\n- one (#4)\r\n- two (#5) <!-- id: x -->\r\n');
    expect(addReferences('- one (#4)\n', [{ line: 1, issue: 4 }]).added).toBe(0);
  });

  it('keeps hard-break spaces and the longest trailing comment, and a hostile line of whitespace takes no time', () => {
    expect(addReferences('- two <!-- a <!-- b -->  \n', [{ line: 1, issue: 5 }]).text).toBe('- two (#5) <!-- a <!-- b -->  \n');
    expect(addReferences('- two <!-- x > y -->\n', [{ line: 1, issue: 5 }]).text).toBe('- two <!-- x > y --> (#5)\n');
    const started = performance.now();
    expect(addReferences(`- ${'\t'.repeat(100_000)}`, [{ line: 1, issue: 5 }]).text).toBe(`- (#5) ${'\t'.repeat(100_000)}`);
    expect(addReferences(`- ${'\t'.repeat(3_000)}x`, [{ line: 1, issue: 5 }]).text).toBe(`- ${'\t'.repeat(3_000)}x (#5)`);
    // A cubic pattern took minutes here; a scan takes well under a millisecond (generous for a loaded machine).
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('opens one PR that links the new issues from the document; the merged result is stable', async () => {
    const sha = server.state.repo(REPO).refs.get('refs/heads/main')!;
    const ws = workspace({ 'postmortems/a.md': DOC, '.github/postmortem.yml': CONFIG });
    const event = pushEvent({ repo: REPO, after: sha });
    const payload = event.payload as unknown as { commits: Array<Record<string, unknown>>; repository: { default_branch: string } };
    payload.commits = [{ ...payload.commits[0], added: ['postmortems/a.md'], modified: [], removed: [] }];
    payload.repository.default_branch = 'main';
    const run = actionEnv(server, event, { workspace: ws, sha, inputs: { ...DEFAULT_INPUTS } });
    const first = await runAction(run);
    expect(first.code, first.stdout).toBe(0);
    const issues = server.issues(REPO);
    expect(issues).toHaveLength(2);
    const pulls = [...server.state.repo(REPO).issues.values()].filter((i) => i.pull);
    expect(pulls).toHaveLength(1);
    const branch = pulls[0].pull!.head.ref;
    expect(branch).toBe(`postmortem-governance/link-back-${sha.slice(0, 12)}`);
    const head = server.state.repo(REPO).commits.get(server.state.repo(REPO).refs.get(`refs/heads/${branch}`)!)!;
    const linked = head.tree.get('postmortems/a.md')!.content;
    expect(linked).toBe(`# Outage\n\n## Action items\n\n- Add disk usage alerts @dana (#${issues[0].number})\n- Rotate the database credentials (#${issues[1].number}) <!-- id: rotate -->\n`);
    expect(server.state.repo(REPO).refs.get('refs/heads/main')).toBe(sha); // the default branch is untouched

    // After the link-back PR merges, the items are the same items: nothing to write.
    writeFileSync(join(ws, 'postmortems/a.md'), linked);
    const before = server.writes().length;
    const second = await runAction(run);
    expect(second.code).toBe(0);
    expect(server.writes().length).toBe(before);
    expect(JSON.parse(second.outputs.issues).map((o: { action: string }) => o.action)).toEqual(['unchanged', 'unchanged']);
  });
});
