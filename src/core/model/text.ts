/**
 * Plain text from mdast nodes, line by line, with source positions. Markdown
 * markup is dropped ("**10:00 AM:**" reads "10:00 AM:"), images and HTML are
 * skipped, and every line remembers where it starts in the file.
 */
import type { InlineCode, Nodes, Parents, PhrasingContent, TableRow } from 'mdast';

export interface TextLine {
  text: string;
  line: number;
  column: number;
  /**
   * Text of a strong/emphasis run at the very start of the line
   * ("**Duration:**" gives "Duration:"), if the line starts with one.
   */
  lead?: string;
  /** The whole line is a single strong/emphasis run (a bold pseudo-heading). */
  allLead?: boolean;
  /** The whole line is struck through. */
  struck?: boolean;
  /** HTML comments on the line (`<!-- id: x -->`), without the delimiters. */
  comments?: string[];
  /** Targets of the links on the line ("[Issue](https://github.com/o/r/issues/1)"). */
  links?: string[];
  /** The line starts after a hard line break (two trailing spaces, a backslash, `<br>`), not a soft wrap. */
  hard?: boolean;
  /**
   * Where the text leaves the source behind: pairs of an offset in `text`
   * and the source column of the character there, wherever markup the text
   * drops ("**", a backtick, a link's brackets) parts them. Without, the
   * character at offset i is at column `column + i` (see `columnAt`).
   */
  marks?: readonly number[];
}

/** The source column of the character at `offset` in the line's text. */
export function columnAt(line: TextLine, offset: number): number {
  const marks = line.marks;
  if (!marks) return line.column + offset;
  let column = line.column + offset;
  for (let i = 0; i < marks.length && marks[i] <= offset; i += 2) column = marks[i + 1] + (offset - marks[i]);
  return column;
}

/** The line without its first `count` characters, its columns kept. */
export function lineAfter<T extends TextLine>(line: T, count: number): T {
  const rest: T = { ...line, text: line.text.slice(count), column: columnAt(line, count) };
  delete rest.marks;
  const marks = line.marks && marksFrom(line, count, rest.column);
  if (marks) rest.marks = marks;
  return rest;
}

/** The marks of the line's text from `offset` on, for a line that starts at `column`. */
function marksFrom(line: TextLine, offset: number, column: number): number[] | undefined {
  const out: number[] = [];
  let [at, mapped] = [0, columnAt(line, offset)];
  if (mapped !== column) out.push(0, mapped);
  const marks = line.marks ?? [];
  for (let i = 0; i < marks.length; i += 2) {
    if (marks[i] <= offset) continue;
    const position = marks[i] - offset;
    if (marks[i + 1] !== mapped + (position - at)) out.push(position, marks[i + 1]);
    [at, mapped] = [position, marks[i + 1]];
  }
  return out.length > 0 ? out : undefined;
}

interface Builder {
  lines: TextLine[];
  current: TextLine | null;
  /** The current line's marks (see TextLine.marks) while it is built. */
  marks: number[];
  leadOpen: boolean;
  /** Characters of the current line that are outside a leading strong/emphasis run. */
  outsideLead: number;
  struckChars: number;
}

const LABEL_PUNCTUATION = /[\s:.\-–—]/g;
const COMMENT = /^<!--([\s\S]{0,2000}?)-->$/;

/** The column of a line after a hard break, until its first text says where it starts. */
const AFTER_BREAK = 0;

function startLine(b: Builder, line: number, column: number): void {
  finishLine(b);
  b.current = { text: '', line, column };
  b.marks = NO_MARKS;
  b.leadOpen = false;
  b.outsideLead = 0;
  b.struckChars = 0;
}

function finishLine(b: Builder): void {
  const cur = b.current;
  if (!cur) return;
  const trimmed = cur.text.replace(/(?<!\s)\s+$/, '');
  const leading = cur.text.length - cur.text.replace(/^\s+/, '').length;
  cur.text = trimmed.slice(leading);
  if (cur.column === AFTER_BREAK) cur.column = 1;
  const marks = b.marks.length > 0 ? marksFrom({ ...cur, marks: b.marks }, leading, cur.column + leading) : undefined;
  cur.column += leading;
  if (marks) cur.marks = marks;
  if (cur.lead !== undefined) {
    cur.lead = cur.lead.trim();
    cur.allLead = b.outsideLead === 0;
  }
  if (b.struckChars > 0 && b.struckChars >= cur.text.replace(/\s/g, '').length) cur.struck = true;
  if (cur.text.length > 0 || cur.comments) b.lines.push(cur);
  b.current = null;
}

/**
 * Zero-width and bidirectional control characters: invisible, so a reader
 * never sees them, and they must not split "@da\u200bna" or "10\u200b:00".
 */
export const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

function append(b: Builder, value: string, line: number, column: number, inLead: boolean, struck: boolean, endColumn?: number): void {
  const parts = value.replace(INVISIBLE, '').split('\n');
  // Markdown drops a continuation line's indentation from the text; the node's end column gives it back
  // (where the last line ends, less its text), and an indented paragraph is indented alike on every line.
  const indent = parts.length > 1 && endColumn !== undefined ? Math.max(1, endColumn - parts[parts.length - 1].length) : 1;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) startLine(b, line + i, indent);
    else if (!b.current) startLine(b, line, column);
    else if (b.current.column === AFTER_BREAK) b.current.column = column;
    const cur = b.current!;
    const part = parts[i];
    if (inLead && (cur.lead !== undefined ? b.leadOpen : cur.text.trim() === '')) {
      cur.lead = (cur.lead ?? '') + part;
      b.leadOpen = true;
    } else if (part.trim() !== '') {
      b.leadOpen = false;
      b.outsideLead += part.replace(LABEL_PUNCTUATION, '').length;
    }
    if (struck) b.struckChars += part.replace(/\s/g, '').length;
    if (i === 0) mark(b, cur, column);
    cur.text += part;
  }
}

/** Note where the text appended next starts in the source, if not where the text so far leads one to expect. */
function mark(b: Builder, cur: TextLine, column: number): void {
  const offset = cur.text.length;
  const marks = b.marks;
  const expected = marks.length > 0 ? marks[marks.length - 1] + (offset - marks[marks.length - 2]) : cur.column + offset;
  if (column === expected) return;
  if (b.marks === NO_MARKS) b.marks = [];
  b.marks.push(offset, column);
}

/** The marks of a line that has none yet, shared: most lines are written without markup inside them. */
const NO_MARKS: number[] = [];

function walkPhrasing(b: Builder, nodes: PhrasingContent[], inLead: boolean, struck: boolean, depth: number): void {
  for (const node of nodes) {
    const pos = node.position?.start ?? { line: b.current?.line ?? 1, column: 1 };
    switch (node.type) {
      case 'text':
        append(b, node.value, pos.line, pos.column, inLead, struck, node.position?.end.column);
        break;
      case 'inlineCode':
        append(b, node.value, pos.line, pos.column + codeFence(node), inLead, struck, node.position?.end.column);
        break;
      case 'break':
        // The column is the next node's: Markdown drops the indentation before it from the text.
        startLine(b, (node.position?.end.line ?? pos.line + 1), AFTER_BREAK);
        b.current!.hard = true;
        break;
      case 'strong':
      case 'emphasis': {
        const atStart = !b.current || b.current.text.trim() === '' || (b.leadOpen && inLead);
        if (depth < 64) walkPhrasing(b, node.children, inLead || atStart, struck, depth + 1);
        if (!inLead) b.leadOpen = false;
        break;
      }
      case 'delete':
        if (depth < 64) walkPhrasing(b, node.children, inLead, true, depth + 1);
        break;
      case 'link':
        if (!b.current) startLine(b, pos.line, pos.column);
        if (node.url) (b.current!.links ??= []).push(node.url);
        if (depth < 64) walkPhrasing(b, node.children, inLead, struck, depth + 1);
        break;
      case 'linkReference':
        if (depth < 64) walkPhrasing(b, node.children, inLead, struck, depth + 1);
        break;
      case 'html': {
        const m = COMMENT.exec(node.value.trim());
        if (m) {
          if (!b.current) startLine(b, pos.line, pos.column);
          (b.current!.comments ??= []).push(m[1].trim());
        } else if (/^<br\s*\/?>$/i.test(node.value.trim())) {
          startLine(b, pos.line, pos.column + node.value.length);
          b.current!.hard = true;
        }
        break;
      }
      default:
        // image, imageReference, footnoteReference: no text.
        break;
    }
  }
}

/**
 * Lines already read, by node: the structure, the window, the zone tally, the
 * timeline, the mentions and the prose each read the same paragraphs, which
 * walked every paragraph four or five times. The lines are shared, so they
 * are frozen: no reader may change them.
 */
const linesOfNode = new WeakMap<Parents, readonly TextLine[]>();

/** The lines of a phrasing container (paragraph, heading, table cell). */
export function phrasingLines(node: Parents): readonly TextLine[] {
  let lines = linesOfNode.get(node);
  if (lines === undefined) {
    lines = Object.freeze(readLines(node));
    linesOfNode.set(node, lines);
  }
  return lines;
}

/** The backticks (and the space) before an inline code span's text on one line ("`` `x` ``"): half of what the source adds. */
function codeFence(node: InlineCode): number {
  const { start, end } = node.position ?? {};
  if (!start || !end || start.line !== end.line) return 1;
  return Math.max(1, Math.floor((end.column - start.column - node.value.length) / 2));
}

function readLines(node: Parents): TextLine[] {
  const b: Builder = { lines: [], current: null, marks: NO_MARKS, leadOpen: false, outsideLead: 0, struckChars: 0 };
  const pos = node.position?.start;
  if (pos) startLine(b, pos.line, pos.column);
  walkPhrasing(b, node.children as PhrasingContent[], false, false, 0);
  finishLine(b);
  return b.lines;
}

/** All text of a node, one string, whitespace collapsed. Iterative, so deep trees cannot overflow the stack. */
export function plainText(node: Nodes): string {
  const out: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text' || n.type === 'inlineCode') out.push(n.value.replace(INVISIBLE, ''));
    else if (n.type === 'break') out.push(' ');
    else if ('children' in n) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
      if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') out.push(' ');
    }
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** The cells of a table row as plain text, with the column of each cell. */
export function rowCells(row: TableRow): Array<{ text: string; line: number; column: number }> {
  return row.children.map((cell) => ({
    text: plainText(cell),
    line: cell.position?.start.line ?? row.position?.start.line ?? 1,
    column: cell.position?.start.column ?? 1,
  }));
}

/** The text without the given characters at its end (a loop: a trailing-run regex is quadratic on long runs). */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}
