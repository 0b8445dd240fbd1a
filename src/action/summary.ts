/**
 * The job summary. GitHub's runner always sets GITHUB_STEP_SUMMARY; other runners
 * (GitHub's local-action without it in its .env, older self-hosted runners) may not,
 * and a missing summary file is no reason to lose the run's results.
 */
import * as core from '@actions/core';

export async function writeJobSummary(markdown: string, env: Record<string, string | undefined> = process.env): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) {
    core.info('No job summary: GITHUB_STEP_SUMMARY is not set on this runner.');
    return;
  }
  await core.summary.addRaw(markdown, true).write();
}
