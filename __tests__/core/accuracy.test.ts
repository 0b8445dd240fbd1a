/**
 * The reader against a careful human reader's labels: the shared scorer
 * (a committed copy, __tests__/support/score.mjs) runs the bundled CLI over
 * the committed copy of the labelled corpus (__tests__/fixtures/corpus, with
 * labels.json made to __tests__/support/LABELING.md). A change that lowers any
 * score below the figures the project promises fails here, on a fresh clone.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = join(FIXTURES, 'corpus');

interface Scores {
  docs: number;
  sections: number;
  itemSets: number;
  itemPrecision: number;
  itemRecall: number;
  timedEntries: number;
  inconsistencyRecall: number;
  inconsistencyPrecision: number;
  findingsPerFlaggedDoc: number;
  missing: number;
}

function score(): Scores {
  const args = [join(ROOT, '__tests__/support/score.mjs'), '--dir', CORPUS, '--labels', join(CORPUS, 'labels.json'), '--cli', join(ROOT, 'dist/cli.js'), '--json'];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Scores;
}

describe('reading the labelled corpus', () => {
  const s = score();

  it('reads every labelled document', () => {
    expect([s.docs, s.missing]).toEqual([71, 0]);
  });

  it('finds the sections a reader sees (>= 99%)', () => {
    expect(s.sections).toBeGreaterThanOrEqual(99);
  });

  it('gets the exact set of action items in >= 95% of documents', () => {
    expect(s.itemSets).toBeGreaterThanOrEqual(95);
  });

  it('finds action items with precision and recall >= 97%', () => {
    expect(s.itemPrecision).toBeGreaterThanOrEqual(97);
    expect(s.itemRecall).toBeGreaterThanOrEqual(97);
  });

  it('gives a time to >= 98% of the timed timeline entries', () => {
    expect(s.timedEntries).toBeGreaterThanOrEqual(98);
  });

  it('finds >= 80% of the timeline problems, >= 90% of flagged documents really have one, <= 1.5 findings each', () => {
    expect(s.inconsistencyRecall).toBeGreaterThanOrEqual(80);
    expect(s.inconsistencyPrecision).toBeGreaterThanOrEqual(90);
    expect(s.findingsPerFlaggedDoc).toBeLessThanOrEqual(1.5);
  });
});
