/**
 * `audit` mode (auto on `schedule` and `workflow_dispatch`): every
 * configured postmortem's compliance and metrics, each action item's
 * follow-up status from one listing of the product's own issues, the
 * Markdown report in the job summary, one dashboard issue kept in place,
 * and (opt-in) reminders on overdue follow-ups. Findings never fail an
 * audit; GitHub writes that fail do.
 */
import * as core from '@actions/core';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ResolvedConfig } from '../core/config/resolve.js';
import { OFFLINE } from '../core/audit/status.js';
import { isForbidden, statusOf, type GitHubGateway } from '../github/gateway.js';
import { collectFiles } from '../io/files.js';
import { cacheLine, ContentCache } from '../io/cache.js';
import { checkAsReady, startWorkerEarly, type RunStats } from '../io/pool.js';
import { ENGINE } from '../version.js';
import { auditStream, type AuditOutcome } from '../core/audit/collect.js';
import { listFollowUps, remind, upsertDashboard, type Listing } from '../audit/github.js';
import { ReportWriter } from '../reporters/json-writer.js';
import { auditMarkdown, BODY_LIMIT } from '../render/audit.js';
import type { RunContext } from './context.js';
import type { Inputs } from './inputs.js';
import { writeJobSummary } from './summary.js';
import { errorLine, plural } from '../core/strings.js';

export interface AuditModeOutcome {
  outcome: AuditOutcome;
  reportPath: string;
  dashboard: { action: string; number: number | null; url: string | null } | null;
  reminders: number[];
  failures: string[];
}

const closedDashboard = (number: number) => `The dashboard issue #${number} is closed, so it was not updated: reopen it to have the audit keep it up to date again.`;
/**
 * The content cache of `cache-location` (relative to the workspace). The
 * project is the repository, not the workspace path, so a cache restored
 * on another runner (another checkout directory) still counts.
 */
function openActionCache(location: string, config: ResolvedConfig, ctx: RunContext, now: Date): Promise<ContentCache> {
  return ContentCache.open({ location: resolve(ctx.workspace, location), engine: ENGINE, config, project: `${ctx.owner}/${ctx.repo}`, now, note: (m) => core.info(`Content ${m}.`) });
}

/** GitHub's job summary holds 1 MiB; the report stays well under it. */
const SUMMARY_LIMIT = 900_000;

export async function runAuditMode(inputs: Inputs, config: ResolvedConfig, ctx: RunContext, gateway: GitHubGateway | null): Promise<AuditModeOutcome> {
  const now = new Date();
  const globs = inputs.paths.length > 0 ? inputs.paths : config.paths;
  const collected = await collectFiles(globs, { cwd: ctx.workspace, exclude: config.exclude, root: ctx.workspace });
  for (const p of collected.problems) core.warning(`Skipped ${p.path}: ${p.message}`);
  // Many files: a worker loads the engine while the files are hashed and the issues listed.
  await startWorkerEarly(collected.files.length, { cwd: ctx.workspace, config, now, hash: Boolean(inputs.cacheLocation) });
  const failures: string[] = [];
  const fail = (what: string, error: unknown) => {
    const status = statusOf(error);
    const message = `${what} failed${status ? ` (HTTP ${status})` : ''}: ${errorLine(error)}`;
    core.warning(message);
    failures.push(message);
  };

  let listing: Listing | null = null;
  if (gateway) listing = await listFollowUps(gateway, config, collected.files);
  else core.warning('No token: follow-up status is unknown (the audit reports compliance and metrics only).');
  core.info(`Auditing ${plural(collected.files.length, 'postmortem')}${listing ? ` against ${plural(listing.issues.length, 'issue')} opened by ${listing.me}` : ''}.`);

  // The JSON report goes to disk file by file.
  const dir = join(ctx.runnerTemp, 'postmortem-governance');
  mkdirSync(dir, { recursive: true });
  const reportPath = join(dir, `report-${ctx.runId}.json`);
  const fd = openSync(reportPath, 'w');
  let outcome: AuditOutcome;
  const cache = inputs.cacheLocation ? await openActionCache(inputs.cacheLocation, config, ctx, now) : undefined;
  const stats: RunStats = { parsed: 0, cached: 0, threads: 0 };
  try {
    const writer = new ReportWriter((text) => void writeSync(fd, text));
    outcome = await auditStream(checkAsReady(collected.files, { cwd: ctx.workspace, config, now, cache, stats }), {
      index: listing?.index ?? OFFLINE,
      now,
      repository: listing ? `${ctx.owner}/${ctx.repo}` : null,
      sink: (f, index) => writer.fileAt(index, f),
      // The report file has them; the summary, outputs and dashboard need only the counts.
      keepFindings: false,
      ...(listing ? { before: listing.include } : {}),
    });
    writer.end({ summary: outcome.summary, audit: outcome.audit });
  } finally {
    closeSync(fd);
  }
  if (cache) {
    await cache.save(ctx.workspace);
    core.info(`Content cache: ${cacheLine(stats, cache.location, ctx.workspace)}.`);
  }

  const link = { serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, sha: ctx.sha };
  let dashboard: AuditModeOutcome['dashboard'] = null;
  if (gateway && listing && config.audit.dashboard) {
    const body = auditMarkdown(outcome, { link, mentions: config.audit.mentions, dashboard: true, limit: BODY_LIMIT - 1_000 });
    try {
      dashboard = await upsertDashboard(gateway, listing, { title: config.audit.dashboardTitle, body, labels: config.audit.dashboardLabels });
      core.info(`Dashboard: ${dashboard.action}${dashboard.number ? ` (#${dashboard.number})` : ''}.`);
      if (dashboard.action === 'closed') core.notice(closedDashboard(dashboard.number!));
    } catch (error) {
      if (isForbidden(error)) core.warning('The dashboard issue was not written: the token may not write issues (add `issues: write` to the workflow\'s permissions).');
      else fail('Updating the dashboard issue', error);
    }
  }
  let reminders: number[] = [];
  if (gateway && listing && config.audit.reminders) {
    try {
      const r = await remind(gateway, outcome.audit.followUps, { me: listing.me, now, intervalDays: config.audit.reminderIntervalDays, mentions: config.audit.mentions, link });
      reminders = r.sent;
      core.info(`Reminders: ${r.sent.length} sent, ${r.skipped.length} already reminded within ${config.audit.reminderIntervalDays} days.`);
    } catch (error) {
      fail('Sending reminders', error);
    }
  }

  const note = dashboard?.action === 'closed' ? `> ${closedDashboard(dashboard.number!)}\n\n` : '';
  await writeJobSummary(note + auditMarkdown(outcome, { link, mentions: false, dashboard: false, limit: SUMMARY_LIMIT }));
  return { outcome, reportPath, dashboard, reminders, failures };
}
