import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { ROOT, workspace } from '../support/run-action.js';

const REPO = 'acme/ops';
let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer();
  server.addRepo(REPO, { files: { 'README.md': '# ops\n' } });
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', GITHUB_API_URL: server.url, GITHUB_TOKEN: 'test-token', POSTMORTEM_WRITE_INTERVAL_MS: '0', POSTMORTEM_RETRY_BASE_MS: '10', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function bigPostmortem(n: number): string {
  const items = Array.from({ length: n }, (_, i) => `- Follow-up task number ${i + 1}: check subsystem ${(i * 7919) % 100_003}`);
  return `# Years of incidents\n\n## Summary\n\nA backfill.\n\n## Action items\n\n${items.join('\n')}\n`;
}

describe('postmortem sync from a laptop', () => {
  it('dry-run prints the plan and writes nothing; the backfill stays within the content-creation limits and a rerun resumes', async () => {
    const ws = workspace({ 'postmortems/history.md': bigPostmortem(1000) });
    // GitHub's limits (80 a minute, 500 an hour) shrunk so that both bind within a test: 50 per 0.5 s and 200 per 2 s.
    const limits = { POSTMORTEM_CREATE_LIMITS: '50/0.5,200/2' };

    const dry = await cli(['sync', 'postmortems', '--repo', REPO, '--dry-run', '--max-issues', '1000'], ws, limits);
    expect(dry.code, dry.stderr).toBe(0);
    expect(server.writes()).toEqual([]);
    expect(dry.stdout).toContain('Dry run: 1000 would-created');

    const first = await cli(['sync', 'postmortems', '--repo', REPO, '--max-issues', '600', '--format', 'json'], ws, limits);
    expect(first.code, first.stderr).toBe(0);
    const out = JSON.parse(first.stdout);
    expect(out.counts).toEqual({ created: 600, skipped: 400 });
    expect(out.remaining).toBe(400);
    expect(server.issues(REPO)).toHaveLength(600);

    const second = await cli(['sync', 'postmortems', '--repo', REPO, '--max-issues', '1000', '--format', 'json'], ws, limits);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).counts).toEqual({ created: 400, unchanged: 600 });
    const all = server.issues(REPO);
    expect(all).toHaveLength(1000);
    expect(new Set(all.map((i) => i.title)).size).toBe(1000);
    expect(all[0].body).toContain('/blob/');

    // No window of either limit ever held more creates than allowed.
    const creates = server.requests.filter((r) => r.method === 'POST' && r.template === '/repos/{owner}/{repo}/issues' && r.applied).map((r) => r.at);
    const maxIn = (windowMs: number) => Math.max(...creates.map((t, i) => creates.slice(i).filter((u) => u < t + windowMs).length));
    expect(maxIn(500)).toBeLessThanOrEqual(50);
    expect(maxIn(2000)).toBeLessThanOrEqual(200);
  });

  it('pauses for the content-creation limits when they bind, and no window ever holds more creates than allowed', async () => {
    const ws = workspace({ 'postmortems/history.md': bigPostmortem(60) });
    const result = await cli(['sync', 'postmortems', '--repo', REPO, '--max-issues', '60'], ws, { POSTMORTEM_CREATE_LIMITS: '10/0.5,30/2' });
    expect(result.code, result.stderr).toBe(0);
    expect(server.issues(REPO)).toHaveLength(60);
    expect(result.stderr).toMatch(/Pausing \d+ s to stay within GitHub's content-creation limits/);
    const creates = server.requests.filter((r) => r.method === 'POST' && r.template === '/repos/{owner}/{repo}/issues' && r.applied).map((r) => r.at);
    const maxIn = (windowMs: number) => Math.max(...creates.map((t, i) => creates.slice(i).filter((u) => u < t + windowMs).length));
    expect(maxIn(500)).toBeLessThanOrEqual(10);
    expect(maxIn(2000)).toBeLessThanOrEqual(30);
    expect(creates[creates.length - 1] - creates[0]).toBeGreaterThanOrEqual(2000); // the 31st create waited for the 2 s window
  });

  it('refuses without --repo or a token, with exit code 2', async () => {
    const ws = workspace({ 'postmortems/a.md': bigPostmortem(1) });
    expect((await cli(['sync', 'postmortems'], ws)).code).toBe(2);
    const noToken = await cli(['sync', 'postmortems', '--repo', REPO], ws, { GITHUB_TOKEN: '' });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/needs a token/);
  });
});
