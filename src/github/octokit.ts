/**
 * The one Octokit the product uses: `@actions/github`'s, with the
 * throttling and retry plugins. Secondary rate limits wait for
 * `retry-after` and retry; primary exhaustion waits when the reset is near
 * and otherwise stops with a message that says when to rerun. Writes are
 * spaced `writeIntervalMs` apart (1 s by default, and 3 s for requests that
 * notify people, such as creating issues and comments: within GitHub's 80
 * content-creating requests a minute).
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface OctokitLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface OctokitOptions {
  /** API base URL (GITHUB_API_URL on the runner; the loopback server in tests). */
  baseUrl?: string;
  log: OctokitLog;
  /** Longest wait for a primary rate-limit reset, in seconds, before giving up. */
  maxResetWait?: number;
  /** Retries for 5xx and dropped connections. */
  retries?: number;
  /** Milliseconds between writes (default 1000). */
  writeIntervalMs?: number;
  /** Base of the retry back-off, in milliseconds (default 1000: waits of 1 s, 4 s, 9 s…). */
  retryBaseMs?: number;
}

/** Test and GHES knobs, from the environment: POSTMORTEM_WRITE_INTERVAL_MS, POSTMORTEM_RETRY_BASE_MS. */
export function tuningFromEnv(env: Record<string, string | undefined>): Pick<OctokitOptions, 'writeIntervalMs' | 'retryBaseMs'> {
  const num = (v: string | undefined) => (v !== undefined && /^\d{1,7}$/.test(v) ? Number(v) : undefined);
  return { writeIntervalMs: num(env.POSTMORTEM_WRITE_INTERVAL_MS), retryBaseMs: num(env.POSTMORTEM_RETRY_BASE_MS) };
}

export function createOctokit(token: string, options: OctokitOptions): Octokit {
  const maxResetWait = options.maxResetWait ?? 120;
  const base = options.retryBaseMs ?? 1000;
  return getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      log: { debug: () => {}, info: () => {}, warn: (m: string) => options.log.warning(m), error: () => {} },
      retry: { retries: options.retries ?? 4, retryAfterBaseValue: base },
      throttle: {
        retryAfterBaseValue: Math.max(1, Math.round(base)),
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs ?? 1000 }),
        // Issue and comment creation also passes this queue (3 s apart by default: 20 a minute).
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs ?? 3000 }),
        onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          if (retryCount < 2 && retryAfter <= maxResetWait) {
            options.log.info(`Rate limit reached on ${request.method} ${request.url}; waiting ${retryAfter} s for the reset.`);
            return true;
          }
          options.log.warning(
            `Rate limit exhausted on ${request.method} ${request.url}; it resets in ${retryAfter} s (at ${new Date(Date.now() + retryAfter * 1000).toISOString()}). Rerun after that to finish the work.`,
          );
          return false;
        },
        onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          if (retryCount < 4) {
            options.log.info(`Secondary rate limit on ${request.method} ${request.url}; retrying after ${retryAfter} s.`);
            return true;
          }
          options.log.warning(`Secondary rate limit on ${request.method} ${request.url} persisted after ${retryCount} retries.`);
          return false;
        },
      },
    },
    throttling,
    retry,
  ) as Octokit;
}
