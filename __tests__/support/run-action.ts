/**
 * Run the committed bundle `dist/index.js` as a child process, the way the
 * runner does, and read back what it printed, its outputs and its summary.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { node24Binary, node24Missing } from '../../scripts/node24.mjs';
import type { ActionRun } from './events.js';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The runner's Node (action.yml: node24), where tools/node24 has a build for this platform (see scripts/node24.mjs). */
export const NODE24 = node24Binary();
/** Why the Node 24 runs are skipped, or null when they are not. */
export const NODE24_MISSING = node24Missing();

/** The Node binaries the bundle is tested under: this one (20 on the machines) and 24 (the runner's), where available. */
export const NODES: Array<[string, string]> = [
  ['node ' + process.versions.node.split('.')[0], process.execPath],
  ...(NODE24 ? ([['node 24', NODE24]] as Array<[string, string]>) : []),
];

export interface ActionResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error file=…::message` and `::warning …` commands, parsed. */
  annotations: Array<{ level: string; props: Record<string, string>; message: string }>;
}

export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]] = m[3];
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

export function parseAnnotations(stdout: string): ActionResult['annotations'] {
  const out: ActionResult['annotations'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',')) {
      const i = kv.indexOf('=');
      if (i > 0) props[kv.slice(0, i)] = unescapeData(kv.slice(i + 1));
    }
    out.push({ level: m[1], props, message: unescapeData(m[3]) });
  }
  return out;
}

/** What a child process printed, and its exit code, once it has closed. */
export function exited(child: ChildProcessByStdio<null, Readable, Readable>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function runAction(run: ActionRun, options: { node?: string; cwd?: string; onSpawn?: (kill: () => void) => void; extraEnv?: Record<string, string> } = {}): Promise<ActionResult> {
  writeFileSync(run.outputPath, '');
  writeFileSync(run.summaryPath, '');
  const child = spawn(options.node ?? process.execPath, [join(ROOT, 'dist', 'index.js')], {
    cwd: options.cwd ?? run.env.GITHUB_WORKSPACE,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...run.env, POSTMORTEM_WRITE_INTERVAL_MS: '0', POSTMORTEM_RETRY_BASE_MS: '20', POSTMORTEM_CREATE_LIMITS: '100000/60', POSTMORTEM_LOCK_POLL_MS: '100', ...options.extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(() => child.kill('SIGKILL'));
  const { code, stdout, stderr } = await exited(child);
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(run.outputPath, 'utf8')),
    summary: readFileSync(run.summaryPath, 'utf8'),
    annotations: parseAnnotations(stdout),
  };
}

/** A throwaway workspace holding the given files. */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-ws-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The inputs the runner passes when a workflow sets nothing: action.yml's defaults. */
export const DEFAULT_INPUTS: Record<string, string> = {
  token: 'test-token',
  mode: 'auto',
  paths: '',
  config: '.github/postmortem.yml',
  'dry-run': 'false',
  'fail-on': 'error',
  'max-issues': '50',
  'cache-location': '',
};
