/**
 * The action: read inputs and context, load the config, run the mode, set
 * the outputs. Everything else lives in src/action/ and the core.
 */
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from './core/config/settle.js';
import type { JsonReport } from './core/report.js';
import { runCheck } from './action/check.js';
import { runSyncMode, UnmergedError } from './action/sync.js';
import { runAuditMode } from './action/audit.js';
import { pickMode, readContext } from './action/context.js';
import { InputError, readInputs } from './action/inputs.js';
import { GitHubGateway } from './github/gateway.js';
import { createOctokit, tuningFromEnv } from './github/octokit.js';
import { limitsFromEnv } from './github/pace.js';
import { loadConfig } from './io/config.js';

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const ctx = readContext();
    const mode = pickMode(inputs.mode, ctx);
    core.info(`postmortem-governance: ${mode} mode (event ${ctx.eventName || 'unknown'}).`);
    const config = await loadConfig(ctx.workspace, inputs.config, inputs.configExplicit);
    const log = { info: (m: string) => core.info(m), warning: (m: string) => core.warning(m) };
    const gateway = inputs.token
      ? new GitHubGateway(
          createOctokit(inputs.token, { baseUrl: ctx.apiUrl, log, ...tuningFromEnv(process.env) }),
          { owner: ctx.owner, repo: ctx.repo },
          { dryRun: inputs.dryRun, log, limits: limitsFromEnv(process.env.POSTMORTEM_CREATE_LIMITS), ...(inputs.identity ? { identity: inputs.identity } : {}) },
        )
      : null;
    if (!gateway && mode === 'check') core.info('No token: checking without GitHub (no PR files, comment or issue preview). Set the `token` input to use the API.');
    // The project board may need its own token: the workflow's GITHUB_TOKEN cannot reach projects.
    const projectGateway = inputs.projectToken
      ? new GitHubGateway(createOctokit(inputs.projectToken, { baseUrl: ctx.apiUrl, log, ...tuningFromEnv(process.env) }), { owner: ctx.owner, repo: ctx.repo }, { dryRun: inputs.dryRun, log })
      : undefined;

    let report: JsonReport;
    if (mode === 'sync') {
      if (!gateway) throw new InputError('token', 'sync needs a token that can write issues');
      try {
        const outcome = await runSyncMode(inputs, config, ctx, gateway, projectGateway);
        report = outcome.report;
        await setOutputs(report, ctx.runnerTemp, ctx.runId, outcome.sync.outcomes);
        if (config.issues.parent) core.setOutput('parents', JSON.stringify(outcome.sync.parents));
        if (outcome.sync.failures.length > 0) {
          core.setFailed(`${outcome.sync.failures.length} issue operation${outcome.sync.failures.length === 1 ? '' : 's'} failed; rerun to finish (nothing is duplicated by a rerun).`);
          return;
        }
      } catch (error) {
        if (!(error instanceof UnmergedError)) throw error;
        core.warning(error.message);
        return;
      }
      return; // findings are the PR check's business; sync fails only when issue work failed
    } else if (mode === 'check') {
      const outcome = await runCheck(inputs, config, ctx, gateway);
      report = outcome.report;
      await setOutputs(report, ctx.runnerTemp, ctx.runId, outcome.preview.map((p) => ({ key: p.key, title: p.title, kind: p.kind, path: p.path, line: p.line, issue: null, url: null, action: 'planned' })));
    } else {
      const audit = await runAuditMode(inputs, config, ctx, gateway);
      if (audit.failures.length > 0) core.setFailed(`${audit.failures.length} GitHub operation${audit.failures.length === 1 ? '' : 's'} of the audit failed; rerun to finish.`);
      return; // an audit reports findings; it does not fail on them
    }
    const { errors, warnings } = report.summary;
    const failing = inputs.failOn === 'error' ? errors : inputs.failOn === 'warning' ? errors + warnings : 0;
    if (failing > 0) {
      core.setFailed(`${failing} finding${failing === 1 ? '' : 's'} at or above \`fail-on: ${inputs.failOn}\`.`);
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof ConfigError) {
      core.setFailed(error.message);
      return;
    }
    core.setFailed(`postmortem-governance failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

async function setOutputs(report: JsonReport, runnerTemp: string, runId: string, issues: unknown[]): Promise<void> {
  const dir = join(runnerTemp, 'postmortem-governance');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `report-${runId}.json`);
  await writeFile(path, JSON.stringify(report, null, 2) + '\n');
  core.setOutput('findings', report.summary.errors + report.summary.warnings);
  core.setOutput('errors', report.summary.errors);
  core.setOutput('report', path);
  core.setOutput('issues', JSON.stringify(issues));
}
