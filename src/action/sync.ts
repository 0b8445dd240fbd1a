/**
 * `sync` mode: after a merge, make GitHub hold exactly one issue per action
 * item of the postmortems that changed (or of every configured postmortem
 * when the `paths` input is set or the event does not list the changes).
 */
import * as core from '@actions/core';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../core/config/resolve.js';
import { buildReport, type JsonReport } from '../core/report.js';
import type { GitHubGateway } from '../github/gateway.js';
import { checkFiles } from '../io/check-files.js';
import { collectFiles } from '../io/files.js';
import { code, md } from '../render/escape.js';
import { linkBack } from '../sync/link-back.js';
import { runSync, type SyncResult } from '../sync/run.js';
import type { RunContext } from './context.js';
import type { Inputs } from './inputs.js';
import { writeJobSummary } from './summary.js';

export class UnmergedError extends Error {}

export interface SyncOutcome {
  report: JsonReport;
  sync: SyncResult;
}

async function changedDocuments(inputs: Inputs, config: ResolvedConfig, ctx: RunContext, gateway: GitHubGateway): Promise<{ files: string[]; deleted: string[] } | null> {
  if (inputs.paths.length > 0) return null;
  const isMatch = picomatch(config.paths, { dot: false, ignore: config.exclude });
  if (ctx.pullRequest) {
    const changed = await gateway.listPullRequestFiles(ctx.pullRequest.number);
    return {
      files: changed.filter((f) => f.status !== 'removed' && isMatch(f.filename)).map((f) => f.filename),
      deleted: changed.filter((f) => (f.status === 'removed' && isMatch(f.filename)) || (f.status === 'renamed' && f.previous_filename && isMatch(f.previous_filename))).map((f) => (f.status === 'renamed' ? f.previous_filename! : f.filename)),
    };
  }
  if (ctx.push) {
    return { files: ctx.push.changed.filter((f) => isMatch(f)), deleted: ctx.push.removed.filter((f) => isMatch(f)) };
  }
  return null;
}

export async function runSyncMode(inputs: Inputs, config: ResolvedConfig, ctx: RunContext, gateway: GitHubGateway): Promise<SyncOutcome> {
  if (ctx.pullRequest && !ctx.pullRequest.merged) {
    throw new UnmergedError(`Not syncing: pull request #${ctx.pullRequest.number} is not merged, and issues are only opened for merged postmortems.`);
  }
  const changed = await changedDocuments(inputs, config, ctx, gateway);
  const globs = inputs.paths.length > 0 ? inputs.paths : config.paths;
  const collected = changed
    ? await collectFiles(changed.files, { cwd: ctx.workspace, exclude: [], root: ctx.workspace })
    : await collectFiles(globs, { cwd: ctx.workspace, exclude: config.exclude, root: ctx.workspace });
  for (const p of collected.problems) core.warning(`Skipped ${p.path}: ${p.message}`);
  const results = await checkFiles(collected.files, ctx.workspace, config);
  const report = buildReport(results);
  core.info(`Syncing the action items of ${collected.files.length} postmortem${collected.files.length === 1 ? '' : 's'}${inputs.dryRun ? ' (dry run: nothing is written)' : ''}.`);

  const sync = await runSync({
    gateway,
    config,
    files: results,
    deleted: changed?.deleted ?? [],
    link: { serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, sha: ctx.sha },
    maxCreates: inputs.maxIssues,
    dryRun: inputs.dryRun,
    log: { info: (m) => core.info(m), warning: (m) => core.warning(m) },
  });

  if (config.issues.linkBack && !inputs.dryRun) {
    try {
      await linkBack(gateway, sync.outcomes, ctx.sha, { info: (m) => core.info(m) });
    } catch (error) {
      // The issues exist; only the write-back failed. Say so and let a rerun (or a person) finish it.
      core.warning(`Link-back PR not opened: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (the token needs contents: write and pull-requests: write).`);
    }
  }

  for (const o of sync.outcomes) {
    if (o.action === 'unchanged') continue;
    core.info(`${o.action.padEnd(16)} ${o.issue ? `#${o.issue}` : '—'}  ${o.path}:${o.line}  ${o.title}${o.reason ? `  (${o.reason})` : ''}`);
  }
  const skipped = sync.outcomes.filter((o) => o.action === 'skipped').length;
  if (skipped > 0) {
    core.warning(`max-issues (${inputs.maxIssues}) reached: ${skipped} action item${skipped === 1 ? '' : 's'} left without an issue. Run sync again (or raise max-issues) to open them; the next run resumes where this one stopped.`);
  }
  await writeJobSummary(syncSummary(sync, inputs.dryRun));
  return { report, sync };
}

export function syncSummary(sync: SyncResult, dryRun: boolean): string {
  const out = [`## Postmortem action items${dryRun ? ' (dry run)' : ''}`, ''];
  const counts = Object.entries(sync.counts).map(([k, n]) => `${n} ${k}`);
  out.push(counts.length > 0 ? counts.join(' · ') : 'No action items in the postmortems of this run.', '');
  const shown = sync.outcomes.filter((o) => o.action !== 'unchanged');
  if (shown.length > 0) {
    out.push('| Action | Issue | Item | Source |', '| --- | --- | --- | --- |');
    for (const o of shown.slice(0, 200)) {
      out.push(`| ${o.action} | ${o.issue ? `#${o.issue}` : '—'} | ${md(o.title, 150)} | ${code(`${o.path}:${o.line}`)} |`);
    }
    if (shown.length > 200) out.push('', `…and ${shown.length - 200} more (see the \`issues\` output).`);
  }
  if (sync.failures.length > 0) out.push('', '**Not done (rerun to retry):**', '', ...sync.failures.map((f) => `- ${md(f, 300)}`));
  return out.join('\n') + '\n';
}
