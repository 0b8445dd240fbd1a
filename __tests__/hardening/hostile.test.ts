/**
 * Hostile input never crashes a run, never hangs it, and never hides other
 * files' results. Each input goes through the engine (checkDocument) and
 * through the CLI bundle (`node dist/cli.js check DIR --format json`, the
 * hostile file next to a good postmortem). Small inputs live in
 * __tests__/fixtures/hostile/; large ones are generated into a temp dir.
 *
 * Every case must finish within BOUND_MS (a generous bound, not a benchmark;
 * the measured time is printed), the hostile file must get a clear finding or
 * be checked normally, the good file must report exactly as it does alone,
 * and the CLI must exit 0 or 1 with no internal error on stderr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, FIXTURES } from '../helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(root, 'dist');
/** The bundle is copied to the temp dir first, so a rebuild of dist/ during the run cannot pull it away. */
let CLI = join(DIST, 'cli.js');
const GOOD = join(root, 'examples', '2024-03-12-checkout-latency.md');
const GOOD_NAME = '2024-03-12-checkout-latency.md';
const BOUND_MS = 20_000;
const MiB = 1024 * 1024;

type Expect =
  /** A readable-file finding whose message matches, at this line when given; the file is not parsed. */
  | { readable: RegExp; line?: number }
  /** Parsed, with a readable-file warning/error that matches (invalid UTF-8 goes on with replacement characters). */
  | { readableParsed: RegExp; line?: number }
  /** Parsed, with a front-matter-syntax finding at this line. */
  | { frontMatter: number }
  /** Checked normally: parsed, and no readable-file finding. */
  | 'checked';

interface Case {
  name: string;
  /** File name inside the temp dir. */
  file: string;
  bytes: () => Uint8Array;
  expect: Expect;
  /** Extra assertions on the engine's result. */
  more?: (result: ReturnType<typeof check>) => void;
}

const enc = (s: string) => new TextEncoder().encode(s);
const good = readFileSync(GOOD, 'utf8');

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (bigEndian) body.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
}

/** A postmortem whose timeline holds `lines` (each a list item unless it starts with "|"). */
function withTimeline(entries: string[]): string {
  return [
    '# Hostile timeline',
    '',
    '## Summary',
    '',
    'The queue stalled.',
    '',
    '## Timeline',
    '',
    ...entries,
    '',
    '## Root cause',
    '',
    'A full disk.',
    '',
    '## Resolution',
    '',
    'Freed space.',
    '',
    '## Action items',
    '',
    '- [ ] Alert on disk usage @dana',
    '',
  ].join('\n');
}

const fixtureCases: Case[] = readdirSync(join(FIXTURES, 'hostile'))
  .sort()
  .map((file): Case => {
    const bytes = () => new Uint8Array(readFileSync(join(FIXTURES, 'hostile', file)));
    const expectations: Record<string, Pick<Case, 'expect' | 'more'>> = {
      'binary-png.md': { expect: { readable: /binary data/, line: 3 } },
      'invalid-utf8.md': { expect: { readableParsed: /invalid UTF-8/, line: 5 } },
      'yaml-billion-laughs.md': { expect: { frontMatter: 2 }, more: (r) => expect(r.findings.find((f) => f.rule === 'front-matter-syntax')!.message).toMatch(/alias/i) },
      'yaml-python-tag.md': { expect: { frontMatter: 3 } },
      'yaml-custom-tag.md': { expect: { frontMatter: 3 } },
      'yaml-duplicate-keys.md': { expect: { frontMatter: 3 } },
      'yaml-broken.md': { expect: { frontMatter: 3 } },
      'yaml-merge-keys.md': {
        expect: 'checked',
        // Merge keys are off: `<<` is a plain key, so the merged title is not taken.
        more: (r) => expect(r.model!.title).toBe('Merge keys'),
      },
      'yaml-unclosed.md': { expect: 'checked', more: (r) => expect(r.model!.actionItems).toHaveLength(1) },
      'html-script.md': {
        expect: 'checked',
        more: (r) => {
          expect(r.model!.title).not.toMatch(/<script|<img/);
          expect(r.model!.actionItems.map((a) => a.owner)).toEqual(['dana', 'lee', 'kim']);
        },
      },
      'unicode-rtl-zero-width.md': { expect: 'checked', more: (r) => expect(r.model!.actionItems).toHaveLength(2) },
      'team-mentions.md': { expect: 'checked', more: (r) => expect(r.model!.actionItems[0].owner).toBe('acme/sre') },
      'fake-markers.md': {
        expect: 'checked',
        more: (r) => {
          const items = r.model!.actionItems;
          expect(items).toHaveLength(4);
          // A fake hidden marker never sets an item's id, and is not part of its title.
          expect(items.map((a) => a.id)).not.toContain('ai-0000000');
          expect(items.map((a) => a.id)).not.toContain('ai-evil');
          for (const a of items) expect(a.title).not.toContain('postmortem-governance:');
        },
      },
    };
    const e = expectations[file];
    if (!e) throw new Error(`no expectation for hostile fixture ${file}`);
    return { name: file, file, bytes, ...e };
  });

const generated: Case[] = [
  { name: 'UTF-16LE with BOM', file: 'utf16le.md', bytes: () => utf16(good, false), expect: 'checked' },
  { name: 'UTF-16BE with BOM', file: 'utf16be.md', bytes: () => utf16(good, true), expect: 'checked' },
  { name: '50 MB file', file: 'fifty-mb.md', bytes: () => new Uint8Array(50 * MiB).fill(0x61), expect: { readable: /file of 50\.0 MiB/ } },
  { name: 'one 5 MB line', file: 'five-mb-line.md', bytes: () => enc('x'.repeat(5 * MiB)), expect: { readable: /file of 5\.0 MiB/ } },
  { name: 'a 1,000,000-character line', file: 'million-line.md', bytes: () => enc('# T\n\n' + 'word '.repeat(200_000)), expect: { readable: /line of 1000000 characters/, line: 3 } },
  {
    // A Google Docs export embeds its images as data URIs: one line of hundreds of kilobytes that says nothing.
    name: 'an image embedded as a 600,000-character data URI',
    file: 'docs-export.md',
    bytes: () => enc('# T\n\n## Action items\n\n- Add an alert on disk queue depth ![][image1]\n\n[image1]: <data:image/png;base64,' + 'iVBORw0K'.repeat(75_000) + '>\n'),
    expect: 'checked',
    more: (result) => expect(result.model!.actionItems.map((a) => a.line)).toEqual([5]),
  },
  { name: '10,000-deep nested lists', file: 'nested-lists.md', bytes: () => enc('# T\n\n' + '- '.repeat(10_000) + 'x\n'), expect: { readable: /nesting/, line: 3 } },
  { name: '1,000-deep nested lists by indentation', file: 'nested-indent.md', bytes: () => enc(Array.from({ length: 1_000 }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n')), expect: { readable: /nesting/ } },
  { name: '10,000-deep ordered lists (regression: stack overflow after 30 s)', file: 'nested-ordered.md', bytes: () => enc('1. '.repeat(10_000) + 'x\n'), expect: { readable: /nesting/, line: 1 } },
  { name: '10,000-deep tab lists (regression: stack overflow after 100 s)', file: 'nested-tab.md', bytes: () => enc('-\t'.repeat(10_000) + 'x\n'), expect: { readable: /nesting/, line: 1 } },
  { name: '10,000-deep blockquotes', file: 'nested-quotes.md', bytes: () => enc('> '.repeat(10_000) + 'x\n'), expect: { readable: /nesting/, line: 1 } },
  { name: '10,000-deep blockquotes without spaces', file: 'nested-quotes-tight.md', bytes: () => enc('>'.repeat(10_000) + ' x\n'), expect: { readable: /nesting/, line: 1 } },
  {
    name: '10,000 timeline entries',
    file: 'ten-thousand.md',
    bytes: () => enc(withTimeline(Array.from({ length: 10_000 }, (_, i) => `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} UTC event ${i}`))),
    expect: 'checked',
    more: (r) => expect(r.model!.timeline).toHaveLength(10_000),
  },
  {
    name: '10,000 timeline rows in one table',
    file: 'ten-thousand-rows.md',
    bytes: () => enc(withTimeline(['| Time | Event |', '| --- | --- |', ...Array.from({ length: 10_000 }, (_, i) => `| 10:${String(i % 60).padStart(2, '0')} UTC | event ${i} |`)])),
    expect: { readable: /characters of text without a blank line/ },
  },
  { name: 'timestamps "1:1:1:1…"', file: 'redos-colons.md', bytes: () => enc(withTimeline(['- ' + '1:'.repeat(20_000) + '1 UTC x'])), expect: 'checked' },
  { name: 'timestamps "2023-2023-…"', file: 'redos-years.md', bytes: () => enc(withTimeline(['- ' + '2023-'.repeat(8_000) + '01 10:00 x'])), expect: 'checked' },
  { name: 'timestamps "10:00 10:00 …"', file: 'redos-times.md', bytes: () => enc(withTimeline(['- ' + '10:00 '.repeat(5_000) + 'x', '- ' + '10:00-'.repeat(5_000) + 'x'])), expect: 'checked' },
  { name: 'long digit runs', file: 'redos-digits.md', bytes: () => enc(withTimeline(['- ' + '1'.repeat(30_000) + ' UTC', '- ' + '0'.repeat(15_000) + ':' + '0'.repeat(15_000)])), expect: 'checked' },
  {
    name: 'timestamps with many zone words and dates',
    file: 'redos-zones.md',
    bytes: () => enc(withTimeline(Array.from({ length: 500 }, (_, i) => `- ${'UTC PST 2023-01-0 Jan 1 1st at 10:0 am pm '.repeat(20)}${i}`))),
    expect: 'checked',
  },
  {
    name: 'a 99,999-character paragraph (regression: quadratic in micromark)',
    file: 'long-paragraph.md',
    bytes: () => enc('# T\n\n' + 'x y z w 1\n'.repeat(9_999)),
    expect: { readable: /characters of text without a blank line \(lines 3–/, line: 3 },
  },
  {
    name: '4,000 lists ended by a comment (regression: 20 s in micromark)',
    file: 'lazy-endings.md',
    bytes: () => enc('# T\n\n' + '- a\n<!-- c -->\n'.repeat(4_000)),
    expect: { readable: /lists or blockquotes ending by line/ },
  },
  {
    name: '4,000 blockquotes (regression: 16 s in micromark)',
    file: 'many-quotes.md',
    bytes: () => enc('> a\n\n'.repeat(4_000)),
    expect: { readable: /lists or blockquotes ending by line/ },
  },
];

const cases = [...fixtureCases, ...generated];
let work: string;
let goodAlone: unknown;

function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, maxBuffer: 256 * MiB, timeout: BOUND_MS * 2 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

function goodReport(json: string): unknown {
  const report = JSON.parse(json) as { files: Array<{ path: string }> };
  const file = report.files.find((f) => f.path.endsWith(GOOD_NAME));
  expect(file, 'the good postmortem is in the report').toBeDefined();
  return { ...file, path: GOOD_NAME };
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node scripts/bundle.mjs` (npm test does) first');
  work = mkdtempSync(join(tmpdir(), 'pm-hostile-'));
  cpSync(DIST, join(work, 'dist'), { recursive: true });
  writeFileSync(join(work, 'package.json'), '{"type":"module"}\n');
  CLI = join(work, 'dist', 'cli.js');
  mkdirSync(join(work, 'alone'));
  copyFileSync(GOOD, join(work, 'alone', GOOD_NAME));
  const alone = await cli(['check', 'alone', '--format', 'json'], work);
  expect(alone.stderr).toBe('');
  goodAlone = goodReport(alone.stdout);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('hostile input: the engine', () => {
  for (const c of cases) {
    it(c.name, () => {
      const bytes = c.bytes();
      const started = performance.now();
      const result = check(bytes, {}, c.file);
      const ms = performance.now() - started;
      console.log(`engine ${c.name}: ${bytes.length} bytes in ${ms.toFixed(0)} ms`);
      expect(ms).toBeLessThan(BOUND_MS);
      for (const f of result.findings) {
        expect(f.message).not.toMatch(/internal error/i);
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.column).toBeGreaterThanOrEqual(1);
      }
      const readable = result.findings.filter((f) => f.rule === 'readable-file');
      const e = c.expect;
      if (e === 'checked') {
        expect(readable).toEqual([]);
        expect(result.parsed).toBe(true);
      } else if ('readable' in e || 'readableParsed' in e) {
        const pattern = 'readable' in e ? e.readable : e.readableParsed;
        expect(readable.map((f) => f.message).join('\n')).toMatch(pattern);
        if (e.line !== undefined) expect(readable[0].line).toBe(e.line);
        expect(result.parsed).toBe(!('readable' in e));
      } else {
        expect(result.parsed).toBe(true);
        const fm = result.findings.filter((f) => f.rule === 'front-matter-syntax');
        expect(fm.length).toBeGreaterThan(0);
        expect(fm[0].line).toBe(e.frontMatter);
      }
      c.more?.(result);
    }, BOUND_MS * 2);
  }

  it('decodes UTF-16 (either byte order) exactly like UTF-8', () => {
    const plain = check(good, {}, GOOD_NAME);
    expect(check(utf16(good, false), {}, GOOD_NAME)).toEqual(plain);
    expect(check(utf16(good, true), {}, GOOD_NAME)).toEqual(plain);
  });
});

describe('hostile input: the CLI, next to a good postmortem', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const dir = join(work, c.file.replace(/\W+/g, '-'));
      mkdirSync(dir);
      writeFileSync(join(dir, c.file), c.bytes());
      copyFileSync(GOOD, join(dir, GOOD_NAME));
      const r = await cli(['check', dir, '--format', 'json'], work);
      console.log(`cli ${c.name}: exit ${r.code} in ${r.ms.toFixed(0)} ms`);
      rmSync(dir, { recursive: true, force: true });
      expect(r.ms).toBeLessThan(BOUND_MS);
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(goodReport(r.stdout)).toEqual(goodAlone);
      const report = JSON.parse(r.stdout) as { files: Array<{ path: string; findings: Array<{ rule: string; message: string; line: number }> }> };
      expect(report.files).toHaveLength(2);
      const hostile = report.files.find((f) => f.path.endsWith(c.file))!;
      expect(hostile, 'the hostile file is in the report').toBeDefined();
      for (const f of hostile.findings) expect(f.message).not.toMatch(/internal error/i);
      const readable = hostile.findings.filter((f) => f.rule === 'readable-file');
      const e = c.expect;
      if (e === 'checked') expect(readable).toEqual([]);
      else if ('readable' in e || 'readableParsed' in e) expect(readable.map((f) => f.message).join('\n')).toMatch('readable' in e ? e.readable : e.readableParsed);
      else expect(hostile.findings.find((f) => f.rule === 'front-matter-syntax')?.line).toBe(e.frontMatter);
    }, BOUND_MS * 2);
  }
});
