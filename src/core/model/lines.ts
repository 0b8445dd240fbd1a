/**
 * Text lines of a run of elements, whatever block they sit in: paragraph
 * lines, list items (nested ones too), table rows and blockquotes; and the
 * helpers that recover lines the parser put in HTML or code blocks.
 */
import type { BlockContent, Code, DefinitionContent, Html, List, Nodes, Root, RootContent, Table } from 'mdast';
import { parseFragment } from '../fragment.js';
import type { Element } from './structure.js';
import { INVISIBLE, phrasingLines, rowCells, type TextLine } from './text.js';

export function linesOfElements(elements: Element[]): TextLine[] {
  const out: TextLine[] = [];
  for (const e of elements) {
    if (e.kind === 'line') out.push(e.line);
    else if (e.kind === 'heading') continue;
    else collectBlock(e.node as BlockContent, out, 0);
  }
  return out;
}

function collectBlock(node: BlockContent | DefinitionContent, out: TextLine[], depth: number): void {
  if (depth > 32) return;
  switch (node.type) {
    case 'paragraph':
      out.push(...phrasingLines(node));
      break;
    case 'heading':
      out.push(...phrasingLines(node));
      break;
    case 'list':
      collectList(node, out, depth);
      break;
    case 'blockquote':
      for (const child of node.children) collectBlock(child, out, depth + 1);
      break;
    case 'table':
      out.push(...tableLines(node));
      break;
    case 'html':
      if (depth < 2) for (const child of htmlTail(node)) collectBlock(child as BlockContent, out, depth + 1);
      break;
    default:
      break;
  }
}

function collectList(list: List, out: TextLine[], depth: number): void {
  for (const item of list.children) {
    for (const child of item.children) collectBlock(child, out, depth + 1);
  }
}

/** A table's body rows, one line each, cells joined with " | ". */
export function tableLines(table: Table): TextLine[] {
  return table.children.slice(1).map((row) => {
    const cells = rowCells(row);
    return {
      text: cells.map((c) => c.text).join(' | '),
      line: row.position?.start.line ?? 1,
      column: row.position?.start.column ?? 1,
    };
  });
}

const TAG_LINE = /^\s*</;
const COMMENT_OPENING = /^\s*<!--/;
const MAX_TAIL = 20_000;

/**
 * The Markdown an HTML block swallowed. CommonMark ends an HTML block only at
 * a blank line, so "<img …>" followed directly by "- 10:00 alert" hides the
 * list inside the block; a reader still sees the list. The lines after the
 * block's leading tag lines are parsed again, with their own positions.
 */
export function htmlTail(node: Html): RootContent[] {
  const tail = swallowedText(node);
  if (!tail || tail.text.length > MAX_TAIL || !/[\p{L}\p{N}]/u.test(tail.text)) return [];
  const tree = parseFragment(tail.text);
  shiftPositions(tree, (node.position?.start.line ?? 1) - 1 + tail.skipped, (node.position?.start.column ?? 1) - 1);
  return tree.children;
}

/**
 * The lines after the tag lines that open an HTML block, when none of them is
 * a tag line itself: Markdown the block swallowed. With a tag line among them
 * ("<figure>", "<img …", "<figcaption>", caption text, "</figcaption>") the
 * block is HTML, and its text a caption or markup, not the document's lines.
 * A comment swallows nothing: what it holds is hidden.
 */
export function swallowedText(node: Html): { text: string; skipped: number } | null {
  // "<!--" opens a comment that runs to its "-->", blank lines and all: a template's instructions, hidden from readers.
  if (COMMENT_OPENING.test(node.value)) return null;
  const lines = node.value.split('\n');
  let k = 0;
  while (k < lines.length && (lines[k].trim() === '' || TAG_LINE.test(lines[k]))) k++;
  if (k === 0 || k >= lines.length) return null;
  const rest = lines.slice(k);
  if (rest.some((l) => TAG_LINE.test(l))) return null;
  return { text: rest.join('\n'), skipped: k };
}

function shiftPositions(root: Root, lines: number, columns: number): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position) {
      n.position.start = { ...n.position.start, line: n.position.start.line + lines, column: n.position.start.column + columns };
      n.position.end = { ...n.position.end, line: n.position.end.line + lines, column: n.position.end.column + columns };
    }
    if ('children' in n) for (const c of n.children) stack.push(c as Nodes);
  }
}

/**
 * The lines of an indented code block (tab- or four-space-indented lines
 * after a blank line), which authors write by accident for plain lines; a
 * fenced block gives undefined. A fence takes lines of its own, so a block
 * whose position spans exactly its lines was indented.
 */
export function indentedCodeLines(node: Code): TextLine[] | undefined {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end) return undefined;
  const lines = node.value.split('\n');
  if (end.line - start.line + 1 !== lines.length) return undefined;
  // The value drops the indent; the end column tells how wide it was (a tab, four spaces).
  const indent = Math.max(0, end.column - start.column - lines[lines.length - 1].length);
  return lines
    .map((text, i) => ({ text: text.replace(INVISIBLE, '').trim(), line: start.line + i, column: start.column + indent + (text.length - text.trimStart().length) }))
    .filter((l) => l.text.length > 0);
}

/** The lines of a fenced code block, for a timeline written inside one (with no entries outside it). */
export function fencedCodeLines(node: Code): TextLine[] {
  const start = node.position?.start;
  if (!start) return [];
  return node.value
    .split('\n')
    .map((text, i) => {
      const framed = unframed(text);
      return { text: framed.replace(INVISIBLE, '').trim(), line: start.line + 1 + i, column: start.column + (framed.length - framed.trimStart().length) };
    })
    .filter((l) => l.text.length > 0);
}

/** The sides of a box drawn with box-drawing characters. */
const FRAME_SIDES = new Set(['│', '┃', '║']);

/**
 * A line of a box drawn around text ("│  22:42:27  USB TIMEOUT …  │") without the box's sides, each
 * replaced by a space so that columns hold. Scanned, not matched: a regex anchored at the line's end
 * retries from every blank of a long run of them.
 */
function unframed(text: string): string {
  const first = text.length - text.trimStart().length;
  const last = text.trimEnd().length - 1;
  if (last < first || !FRAME_SIDES.has(text[first])) return text;
  const right = last > first && FRAME_SIDES.has(text[last]) ? last : text.length;
  return `${text.slice(0, first)} ${text.slice(first + 1, right)}`;
}

const BLOCK_TAGS = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'table', 'thead', 'tbody', 'ul', 'ol', 'section', 'details', 'summary', 'blockquote', 'pre', 'hr']);
const CELL_TAGS = new Set(['td', 'th']);
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—' };
const MAX_TAG = 2000;

/**
 * The text of an HTML block as a reader sees it rendered: one line per row,
 * list item, paragraph or break, cells joined with " | " (a timeline pasted
 * as an HTML table). One pass over the block.
 */
export function htmlTextLines(node: Html): TextLine[] {
  const value = node.value;
  const out: TextLine[] = [];
  const start = node.position?.start;
  let line = start?.line ?? 1;
  let lineStart = -(start?.column ?? 1) + 1; // index of the current line's first character, less the block's indent
  let text = '';
  let textLine = line;
  let textColumn = 1;
  let nextGt = -1;
  const flush = () => {
    const t = decodeEntities(text).replace(INVISIBLE, '').replace(/\s+/g, ' ').replace(/^[\s|]+|[\s|]+$/g, '');
    if (/[\p{L}\p{N}]/u.test(t)) out.push({ text: t, line: textLine, column: textColumn });
    text = '';
  };
  const add = (c: string, i: number) => {
    if (text.trim() === '') {
      if (/\s/.test(c)) return;
      text = '';
      textLine = line;
      textColumn = i - lineStart + 1;
    }
    text += c;
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    }
    if (c !== '<') {
      add(c, i);
      continue;
    }
    if (nextGt < i) nextGt = value.indexOf('>', i);
    if (nextGt < 0 || nextGt - i > MAX_TAG) {
      add(c, i);
      continue;
    }
    const tag = /^<(\/?)([A-Za-z][A-Za-z0-9]{0,15})/.exec(value.slice(i, i + 18));
    for (let k = i; k < nextGt; k++) {
      if (value[k] !== '\n') continue;
      line++;
      lineStart = k + 1;
    }
    i = nextGt;
    const name = tag?.[2].toLowerCase();
    if (name && BLOCK_TAGS.has(name)) flush();
    else if (name && CELL_TAGS.has(name) && tag![1] === '/' && text.trim() !== '') text += ' | ';
  }
  flush();
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

/**
 * A metadata table as "key: value" lines, so that its fields read like
 * labelled lines ("| Start Time (UTC) | 10:00 |", or a header row of keys
 * over one row of values: "| Incident Duration |" over "| ~2h |"). Each line
 * keeps the value's position. Other tables give nothing.
 */
export function tableFieldLines(table: Table): TextLine[] {
  const rows = table.children.map((row) => ({ row, cells: rowCells(row) }));
  const field = (key: string, cell: { text: string; line: number; column: number }, node: Table['children'][number]['children'][number] | undefined): TextLine => {
    const label = key.replace(/:$/, '').trim();
    const column = node?.children[0]?.position?.start.column ?? cell.column;
    return { text: `${label}: ${cell.text}`, line: cell.line, column: Math.max(1, column - label.length - 2) };
  };
  const out: TextLine[] = [];
  if (rows.every(({ cells }) => cells.length === 2)) {
    for (const { row, cells } of rows) if (cells[0].text && cells[1].text) out.push(field(cells[0].text, cells[1], row.children[1]));
  }
  // A two-by-two table reads either way; a wrong reading only makes fields no label matches.
  if (rows.length === 2) {
    const [header, values] = rows;
    header.cells.forEach((h, i) => {
      if (h.text && values.cells[i]?.text) out.push(field(h.text, values.cells[i], values.row.children[i]));
    });
  }
  return out;
}
