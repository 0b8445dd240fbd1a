/**
 * What a release needs: a LICENSE that says what package.json says, the bundled
 * packages' licences in dist/licenses.txt, a CHANGELOG, and the checks the Release
 * workflow runs before it publishes anything (scripts/release.mjs).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json'));

function release(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'release.mjs'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the files release.mjs reads, at `version`, with CHANGELOG text `changelog`. */
function checkout(version: string, changelog: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-release-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, version }));
  writeFileSync(join(dir, 'src', 'version.ts'), read('src/version.ts').replace(/VERSION = '[^']+'/, `VERSION = '${version}'`));
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
  cpSync(join(ROOT, 'action.yml'), join(dir, 'action.yml'));
  return dir;
}

describe('licences', () => {
  it('LICENSE is the MIT licence package.json declares', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} .+\n\nPermission is hereby granted, free of charge/);
  });

  it('dist/licenses.txt carries the licence of every bundled package, all of them permissive', () => {
    const text = read('dist/licenses.txt');
    const listed = [...text.matchAll(/^ {2}(\S+)@(\S+) {2}(.+)$/gm)].map((m) => ({ name: m[1], version: m[2], license: m[3] }));
    // The libraries the product is made of are all there (esbuild's metafile lists every bundled file).
    for (const name of ['unified', 'remark-parse', 'remark-gfm', 'micromark', 'yaml', 'luxon', 'zod', 'picomatch', 'tinyglobby', '@actions/core', '@actions/github', '@octokit/core', '@octokit/plugin-retry', 'undici', 'bottleneck']) {
      expect(listed.map((p) => p.name), name).toContain(name);
    }
    for (const p of listed) {
      expect(['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD'], `${p.name}@${p.version}`).toContain(p.license);
      // Each entry has its section with the licence text (or says the package ships none).
      const section = text.split(`\n${'-'.repeat(78)}\n${p.name}@${p.version}  (`)[1]?.split(`\n${'-'.repeat(78)}\n`)[0] ?? '';
      expect(section, `${p.name}@${p.version}`).toMatch(/Permission|Licensed under|Apache License|Redistribution and use|ships no licence file/);
    }
    expect(listed.length).toBeGreaterThan(50);
    // Each entry point says where the notices are.
    for (const entry of ['index.js', 'cli.js', 'worker.js']) expect(read(`dist/${entry}`)).toContain('licenses.txt beside this file');
  });
});

describe('the changelog', () => {
  it('has an Unreleased section (what the next release notes start from)', () => {
    expect(read('CHANGELOG.md')).toMatch(/^## Unreleased\n\n\S/m);
  });
});

describe('scripts/release.mjs: the checks before a release is cut', () => {
  const notes = '# Changelog\n\n## Unreleased\n\n## 1.2.0 - 2026-12-01\n\n### Fixed\n\n- Charts.\n\n## 1.1.0 - 2026-11-01\n\n- Older.\n';

  it('passes when the tag, package.json, src/version.ts and the CHANGELOG agree; prints the notes and the major tag', () => {
    const dir = checkout('1.2.0', notes);
    const ok = release(['verify', 'v1.2.0', '--root', dir]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(release(['notes', 'v1.2.0', '--root', dir]).stdout).toBe('### Fixed\n\n- Charts.\n');
    expect(release(['major', 'v1.2.0']).stdout).toBe('v1\n');
    expect(release(['major', 'v2.0.0-rc.1']).stdout).toBe(''); // a pre-release leaves the major tag alone
  });

  it('lists every disagreement, and exits 1', () => {
    const dir = checkout('1.1.0', notes.replace('### Fixed\n\n- Charts.\n', ''));
    const bad = release(['verify', 'v1.2.0', '--root', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      [
        'release: package.json has version 1.1.0, expected 1.2.0 (npm version 1.2.0 --no-git-tag-version)',
        'release: src/version.ts has VERSION 1.1.0, expected 1.2.0',
        'release: CHANGELOG.md\'s "## 1.2.0" section is empty, expected the release notes',
        '',
      ].join('\n'),
    );
    expect(release(['verify', 'v1.3.0', '--root', checkout('1.3.0', notes)]).stderr).toBe('release: CHANGELOG.md has no "## 1.3.0" section, expected the release notes there\n');
    expect(release(['verify', 'release-1', '--root', dir]).stderr).toMatch(/Unexpected tag "release-1", expected vMAJOR\.MINOR\.PATCH/);
  });

  it('the version in the repository is one release.mjs accepts the shape of', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/);
    expect(read('src/version.ts')).toContain(`VERSION = '${pkg.version}'`);
  });
});
