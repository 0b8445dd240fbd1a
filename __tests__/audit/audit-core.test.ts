import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { check as recheck } from 'recheck';
import { compactFile, type CompactFile } from '../../src/core/compact-file.js';
import { inShard, parseShard } from '../../src/core/audit/shard.js';
import { auditFile, indexFollowUps, OFFLINE, type KnownIssue } from '../../src/core/audit/status.js';
import { renderItemMarker } from '../../src/core/markers.js';
import { AuditCollector, auditStream } from '../../src/core/audit/collect.js';
import { ReportWriter } from '../../src/reporters/json-writer.js';
import { mergeReports } from '../../src/core/audit/merge.js';
import { auditMarkdown, BODY_LIMIT, owner } from '../../src/render/audit.js';
import { formatJson } from '../../src/reporters/json.js';
import { check } from '../helpers.js';
import { POSTMORTEM } from './action-audit.test.js';

const NOW = new Date('2026-11-24T12:00:00Z');
const PATH = 'postmortems/db.md';

function issue(n: number, path: string, id: string, words: string[], o: Partial<KnownIssue> = {}): KnownIssue {
  return {
    number: n, title: `#${n}`, body: renderItemMarker({ path, id, words }), state: 'open', labels: [], assignees: [], author: 'bot', url: `https://x/issues/${n}`,
    marker: { path, id, words }, createdAt: '2026-11-01T00:00:00Z', closedAt: null, ...o,
  };
}

describe('follow-up status', () => {
  const compact = compactFile(check(POSTMORTEM, {}, PATH));
  const items = compact.file.actionItems;

  it('matches by marker key, and an edited item by the sync planner\'s word-overlap rule', () => {
    const [alerts, rotate, runbook] = items;
    const fp = compact.fingerprints;
    const index = indexFollowUps([
      issue(1, PATH, alerts.id, fp[0]),
      issue(2, PATH, rotate.id, fp[1], { state: 'closed', closedAt: '2026-11-05T00:00:00Z' }),
      // The runbook item was reworded since its issue was opened: an old id, overlapping words.
      issue(3, PATH, 'ai-old', [...fp[2], 'primary']),
      issue(4, PATH, 'ai-gone', ['unrelated', 'words']),
      issue(5, PATH, items[3].id, fp[3], { author: 'mallory' }), // not ours: not trusted
    ], 'bot');
    const audited = auditFile(compact, index, NOW);
    expect(audited.actionItems.map((a) => [a.status, a.followUp?.number ?? null, a.ageDays])).toEqual([
      ['overdue', 1, 23], ['closed', 2, null], ['open', 3, 23], ['not-filed', null, null], ['done-in-doc', null, null],
    ]);
    expect(audited.severity).toBe('SEV2');
  });

  it('is unknown offline, except items the document marks done', () => {
    expect(auditFile(compact, OFFLINE, NOW).actionItems.map((a) => a.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'done-in-doc']);
  });
});

describe('JSON report, shards and merge', () => {
  const docs = Array.from({ length: 12 }, (_, i) => compactFile(check(POSTMORTEM.replace('Database outage', `Outage ${i}`), {}, `pm/${String(i).padStart(2, '0')}.md`)));

  it('streams exactly the bytes of JSON.stringify(report, null, 2)', () => {
    const collector = new AuditCollector();
    let text = '';
    const writer = new ReportWriter((t) => (text += t));
    const files = docs.map((d) => auditFile(d, OFFLINE, NOW));
    for (const f of files) {
      writer.file(f);
      collector.add(f);
    }
    const outcome = collector.finish({ generatedAt: NOW.toISOString(), repository: null, online: false });
    writer.end({ summary: outcome.summary, audit: outcome.audit });
    expect(text).toBe(formatJson({ version: 1, files, summary: outcome.summary, audit: outcome.audit } as never));
    let empty = '';
    new ReportWriter((t) => (empty += t)).end({ summary: { files: 0, errors: 0, warnings: 0, actionItems: 0 } });
    expect(empty).toBe(formatJson({ version: 1, files: [], summary: { files: 0, errors: 0, warnings: 0, actionItems: 0 } }));
  });

  it('audits results in whatever order they come: the same report bytes and outcome; with `before`, in path order', async () => {
    const placed = docs.map((compact, index) => ({ index, compact }));
    // The order checkAsReady may give: results from the cache run ahead of a changed file still being checked.
    const shuffled = [placed[1], placed[2], placed[0], placed[5], placed[3], placed[4], ...placed.slice(6).reverse()];
    const run = async (order: typeof placed, before?: (c: CompactFile) => Promise<void>) => {
      let text = '';
      const writer = new ReportWriter((t) => (text += t));
      const outcome = await auditStream((async function* () { yield* order; })(), { index: OFFLINE, now: NOW, repository: null, sink: (f, i) => writer.fileAt(i, f), ...(before ? { before } : {}) });
      writer.end({ summary: outcome.summary, audit: outcome.audit });
      return { text, outcome };
    };
    const inPathOrder = await run(placed);
    const asReady = await run(shuffled);
    expect(asReady.text).toBe(inPathOrder.text);
    expect(asReady.outcome).toEqual(inPathOrder.outcome);
    const seen: string[] = [];
    await run(shuffled, async (c) => void seen.push(c.file.path));
    expect(seen).toEqual(docs.map((d) => d.file.path));
    // A file that never comes is an error, not a report with a hole.
    const writer = new ReportWriter(() => undefined);
    writer.fileAt(1, {});
    expect(() => writer.end({ summary: { files: 1, errors: 0, warnings: 0, actionItems: 0 } })).toThrow(/report files missing before index 0/);
    await expect(run(placed.slice(1))).rejects.toThrow();
  });

  it('streams the same bytes for empty and nested values and strings with line breaks', () => {
    // Long arrays (the follow-ups) and the objects holding them are written an element at a time.
    const long = Array.from({ length: 700 }, (_, i) => (i % 7 === 0 ? { n: i, s: 'é\n"', skip: undefined, d: new Date(0) } : i % 11 === 0 ? [] : i % 13 === 0 ? undefined : `x${i}`));
    const holding = { followUps: long, metrics: { deep: { list: long.slice(0, 300), empty: [] }, f: () => 1 }, none: undefined, empty: {} };
    for (const value of [{ a: 1, b: [], c: {}, d: [1, { e: 'x\ny' }], f: null }, {}, [], [[1, 2], []], { x: { y: [{}] } }, long, holding, [holding]]) {
      let text = '';
      const writer = new ReportWriter((t) => (text += t));
      writer.file(value);
      writer.file(value);
      writer.end({ summary: { files: 2, errors: 0, warnings: 0, actionItems: 0 }, audit: value });
      expect(text).toBe(formatJson({ version: 1, files: [value, value], summary: { files: 2, errors: 0, warnings: 0, actionItems: 0 }, audit: value } as never));
    }
  });

  it('splits a corpus into disjoint shards, and merging them gives the whole', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('4/3')).toMatch(/expected 1 <= i <= n/);
    expect(parseShard('x')).toMatch(/expected i\/n/);
    const paths = docs.map((d) => d.file.path);
    const shards = [1, 2, 3].map((index) => paths.filter((p) => inShard(p, { index, count: 3 })));
    expect(shards.flat().sort()).toEqual(paths);
    expect(shards.every((s) => s.length > 0)).toBe(true);

    const report = (subset: string[]) => {
      const c = new AuditCollector();
      const files = docs.filter((d) => subset.includes(d.file.path)).map((d) => auditFile(d, OFFLINE, NOW));
      files.forEach((f) => c.add(f));
      const o = c.finish({ generatedAt: NOW.toISOString(), repository: null, online: false });
      return JSON.parse(formatJson({ version: 1, files, summary: o.summary, audit: o.audit } as never));
    };
    const whole = report(paths);
    const merged = mergeReports([report(shards[2]), report(shards[0]), report(shards[1])].map((r, i) => ({ name: `r${i}`, report: r })));
    expect(merged.files.map((f) => f.path)).toEqual(paths);
    expect(merged.outcome.summary).toEqual(whole.summary);
    expect(merged.outcome.audit.metrics).toEqual(whole.audit.metrics);
    expect(merged.outcome.audit.followUps).toEqual(whole.audit.followUps);
    expect(() => mergeReports([{ name: 'bad.json', report: { version: 2, files: [] } }])).toThrow(/bad.json: unexpected content/);
  });
});

describe('dashboard body', () => {
  it('stays under GitHub\'s body limit by trimming the longest table, with a note', () => {
    const c = new AuditCollector();
    for (let i = 0; i < 3000; i++) {
      const d = compactFile(check(POSTMORTEM, {}, `postmortems/very/long/directory/name/${String(i).padStart(5, '0')}-database-outage.md`));
      c.add(auditFile(d, OFFLINE, NOW));
    }
    const outcome = c.finish({ generatedAt: NOW.toISOString(), repository: 'a/b', online: false });
    const body = auditMarkdown(outcome, { link: { serverUrl: 'https://github.com', owner: 'a', repo: 'b', sha: 'f'.repeat(40) }, mentions: false, dashboard: true, limit: BODY_LIMIT - 1000 });
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT - 1000);
    expect(body.length).toBeGreaterThan(BODY_LIMIT - 5000);
    expect(body).toMatch(/…and \d+ more postmortems, left out to stay within GitHub's size limit/);
    expect(body).toContain('xychart-beta');
  });

  it('names owners without pinging them unless mentions are on', () => {
    expect(owner('dana', false)).toBe('`@dana`');
    expect(owner('@dana', true)).toBe('@dana');
    expect(owner('Ops team @lead', true)).toBe('Ops team @\u200blead');
  });
});

describe('audit regular expressions are safe from catastrophic backtracking', () => {
  const files = [
    ...readdirSync('src/core/audit').map((f) => `src/core/audit/${f}`),
    'src/core/compact-file.ts',
    'src/audit/github.ts',
    'src/render/audit.ts',
    'src/render/incidents-chart.ts',
    'src/reporters/json-writer.ts',
    'src/cli/audit.ts',
    'src/io/pool.ts',
    'src/action/audit.ts',
  ];
  for (const file of files) {
    it(file, async () => {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const literals: string[] = [];
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push(node.getText(sf));
        ts.forEachChild(node, visit);
      };
      visit(sf);
      for (const literal of literals) {
        const last = literal.lastIndexOf('/');
        const result = await recheck(literal.slice(1, last), literal.slice(last + 1));
        expect(result.status, literal).toBe('safe');
      }
    }, 60_000);
  }
});
