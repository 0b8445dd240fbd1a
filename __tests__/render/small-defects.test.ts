/**
 * Small defects a new user met (issue 13), each read back the way GitHub reads it:
 * Markdown through remark with GFM, SARIF locations as code scanning maps them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { planItems } from '../../src/core/plan.js';
import { buildReport } from '../../src/core/report.js';
import type { PostmortemModel } from '../../src/core/types.js';
import { managedBody } from '../../src/render/issue.js';
import { jobSummary } from '../../src/render/markdown.js';
import { check } from '../helpers.js';
import { ROOT } from '../support/run-action.js';

const gfm = unified().use(remarkParse).use(remarkGfm);
const LINK = { serverUrl: 'https://github.com', owner: 'acme', repo: 'ops', sha: 'a'.repeat(40) };

/** The text a reader sees in a node (what GitHub renders, before it links references). */
function text(node: Root | RootContent): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(text).join('');
  return '';
}
function nodes(tree: Root | RootContent, type: string): RootContent[] {
  const out: RootContent[] = [];
  const walk = (n: Root | RootContent) => {
    if (n.type === type) out.push(n as RootContent);
    if ('children' in n) (n.children as RootContent[]).forEach(walk);
  };
  walk(tree);
  return out;
}

const DOC = `# Payments | Checkout outage (see #12)

## Summary

From 10:00 to 11:00 UTC on 2024-03-12 checkout failed.

## Timeline

- 10:00 UTC alert
- 11:00 UTC recovered

## Root cause

A bad deploy.

## Resolution

Rolled back.

## Action items

- Alert on checkout | payment errors, like GH-7 and #12 asked @dana
`;

const result = check(DOC, {}, 'postmortems/2024-03-12-payments.md');
const model = result.model as PostmortemModel;
const [item] = planItems([model]);
const body = gfm.parse(managedBody(item, { link: LINK, ownerAssignable: true }));

describe('an action-item issue body', () => {
  it('shows a `|` from the document without a stray backslash', () => {
    const [quote] = nodes(body, 'blockquote');
    expect(text(quote).replace(/\u200b/g, '')).toBe('Alert on checkout | payment errors, like GH-7 and #12 asked');
    const [lead] = nodes(body, 'strong');
    expect(text(lead)).toBe('Payments | Checkout outage (see #\u200b12)');
  });

  it('links no issue of the repository: #12 and GH-7 are broken by a zero-width space (as @mentions are)', () => {
    const all = text(body);
    expect(all).not.toMatch(/(?:^|[^\w])(?:#|GH-)\d/i);
    expect(all).toContain('#\u200b12');
    expect(all).toContain('GH-\u200b7');
  });

  it('lists the item\'s details without a table (no empty header row)', () => {
    expect(nodes(body, 'table')).toEqual([]);
    const [list] = nodes(body, 'list');
    expect(nodes(list, 'listItem').map((li) => text(li).split(':')[0])).toEqual(['Kind', 'Owner', 'Due', 'Priority', 'Incident', 'Source']);
    expect(nodes(list, 'listItem').map(text)[0]).toBe('Kind: other');
  });
});

describe('an action-item issue body with the item\'s details', () => {
  const doc = '# Outage\n\n## Action items\n\n1. **Patch the pool**\n\n   Apply limits where load > 2 & ask @ops, see #12.\n2. Rotate keys (owner: @bob)\n';
  const [detailed, plain] = planItems([check(doc, {}, 'postmortems/x.md').model as PostmortemModel]);

  it('quotes the title, then what the item says beyond it, escaped', () => {
    const [quote] = nodes(gfm.parse(managedBody(detailed, { link: LINK, ownerAssignable: true })), 'blockquote');
    expect((quote as { children: RootContent[] }).children.map((p) => text(p).replace(/\u200b/g, ''))).toEqual(['Patch the pool', 'Apply limits where load > 2 & ask @ops, see #12.']);
    expect(managedBody(detailed, { link: LINK, ownerAssignable: true })).toContain('> Patch the pool\n>\n> Apply limits where load &gt; 2 &amp; ask @\u200bops, see #\u200b12.\n');
  });

  it('quotes only the title when the item says nothing more (its owner is a row of its own)', () => {
    expect(managedBody(plain, { link: LINK, ownerAssignable: true })).toContain('\n> Rotate keys\n\n- **Kind:** other\n');
  });
});

describe('the job summary', () => {
  it('shows a `|` in a document title without a stray backslash in its heading', () => {
    const summary = gfm.parse(jobSummary({ report: buildReport([result]), link: LINK, required: [], hiddenAnnotations: 0, preview: [], notes: [] }));
    const headings = nodes(summary, 'heading').filter((h) => (h as { depth: number }).depth === 3).map(text);
    expect(headings[0]).toBe('postmortems/2024-03-12-payments.md — Payments | Checkout outage (see #\u200b12)');
    // In a table cell, too, the pipe is one cell's text, not a column break.
    const cells = nodes(summary, 'tableCell').map(text);
    expect(cells.filter((c) => c.includes('|'))).toEqual([]);
  });
});

describe('TOML front matter (`+++`, as Hugo and Zola write it)', () => {
  it('is read like YAML\'s: the title and date come from it, never "+++"', () => {
    const toml = check('+++\ntitle = "Payments outage"\ndate = 2024-03-12\nseverity = "SEV2"\n\n[extra]\nteam = "payments"\n+++\n\nCheckout failed for an hour.\n');
    expect(toml.model?.title).toBe('Payments outage');
    expect(toml.model?.frontMatter?.data).toEqual({ title: 'Payments outage', date: '2024-03-12', severity: 'SEV2', extra: { team: 'payments' } });
    expect(toml.model?.frontMatter?.keyLines).toEqual({ title: 2, date: 3, severity: 4 });
    expect(toml.findings.filter((f) => f.rule.startsWith('front-matter'))).toEqual([]);
    // The required-sections findings point at the title's line in the front matter, as they do for YAML.
    expect([...new Set(toml.findings.filter((f) => f.rule === 'required-sections').map((f) => f.line))]).toEqual([2]);
  });

  it('broken TOML is one finding at its line', () => {
    const broken = check('+++\ntitle = "Outage"\ndate = \n+++\n\n# Outage\n');
    expect(broken.model?.title).toBe('Outage');
    expect(broken.findings.filter((f) => f.rule === 'front-matter-syntax').map((f) => `${f.line} ${f.message}`)).toEqual([
      expect.stringMatching(/^3 Unexpected TOML: .+, expected valid front matter$/),
    ]);
  });
});

describe('SARIF locations', () => {
  function sarif(args: string[], cwd: string) {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args, '--format', 'sarif'], { cwd, encoding: 'utf8' });
    return JSON.parse(r.stdout).runs[0].results as Array<{ partialFingerprints: Record<string, string> }>;
  }
  function sarifUris(args: string[], cwd: string): Array<{ uri: string; uriBaseId?: string }> {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args, '--format', 'sarif'], { cwd, encoding: 'utf8' });
    const sarif = JSON.parse(r.stdout);
    return [...new Set(sarif.runs[0].results.map((x: { locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }) => JSON.stringify(x.locations[0].physicalLocation.artifactLocation)))].map((s) => JSON.parse(s as string));
  }

  it('are relative to the repository root, without ../, when run from a subdirectory', () => {
    const repo = mkdtempSync(join(tmpdir(), 'pm-sarif-'));
    spawnSync('git', ['init', '-q'], { cwd: repo });
    const fs = { 'postmortems/db.md': '# DB\n\n## Summary\n\nIt broke.\n', 'docs/readme.txt': '' };
    for (const [p, t] of Object.entries(fs)) {
      spawnSync(process.execPath, ['-e', `require('fs').mkdirSync(require('path').dirname(${JSON.stringify(join(repo, p))}),{recursive:true})`]);
      writeFileSync(join(repo, p), t);
    }
    expect(sarifUris(['check', '../postmortems/db.md'], join(repo, 'docs'))).toEqual([{ uri: 'postmortems/db.md', uriBaseId: '%SRCROOT%' }]);
    expect(sarifUris(['check', 'postmortems/db.md'], repo)).toEqual([{ uri: 'postmortems/db.md', uriBaseId: '%SRCROOT%' }]);
    expect(sarifUris(['audit', '../postmortems'], join(repo, 'docs'))).toEqual([{ uri: 'postmortems/db.md', uriBaseId: '%SRCROOT%' }]);
    // Code scanning tracks an alert by its fingerprint: the same wherever the CLI ran.
    const prints = (cwd: string, path: string) => sarif(['check', path], cwd).map((r) => r.partialFingerprints['postmortemFinding/v1']);
    expect(prints(join(repo, 'docs'), '../postmortems/db.md')).toEqual(prints(repo, 'postmortems/db.md'));
  });

  it('are absolute file:// URIs for files outside the repository (no ../ either)', () => {
    const outside = mkdtempSync(join(tmpdir(), 'pm-outside-'));
    writeFileSync(join(outside, 'db post mortem.md'), '# DB\n\n## Summary\n\nIt broke.\n');
    const [location] = sarifUris(['check', join(outside, 'db post mortem.md')], ROOT);
    expect(location.uriBaseId).toBeUndefined();
    expect(location.uri).toMatch(/^file:\/\/\/.*\/db%20post%20mortem\.md$/);
    expect(location.uri).not.toContain('..');
  });
});
