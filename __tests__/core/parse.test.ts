/**
 * The parser leaves out the GFM constructs a document cannot hold (email and
 * URL autolink literals, tables) because micromark tries them at nearly every
 * character. That must never change a tree: these tests compare each tree
 * with the one the full syntax gives, node for node and position for position,
 * and with the tree of the unified pipeline the parser stands in for
 * (remark-parse + remark-gfm + remark-frontmatter).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config/resolve.js';
import { checkDocument } from '../../src/core/engine.js';
import { mayOpenWithYamlFrontMatter, parseMarkdown, parseMarkdownWithFullSyntax } from '../../src/core/parse.js';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const remarkTree = (text: string) => remark.runSync(remark.parse(text));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const fixtures = markdownFiles(join(import.meta.dirname, '..', 'fixtures'));

describe('parseMarkdown', () => {
  it('gives every fixture the tree of the unified pipeline with remark-gfm and remark-frontmatter', () => {
    expect(fixtures.length).toBeGreaterThan(100);
    for (const path of fixtures) {
      const text = readFileSync(path, 'utf8');
      expect(parseMarkdown(text), path).toEqual(remarkTree(text));
    }
  });

  it('reads autolink literals and tables where a document has them', () => {
    const tree = parseMarkdown('Mail ops@example.com, see www.example.com or https://example.com/x.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    const paragraph = tree.children[0];
    expect(paragraph.type).toBe('paragraph');
    const links = paragraph.type === 'paragraph' ? paragraph.children.filter((n) => n.type === 'link').map((n) => n.url) : [];
    expect(links).toEqual(['mailto:ops@example.com', 'http://www.example.com', 'https://example.com/x']);
    expect(tree.children[1].type).toBe('table');
  });

  it('an `@mention`, a bare domain, a pipe-less dash line or an address made with character references reads the same with either syntax', () => {
    for (const text of ['Owner: @alice (team.example.com)\n', 'a\n-\n', 'a | b\n', 'x\n- | -\n', 'Mail ops&#64;example.com\n', 'See www&#46;example.com and &#104;ttps://example.com\n']) {
      expect(parseMarkdown(text), text).toEqual(parseMarkdownWithFullSyntax(text));
    }
  });

  it('gives generated text the same tree as the full syntax (property)', () => {
    // Fragments that start, almost start, or break each left-out construct, among ordinary Markdown.
    const fragment = fc.constantFrom(
      'a', 'Z9', ' ', '\n', '\n\n', '  ', '\t', '@', 'x@y', 'a.b@c.d', '+_-.', '@b.c', 'mailto:', 'www.', 'WWW.', 'ww.', 'http://', 'HTTPS://', 'http:/',
      'example.com', '/path?q=1', ')', '(', '*', '_', '~', '`', '|', ' | ', '|-|', '---', ':-:', '- ', '1. ', '> ', '# ', '[', ']', '[^1]', '[x] ', '<', '>', '&amp;', '&#64;', '&#x40;', 'www&#46;', '&#104;ttp://', '\\', '!',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(parseMarkdown(text)).toEqual(parseMarkdownWithFullSyntax(text));
      }),
      { numRuns: 3000, seed: 1 },
    );
  });
});

describe('mayOpenWithYamlFrontMatter', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('is true for every fixture the parser gives a YAML front matter node, and for a UTF-8 or UTF-16 byte order mark', () => {
    for (const path of fixtures) {
      const raw = readFileSync(path);
      const first = parseMarkdown(raw.toString('utf8').replace(/^\uFEFF/, '')).children[0];
      if (first?.type === 'yaml') expect(mayOpenWithYamlFrontMatter(raw), path).toBe(true);
    }
    expect(mayOpenWithYamlFrontMatter(bytes('---\ntitle: x\n---\n'))).toBe(true);
    expect(mayOpenWithYamlFrontMatter(new Uint8Array([0xef, 0xbb, 0xbf, 0x2d, 0x2d, 0x2d]))).toBe(true);
    expect(mayOpenWithYamlFrontMatter(new Uint8Array([0xff, 0xfe, 0x2d, 0x00]))).toBe(true);
    expect(mayOpenWithYamlFrontMatter(new Uint8Array([0xfe, 0xff, 0x00, 0x2d]))).toBe(true);
  });

  it('is false for a document that opens with anything else, so the yaml library is not loaded for it', () => {
    expect(mayOpenWithYamlFrontMatter(bytes('# Outage\n\n---\ntitle: x\n---\n'))).toBe(false);
    expect(mayOpenWithYamlFrontMatter(bytes('\n---\ntitle: x\n---\n'))).toBe(false);
    expect(mayOpenWithYamlFrontMatter(bytes('+++\ntitle = "x"\n+++\n'))).toBe(false); // TOML is read without it
    expect(mayOpenWithYamlFrontMatter(bytes(''))).toBe(false);
  });

  it('a caller that leaves the yaml library out for a document with YAML front matter gets an internal error, never a silent skip', () => {
    const result = checkDocument('doc.md', '---\ntitle: Outage\n---\n# Outage\n', resolveConfig({}), { now: new Date('2026-11-24T12:00:00Z') });
    expect(result.internalError).toBe(true);
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '1:1 Unexpected internal error in the model builder (the yaml library was not loaded for a document with YAML front matter), expected doc.md to be checked; please report this',
    ]);
  });
});
