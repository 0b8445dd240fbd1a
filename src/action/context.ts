/**
 * What the run is about, from the runner's environment and the event
 * payload: repository, commit, event, pull request (and whether it comes
 * from a fork), default branch.
 */
import { readFileSync } from 'node:fs';
import { trimTrailingSlashes } from '../core/strings.js';
import type { Mode } from './inputs.js';

export interface PullRequestInfo {
  number: number;
  headSha: string;
  headRepo: string | null;
  baseRepo: string;
  fromFork: boolean;
  merged: boolean;
  state: string;
}

export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  sha: string;
  ref: string;
  serverUrl: string;
  apiUrl: string;
  workspace: string;
  runnerTemp: string;
  runId: string;
  defaultBranch: string | null;
  pullRequest: PullRequestInfo | null;
  /** The files a push changed and removed, when the payload lists its commits. */
  push: { changed: string[]; removed: string[] } | null;
}

interface Payload {
  pull_request?: {
    number: number;
    state: string;
    merged?: boolean;
    head: { sha: string; repo: { full_name: string } | null };
    base: { repo: { full_name: string } };
  };
  repository?: { default_branch?: string };
  commits?: Array<{ added?: string[]; modified?: string[]; removed?: string[] }>;
}

export function readContext(env: Record<string, string | undefined> = process.env): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '/').split('/');
  let payload: Payload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Payload;
    } catch {
      payload = {};
    }
  }
  const pr = payload.pull_request;
  const baseRepo = pr?.base.repo.full_name ?? `${owner}/${repo}`;
  const headRepo = pr?.head.repo?.full_name ?? null;
  // The last commit that touches a file decides whether the push leaves it changed or removed.
  let push: RunContext['push'] = null;
  if (Array.isArray(payload.commits) && payload.commits.length > 0) {
    const status = new Map<string, 'changed' | 'removed'>();
    for (const c of payload.commits) {
      for (const f of [...(c.added ?? []), ...(c.modified ?? [])]) status.set(f, 'changed');
      for (const f of c.removed ?? []) status.set(f, 'removed');
    }
    push = {
      changed: [...status].filter(([, s]) => s === 'changed').map(([f]) => f),
      removed: [...status].filter(([, s]) => s === 'removed').map(([f]) => f),
    };
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    serverUrl: trimTrailingSlashes(env.GITHUB_SERVER_URL ?? 'https://github.com'),
    apiUrl: trimTrailingSlashes(env.GITHUB_API_URL ?? 'https://api.github.com'),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP ?? env.TMPDIR ?? '/tmp',
    runId: env.GITHUB_RUN_ID ?? String(Date.now()),
    defaultBranch: payload.repository?.default_branch ?? null,
    pullRequest: pr
      ? {
          number: pr.number,
          headSha: pr.head.sha,
          headRepo,
          baseRepo,
          fromFork: headRepo !== null && headRepo !== baseRepo,
          merged: pr.merged === true,
          state: pr.state,
        }
      : null,
    push,
  };
}

/**
 * `auto`: `check` on pull requests (`sync` once one is merged and closed),
 * `sync` on a push to the default branch, `audit` on a schedule or a manual
 * dispatch; `check` otherwise.
 */
export function pickMode(mode: Mode, ctx: RunContext): Exclude<Mode, 'auto'> {
  if (mode !== 'auto') return mode;
  switch (ctx.eventName) {
    case 'pull_request':
      return ctx.pullRequest?.merged ? 'sync' : 'check';
    case 'push':
      return ctx.defaultBranch && ctx.ref === `refs/heads/${ctx.defaultBranch}` ? 'sync' : 'check';
    case 'schedule':
    case 'workflow_dispatch':
      return 'audit';
    default:
      return 'check';
  }
}
