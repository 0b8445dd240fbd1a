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
// A tag's attributes stop at the next "<": a stray "<" scans no further (no backtracking over the block). A comment is found by its end.
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]{0,15})\b[^<>]{0,2000}>|<!--/g;

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
  const start = node.position?.start ?? { line: 1, column: 1 };
  const out: string[] = [];
  const at: Converted['at'] = [{ line: start.line, column: start.column }];
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let bold = 0;
  let pending = '';
  // Where `index` is in the source (a running count of the newlines before it).
  let seenTo = 0;
  let line = start.line;
  let lineStart = -(start.column - 1);
  const sourceAt = (index: number) => {
    for (; seenTo < index; seenTo++) {
      if (value[seenTo] === '\n') {
        line++;
        lineStart = seenTo + 1;
      }
    }
    return { line, column: index - lineStart + 1 };
  };
  // At the start of a line, text that Markdown would read as syntax ("#5 was…", "1. then…") is escaped.
  let lineStarts = true;
  const write = (text: string) => {
    if (bold > 0) {
      pending += text;
      return;
    }
    const shown = lineStarts ? text.trimStart().replace(LINE_SYNTAX, '\\$&') : text;
    if (shown) lineStarts = false;
    out.push(shown);
  };
  // A line starts where its first text is in the source, not at the tag that broke the line before it.
  let unplaced = 0;
  const place = (index: number) => {
    if (unplaced === 0) return;
    const where = sourceAt(index);
    for (let k = at.length - unplaced; k < at.length; k++) at[k] = where;
    unplaced = 0;
  };
  const newline = (index: number, blank: boolean) => {
    const where = sourceAt(index);
    out.push(blank ? '\n\n' : '  \n');
    at.push(where);
    if (blank) at.push(where);
    unplaced += blank ? 2 : 1;
    lineStarts = true;
  };
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(value); m; m = TAG.exec(value)) {
    const raw = value.slice(last, m.index);
    const text = raw.replace(/\s+/g, ' ');
    if (text.trim()) place(last + raw.search(/\S/));
    if (text) write(text);
    last = m.index + m[0].length;
    if (m[0] === '<!--') {
      const end = value.indexOf('-->', last);
      last = end < 0 ? value.length : end + 3;
      TAG.lastIndex = last;
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    if (name === 'strong' || name === 'b') {
      if (!closing && bold++ === 0) place(m.index);
      else if (bold > 0 && --bold === 0) {
        // "** Summary **" is no emphasis in Markdown: the spaces go outside the run.
        const inner = pending.trim();
        out.push(inner ? `${/^\s/.test(pending) && !lineStarts ? ' ' : ''}**${inner.replace(/\*/g, '\\*')}**${/\s$/.test(pending) ? ' ' : ''}` : pending);
        if (inner) lineStarts = false;
        pending = '';
      }
    } else if (name === 'br') {
      if (bold === 0) newline(m.index, false);
      else pending += ' ';
    } else if (/^(?:p|div|h[1-6]|ul|ol|blockquote|pre|hr|section)$/.test(name)) {
      if (bold > 0) continue;
      newline(m.index, true);
      if (name === 'ul' || name === 'ol') {
        if (closing) lists.pop();
        else lists.push({ ordered: name === 'ol', n: 0 });
      } else if (!closing && name.startsWith('h')) {
        out.push(`${'#'.repeat(Number(name[1]))} `);
        lineStarts = false;
      }
    } else if (name === 'li' && !closing && bold === 0) {
      const list = lists.at(-1);
      newline(m.index, false);
      place(m.index);
      out.push(list?.ordered ? `${++list.n}. ` : '- ');
      lineStarts = false;
    }
  }
  write(value.slice(last).replace(/\s+/g, ' '));
  if (pending) out.push(pending);
  return { text: out.join(''), at };
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
