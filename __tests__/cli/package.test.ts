/**
 * The CLI as people install it: `npm pack` gives a package of what runs (no
 * dependencies, no install scripts, no binary to download), which installs
 * offline and runs with `npx postmortem-governance`; and the pre-commit hook
 * runs it on the staged postmortems the default `paths` would find.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUDE, DEFAULT_PATHS } from '../../src/core/config/resolve.js';
import { ROOT } from '../support/run-action.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const windows = process.platform === 'win32';

function npm(args: string[], cwd: string) {
  // npm is npm.cmd on Windows, which only a shell runs.
  const r = spawnSync(windows ? 'npm.cmd' : 'npm', args, { cwd, encoding: 'utf8', shell: windows, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('package.json', () => {
  it('is publishable, runs nothing on install, and depends on nothing (dist/ bundles every library)', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.license).toBe('MIT');
    expect(pkg.bin).toEqual({ postmortem: 'dist/cli.js' });
    // Libraries belong in devDependencies: esbuild bundles them, so users download none.
    expect(pkg.dependencies).toBeUndefined();
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare', 'prepack']) expect(pkg.scripts[script], script).toBeUndefined();
    expect(readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});

describe('npm pack, install, npx', () => {
  let packDir: string;
  let tarball: string;
  let files: string[];
  let app: string;

  beforeAll(() => {
    packDir = mkdtempSync(join(tmpdir(), 'pm-pack-'));
    const packed = npm(['pack', '--json', '--pack-destination', packDir], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }>; unpackedSize: number }>;
    tarball = join(packDir, info.filename);
    files = info.files.map((f) => f.path).sort();
    expect(info.unpackedSize).toBeLessThan(8 * 1024 * 1024);

    app = mkdtempSync(join(tmpdir(), 'pm-app-'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
    // --offline: the package must install from its tarball alone, with nothing to download.
    const installed = npm(['install', '--offline', '--no-audit', '--no-fund', tarball], app);
    expect(installed.code, installed.stderr).toBe(0);
  });

  it('packs only what runs: the CLI bundle, its chunks, the licences, the schema and the docs', () => {
    const outside = files.filter((f) => !/^dist\/(cli\.js|worker\.js|licenses\.txt|chunks\/[\w-]+\.js)$/.test(f));
    expect(outside).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', 'postmortem.schema.json']);
    expect(files).not.toContain('dist/index.js'); // the action's entry runs from the repository, not from npm
  });

  it('npx postmortem-governance runs the installed CLI: check, exit codes, init and new', () => {
    const npx = (args: string[]) => {
      const r = spawnSync(windows ? 'npx.cmd' : 'npx', ['--offline', 'postmortem-governance', ...args], { cwd: app, encoding: 'utf8', shell: windows, env: { ...process.env, NO_COLOR: '1' } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    expect(npx(['--version']).stdout.trim()).toBe(pkg.version);
    copyFileSync(join(ROOT, 'examples', '2023-11-07-ddos-party.md'), join(app, 'ddos-postmortem.md'));
    const clean = npx(['check', 'ddos-postmortem.md']);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout.trimEnd().split('\n').pop()).toBe('✖ 9 problems (0 errors, 9 warnings) in 1 file');
    writeFileSync(join(app, 'broken-postmortem.md'), '# Outage\n\n## Summary\n\nIt broke.\n');
    expect(npx(['check', 'broken-postmortem.md']).code).toBe(1);

    expect(npx(['init']).code).toBe(0);
    const created = npx(['new', 'Disk full', '--date', '2024-03-12']);
    expect(created.stdout).toBe('postmortems/2024-03-12-disk-full.md\n');
    expect(npx(['check']).stdout).toMatch(/postmortems\/2024-03-12-disk-full\.md:\d+:\d+ +error +Unexpected placeholder/);
  });
});

describe('the pre-commit hook', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
  const hook = hooks.find((h) => h.id === 'postmortem-check')!;

  it('runs the package\'s bin on the staged files (pre-commit installs the repository as a node package)', () => {
    expect(hook.language).toBe('node');
    expect(hook.entry).toBe(`${Object.keys(pkg.bin)[0]} check`);
    expect(hook.types).toEqual(['markdown']);
    expect(hook.pass_filenames ?? true).toBe(true);
  });

  it('picks the files the default `paths` and `exclude` pick', () => {
    // pre-commit matches `files` and `exclude` with Python's re.search; these patterns mean the same in JavaScript.
    const files = new RegExp(hook.files as string);
    const exclude = new RegExp(hook.exclude as string);
    const byHook = (p: string) => files.test(p) && !exclude.test(p);
    const byConfig = picomatch(DEFAULT_PATHS, { ignore: DEFAULT_EXCLUDE });
    const samples = [
      'postmortems/2024-03-12-db.md', 'docs/postmortems/2024/q1/db.md', 'post-mortems/a.md', 'ops/incidents/x.md', 'incident-reports/y.md',
      'notes/2024-db-postmortem.md', 'db-post-mortem.md', 'postmortem.md', 'README.md', 'docs/guide.md', 'src/app.md',
      'postmortems/README.md', 'postmortems/index.md', 'postmortems/_draft.md', 'postmortems/template.md', 'docs/postmortem-template.md',
      'incidents/2024/README.md', 'CHANGELOG.md',
    ];
    expect(samples.filter(byHook)).toEqual(samples.filter((p) => byConfig(p)));
    expect(samples.filter(byHook)).toEqual([
      'postmortems/2024-03-12-db.md', 'docs/postmortems/2024/q1/db.md', 'post-mortems/a.md', 'ops/incidents/x.md', 'incident-reports/y.md',
      'notes/2024-db-postmortem.md', 'db-post-mortem.md', 'postmortem.md',
    ]);
  });
});
