// Tests of the loopback GitHub server, driven by the client the action uses:
// getOctokit() from @actions/github 9 with @octokit/plugin-retry and @octokit/plugin-throttling.
//
// About the base URL: @actions/github computes its default baseUrl (and its proxy dispatcher)
// from GITHUB_API_URL once, when the module is imported. In-process tests must therefore pass
// `baseUrl: server.url` explicitly (setting process.env.GITHUB_API_URL later has no effect, see
// the test below); a child process (node dist/index.js) just gets GITHUB_API_URL in its env.
// Loopback URLs always bypass HTTP(S)_PROXY in the child; in-process, the dispatcher was chosen
// for api.github.com, so run these tests without proxy variables.
//
// plugin-throttling spaces writes 1 s apart and POST .../issues and .../comments 3 s apart (its
// `write` and `notifications` Bottleneck groups), so bulk tests here switch it off; a client that
// keeps it on must pass fast groups for both (`throttle: { write, notifications }`).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { actionEnv, pullRequestEvent, pushEvent, scheduleEvent, workflowDispatchEvent } from './events.js';
import { startGitHubServer, type GitHubServer } from './github-server.js';
import { getOperation, responseValidator } from './openapi-validator.js';

const REPO = { owner: 'acme', repo: 'incidents' };
const FULL = 'acme/incidents';
const silent = { debug() {}, info() {}, warn() {}, error() {} };

interface ClientOptions {
  retries?: number;
  /** Throttling spaces writes 1-3 s apart, so it is only switched on where a test needs it. */
  throttle?: boolean;
  onRateLimit?: (retryAfter: number) => boolean;
  onSecondaryRateLimit?: (retryAfter: number) => boolean;
}
function client(server: GitHubServer, token = 'test-token', o: ClientOptions = {}) {
  return getOctokit(
    token,
    {
      baseUrl: server.url,
      log: silent,
      retry: { retries: o.retries ?? 3, retryAfterBaseValue: 1 }, // retry delays of 1 ms x retryCount²
      throttle: {
        enabled: o.throttle ?? false,
        retryAfterBaseValue: 10,
        onRateLimit: o.onRateLimit ?? (() => false),
        onSecondaryRateLimit: o.onSecondaryRateLimit ?? (() => false),
      },
    },
    retry,
    throttling,
  );
}
type Client = ReturnType<typeof client>;

let server: GitHubServer;
let octokit: Client;
beforeEach(async () => {
  server = await startGitHubServer({ tokens: { 'ro-token': { login: 'reader', permission: 'read' } } });
  server.addRepo(FULL, { assignable: ['alice', 'bob'] });
  octokit = client(server);
});
afterEach(async () => {
  await server.close();
  expect(server.violations).toEqual([]);
});

/** Removes and returns the recorded violations, for tests that expect some. */
const takeViolations = () => server.violations.splice(0);
const statusOf = async (p: Promise<unknown>) => p.then(() => 200, (e: { status?: number }) => e.status);

describe('authentication and permissions', () => {
  it('answers 401 without a token and with an unknown one', async () => {
    const res = await fetch(`${server.url}/repos/${FULL}/issues`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'Requires authentication', status: '401' });
    await expect(client(server, 'nope').rest.issues.listForRepo(REPO)).rejects.toMatchObject({ status: 401, message: expect.stringContaining('Bad credentials') });
  });

  it('lets a read-only token read but answers 403 on every write', async () => {
    const reader = client(server, 'ro-token');
    await expect(reader.rest.issues.listForRepo(REPO)).resolves.toMatchObject({ status: 200 });
    await expect(reader.rest.issues.create({ ...REPO, title: 'x' })).rejects.toMatchObject({
      status: 403, message: expect.stringContaining('Resource not accessible by integration'),
    });
    await expect(reader.rest.issues.createLabel({ ...REPO, name: 'x' })).rejects.toMatchObject({ status: 403 });
    expect(server.writes()).toEqual([]);
  });

  it('hides a repository from a token that belongs to another one', async () => {
    server.addRepo('acme/other', { tokens: { 'other-token': { login: 'other-app[bot]', permission: 'write' } } });
    const other = client(server, 'other-token');
    await expect(other.rest.issues.listForRepo({ owner: 'acme', repo: 'other' })).resolves.toMatchObject({ status: 200 });
    await expect(other.rest.issues.listForRepo(REPO)).rejects.toMatchObject({ status: 404 });
  });

  it('answers GET /user with 403 for an installation token and 200 for a user token', async () => {
    await expect(octokit.rest.users.getAuthenticated()).rejects.toMatchObject({ status: 403 });
    await server.close();
    server = await startGitHubServer({ tokens: { pat: { login: 'alice', permission: 'write', kind: 'user' } } });
    const { data } = await client(server, 'pat').rest.users.getAuthenticated();
    expect(data).toMatchObject({ login: 'alice', type: 'User' });
  });

  it('sends rate-limit headers, a request id and JSON on every response', async () => {
    const first = await octokit.rest.issues.listForRepo(REPO);
    const second = await octokit.rest.issues.listForRepo(REPO);
    for (const h of [first.headers, second.headers]) {
      expect(h['content-type']).toBe('application/json; charset=utf-8');
      expect(h['x-github-request-id']).toMatch(/\S+/);
      expect(h['x-ratelimit-resource']).toBe('core');
      expect(Number(h['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
    }
    expect(Number(second.headers['x-ratelimit-remaining'])).toBe(Number(first.headers['x-ratelimit-remaining']) - 1);
    expect(Number(second.headers['x-ratelimit-used'])).toBe(2);
    const { data } = await octokit.rest.rateLimit.get();
    expect(data.resources.core).toMatchObject({ limit: 5000, used: 2, remaining: 4998 });
  });
});

describe('issues', () => {
  it('creates an issue the way GitHub answers it', async () => {
    const res = await octokit.rest.issues.create({ ...REPO, title: 'Add alerting', body: 'From postmortem', labels: ['postmortem'], assignees: ['alice'] });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(res.data.url);
    expect(res.data).toMatchObject({
      number: 1, state: 'open', title: 'Add alerting', body: 'From postmortem', user: { login: 'github-actions[bot]', type: 'Bot' },
      labels: [{ name: 'postmortem', color: 'ededed' }], assignees: [{ login: 'alice' }], assignee: { login: 'alice' },
      html_url: 'https://github.com/acme/incidents/issues/1', url: `${server.url}/repos/acme/incidents/issues/1`,
    });
    // The missing label was created silently, as GitHub does.
    expect((await octokit.rest.issues.getLabel({ ...REPO, name: 'postmortem' })).data.name).toBe('postmortem');
    expect(server.issues(FULL)[0]).toMatchObject({ user: 'github-actions[bot]', labels: ['postmortem'] });
  });

  it('shares numbers between issues and pull requests', async () => {
    server.addPullRequest(FULL, 1, [{ filename: 'a.md', status: 'added', additions: 3 }]);
    const { data } = await octokit.rest.issues.create({ ...REPO, title: 'after the PR' });
    expect(data.number).toBe(2);
    expect((await octokit.rest.issues.listForRepo(REPO)).data.map((i) => i.number)).toEqual([2]);
  });

  it('lists 250 issues over pages with a correct Link header', async () => {
    for (let i = 0; i < 250; i++) server.addIssue(FULL, { title: `item ${i}` });
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, { ...REPO, per_page: 100 });
    expect(all).toHaveLength(250);
    expect(new Set(all.map((i) => i.number)).size).toBe(250);
    expect(server.requests.filter((r) => r.operationId === 'issues/list-for-repo')).toHaveLength(3);

    const page2 = await octokit.rest.issues.listForRepo({ ...REPO, page: 2 });
    expect(page2.data).toHaveLength(30);
    const rels = Object.fromEntries([...page2.headers.link!.matchAll(/<([^>]+)>; rel="(\w+)"/g)].map(([, u, rel]) => [rel, new URL(u).searchParams.get('page')]));
    expect(rels).toEqual({ prev: '1', next: '3', last: '9', first: '1' });
    const last = await octokit.rest.issues.listForRepo({ ...REPO, page: 9 });
    expect(last.data).toHaveLength(10);
    expect(last.headers.link).not.toContain('rel="next"');
    expect((await octokit.rest.issues.listForRepo({ ...REPO, per_page: 500 })).data).toHaveLength(100);
  });

  it('filters by state, labels (AND), creator, assignee and since; sorts', async () => {
    server.addIssue(FULL, { title: 'a', labels: ['postmortem', 'action-item'], user: 'github-actions[bot]', created_at: '2024-01-01T00:00:00Z' });
    server.addIssue(FULL, { title: 'b', labels: ['postmortem'], user: 'alice', assignees: ['bob'], created_at: '2024-02-01T00:00:00Z' });
    server.addIssue(FULL, { title: 'c', labels: ['Action-Item', 'postmortem'], state: 'closed', created_at: '2024-03-01T00:00:00Z' });
    const titles = async (q: Record<string, string>) => (await octokit.rest.issues.listForRepo({ ...REPO, ...q })).data.map((i) => i.title);
    expect(await titles({})).toEqual(['b', 'a']);
    expect(await titles({ state: 'all' })).toEqual(['c', 'b', 'a']);
    expect(await titles({ state: 'closed' })).toEqual(['c']);
    expect(await titles({ state: 'all', labels: 'postmortem,action-item' })).toEqual(['c', 'a']);
    expect(await titles({ state: 'all', labels: 'action-item,nope' })).toEqual([]);
    expect(await titles({ creator: 'github-actions[bot]' })).toEqual(['a']);
    expect(await titles({ assignee: 'bob' })).toEqual(['b']);
    expect(await titles({ assignee: 'none' })).toEqual(['a']);
    expect(await titles({ state: 'all', since: '2024-02-01T00:00:00Z' })).toEqual(['c', 'b']);
    expect(await titles({ state: 'all', sort: 'created', direction: 'asc' })).toEqual(['a', 'b', 'c']);
  });

  it('updates, closes and reopens an issue', async () => {
    const { data: created } = await octokit.rest.issues.create({ ...REPO, title: 'x', labels: ['a'] });
    const { data: closed } = await octokit.rest.issues.update({ ...REPO, issue_number: created.number, state: 'closed', state_reason: 'not_planned', labels: ['b'] });
    expect(closed).toMatchObject({ state: 'closed', state_reason: 'not_planned', closed_by: { login: 'github-actions[bot]' }, labels: [{ name: 'b' }] });
    expect(closed.closed_at).toMatch(/Z$/);
    const { data: reopened } = await octokit.rest.issues.update({ ...REPO, issue_number: created.number, state: 'open' });
    expect(reopened).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null });
    await expect(octokit.rest.issues.get({ ...REPO, issue_number: 99 })).rejects.toMatchObject({ status: 404 });
  });

  it('answers 422 for an assignee who cannot be assigned, and checks assignability', async () => {
    await expect(octokit.rest.issues.create({ ...REPO, title: 'x', assignees: ['alice', 'mallory'] })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Validation Failed', errors: [{ value: 'mallory', resource: 'Issue', field: 'assignees', code: 'invalid' }] } },
    });
    expect(server.issues(FULL)).toEqual([]);
    expect((await octokit.rest.issues.checkUserCanBeAssigned({ ...REPO, assignee: 'alice' })).status).toBe(204);
    expect(await statusOf(octokit.rest.issues.checkUserCanBeAssigned({ ...REPO, assignee: 'mallory' }))).toBe(404);
  });

  it('creates, lists and edits comments (also on pull requests)', async () => {
    server.addPullRequest(FULL, 5, []);
    const { data: c1 } = await octokit.rest.issues.createComment({ ...REPO, issue_number: 5, body: 'sticky v1' });
    await octokit.rest.issues.createComment({ ...REPO, issue_number: 5, body: 'another' });
    expect(c1).toMatchObject({ body: 'sticky v1', user: { login: 'github-actions[bot]' }, html_url: `https://github.com/${FULL}/pull/5#issuecomment-${c1.id}` });
    const { data: edited } = await octokit.rest.issues.updateComment({ ...REPO, comment_id: c1.id, body: 'sticky v2' });
    expect(edited.body).toBe('sticky v2');
    const list = await octokit.paginate(octokit.rest.issues.listComments, { ...REPO, issue_number: 5 });
    expect(list.map((c) => c.body)).toEqual(['sticky v2', 'another']);
    expect(server.state.repo(FULL).issues.get(5)!.comments).toHaveLength(2);
    await expect(octokit.rest.issues.updateComment({ ...REPO, comment_id: 1, body: 'x' })).rejects.toMatchObject({ status: 404 });
  });

  it('manages labels: create, duplicate (case-insensitive), get, list, add to issue', async () => {
    await octokit.rest.issues.createLabel({ ...REPO, name: 'Action Item', color: 'd73a4a', description: 'From a postmortem' });
    await expect(octokit.rest.issues.createLabel({ ...REPO, name: 'action item' })).rejects.toMatchObject({
      status: 422, response: { data: { errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] } },
    });
    expect((await octokit.rest.issues.getLabel({ ...REPO, name: 'Action Item' })).data).toMatchObject({ color: 'd73a4a', description: 'From a postmortem' });
    await expect(octokit.rest.issues.getLabel({ ...REPO, name: 'missing' })).rejects.toMatchObject({ status: 404 });
    const { data: issue } = await octokit.rest.issues.create({ ...REPO, title: 'x' });
    const { data: labels } = await octokit.rest.issues.addLabels({ ...REPO, issue_number: issue.number, labels: ['action item', 'sev1'] });
    expect(labels.map((l) => l.name)).toEqual(['Action Item', 'sev1']);
    expect((await octokit.paginate(octokit.rest.issues.listLabelsForRepo, REPO)).map((l) => l.name)).toEqual(['Action Item', 'sev1']);
  });
});

describe('repository, refs, contents and pull requests (link-back PR)', () => {
  it('walks the whole flow', async () => {
    server.addRepo('acme/docs', { defaultBranch: 'trunk', files: { 'postmortems/2024-05-01-db.md': '# DB outage\n\nOld line\n', 'README.md': 'hi\n' } });
    const docs = { owner: 'acme', repo: 'docs' };
    const { data: repo } = await octokit.rest.repos.get(docs);
    expect(repo).toMatchObject({ default_branch: 'trunk', full_name: 'acme/docs', permissions: { push: true } });
    const { data: ref } = await octokit.rest.git.getRef({ ...docs, ref: 'heads/trunk' });
    await octokit.rest.git.createRef({ ...docs, ref: 'refs/heads/link-back', sha: ref.object.sha });
    await expect(octokit.rest.git.createRef({ ...docs, ref: 'refs/heads/link-back', sha: ref.object.sha })).rejects.toMatchObject({ status: 422 });

    const path = 'postmortems/2024-05-01-db.md';
    const { data: file } = await octokit.rest.repos.getContent({ ...docs, path, ref: 'link-back' });
    if (Array.isArray(file) || file.type !== 'file') throw new Error('expected a file');
    expect(Buffer.from(file.content, 'base64').toString()).toBe('# DB outage\n\nOld line\n');
    const content = Buffer.from('# DB outage\n\nNew line\nTracked in #1\n').toString('base64');
    await expect(octokit.rest.repos.createOrUpdateFileContents({ ...docs, path, message: 'x', content, branch: 'link-back' })).rejects.toMatchObject({ status: 422 });
    const updated = await octokit.rest.repos.createOrUpdateFileContents({ ...docs, path, message: 'Link issues', content, sha: file.sha, branch: 'link-back' });
    expect(updated.status).toBe(200);
    const added = await octokit.rest.repos.createOrUpdateFileContents({ ...docs, path: 'new.md', message: 'add', content, branch: 'link-back' });
    expect(added.status).toBe(201);
    const dir = await octokit.rest.repos.getContent({ ...docs, path: 'postmortems' });
    expect(Array.isArray(dir.data) && dir.data.map((e) => e.path)).toEqual([path]);
    await expect(octokit.rest.repos.getContent({ ...docs, path: 'new.md' })).rejects.toMatchObject({ status: 404 }); // only on link-back

    await octokit.rest.issues.create({ ...docs, title: 'takes #1' });
    const { data: pr } = await octokit.rest.pulls.create({ ...docs, head: 'link-back', base: 'trunk', title: 'Link action items' });
    expect(pr).toMatchObject({ number: 2, state: 'open', head: { ref: 'link-back', label: 'acme:link-back' }, base: { ref: 'trunk' }, changed_files: 2 });
    await expect(octokit.rest.pulls.create({ ...docs, head: 'link-back', base: 'trunk', title: 'again' })).rejects.toMatchObject({
      status: 422, response: { data: { errors: [{ message: 'A pull request already exists for acme:link-back.' }] } },
    });
    expect((await octokit.rest.pulls.list({ ...docs, head: 'acme:link-back' })).data.map((p) => p.number)).toEqual([2]);
    expect((await octokit.rest.pulls.list({ ...docs, head: 'acme:other' })).data).toEqual([]);
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...docs, pull_number: 2 });
    expect(files.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([['new.md', 'added', 4, 0], [path, 'modified', 2, 1]]);
  });

  it('serves the changed files of a seeded pull request, paginated', async () => {
    const files = Array.from({ length: 45 }, (_, i) => ({ filename: `postmortems/${i}.md`, status: 'added' as const, additions: i }));
    server.addPullRequest(FULL, 12, files, { head: { ref: 'feature', repo: 'someone/incidents' } });
    const listed = await octokit.paginate(octokit.rest.pulls.listFiles, { ...REPO, pull_number: 12, per_page: 20 });
    expect(listed).toHaveLength(45);
    expect(listed[3]).toMatchObject({ filename: 'postmortems/3.md', status: 'added', additions: 3, deletions: 0, changes: 3 });
    expect(listed[3].raw_url).toMatch(/^https:\/\/github\.com\/acme\/incidents\/raw\/[0-9a-f]{40}\/postmortems\/3\.md$/);
    const { data: pulls } = await octokit.rest.pulls.list(REPO);
    expect(pulls[0].head.repo).toMatchObject({ full_name: 'someone/incidents' });
  });
});

describe('OpenAPI checking', () => {
  it('records a violation and answers 422 for a body that does not match the schema', async () => {
    const bad = octokit.request('POST /repos/{owner}/{repo}/issues', { ...REPO, title: 'x', labels: 'bug' as unknown as string[] });
    await expect(bad).rejects.toMatchObject({ status: 422, message: expect.stringContaining('Invalid request') });
    await expect(octokit.request('POST /repos/{owner}/{repo}/issues', { ...REPO, title: { text: 'x' } as unknown as string })).rejects.toMatchObject({ status: 422 });
    await expect(octokit.request('POST /repos/{owner}/{repo}/issues', { ...REPO, body: 'no title' } as never)).rejects.toMatchObject({ status: 422 });
    expect(takeViolations()).toEqual([
      expect.objectContaining({ kind: 'request', operationId: 'issues/create', message: expect.stringContaining('body/labels must be array') }),
      expect.objectContaining({ kind: 'request', operationId: 'issues/create', message: expect.stringContaining('body/title') }),
      expect.objectContaining({ kind: 'request', operationId: 'issues/create', message: expect.stringContaining("must have required property 'title'") }),
    ]);
    expect(server.issues(FULL)).toEqual([]);
  });

  it('accepts an integer title, which GitHub documents as valid (oneOf string|integer)', async () => {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...REPO, title: 123 });
    expect(data.title).toBe('123');
  });

  it('checks query and path parameters', async () => {
    await expect(octokit.request('GET /repos/{owner}/{repo}/issues', { ...REPO, state: 'bogus' as 'open' })).rejects.toMatchObject({ status: 422 });
    await expect(octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...REPO, issue_number: 'abc' as unknown as number })).rejects.toMatchObject({ status: 422 });
    expect(takeViolations().map((v) => [v.operationId, v.message])).toEqual([
      ['issues/list-for-repo', expect.stringContaining('query/state must be equal to one of the allowed values')],
      ['issues/get', expect.stringContaining('path/issue_number must be integer')],
    ]);
  });

  it('serves /search/issues but records every call as a violation', async () => {
    server.addIssue(FULL, { title: 'Add alerting', labels: ['action-item'] });
    const { data } = await octokit.rest.search.issuesAndPullRequests({ q: `repo:${FULL} is:issue is:open label:action-item alerting` });
    expect(data.items.map((i) => i.title)).toEqual(['Add alerting']);
    expect(takeViolations()).toEqual([expect.objectContaining({ kind: 'forbidden', operationId: 'search/issues-and-pull-requests' })]);
  });

  it('answers 404 for unknown routes and records them', async () => {
    await expect(octokit.request('GET /repos/{owner}/{repo}/hooks', REPO)).rejects.toMatchObject({ status: 404 });
    expect(takeViolations()).toEqual([expect.objectContaining({ kind: 'route', path: '/repos/acme/incidents/hooks' })]);
  });

  it('answers with shapes that validate against the documented response schemas', async () => {
    server.addRepo('acme/docs', { files: { 'a.md': 'a\n' } });
    server.addPullRequest(FULL, 40, [{ filename: 'a.md', status: 'modified', additions: 1, deletions: 1, patch: '@@ -1 +1 @@\n-a\n+b' }]);
    const { data: issue } = await octokit.rest.issues.create({ ...REPO, title: 't', labels: ['x'], assignees: ['bob'] });
    const { data: comment } = await octokit.rest.issues.createComment({ ...REPO, issue_number: issue.number, body: 'c' });
    await octokit.rest.issues.updateComment({ ...REPO, comment_id: comment.id, body: 'd' });
    await octokit.rest.issues.listComments({ ...REPO, issue_number: issue.number });
    await octokit.rest.issues.update({ ...REPO, issue_number: issue.number, state: 'closed' });
    await octokit.rest.issues.get({ ...REPO, issue_number: 40 });
    await octokit.rest.issues.listForRepo({ ...REPO, state: 'all' });
    await octokit.rest.issues.addLabels({ ...REPO, issue_number: issue.number, labels: ['y'] });
    await octokit.rest.issues.createLabel({ ...REPO, name: 'z' });
    await octokit.rest.issues.getLabel({ ...REPO, name: 'z' });
    await octokit.rest.issues.listLabelsForRepo(REPO);
    await octokit.rest.pulls.listFiles({ ...REPO, pull_number: 40 });
    await octokit.rest.pulls.list(REPO);
    await octokit.rest.rateLimit.get();
    await octokit.rest.repos.get({ owner: 'acme', repo: 'docs' });
    const { data: ref } = await octokit.rest.git.getRef({ owner: 'acme', repo: 'docs', ref: 'heads/main' });
    await octokit.rest.git.createRef({ owner: 'acme', repo: 'docs', ref: 'refs/heads/b', sha: ref.object.sha });
    await octokit.rest.repos.getContent({ owner: 'acme', repo: 'docs', path: 'a.md' });
    await octokit.rest.repos.createOrUpdateFileContents({ owner: 'acme', repo: 'docs', path: 'b.md', message: 'm', content: 'Yg==', branch: 'b' });
    await octokit.rest.pulls.create({ owner: 'acme', repo: 'docs', head: 'b', base: 'main', title: 'p' });
    await expect(octokit.rest.issues.get({ ...REPO, issue_number: 999 })).rejects.toMatchObject({ status: 404 });

    // The server validated each response as it sent it (validateResponses defaults to true) and found
    // nothing (afterEach). Re-validate here explicitly to show the coverage.
    const checked = new Set<string>();
    for (const r of server.requests) {
      const validate = responseValidator(getOperation(r.method, r.template!)!, r.status!);
      if (!validate) continue;
      expect(validate(r.response), `${r.operationId} ${r.status}: ${JSON.stringify(validate.errors)}`).toBe(true);
      checked.add(`${r.operationId} ${r.status}`);
    }
    expect([...checked].sort()).toEqual([
      'git/create-ref 201', 'git/get-ref 200', 'issues/add-labels 200', 'issues/create 201', 'issues/create-comment 201',
      'issues/create-label 201', 'issues/get 200', 'issues/get 404', 'issues/get-label 200', 'issues/list-comments 200',
      'issues/list-for-repo 200', 'issues/list-labels-for-repo 200', 'issues/update 200', 'issues/update-comment 200',
      'pulls/create 201', 'pulls/list 200', 'pulls/list-files 200', 'rate-limit/get 200', 'repos/create-or-update-file-contents 201',
      'repos/get 200', 'repos/get-content 200',
    ]);
    // ...and the validators are not vacuous:
    expect(responseValidator(getOperation('GET', '/repos/{owner}/{repo}/issues/{issue_number}')!, 200)!({ number: '1' })).toBe(false);
  });

  it('records a response violation when a test corrupts the state', async () => {
    await octokit.rest.issues.createLabel({ ...REPO, name: 'z' });
    server.state.repo(FULL).labels.get('z')!.color = null as unknown as string;
    await octokit.rest.issues.getLabel({ ...REPO, name: 'z' });
    expect(takeViolations()).toEqual([expect.objectContaining({ kind: 'response', operationId: 'issues/get-label', message: expect.stringContaining('color') })]);
  });
});

describe('faults', () => {
  const create = (c: Client = octokit, title = 'x') => c.rest.issues.create({ ...REPO, title });

  it('502 without side effect: the retry plugin recovers, one issue exists', async () => {
    const f = server.fault({ method: 'POST', path: '/repos/{owner}/{repo}/issues', kind: { status: 502 } });
    await expect(create()).resolves.toMatchObject({ status: 201 });
    expect(f.fired).toBe(1);
    expect(server.requests.map((r) => [r.status, r.faulted])).toEqual([[502, 'status 502'], [201, undefined]]);
    expect(server.issues(FULL)).toHaveLength(1);
  });

  it('5xx after applying: a blind retry duplicates the write', async () => {
    server.fault({ path: /\/issues$/, method: 'POST', kind: { status: 500, apply: true } });
    await create();
    expect(server.issues(FULL)).toHaveLength(2);
    expect(server.writes().map((w) => w.faulted)).toEqual(['status 500 (applied)', undefined]);
  });

  it('drop before applying: nothing happened, the retry creates the issue once', async () => {
    server.fault({ method: 'POST', kind: { drop: 'before' } });
    await create();
    expect(server.requests.map((r) => r.status)).toEqual([null, 201]);
    expect(server.issues(FULL)).toHaveLength(1);
  });

  it('drop after applying: the client sees an error, a rerun finds the created issue', async () => {
    server.fault({ method: 'POST', kind: { drop: 'after' } });
    await expect(create(client(server, 'test-token', { retries: 0 }))).rejects.toMatchObject({ status: 500 });
    const rerun = client(server);
    const found = await rerun.paginate(rerun.rest.issues.listForRepo, { ...REPO, creator: 'github-actions[bot]' });
    expect(found.map((i) => i.title)).toEqual(['x']);
    expect(server.writes()).toHaveLength(1);
  });

  it('after/times: skips the first N matches and fires the given number of times', async () => {
    const c = client(server, 'test-token', { retries: 0 });
    server.fault({ path: '/repos/acme/incidents/labels', after: 2, times: 2, kind: { status: 503 } });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await statusOf(c.rest.issues.listLabelsForRepo(REPO)));
    expect(results).toEqual([200, 200, 503, 503, 200]);
  });

  it('secondary rate limit: 403 with retry-after, the throttling plugin waits and retries', async () => {
    const onSecondaryRateLimit = vi.fn(() => true);
    const c = client(server, 'test-token', { throttle: true, onSecondaryRateLimit });
    server.fault({ method: 'GET', kind: { secondaryRateLimit: { retryAfter: 2 } } });
    await expect(c.rest.issues.listForRepo(REPO)).resolves.toMatchObject({ status: 200 });
    expect(onSecondaryRateLimit).toHaveBeenCalledWith(2, expect.anything(), expect.anything(), 0);
    expect(server.requests[0]).toMatchObject({ status: 403, response: { message: expect.stringContaining('secondary rate limit') } });
  });

  it('primary rate limit exhausted: 403 with remaining 0 and reset, the plugin waits for the reset', async () => {
    const onRateLimit = vi.fn(() => true);
    const c = client(server, 'test-token', { throttle: true, onRateLimit });
    server.fault({ method: 'GET', kind: { rateLimitExhausted: { resetInSeconds: 2 } } });
    await expect(c.rest.issues.listForRepo(REPO)).resolves.toMatchObject({ status: 200 });
    expect(onRateLimit).toHaveBeenCalledTimes(1);
    expect((onRateLimit.mock.calls[0] as unknown[])[0]).toBeGreaterThanOrEqual(2);
    server.fault({ method: 'GET', kind: { rateLimitExhausted: { resetInSeconds: 60 } } });
    const error = await octokit.rest.issues.listForRepo(REPO).catch((e: { status: number; response: { headers: Record<string, string> }; message: string }) => e);
    expect(error).toMatchObject({ status: 403, message: expect.stringContaining('API rate limit exceeded') });
    const { headers } = (error as { response: { headers: Record<string, string> } }).response;
    expect(headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(headers['x-ratelimit-reset']) - Date.now() / 1000).toBeGreaterThan(55);
  });

  it('runs out of the configured budget by itself', async () => {
    await server.close();
    server = await startGitHubServer({ rateLimit: 2 });
    const c = client(server);
    await c.rest.issues.listForRepo(REPO);
    await c.rest.issues.listForRepo(REPO);
    await expect(c.rest.issues.listForRepo(REPO)).rejects.toMatchObject({ status: 403 });
  });

  it('random: a seeded mix of 5xx and drops that the retry plugin rides out, the same for the same seed', async () => {
    const run = async () => {
      const s = await startGitHubServer();
      const f = s.fault({ method: 'GET', kind: { random: { rate: 0.3, seed: 7 } } });
      const c = client(s, 'test-token', { retries: 10 });
      for (let i = 0; i < 40; i++) await c.rest.issues.listForRepo(REPO);
      await s.close();
      expect(s.violations).toEqual([]);
      return { fired: f.fired, faults: s.requests.map((r) => r.faulted ?? '-') };
    };
    const [a, b] = [await run(), await run()];
    expect(a.fired).toBeGreaterThan(5);
    expect(new Set(a.faults.filter((x) => x !== '-')).size).toBeGreaterThan(2);
    expect(a).toEqual(b);
  });

  it('crashAfter: kills a client process right after its Nth create', async () => {
    const script = `
      import { getOctokit } from '@actions/github';
      const octokit = getOctokit(process.env.GITHUB_TOKEN); // GITHUB_API_URL is read at import time
      for (let i = 1; i <= 10; i++) await octokit.rest.issues.create({ owner: 'acme', repo: 'incidents', title: 'item ' + i });
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: process.cwd(), env: { ...process.env, GITHUB_API_URL: server.url, GITHUB_TOKEN: 'test-token' }, stdio: 'ignore',
    });
    server.crashAfter({ method: 'POST', path: '/repos/{owner}/{repo}/issues', count: 3, onCrash: () => void child.kill('SIGKILL') });
    const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    expect(server.issues(FULL).map((i) => i.title)).toEqual(['item 1', 'item 2', 'item 3']);
    expect(server.requests.at(-1)).toMatchObject({ faulted: 'crash', status: null, applied: true });
  });
});

describe('@actions/github base URL', () => {
  it('ignores GITHUB_API_URL set after import, so in-process clients pass baseUrl', () => {
    const before = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = server.url;
    try {
      expect(getOctokit('test-token').request.endpoint.DEFAULTS.baseUrl).not.toBe(server.url);
      expect(client(server).request.endpoint.DEFAULTS.baseUrl).toBe(server.url);
    } finally {
      if (before === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = before;
    }
  });
});

describe('events', () => {
  it('builds pull_request payloads (opened, synchronize, closed+merged, fork) for any repository', () => {
    const opened = pullRequestEvent({ repo: 'acme/incidents', number: 7, headSha: 'a'.repeat(40) }).payload;
    expect(opened).toMatchObject({
      action: 'opened', number: 7, repository: { full_name: 'acme/incidents', name: 'incidents', owner: { login: 'acme' } },
      pull_request: { number: 7, url: 'https://api.github.com/repos/acme/incidents/pulls/7', head: { sha: 'a'.repeat(40), repo: { full_name: 'acme/incidents', fork: false } } },
    });
    expect(JSON.stringify(opened)).not.toMatch(/Codertocat\/Hello-World|\/pulls\/2\b/);
    const sync = pullRequestEvent({ repo: 'acme/incidents', number: 7, action: 'synchronize', headSha: 'b'.repeat(40), before: 'a'.repeat(40) }).payload;
    expect(sync).toMatchObject({ action: 'synchronize', before: 'a'.repeat(40), after: 'b'.repeat(40) });
    const merged = pullRequestEvent({ repo: 'acme/incidents', number: 7, action: 'closed' }).payload;
    expect(merged.pull_request).toMatchObject({ state: 'closed', merged: true, merge_commit_sha: expect.stringMatching(/^[0-9a-f]{40}$/) });
    const fork = pullRequestEvent({ repo: 'acme/incidents', number: 8, fork: true, author: 'mallory' }).payload;
    expect(fork.pull_request.head).toMatchObject({ label: expect.stringMatching(/^mallory:/), repo: { full_name: 'mallory/incidents', fork: true } });
    expect(fork.pull_request.base.repo.full_name).toBe('acme/incidents');
  });

  it('builds push, schedule and workflow_dispatch payloads and the action environment', () => {
    const push = pushEvent({ repo: 'acme/incidents', after: 'c'.repeat(40) });
    expect(push.payload).toMatchObject({ ref: 'refs/heads/main', after: 'c'.repeat(40), repository: { full_name: 'acme/incidents' } });
    expect(scheduleEvent({ repo: 'acme/incidents' }).payload).toMatchObject({ schedule: '0 6 * * 1', repository: { full_name: 'acme/incidents' } });
    expect(workflowDispatchEvent({ repo: 'acme/incidents', inputs: { mode: 'audit' } }).payload).toMatchObject({ inputs: { mode: 'audit' }, organization: { login: 'acme' } });

    const run = actionEnv(server, pullRequestEvent({ repo: 'acme/incidents', number: 7 }), { inputs: { token: 'test-token', 'fail on': 'error' } });
    expect(run.env).toMatchObject({
      GITHUB_API_URL: server.url, GITHUB_REPOSITORY: 'acme/incidents', GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_HEAD_REF: 'postmortem-7', GITHUB_BASE_REF: 'main', INPUT_TOKEN: 'test-token', INPUT_FAIL_ON: 'error',
    });
    expect(JSON.parse(readFileSync(run.eventPath, 'utf8')).number).toBe(7);
  });

  it('drives a child process the way the runner does (context from the env, API at GITHUB_API_URL)', async () => {
    server.addPullRequest(FULL, 7, [{ filename: 'postmortems/db.md', status: 'added', additions: 10 }]);
    const run = actionEnv(server, pullRequestEvent({ repo: FULL, number: 7 }), { inputs: { token: 'test-token' } });
    const script = `
      import { context, getOctokit } from '@actions/github';
      import { appendFileSync } from 'node:fs';
      const octokit = getOctokit(process.env.INPUT_TOKEN);
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...context.repo, pull_number: context.issue.number });
      await octokit.rest.issues.createComment({ ...context.repo, issue_number: context.issue.number, body: files.map((f) => f.filename).join() });
      appendFileSync(process.env.GITHUB_OUTPUT, 'event=' + context.eventName + '\\n');
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...run.env }, stdio: 'inherit' });
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    expect(server.state.repo(FULL).issues.get(7)!.comments.map((c) => c.body)).toEqual(['postmortems/db.md']);
    expect(readFileSync(run.outputPath, 'utf8')).toBe('event=pull_request\n');
  });
});
