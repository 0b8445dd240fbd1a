/**
 * The one way to build a GitHub gateway. The action (its token and its
 * `project-token`), `postmortem sync` and `postmortem audit` all call
 * `createGateway`, so the Octokit (throttling, retries, write spacing), the
 * base URL, dry-run and the content-creation budget are decided here and
 * nowhere else.
 */
import { GitHubGateway, type GatewayLog, type Repo } from './gateway.js';
import { createOctokit, tuningFromEnv } from './octokit.js';
import { limitsFromEnv } from './pace.js';

export const DEFAULT_API_URL = 'https://api.github.com';

export interface GatewaySettings {
  /** The token every request carries; never logged. */
  token: string;
  /** The repository the gateway reads and writes (others through `forRepo`). */
  repo: Repo;
  /** Reads go to GitHub; writes are counted as skipped and never sent. */
  dryRun: boolean;
  log: GatewayLog;
  /**
   * The environment the test and GHES knobs come from: GITHUB_API_URL (when
   * `apiUrl` is not given), POSTMORTEM_WRITE_INTERVAL_MS and
   * POSTMORTEM_RETRY_BASE_MS (the Octokit's pacing and back-off),
   * POSTMORTEM_CREATE_LIMITS (the content-creation budget).
   */
  env: Record<string, string | undefined>;
  /** API base URL; default GITHUB_API_URL, then https://api.github.com. */
  apiUrl?: string;
  /** Longest pause for the content-creation budget, in ms (the gateway's default: 2 min). */
  maxPauseMs?: number;
  /** The login the token acts as, when the workflow says so (the `identity` input); otherwise GitHub is asked. */
  identity?: string;
}

/** A gateway for `settings.repo`, with the product's one Octokit behind it. */
export function createGateway(settings: GatewaySettings): GitHubGateway {
  const { env, log } = settings;
  const baseUrl = settings.apiUrl || env.GITHUB_API_URL || DEFAULT_API_URL;
  const octokit = createOctokit(settings.token, { baseUrl, log, ...tuningFromEnv(env) });
  return new GitHubGateway(octokit, settings.repo, {
    dryRun: settings.dryRun,
    log,
    limits: limitsFromEnv(env.POSTMORTEM_CREATE_LIMITS),
    ...(settings.maxPauseMs !== undefined ? { maxPauseMs: settings.maxPauseMs } : {}),
    ...(settings.identity ? { identity: settings.identity } : {}),
  });
}
