/**
 * A flaky API, an exhausted rate limit, hostile pull requests and the token:
 * the bundle as the runner starts it, against the loopback GitHub.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionEnv, pullRequestEvent, pushEvent, type ActionRun } from '../support/events.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { DEFAULT_INPUTS, runAction, workspace } from '../support/run-action.js';
import { fixture } from '../helpers.js';

const REPO = 'acme/ops';
const SECRET = 'ghs_TOPSECRETTOKEN0123456789abcdef';
let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer({ tokens: { [SECRET]: { login: 'github-actions[bot]', permission: 'write' } } });
  server.addRepo(REPO, { assignable: ['dana'] });
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

function pushRun(ws: string, changed: string[], inputs: Record<string, string> = {}): ActionRun {
  const event = pushEvent({ repo: REPO });
  const payload = event.payload as unknown as { commits: Array<Record<string, unknown>>; repository: { default_branch: string } };
  payload.commits = [{ ...payload.commits[0], added: changed, modified: [], removed: [] }];
  payload.repository.default_branch = 'main';
  return actionEnv(server, event, { workspace: ws, token: SECRET, inputs: { ...DEFAULT_INPUTS, token: SECRET, ...inputs } });
}

function items(n: number, prefix = 'Fix'): string {
  return Array.from({ length: n }, (_, i) => `- ${prefix} subsystem ${i + 1} so it cannot fail the same way (ticket ${(i * 7919) % 10007})`).join('\n');
}

describe('a flaky API', () => {
  it('random 5xx and dropped connections on 10% of requests across a 200-item sync: exactly one issue per item, honest reports, reruns finish', { timeout: 400_000 }, async () => {
    const ws = workspace({ 'postmortems/big.md': `# Big\n\n## Action items\n\n${items(200)}\n` });
    const faults = server.fault({ kind: { random: { rate: 0.1, seed: 42 } } });
    const runs = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const started = Date.now();
      const result = await runAction(pushRun(ws, ['postmortems/big.md'], { 'max-issues': '200' }));
      console.log(`run ${attempt + 1}: exit ${result.code} in ${Date.now() - started} ms`);
      const outcomes = JSON.parse(result.outputs.issues ?? '[]') as Array<{ action: string }>;
      runs.push({ code: result.code, failed: outcomes.filter((o) => o.action === 'failed').length, created: outcomes.filter((o) => o.action === 'created').length });
      // A run that did not finish says so and fails; a run that finished succeeds.
      if (result.code === 0) break;
      expect(result.annotations.some((a) => /rerun to finish/.test(a.message))).toBe(true);
    }
    faults.remove();
    const all = server.issues(REPO);
    const titles = all.map((i) => i.title);
    const duplicates = titles.length - new Set(titles).size;
    const lost = 200 - new Set(titles).size;
    console.log(`flaky sync: ${faults.fired} faults injected over ${server.requests.length} requests; runs ${JSON.stringify(runs)}; duplicates ${duplicates}; lost ${lost}`);
    expect(faults.fired).toBeGreaterThan(10);
    expect(runs[runs.length - 1].code).toBe(0);
    expect(duplicates).toBe(0);
    expect(lost).toBe(0);
    expect(all.filter((i) => i.state === 'open')).toHaveLength(200);
  });

  it('rate-limit exhaustion with a near reset: waits for the reset and completes', async () => {
    const ws = workspace({ 'postmortems/a.md': fixture('seed-postmortem.md') });
    server.fault({ method: 'POST', path: '/repos/{owner}/{repo}/issues', after: 1, kind: { rateLimitExhausted: { resetInSeconds: 1 } } });
    const result = await runAction(pushRun(ws, ['postmortems/a.md']), { extraEnv: { POSTMORTEM_RETRY_BASE_MS: '1000' } });
    expect(result.code, result.stdout).toBe(0);
    expect(server.issues(REPO)).toHaveLength(6);
    expect(result.stdout).toMatch(/Rate limit reached on POST .*; waiting \d+ s for the reset/);
  });

  it('rate-limit exhaustion with a distant reset: stops cleanly, says when to rerun, and a rerun completes', async () => {
    const ws = workspace({ 'postmortems/a.md': fixture('seed-postmortem.md') });
    const fault = server.fault({ method: 'POST', path: '/repos/{owner}/{repo}/issues', after: 2, times: 100, kind: { rateLimitExhausted: { resetInSeconds: 3000 } } });
    const first = await runAction(pushRun(ws, ['postmortems/a.md']));
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Rate limit exhausted on POST .*; it resets in \d+ s \(at \d{4}-\d{2}-\d{2}T[\d:.]+Z\)\. Rerun after that to finish the work\./);
    expect(first.stdout).toMatch(/rerun to finish/);
    expect(server.issues(REPO)).toHaveLength(2);
    fault.remove();
    const second = await runAction(pushRun(ws, ['postmortems/a.md']));
    expect(second.code).toBe(0);
    expect(server.issues(REPO)).toHaveLength(6);
  });
});

describe('hostile pull requests', () => {
  it('a merge that adds 5,000 action items opens max-issues of them and says what it skipped', async () => {
    const ws = workspace({ 'postmortems/spam.md': `# Spam\n\n## Action items\n\n${items(5000, 'Do')}\n` });
    const result = await runAction(pushRun(ws, ['postmortems/spam.md']));
    expect(result.code).toBe(0);
    expect(server.issues(REPO)).toHaveLength(50);
    expect(result.annotations.some((a) => /max-issues \(50\) reached: 4950 action items left without an issue/.test(a.message))).toBe(true);
    const outcomes = JSON.parse(result.outputs.issues) as Array<{ action: string }>;
    expect(outcomes.filter((o) => o.action === 'skipped')).toHaveLength(4950);
  });

  it('refuses globs that leave the workspace and symlinks that point outside it; other files still report', async () => {
    const outside = workspace({ 'secret.md': '# Secret\n\n## Summary\n\nshould never be read\n' });
    const ws = workspace({ 'postmortems/good.md': fixture('../../examples/2024-03-12-checkout-latency.md') });
    symlinkSync(join(outside, 'secret.md'), join(ws, 'postmortems', 'link.md'));
    mkdirSync(join(ws, '.github'), { recursive: true });
    writeFileSync(join(ws, '.github', 'postmortem.yml'), 'paths: ["postmortems/**/*.md"]\n');

    // A push: globs from the `paths` input, one of them leaving the workspace, one absolute.
    const event = pushEvent({ repo: REPO, ref: 'refs/heads/feature' });
    const run = actionEnv(server, event, { workspace: ws, token: SECRET, inputs: { ...DEFAULT_INPUTS, token: SECRET, mode: 'check', paths: `postmortems/*.md\n../${outside.split('/').pop()}/*.md\n${outside}/secret.md` } });
    const result = await runAction(run);
    expect(result.code, result.stdout).toBe(0);
    const report = JSON.parse(readFileSync(result.outputs.report, 'utf8')) as { files: Array<{ path: string }> };
    expect(report.files.map((f) => f.path)).toEqual(['postmortems/good.md']); // the symlink is never read
    expect(result.summary).toMatch(/Skipped \.\.\/[^:]+: Unexpected glob that leaves the workspace/);
    expect(result.summary).toMatch(/Unexpected path outside the workspace/);

    // A PR that adds the symlink by name.
    server.addPullRequest(REPO, 5, [{ filename: 'postmortems/good.md', status: 'added' }, { filename: 'postmortems/link.md', status: 'added' }]);
    const pr = actionEnv(server, pullRequestEvent({ repo: REPO, number: 5 }), { workspace: ws, token: SECRET, inputs: { ...DEFAULT_INPUTS, token: SECRET } });
    const checked = await runAction(pr);
    expect(checked.code).toBe(0);
    expect(checked.summary).toMatch(/Skipped postmortems\/link\.md: Unexpected symbolic link that points outside the workspace/);
    expect(JSON.parse(readFileSync(checked.outputs.report, 'utf8')).files.map((f: { path: string }) => f.path)).toEqual(['postmortems/good.md']);
    for (const r of [result, checked]) expect(r.stdout + r.summary).not.toContain('should never be read');
  });
});

describe('hostile files in a pull request', () => {
  it('the action annotates each one and still reports the good postmortem', async () => {
    const ws = workspace({
      'postmortems/good.md': fixture('../../examples/2024-03-12-checkout-latency.md'),
      'postmortems/binary.md': '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR',
      'postmortems/bomb.md': '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n---\n# Bomb\n',
    });
    writeFileSync(join(ws, 'postmortems', 'huge.md'), Buffer.alloc(50 * 1024 * 1024, 0x61));
    writeFileSync(join(ws, 'postmortems', 'deep.md'), Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'));
    const names = ['good', 'binary', 'bomb', 'huge', 'deep'].map((n) => `postmortems/${n}.md`);
    server.addPullRequest(REPO, 4, names.map((filename) => ({ filename, status: 'added' as const })));
    const run = actionEnv(server, pullRequestEvent({ repo: REPO, number: 4 }), { workspace: ws, token: SECRET, inputs: { ...DEFAULT_INPUTS, token: SECRET } });
    const started = Date.now();
    const result = await runAction(run);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.code).toBe(1);
    const byFile = (file: string) => result.annotations.filter((a) => a.props.file === file).map((a) => `${a.props.line}:${a.props.title}`);
    expect(byFile('postmortems/binary.md')).toEqual(['3:readable-file']); // the first NUL byte is on line 3
    expect(byFile('postmortems/huge.md')).toEqual(['1:readable-file']);
    expect(byFile('postmortems/deep.md')).toEqual([expect.stringMatching(/^\d+:readable-file$/)]);
    expect(byFile('postmortems/bomb.md')).toContain('2:front-matter-syntax'); // (and the sections this stub lacks)
    expect(byFile('postmortems/good.md')).toEqual([]);
    const report = JSON.parse(readFileSync(result.outputs.report, 'utf8')) as { files: Array<{ path: string; actionItems: unknown[] }> };
    expect(report.files.find((f) => f.path === 'postmortems/good.md')!.actionItems).toHaveLength(3);
    expect(result.stderr).not.toMatch(/at .+\.js:\d+/); // no stack trace
  });
});

describe('the token', () => {
  it('is never printed, even in a debug run', async () => {
    const ws = workspace({ 'postmortems/a.md': fixture('seed-postmortem.md') });
    server.addPullRequest(REPO, 3, [{ filename: 'postmortems/a.md', status: 'added' }]);
    const run = actionEnv(server, pullRequestEvent({ repo: REPO, number: 3 }), { workspace: ws, token: SECRET, inputs: { ...DEFAULT_INPUTS, token: SECRET } });
    const check = await runAction(run, { extraEnv: { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true', NODE_DEBUG: 'http,undici' } });
    const sync = await runAction(pushRun(ws, ['postmortems/a.md']), { extraEnv: { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' } });
    for (const r of [check, sync]) {
      expect(r.stdout + r.stderr + r.summary + JSON.stringify(r.outputs)).not.toContain(SECRET);
      expect(r.stdout + r.stderr).not.toContain(SECRET.slice(4, 20));
    }
    expect(server.issues(REPO)).toHaveLength(6);
  });
});
