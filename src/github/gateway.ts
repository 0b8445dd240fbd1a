/**
 * The GitHub API gateway: every read and every write the product makes goes
 * through here, so dry-run, the write budget and the statistics live in one
 * place. Errors are classified by HTTP status (never by message text).
 */
import { RequestError } from '@octokit/request-error';
import type { Octokit } from './octokit.js';

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
}

/** The GitHub status of a failed request, or undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  return error instanceof RequestError ? error.status : undefined;
}

export function isForbidden(error: unknown): boolean {
  const status = statusOf(error);
  return status === 403 || status === 401;
}

/** The login of the workflow's GITHUB_TOKEN, which cannot ask GET /user who it is. */
export const ACTIONS_BOT = 'github-actions[bot]';

export class GitHubGateway {
  readonly stats: GatewayStats = { reads: 0, writes: 0, skipped: 0, failed: 0 };
  private login: Promise<string> | undefined;

  constructor(
    readonly octokit: Octokit,
    readonly repo: Repo,
    readonly options: { dryRun: boolean; log: GatewayLog },
  ) {}

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
   * Who the token acts as: GET /user for a personal or app-user token; an
   * installation token (the workflow's GITHUB_TOKEN) gets 401/403 there and
   * is github-actions[bot].
   */
  identity(): Promise<string> {
    this.login ??= this.read(() => this.octokit.rest.users.getAuthenticated()).then(
      (res) => res.data.login,
      (error: unknown) => {
        const status = statusOf(error);
        if (status === 401 || status === 403 || status === 404) return ACTIONS_BOT;
        throw error;
      },
    );
    return this.login;
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

  async createComment(issueNumber: number, body: string): Promise<IssueComment | undefined> {
    const res = await this.write(`comment on #${issueNumber}`, () =>
      this.octokit.rest.issues.createComment({ ...this.repo, issue_number: issueNumber, body }),
    );
    return res?.data;
  }

  async updateComment(commentId: number, body: string): Promise<IssueComment | undefined> {
    const res = await this.write(`edit comment ${commentId}`, () =>
      this.octokit.rest.issues.updateComment({ ...this.repo, comment_id: commentId, body }),
    );
    return res?.data;
  }
}
