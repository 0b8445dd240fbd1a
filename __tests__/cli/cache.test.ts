import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config/settle.js';
import { resolveConfig } from '../../src/core/config/resolve.js';
import { runCli } from '../../src/cli/main.js';
import { dispatchOrder, tailBytes } from '../../src/io/pool.js';
import { underDirectory } from '../../src/io/files.js';
import { cachedFileCount, CLOCK_RULES } from '../../src/io/cache.js';
import { ROOT } from '../support/run-action.js';

// Later than every date in the corpus: no finding depends on the clock (those are checked again, see below).
const NOW = new Date('2090-06-01T12:00:00Z');
const CORPUS = join(ROOT, '__tests__', 'fixtures', 'corpus');

/** A project holding a copy of the labelled corpus under postmortems/. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-cache-'));
  cpSync(CORPUS, join(dir, 'postmortems'), { recursive: true, filter: (src) => !src.endsWith('.json') });
  return dir;
}

/** The CLI in this process (the engine from src/), with a fixed clock. */
async function run(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {}, now: NOW });
  return { code, stdout, stderr };
}

/** The bundled CLI as a process. */
function bundled(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const parsedLine = (stderr: string) => /(\d+) files?: (\d+) parsed, (\d+) unchanged/.exec(stderr)?.slice(1).map(Number);

/** Rewrite the cache's JSON header (the engine that wrote it, say), keeping it a valid file otherwise. */
function editHeader(file: string, edit: (header: Record<string, unknown>) => void): void {
  const raw = readFileSync(file);
  const cut = raw.indexOf(10);
  const body = raw.subarray(cut + 1);
  const end = body.indexOf(10);
  const header = JSON.parse(body.subarray(0, end).toString());
  edit(header);
  const edited = Buffer.concat([Buffer.from(JSON.stringify(header)), body.subarray(end)]);
  const checksum = createHash('sha256').update(edited).digest('hex');
  writeFileSync(file, Buffer.concat([Buffer.from(`#postmortem-cache 2 ${checksum}\n`), edited]));
}

describe('the content cache', () => {
  it('gives byte-identical reports on a hit, in every format of check and audit, and parses nothing', async () => {
    const dir = project();
    const files = 70; // 71 documents, one of them a template (excluded by default)
    const runs: Array<[string, string]> = [
      ['check', 'text'],
      ['check', 'json'],
      ['check', 'sarif'],
      ['audit', 'json'],
      ['audit', 'text'],
      ['audit', 'sarif'],
      ['audit', 'markdown'],
    ];
    let first = true;
    for (const [command, format] of runs) {
      const cold = await run(dir, [command, 'postmortems', '--format', format]);
      const writing = await run(dir, [command, 'postmortems', '--format', format, '--cache']);
      const hit = await run(dir, [command, 'postmortems', '--format', format, '--cache']);
      expect(cold.stdout.length).toBeGreaterThan(1000);
      expect(writing.stdout, `${command} ${format} (writing)`).toBe(cold.stdout);
      expect(hit.stdout, `${command} ${format} (hit)`).toBe(cold.stdout);
      expect([writing.code, hit.code]).toEqual([cold.code, cold.code]);
      expect(parsedLine(writing.stderr)).toEqual(first ? [files, files, 0] : [files, 0, files]);
      expect(parsedLine(hit.stderr)).toEqual([files, 0, files]);
      first = false;
    }
  });

  it('a changed config makes every file a miss: a note, a full run, the new config\'s report', async () => {
    const dir = project();
    await run(dir, ['check', 'postmortems', '--cache']);
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github', 'postmortem.yml'), 'rules:\n  timeline-untimed: off\n');
    const cold = await run(dir, ['check', 'postmortems', '--format', 'json']);
    const cached = await run(dir, ['check', 'postmortems', '--format', 'json', '--cache']);
    expect(cached.stderr).toContain('was written with another configuration or runtime; checking every file');
    expect(parsedLine(cached.stderr)?.slice(0, 2)).toEqual([70, 70]);
    expect(cached.stdout).toBe(cold.stdout);
    expect(cold.stdout).not.toContain('timeline-untimed');
    expect(parsedLine((await run(dir, ['check', 'postmortems', '--cache'])).stderr)).toEqual([70, 0, 70]);
  });

  it('a cache written by another engine version is not trusted: a note and a full, correct run', () => {
    const dir = project();
    const cold = bundled(dir, ['check', 'postmortems', '--format', 'json']);
    expect(parsedLine(bundled(dir, ['check', 'postmortems', '--cache']).stderr)).toEqual([70, 70, 0]);
    editHeader(join(dir, '.postmortemcache'), (h) => (h.engine = '0.0.9+0123456789abcdef'));
    const after = bundled(dir, ['check', 'postmortems', '--format', 'json', '--cache']);
    expect(after.stderr).toMatch(/was written by another engine \(0\.0\.9\+0123456789abcdef, this is 0\.1\.0\+[0-9a-f]{16}\); checking every file/);
    expect(parsedLine(after.stderr)).toEqual([70, 70, 0]);
    expect(after.stdout).toBe(cold.stdout);
    // The source engine (these tests' process) and the bundle's are different engines too.
    return run(dir, ['check', 'postmortems', '--cache']).then((r) => expect(r.stderr).toMatch(/was written by another engine \(0\.1\.0\+[0-9a-f]{16}, this is 0\.1\.0\+source\)/));
  });

  it('a damaged or truncated cache is ignored with a note, and replaced by a good one', async () => {
    const dir = project();
    const cold = await run(dir, ['check', 'postmortems', '--format', 'json']);
    await run(dir, ['check', 'postmortems', '--cache']);
    const file = join(dir, '.postmortemcache');
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[Math.floor(good.length / 2)] ^= 0xff;
    for (const bad of [flipped, good.subarray(0, Math.floor(good.length / 2)), good.subarray(0, 25)]) {
      writeFileSync(file, bad);
      const r = await run(dir, ['check', 'postmortems', '--format', 'json', '--cache']);
      expect(r.stderr).toMatch(/cache \S+\.postmortemcache is damaged or truncated; checking every file/);
      expect(parsedLine(r.stderr)).toEqual([70, 70, 0]);
      expect(r.stdout).toBe(cold.stdout);
      expect(parsedLine((await run(dir, ['check', 'postmortems', '--cache'])).stderr)).toEqual([70, 0, 70]);
    }
  });

  it('a cache from another project is ignored with a note, and the run is full and correct', async () => {
    const a = project();
    const b = project();
    writeFileSync(join(b, 'postmortems', '047-alx-3become4-truncated-scenario-no-times.md'), '# Not the same document\n');
    await run(a, ['check', 'postmortems', '--cache']);
    cpSync(join(a, '.postmortemcache'), join(b, '.postmortemcache'));
    const cold = await run(b, ['check', 'postmortems', '--format', 'json']);
    const r = await run(b, ['check', 'postmortems', '--format', 'json', '--cache']);
    expect(r.stderr).toMatch(/belongs to another project \(\S+pm-cache-\w+\); checking every file/);
    expect(parsedLine(r.stderr)).toEqual([70, 70, 0]);
    expect(r.stdout).toBe(cold.stdout);
  });

  it('a newer format is ignored with a note; a file that is not a cache is never overwritten', async () => {
    const dir = project();
    writeFileSync(join(dir, '.postmortemcache'), '#postmortem-cache 3\nwhatever a later version writes');
    const newer = await run(dir, ['check', 'postmortems', '--cache']);
    expect(newer.stderr).toContain('has a newer format (3) than this version reads (2); checking every file');
    expect(readFileSync(join(dir, '.postmortemcache')).subarray(0, 20).toString()).toBe('#postmortem-cache 2 ');
    // Format 1 (brotli-compressed, written by earlier builds): read as older, the run full, the file replaced.
    writeFileSync(join(dir, '.postmortemcache'), Buffer.concat([Buffer.from(`#postmortem-cache 1 ${'0'.repeat(64)}\n`), Buffer.from([0x1b, 0x03, 0x00])]));
    const older = await run(dir, ['check', 'postmortems', '--cache']);
    expect(older.stderr).toContain('has an older format (1) than this version writes (2); checking every file');
    expect(parsedLine(older.stderr)).toEqual([70, 70, 0]);
    expect(readFileSync(join(dir, '.postmortemcache')).subarray(0, 20).toString()).toBe('#postmortem-cache 2 ');

    writeFileSync(join(dir, 'notes.txt'), 'my notes\n');
    const foreign = await run(dir, ['check', 'postmortems', '--cache-location', 'notes.txt']);
    expect(foreign.stderr).toContain('notes.txt is not a postmortem cache (left as it is; no cache is written); checking every file');
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('my notes\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a directory as the location holds .postmortemcache; a run over some files keeps the others\' entries', async () => {
    const dir = project();
    mkdirSync(join(dir, 'cache'));
    expect(parsedLine((await run(dir, ['check', 'postmortems', '--cache-location', 'cache/'])).stderr)).toEqual([70, 70, 0]);
    expect(readdirSync(join(dir, 'cache'))).toEqual(['.postmortemcache']);
    const one = 'postmortems/047-alx-3become4-truncated-scenario-no-times.md';
    expect(parsedLine((await run(dir, ['check', one, '--cache-location', 'cache'])).stderr)).toEqual([1, 0, 1]);
    expect(parsedLine((await run(dir, ['check', 'postmortems', '--cache-location', 'cache'])).stderr)).toEqual([70, 0, 70]);
  });

  it('tells how many files a cache holds from its header alone, and 0 for anything else', async () => {
    const dir = project();
    expect(await cachedFileCount('.postmortemcache', dir)).toBe(0);
    await run(dir, ['check', 'postmortems', '--cache']);
    expect(await cachedFileCount('.postmortemcache', dir)).toBe(70);
    expect(await cachedFileCount(dir, dir)).toBe(70);
    writeFileSync(join(dir, 'notes.txt'), 'my notes\n{"entries": 5}\n');
    writeFileSync(join(dir, 'half.cache'), '#postmortem-cache 2 abc\n{"entries": 9');
    writeFileSync(join(dir, 'odd.cache'), '#postmortem-cache 2 abc\n{"entries": -3}\n');
    for (const name of ['notes.txt', 'half.cache', 'odd.cache', 'missing.cache']) expect(await cachedFileCount(name, dir), name).toBe(0);
  });

  it('checks again a file whose result depends on the clock (a date in the future)', async () => {
    const dir = project();
    writeFileSync(join(dir, 'postmortems', 'zz-future.md'), '# Outage\n\n## Timeline\n\n- 2093-11-07 10:00 UTC alert\n');
    await run(dir, ['check', 'postmortems', '--cache']);
    const again = await run(dir, ['check', 'postmortems', '--format', 'json', '--cache']);
    expect(parsedLine(again.stderr)).toEqual([71, 1, 70]);
    expect(again.stdout).toContain('future-date');
  });

  it('only the clock rules read the clock (the cache re-checks their findings; see CLOCK_RULES in src/io/cache.ts)', () => {
    const dir = join(ROOT, 'src', 'core', 'rules');
    const readers = readdirSync(dir).filter((f) => /\bctx\.now\b|\bnow\b\s*[,}]/.test(readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*/g, '')));
    expect(readers.filter((f) => f !== 'rule.ts')).toEqual([...CLOCK_RULES].map((id) => `${id}.ts`));
  });

  it('the bundle with worker threads: a hit gives the same report, and nothing is parsed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cache-pool-'));
    for (const copy of ['a', 'b', 'c', 'd']) cpSync(CORPUS, join(dir, 'postmortems', copy), { recursive: true, filter: (src) => !src.endsWith('.json') });
    const cold = bundled(dir, ['check', 'postmortems', '--format', 'json']);
    const writing = bundled(dir, ['check', 'postmortems', '--format', 'json', '--cache']);
    const hit = bundled(dir, ['check', 'postmortems', '--format', 'json', '--cache']);
    expect(JSON.parse(cold.stdout).files).toHaveLength(280);
    expect(writing.stdout).toBe(cold.stdout);
    expect(hit.stdout).toBe(cold.stdout);
    expect(parsedLine(writing.stderr)).toEqual([280, 280, 0]);
    expect(parsedLine(hit.stderr)).toEqual([280, 0, 280]);
    // Forced onto one thread, the report is the same.
    expect(bundled(dir, ['check', 'postmortems', '--format', 'json'], { POSTMORTEM_THREADS: '0' }).stdout).toBe(cold.stdout);
    // A few files changed among many hits: a worker checks them while the hits are passed on, in order, with the same bytes.
    const changed = ['a', 'c', 'd'].map((copy) => join(dir, 'postmortems', copy, '047-alx-3become4-truncated-scenario-no-times.md'));
    for (const file of changed) writeFileSync(file, `${readFileSync(file, 'utf8')}\n## Lessons learned\n\nAlerts came late.\n`);
    const few = bundled(dir, ['check', 'postmortems', '--format', 'json', '--cache'], { POSTMORTEM_THREADS: '2' });
    expect(parsedLine(few.stderr)).toEqual([280, 3, 277]);
    expect(few.stdout).toBe(bundled(dir, ['check', 'postmortems', '--format', 'json'], { POSTMORTEM_THREADS: '0' }).stdout);
    expect(few.stdout).not.toBe(cold.stdout);
    // The audit starts a worker before it knows what changed: adopted for the changed files, ended when none did.
    const stamp = (text: string) => text.replace(/"generatedAt": "[^"]*"/, '');
    const oneThread = stamp(bundled(dir, ['audit', 'postmortems', '--format', 'json'], { POSTMORTEM_THREADS: '0' }).stdout);
    const auditWriting = bundled(dir, ['audit', 'postmortems', '--format', 'json', '--cache-location', 'audit.cache'], { POSTMORTEM_THREADS: '2' });
    const auditHit = bundled(dir, ['audit', 'postmortems', '--format', 'json', '--cache-location', 'audit.cache'], { POSTMORTEM_THREADS: '2' });
    expect([parsedLine(auditWriting.stderr), parsedLine(auditHit.stderr)]).toEqual([
      [280, 280, 0],
      [280, 0, 280],
    ]);
    expect([stamp(auditWriting.stdout), stamp(auditHit.stdout)]).toEqual([oneThread, oneThread]);
    for (const file of changed) writeFileSync(file, `${readFileSync(file, 'utf8')}\nA second look.\n`);
    const auditFew = bundled(dir, ['audit', 'postmortems', '--format', 'json', '--cache-location', 'audit.cache'], { POSTMORTEM_THREADS: '2' });
    expect(parsedLine(auditFew.stderr)).toEqual([280, 3, 277]);
    expect(stamp(auditFew.stdout)).toBe(stamp(bundled(dir, ['audit', 'postmortems', '--format', 'json'], { POSTMORTEM_THREADS: '0' }).stdout));
  });
});

describe('start-up pieces', () => {
  it('the built-in defaults without the schema are what the schema gives for an empty config', () => {
    expect(defaultConfig()).toEqual(resolveConfig({}, null));
  });

  it('finds each file under the working directory as path.resolve does, however its path is written', () => {
    const paths = ['a.md', '.bench/x/a.md', '../a.md', 'a/../b.md', './a.md', 'a/./b.md', 'a//b.md', 'a/', '..', '...md', 'a/..b/c.md', '/abs/x.md', 'x/..', ''];
    for (const cwd of ['/work/repo', '/work/repo/', '/']) {
      const absolute = underDirectory(cwd);
      for (const path of paths) expect(absolute(path), `${cwd} ${path}`).toBe(resolve(cwd, path));
    }
  });

  it('hands out work largest first within windows of the path order', () => {
    expect(dispatchOrder([1, 5, 3])).toEqual([1, 2, 0]);
    const sizes = Array.from({ length: 600 }, (_, i) => (i === 599 ? 1e6 : i % 7));
    const order = dispatchOrder(sizes);
    expect([...order].sort((a, b) => a - b)).toEqual(sizes.map((_, i) => i));
    expect(order.slice(0, 256).every((i) => i < 256)).toBe(true);
    expect(order[512]).toBe(599);
  });

  it('cuts batches short near the end, so the threads run out of files together', () => {
    expect(tailBytes(14_000_000, 2)).toBe(64 * 1024);
    expect(tailBytes(400_000, 2)).toBe(50_000);
    expect(tailBytes(400_000, 1)).toBe(64 * 1024);
    expect(tailBytes(7_000, 2)).toBe(875);
    expect(tailBytes(0, 0)).toBe(0);
  });
});
