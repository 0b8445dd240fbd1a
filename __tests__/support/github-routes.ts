// The route table of the loopback GitHub server (see github-server.ts): one handler per documented
// operation. Handlers run after authentication, the rate limit, the OpenAPI request checks and the
// permission check, so they only implement GitHub's behaviour. They throw HttpError for 4xx answers.
import { getOperation, type Operation } from './openapi-validator.js';
import {
  blobSha, pullFile, stamp,
  type BlobRecord, type FileStatus, type IssueRecord, type LabelRecord, type PullFileInput, type RepoRecord,
  type ServerState, type Shapes, type TokenInfo,
} from './github-state.js';

export interface Reply { status: number; body?: unknown; headers?: Record<string, string> }
export class HttpError extends Error {
  constructor(readonly status: number, readonly body: Record<string, unknown>) { super(String(body.message)); }
}
const notFound = (message = 'Not Found') => new HttpError(404, { message });
const validationFailed = (...errors: object[]) => new HttpError(422, { message: 'Validation Failed', errors });
const invalidRequest = (detail: string) => new HttpError(422, { message: `Invalid request.\n\n${detail}` });

export interface Ctx {
  url: URL; params: Record<string, string>; query: Record<string, string>; body: any;
  login: string; token: TokenInfo; state: ServerState; json: Shapes; options: { listPullRequestsAsIssues?: boolean };
  /** The repository of a /repos/{owner}/{repo}/... route. */
  repo: RepoRecord;
  now: string;
}
type Handler = (ctx: Ctx) => Reply;

const ok = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({ status, body, headers });

/** Answers one page of `items` with GitHub's Link header (prev, next, last, first). */
function paginate(ctx: Ctx, items: unknown[]): Reply {
  const perPage = Math.min(100, Math.max(1, Number(ctx.query.per_page) || 30));
  const page = Math.max(1, Number(ctx.query.page) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (p: number, rel: string) => {
    const u = new URL(ctx.url);
    u.searchParams.set('page', String(p));
    return `<${u}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [link(Math.min(page - 1, last), 'prev')] : []),
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
    ...(page > 1 ? [link(1, 'first')] : []),
  ];
  return ok(items.slice((page - 1) * perPage, page * perPage), 200, links.length ? { link: links.join(', ') } : undefined);
}

function findIssue(ctx: Ctx, number = Number(ctx.params.issue_number)): IssueRecord {
  const issue = ctx.repo.issues.get(number);
  if (!issue) throw notFound();
  return issue;
}
const labelNames = (items: unknown[] = []) => items.map((l) => (typeof l === 'string' ? l : String((l as { name?: string }).name ?? '')));

/** 422 for logins that cannot be assigned, with GitHub's error shape. */
function checkAssignees(ctx: Ctx, logins: string[]): string[] {
  const bad = logins.filter((l) => !ctx.repo.assignable.some((a) => a.toLowerCase() === l.toLowerCase()));
  if (bad.length) throw validationFailed(...bad.map((value) => ({ value, resource: 'Issue', field: 'assignees', code: 'invalid' })));
  return logins.map((l) => ctx.repo.assignable.find((a) => a.toLowerCase() === l.toLowerCase())!);
}

/** An issue type's name as the repository spells it; 422 for one it does not have (GitHub's validation of `type`). */
function issueType(ctx: Ctx, name: unknown): string | null {
  if (name === null || name === undefined) return null;
  const value = typeof name === 'object' ? (name as { value?: string | null }).value ?? null : String(name);
  if (value === null) return null;
  const found = (ctx.repo.issueTypes ?? []).find((t) => t.toLowerCase() === value.toLowerCase());
  if (!found) throw validationFailed({ value, resource: 'Issue', field: 'type', code: 'invalid' });
  return found;
}

/** Attach `child` under `parent`, with GitHub's rules: same owner, one parent each, 100 sub-issues at most (closed ones count). */
function attachSubIssue(ctx: Ctx, parent: IssueRecord, childId: number, replace: boolean) {
  const found = ctx.state.issueById(childId);
  if (!found) throw notFound();
  const { repo: childRepo, issue: child } = found;
  if (childRepo.owner.toLowerCase() !== ctx.repo.owner.toLowerCase()) throw validationFailed({ resource: 'Issue', code: 'custom', field: 'sub_issue_id', message: 'Sub issue must belong to the same repository owner as the parent issue' });
  if (child.id === parent.id) throw validationFailed({ resource: 'Issue', code: 'custom', field: 'sub_issue_id', message: 'An issue cannot be its own sub-issue' });
  if (child.parent && !replace) throw validationFailed({ resource: 'Issue', code: 'custom', field: 'sub_issue_id', message: 'Sub issue may only have one parent' });
  if ((parent.subIssues ?? []).length >= 100) throw validationFailed({ resource: 'Issue', code: 'custom', field: 'sub_issue_id', message: 'Parent cannot have more than 100 sub-issues' });
  if (child.parent) {
    const old = ctx.state.repo(child.parent.repo).issues.get(child.parent.number);
    if (old) old.subIssues = (old.subIssues ?? []).filter((id) => id !== child.id);
  }
  child.parent = { repo: ctx.repo.fullName, number: parent.number };
  parent.subIssues = [...(parent.subIssues ?? []), child.id];
  parent.updated_at = ctx.now;
}

function issueFilter(issue: IssueRecord, q: Record<string, string>): boolean {
  const state = q.state ?? 'open';
  if (state !== 'all' && issue.state !== state) return false;
  if (q.creator && issue.user.toLowerCase() !== q.creator.toLowerCase()) return false;
  if (q.assignee === 'none' && issue.assignees.length) return false;
  if (q.assignee === '*' && !issue.assignees.length) return false;
  if (q.assignee && !['none', '*'].includes(q.assignee) && !issue.assignees.some((a) => a.toLowerCase() === q.assignee.toLowerCase())) return false;
  if (q.since && issue.updated_at < stamp(new Date(q.since))) return false;
  const have = new Set(issue.labels.map((l) => l.toLowerCase()));
  const want = (q.labels ?? '').split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
  return want.every((l) => have.has(l)); // labels=a,b means a AND b
}

function sortIssues(issues: IssueRecord[], sort = 'created', direction?: string): IssueRecord[] {
  const key = (i: IssueRecord) => (sort === 'updated' ? i.updated_at : sort === 'comments' ? String(i.comments.length).padStart(9, '0') : i.created_at);
  const sign = (direction ?? 'desc') === 'asc' ? 1 : -1;
  return [...issues].sort((a, b) => sign * (key(a).localeCompare(key(b)) || a.number - b.number));
}

function closeOrReopen(ctx: Ctx, issue: IssueRecord, state: string | undefined, reason: string | null | undefined) {
  if (state === 'closed' && issue.state === 'open') {
    Object.assign(issue, { state, closed_at: ctx.now, closed_by: ctx.login, state_reason: reason ?? 'completed' });
  } else if (state === 'open' && issue.state === 'closed') {
    Object.assign(issue, { state, closed_at: null, closed_by: null, state_reason: 'reopened' });
  } else if (state === 'closed' && reason !== undefined) {
    issue.state_reason = reason;
  }
}

function fileAt(ctx: Ctx, ref: string) {
  const sha = ctx.state.resolve(ctx.repo, ref);
  const commit = sha ? ctx.repo.commits.get(sha) : undefined;
  if (!commit) throw notFound(`No commit found for the ref ${ref}`);
  return commit;
}

/** Changed files between two trees; additions/deletions count lines present on one side only (no real diff). */
function diffTrees(base: Map<string, BlobRecord>, head: Map<string, BlobRecord>): PullFileInput[] {
  const lines = (b?: BlobRecord) => (b ? b.content.replace(/\n$/, '').split('\n') : []);
  const minus = (a: string[], b: string[]) => {
    const rest = [...b];
    return a.filter((line) => {
      const i = rest.indexOf(line);
      if (i >= 0) rest.splice(i, 1);
      return i < 0;
    }).length;
  };
  const paths = [...new Set([...base.keys(), ...head.keys()])].sort();
  return paths.flatMap((filename) => {
    const [b, h] = [base.get(filename), head.get(filename)];
    if (b?.sha === h?.sha) return [];
    const status: FileStatus = !b ? 'added' : !h ? 'removed' : 'modified';
    return [{ filename, status, sha: (h ?? b)!.sha, additions: minus(lines(h), lines(b)), deletions: minus(lines(b), lines(h)) }];
  });
}

const SEARCH_QUALIFIERS: Record<string, (i: IssueRecord, v: string) => boolean> = {
  is: (i, v) => (v === 'issue' ? !i.pull : v === 'pr' ? !!i.pull : i.state === v),
  state: (i, v) => i.state === v,
  label: (i, v) => i.labels.some((l) => l.toLowerCase() === v.toLowerCase()),
  author: (i, v) => i.user.toLowerCase() === v.toLowerCase(),
  text: (i, v) => `${i.title}\n${i.body ?? ''}`.toLowerCase().includes(v.toLowerCase()),
};

const ROUTES: Array<[string, string, Handler]> = [
  ['GET', '/rate_limit', (ctx) => {
    const snap = (r: 'core' | 'search') => {
      const { limit, used, remaining, reset } = ctx.state.consume(r, false);
      return { limit, used, remaining, reset, resource: r };
    };
    return ok({ resources: { core: snap('core'), search: snap('search') }, rate: snap('core') });
  }],
  ['GET', '/user', (ctx) => {
    if ((ctx.token.kind ?? 'installation') === 'installation') throw new HttpError(403, { message: 'Resource not accessible by integration' });
    return ok({ ...ctx.json.user(ctx.login), name: null, company: null, blog: '', location: null, email: null, hireable: null, bio: null,
      public_repos: 0, public_gists: 0, followers: 0, following: 0, created_at: '2020-01-01T00:00:00Z', updated_at: '2020-01-01T00:00:00Z' });
  }],
  ['GET', '/search/issues', (ctx) => {
    // Served so that a stray call does not crash the action; the pipeline records every call as a violation.
    const filters = (ctx.query.q.match(/\w+:"[^"]*"|\S+/g) ?? []).map((t) => /^(\w+):"?([^"]*)"?$/.exec(t)?.slice(1) ?? ['text', t]);
    const repos = filters.filter(([k]) => k === 'repo').map(([, v]) => ctx.state.repo(v));
    const items = repos.flatMap((repo) => [...repo.issues.values()]
      .filter((i) => filters.every(([k, v]) => SEARCH_QUALIFIERS[k]?.(i, v) ?? true))
      .map((i) => ({ ...ctx.json.issue(repo, i), body: i.body ?? undefined, score: 1 }))); // search documents body as non-null
    return ok({ total_count: items.length, incomplete_results: false, search_type: ctx.query.search_type ?? 'lexical', items: paginate(ctx, items).body });
  }],
  ['GET', '/repos/{owner}/{repo}', (ctx) => ok(ctx.json.repository(ctx.repo, ctx.token))],
  ['GET', '/repos/{owner}/{repo}/assignees/{assignee}', (ctx) => {
    if (!ctx.repo.assignable.some((a) => a.toLowerCase() === ctx.params.assignee.toLowerCase())) throw notFound();
    return { status: 204 };
  }],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', (ctx) => {
    const pr = findIssue(ctx, Number(ctx.params.pull_number));
    if (!pr.pull) throw notFound();
    return paginate(ctx, pr.pull.files.map((f) => ctx.json.pullFile(ctx.repo, pr.pull!.head.sha, f)));
  }],
  ['GET', '/repos/{owner}/{repo}/issues', (ctx) => {
    const all = [...ctx.repo.issues.values()].filter((i) => ctx.options.listPullRequestsAsIssues || !i.pull);
    const matching = sortIssues(all.filter((i) => issueFilter(i, ctx.query)), ctx.query.sort, ctx.query.direction);
    return paginate(ctx, matching.map((i) => ctx.json.issue(ctx.repo, i)));
  }],
  ['GET', '/repos/{owner}/{repo}/issue-types', (ctx) => {
    if (!ctx.repo.issueTypes) throw notFound();
    return ok(ctx.repo.issueTypes.map((t) => ctx.json.issueType(ctx.repo, t)));
  }],
  ['POST', '/repos/{owner}/{repo}/issues', (ctx) => {
    const { title, body = null, assignee, assignees = [], labels = [] } = ctx.body;
    const logins = checkAssignees(ctx, [...new Set<string>([...(assignee ? [assignee] : []), ...assignees])]);
    const type = issueType(ctx, ctx.body.type);
    const issue = ctx.state.createIssue(ctx.repo, { title: String(title), body, labels: labelNames(labels), assignees: logins, user: ctx.login, type });
    const json = ctx.json.issue(ctx.repo, issue);
    return ok(json, 201, { location: json.url });
  }],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}', (ctx) => {
    const moved = ctx.repo.transferred.get(Number(ctx.params.issue_number));
    if (moved) {
      // GitHub redirects to the issue's new home by repository id; clients follow it.
      const location = `${ctx.url.origin}/repositories/${ctx.state.repo(moved.repo).id}/issues/${moved.number}`;
      return ok({ message: 'Moved Permanently', url: location, documentation_url: 'https://docs.github.com/rest/guides/best-practices-for-using-the-rest-api#follow-redirects' }, 301, { location });
    }
    return ok(ctx.json.issue(ctx.repo, findIssue(ctx)));
  }],
  ['PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', (ctx) => {
    const issue = findIssue(ctx);
    const b = ctx.body ?? {};
    if (b.assignees !== undefined || b.assignee !== undefined) {
      issue.assignees = checkAssignees(ctx, [...new Set<string>([...(b.assignee ? [b.assignee] : []), ...(b.assignees ?? [])])]);
    }
    if (b.labels !== undefined) issue.labels = [...new Set(labelNames(b.labels).map((n) => ctx.state.ensureLabel(ctx.repo, n).name))];
    if (b.title !== undefined && b.title !== null) issue.title = String(b.title);
    if (b.body !== undefined) issue.body = b.body;
    if (b.type !== undefined) issue.type = issueType(ctx, b.type);
    closeOrReopen(ctx, issue, b.state, b.state_reason);
    issue.updated_at = ctx.now;
    return ok(ctx.json.issue(ctx.repo, issue));
  }],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/sub_issues', (ctx) => {
    const issue = findIssue(ctx);
    const children = (issue.subIssues ?? []).map((id) => ctx.state.issueById(id)).filter((c): c is NonNullable<typeof c> => !!c);
    return paginate(ctx, children.map((c) => ctx.json.issue(c.repo, c.issue)));
  }],
  ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/sub_issues', (ctx) => {
    const parent = findIssue(ctx);
    attachSubIssue(ctx, parent, Number(ctx.body.sub_issue_id), ctx.body.replace_parent === true);
    return ok(ctx.json.issue(ctx.repo, parent), 201);
  }],
  ['DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/sub_issue', (ctx) => {
    const parent = findIssue(ctx);
    const id = Number(ctx.body?.sub_issue_id);
    if (!(parent.subIssues ?? []).includes(id)) throw notFound();
    parent.subIssues = parent.subIssues!.filter((x) => x !== id);
    const child = ctx.state.issueById(id);
    if (child) child.issue.parent = null;
    parent.updated_at = ctx.now;
    return ok(ctx.json.issue(ctx.repo, parent));
  }],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (ctx) => {
    const issue = findIssue(ctx);
    const since = ctx.query.since ? stamp(new Date(ctx.query.since)) : '';
    return paginate(ctx, issue.comments.filter((c) => c.updated_at >= since).map((c) => ctx.json.comment(ctx.repo, issue, c)));
  }],
  ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (ctx) => {
    const issue = findIssue(ctx);
    const comment = { id: ctx.state.nextId(), body: ctx.body.body, user: ctx.login, created_at: ctx.now, updated_at: ctx.now };
    issue.comments.push(comment);
    issue.updated_at = ctx.now;
    const json = ctx.json.comment(ctx.repo, issue, comment);
    return ok(json, 201, { location: json.url });
  }],
  ['PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (ctx) => {
    const id = Number(ctx.params.comment_id);
    const issue = [...ctx.repo.issues.values()].find((i) => i.comments.some((c) => c.id === id));
    const comment = issue?.comments.find((c) => c.id === id);
    if (!issue || !comment) throw notFound();
    Object.assign(comment, { body: ctx.body.body, updated_at: ctx.now });
    return ok(ctx.json.comment(ctx.repo, issue, comment));
  }],
  ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (ctx) => {
    const issue = findIssue(ctx);
    const names = labelNames(ctx.body?.labels).map((n) => ctx.state.ensureLabel(ctx.repo, n).name);
    issue.labels = [...new Set([...issue.labels, ...names])];
    issue.updated_at = ctx.now;
    return ok(ctx.json.labels(ctx.repo, issue.labels));
  }],
  ['DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', (ctx) => {
    const issue = findIssue(ctx);
    const name = ctx.params.name.toLowerCase();
    if (!issue.labels.some((l) => l.toLowerCase() === name)) throw notFound('Label does not exist');
    issue.labels = issue.labels.filter((l) => l.toLowerCase() !== name);
    issue.updated_at = ctx.now;
    return ok(ctx.json.labels(ctx.repo, issue.labels));
  }],
  ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', (ctx) => {
    const issue = findIssue(ctx);
    // GitHub ignores logins it cannot assign here (no 422), and keeps the ones already assigned.
    const logins = (ctx.body?.assignees ?? []).filter((l: string) => ctx.repo.assignable.some((a) => a.toLowerCase() === l.toLowerCase()));
    issue.assignees = [...new Set([...issue.assignees, ...logins.map((l: string) => ctx.repo.assignable.find((a) => a.toLowerCase() === l.toLowerCase())!)])];
    issue.updated_at = ctx.now;
    return ok(ctx.json.issue(ctx.repo, issue), 201);
  }],
  ['DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', (ctx) => {
    const issue = findIssue(ctx);
    const gone = new Set((ctx.body?.assignees ?? []).map((l: string) => l.toLowerCase()));
    issue.assignees = issue.assignees.filter((a) => !gone.has(a.toLowerCase()));
    issue.updated_at = ctx.now;
    return ok(ctx.json.issue(ctx.repo, issue));
  }],
  ['GET', '/repos/{owner}/{repo}/labels', (ctx) => paginate(ctx, [...ctx.repo.labels.values()]
    .sort((a, b) => a.name.localeCompare(b.name)).map((l) => ctx.json.label(ctx.repo, l)))],
  ['GET', '/repos/{owner}/{repo}/labels/{name}', (ctx) => {
    const label = ctx.repo.labels.get(ctx.params.name.toLowerCase());
    if (!label) throw notFound();
    return ok(ctx.json.label(ctx.repo, label));
  }],
  ['PATCH', '/repos/{owner}/{repo}/labels/{name}', (ctx) => {
    const label = ctx.repo.labels.get(ctx.params.name.toLowerCase());
    if (!label) throw notFound();
    const { new_name, color, description } = ctx.body ?? {};
    if (color !== undefined) label.color = String(color).toLowerCase();
    if (description !== undefined) label.description = description;
    if (new_name !== undefined && new_name.toLowerCase() !== label.name.toLowerCase()) {
      if (ctx.repo.labels.has(new_name.toLowerCase())) throw validationFailed({ resource: 'Label', code: 'already_exists', field: 'name' });
      ctx.repo.labels.delete(label.name.toLowerCase());
      label.name = new_name;
      ctx.repo.labels.set(new_name.toLowerCase(), label);
    }
    return ok(ctx.json.label(ctx.repo, label));
  }],
  ['DELETE', '/repos/{owner}/{repo}/labels/{name}', (ctx) => {
    const key = ctx.params.name.toLowerCase();
    if (!ctx.repo.labels.has(key)) throw notFound();
    ctx.repo.labels.delete(key);
    for (const issue of ctx.repo.issues.values()) issue.labels = issue.labels.filter((l) => l.toLowerCase() !== key);
    return { status: 204 };
  }],
  ['POST', '/repos/{owner}/{repo}/labels', (ctx) => {
    const { name, color = 'ededed', description = null } = ctx.body;
    if (!/^[0-9a-fA-F]{6}$/.test(color)) throw validationFailed({ resource: 'Label', code: 'invalid', field: 'color' });
    if (ctx.repo.labels.has(name.toLowerCase())) throw validationFailed({ resource: 'Label', code: 'already_exists', field: 'name' });
    const label: LabelRecord = { id: ctx.state.nextId(), name, color: color.toLowerCase(), description, default: false };
    ctx.repo.labels.set(name.toLowerCase(), label);
    const json = ctx.json.label(ctx.repo, label);
    return ok(json, 201, { location: json.url });
  }],
  ['GET', '/repos/{owner}/{repo}/git/ref/{ref}', (ctx) => {
    const ref = `refs/${ctx.params.ref}`;
    const sha = ctx.repo.refs.get(ref);
    if (!sha) throw notFound();
    return ok(ctx.json.gitRef(ctx.repo, ref, sha));
  }],
  ['POST', '/repos/{owner}/{repo}/git/refs', (ctx) => {
    const { ref, sha } = ctx.body as { ref: string; sha: string };
    if (!/^refs\/[^/]+\/.+/.test(ref)) throw new HttpError(422, { message: "Reference name must start with 'refs/' and have at least two slashes." });
    if (ctx.repo.refs.has(ref)) throw new HttpError(422, { message: 'Reference already exists' });
    if (!ctx.repo.commits.has(sha)) throw new HttpError(422, { message: 'Object does not exist' });
    ctx.repo.refs.set(ref, sha);
    const json = ctx.json.gitRef(ctx.repo, ref, sha);
    return ok(json, 201, { location: json.url });
  }],
  ['GET', '/repos/{owner}/{repo}/contents/{path}', (ctx) => {
    const ref = ctx.query.ref ?? ctx.repo.defaultBranch;
    const { tree } = fileAt(ctx, ref);
    const path = ctx.params.path.replace(/^\/+|\/+$/g, '');
    const blob = tree.get(path);
    if (blob) return ok({ ...ctx.json.contentEntry(ctx.repo, ref, path, blob), content: Buffer.from(blob.content).toString('base64'), encoding: 'base64' });
    const children = new Map<string, BlobRecord | undefined>();
    for (const [p, b] of tree) {
      if (!path || p.startsWith(`${path}/`)) {
        const [name, ...deeper] = p.slice(path ? path.length + 1 : 0).split('/');
        children.set(path ? `${path}/${name}` : name, deeper.length ? undefined : b);
      }
    }
    if (!children.size) throw notFound();
    return ok([...children].sort(([a], [b]) => a.localeCompare(b)).map(([p, b]) => ctx.json.contentEntry(ctx.repo, ref, p, b)));
  }],
  ['PUT', '/repos/{owner}/{repo}/contents/{path}', (ctx) => {
    const { message, content, sha, branch = ctx.repo.defaultBranch } = ctx.body;
    const refName = `refs/heads/${branch}`;
    const parent = ctx.repo.commits.get(ctx.repo.refs.get(refName) ?? '');
    if (!parent) throw notFound(`Branch ${branch} not found`);
    const path = ctx.params.path.replace(/^\/+|\/+$/g, '');
    const existing = parent.tree.get(path);
    if (existing && sha === undefined) throw invalidRequest('"sha" wasn\'t supplied.');
    if (existing && sha !== existing.sha) throw new HttpError(409, { message: `${path} does not match ${sha}` });
    const text = Buffer.from(content, 'base64').toString('utf8');
    const blob = { content: text, sha: blobSha(text) };
    const commit = ctx.state.commit(parent, new Map(parent.tree).set(path, blob), message, ctx.now);
    ctx.repo.commits.set(commit.sha, commit);
    ctx.repo.refs.set(refName, commit.sha);
    return ok(ctx.json.fileCommit(ctx.repo, branch, path, commit, ctx.login), existing ? 200 : 201);
  }],
  ['GET', '/repos/{owner}/{repo}/pulls', (ctx) => {
    const { state = 'open', head, base } = ctx.query;
    const pulls = [...ctx.repo.issues.values()].filter((i) => i.pull && (state === 'all' || i.state === state)
      && (!head || `${ctx.state.repo(i.pull.head.repo).owner}:${i.pull.head.ref}`.toLowerCase() === head.toLowerCase())
      && (!base || i.pull.base.ref === base));
    return paginate(ctx, sortIssues(pulls, ctx.query.sort, ctx.query.direction).map((i) => ctx.json.pull(ctx.repo, i, false)));
  }],
  ['POST', '/repos/{owner}/{repo}/pulls', (ctx) => {
    const { title = '', body = null, head, base, draft = false } = ctx.body;
    const [headOwner, headRef] = head.includes(':') ? head.split(':', 2) : [ctx.repo.owner, head];
    const headRepo = ctx.state.repo(`${headOwner}/${ctx.repo.name}`);
    const headSha = ctx.state.resolve(headRepo, `refs/heads/${headRef}`);
    const baseSha = ctx.state.resolve(ctx.repo, `refs/heads/${base}`);
    if (!headSha) throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
    if (!baseSha) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
    if (headSha === baseSha) throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${head}` });
    const duplicate = [...ctx.repo.issues.values()].some((i) => i.pull && i.state === 'open' && i.pull.head.ref === headRef
      && i.pull.head.repo.toLowerCase() === headRepo.fullName.toLowerCase() && i.pull.base.ref === base);
    if (duplicate) throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${headOwner}:${headRef}.` });
    const files = diffTrees(ctx.repo.commits.get(baseSha)?.tree ?? new Map(), headRepo.commits.get(headSha)!.tree);
    const issue = ctx.state.createIssue(ctx.repo, {
      title, body, user: ctx.login,
      pull: { head: { ref: headRef, sha: headSha, repo: headRepo.fullName }, base: { ref: base, sha: baseSha }, merged_at: null, draft, files: files.map(pullFile) },
    });
    const json = ctx.json.pull(ctx.repo, issue, true);
    return ok(json, 201, { location: json.url });
  }],
];

/** Parameters that may contain slashes (octokit sends them %2F-encoded, other clients raw). */
const GREEDY = new Set(['path', 'ref']);
export interface Route { method: string; template: string; regex: RegExp; keys: string[]; handler: Handler; op: Operation }
const routes: Route[] = ROUTES.map(([method, template, handler]) => {
  const keys: string[] = [];
  const pattern = template.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, (_, key: string) => {
    keys.push(key);
    return GREEDY.has(key) ? '(.+)' : '([^/]+)';
  });
  const op = getOperation(method, template);
  if (!op) throw new Error(`${method} ${template} is not in openapi-subset.json: run scripts/extract-openapi.mjs`);
  return { method, template, regex: new RegExp(`^${pattern}$`), keys, handler, op };
});

export function matchRoute(method: string, pathname: string) {
  for (const route of routes) {
    const m = route.method === method ? route.regex.exec(pathname) : null;
    if (m) return { route, params: Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])])) };
  }
  return undefined;
}
