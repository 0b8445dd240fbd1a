// State and JSON shapes of the loopback GitHub server (see github-server.ts).
// Everything here is plain data that tests may inspect and mutate through `server.state`.
import { createHash } from 'node:crypto';
import type { ProjectRecord } from './github-graphql.js';

// Records

export type Permission = 'write' | 'read';
/**
 * A token, as GitHub treats it:
 * - 'installation' (default): an installation token. With login `github-actions[bot]` it is the workflow's
 *   GITHUB_TOKEN; with `<slug>[bot]` a GitHub App's (actions/create-github-app-token). GET /user answers 403
 *   "Resource not accessible by integration"; GraphQL `viewer` answers the bot's login.
 * - 'user': a classic personal access token; 'fine-grained': a fine-grained one. GET /user and `viewer`
 *   answer the person's login.
 * Whatever the kind, what the token creates has `login` as its author (`user`, and the `creator` filter).
 */
export interface TokenInfo {
  login: string;
  permission: Permission;
  kind?: 'installation' | 'user' | 'fine-grained';
}

/** Tokens of each kind, for tests that switch between them. */
export const TOKEN_KINDS = {
  actions: { login: 'github-actions[bot]', permission: 'write', kind: 'installation' },
  app: { login: 'postmortem-app[bot]', permission: 'write', kind: 'installation' },
  classic: { login: 'ops-bot', permission: 'write', kind: 'user' },
  fineGrained: { login: 'ops-robot', permission: 'write', kind: 'fine-grained' },
} as const satisfies Record<string, TokenInfo>;

export interface CommentRecord { id: number; body: string; user: string; created_at: string; updated_at: string }
export interface LabelRecord { id: number; name: string; color: string; description: string | null; default: boolean }
export type FileStatus = 'added' | 'modified' | 'removed' | 'renamed';
/** A changed file of a pull request; `changes`, `blob_url`, `raw_url` and `contents_url` are derived when served. */
export interface PullFileRecord {
  filename: string; status: FileStatus; additions: number; deletions: number; sha: string; patch?: string; previous_filename?: string;
}
export type PullFileInput = Partial<PullFileRecord> & { filename: string };
export interface PullData {
  head: { ref: string; sha: string; repo: string };
  base: { ref: string; sha: string };
  files: PullFileRecord[];
  merged_at: string | null;
  draft: boolean;
}
export interface IssueRecord {
  number: number; id: number; title: string; body: string | null;
  state: 'open' | 'closed'; state_reason: string | null;
  labels: string[]; assignees: string[]; user: string; locked: boolean;
  created_at: string; updated_at: string; closed_at: string | null; closed_by: string | null;
  comments: CommentRecord[];
  /** Present when this number is a pull request. */
  pull?: PullData;
  /** The issue type's name (repositories with `issueTypes`), or null. */
  type?: string | null;
  /** Its parent issue, when it is a sub-issue. */
  parent?: { repo: string; number: number } | null;
  /** Database ids of its sub-issues, in order. */
  subIssues?: number[];
}
export interface BlobRecord { content: string; sha: string }
export interface CommitRecord { sha: string; tree: Map<string, BlobRecord>; parents: string[]; message: string; date: string }
export interface RepoRecord {
  id: number; owner: string; name: string; fullName: string; private: boolean; fork: boolean;
  defaultBranch: string; created_at: string;
  assignable: string[];
  /** Per-repository token permissions; they win over the server-wide tokens. */
  tokens: Map<string, TokenInfo>;
  labels: Map<string, LabelRecord>; // keyed by lower-cased name
  issues: Map<number, IssueRecord>; // issues and pull requests (see IssueRecord.pull)
  refs: Map<string, string>; // 'refs/heads/main' -> commit sha
  commits: Map<string, CommitRecord>;
  lastNumber: number;
  /** Issues transferred to another repository: old number -> where they went (GET answers 301). */
  transferred: Map<number, { repo: string; number: number }>;
  /** The issue types the repository offers (its organization's); undefined: none (GET …/issue-types answers 404). */
  issueTypes?: string[];
}
export interface AddRepoOptions {
  defaultBranch?: string; assignable?: string[]; tokens?: Record<string, TokenInfo>;
  private?: boolean; fork?: boolean;
  /** Issue types the repository offers, as an organization's repository does. */
  issueTypes?: string[];
  /** Files of the initial commit on the default branch (path -> UTF-8 content). */
  files?: Record<string, string>;
}
export interface AddPullRequestOptions {
  title?: string; body?: string; user?: string; state?: 'open' | 'closed'; merged?: boolean; draft?: boolean;
  head?: { ref?: string; sha?: string; repo?: string }; base?: { ref?: string; sha?: string };
}
export interface AddIssueOptions {
  title?: string; body?: string | null; user?: string; state?: 'open' | 'closed'; state_reason?: string | null;
  labels?: string[]; assignees?: string[]; created_at?: string; updated_at?: string; closed_at?: string | null;
  comments?: Array<{ body: string; user?: string; created_at?: string }>;
  type?: string | null;
}

// State

const BOT_IDS: Record<string, number> = { 'github-actions[bot]': 41898282 };
export const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
/** Git's blob id of a UTF-8 text. */
export const blobSha = (content: string) => sha1(`blob ${Buffer.byteLength(content)}\0${content}`);
/** GitHub's timestamp format: ISO 8601 without milliseconds. */
export const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export class ServerState {
  readonly repos = new Map<string, RepoRecord>();
  readonly tokens = new Map<string, TokenInfo>();
  readonly userIds = new Map<string, number>();
  /** Projects (v2) of organizations and users (see github-graphql.ts). */
  readonly projects: ProjectRecord[] = [];
  readonly rate = { core: { limit: 5000, used: 0, reset: 0 }, search: { limit: 30, used: 0, reset: 0 } };
  private lastId = 100_000;
  constructor(public now: () => Date) {}

  timestamp(): string { return stamp(this.now()); }
  nextId(): number { return ++this.lastId; }
  userId(login: string): number {
    if (BOT_IDS[login]) return BOT_IDS[login];
    if (!this.userIds.has(login)) this.userIds.set(login, 1000 + this.userIds.size);
    return this.userIds.get(login)!;
  }

  /** The repository, created on first use. Options given for an existing one add assignees and tokens. */
  repo(fullName: string, options: AddRepoOptions = {}): RepoRecord {
    const key = fullName.toLowerCase();
    const existing = this.repos.get(key);
    if (existing) {
      if (options.defaultBranch || options.files) throw new Error(`${fullName} exists already: defaultBranch and files are set on creation`);
      existing.assignable.push(...(options.assignable ?? []));
      for (const [token, info] of Object.entries(options.tokens ?? {})) existing.tokens.set(token, info);
      existing.private = options.private ?? existing.private;
      existing.fork = options.fork ?? existing.fork;
      existing.issueTypes = options.issueTypes ?? existing.issueTypes;
      return existing;
    }
    const [owner, name] = fullName.split('/');
    if (!owner || !name) throw new Error(`repository must be "owner/name", got ${fullName}`);
    const at = this.timestamp();
    const defaultBranch = options.defaultBranch ?? 'main';
    const root = this.commit(null, new Map(), 'Initial commit', at);
    const repo: RepoRecord = {
      id: this.nextId(), owner, name, fullName, private: options.private ?? false, fork: options.fork ?? false,
      defaultBranch, created_at: at, assignable: [...(options.assignable ?? [])],
      tokens: new Map(Object.entries(options.tokens ?? {})), labels: new Map(), issues: new Map(),
      refs: new Map([[`refs/heads/${defaultBranch}`, root.sha]]), commits: new Map([[root.sha, root]]), lastNumber: 0,
      transferred: new Map(),
      ...(options.issueTypes ? { issueTypes: [...options.issueTypes] } : {}),
    };
    for (const [path, content] of Object.entries(options.files ?? {})) root.tree.set(path, { content, sha: blobSha(content) });
    this.repos.set(key, repo);
    return repo;
  }

  commit(parent: CommitRecord | null, tree: Map<string, BlobRecord>, message: string, date = this.timestamp()): CommitRecord {
    const sha = sha1(`${parent?.sha ?? ''}\n${message}\n${date}\n${this.nextId()}`);
    return { sha, tree, parents: parent ? [parent.sha] : [], message, date };
  }

  /** Finds a label (case-insensitive) or creates it silently, as issue create/update do. */
  ensureLabel(repo: RepoRecord, name: string): LabelRecord {
    const key = name.toLowerCase();
    if (!repo.labels.has(key)) repo.labels.set(key, { id: this.nextId(), name, color: 'ededed', description: null, default: false });
    return repo.labels.get(key)!;
  }

  /** Stores a new issue (or pull request, with `pull`) under the next shared number. */
  createIssue(repo: RepoRecord, fields: Partial<IssueRecord> & { title: string; user: string }): IssueRecord {
    const at = this.timestamp();
    const issue: IssueRecord = {
      number: repo.lastNumber + 1, id: this.nextId(), body: null, state: 'open', state_reason: null, labels: [], assignees: [],
      locked: false, created_at: at, updated_at: fields.created_at ?? at, closed_at: null, closed_by: null, comments: [],
      ...(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as typeof fields),
    };
    issue.labels = [...new Set(issue.labels.map((n) => this.ensureLabel(repo, n).name))];
    repo.lastNumber = Math.max(repo.lastNumber, issue.number);
    repo.issues.set(issue.number, issue);
    return issue;
  }

  addIssue(fullName: string, o: AddIssueOptions = {}): IssueRecord {
    const repo = this.repo(fullName);
    const user = o.user ?? 'octocat';
    const at = o.created_at ?? this.timestamp();
    const closed = o.state === 'closed';
    const { comments = [], ...fields } = o;
    return this.createIssue(repo, {
      title: `Issue ${repo.lastNumber + 1}`, ...fields, user, created_at: at, updated_at: o.updated_at ?? at,
      state_reason: o.state_reason ?? (closed ? 'completed' : null), closed_at: o.closed_at ?? (closed ? at : null), closed_by: closed ? user : null,
      comments: comments.map((c) => ({ id: this.nextId(), body: c.body, user: c.user ?? 'octocat', created_at: c.created_at ?? at, updated_at: c.created_at ?? at })),
    });
  }

  /** Moves an issue to another repository, as a person's "Transfer issue" does: a new number there, a redirect here. */
  transferIssue(fromName: string, number: number, toName: string): IssueRecord {
    const from = this.repo(fromName);
    const to = this.repo(toName);
    const issue = from.issues.get(number);
    if (!issue || issue.pull) throw new Error(`${fromName}#${number} is not an issue`);
    from.issues.delete(number);
    const moved = { ...issue, number: to.lastNumber + 1, updated_at: this.timestamp() };
    moved.labels = moved.labels.filter((l) => to.labels.has(l.toLowerCase())); // labels the target does not have are dropped
    to.issues.set(moved.number, moved);
    to.lastNumber = moved.number;
    from.transferred.set(number, { repo: to.fullName, number: moved.number });
    return moved;
  }

  /** The issue with this database id, in whichever repository (the sub-issues API names issues by id). */
  issueById(id: number): { repo: RepoRecord; issue: IssueRecord } | undefined {
    for (const repo of this.repos.values()) for (const issue of repo.issues.values()) if (issue.id === id && !issue.pull) return { repo, issue };
    return undefined;
  }

  /** The issue with this GraphQL node id (as `Shapes.issue` writes it). */
  issueByNodeId(nodeId: string): { repo: RepoRecord; issue: IssueRecord } | undefined {
    const m = /^05:Issue(\d+)$/.exec(Buffer.from(nodeId, 'base64').toString('utf8'));
    return m ? this.issueById(Number(m[1])) : undefined;
  }

  /** The repository with this id (the target of `/repositories/{id}/…` redirects). */
  repoById(id: number): RepoRecord | undefined {
    return [...this.repos.values()].find((r) => r.id === id);
  }

  addPullRequest(fullName: string, number: number, files: PullFileInput[], o: AddPullRequestOptions = {}): IssueRecord {
    const repo = this.repo(fullName);
    if (repo.issues.has(number)) throw new Error(`#${number} already exists in ${fullName}`);
    const at = this.timestamp();
    const closed = o.state === 'closed' || o.merged === true;
    return this.createIssue(repo, {
      number, title: o.title ?? `Pull request ${number}`, body: o.body ?? null, user: o.user ?? 'octocat',
      state: closed ? 'closed' : 'open', closed_at: closed ? at : null,
      pull: {
        head: { ref: o.head?.ref ?? `pr-${number}`, sha: o.head?.sha ?? sha1(`head ${fullName}#${number}`), repo: o.head?.repo ?? fullName },
        base: { ref: o.base?.ref ?? repo.defaultBranch, sha: o.base?.sha ?? this.resolve(repo, repo.defaultBranch)! },
        files: files.map(pullFile), merged_at: o.merged ? at : null, draft: o.draft ?? false,
      },
    });
  }

  /** Commit sha for a branch name, 'refs/heads/x', 'heads/x' or a commit sha. */
  resolve(repo: RepoRecord, ref: string): string | undefined {
    if (repo.commits.has(ref)) return ref;
    return repo.refs.get(ref) ?? repo.refs.get(`refs/${ref}`) ?? repo.refs.get(`refs/heads/${ref}`);
  }

  /** The credentials a token has on a repository (undefined: the repository is invisible to it). */
  access(repo: RepoRecord, token: string): TokenInfo | undefined {
    return repo.tokens.get(token) ?? this.tokens.get(token);
  }
  knownToken(token: string): TokenInfo | undefined {
    return this.tokens.get(token) ?? [...this.repos.values()].map((r) => r.tokens.get(token)).find(Boolean);
  }

  /** Spends one request of `resource`; returns the counters for the x-ratelimit-* headers. */
  consume(resource: 'core' | 'search', spend: boolean) {
    const bucket = this.rate[resource];
    const nowSec = Math.floor(this.now().getTime() / 1000);
    if (nowSec >= bucket.reset) Object.assign(bucket, { used: 0, reset: nowSec + (resource === 'core' ? 3600 : 60) });
    if (spend) bucket.used += 1;
    return { ...bucket, remaining: Math.max(0, bucket.limit - bucket.used), resource, exhausted: bucket.used > bucket.limit };
  }
}

// JSON shapes, as documented for api.github.com

export class Shapes {
  constructor(private api: string, private web: string, private state: ServerState) {}

  user(login: string) {
    const id = this.state.userId(login);
    const bot = login.endsWith('[bot]');
    const u = `${this.api}/users/${encodeURIComponent(login)}`;
    return {
      login, id, node_id: Buffer.from(`04:User${id}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/${bot ? 'in/15368' : `u/${id}`}?v=4`, gravatar_id: '', url: u,
      html_url: bot ? `${this.web}/apps/${login.replace(/\[bot\]$/, '')}` : `${this.web}/${login}`,
      followers_url: `${u}/followers`, following_url: `${u}/following{/other_user}`, gists_url: `${u}/gists{/gist_id}`,
      starred_url: `${u}/starred{/owner}{/repo}`, subscriptions_url: `${u}/subscriptions`, organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`, events_url: `${u}/events{/privacy}`, received_events_url: `${u}/received_events`,
      type: bot ? 'Bot' : 'User', user_view_type: 'public', site_admin: false,
    };
  }

  repository(repo: RepoRecord, access?: TokenInfo) {
    const api = `${this.api}/repos/${repo.fullName}`;
    const html = `${this.web}/${repo.fullName}`;
    const templated = Object.fromEntries(REPO_URLS.map(([key, suffix]) => [key, `${api}${suffix}`]));
    const push = access?.permission === 'write';
    const updated = [...repo.commits.values()].reduce((max, c) => (c.date > max ? c.date : max), repo.created_at);
    const open = [...repo.issues.values()].filter((i) => i.state === 'open' && !i.pull).length;
    return {
      id: repo.id, node_id: Buffer.from(`010:Repository${repo.id}`).toString('base64'), name: repo.name, full_name: repo.fullName,
      private: repo.private, owner: this.user(repo.owner), html_url: html, description: null, fork: repo.fork, url: api,
      ...templated,
      clone_url: `${html}.git`, git_url: `${html.replace(/^https?:/, 'git:')}.git`,
      ssh_url: `git@${new URL(this.web).host}:${repo.fullName}.git`, svn_url: html, mirror_url: null, homepage: null,
      language: null, forks_count: 0, forks: 0, stargazers_count: 0, watchers_count: 0, watchers: 0, size: 0,
      default_branch: repo.defaultBranch, open_issues_count: open, open_issues: open, is_template: false, topics: [],
      has_issues: true, has_projects: true, has_wiki: true, has_pages: false, has_downloads: true, has_discussions: false,
      archived: false, disabled: false, visibility: repo.private ? 'private' : 'public', license: null,
      pushed_at: updated, created_at: repo.created_at, updated_at: updated, allow_forking: true,
      permissions: { admin: false, maintain: false, push, triage: push, pull: true },
      network_count: 0, subscribers_count: 0,
    };
  }

  label(repo: RepoRecord, label: LabelRecord) {
    return {
      id: label.id, node_id: Buffer.from(`03:Label${label.id}`).toString('base64'),
      url: `${this.api}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
      name: label.name, color: label.color, description: label.description, default: label.default,
    };
  }

  /** Labels of an issue by name (one a test put there without creating it is shown with defaults). */
  labels(repo: RepoRecord, names: string[]) {
    const fallback = (name: string): LabelRecord => ({ id: 0, name, color: 'ededed', description: null, default: false });
    return names.map((name) => this.label(repo, repo.labels.get(name.toLowerCase()) ?? fallback(name)));
  }

  association(repo: RepoRecord, login: string) {
    if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
    return repo.assignable.some((a) => a.toLowerCase() === login.toLowerCase()) ? 'COLLABORATOR' : 'NONE';
  }

  reactions(url: string) {
    return { url: `${url}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
  }

  issueType(repo: RepoRecord, name: string) {
    const id = 2000 + (repo.issueTypes ?? []).findIndex((t) => t.toLowerCase() === name.toLowerCase());
    return {
      id, node_id: Buffer.from(`010:IssueType${id}`).toString('base64'), name, description: null, color: 'gray', created_at: repo.created_at,
      updated_at: repo.created_at, is_enabled: true,
    };
  }

  /** GitHub's count of an issue's sub-issues (closed ones included) and of the closed ones. */
  subIssuesSummary(issue: IssueRecord) {
    const children = (issue.subIssues ?? []).map((id) => this.state.issueById(id)?.issue).filter((i): i is IssueRecord => !!i);
    const completed = children.filter((c) => c.state === 'closed').length;
    return { total: children.length, completed, percent_completed: children.length ? Math.floor((completed * 100) / children.length) : 0 };
  }

  issue(repo: RepoRecord, issue: IssueRecord) {
    const url = `${this.api}/repos/${repo.fullName}/issues/${issue.number}`;
    const html = `${this.web}/${repo.fullName}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`;
    const pulls = `${this.api}/repos/${repo.fullName}/pulls/${issue.number}`;
    return {
      url, repository_url: `${this.api}/repos/${repo.fullName}`, labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`, events_url: `${url}/events`, html_url: html, id: issue.id,
      node_id: Buffer.from(`05:Issue${issue.id}`).toString('base64'), number: issue.number, title: issue.title,
      user: this.user(issue.user), labels: this.labels(repo, issue.labels),
      state: issue.state, locked: issue.locked, assignee: issue.assignees[0] ? this.user(issue.assignees[0]) : null,
      assignees: issue.assignees.map((a) => this.user(a)), milestone: null, comments: issue.comments.length,
      created_at: issue.created_at, updated_at: issue.updated_at, closed_at: issue.closed_at,
      author_association: this.association(repo, issue.user), active_lock_reason: null, body: issue.body,
      closed_by: issue.closed_by ? this.user(issue.closed_by) : null, reactions: this.reactions(url),
      timeline_url: `${url}/timeline`, performed_via_github_app: null, state_reason: issue.state_reason,
      ...(!issue.pull && {
        type: issue.type ? this.issueType(repo, issue.type) : null,
        sub_issues_summary: this.subIssuesSummary(issue),
        parent_issue_url: issue.parent ? `${this.api}/repos/${issue.parent.repo}/issues/${issue.parent.number}` : null,
      }),
      ...(issue.pull && {
        draft: issue.pull.draft,
        pull_request: { url: pulls, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch`, merged_at: issue.pull.merged_at },
      }),
    };
  }

  comment(repo: RepoRecord, issue: IssueRecord, comment: CommentRecord) {
    const url = `${this.api}/repos/${repo.fullName}/issues/comments/${comment.id}`;
    return {
      id: comment.id, node_id: Buffer.from(`012:IssueComment${comment.id}`).toString('base64'), url,
      html_url: `${this.web}/${repo.fullName}/${issue.pull ? 'pull' : 'issues'}/${issue.number}#issuecomment-${comment.id}`,
      body: comment.body, user: this.user(comment.user), created_at: comment.created_at, updated_at: comment.updated_at,
      issue_url: `${this.api}/repos/${repo.fullName}/issues/${issue.number}`,
      author_association: this.association(repo, comment.user), performed_via_github_app: null, reactions: this.reactions(url),
    };
  }

  pull(repo: RepoRecord, issue: IssueRecord, full: boolean) {
    const pr = issue.pull!;
    const url = `${this.api}/repos/${repo.fullName}/pulls/${issue.number}`;
    const html = `${this.web}/${repo.fullName}/pull/${issue.number}`;
    const issueUrl = `${this.api}/repos/${repo.fullName}/issues/${issue.number}`;
    const headRepo = this.state.repo(pr.head.repo);
    const statuses = `${this.api}/repos/${repo.fullName}/statuses/${pr.head.sha}`;
    const end = (side: 'head' | 'base', r: RepoRecord) => ({
      label: `${r.owner}:${pr[side].ref}`, ref: pr[side].ref, sha: pr[side].sha, user: this.user(r.owner), repo: this.repository(r),
    });
    const links = { self: url, html, issue: issueUrl, comments: `${issueUrl}/comments`, review_comments: `${url}/comments`,
      review_comment: `${this.api}/repos/${repo.fullName}/pulls/comments{/number}`, commits: `${url}/commits`, statuses };
    const sum = (key: 'additions' | 'deletions') => pr.files.reduce((n, f) => n + f[key], 0);
    return {
      url, id: issue.id, node_id: Buffer.from(`011:PullRequest${issue.id}`).toString('base64'), html_url: html,
      diff_url: `${html}.diff`, patch_url: `${html}.patch`, issue_url: issueUrl, number: issue.number, state: issue.state,
      locked: issue.locked, title: issue.title, user: this.user(issue.user), body: issue.body,
      labels: this.labels(repo, issue.labels), milestone: null,
      active_lock_reason: null, created_at: issue.created_at, updated_at: issue.updated_at, closed_at: issue.closed_at,
      merged_at: pr.merged_at, merge_commit_sha: pr.merged_at ? sha1(`merge ${pr.head.sha}`) : null,
      assignee: issue.assignees[0] ? this.user(issue.assignees[0]) : null, assignees: issue.assignees.map((a) => this.user(a)),
      requested_reviewers: [], requested_teams: [], commits_url: `${url}/commits`, review_comments_url: `${url}/comments`,
      review_comment_url: links.review_comment, comments_url: `${issueUrl}/comments`, statuses_url: statuses,
      head: end('head', headRepo), base: end('base', repo),
      _links: Object.fromEntries(Object.entries(links).map(([k, href]) => [k, { href }])),
      author_association: this.association(repo, issue.user), auto_merge: null, draft: pr.draft,
      ...(full && {
        merged: pr.merged_at !== null, mergeable: null, rebaseable: null, mergeable_state: 'unknown', merged_by: null,
        comments: issue.comments.length, review_comments: 0, maintainer_can_modify: false, commits: 1,
        additions: sum('additions'), deletions: sum('deletions'), changed_files: pr.files.length,
      }),
    };
  }

  pullFile(repo: RepoRecord, headSha: string, file: PullFileRecord) {
    const path = encodePath(file.filename);
    return {
      ...file, changes: file.additions + file.deletions,
      blob_url: `${this.web}/${repo.fullName}/blob/${headSha}/${path}`, raw_url: `${this.web}/${repo.fullName}/raw/${headSha}/${path}`,
      contents_url: `${this.api}/repos/${repo.fullName}/contents/${path}?ref=${headSha}`,
    };
  }

  contentEntry(repo: RepoRecord, ref: string, path: string, blob?: BlobRecord) {
    const api = `${this.api}/repos/${repo.fullName}`;
    const self = `${api}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
    const git = blob ? `${api}/git/blobs/${blob.sha}` : null;
    const html = `${this.web}/${repo.fullName}/${blob ? 'blob' : 'tree'}/${encodePath(`${ref}/${path}`)}`;
    return {
      type: blob ? 'file' : 'dir', name: path.split('/').pop()!, path, sha: blob?.sha ?? sha1(`tree ${path}`),
      size: blob ? Buffer.byteLength(blob.content) : 0, url: self, html_url: html, git_url: git,
      download_url: blob ? `https://raw.githubusercontent.com/${repo.fullName}/${encodePath(`${ref}/${path}`)}` : null,
      _links: { self, git, html },
    };
  }

  fileCommit(repo: RepoRecord, branch: string, path: string, commit: CommitRecord, login: string) {
    const api = `${this.api}/repos/${repo.fullName}`;
    const link = (sha: string) => ({ sha, url: `${api}/git/commits/${sha}`, html_url: `${this.web}/${repo.fullName}/commit/${sha}` });
    const person = { name: login, email: `${login}@users.noreply.github.com`, date: commit.date };
    const tree = sha1(`tree ${commit.sha}`);
    return {
      content: this.contentEntry(repo, branch, path, commit.tree.get(path)),
      commit: {
        ...link(commit.sha), node_id: Buffer.from(`06:Commit${commit.sha}`).toString('base64'), author: person, committer: person,
        message: commit.message, tree: { sha: tree, url: `${api}/git/trees/${tree}` }, parents: commit.parents.map(link),
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
      },
    };
  }

  gitRef(repo: RepoRecord, ref: string, sha: string) {
    const api = `${this.api}/repos/${repo.fullName}/git`;
    return {
      ref, node_id: Buffer.from(`03:Ref${repo.id}:${ref}`).toString('base64'), url: `${api}/${ref}`,
      object: { sha, type: 'commit', url: `${api}/commits/${sha}` },
    };
  }
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

export function pullFile(input: PullFileInput): PullFileRecord {
  return { status: 'modified', additions: 0, deletions: 0, sha: blobSha(input.filename), ...input };
}

const REPO_URLS: Array<[string, string]> = [
  ['forks_url', '/forks'], ['keys_url', '/keys{/key_id}'], ['collaborators_url', '/collaborators{/collaborator}'],
  ['teams_url', '/teams'], ['hooks_url', '/hooks'], ['issue_events_url', '/issues/events{/number}'], ['events_url', '/events'],
  ['assignees_url', '/assignees{/user}'], ['branches_url', '/branches{/branch}'], ['tags_url', '/tags'],
  ['blobs_url', '/git/blobs{/sha}'], ['git_tags_url', '/git/tags{/sha}'], ['git_refs_url', '/git/refs{/sha}'],
  ['trees_url', '/git/trees{/sha}'], ['statuses_url', '/statuses/{sha}'], ['languages_url', '/languages'],
  ['stargazers_url', '/stargazers'], ['contributors_url', '/contributors'], ['subscribers_url', '/subscribers'],
  ['subscription_url', '/subscription'], ['commits_url', '/commits{/sha}'], ['git_commits_url', '/git/commits{/sha}'],
  ['comments_url', '/comments{/number}'], ['issue_comment_url', '/issues/comments{/number}'], ['contents_url', '/contents/{+path}'],
  ['compare_url', '/compare/{base}...{head}'], ['merges_url', '/merges'], ['archive_url', '/{archive_format}{/ref}'],
  ['downloads_url', '/downloads'], ['issues_url', '/issues{/number}'], ['pulls_url', '/pulls{/number}'],
  ['milestones_url', '/milestones{/number}'], ['notifications_url', '/notifications{?since,all,participating}'],
  ['labels_url', '/labels{/name}'], ['releases_url', '/releases{/id}'], ['deployments_url', '/deployments'],
];

