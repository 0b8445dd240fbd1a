/**
 * `sync` mode: after a merge, make GitHub hold exactly one issue per action
 * item of the postmortems that changed (or of every configured postmortem
 * when the `paths` input is set or the event does not list the changes).
 */
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import type { CheckedFile } from '../core/engine.js';
import type { ResolvedConfig } from '../core/config/resolve.js';
import type { JsonReport } from '../core/report.js';
import type { GitHubGateway } from '../github/gateway.js';
import { checkSet } from '../io/check-set.js';
import { collectFiles } from '../io/files.js';
import { code, md } from '../render/escape.js';
import { linkBack } from '../sync/link-back.js';
import { lockTimingFromEnv, type LockOptions } from '../github/lock.js';
import type { ItemOutcome } from '../sync/apply.js';
import { runSync, type SyncResult } from '../sync/run.js';
import type { RunContext } from './context.js';
import type { Inputs } from './inputs.js';
import { writeJobSummary } from './summary.js';
import { errorLine, plural } from '../core/strings.js';

export class UnmergedError extends Error {}

export interface SyncOutcome {
  report: JsonReport;
  sync: SyncResult;
}

interface Changed {
  files: string[];
  deleted: string[];
  /** Old path → new path: git's rename information (a pull request's file list has it; a push's does not). */
  renames: Map<string, string>;
}

async function changedDocuments(inputs: Inputs, config: ResolvedConfig, ctx: RunContext, gateway: GitHubGateway): Promise<Changed | null> {
  if (inputs.paths.length > 0) return null;
  const isMatch = picomatch(config.paths, { dot: false, ignore: config.exclude });
  if (ctx.pullRequest) {
    const changed = await gateway.listPullRequestFiles(ctx.pullRequest.number);
    const renamed = changed.filter((f) => f.status === 'renamed' && f.previous_filename && isMatch(f.previous_filename));
    return {
      files: changed.filter((f) => f.status !== 'removed' && isMatch(f.filename)).map((f) => f.filename),
      deleted: [...changed.filter((f) => f.status === 'removed' && isMatch(f.filename)).map((f) => f.filename), ...renamed.map((f) => f.previous_filename!)],
      renames: new Map(renamed.filter((f) => isMatch(f.filename)).map((f) => [f.previous_filename!, f.filename])),
    };
  }
  if (ctx.push) {
    return { files: ctx.push.changed.filter((f) => isMatch(f)), deleted: ctx.push.removed.filter((f) => isMatch(f)), renames: new Map() };
  }
  return null;
}

/** The sync lock of this workflow run: a rerun (a later attempt of the same run) takes over what a crashed attempt left. */
function lockFor(runId: string, env: Record<string, string | undefined>): Partial<LockOptions> {
  const attempt = Number(env.GITHUB_RUN_ATTEMPT) || 1;
  const run = `workflow run ${runId}, attempt `;
  return {
    holder: `${run}${attempt}`,
    earlierAttempt: (holder) => holder.startsWith(run) && /^\d{1,6}$/.test(holder.slice(run.length)) && Number(holder.slice(run.length)) < attempt,
    ...lockTimingFromEnv(env),
  };
}

/**
 * The files a sync could not read, and why, with the line: a file skipped
 * whole (unreadable, too large, not found) has no items synced; a file whose
 * front matter did not parse has its items synced without what the front
 * matter says (severity, incident facts).
 */
export function unreadFiles(problems: Array<{ path: string; message: string }>, results: CheckedFile[]): ItemOutcome[] {
  const out: ItemOutcome[] = problems.map((p) => ({ key: p.path, path: p.path, line: 0, title: '', issue: null, url: null, action: 'unreadable', reason: p.message }));
  for (const r of results) {
    const readable = r.findings.find((f) => f.rule === 'readable-file');
    const frontMatter = r.findings.find((f) => f.rule === 'front-matter-syntax');
    if (!r.model) out.push({ key: r.path, path: r.path, line: readable?.line ?? 1, title: '', issue: null, url: null, action: 'unreadable', reason: readable?.message ?? 'the file could not be read' });
    else if (frontMatter) {
      out.push({ key: r.path, path: r.path, line: frontMatter.line, title: '', issue: null, url: null, action: 'unreadable-front-matter', reason: `${frontMatter.message} (its items were synced without the front matter)` });
    }
  }
  return out;
}

export async function runSyncMode(inputs: Inputs, config: ResolvedConfig, ctx: RunContext, gateway: GitHubGateway, projectGateway?: GitHubGateway): Promise<SyncOutcome> {
  if (ctx.pullRequest && !ctx.pullRequest.merged) {
    throw new UnmergedError(`Not syncing: pull request #${ctx.pullRequest.number} is not merged, and issues are only opened for merged postmortems.`);
  }
  const changed = await changedDocuments(inputs, config, ctx, gateway);
  const globs = inputs.paths.length > 0 ? inputs.paths : config.paths;
  const collected = changed
    ? await collectFiles(changed.files, { cwd: ctx.workspace, exclude: [], root: ctx.workspace })
    : await collectFiles(globs, { cwd: ctx.workspace, exclude: config.exclude, root: ctx.workspace });
  const { report, results } = await checkSet(collected.files, { cwd: ctx.workspace, config, now: new Date(), models: true });
  const unread = unreadFiles(collected.problems, results);
  for (const u of unread) {
    const what = u.action === 'unreadable' ? `Not synced: ${u.path} could not be read` : `${u.path}: the front matter could not be read`;
    core.warning(`${what}${u.line ? ` (line ${u.line})` : ''}: ${u.reason}`, u.line ? { file: u.path, startLine: u.line } : { file: u.path });
  }
  core.info(`Syncing the action items of ${plural(collected.files.length, 'postmortem')}${inputs.dryRun ? ' (dry run: nothing is written)' : ''}.`);

  const sync = await runSync({
    gateway,
    config,
    files: results,
    deleted: changed?.deleted ?? [],
    renames: changed?.renames,
    exists: (path) => existsSync(join(ctx.workspace, path)),
    link: { serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, sha: ctx.sha },
    maxCreates: inputs.maxIssues,
    dryRun: inputs.dryRun,
    log: { info: (m) => core.info(m), warning: (m) => core.warning(m) },
    lock: lockFor(ctx.runId, process.env),
    ...(projectGateway ? { projectGateway } : {}),
  });
  sync.outcomes.push(...unread);
  for (const u of unread) sync.counts[u.action] = (sync.counts[u.action] ?? 0) + 1;

  if (config.issues.linkBack && !inputs.dryRun) {
    try {
      await linkBack(gateway, sync.outcomes, ctx.sha, { info: (m) => core.info(m) });
    } catch (error) {
      // The issues exist; only the write-back failed. Say so and let a rerun (or a person) finish it.
      core.warning(`Link-back PR not opened: ${errorLine(error)} (the token needs contents: write and pull-requests: write).`);
    }
  }

  for (const o of sync.outcomes) {
    if (o.action === 'unchanged' || o.action.startsWith('unreadable')) continue;
    core.info(`${o.action.padEnd(16)} ${o.issue ? `${o.repo ?? ''}#${o.issue}` : '—'}  ${o.path}:${o.line}  ${o.title}${o.reason ? `  (${o.reason})` : ''}`);
  }
  for (const p of sync.parents) {
    if (p.action === 'unchanged') continue;
    core.info(`tracking ${p.action.padEnd(13)} ${p.issue ? `#${p.issue}` : '—'}  ${p.path}${p.attached.length ? `  (attached ${p.attached.join(', ')})` : ''}`);
  }
  const skipped = sync.outcomes.filter((o) => o.action === 'skipped').length;
  if (skipped > 0) {
    core.warning(`max-issues (${inputs.maxIssues}) reached: ${plural(skipped, 'action item')} left without an issue. Run sync again (or raise max-issues) to open them; the next run resumes where this one stopped.`);
  }
  await writeJobSummary(syncSummary(sync, inputs.dryRun));
  return { report, sync };
}

export function syncSummary(sync: SyncResult, dryRun: boolean): string {
  const out = [`## Postmortem action items${dryRun ? ' (dry run)' : ''}`, ''];
  const counts = Object.entries(sync.counts).map(([k, n]) => `${n} ${k}`);
  out.push(counts.length > 0 ? counts.join(' · ') : 'No action items in the postmortems of this run.', '');
  const shown = sync.outcomes.filter((o) => o.action !== 'unchanged' && !o.action.startsWith('unreadable'));
  const unread = sync.outcomes.filter((o) => o.action.startsWith('unreadable'));
  if (unread.length > 0) {
    out.push('**Files not read:**', '');
    for (const u of unread) {
      const reason = (u.reason ?? '').replace(/\.?$/, u.action === 'unreadable' ? '. Its action items were not synced.' : '');
      out.push(`- ${code(u.line ? `${u.path}:${u.line}` : u.path)}: ${md(reason, 300)}`);
    }
    out.push('');
  }
  if (shown.length > 0) {
    out.push('| Action | Issue | Item | Source |', '| --- | --- | --- | --- |');
    for (const o of shown.slice(0, 200)) {
      out.push(`| ${o.action} | ${o.issue ? `${o.repo ?? ''}#${o.issue}` : '—'} | ${md(o.title, 150)} | ${code(`${o.path}:${o.line}`)} |`);
    }
    if (shown.length > 200) out.push('', `…and ${shown.length - 200} more (see the \`issues\` output).`);
  }
  const parents = sync.parents.filter((p) => p.action !== 'unchanged' || p.detached.length > 0 || p.notAttached.length > 0);
  if (parents.length > 0) {
    out.push('', '**Tracking issues:**', '', '| Action | Issue | Postmortem | Sub-issues |', '| --- | --- | --- | --- |');
    for (const p of parents) {
      const subs = [p.attached.length ? `${p.attached.length} attached` : '', p.detached.length ? `${p.detached.length} detached by a person (left so)` : '', p.notAttached.length ? `${p.notAttached.length} not attached` : ''].filter(Boolean).join(', ') || '—';
      out.push(`| ${p.action} | ${p.issue ? `#${p.issue}` : '—'} | ${code(p.path)} | ${subs} |`);
    }
  }
  if (sync.board) {
    const b = sync.board;
    if (b.project) out.push('', `**Project board** “${md(b.project, 100)}”: ${plural(b.added, 'card')} added, ${b.updated} updated, ${b.unchanged} unchanged.`);
  }
  if (sync.notes.length > 0) out.push('', ...sync.notes.map((n) => `> ${md(n, 1000)}`));
  if (sync.failures.length > 0) out.push('', '**Not done (rerun to retry):**', '', ...sync.failures.map((f) => `- ${md(f, 300)}`));
  return out.join('\n') + '\n';
}
