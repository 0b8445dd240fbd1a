/**
 * The runner runs the action on Node 24 (action.yml: node24). The bundle's tests run
 * under it where tools/node24 has a build for this platform (scripts/node24.mjs); where
 * it has none this file says so by name, as a skipped test, instead of passing quietly.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE24, NODE24_MISSING, NODES, ROOT } from '../support/run-action.js';

if (NODE24_MISSING) console.warn(`Node 24 runs of the bundle SKIPPED: ${NODE24_MISSING}.`);

describe('Node 24, the runner\'s Node', () => {
  it.skipIf(NODE24 === null)(`the action and CLI bundles run under it${NODE24_MISSING ? ` (SKIPPED: ${NODE24_MISSING})` : ''}`, () => {
    expect(NODES.map(([name]) => name)).toContain('node 24');
    expect(execFileSync(NODE24!, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./);
    expect(execFileSync(NODE24!, [join(ROOT, 'dist', 'cli.js'), '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
