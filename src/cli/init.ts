/**
 * `postmortem init`: a starter `.github/postmortem.yml` and one workflow that
 * checks postmortems on pull requests, syncs their action items on a push to
 * the default branch and audits them weekly, each job with the least
 * permissions it needs. Files that exist are left as they are.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_REQUIRED } from '../core/config/resolve.js';
import type { CliIO } from './main.js';
import { errorMessage, trimTrailingSlashes } from '../core/strings.js';

export const INIT_USAGE = `Usage: postmortem init [--dir DIR] [--branch BRANCH]

Writes, unless they exist:
  .github/postmortem.yml                 the configuration (postmortems in DIR, default postmortems)
  .github/workflows/postmortems.yml      check on pull requests, sync on a push to BRANCH, weekly audit
BRANCH defaults to the checked-out branch (else main).
`;

/** The action's reference in the workflows people copy: the moving major tag. */
export const ACTION_REF = 'postmortem-governance/postmortem-governance@v1';
/** actions/checkout's current major version (runs on Node 24). */
export const CHECKOUT_REF = 'actions/checkout@v7';

export function starterConfig(dir: string): string {
  return [
    '# postmortem-governance: https://github.com/postmortem-governance/postmortem-governance#configuration',
    '# yaml-language-server: $schema=https://raw.githubusercontent.com/postmortem-governance/postmortem-governance/v1/postmortem.schema.json',
    `paths: ['${dir}/**/*.md']`,
    'timezone: UTC            # the zone of times that state none',
    'sections:',
    `  required: [${DEFAULT_REQUIRED.join(', ')}]`,
    'rules:',
    '  action-item-owner: error   # every action item names its owner',
    'issues:',
    '  parent: true   # one tracking issue per postmortem, its action items as sub-issues',
    '# front-matter:',
    '#   required: [severity]',
    '#   fields:',
    '#     severity: { enum: [SEV1, SEV2, SEV3, SEV4] }',
    '',
  ].join('\n');
}

export function starterWorkflow(dir: string, branch: string): string {
  const step = (mode: string) => [
    '    steps:',
    `      - uses: ${CHECKOUT_REF}`,
    '        with:',
    '          persist-credentials: false',
    `      - uses: ${ACTION_REF}`,
    '        with:',
    `          mode: ${mode}`,
  ];
  return [
    '# postmortem-governance: check postmortems on pull requests, open one issue per action item',
    '# on a push to the default branch, and keep a dashboard of follow-ups up to date weekly.',
    'name: Postmortems',
    'on:',
    '  pull_request:',
    `    paths: ['${dir}/**', '.github/postmortem.yml']`,
    '  push:',
    `    branches: [${branch}]`,
    `    paths: ['${dir}/**', '.github/postmortem.yml']`,
    '  schedule:',
    "    - cron: '17 6 * * 1'   # the audit: Mondays, 06:17 UTC",
    '  workflow_dispatch:',
    'permissions: {}           # each job names the least it needs',
    'jobs:',
    '  check:',
    "    if: github.event_name == 'pull_request'",
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read        # read the postmortems',
    '      issues: read          # preview what the merge does to the action-item issues',
    '      pull-requests: write  # list the PR\'s files, keep one sticky comment',
    ...step('check'),
    '  sync:',
    "    if: github.event_name == 'push'",
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read        # read the postmortems',
    '      issues: write         # open, update, label and close one issue per action item',
    '    concurrency:',
    '      group: postmortem-sync   # one sync at a time',
    '      cancel-in-progress: false',
    ...step('sync'),
    '  audit:',
    "    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'",
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read        # read the postmortems',
    '      issues: write         # follow-up status, the dashboard issue',
    '    concurrency:',
    '      group: postmortem-audit',
    '      cancel-in-progress: false',
    ...step('audit'),
    '',
  ].join('\n');
}

/** The checked-out branch from .git/HEAD, when there is one. */
async function currentBranch(cwd: string): Promise<string | null> {
  try {
    const head = await readFile(join(cwd, '.git', 'HEAD'), 'utf8');
    return /^ref: refs\/heads\/([\w./-]{1,100})\s*$/.exec(head)?.[1] ?? null;
  } catch {
    return null;
  }
}

export async function initCommand(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { dir: { type: 'string' }, branch: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    io.stderr(`postmortem init: ${errorMessage(error)}\n\n${INIT_USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    io.stdout(INIT_USAGE);
    return 0;
  }
  // The lookbehind keeps the trim linear on a long run of slashes.
  const dir = trimTrailingSlashes((values.dir ?? 'postmortems').replace(/\\/g, '/').replace(/^\.\/+/, ''));
  if (!/^[\w.-]+(?:\/[\w.-]+)*$/.test(dir) || dir.split('/').includes('..')) {
    io.stderr(`postmortem init: unexpected --dir "${values.dir}", expected a relative directory such as docs/postmortems\n`);
    return 2;
  }
  const branch = values.branch ?? (await currentBranch(io.cwd)) ?? 'main';
  if (!/^[\w./-]{1,100}$/.test(branch)) {
    io.stderr(`postmortem init: unexpected --branch "${branch}", expected a branch name\n`);
    return 2;
  }
  const files: Array<[string, string]> = [
    ['.github/postmortem.yml', starterConfig(dir)],
    ['.github/workflows/postmortems.yml', starterWorkflow(dir, branch)],
  ];
  let created = 0;
  for (const [path, text] of files) {
    const target = join(io.cwd, path);
    await mkdir(dirname(target), { recursive: true });
    try {
      await writeFile(target, text, { flag: 'wx' });
      io.stdout(`created  ${path}\n`);
      created++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      io.stdout(`kept     ${path} (it exists; not overwritten)\n`);
    }
  }
  if (created > 0) io.stderr(`Next: \`postmortem new "Title"\` writes a postmortem in ${dir}/; commit .github/ and open a pull request.\n`);
  return 0;
}
