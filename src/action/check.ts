/**
 * `check` mode: check the postmortems a PR adds or changes (or, outside a
 * PR, every configured postmortem), annotate each finding on its line, write
 * the job summary, keep one sticky PR comment up to date, and preview the
 * issues a merge will open. It never opens issues.
 */
import * as core from '@actions/core';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../core/config/resolve.js';
import type { CheckedFile } from '../core/engine.js';
import { itemsToOpen, planItems, type PlannedItem } from '../core/plan.js';
import type { JsonReport } from '../core/report.js';
import type { Finding, PostmortemModel } from '../core/types.js';
import { isForbidden, statusOf, type GitHubGateway } from '../github/gateway.js';
import { previewItems, previewSync, type SyncPreview } from '../sync/preview.js';
import { checkSet } from '../io/check-set.js';
import { collectFiles } from '../io/files.js';
import { COMMENT_MARKER, jobSummary, prComment } from '../render/markdown.js';
import type { RunContext } from './context.js';
import type { Inputs } from './inputs.js';
import { writeJobSummary } from './summary.js';
import { plural } from '../core/strings.js';

/** GitHub shows at most 10 error and 10 warning annotations per step. */
export const ANNOTATION_LIMITS = { error: 10, warning: 10 };

export interface CheckOutcome {
  report: JsonReport;
  results: CheckedFile[];
  preview: PlannedItem[];
  notes: string[];
}

/** The postmortems to check: the PR's added or changed files that match the globs, or every configured file. */
export async function selectFiles(
  inputs: Inputs,
  config: ResolvedConfig,
  ctx: RunContext,
  gateway: GitHubGateway | null,
): Promise<{ files: string[]; notes: string[] }> {
  const globs = inputs.paths.length > 0 ? inputs.paths : config.paths;
  const notes: string[] = [];
  if (ctx.pullRequest && gateway) {
    const changed = await gateway.listPullRequestFiles(ctx.pullRequest.number);
    const isMatch = picomatch(globs, { dot: false, ignore: config.exclude });
    const candidates = changed.filter((f) => f.status !== 'removed' && isMatch(f.filename)).map((f) => f.filename);
    // Confine to the workspace and drop symlinks that lead out of it.
    const collected = await collectFiles(candidates, { cwd: ctx.workspace, exclude: [], root: ctx.workspace });
    for (const p of collected.problems) notes.push(`Skipped ${p.path}: ${p.message}`);
    return { files: collected.files, notes };
  }
  const collected = await collectFiles(globs, { cwd: ctx.workspace, exclude: config.exclude, root: ctx.workspace });
  for (const p of collected.problems) notes.push(`Skipped ${p.path}: ${p.message}`);
  return { files: collected.files, notes };
}

function severityRank(f: Finding): number {
  return f.severity === 'error' ? 0 : 1;
}

/** Emit annotations, most severe first, within GitHub's limits; returns how many were left out. */
export function annotate(results: CheckedFile[]): number {
  const all = results.flatMap((r) => r.findings.map((f) => ({ path: r.path, f })));
  all.sort((a, b) => severityRank(a.f) - severityRank(b.f) || a.path.localeCompare(b.path) || a.f.line - b.f.line);
  const used = { error: 0, warning: 0 };
  let hidden = 0;
  for (const { path, f } of all) {
    if (used[f.severity] >= ANNOTATION_LIMITS[f.severity]) {
      hidden++;
      continue;
    }
    used[f.severity]++;
    const props: core.AnnotationProperties = {
      title: f.rule,
      file: path,
      startLine: f.line,
      startColumn: f.column,
      ...(f.endLine && f.endLine === f.line ? { endLine: f.endLine, endColumn: f.endColumn } : {}),
    };
    if (f.severity === 'error') core.error(f.message, props);
    else core.warning(f.message, props);
  }
  return hidden;
}

/** Find our comment by its marker and edit it, or create it; never a second one, never a write for nothing. */
export async function upsertComment(gateway: GitHubGateway, issueNumber: number, body: string, quiet: boolean): Promise<'created' | 'updated' | 'unchanged' | 'skipped'> {
  const [comments, me] = await Promise.all([gateway.listIssueComments(issueNumber), gateway.identity()]);
  // Only our own comment counts: a marker pasted by someone else takes nothing over.
  const existing = comments.find((c) => c.body?.startsWith(COMMENT_MARKER) && c.user?.login === me);
  if (!existing) {
    if (quiet) return 'skipped'; // quiet when all is well
    await gateway.createComment(issueNumber, body);
    return 'created';
  }
  if (existing.body === body) return 'unchanged';
  await gateway.updateComment(existing.id, body);
  return 'updated';
}

export async function runCheck(
  inputs: Inputs,
  config: ResolvedConfig,
  ctx: RunContext,
  gateway: GitHubGateway | null,
): Promise<CheckOutcome> {
  const { files, notes } = await selectFiles(inputs, config, ctx, gateway);
  core.info(`Checking ${plural(files.length, 'postmortem')}${ctx.pullRequest ? ` changed in #${ctx.pullRequest.number}` : ''}.`);
  const { report, results } = await checkSet(files, { cwd: ctx.workspace, config, now: new Date(), models: true });
  const models = results.map((r) => r.model).filter((m): m is PostmortemModel => m !== null);
  const hidden = annotate(results);
  const link = { serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, sha: ctx.pullRequest?.headSha ?? ctx.sha };
  // The merge's real plan when the action's issues can be read; otherwise every open item counts as new.
  let planned = itemsToOpen(planItems(models));
  let changes: SyncPreview | null = null;
  if (gateway && models.some((m) => m.actionItems.length > 0)) {
    try {
      changes = await previewSync(gateway, config, models, link);
      planned = changes.creates;
    } catch (error) {
      core.info(`Could not read the existing action-item issues (${statusOf(error) ?? 'network'}); the preview lists every open item.`);
    }
  }
  // Deadlines from the priority table count from today for `due-from: merge`: the day the merge would open them.
  const preview = previewItems(planned, config, `${ctx.owner}/${ctx.repo}`, new Date().toISOString().slice(0, 10));

  if (ctx.pullRequest && gateway) {
    // Nothing to say: no findings and the merge would not touch any issue.
    const quiet =
      report.summary.errors + report.summary.warnings === 0 &&
      preview.length === 0 &&
      (changes === null || changes.updates + changes.closes + changes.removed === 0);
    try {
      const outcome = await upsertComment(gateway, ctx.pullRequest.number, prComment({ report, link, preview, changes }), quiet);
      core.info(`PR comment: ${outcome}.`);
    } catch (error) {
      if (!isForbidden(error)) throw error;
      const note = ctx.pullRequest.fromFork
        ? 'The PR comment was not written: the token is read-only on pull requests from forks. Annotations and this summary carry the results.'
        : 'The PR comment was not written: the token may not write to pull requests (add `pull-requests: write` to the workflow\'s permissions).';
      core.warning(note);
      notes.push(note);
    }
  }
  await writeJobSummary(jobSummary({ report, link, required: config.requiredSections, hiddenAnnotations: hidden, preview, notes }));
  return { report, results, preview, notes };
}
