/**
 * Run the action the way `@github/local-action` does (what `actions/typescript-action`
 * users run to try an action: `npm run local-action`): its CLI loads `src/main.ts`
 * through tsx, swaps `@actions/core` and `@actions/github` for its own stubs (with
 * its own Octokit and its own copy of `@octokit/request-error`) and calls `run()`.
 *
 * The stubs print outputs as `::set-output name=…::value` lines and never set the
 * process's exit code, so results are read from what it prints.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionRun } from './events.js';
import { exited, parseAnnotations, ROOT, type ActionResult } from './run-action.js';

export const LOCAL_ACTION_BIN = join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js');

export interface LocalActionResult extends Omit<ActionResult, 'outputs'> {
  outputs: Record<string, string>;
  /** The `::error::` the stubbed core.setFailed printed, if any. */
  failed: string[];
}

/**
 * A dotenv file with the run's environment (local-action reads the inputs and GITHUB_* from it),
 * after `base` (another dotenv file's text): for a repeated name dotenv keeps the last value.
 */
export function writeDotenv(run: ActionRun, extra: Record<string, string> = {}, base = ''): string {
  const path = join(run.dir, 'local-action.env');
  const lines = Object.entries({ ...run.env, ...extra }).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  writeFileSync(path, base + '\n' + lines.join('\n') + '\n');
  return path;
}

export async function runLocalAction(run: ActionRun, extra: Record<string, string> = {}, base = ''): Promise<LocalActionResult> {
  if (!existsSync(LOCAL_ACTION_BIN)) throw new Error(`@github/local-action is not installed (${LOCAL_ACTION_BIN}): run npm ci`);
  const dotenv = writeDotenv(run, extra, base);
  writeFileSync(run.summaryPath, '');
  // The process environment carries only what local-action itself needs; the action's
  // environment comes from the dotenv file, as it does for a person using the tool.
  const child = spawn(process.execPath, [LOCAL_ACTION_BIN, 'run', ROOT, 'src/main.ts', dotenv], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(process.env.SystemRoot ? { SystemRoot: process.env.SystemRoot } : {}),
      ...(process.env.APPDATA ? { APPDATA: process.env.APPDATA } : {}),
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { code, stdout, stderr } = await exited(child);
  const outputs: Record<string, string> = {};
  for (const m of stdout.matchAll(/^::set-output name=([\w-]+)::(.*)$/gm)) outputs[m[1]] = m[2];
  const annotations = parseAnnotations(stdout);
  return {
    code,
    stdout,
    stderr,
    outputs,
    summary: readFileSync(run.summaryPath, 'utf8'),
    annotations,
    failed: annotations.filter((a) => a.level === 'error' && !a.props.file).map((a) => a.message),
  };
}
