#!/usr/bin/env node
// The checks that make a release safe to cut, and its notes (RELEASING.md; the
// Release workflow runs them on the pushed tag, after the tests and the dist/ check):
//
//   node scripts/release.mjs verify v1.2.0   the tag, package.json, src/version.ts and the
//                                            CHANGELOG agree; action.yml runs on node24
//   node scripts/release.mjs notes v1.2.0    the CHANGELOG section of that version (the release notes)
//   node scripts/release.mjs major v1.2.0    the moving major tag to point at it (v1), or
//                                            nothing for a pre-release (v1.2.0-rc.1)
//
// --root DIR reads another checkout (the tests use it). Exit 1 lists every problem.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?$/;

/** The section `## <version>` (a date may follow) up to the next `## `, without its heading. */
export function changelogSection(changelog, version) {
  const lines = changelog.replace(/\r\n/g, '\n').split('\n');
  const escaped = version.replace(/[.]/g, '\\.');
  const start = lines.findIndex((l) => new RegExp(`^## \\[?${escaped}\\]?(?:\\s|$)`).test(l));
  if (start < 0) return null;
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim();
}

export function verify(root, tag) {
  const problems = [];
  const m = TAG.exec(tag);
  if (!m) return [`Unexpected tag "${tag}", expected vMAJOR.MINOR.PATCH (or vMAJOR.MINOR.PATCH-PRERELEASE)`];
  const version = tag.slice(1);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (pkg.version !== version) problems.push(`package.json has version ${pkg.version}, expected ${version} (npm version ${version} --no-git-tag-version)`);
  const source = readFileSync(join(root, 'src', 'version.ts'), 'utf8');
  const stated = /export const VERSION = '([^']+)'/.exec(source)?.[1];
  if (stated !== version) problems.push(`src/version.ts has VERSION ${stated ?? '(none)'}, expected ${version}`);
  const notes = changelogSection(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), version);
  if (notes === null) problems.push(`CHANGELOG.md has no "## ${version}" section, expected the release notes there`);
  else if (notes === '') problems.push(`CHANGELOG.md's "## ${version}" section is empty, expected the release notes`);
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
  if (action?.runs?.using !== 'node24' || action?.runs?.main !== 'dist/index.js') problems.push(`action.yml runs ${action?.runs?.using} ${action?.runs?.main}, expected node24 dist/index.js`);
  if (pkg.private) problems.push('package.json is private, expected a publishable package');
  return problems;
}

export function majorTag(tag) {
  const m = TAG.exec(tag);
  return m && !m[4] ? `v${m[1]}` : null;
}

function main() {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? args.splice(rootAt, 2)[1] : join(dirname(fileURLToPath(import.meta.url)), '..');
  const [command, tag] = args;
  if (command === 'verify' && tag) {
    const problems = verify(root, tag);
    for (const p of problems) process.stderr.write(`release: ${p}\n`);
    if (problems.length === 0) process.stdout.write(`release: ${tag} is ready (versions, changelog and action.yml agree)\n`);
    process.exitCode = problems.length === 0 ? 0 : 1;
  } else if (command === 'notes' && tag) {
    const notes = changelogSection(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), tag.replace(/^v/, ''));
    if (!notes) {
      process.stderr.write(`release: CHANGELOG.md has no notes for ${tag}\n`);
      process.exitCode = 1;
    } else process.stdout.write(notes + '\n');
  } else if (command === 'major' && tag) {
    const major = majorTag(tag);
    if (major) process.stdout.write(major + '\n');
  } else {
    process.stderr.write('Usage: node scripts/release.mjs verify|notes|major vX.Y.Z [--root DIR]\n');
    process.exitCode = 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
