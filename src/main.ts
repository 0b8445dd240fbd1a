/**
 * The action: read inputs and context, load the config, run the mode, set
 * the outputs and apply `fail-on`. Each mode (src/action/) is a function in
 * the table below that returns its outputs; only `run` sets them and decides
 * whether the run fails, so every mode is judged the same way.
 */
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedConfig } from './core/config/resolve.js';
import { ConfigError } from './core/config/settle.js';
import type { JsonReport } from './core/report.js';
import { runAuditMode } from './action/audit.js';
import { runCheck } from './action/check.js';
import { pickMode, readContext, type RunContext } from './action/context.js';
import { InputError, readInputs, type FailOn, type Inputs, type Mode } from './action/inputs.js';
import { runSyncMode, UnmergedError } from './action/sync.js';
import { createGateway } from './github/connect.js';
import type { GitHubGateway } from './github/gateway.js';
import { loadConfig } from './io/config.js';

/** What a mode is given. */
export interface ModeRun {
  inputs: Inputs;
  config: ResolvedConfig;
  ctx: RunContext;
  /** The gateway of the `token` input; null without a token. */
  gateway: GitHubGateway | null;
  /** The gateway of the `project-token` input, when given. */
  projectGateway?: GitHubGateway;
}

/** The action's outputs (action.yml), as a mode hands them over: set in this order. */
export type Outputs = Partial<Record<'findings' | 'errors' | 'report' | 'issues' | 'dashboard' | 'parents', string | number>>;

/** What a mode hands back. */
export interface ModeResult {
  outputs: Outputs;
  /** The findings `fail-on` weighs; null: the mode does not fail on findings (sync and audit). */
  findings: { errors: number; warnings: number } | null;
  /** Why the run fails whatever `fail-on` says (GitHub operations that failed). */
  failure?: string;
}

export type ModeName = Exclude<Mode, 'auto'>;

/** The modes, by the name the `mode` input (or the event, for `auto`) picks. */
export const modes: Record<ModeName, (run: ModeRun) => Promise<ModeResult>> = {
  check: checkMode,
  sync: syncMode,
  audit: auditMode,
};

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const ctx = readContext();
    const mode = pickMode(inputs.mode, ctx);
    core.info(`postmortem-governance: ${mode} mode (event ${ctx.eventName || 'unknown'}).`);
    const config = await loadConfig(ctx.workspace, inputs.config, inputs.configExplicit);
    const log = { info: (m: string) => core.info(m), warning: (m: string) => core.warning(m) };
    const gatewayFor = (token: string, identity?: string) =>
      createGateway({ token, repo: { owner: ctx.owner, repo: ctx.repo }, dryRun: inputs.dryRun, log, env: process.env, apiUrl: ctx.apiUrl, identity });
    const gateway = inputs.token ? gatewayFor(inputs.token, inputs.identity) : null;
    // The project board may need its own token: the workflow's GITHUB_TOKEN cannot reach projects.
    const projectGateway = inputs.projectToken ? gatewayFor(inputs.projectToken) : undefined;

    const result = await modes[mode]({ inputs, config, ctx, gateway, projectGateway });
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
    if (result.failure) core.setFailed(result.failure);
    else if (result.findings) {
      const failing = failingFindings(result.findings, inputs.failOn);
      if (failing > 0) core.setFailed(`${failing} finding${failing === 1 ? '' : 's'} at or above \`fail-on: ${inputs.failOn}\`.`);
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof ConfigError) {
      core.setFailed(error.message);
      return;
    }
    core.setFailed(`postmortem-governance failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

/** How many findings fail the run under `fail-on`. */
export function failingFindings(findings: { errors: number; warnings: number }, failOn: FailOn): number {
  return failOn === 'error' ? findings.errors : failOn === 'warning' ? findings.errors + findings.warnings : 0;
}

/** The PR check (and `check` on a push): findings fail the run as `fail-on` says. */
async function checkMode({ inputs, config, ctx, gateway }: ModeRun): Promise<ModeResult> {
  if (!gateway) core.info('No token: checking without GitHub (no PR files, comment or issue preview). Set the `token` input to use the API.');
  const { report, preview } = await runCheck(inputs, config, ctx, gateway);
  const issues = preview.map((p) => ({ key: p.key, title: p.title, kind: p.kind, path: p.path, line: p.line, issue: null, url: null, action: 'planned' }));
  return { outputs: await reportOutputs(report, ctx, issues), findings: report.summary };
}

/** Issues for the merged postmortems: fails only when issue work failed (findings are the PR check's business). */
async function syncMode({ inputs, config, ctx, gateway, projectGateway }: ModeRun): Promise<ModeResult> {
  if (!gateway) throw new InputError('token', 'sync needs a token that can write issues');
  try {
    const { report, sync } = await runSyncMode(inputs, config, ctx, gateway, projectGateway);
    const outputs = await reportOutputs(report, ctx, sync.outcomes);
    if (config.issues.parent) outputs.parents = JSON.stringify(sync.parents);
    const failed = sync.failures.length;
    return {
      outputs,
      findings: null,
      ...(failed > 0 ? { failure: `${failed} issue operation${failed === 1 ? '' : 's'} failed; rerun to finish (nothing is duplicated by a rerun).` } : {}),
    };
  } catch (error) {
    if (!(error instanceof UnmergedError)) throw error;
    core.warning(error.message);
    return { outputs: {}, findings: null };
  }
}

/** The repository-wide audit: reports findings, never fails on them; fails when GitHub writes failed. */
async function auditMode({ inputs, config, ctx, gateway }: ModeRun): Promise<ModeResult> {
  const { outcome, reportPath, dashboard, failures } = await runAuditMode(inputs, config, ctx, gateway);
  return {
    outputs: {
      findings: outcome.summary.errors + outcome.summary.warnings,
      errors: outcome.summary.errors,
      report: reportPath,
      issues: JSON.stringify(outcome.audit.followUps),
      dashboard: dashboard?.url ?? '',
    },
    findings: null,
    ...(failures.length > 0 ? { failure: `${failures.length} GitHub operation${failures.length === 1 ? '' : 's'} of the audit failed; rerun to finish.` } : {}),
  };
}

/** The JSON report written under RUNNER_TEMP, and the outputs that describe it. */
async function reportOutputs(report: JsonReport, ctx: RunContext, issues: unknown[]): Promise<Outputs> {
  const dir = join(ctx.runnerTemp, 'postmortem-governance');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `report-${ctx.runId}.json`);
  await writeFile(path, JSON.stringify(report, null, 2) + '\n');
  return {
    findings: report.summary.errors + report.summary.warnings,
    errors: report.summary.errors,
    report: path,
    issues: JSON.stringify(issues),
  };
}
