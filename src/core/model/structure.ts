/**
 * The document as a flat stream of elements (headings, paragraph lines,
 * blocks) cut into sections. A section heading may be written in any of the
 * forms authors use: a Markdown heading (ATX or setext, any level), a bold-only
 * line, a short plain label line ("Timeline:"), "#Heading" without a space, or
 * a list item holding only a label with the section nested under it (documents
 * written as one list). A document wrapped in a stray code fence, and lines
 * swallowed by an HTML block or an indented block of plain sentences, are read
 * as the Markdown they are.
 */
import type { Blockquote, Code, Html, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { Section, SectionKey } from '../types.js';
import { parseFragment } from '../fragment.js';
import { htmlDocumentNodes, readsAsHtmlDocument } from './html.js';
import { isAppendixHeading, isClosingHeading, isReaderAdviceHeading, isStatement, matchFallback, matchHeading, normalizeHeading, opensWithVerbOfSection, type AliasTable } from './aliases.js';
import { kindOf } from './action-items.js';
import { linesOfElements, swallowedText } from './lines.js';
import { phrasingLines, plainText, type TextLine } from './text.js';
import { scanTimes } from '../time/index.js';

export interface HeadingElement {
  kind: 'heading';
  text: string;
  level: number;
  style: Section['style'];
  keys: SectionKey[];
  line: number;
  column: number;
  /** A pseudo-heading naming the same thing as the section it sits in: a group label, not a section. */
  label: boolean;
  /** A bold line that names a section only through a verb it opens with ("**Detect destructive operations:**"): see `opensWithVerbOfSection`. */
  verbal?: boolean;
  /** Index into `Structure.sections`, when this heading opens one. */
  section?: number;
  /**
   * A bold label opening a paragraph of text ("**Root Cause:** Flash device failed…"): a section only in a report
   * written as such labelled paragraphs (see `keepLabelledParagraphs`); its line stays the paragraph's.
   */
  inline?: boolean;
  /** For a heading written as a line of a paragraph ("TODO:"): the line and its paragraph. */
  source?: TextLine;
  paragraph?: number;
}

export interface LineElement {
  kind: 'line';
  line: TextLine;
  /** The paragraph the line belongs to: lines of one paragraph share it. */
  paragraph: number;
}

export interface BlockElement {
  kind: 'block';
  node: RootContent;
  line: number;
}

export type Element = HeadingElement | LineElement | BlockElement;

export interface Structure {
  elements: Element[];
  sections: Section[];
  /** For each element, the innermost open section that has keys (-1 when none). */
  owner: number[];
  /** For each section, the index of its heading element. */
  sectionElement: number[];
  /**
   * Whether the document is written in Markdown (it has a heading, list or table): there a soft line
   * break wraps a paragraph; in a plain-text document every line is a line of its own.
   */
  markdown: boolean;
}

const HASH_NO_SPACE = /^(#{1,6})([A-Za-z][^#]{0,100})$/;
/** A heading's attributes (kramdown, Pandoc, Hugo) at its end: "{#2-07pm-cst}", "{.unnumbered}". */
const HEADING_ATTRIBUTES = /\{[ \t]*[#.][^{}\n]{0,200}\}$/;

/** A heading's text without its attributes ("## 2:07pm CST {#2-07pm-cst}"); only its tail is searched. */
function withoutAttributes(text: string): string {
  if (!text.endsWith('}')) return text;
  const tail = text.slice(-260);
  const m = HEADING_ATTRIBUTES.exec(tail);
  const at = m ? text.length - tail.length + m.index : -1;
  return at > 0 && /[ \t]/.test(text[at - 1]) ? text.slice(0, at).trimEnd() : text;
}
const MAX_LABEL = 80;
/** Bold lines of up to this many words are read like Markdown headings. */
const MAX_BOLD_WORDS = 6;
/** Plain label lines ending in a colon of up to this many words may carry words after the section's name. */
const MAX_LABEL_WORDS = 8;
/** Plain label lines ending in a colon of up to this many words are named by their head word. */
const MAX_HEAD_LABEL_WORDS = 3;

function pseudoHeading(line: TextLine, table: AliasTable, opensParagraph = false): HeadingElement | null {
  const text = line.text;
  if (text.length > MAX_LABEL + 10) return null;
  const hash = HASH_NO_SPACE.exec(text);
  if (hash) {
    const heading = hash[2].trim();
    return {
      kind: 'heading',
      text: heading,
      level: hash[1].length,
      style: 'hash-no-space',
      keys: matchHeading(heading, table),
      line: line.line,
      column: line.column,
      label: false,
    };
  }
  const bold = line.allLead && line.lead !== undefined;
  const candidate = (bold ? line.lead! : text).replace(/(?<![\s:：.\-–—])[\s:：.\-–—]+$/, '');
  if (!candidate || candidate.length > MAX_LABEL) return null;
  // A plain line only counts when it reads as a label, not as a sentence ("Incident resolved.").
  if (!bold && (/[.!?]\s/.test(candidate) || /(?<!\.)\.$/.test(text))) return null;
  const words = candidate.split(/\s+/).length;
  // A short bold line is set apart as a heading is ("**Short-term improvements:**"); a plain line may be a sentence.
  let keys = isStatement(candidate) && !bold ? [] : matchHeading(candidate, table, { strict: !bold || words > MAX_BOLD_WORDS, plain: !bold });
  // A plain line ending in a colon that opens with a section's name labels it, whatever follows ("Corrective measures must contain:").
  if (keys.length === 0 && !bold && /:\s*$/.test(text) && words <= MAX_LABEL_WORDS) keys = matchHeading(candidate, table, { strict: true, plain: true, prefix: true });
  // A label of a few words ending in a colon is named by its head word, as a heading is ("Main cause:", "Immediate fix:");
  // not through a prefix joined to it ("Post-resolution:" is what came after the resolution).
  if (keys.length === 0 && !bold && /:\s*$/.test(text) && words <= MAX_HEAD_LABEL_WORDS && !/\p{L}-\p{L}/u.test(candidate)) {
    keys = matchHeading(candidate, table, { plain: true });
  }
  // A closing heading stands alone at the start of its paragraph, or alone on its line as a label ("Conclusion:"),
  // capitalised, as headings are written.
  // Scripts without case (Chinese, Japanese, Korean) have no capital to open with.
  if (keys.length === 0 && !((opensParagraph || /[:：]\s*$/.test(text)) && /^[\p{Lu}\p{Lo}]/u.test(candidate) && isClosingHeading(candidate))) return null;
  const verbal = bold && keys.length > 0 && matchHeading(candidate, table, { strict: true }).length === 0 && opensWithVerbOfSection(candidate, table);
  return {
    kind: 'heading',
    text: candidate,
    level: 7,
    style: bold ? 'bold' : 'label',
    keys,
    line: line.line,
    column: line.column,
    label: false,
    ...(verbal ? { verbal } : {}),
  };
}

function startOf(node: RootContent): { line: number; column: number } {
  return node.position?.start ?? { line: 1, column: 1 };
}

function headingElement(text: string, level: number, style: Section['style'], keys: SectionKey[], at: { line: number; column: number }): HeadingElement {
  return { kind: 'heading', text, level, style, keys, line: at.line, column: at.column, label: false };
}

/** The sections a report's labelled paragraphs name, as Google's example postmortem writes them ("**Summary:** …"). */
const PARAGRAPH_LABEL_KEYS = new Set<SectionKey>(['summary', 'impact', 'root-cause', 'resolution', 'detection']);

/** "**Root Cause:** Flash device failed undetected.": a bold label ending in a colon, naming one section, over its text. */
function labelOpening(line: TextLine, table: AliasTable): HeadingElement | null {
  const lead = line.lead;
  if (!lead || line.allLead) return null;
  const rest = line.text.slice(line.text.indexOf(lead) + lead.length);
  if (!/[:：]$/.test(lead) && !/^[*_]{0,3}[ \t]?[:：]/.test(rest)) return null;
  const name = lead.replace(/(?<![\s:：])[\s:：]+$/, '');
  if (name.length === 0 || name.split(/\s+/).length > 4) return null;
  const keys = matchHeading(name, table, { strict: true });
  if (keys.length !== 1 || !PARAGRAPH_LABEL_KEYS.has(keys[0])) return null;
  return { ...headingElement(name, 7, 'bold', keys, line), inline: true };
}

/**
 * "**Summary:** …", "**Impact:** …", "**Root Cause:** …", "**Resolution:** …",
 * each opening a paragraph outside any named section: a report written as
 * Google's example postmortem is, whose labels are its sections. Kept only
 * where two or more such labels stand outside a named section and no heading
 * names the same section; elsewhere ("**Root cause:** …" inside the summary)
 * the label is part of its paragraph.
 */
function keepLabelledParagraphs(elements: Element[]): void {
  const headed = new Set<SectionKey>();
  for (const e of elements) if (e.kind === 'heading' && !e.inline) for (const key of e.keys) headed.add(key);
  const outside: HeadingElement[] = [];
  eachUnderParts(elements, (e, parts) => {
    if (e.inline && !headed.has(e.keys[0]) && parts.every((h) => h.keys.length === 0)) outside.push(e);
  });
  const keep = new Set(outside.length >= 2 ? outside : []);
  let kept = 0;
  for (const e of elements) if (!(e.kind === 'heading' && e.inline && !keep.has(e))) elements[kept++] = e;
  elements.length = kept;
}

/** Flatten the root's children into elements, recognising pseudo-headings. */
function toElements(root: Root, table: AliasTable): { elements: Element[]; markdown: boolean } {
  const elements: Element[] = [];
  let markdown = false;
  let paragraphs = 0;
  const visit = (nodes: RootContent[], reparsed: boolean): void => {
    let quoted: HeadingElement | null;
    for (const [i, node] of nodes.entries()) {
      if (node.type === 'yaml' || (node as { type: string }).type === 'toml') continue; // front matter
      if (node.type === 'heading' || node.type === 'list' || node.type === 'table') markdown = true;
      // A list ending in a bold label over the text after it ("- **Resolution**:", then a paragraph).
      const standalone = node.type === 'list' && labelsWhatFollows(node, nodes[i + 1]);
      if (node.type === 'heading') {
        const text = withoutAttributes(plainText(node));
        const start = startOf(node);
        const end = node.position?.end.line ?? start.line;
        elements.push(headingElement(text, node.depth, end > start.line ? 'setext' : 'atx', matchHeading(text, table), start));
      } else if (node.type === 'paragraph') {
        const paragraph = paragraphs++;
        for (const [index, line] of phrasingLines(node).entries()) {
          const pseudo = pseudoHeading(line, table, index === 0);
          const inline = !pseudo && index === 0 ? labelOpening(line, table) : null;
          if (inline) elements.push(inline);
          elements.push(pseudo ? { ...pseudo, source: line, paragraph } : { kind: 'line', line, paragraph });
        }
      } else if (node.type === 'list' && isOutlineList(node, table, standalone)) {
        for (const item of node.children) {
          const label = itemLabel(item, table, standalone && item === node.children.at(-1)) ?? outlineLabel(item);
          if (label) {
            elements.push({ ...label, style: 'list-item', column: item.position?.start.column ?? label.column });
            // "- **Resolution**:" with its text on the next, indented line: the paragraph's other lines are the section's.
            const rest = phrasingLines(item.children[0] as Paragraph).slice(1);
            if (rest.length > 0) {
              const paragraph = paragraphs++;
              for (const line of rest) elements.push({ kind: 'line', line, paragraph });
            }
            visit(item.children.slice(1) as RootContent[], reparsed);
          } else {
            elements.push({ kind: 'block', node: { ...node, children: [item], position: item.position }, line: item.position?.start.line ?? startOf(node).line });
          }
        }
      } else if (node.type === 'blockquote' && (quoted = quotedLabel(node, table))) {
        // ">**Root Cause:**" over text outside the quote: a label the author set off with ">", not a quotation.
        elements.push({ ...quoted, paragraph: paragraphs++ });
      } else if (!reparsed && (node.type === 'code' || node.type === 'html') && readsAsMarkdown(node, table)) {
        visit(reparse(node), true);
      } else if (!reparsed && node.type === 'html' && readsAsHtmlDocument(node)) {
        visit(htmlDocumentNodes(node), true);
      } else {
        elements.push({ kind: 'block', node, line: startOf(node).line });
      }
    }
  };
  visit(root.children, false);
  readTitleStrictly(elements, table);
  keepLabelledParagraphs(elements);
  return { elements, markdown };
}

/** The heading a blockquote of one short line is, when that line reads as one (">**Issue Summary**"). */
function quotedLabel(node: Blockquote, table: AliasTable): HeadingElement | null {
  if (node.children.length !== 1 || node.children[0].type !== 'paragraph') return null;
  const lines = phrasingLines(node.children[0]);
  const heading = lines.length === 1 ? pseudoHeading(lines[0], table, true) : null;
  return heading && { ...heading, source: lines[0] };
}

/**
 * A document's title, its one level-1 heading above sections of their own
 * (or a bold line opening the document above labelled sections),
 * names the incident: it names a section only as a whole heading would
 * ("# Root cause analysis"). Read loosely, a product in the title named one:
 * "Incident Report: GitHub Actions Platform Outage" held the whole document
 * as its measures.
 */
function readTitleStrictly(elements: Element[], table: AliasTable): void {
  // "**0x19 postmortem task: web stack debugging**" opening the document, over labels of sections: its title too.
  const opening = elements[0];
  if (opening?.kind === 'heading' && opening.level === 7 && opening.keys.length > 0 && elements.filter((e) => e.kind === 'heading' && e !== opening && e.keys.length > 0).length >= 2) {
    opening.keys = matchHeading(opening.text, table, { strict: true });
  }
  const headings = elements.filter((e): e is HeadingElement => e.kind === 'heading' && e.level <= 6);
  const title = headings[0];
  if (!title || title.level !== 1 || title.keys.length === 0 || headings.length < 2) return;
  // "# Root Cause Analysis: INSIGHT-2147" over sections at the same level: the kind of document, then which
  // incident. It names the document, not a section of it, whatever level the sections are at.
  if (KIND_OF_DOCUMENT.test(title.text)) title.keys = [];
  else if (!headings.slice(1).some((h) => h.level === 1)) title.keys = matchHeading(title.text, table, { strict: true });
}

/** A title that names the kind of document and then the incident ("Postmortem: …", "RCA - …", "Incident Report: …"). */
const KIND_OF_DOCUMENT =
  /^[\W\d_]{0,6}(?:(?:incident|outage)[ \t]+)?(?:post[ \t-]?mortem|post[ \t-]incident[ \t]+review|root[ \t]+cause[ \t]+analysis|rca|(?:incident|outage)[ \t]+(?:report|review|analysis))(?:[ \t]+report)?[ \t]*(?::|[ \t][-–—|][ \t])[ \t]*\S/i;

/**
 * A list ending in an item that is only a bold label ("- **Resolution**:"),
 * over text at the margin rather than nested in it: each part of the report
 * is written so ("- **Impact**:", a paragraph, "- **Resolution**:", …). The
 * label heads what follows, as a bold line alone would.
 */
function labelsWhatFollows(list: List, next: RootContent | undefined): boolean {
  // A numbered one ("5. **Disk pressure mitigation**") titles what follows as one step or measure among others.
  if (list.ordered || !next || next.type === 'heading') return false;
  const item = list.children[list.children.length - 1];
  const label = item.children.length === 1 && item.children[0].type === 'paragraph' ? item.children[0].children : [];
  if (label.length === 0 || !label.every((c) => c.type === 'strong' || (c.type === 'text' && /^[\s:]*$/.test(c.value)))) return false;
  // Over a list, only a label ending in a colon announces it ("- **Review actions**:"); without, it may be a list's first item.
  return next.type !== 'list' || /:\s*$/.test(plainText(item.children[0] as Paragraph));
}

/**
 * The label heading of a list item that holds only a label ("- **Timeline**") with content nested under it, or,
 * `standalone`, over what follows the list.
 */
function itemLabel(item: ListItem, table: AliasTable, standalone = false): HeadingElement | null {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return null;
  const lines = phrasingLines(first);
  // The content sits under the label: nested blocks, or lines of its paragraph indented under a label that ends in a colon
  // (lazy lines at the margin are the list's own continuation).
  const column = item.position?.start.column ?? 1;
  const labelLine =
    lines.length === 1
      ? item.children.length >= 2 || standalone
      : lines[0].allLead === true && /:\s*$/.test(lines[0].text) && lines.slice(1).every((l) => l.column > column);
  if (!labelLine) return null;
  const heading = pseudoHeading(lines[0], table);
  return heading && heading.keys.length > 0 ? heading : null;
}

/**
 * In a list of sections, an item of the same shape that names none ("9. Additional Issues Found" over its
 * notes): a section of its own, not text of the section before it.
 */
function outlineLabel(item: ListItem): HeadingElement | null {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph' || item.children.length < 2) return null;
  const lines = phrasingLines(first);
  if (lines.length !== 1) return null;
  const text = lines[0].text.replace(/(?<![\s:])[\s:]+$/, '');
  if (!/^\p{Lu}/u.test(text) || /[.!?]$/.test(text) || text.split(/\s+/).length > 6) return null;
  return { kind: 'heading', text, level: 7, style: 'list-item', keys: [], line: lines[0].line, column: lines[0].column, label: false };
}

/** A list whose items are the document's sections: two or more label items naming different sections. */
function isOutlineList(list: List, table: AliasTable, standalone: boolean): boolean {
  // A list of one label item holding its section ("* Timeline:" over the entries), or heading what follows, is one too.
  if (list.children.length === 1) return itemLabel(list.children[0], table, standalone) !== null;
  const named = new Set<string>();
  for (const item of list.children) {
    const label = itemLabel(item, table, standalone && item === list.children.at(-1));
    if (label) named.add(label.keys.join('+'));
    if (named.size >= 2) return true;
  }
  return false;
}

const HEADING_LINE = /^ {0,3}(#{1,6})[ \t]+(\S[^\n]{0,200})$/gm;
const MARKDOWN_LANGS = new Set(['', 'md', 'markdown', 'text', 'txt', 'plain', 'plaintext']);
const CODE_CHARS = /[{};=<>$`\\|]|^\s*(?:\/\/|#!|\$ |[A-Za-z_][\w.]*\()/;

/** A line of at least three words: a sentence, not a command or a log line. */
function isSentence(line: string): boolean {
  return !CODE_CHARS.test(line) && hasWords(line, 3, /^\p{L}/u);
}

/** Whether `line` holds at least `count` words opening as `word` says. */
function hasWords(line: string, count: number, word: RegExp): boolean {
  let words = 0;
  for (const w of line.split(/\s+/)) if (word.test(w) && ++words >= count) return true;
  return false;
}

/**
 * Whether a block that Markdown took as code or HTML is text a reader reads
 * as Markdown: a fence around a document with section headings, a fence
 * marked as Markdown around lines of text, an indented block of plain
 * sentences, or lines an HTML tag line swallowed.
 */
function readsAsMarkdown(node: Code | Html, table: AliasTable): boolean {
  if (node.type === 'html') return swallowedText(node) !== null;
  if (!MARKDOWN_LANGS.has((node.lang ?? '').toLowerCase())) return false;
  let headings = 0;
  for (const m of node.value.matchAll(HEADING_LINE)) {
    if (matchHeading(m[2], table).length > 0 && ++headings >= 2) return true;
  }
  const lines = node.value.split('\n').filter((l) => l.trim());
  // "```md" around a section's own sentences and lists (a course template fences every section): the author wrote Markdown.
  if (/^(?:md|markdown)$/i.test(node.lang ?? '') && isFenced(node)) return lines.length > 0 && lines.every(isTextLine);
  if (isFenced(node) || node.lang) return false;
  // Sentences, and labels over them ("    * Tasks:" over indented measures): the author indented text, not code. A
  // sentence wrapped by hand goes on in lower case ("…state how long they will be gone" then "for").
  return lines.some(isSentence) && lines.every((l, i) => isSentence(l) || INDENTED_LABEL.test(l) || (i > 0 && isSentence(lines[i - 1]) && WRAPPED.test(l)));
}

/** The rest of a sentence wrapped onto a line of its own: a word or two in lower case, no code. */
const WRAPPED = /^\s*\p{Ll}[\p{L}'’,.]*(?:[ \t]+[\p{L}'’,.]+)?[ \t]*$/u;

/** "* Tasks:", "Improvements/Fixes:": a short label line over the lines of an indented block. */
const INDENTED_LABEL = /^\s*(?:[*+-][ \t]+)?\p{L}[\p{L}\p{N} /&'-]{0,40}:\s*$/u;

/** No code, and two words or more: a line of text, a list item or a timeline entry ("- _10:56_ - Alert fires."). */
function isTextLine(line: string): boolean {
  return !/[{};=<>$\\]|^\s*(?:\/\/|#!|\$ )/.test(line) && hasWords(line, 2, /^[\p{L}_*`]/u);
}

/** Fenced code spans more source lines than its value (the fences); indented code spans exactly its value. */
function isFenced(node: Code): boolean {
  const span = (node.position?.end.line ?? 0) - (node.position?.start.line ?? 0) + 1;
  return span > node.value.split('\n').length;
}

/**
 * The indentation Markdown took off an indented block's lines (a tab, four
 * spaces): its last line ends where the source line ends, so the difference
 * is what was taken.
 */
function indentOf(node: Code): number {
  const last = node.value.split('\n').at(-1) ?? '';
  const end = node.position?.end.column ?? 1;
  return Math.max(0, end - 1 - last.length - ((node.position?.start.column ?? 1) - 1));
}

/** Parse the inside of a code or HTML block as Markdown, with positions of the enclosing file. */
function reparse(node: Code | Html): RootContent[] {
  const start = startOf(node);
  let text: string;
  let lineOffset: number;
  let extra = 0;
  if (node.type === 'html') {
    const tail = swallowedText(node)!;
    text = tail.text;
    lineOffset = start.line - 1 + tail.skipped;
  } else if (isFenced(node)) {
    text = node.value;
    lineOffset = start.line;
  } else {
    // An indented block shows its lines one under the other: each ends with a hard break. Indented further than a
    // code block needs (eight spaces), its lines keep the rest of their indent: it goes too, or they are code again.
    const lines = node.value.split('\n');
    extra = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
    text = lines.map((l) => (l.trim() ? l.slice(extra) + '  ' : l)).join('\n');
    lineOffset = start.line - 1;
  }
  const columnOffset = node.type === 'code' ? start.column - 1 + (isFenced(node) ? 0 : indentOf(node) + extra) : 0;
  return parseMarkdownAt(text, lineOffset, columnOffset);
}

/** Parse `text` as Markdown, with positions moved by the lines and columns before it in the enclosing file. */
export function parseMarkdownAt(text: string, lineOffset: number, columnOffset: number): RootContent[] {
  const tree = parseFragment(text);
  const stack: Array<{ position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } }; children?: unknown[] }> = [tree];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position) {
      n.position = {
        start: { line: n.position.start.line + lineOffset, column: n.position.start.column + columnOffset },
        end: { line: n.position.end.line + lineOffset, column: n.position.end.column + columnOffset },
      };
    }
    if (Array.isArray(n.children)) for (const c of n.children) stack.push(c as (typeof stack)[number]);
  }
  return tree.children;
}

function isSubset(a: SectionKey[], b: SectionKey[]): boolean {
  return a.length > 0 && a.every((k) => b.includes(k));
}

/** Headings that group the measures inside an action-item section ("### Prevention", "Actions taken"). */
const GROUP_KEYS: SectionKey[] = ['action-items', 'resolution'];
/** Sections whose names also name the area a group of measures works on. */
const AREA_KEYS: SectionKey[] = ['detection', 'impact'];

/**
 * A heading that labels a group inside the section it sits in, rather than
 * opening a section of its own: a pseudo-heading naming the same thing
 * ("**Corrective Actions:**" inside "Action Items"), or any deeper heading
 * that names measures or what was done inside an action-item section.
 */
function isGroupLabel(e: HeadingElement, open: Section, timed: () => boolean, innermost: Section, entries: () => boolean): boolean {
  if (e.level === 7 && isSubset(e.keys, open.keys) && !nextOfKind(e, open)) return true;
  if (open.keys.includes('action-items') && e.level > open.level && isSubset(e.keys, GROUP_KEYS)) return true;
  // "### Detection", "### 2. Active Execution Detection", "### Customer impact" under the measures: the area a group of
  // measures works on, not the story's detection or impact.
  if (open.keys.includes('action-items') && e.level > open.level && isSubset(e.keys, AREA_KEYS)) return true;
  // "### Can be improved/fixed" under the measures: what to improve, as the template's "Improvements/Fixes", not lessons.
  if (open.keys.includes('action-items') && e.level > open.level && isSubset(e.keys, [...GROUP_KEYS, 'lessons-learned']) && IMPROVE.test(e.text)) return true;
  // "### Immediate Actions (Completed)" under "## Resolution", "### Process Improvement" under "## Immediate Actions
  // Taken": what was done to resolve it, not measures to follow.
  if (open.keys.includes('resolution') && !open.keys.includes('action-items') && e.level > open.level && isSubset(e.keys, ['action-items'])) {
    if (DONE_MARKED.test(e.text) || (!STILL_TO_DO.test(e.text) && (DONE_HEADING.test(e.text) || DONE_HEADING.test(open.heading)))) return true;
  }
  // Inside the measures, a bold line that opens with a verb ("**Detect destructive operations:**", over alerts to
  // add) names measures, not the section its verb's noun would.
  if (open.keys.includes('action-items') && e.level === 7 && e.verbal) return true;
  // "when was the issue detected:", "actions taken" over timed entries, "Gradual recovery:" under a time heading:
  // phases of the timeline, not sections.
  if (!open.keys.includes('timeline')) return false;
  // "### Phase 2: Typo Fixed, Still Failing (2025-12-09 23:17)", "- **14:30 UTC - Issue Detected:**": a phase or an entry
  // at its time, whatever its words name.
  if ((e.level > open.level || e.level === 7) && e.keys.length > 0 && statesAClockTime(e.text)) return true;
  if (!isSubset(e.keys, PHASE_KEYS)) return false;
  // After the timeline's entries, a label over a sentence that tells times ("Impact:" over "… from 05:01 to 17:05
  // UTC") opens its section: there a phase's label stands over entries that open with their times.
  if (e.level === 7) return isTimeHeading(innermost) || timed();
  // "### Detection", "### Resolution" under "## Timeline", each over entries that open with their times: the
  // timeline's phases too (not "### How the incident was resolved" over a story that tells the time).
  return e.level > open.level && entries();
}

const IMPROVE = /\bimprov/i;

/**
 * "**Prevention**:" then "**Action Items**:", bold labels both, as every
 * section of the report is: the plain list of measures after measures of a
 * kind is the next section, not a group of that kind ("**Corrective
 * Actions:**" after "**Action Items:**" is one).
 */
function nextOfKind(e: HeadingElement, open: Section): boolean {
  return open.level === 7 && e.keys.length === 1 && e.keys[0] === 'action-items' && kindOf(open.heading) !== undefined && kindOf(e.text) === undefined;
}

/** A heading of what was done: "Immediate actions (completed)", "Actions taken", "Attempted fixes", "Resolution steps implemented". */
const DONE_HEADING = /\b(?:immediate|completed?|done|taken|performed|applied|attempted|tried|implemented|executed)\b/i;
/** A heading marked done ("### 3. Prevention Measures ✅" under "## Resolution Steps Taken"): a step taken, whatever it names. */
const DONE_MARKED = /[✅✔☑]\uFE0F?\s*$/u;
/** Words of work not done yet, in a heading or label: "Follow-ups", "Next steps", "Actions planned", "TODO". */
const TO_DO_WORDS = 'follow[ \\t-]?ups?|next|future|todo|to[ \\t]do|planned|pending';
/** A heading of what is still to do, whatever else it says: "Immediate follow-ups", "Next steps". */
const STILL_TO_DO = new RegExp(`\\b(?:${TO_DO_WORDS}|open|long[ \\t-]term|short[ \\t-]term|prevent\\w*)\\b`, 'i');

/** A heading without keys that opens with a clock time ("### 02:05–02:08 CET"): an entry of the timeline it sits in. */
function isTimeHeading(section: Section): boolean {
  if (section.keys.length > 0 || section.level > 6) return false;
  const first = scanTimes(section.heading)[0];
  return first !== undefined && first.time !== undefined && first.index <= 2;
}

/** Whether a heading states a clock time ("… (2025-12-09 23:17)"). */
function statesAClockTime(text: string): boolean {
  return scanTimes(text).some((x) => x.time !== undefined);
}

/** Sections whose names also label the phases of a timeline. */
const PHASE_KEYS: SectionKey[] = ['detection', 'impact', 'resolution'];

/** The elements after a heading, up to the next heading. */
function elementsUnder(elements: Element[], index: number): Element[] {
  const own: Element[] = [];
  for (let i = index + 1; i < elements.length && elements[i].kind !== 'heading'; i++) own.push(elements[i]);
  return own;
}

/** Whether the elements after a heading, up to the next, carry a clock time. */
function timedAfter(elements: Element[], index: number): boolean {
  return linesOfElements(elementsUnder(elements, index)).some((l) => scanTimes(l.text).some((t) => t.time !== undefined));
}

/** Whether the first line after a heading opens with a clock time, as a timeline entry does. */
function entryAfter(elements: Element[], index: number): boolean {
  const first = linesOfElements(elementsUnder(elements, index)).find((l) => l.text.trim().length > 0);
  return first !== undefined && opensWithClockTime(first.text);
}

function opensWithClockTime(text: string): boolean {
  return scanTimes(text.slice(0, 40)).some((t) => t.time !== undefined && t.index <= 4);
}

/** Whether the lines after a heading, up to the next, are one or more timeline entries, each opening with a time. */
function timedEntriesAfter(elements: Element[], index: number): boolean {
  const lines = linesOfElements(elementsUnder(elements, index)).filter((l) => l.text.trim().length > 0);
  return lines.length > 0 && lines.every((l) => opensWithClockTime(l.text));
}

/** Whether the lines after a heading, up to the next, are timeline entries: three or more, most of them opening with a time. */
function entriesAfter(elements: Element[], index: number): boolean {
  const lines = elementsUnder(elements, index)
    .flatMap((e) => (e.kind === 'block' && e.node.type === 'list' ? itemHeadLines(e.node) : linesOfElements([e])))
    .filter((l) => l.text.trim().length > 0);
  const opening = lines.filter((l) => opensWithClockTime(l.text)).length;
  return opening >= 3 && opening * 3 >= lines.length * 2;
}

/** The first line of each item of a list, nested items too: an entry wrapped onto more lines is still one entry. */
function itemHeadLines(list: List): TextLine[] {
  return list.children.flatMap((item) => {
    const first = item.children[0];
    const head = first?.type === 'paragraph' ? phrasingLines(first).slice(0, 1) : [];
    return [...head, ...item.children.flatMap((c) => (c.type === 'list' ? itemHeadLines(c) : []))];
  });
}

function hasContent(element: Element): boolean {
  if (element.kind === 'line') return element.line.text.length > 0;
  if (element.kind === 'heading') return false;
  const node = element.node;
  if (node.type === 'thematicBreak' || node.type === 'definition') return false;
  if (node.type === 'html') return !/^\s*<!--[\s\S]*-->\s*$/.test(node.value);
  return true;
}

const owned = new WeakMap<Structure, Map<number, Element[]>>();

/**
 * The elements a keyed section owns (its heading first), sub-sections without
 * keys included. Grouped once per document, so asking for every section stays linear.
 */
export function ownElements(structure: Structure, sectionIndex: number): Element[] {
  let bySection = owned.get(structure);
  if (!bySection) {
    bySection = new Map();
    structure.elements.forEach((e, i) => {
      const s = structure.owner[i];
      if (s < 0) return;
      const list = bySection!.get(s);
      if (list) list.push(e);
      else bySection!.set(s, [e]);
    });
    owned.set(structure, bySection);
  }
  return bySection.get(sectionIndex) ?? [];
}

/**
 * "## 2023-07-19", "## Day 2", "## 14:32 UTC" right under "## Timeline": a
 * heading that is a date or time continues the timeline, whatever its level.
 * Returns the open timeline section it continues, if any.
 */
function datedTimelineHeading(e: HeadingElement, stack: number[], sections: Section[]): number | undefined {
  if (e.level > 6) return undefined;
  const timeline = [...stack].reverse().find((s) => sections[s].keys.length > 0);
  if (timeline === undefined || !sections[timeline].keys.includes('timeline')) return undefined;
  const first = scanTimes(e.text)[0];
  if (!first || first.index > 2) return undefined;
  // "### 10:45-11:37 AM: Fix development": a phase of the timeline named by its clock times, whatever its words name.
  if (e.keys.length > 0) return first.time ? timeline : undefined;
  if (sections[timeline].level < e.level) return undefined;
  return first.date || first.time || first.dayOffset !== undefined ? timeline : undefined;
}

/** Three or more sub-headings, most of them opening with a clock time ("### 8:00 AM", "### 13:20 - 15:25"), right under a heading. */
function headsClockTimes(elements: Element[], index: number): boolean {
  const level = (elements[index] as HeadingElement).level;
  let headings = 0;
  let times = 0;
  for (let i = index + 1; i < elements.length; i++) {
    const e = elements[i];
    if (e.kind !== 'heading' || e.level > 6) continue;
    if (e.level <= level) break;
    headings++;
    const first = scanTimes(e.text)[0];
    if (first?.time !== undefined && first.index <= 2 && e.keys.length === 0) times++;
  }
  return times >= 3 && times * 4 >= headings * 3;
}

/** "Leadup", "Lead-up", "The lead-up": the events that led to the incident. */
const LEAD_UP_HEADING = /^(?:the )?lead ?up$/;

/** A live post's updates: "Updates:", "Status updates", "Live updates", "Update log". */
const UPDATES_HEADING = /^(?:(?:status|live|incident)[ \t]+)?updates?(?:[ \t]+log)?[ \t]*:?$/i;

export function buildStructure(root: Root, table: AliasTable, lineCount: number): Structure {
  const { elements, markdown } = toElements(root, table);
  unkeyContainers(elements);
  keyAnnouncedMeasures(elements);
  keyRecoveryDone(elements);
  unkeyMeasuresAside(elements, table);
  keyActionsTakenOnLessons(elements);
  keepAvoidanceWithMeasures(elements);
  const first = cut(elements, lineCount, markdown);
  // Headings that name a section only when the document has no other ("What happened?" as its summary).
  const missing = (key: SectionKey) => !first.sections.some((s) => s.keys.includes(key));
  let filled = false;
  for (const i of first.sectionElement) {
    const e = elements[i] as HeadingElement;
    if (e.keys.length > 0 || e.level > 6 && e.style !== 'bold') continue;
    const fallback = matchFallback(e.text);
    // "## What happened" or a live post's "##### Updates:" over a list of timed entries, in a document without a
    // timeline: it is the timeline.
    // "## May 8th, the conference day" over "### 7:00", "### 8:00 AM", "### 9:50-12:15": the day told hour by hour.
    // A template's "## Leadup" ("List the sequence of events that led to the incident") over timed entries is its timeline.
    const timeline = missing('timeline') && (((fallback === 'summary' || UPDATES_HEADING.test(e.text) || LEAD_UP_HEADING.test(normalizeHeading(e.text))) && entriesAfter(elements, i)) || headsClockTimes(elements, i));
    const key = timeline ? 'timeline' : fallback;
    if (key && missing(key) && !elements.some((x) => x.kind === 'heading' && x.keys.includes(key))) {
      e.keys = [key];
      filled = true;
    }
  }
  if (!filled) return first;
  for (const e of elements) if (e.kind === 'heading') e.label = false;
  return cut(elements, lineCount, markdown);
}

/** A sentence that says what follows will keep the incident from happening again ("… to prevent exposures of this kind in the future"). */
const PREVENTS_RECURRENCE = /\b(?:prevent|avoid)\w*[ \t][^.!?]{0,120}?\b(?:in[ \t]+the[ \t]+future|from[ \t]+(?:happening|occurring)[ \t]+again|recurr\w*|again)\b/i;

/**
 * "### Mitigations" opening with "We have implemented or are planning to
 * implement several mitigations to prevent exposures of this kind in the
 * future." over a list: a resolution heading whose paragraph right above
 * its first list announces what will keep it from happening again ("…
 * the two things I'll be changing in order to prevent this problem in the
 * future:", after a paragraph on how it was fixed) is the measures.
 */
function keyAnnouncedMeasures(elements: Element[]): void {
  elements.forEach((e, i) => {
    if (e.kind !== 'heading' || e.keys.length !== 1 || e.keys[0] !== 'resolution') return;
    // The section's first list, before any heading, and the paragraph right above it.
    let j = i + 1;
    while (j < elements.length && elements[j].kind !== 'heading' && !isList(elements[j])) j++;
    const list = elements[j];
    if (!list || !isList(list)) return;
    if (listsProposals(list.node as List) || labelsWorkStillOpen(elements, i)) {
      e.keys = ['action-items'];
      return;
    }
    if (j === i + 1) return;
    if (PREVENTS_RECURRENCE.test(paragraphText(elements, j - 1))) e.keys = ['action-items'];
  });
}

/** "Recovery actions", "Containment steps", "Mitigation actions": the work of the recovery, by its name. */
const RECOVERY_WORK = /\b(?:recovery|containment|restoration|mitigation)[ \t]+(?:actions|steps)\b/i;
/** A list item that opens with what was done: "Verified Harvester and VM status:", "Deleted failed VMIs…", "Ran `e2fsck`…". */
const DONE_OPENING = /^[\s*_]{0,4}(\p{Lu}\p{Ll}{2,}ed|Ran|Reran|Rebuilt|Built|Made|Took|Wrote|Rewrote|Sent|Resent|Found|Gave|Got|Kept|Brought|Began|Chose|Held|Led|Lost|Paid|Spent|Told|Undid|Redid|Withdrew|Rolled[ \t]+back)\b/u;
const NOT_DONE_ED = /^(?:need|speed|feed|seed|embed|shred|bleed|proceed|succeed|exceed|breed)$/i;

/**
 * "## Recovery Actions" over "1. Verified Harvester and VM status",
 * "2. Deleted failed VMIs so Harvester would recreate them", …: a heading
 * that names the work of the recovery, over a list of what was done, tells
 * how the incident was resolved. Its words alone ("actions") would make it
 * the measures. So does a label of measures inside the resolution ("**Long-Term
 * Mitigation:**" under "## Resolution and Mitigation Steps" over "Transitioned to a
 * multi-ISP architecture…") over what was done, when the document keeps its
 * measures in a section of their own, and so does "### Remediation" over
 * "Restarted NFS on `storage01`:" and "Verified port 2049 opened…", or over
 * parts named as done ("### Security Hardening Implemented"), before
 * "### Recommendations".
 */
function keyRecoveryDone(elements: Element[]): void {
  const measures = elements.filter((e): e is HeadingElement => e.kind === 'heading' && e.level <= 6 && e.keys.length === 1 && e.keys[0] === 'action-items');
  eachUnderParts(elements, (e, parts, i) => {
    if (e.keys.length !== 1 || e.keys[0] !== 'action-items') return;
    const inResolution = measures.length > 0 && parts.length > 0 && parts[parts.length - 1].keys.includes('resolution');
    const remediation = REMEDIATION.test(normalizeHeading(e.text)) && measures.some((m) => m !== e && !within(elements, i, m));
    if (!RECOVERY_WORK.test(e.text) && !inResolution && !remediation) return;
    if (listsWorkDone(elements, i) || (remediation && (tellsWorkDone(elements, i) || partsNameWorkDone(elements, i)))) e.keys = ['resolution'];
  });
}

/** "Remediation", "Remediation actions", "Remediation steps", "Immediate actions": by their words, the measures. */
const REMEDIATION = /^(?:remediation(?: (?:actions?|steps?))?|immediate (?:actions?|steps?))$/;

/** Whether `heading` sits inside the section of the heading at `index`. */
function within(elements: Element[], index: number, heading: HeadingElement): boolean {
  const level = (elements[index] as HeadingElement).level;
  for (let k = index + 1; k < elements.length; k++) {
    const e = elements[k];
    if (e.kind !== 'heading' || e.level > 6) continue;
    if (e.level <= level) return false;
    if (e === heading) return true;
  }
  return false;
}

/** The first list of the section of the heading at `index`, before any other heading, opens its items with what was done. */
function listsWorkDone(elements: Element[], index: number): boolean {
  let j = index + 1;
  while (j < elements.length && elements[j].kind !== 'heading' && !isList(elements[j])) j++;
  const list = elements[j];
  if (!list || !isList(list)) return false;
  const items = (list.node as List).children;
  const done = items.filter((item) => {
    const first = item.children[0];
    return first?.type === 'paragraph' && opensWithWorkDone(phrasingLines(first)[0]?.text ?? '');
  });
  // One item of five or more may open otherwise ("6. Cleanup expired 1,235 files…" among "Stopped…", "Restarted…").
  return items.length >= 2 && (done.length === items.length || (items.length >= 5 && done.length >= items.length - 1));
}

/** Two or more paragraphs right under the heading at `index`, no list among them, each opening with what was done ("Restarted NFS…", "Verified port 2049 opened…"). */
function tellsWorkDone(elements: Element[], index: number): boolean {
  let paragraphs = 0;
  for (let k = index + 1; k < elements.length && elements[k].kind !== 'heading'; k++) {
    const e = elements[k];
    if (isList(e)) return false;
    if (e.kind !== 'line' || (elements[k - 1].kind === 'line' && (elements[k - 1] as LineElement).paragraph === e.paragraph)) continue;
    if (!opensWithWorkDone(e.line.text)) return false;
    paragraphs++;
  }
  return paragraphs >= 2;
}

/** "### Security Hardening Implemented", "### Immediate Response": a part that names work already done. */
const PART_DONE = /\b(?:implemented|completed|applied|deployed|performed|taken|done)\b[\W_]*$|^(?:immediate|initial)[ ]response$/;

/** Nothing right under the heading at `index` but parts, each named as work already done. */
function partsNameWorkDone(elements: Element[], index: number): boolean {
  const level = (elements[index] as HeadingElement).level;
  let parts = 0;
  for (let k = index + 1; k < elements.length; k++) {
    const e = elements[k];
    if (e.kind !== 'heading') {
      if (parts === 0) return false;
      continue;
    }
    if (e.level > 6) continue;
    if (e.level <= level) break;
    if (e.level > level + 1) continue;
    if (!PART_DONE.test(normalizeHeading(e.text))) return false;
    parts++;
  }
  return parts >= 1;
}

function opensWithWorkDone(text: string): boolean {
  const verb = DONE_OPENING.exec(text)?.[1];
  return verb !== undefined && !NOT_DONE_ED.test(verb);
}

/** A label of work not done yet: "Still open:", "Open items:", "Remaining:", "Not yet done:". */
const STILL_OPEN_LABEL = /^[\s*_]{0,4}(?:still[ \t]+(?:open|to[ \t]+do|pending)|open[ \t]+(?:items|work|tasks)|remaining(?:[ \t]+(?:work|items|tasks))?|not[ \t]+yet[ \t]+(?:done|shipped|started)|to[ \t]+be[ \t]+done)[\s*_]{0,4}:[\s*_]{0,4}$/i;

/**
 * "## 6. Fixes" over "Shipped with this document:" and "Still open:", each
 * over its list: a recovery heading whose text labels work still open holds
 * the measures, done and to do.
 */
function labelsWorkStillOpen(elements: Element[], index: number): boolean {
  for (let k = index + 1; k < elements.length && elements[k].kind !== 'heading'; k++) {
    const e = elements[k];
    if (e.kind === 'line' && STILL_OPEN_LABEL.test(e.line.text) && isList(elements[k + 1] ?? e)) return true;
  }
  return false;
}

/** The text of the paragraph whose last line is `elements[last]`, its lines joined; empty when that is no line. */
export function paragraphText(elements: Element[], last: number): string {
  const end = elements[last];
  if (end?.kind !== 'line') return '';
  const lines: string[] = [];
  for (let k = last; k >= 0; k--) {
    const e = elements[k];
    if (e.kind !== 'line' || e.paragraph !== end.paragraph) break;
    lines.unshift(e.line.text);
  }
  return lines.join(' ');
}

function isList(e: Element): e is BlockElement {
  return e.kind === 'block' && e.node.type === 'list';
}

/** "Suggested: Increase helm knowledge in the team.", "Proposed - …", "TODO: …", "[TODO] …": a measure still to take, by its status. */
const PROPOSAL = /^[\s*_]{0,4}(?:(?:suggested|proposed|planned|recommended|todo|to[ \t]do|pending)[\s*_]{0,4}[:：–—-]|[[(](?:todo|to[ \t]do|planned|pending|in[ \t]progress|wip)[\])])[ \t]/i;

/**
 * "## Mitigations" over "Implemented: Alternative cluster ready." and
 * "Suggested: Make it harder to run helm in the wrong context.": a list of
 * what was and is still to be done, by status, is the measures, not the
 * story of the recovery.
 */
function listsProposals(list: List): boolean {
  return list.children.some((item) => {
    const first = item.children[0];
    return first?.type === 'paragraph' && PROPOSAL.test(phrasingLines(first)[0]?.text ?? '');
  });
}

/** Sections a report tells before or beside its measures, never inside them. */
const TOLD_BEFORE_MEASURES = new Set<SectionKey>(['summary', 'timeline', 'root-cause', 'impact', 'lessons-learned']);

/**
 * A measures heading with nothing of its own before its sub-headings, the
 * first of which names nothing and holds one of TOLD_BEFORE_MEASURES ("##
 * Tasks", the course page's heading, over the report's title, its sections
 * and its "#### Lessons Learned"): a part of the document that holds
 * sections, not the measures its word names. Its keys are dropped.
 */
function unkeyContainers(elements: Element[]): void {
  elements.forEach((e, i) => {
    if (e.kind !== 'heading' || !e.keys.includes('action-items') || e.level > 6) return;
    let j = i + 1;
    while (j < elements.length && elements[j].kind === 'block' && (elements[j] as BlockElement).node.type === 'html') j++;
    const next = elements[j];
    // The first sub-heading names nothing: the report's own title ("### Outage Postmortem: When the Load Balancer…").
    if (next?.kind !== 'heading' || next.level <= e.level || next.keys.length > 0) return;
    for (let k = j; k < elements.length; k++) {
      const x = elements[k];
      if (x.kind !== 'heading') continue;
      if (x.level <= e.level) return;
      if (x.level > next.level && x.level <= 6 && x.keys.some((key) => TOLD_BEFORE_MEASURES.has(key)) && !x.keys.some((key) => e.keys.includes(key))) {
        e.keys = [];
        return;
      }
    }
  });
}

/** "Actions planned", "Next steps", "Proposed changes": work still to do, by its own words. */
const PLANNED = new RegExp(`\\b(?:${TO_DO_WORDS}|proposed|suggested)\\b`, 'i');

/**
 * "**systematic prevention:**" under "## Verification", "**Key improvements:**"
 * under "### Updated config generator", "### 2. Systematic fix - prevention"
 * under "## Changes implemented", "### Secondary issue: complex prevention
 * attempts" under "## Root Cause Analysis", in a report with a "##
 * Recommendations" of its own: inside a part of the report that names no
 * section or tells the story, a heading or label whose words name the
 * measures describes what was built, tried or checked;
 * the report keeps its measures in its own section, at that part's level or
 * above. Such a heading names no section. (The report's title, its one
 * level-1 heading, is no such part; see namesMeasuresAnywhere for what is
 * the measures wherever it sits.)
 */
function unkeyMeasuresAside(elements: Element[], table: AliasTable): void {
  const headings = elements.filter((e): e is HeadingElement => e.kind === 'heading');
  const real = headings.filter((h) => h.level <= 6);
  const title = real.filter((h) => h.level === 1).length === 1 ? real.find((h) => h.level === 1) : undefined;
  eachUnderParts(headings, (h, parts) => {
    const part = parts[parts.length - 1];
    // A part unkeyed here leaves what it holds aside too ("**Prevented duplicate entries:**" under "### 2. Systematic fix").
    const aside = part && part !== title && h.keys.includes('action-items') && h.level > part.level && tellsAside(part);
    if (aside && !namesMeasuresAnywhere(h, table) && real.some((m) => m !== h && m.level <= part.level && m.keys.includes('action-items'))) {
      h.keys = h.keys.filter((key) => key !== 'action-items');
    }
  });
}

/** "Patterns to avoid", "Mistakes to avoid": advice, a lesson, unless it sits among the measures. */
const TO_AVOID_HEADING = /\bto[ \t]+avoid[\s:]*$/i;

/**
 * "### Patterns to Avoid" under "## 6. Prevention Checklist", over a table of
 * "❌ Don't" beside "✅ Do Instead": rules the measures set, a group of them,
 * not a lesson of its own.
 */
function keepAvoidanceWithMeasures(elements: Element[]): void {
  eachUnderParts(elements, (e, parts) => {
    const part = parts[parts.length - 1];
    if (e.keys.length === 1 && e.keys[0] === 'lessons-learned' && TO_AVOID_HEADING.test(e.text) && part?.keys.includes('action-items')) e.keys = [];
  });
}

/** Each heading, with the headings (levels 1 to 6) it sits under, outermost first; keys changed by `visit` are seen by the headings after. */
function eachUnderParts(elements: Element[], visit: (h: HeadingElement, parts: readonly HeadingElement[], index: number) => void): void {
  const parts: HeadingElement[] = [];
  for (const [index, e] of elements.entries()) {
    if (e.kind !== 'heading') continue;
    if (e.level <= 6) while (parts.length > 0 && parts[parts.length - 1].level >= e.level) parts.pop();
    visit(e, parts, index);
    if (e.level <= 6) parts.push(e);
  }
}

/** A part that names no section, or tells the story ("## Root Cause Analysis" over "### Secondary issue: complex prevention attempts"). */
function tellsAside(part: HeadingElement): boolean {
  return part.keys.every((key) => STORY_KEYS.has(key));
}
const STORY_KEYS = new Set<SectionKey>(['summary', 'timeline', 'root-cause', 'impact', 'detection']);

/**
 * Measures wherever they sit: a heading that is a name of them and nothing
 * else ("## Action items" under "# After-action report"), a label of work
 * still to do ("**Actions planned:**" under a lesson) or of action items.
 */
function namesMeasuresAnywhere(h: HeadingElement, table: AliasTable): boolean {
  if (PLANNED.test(h.text)) return true;
  return h.level <= 6 ? matchHeading(h.text, table, { strict: true }).includes('action-items') : ACTION_ITEMS_LABEL.test(h.text);
}
const ACTION_ITEMS_LABEL = /\baction[ \t-]+(?:items?|points?)\b|\bfollow[ \t-]?ups?\b|\bto[ \t-]?dos?\b/i;

/**
 * "**Actions taken:**" under a lesson ("### Maximizing our bug reporting
 * channels" in "## Lessons learned"), or beside them in one heading ("##
 * Lessons Learned and Actions Taken"): what was changed because of the
 * lesson, a measure already taken, not the story of the recovery.
 */
function keyActionsTakenOnLessons(elements: Element[]): void {
  for (const e of elements) {
    if (e.kind !== 'heading' || e.keys.length !== 2 || !e.keys.includes('lessons-learned') || !e.keys.includes('resolution')) continue;
    if (ACTIONS_TAKEN_WITHIN.test(e.text)) e.keys = ['lessons-learned', 'action-items'];
  }
  eachUnderParts(elements, (e, parts) => {
    if (e.level === 7 && e.keys.length === 1 && e.keys[0] === 'resolution' && ACTIONS_TAKEN.test(e.text) && parts.some((h) => h.keys.includes('lessons-learned'))) {
      e.keys = ['action-items'];
    }
  });
}
const ACTIONS_TAKEN = /^(?:actions?|measures?|steps?|changes?)[ \t]+(?:taken|implemented|made|completed|done)[ \t:]*$/i;
const ACTIONS_TAKEN_WITHIN = /\b(?:actions?|measures?|changes?)[ \t]+(?:taken|implemented|made|completed|done)\b/i;

/** Cut the elements into sections: each heading opens one, closing those at its level and deeper. */
function cut(elements: Element[], lineCount: number, markdown: boolean): Structure {
  const sections: Section[] = [];
  const sectionElement: number[] = [];
  const owner: number[] = new Array(elements.length).fill(-1);
  const stack: number[] = []; // open section indexes
  const appendix = new Set<number>(); // appendices and advice to readers: the headings under them name no section

  const close = (sectionIndex: number, beforeLine: number) => {
    sections[sectionIndex].endLine = Math.max(sections[sectionIndex].line, beforeLine - 1);
  };
  /** Close the open sections at `level` and deeper (all but `keep`) before the heading at `line`. */
  const closeFrom = (level: number, line: number, keep?: number) => {
    while (stack.length > 0 && stack[stack.length - 1] !== keep && sections[stack[stack.length - 1]].level >= level) close(stack.pop()!, line);
  };

  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    if (e.kind === 'heading') {
      // The keyed section the heading sits in: a heading closes those at its level and deeper, so a sibling of a
      // keyed sub-section ("### 3. Prevention Measures ✅" after "### 1. Schema Restoration ✅") sits in their parent.
      const top = [...stack].reverse().find((s) => sections[s].keys.length > 0 && (e.level === 7 || sections[s].level < e.level));
      const keyedTop = top === undefined ? undefined : sections[top];
      // A phase label over lines that tell a time: the first thing under the section ("Timeline:", then "Detection:"
      // over "The issue was detected at 10:30 AM"), or over an entry that opens with its time.
      const timed = () => entryAfter(elements, i) || (!elements.slice(sectionElement[top!] + 1, i).some(hasContent) && timedAfter(elements, i));
      if (keyedTop && isGroupLabel(e, keyedTop, timed, sections[stack[stack.length - 1]], () => timedEntriesAfter(elements, i))) {
        e.label = true; // "**Corrective Actions:**" inside "Action Items"
        // A label heading still ends the sub-sections of its level before it ("### Problems during recovery", then
        // "### Changes to make" back in the measures): what follows it is its parent's.
        if (e.level <= 6) closeFrom(e.level, e.line);
      } else {
        if (e.level === 7) {
          // A pseudo-heading that names another section ends every keyed section.
          while (stack.length > 0 && (sections[stack[stack.length - 1]].level >= 7 || sections[stack[stack.length - 1]].keys.length > 0)) {
            close(stack.pop()!, e.line);
          }
        } else {
          const keep = datedTimelineHeading(e, stack, sections);
          if (keep !== undefined) e.keys = [];
          closeFrom(e.level, e.line, keep);
        }
        if (stack.some((s) => appendix.has(s))) e.keys = [];
        if (isAppendixHeading(e.text) || isReaderAdviceHeading(e.text)) appendix.add(sections.length);
        e.section = sections.length;
        sections.push({
          keys: e.keys,
          heading: e.text,
          level: e.level,
          style: e.style,
          line: e.line,
          column: e.column,
          endLine: lineCount,
          hasContent: false,
        });
        sectionElement.push(i);
        stack.push(e.section);
      }
    }
    for (let s = stack.length - 1; s >= 0; s--) {
      if (sections[stack[s]].keys.length > 0) {
        owner[i] = stack[s];
        break;
      }
    }
    if (hasContent(e)) for (const s of stack) sections[s].hasContent = true;
  }
  return { elements, sections, owner, sectionElement, markdown };
}
