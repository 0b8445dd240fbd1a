/**
 * The GitHub API gateway: every read and every write the product makes goes
 * through here, so dry-run, the write budget and the statistics live in one
 * place. Errors are classified by HTTP status (never by message text).
 */
import type { Octokit } from './octokit.js';
import { CONTENT_LIMITS, Pace } from './pace.js';

export interface Repo {
  owner: string;
  repo: string;
}

export interface GatewayLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface GatewayStats {
  reads: number;
  writes: number;
  /** Writes that dry-run or a read-only token kept from happening. */
  skipped: number;
  failed: number;
}

export interface PullFile {
  filename: string;
  status: string;
  previous_filename?: string;
}

export interface IssueComment {
  id: number;
  body?: string;
  user?: { login: string; type?: string } | null;
  html_url?: string;
  created_at?: string;
}

/**
 * The HTTP status of a failed request, or undefined for anything else. Read from
 * the error's `status`, never by `instanceof RequestError`: an Octokit built from
 * another copy of `@octokit/request-error` (GitHub's local-action, a bundled
 * dependency) throws errors that fail that test but carry the same status.
 */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const { status } = error;
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

export interface ApiIssue {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  html_url: string;
  created_at?: string;
  /** When the issue was closed (null while open): the audit's time to close a follow-up. */
  closed_at?: string | null;
  labels: Array<string | { name?: string }>;
  assignees?: Array<{ login: string }> | null;
  user: { login: string } | null;
  pull_request?: unknown;
  /** OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE…: whether the author can write here. */
  author_association?: string;
  /** `reopened` after a person reopened a closed issue. */
  state_reason?: string | null;
  /** The API URL of the repository the issue is in (another one after a transfer). */
  repository_url?: string;
  /** The issue's own API URL. */
  url?: string;
  /** Database id (the sub-issues API takes it) and GraphQL node id (projects take it). */
  id?: number;
  node_id?: string;
  /** The issue type, in repositories that have types. */
  type?: { name: string } | null;
  /** The API URL of its parent issue, when it is a sub-issue. */
  parent_issue_url?: string | null;
  /** How many sub-issues it has and how many of them are closed. */
  sub_issues_summary?: { total: number; completed: number; percent_completed: number };
}

export interface NewIssue {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  /** An issue type the repository has (config `issues.type`). */
  type?: string;
}

/** What a token may do in a repository. */
export type Access = 'write' | 'read' | 'none';

/** Forbidden (401, 403) or invisible (404): the token may not do this there. */
export function isRefused(error: unknown): boolean {
  const status = statusOf(error);
  return status === 401 || status === 403 || status === 404;
}

export function isForbidden(error: unknown): boolean {
  const status = statusOf(error);
  return status === 403 || status === 401;
}

/** The login of the workflow's GITHUB_TOKEN, which cannot ask GET /user who it is. */
export const ACTIONS_BOT = 'github-actions[bot]';

/** Creating more now would break GitHub's content-creation limits; `waitMs` says when there is room again. */
export class PaceExceeded extends Error {
  constructor(readonly waitMs: number) {
    super(`GitHub's content-creation limit is reached; there is room again in ${Math.ceil(waitMs / 60_000)} min`);
    this.name = 'PaceExceeded';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What gateways of one run share: the statistics, the content-creation pace, who the token is. */
interface Shared {
  stats: GatewayStats;
  pace: Pace;
  login?: Promise<string>;
  siblings: Map<string, GitHubGateway>;
}

export class GitHubGateway {
  readonly stats: GatewayStats;
  private readonly shared: Shared;
  private types: Promise<string[]> | undefined;

  private get login(): Promise<string> | undefined {
    return this.shared.login;
  }

  private set login(value: Promise<string> | undefined) {
    this.shared.login = value;
  }

  private get pace(): Pace {
    return this.shared.pace;
  }

  constructor(
    readonly octokit: Octokit,
    readonly repo: Repo,
    readonly options: {
      dryRun: boolean;
      log: GatewayLog;
      /** Content-creation limits to stay within (default GitHub's: 80 a minute, 500 an hour). */
      limits?: ConstructorParameters<typeof Pace>[0];
      /** Longest pause for those limits, in ms; past it, creates stop and the run says when to resume. */
      maxPauseMs?: number;
      /** The login the token acts as, when the workflow says so (the `identity` input); otherwise it is asked. */
      identity?: string;
    },
    shared?: Shared,
  ) {
    this.shared = shared ?? { stats: { reads: 0, writes: 0, skipped: 0, failed: 0 }, pace: new Pace(options.limits ?? CONTENT_LIMITS), siblings: new Map() };
    this.stats = this.shared.stats;
  }

  /** "owner/name". */
  get fullName(): string {
    return `${this.repo.owner}/${this.repo.repo}`;
  }

  /**
   * The gateway of another repository, with the same token, dry-run,
   * statistics and content-creation pace (issues filed where the work
   * happens, config `issues.repositories`).
   */
  forRepo(fullName: string): GitHubGateway {
    if (fullName.toLowerCase() === this.fullName.toLowerCase()) return this;
    const key = fullName.toLowerCase();
    let sibling = this.shared.siblings.get(key);
    if (!sibling) {
      const [owner, repo] = fullName.split('/');
      sibling = new GitHubGateway(this.octokit, { owner, repo }, this.options, this.shared);
      this.shared.siblings.set(key, sibling);
    }
    return sibling;
  }

  /** Wait for room under the content-creation limits, or throw PaceExceeded when the wait is too long. */
  private async waitForRoom(): Promise<void> {
    const wait = this.pace.delay();
    if (wait <= 0) return;
    if (wait > (this.options.maxPauseMs ?? 120_000)) throw new PaceExceeded(wait);
    this.options.log.info(`Pausing ${Math.ceil(wait / 1000)} s to stay within GitHub's content-creation limits.`);
    await sleep(wait);
  }

  private async read<T>(fn: () => Promise<T>): Promise<T> {
    this.stats.reads++;
    try {
      return await fn();
    } catch (error) {
      this.stats.failed++;
      throw error;
    }
  }

  /**
   * Run a write unless this is a dry run. `describe` says what the write
   * does, for the dry-run log.
   */
  async write<T>(describe: string, fn: () => Promise<T>): Promise<T | undefined> {
    if (this.options.dryRun) {
      this.stats.skipped++;
      this.options.log.info(`[dry-run] would ${describe}`);
      return undefined;
    }
    this.stats.writes++;
    try {
      return await fn();
    } catch (error) {
      this.stats.failed++;
      throw error;
    }
  }

  /**
   * Who the token acts as: the `identity` input when given; GET /user for a
   * personal token (classic or fine-grained); an installation token (the
   * workflow's GITHUB_TOKEN, a GitHub App's) gets 401/403 there and is asked
   * through GraphQL's `viewer`, which answers `github-actions[bot]` or
   * `<app>[bot]`. Only when both fail is it taken to be github-actions[bot].
   */
  identity(): Promise<string> {
    const given = this.options.identity?.trim();
    this.login ??= given
      ? Promise.resolve(given)
      : this.read(() => this.octokit.rest.users.getAuthenticated()).then(
          (res) => res.data.login,
          (error: unknown) => {
            const status = statusOf(error);
            if (status === 401 || status === 403 || status === 404) return this.viewer();
            throw error;
          },
        );
    return this.login;
  }

  private async viewer(): Promise<string> {
    try {
      const res = await this.read(() => this.octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }'));
      if (res.viewer?.login) return res.viewer.login;
    } catch {
      // Below: the workflow's own token is the common case.
    }
    this.options.log.warning(`Could not tell which login the token acts as; taking it to be ${ACTIONS_BOT}. Set the \`identity\` input (for a GitHub App, "<app-slug>[bot]") if it is another.`);
    return ACTIONS_BOT;
  }

  /**
   * What the token may do here: `none` when the repository is invisible or
   * forbidden to it (404, 403: the workflow's GITHUB_TOKEN outside its own
   * repository), `read` when GitHub says it may not push, else `write`.
   */
  async access(): Promise<Access> {
    try {
      const res = await this.read(() => this.octokit.rest.repos.get({ ...this.repo }));
      const permissions = (res.data as { permissions?: { push?: boolean } }).permissions;
      return permissions?.push === false ? 'read' : 'write';
    } catch (error) {
      if (isRefused(error)) return 'none';
      throw error;
    }
  }

  /** The issue types the repository offers (its organization's), by name; none for a user's repository or without access. */
  issueTypes(): Promise<string[]> {
    this.types ??= this.read(() => this.octokit.request('GET /repos/{owner}/{repo}/issue-types', { ...this.repo })).then(
      (res) => (res.data as Array<{ name: string; is_enabled?: boolean }>).filter((t) => t.is_enabled !== false).map((t) => t.name),
      (error: unknown) => {
        if (isRefused(error) || statusOf(error) === 410) return [];
        throw error;
      },
    );
    return this.types;
  }

  /** The sub-issues of an issue (all pages). */
  async listSubIssues(number: number): Promise<ApiIssue[]> {
    return this.read(() => this.octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', { ...this.repo, issue_number: number, per_page: 100 })) as Promise<ApiIssue[]>;
  }

  /** Attach an issue (by its database id) as a sub-issue of `number`. */
  async addSubIssue(number: number, child: { id: number; ref: string }): Promise<void> {
    await this.write(`attach ${child.ref} as a sub-issue of #${number}`, () =>
      this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', { ...this.repo, issue_number: number, sub_issue_id: child.id }),
    );
  }

  /** A GraphQL query (a read). */
  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return this.read(() => this.octokit.graphql<T>(query, variables));
  }

  /** A GraphQL mutation (a write: skipped by dry-run, counted). */
  async mutate<T>(describe: string, query: string, variables: Record<string, unknown>): Promise<T | undefined> {
    return this.write(describe, () => this.octokit.graphql<T>(query, variables));
  }

  /** Every issue (open and closed) a login opened: one paginated listing, never the search API. */
  async listIssuesBy(creator: string): Promise<ApiIssue[]> {
    const all = await this.read(() =>
      this.octokit.paginate(this.octokit.rest.issues.listForRepo, { ...this.repo, creator, state: 'all', per_page: 100, sort: 'created', direction: 'asc' }),
    );
    return (all as ApiIssue[]).filter((i) => !i.pull_request);
  }

  /** The newest issues a login opened (one page), to find out whether a create that failed mid-way happened. */
  async recentIssuesBy(creator: string, since: string): Promise<ApiIssue[]> {
    const res = await this.read(() =>
      this.octokit.rest.issues.listForRepo({ ...this.repo, creator, state: 'all', per_page: 100, sort: 'created', direction: 'desc', since }),
    );
    return (res.data as ApiIssue[]).filter((i) => !i.pull_request);
  }

  async listLabels(): Promise<string[]> {
    const labels = await this.read(() => this.octokit.paginate(this.octokit.rest.issues.listLabelsForRepo, { ...this.repo, per_page: 100 }));
    return labels.map((l) => l.name);
  }

  async createLabel(name: string, color: string, description: string): Promise<void> {
    try {
      await this.write(`create label "${name}"`, () => this.octokit.rest.issues.createLabel({ ...this.repo, name, color, description }));
    } catch (error) {
      if (statusOf(error) !== 422) throw error; // already exists (made by a concurrent run): fine
    }
  }

  /** Whether a login can be assigned issues here (204) or not (404). */
  async isAssignable(login: string): Promise<boolean> {
    try {
      await this.read(() => this.octokit.rest.issues.checkUserCanBeAssigned({ ...this.repo, assignee: login }));
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  /**
   * Create an issue once. The POST is not retried blindly (a 502 or a dropped
   * connection may come after GitHub created it): on failure the newest
   * issues are listed, and the create is repeated only if `find` does not
   * see it there.
   */
  async createIssueOnce(issue: NewIssue, find: (candidates: ApiIssue[]) => ApiIssue | undefined, me: string): Promise<ApiIssue | undefined> {
    const since = new Date(Date.now() - 10 * 60_000).toISOString();
    let lastError: unknown;
    for (let attempt = 0; attempt < 4; attempt++) {
      if (!this.options.dryRun) await this.waitForRoom();
      try {
        // Counted when the answer is back: GitHub counts arrivals, which are never later than that.
        const res = await this.write(`create issue "${issue.title}"`, () =>
          this.octokit.rest.issues.create({ ...this.repo, ...issue, request: { retries: 0 } }).finally(() => this.pace.record()),
        );
        return res?.data as ApiIssue | undefined;
      } catch (error) {
        lastError = error;
        const status = statusOf(error);
        if (status !== undefined && status < 500) throw error; // 4xx: the create did not happen
        await sleep(Math.min(8000, 250 * 2 ** attempt));
        const existing = find(await this.recentIssuesBy(me, since));
        if (existing) {
          this.options.log.info(`Issue #${existing.number} was created although the response was lost; not creating it again.`);
          return existing;
        }
      }
    }
    throw lastError;
  }

  async updateIssue(number: number, fields: { title?: string; body?: string; state?: 'open' | 'closed'; state_reason?: 'completed' | 'not_planned'; assignees?: string[]; type?: string }): Promise<ApiIssue | undefined> {
    const res = await this.write(`update issue #${number} (${Object.keys(fields).join(', ')})`, () =>
      this.octokit.rest.issues.update({ ...this.repo, issue_number: number, ...fields }),
    );
    return res?.data as ApiIssue | undefined;
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    await this.write(`label issue #${number} ${labels.join(', ')}`, () => this.octokit.rest.issues.addLabels({ ...this.repo, issue_number: number, labels }));
  }

  /** The commit at the head of the default branch (or of `branch`), for permalinks. */
  async headSha(branch?: string): Promise<string> {
    const name = branch ?? (await this.read(() => this.octokit.rest.repos.get({ ...this.repo }))).data.default_branch;
    const ref = await this.read(() => this.octokit.rest.git.getRef({ ...this.repo, ref: `heads/${name}` }));
    return ref.data.object.sha;
  }

  /** The default branch's name. */
  async defaultBranch(): Promise<string> {
    return (await this.read(() => this.octokit.rest.repos.get({ ...this.repo }))).data.default_branch;
  }

  /** The commit a branch points at, or null when there is no such branch. */
  async branchSha(branch: string): Promise<string | null> {
    try {
      return (await this.read(() => this.octokit.rest.git.getRef({ ...this.repo, ref: `heads/${branch}` }))).data.object.sha;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  async createBranch(branch: string, sha: string): Promise<void> {
    try {
      await this.write(`create branch ${branch}`, () => this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/heads/${branch}`, sha }));
    } catch (error) {
      // 422 is also "Object does not exist": only an existing branch (a rerun) is fine to reuse.
      if (statusOf(error) !== 422 || (await this.branchSha(branch)) === null) throw error;
    }
  }

  /** A file's text and blob sha on a branch. */
  async readFile(path: string, ref: string): Promise<{ text: string; sha: string } | null> {
    try {
      const res = await this.read(() => this.octokit.rest.repos.getContent({ ...this.repo, path, ref }));
      const data = res.data as { type?: string; content?: string; sha: string };
      if (Array.isArray(res.data) || data.content === undefined) return null;
      return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  async writeFile(path: string, branch: string, text: string, sha: string, message: string): Promise<void> {
    await this.write(`commit ${path} to ${branch}`, () =>
      this.octokit.rest.repos.createOrUpdateFileContents({ ...this.repo, path, branch, sha, message, content: Buffer.from(text, 'utf8').toString('base64') }),
    );
  }

  /** The open pull request from `branch` into `base`, if any. */
  async findOpenPull(branch: string, base: string): Promise<{ number: number; html_url: string } | null> {
    const res = await this.read(() => this.octokit.rest.pulls.list({ ...this.repo, state: 'open', head: `${this.repo.owner}:${branch}`, base, per_page: 10 }));
    return res.data[0] ? { number: res.data[0].number, html_url: res.data[0].html_url } : null;
  }

  async createPull(branch: string, base: string, title: string, body: string): Promise<{ number: number; html_url: string } | undefined> {
    const res = await this.write(`open a pull request from ${branch}`, () => this.octokit.rest.pulls.create({ ...this.repo, head: branch, base, title, body }));
    return res ? { number: res.data.number, html_url: res.data.html_url } : undefined;
  }

  async listPullRequestFiles(pullNumber: number): Promise<PullFile[]> {
    return this.read(() =>
      this.octokit.paginate(this.octokit.rest.pulls.listFiles, { ...this.repo, pull_number: pullNumber, per_page: 100 }),
    );
  }

  async listIssueComments(issueNumber: number): Promise<IssueComment[]> {
    return this.read(() =>
      this.octokit.paginate(this.octokit.rest.issues.listComments, { ...this.repo, issue_number: issueNumber, per_page: 100 }),
    );
  }

  /**
   * Comment once: like issue creation, a lost response is not blindly
   * retried; the issue's comments are read back first.
   */
  async createComment(issueNumber: number, body: string): Promise<IssueComment | undefined> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const res = await this.write(`comment on #${issueNumber}`, () =>
          this.octokit.rest.issues.createComment({ ...this.repo, issue_number: issueNumber, body, request: { retries: 0 } }),
        );
        return res?.data;
      } catch (error) {
        lastError = error;
        const status = statusOf(error);
        if (status !== undefined && status < 500) throw error;
        await sleep(Math.min(8000, 250 * 2 ** attempt));
        const me = await this.identity();
        const existing = (await this.listIssueComments(issueNumber)).find((c) => c.body === body && c.user?.login === me);
        if (existing) return existing;
      }
    }
    throw lastError;
  }

  async updateComment(commentId: number, body: string): Promise<IssueComment | undefined> {
    const res = await this.write(`edit comment ${commentId}`, () =>
      this.octokit.rest.issues.updateComment({ ...this.repo, comment_id: commentId, body }),
    );
    return res?.data;
  }

  // Reads and writes of the identity rules (src/core/identity.ts) and the sync lock (src/github/lock.ts).

  /** Every issue (open and closed) with a label, whoever opened it. */
  async listIssuesLabelled(label: string): Promise<ApiIssue[]> {
    const all = await this.read(() => this.octokit.paginate(this.octokit.rest.issues.listForRepo, { ...this.repo, labels: label, state: 'all', per_page: 100, sort: 'created', direction: 'asc' }));
    return (all as ApiIssue[]).filter((i) => !i.pull_request);
  }

  /** One issue, followed to where it was transferred (GitHub answers 301 and the client follows); null when deleted or out of reach. */
  async getIssue(number: number): Promise<ApiIssue | null> {
    try {
      return (await this.read(() => this.octokit.rest.issues.get({ ...this.repo, issue_number: number }))).data as ApiIssue;
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 410) return null;
      throw error;
    }
  }

  /** Take a label off an issue (gone already: fine). */
  async removeLabel(number: number, name: string): Promise<void> {
    try {
      await this.write(`unlabel issue #${number} ${name}`, () => this.octokit.rest.issues.removeLabel({ ...this.repo, issue_number: number, name }));
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  async addAssignees(number: number, assignees: string[]): Promise<void> {
    await this.write(`assign ${assignees.join(', ')} to #${number}`, () => this.octokit.rest.issues.addAssignees({ ...this.repo, issue_number: number, assignees }));
  }

  async removeAssignees(number: number, assignees: string[]): Promise<void> {
    await this.write(`unassign ${assignees.join(', ')} from #${number}`, () => this.octokit.rest.issues.removeAssignees({ ...this.repo, issue_number: number, assignees }));
  }

  /** Create a label only if none by that name exists: true when this call created it (GitHub answers 422 otherwise). */
  async createLabelIfAbsent(name: string, color: string, description: string): Promise<boolean> {
    try {
      await this.write(`create label "${name}"`, () => this.octokit.rest.issues.createLabel({ ...this.repo, name, color, description }));
      return true;
    } catch (error) {
      if (statusOf(error) === 422) return false;
      throw error;
    }
  }

  async getLabel(name: string): Promise<{ name: string; description: string | null } | null> {
    try {
      const res = await this.read(() => this.octokit.rest.issues.getLabel({ ...this.repo, name }));
      return { name: res.data.name, description: res.data.description ?? null };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  async updateLabelDescription(name: string, description: string): Promise<void> {
    await this.write(`update label "${name}"`, () => this.octokit.rest.issues.updateLabel({ ...this.repo, name, description }));
  }

  /** Delete a label from the repository (gone already: fine). */
  async deleteLabel(name: string): Promise<void> {
    try {
      await this.write(`delete label "${name}"`, () => this.octokit.rest.issues.deleteLabel({ ...this.repo, name }));
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
}
