/** `postmortem sync`: loaded only for that command. */
import type { ResolvedConfig } from '../core/config/resolve.js';
import { trimTrailingSlashes } from '../core/strings.js';
import type { CheckedFile } from '../core/engine.js';
import { REPORT_VERSION } from '../core/report.js';
import { createGateway } from '../github/connect.js';
import { runSync } from '../sync/run.js';
import type { CliIO } from './main.js';

export interface SyncCliOptions {
  repo: string;
  token: string;
  max: number;
  dryRun: boolean;
  ref?: string;
}

/** `postmortem sync`: the action's sync, from a laptop (a backfill of years of postmortems, say). */
export async function syncCommand(options: SyncCliOptions, results: CheckedFile[], config: ResolvedConfig, format: 'text' | 'json', io: CliIO): Promise<number> {
  const [owner, repo] = options.repo.split('/');
  const log = { info: (m: string) => io.stderr(`${m}\n`), warning: (m: string) => io.stderr(`warning: ${m}\n`) };
  // From a laptop, waiting out the hourly limit is better than stopping: a 1,000-item backfill runs unattended.
  const gateway = createGateway({ token: options.token, repo: { owner, repo }, dryRun: options.dryRun, log, env: io.env, maxPauseMs: Number.POSITIVE_INFINITY });
  const sha = await gateway.headSha(options.ref);
  const result = await runSync({
    gateway,
    config,
    files: results,
    deleted: [],
    link: { serverUrl: trimTrailingSlashes(io.env.GITHUB_SERVER_URL || 'https://github.com'), owner, repo, sha },
    maxCreates: options.max,
    dryRun: options.dryRun,
    log,
  });
  if (format === 'json') io.stdout(JSON.stringify({ version: REPORT_VERSION, repo: options.repo, dryRun: options.dryRun, counts: result.counts, remaining: result.remaining, failures: result.failures, issues: result.outcomes }, null, 2) + '\n');
  else {
    for (const o of result.outcomes) {
      io.stdout(`${o.action.padEnd(16)} ${(o.issue ? `#${o.issue}` : '—').padEnd(7)} ${o.path}:${o.line}  ${o.title}${o.reason ? `  (${o.reason})` : ''}\n`);
    }
    const counts = Object.entries(result.counts).map(([k, n]) => `${n} ${k}`).join(', ');
    io.stdout(`${options.dryRun ? 'Dry run: ' : ''}${counts || 'no action items'}${result.remaining ? `; ${result.remaining} left for the next run` : ''}\n`);
  }
  return result.failures.length > 0 ? 1 : 0;
}
