/**
 * The V8 settings the entry points make (src/compile-cache.ts): by V8 version, and
 * only flags the runtime has, so no run ever prints V8's "unrecognized flag".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { v8FlagsFor } from '../src/compile-cache.js';
import { NODES, ROOT } from './support/run-action.js';

describe('V8 settings', () => {
  it('waits longer before optimising and grows heaps by half as much on the V8 versions it knows, and sets only the regexp flag on others', () => {
    expect(v8FlagsFor('11.3.244.8-node.33')).toEqual(['--no-regexp-tier-up', '--interrupt-budget=2400000', '--heap-growing-percent=100']);
    expect(v8FlagsFor('13.6.233.17-node.37')).toEqual(['--no-regexp-tier-up', '--invocation-count-for-turbofan=30000', '--invocation-count-for-maglev=4000', '--heap-growing-percent=100']);
    expect(v8FlagsFor('12.4.254.21-node.33')).toEqual(['--no-regexp-tier-up']);
    expect(v8FlagsFor('')).toEqual(['--no-regexp-tier-up']);
  });

  it.each(NODES)('%s has every flag set for its V8, and the bundle prints nothing about flags', (_name, node) => {
    const version = execFileSync(node, ['-p', 'process.versions.v8'], { encoding: 'utf8' }).trim();
    const options = execFileSync(node, ['--v8-options'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    for (const flag of v8FlagsFor(version)) {
      const name = flag.replace(/^--(?:no-)?/, '').replace(/=.*$/, '');
      expect(options, flag).toContain(`--${name} `);
    }
    const run = spawnSync(node, [join(ROOT, 'dist', 'cli.js'), 'check', join(ROOT, 'examples')], { encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/unrecognized flag|Try --help/);
    expect(run.status).toBe(0);
  });
});
