/**
 * Properties of the whole check over generated postmortems: headings (section
 * names among them), list items, task items, tables, bold times, dates, zones,
 * front matter, code blocks, quotes and random unicode, glued together.
 *
 * - checkDocument never throws and never reports an internal error;
 * - every finding sits inside the document (line and column);
 * - a file's result does not depend on the other files or their order;
 * - the check's time grows like a bare parse's with the document's size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config/resolve.js';
import * as yaml from 'yaml';
import { checkDocument } from '../../src/core/engine.js';
import { parseMarkdown } from '../../src/core/parse.js';
import { buildReport } from '../../src/core/report.js';
import { checkSet } from '../../src/io/check-set.js';
import { NOW } from '../helpers.js';

const config = resolveConfig({});

const SECTION_NAMES = [
  'Summary', 'Issue Summary', 'Impact', 'Timeline', 'Timeline (UTC)', 'Root Cause', 'Root Cause and Resolution',
  'Resolution', 'Action Items', 'Corrective and Preventive Measures', 'Follow-ups', 'Detection', 'Lessons Learned',
  'Remediation', 'Date', 'Incident Date', 'What went well',
];
const TIMES = ['10:00', '9:05 AM', '23:59', '00:00', '24:00', '12:61', '14:32 UTC', '10:00-11:30', '3pm PST', '10:00:15Z', '2023-11-07T10:00:00Z'];
const DATES = ['2023-11-07', 'November 7, 2023', '7 Nov 2023', '11/07/2023', '04-12-2022', 'Day 2', '2023-02-30', 'Friday'];
const ZONES = ['UTC', 'PST', 'Europe/Berlin', 'GMT+1', 'EAT', 'Eastern time', 'All times in PDT'];
const WORDS = ['the', 'queue', 'stalled', 'deploy', 'rolled back', '@dana', 'Owner: lee', 'due 2024-01-15', 'P1', '#123', '[AI-3]', '<!-- id: x -->', 'TODO', '[insert summary]', 'lasted 45 minutes', 'Duration: 4 hours', 'from 10:00 to 14:00 UTC'];

const inline: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(...TIMES),
  fc.constantFrom(...DATES),
  fc.constantFrom(...ZONES),
  fc.constantFrom(...TIMES).map((t) => `**${t}**`),
  fc.constantFrom(...TIMES).map((t) => `**${t}:**`),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const sentence = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' ').replace(/\r|\n/g, ' '));

const block: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.oneof(fc.constantFrom(...SECTION_NAMES), sentence)).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.constantFrom(...SECTION_NAMES).map((name) => `**${name}:**`),
  fc.constantFrom(...SECTION_NAMES).map((name) => `${name}:`),
  fc.array(fc.tuple(fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- [x] ', '  - '), sentence), { minLength: 1, maxLength: 6 }).map((items) => items.map(([m, s]) => m + s).join('\n')),
  fc.array(fc.tuple(fc.constantFrom(...TIMES), sentence), { minLength: 1, maxLength: 5 }).map((rows) => ['| Time | Event |', '| --- | --- |', ...rows.map(([t, s]) => `| ${t} | ${s.replace(/\|/g, '/')} |`)].join('\n')),
  fc.array(fc.tuple(sentence, fc.constantFrom('@dana', '', 'lee'), fc.constantFrom('2024-01-15', '', 'Q3')), { minLength: 1, maxLength: 4 }).map((rows) => ['| Action | Owner | Due |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '/')).join(' | ')} |`)].join('\n')),
  sentence.map((s) => '```\n' + s + '\n```'),
  sentence.map((s) => '> ' + s),
  sentence,
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const frontMatter = fc.option(
  fc.array(fc.constantFrom('title: Outage', 'start: 2023-11-07T10:00:00Z', 'end: 2023-11-07T14:00:00Z', 'duration: 4h', 'timezone: UTC', 'date: 2023-11-07', 'severity: SEV2', 'bad: [', 'x: &a 1', 'y: *a', ': :'), { maxLength: 6 }).map((lines) => `---\n${lines.join('\n')}\n---\n`),
  { nil: '' },
);

const document = fc.tuple(frontMatter, fc.array(block, { maxLength: 25 }), fc.constantFrom('\n', '\r\n')).map(([fm, blocks, eol]) => (fm + blocks.join('\n\n') + '\n').replace(/\r?\n/g, eol));

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

describe('checkDocument on generated postmortems', () => {
  it('never throws, never reports an internal error, and puts every finding inside the document', () => {
    fc.assert(
      fc.property(document, (text) => {
        const result = checkDocument('doc.md', text, config, { now: NOW, yaml });
        const lengths = lineLengths(text);
        for (const f of result.findings) {
          expect(f.message).not.toMatch(/internal error/i);
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lengths.length);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeLessThanOrEqual(lengths[f.line - 1] + 1);
        }
      }),
      { numRuns: 300, seed: 20241125 },
    );
  }, 60_000);

  it('also on raw bytes (any encoding, NULs, BOMs)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), (bytes, bom) => {
        const result = checkDocument('doc.md', new Uint8Array([...bom, ...bytes]), config, { now: NOW, yaml });
        for (const f of result.findings) {
          expect(f.message).not.toMatch(/internal error/i);
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300, seed: 20241125 },
    );
  }, 60_000);
});

describe('a file’s result does not depend on the other files or their order', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-property-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checkSet over shuffled lists gives the same report, kept models or not, and each file as when alone', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(document, { minLength: 2, maxLength: 6 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), async (docs, keys) => {
        const sub = join(dir, String(run++));
        const names = docs.map((_, i) => `pm-${i}.md`);
        rmSync(sub, { recursive: true, force: true });
        const { mkdirSync } = await import('node:fs');
        mkdirSync(sub);
        docs.forEach((d, i) => writeFileSync(join(sub, names[i]), d));
        const shuffled = names.map((n, i) => ({ n, k: keys[i] })).sort((a, b) => a.k - b.k || a.n.localeCompare(b.n)).map((x) => x.n);
        const forward = (await checkSet(names, { cwd: sub, config, now: NOW, models: true })).report;
        const mixed = (await checkSet(shuffled, { cwd: sub, config, now: NOW, models: true })).report;
        const reversed = (await checkSet([...names].reverse(), { cwd: sub, config, now: NOW })).report;
        expect(mixed).toEqual(forward);
        expect(reversed).toEqual(forward);
        for (const [i, name] of names.entries()) {
          const alone = (await checkSet([name], { cwd: sub, config, now: NOW, models: true })).report.files[0];
          expect(forward.files.find((f) => f.path === name)).toEqual(alone);
          expect(alone).toEqual(buildReport([checkDocument(name, docs[i], config, { now: NOW, yaml })]).files[0]);
        }
      }),
      { numRuns: 25, seed: 20241125 },
    );
  }, 60_000);
});

describe('time grows about linearly with size', () => {
  function median(values: number[]): number {
    const s = [...values].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
  }
  /**
   * The check's time over a bare parse's time of the same text, each the
   * median of interleaved runs. The parse is linear, so the ratio stays flat
   * when the check is; a busy machine slows both alike, which a wall-clock
   * limit could not tell from a slow check.
   */
  function overParse(text: string, runs: number): number {
    const check: number[] = [];
    const parse: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      parseMarkdown(text);
      parse.push(performance.now() - t);
      t = performance.now();
      const r = checkDocument('doc.md', text, config, { now: NOW, yaml });
      check.push(performance.now() - t);
      // The guards must not be what keeps it fast.
      expect(r.findings.filter((f) => f.rule === 'readable-file')).toEqual([]);
    }
    return median(check) / median(parse);
  }

  it('doubling a generated document does not grow the check\'s time over a bare parse\'s', () => {
    // A fixed sample of generated documents, each grown by repeating its blocks.
    const samples = fc.sample(fc.array(block, { minLength: 8, maxLength: 20 }), { numRuns: 3, seed: 7 });
    for (const blocks of samples) {
      const unit = '# Incident\n\n' + blocks.join('\n\n') + '\n\n';
      const sizes = [4_000, 8_000, 16_000, 32_000];
      const docs = sizes.map((size) => unit.repeat(Math.max(1, Math.round(size / unit.length))));
      overParse(docs[0], 2); // warm up
      const ratios = docs.map((d) => overParse(d, 5));
      console.log(`check/parse: ${docs.map((d, i) => `${d.length} chars ${ratios[i].toFixed(2)}`).join(', ')}`);
      // Work quadratic in the size would grow the ratio 8x over this range (4k to 32k); linear work keeps it
      // flat. 2.5x leaves room for noise and for the garbage collector's share growing with the heap.
      expect(ratios[ratios.length - 1], `${docs[0].length} → ${docs[docs.length - 1].length} chars`).toBeLessThanOrEqual(2.5 * ratios[0]);
    }
  }, 120_000);
});
