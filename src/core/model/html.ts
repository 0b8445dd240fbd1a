/**
 * A postmortem written in HTML inside a Markdown file (a blog post exported
 * with its markup: `<p>`, `<br />`, `<strong>Timeline</strong>`, `<ul><li>`):
 * Markdown takes it as one HTML block and shows none of its sections. A
 * reader sees it rendered, so it is turned into the Markdown it renders as
 * (paragraphs, hard breaks, bold runs, headings, list items) and read as that,
 * with each line placed on the source line it came from.
 */
import type { Html, RootContent } from 'mdast';
import { parseFragment } from '../fragment.js';

/** Tags that shape what a reader sees; enough of them make a block an HTML document rather than a figure or a comment. */
const SHAPING = /<(?:p|br|li|strong|b|h[1-6])\b[^<>]{0,2000}>/gi;
const MIN_SHAPING_TAGS = 3;
const MIN_LETTERS = 80;
const MAX_HTML = 2_000_000;
/** What Markdown reads as syntax at the start of a line: a heading, a quote, a list item. */
const LINE_SYNTAX = /^(?:[#>]|[-+*](?=\s))|(?<=^\d{1,9})[.)](?=\s)/;
// A tag's attributes stop at the next "<": a stray "<" scans no further (no backtracking over the block). A comment is found by
// its end; a declaration ("<!DOCTYPE html>") is no tag and shows nothing.
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]{0,15})\b[^<>]{0,2000}>|<!--|<![A-Za-z][^<>]{0,200}>/g;

/** Whether an HTML block is a document written in HTML (see the module's comment): tables are read as they are elsewhere. */
export function readsAsHtmlDocument(node: Html): boolean {
  const value = node.value;
  if (value.length > MAX_HTML || /<table\b/i.test(value)) return false;
  const shaping = value.match(SHAPING)?.length ?? 0;
  if (shaping < MIN_SHAPING_TAGS) return false;
  const letters = value.replace(TAG, ' ').match(/\p{L}/gu)?.length ?? 0;
  return letters >= MIN_LETTERS;
}

interface Converted {
  text: string;
  /** For each line of `text`, the source line and column it starts at. */
  at: Array<{ line: number; column: number }>;
}

/** The Markdown an HTML block renders as, and where each of its lines comes from. */
export function htmlToMarkdown(node: Html): Converted {
  const value = node.value;
  const out = new MarkdownOut(value, node.position?.start ?? { line: 1, column: 1 });
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(value); m; m = TAG.exec(value)) {
    out.text(value.slice(last, m.index), last);
    last = m.index + m[0].length;
    if (m[0] === '<!--') {
      const end = value.indexOf('-->', last);
      last = end < 0 ? value.length : end + 3;
      TAG.lastIndex = last;
    } else out.tag((m[2] ?? '').toLowerCase(), m[1] === '/', m.index);
  }
  out.text(value.slice(last), last);
  return out.finish();
}

const BLOCK = /^(?:p|div|h[1-6]|ul|ol|blockquote|pre|hr|section)$/;
const HIDDEN = /^(?:head|style|script|template|noscript|title)$/;

/** The Markdown being written, the source line each of its lines comes from, and the state of the tags open. */
class MarkdownOut {
  private readonly out: string[] = [];
  private readonly at: Converted['at'];
  private readonly lists: Array<{ ordered: boolean; n: number }> = [];
  /** Bold runs open, and the text of the outermost, written when it closes. */
  private bold = 0;
  private pending = '';
  /** At the start of a line, text that Markdown would read as syntax ("#5 was…", "1. then…") is escaped. */
  private lineStarts = true;
  /** Lines begun whose source place is their first text's, not yet seen. */
  private unplaced = 0;
  private seenTo = 0;
  private line: number;
  private lineStart: number;
  /** The tag whose content is not shown (`head`, `style`, `script`), while it is open. */
  private hidden: string | undefined;

  constructor(
    private readonly value: string,
    start: { line: number; column: number },
  ) {
    this.at = [{ line: start.line, column: start.column }];
    this.line = start.line;
    this.lineStart = -(start.column - 1);
  }

  /** Text between tags, its whitespace collapsed as a browser does. */
  text(raw: string, index: number): void {
    if (this.hidden !== undefined) return;
    const text = raw.replace(/\s+/g, ' ');
    if (text.trim()) this.place(index + raw.search(/\S/));
    if (!text) return;
    if (this.bold > 0) {
      this.pending += text;
      return;
    }
    const shown = this.lineStarts ? text.trimStart().replace(LINE_SYNTAX, '\\$&') : text;
    if (shown) this.lineStarts = false;
    this.out.push(shown);
  }

  tag(name: string, closing: boolean, index: number): void {
    // A page's head, styles and scripts are not shown: nothing in them is read, up to their closing tag.
    if (this.hidden !== undefined) {
      if (closing && name === this.hidden) this.hidden = undefined;
      return;
    }
    if (!closing && HIDDEN.test(name)) this.hidden = name;
    else if (name === 'strong' || name === 'b') this.boldTag(closing, index);
    else if (name === 'br') {
      if (this.bold === 0) this.newline(index, false);
      else this.pending += ' ';
    } else if (BLOCK.test(name) && this.bold === 0) this.blockTag(name, closing, index);
    else if (name === 'li' && !closing && this.bold === 0) {
      const list = this.lists.at(-1);
      this.newline(index, false);
      this.place(index);
      this.prefix(list?.ordered ? `${++list.n}. ` : '- ');
    }
  }

  finish(): Converted {
    if (this.pending) this.out.push(this.pending);
    return { text: this.out.join(''), at: this.at };
  }

  private boldTag(closing: boolean, index: number): void {
    if (!closing) {
      if (this.bold++ === 0) this.place(index);
      return;
    }
    if (this.bold === 0 || --this.bold > 0) return;
    // "** Summary **" is no emphasis in Markdown: the spaces go outside the run.
    const inner = this.pending.trim();
    const before = /^\s/.test(this.pending) && !this.lineStarts ? ' ' : '';
    const after = /\s$/.test(this.pending) ? ' ' : '';
    this.out.push(inner ? `${before}**${inner.replace(/\*/g, '\\*')}**${after}` : this.pending);
    if (inner) this.lineStarts = false;
    this.pending = '';
  }

  private blockTag(name: string, closing: boolean, index: number): void {
    this.newline(index, true);
    if (name === 'ul' || name === 'ol') {
      if (closing) this.lists.pop();
      else this.lists.push({ ordered: name === 'ol', n: 0 });
    } else if (!closing && name.startsWith('h')) this.prefix(`${'#'.repeat(Number(name[1]))} `);
  }

  private prefix(text: string): void {
    this.out.push(text);
    this.lineStarts = false;
  }

  private newline(index: number, blank: boolean): void {
    const where = this.sourceAt(index);
    this.out.push(blank ? '\n\n' : '  \n');
    this.at.push(where);
    if (blank) this.at.push(where);
    this.unplaced += blank ? 2 : 1;
    this.lineStarts = true;
  }

  /** A line starts where its first text is in the source, not at the tag that broke the line before it. */
  private place(index: number): void {
    if (this.unplaced === 0) return;
    const where = this.sourceAt(index);
    for (let k = this.at.length - this.unplaced; k < this.at.length; k++) this.at[k] = where;
    this.unplaced = 0;
  }

  /** Where `index` is in the source: a running count of the newlines before it. */
  private sourceAt(index: number): { line: number; column: number } {
    for (; this.seenTo < index; this.seenTo++) {
      if (this.value[this.seenTo] !== '\n') continue;
      this.line++;
      this.lineStart = this.seenTo + 1;
    }
    return { line: this.line, column: index - this.lineStart + 1 };
  }
}

/** The Markdown nodes an HTML document block renders as, placed on its source lines. */
export function htmlDocumentNodes(node: Html): RootContent[] {
  const { text, at } = htmlToMarkdown(node);
  const tree = parseFragment(text);
  const stack: Array<{ position?: { start: { line: number; column: number }; end: { line: number; column: number } }; children?: unknown[] }> = [tree];
  const place = (p: { line: number; column: number }) => {
    const where = at[Math.min(p.line - 1, at.length - 1)] ?? at[0];
    return { line: where.line, column: where.column };
  };
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position) n.position = { start: place(n.position.start), end: place(n.position.end) };
    if (Array.isArray(n.children)) for (const c of n.children) stack.push(c as (typeof stack)[number]);
  }
  return tree.children;
}
