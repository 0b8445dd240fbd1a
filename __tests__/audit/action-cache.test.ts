import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionEnv, scheduleEvent } from '../support/events.js';
import { startGitHubServer, type GitHubServer } from '../support/github-server.js';
import { DEFAULT_INPUTS, NODES, runAction, workspace } from '../support/run-action.js';

const REPO = 'acme/ops';

const doc = (day: number) => `---
severity: SEV${(day % 3) + 1}
---
# Database outage ${day}

## Summary

From 10:00 to 11:30 UTC on 2024-03-${String(day).padStart(2, '0')} the database was down.

## Timeline

- 10:00 UTC: alerts fired
- 11:30 UTC: recovered

## Root cause

Disk full.

## Resolution

Freed space.

## Action items

- Add disk usage alerts @dana, due 2020-01-15
- [x] Patch the kernel
`;

let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer();
  server.addRepo(REPO, {});
});
afterEach(async () => {
  expect(server.violations).toEqual([]);
  await server.close();
});

const auditRun = (ws: string) =>
  actionEnv(server, scheduleEvent({ repo: REPO }), { workspace: ws, token: '', inputs: { ...DEFAULT_INPUTS, token: '', mode: 'audit', 'cache-location': '.postmortemcache' } });

/** The report without the clock's field, which differs between any two runs. */
function report(path: string): unknown {
  const r = JSON.parse(readFileSync(path, 'utf8'));
  delete r.audit.generatedAt;
  return r;
}

describe.each(NODES)('audit mode with cache-location (%s)', (_name, node) => {
  it('writes the cache on the first run and parses nothing on the second; a changed file is the only one parsed', async () => {
    const ws = workspace({ 'postmortems/a.md': doc(1), 'postmortems/b.md': doc(2), 'postmortems/c.md': doc(3) });
    const first = await runAction(auditRun(ws), { node });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('Content cache: 3 files: 3 parsed, 0 unchanged from the cache .postmortemcache.');
    expect(existsSync(join(ws, '.postmortemcache'))).toBe(true);
    expect(readFileSync(join(ws, '.postmortemcache')).subarray(0, 19).toString()).toBe('#postmortem-cache 2');

    const second = await runAction(auditRun(ws), { node });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain('Content cache: 3 files: 0 parsed, 3 unchanged from the cache .postmortemcache.');
    expect(report(second.outputs.report)).toEqual(report(first.outputs.report));
    expect(second.outputs.issues).toBe(first.outputs.issues);
    const unclocked = (summary: string) => summary.replace(/Audited \S+ by/, 'Audited by');
    expect(unclocked(second.summary)).toBe(unclocked(first.summary));

    writeFileSync(join(ws, 'postmortems/b.md'), doc(2).replace('## Resolution\n\nFreed space.\n\n', ''));
    const third = await runAction(auditRun(ws), { node });
    expect(third.stdout).toContain('Content cache: 3 files: 1 parsed, 2 unchanged from the cache .postmortemcache.');
    const files = (JSON.parse(readFileSync(third.outputs.report, 'utf8')) as { files: Array<{ path: string; findings: Array<{ rule: string }> }> }).files;
    expect(files.find((f) => f.path === 'postmortems/b.md')!.findings.map((f) => f.rule)).toEqual(['required-sections']);
    expect(server.requests).toEqual([]);
  });

  it('ignores a damaged cache with a note and runs in full', async () => {
    const ws = workspace({ 'postmortems/a.md': doc(1), '.postmortemcache': '#postmortem-cache 2 0123\nnot what its checksum says' });
    const run = await runAction(auditRun(ws), { node });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Content cache \S+\.postmortemcache is damaged or truncated; checking every file\./);
    expect(run.stdout).toContain('Content cache: 1 file: 1 parsed, 0 unchanged from the cache .postmortemcache.');
    const again = await runAction(auditRun(ws), { node });
    expect(again.stdout).toContain('Content cache: 1 file: 0 parsed, 1 unchanged from the cache .postmortemcache.');
  });
});
