/**
 * The document as a flat stream of elements (headings, paragraph lines,
 * blocks) cut into sections. Real headings, bold paragraphs, plain label lines
 * ("Timeline:") and "#Heading" without a space all count as headings when
 * they name a section, so documents written without Markdown headings still
 * get their sections.
 */
import type { Root, RootContent } from 'mdast';
import type { Section, SectionKey } from '../types.js';
import { matchHeading, type AliasTable } from './aliases.js';
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
  /** Index into `Structure.sections`, when this heading opens one. */
  section?: number;
}

export interface LineElement {
  kind: 'line';
  line: TextLine;
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
}

const HASH_NO_SPACE = /^(#{1,6})([A-Za-z][^#]{0,100})$/;
const MAX_LABEL = 80;

function pseudoHeading(line: TextLine, table: AliasTable): HeadingElement | null {
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
  const candidate = (bold ? line.lead! : text).replace(/(?<![\s:.\-–—])[\s:.\-–—]+$/, '');
  if (!candidate || candidate.length > MAX_LABEL) return null;
  // A plain line only counts when it reads as a label, not as a sentence.
  if (!bold && /[.!?]\s/.test(candidate)) return null;
  const keys = matchHeading(candidate, table, { strict: true });
  if (keys.length === 0) return null;
  return {
    kind: 'heading',
    text: candidate,
    level: 7,
    style: bold ? 'bold' : 'label',
    keys,
    line: line.line,
    column: line.column,
    label: false,
  };
}

function startOf(node: RootContent): { line: number; column: number } {
  return node.position?.start ?? { line: 1, column: 1 };
}

/** Flatten the root's children into elements, recognising pseudo-headings. */
function toElements(root: Root, table: AliasTable): Element[] {
  const elements: Element[] = [];
  for (const node of root.children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading') {
      const text = plainText(node);
      const start = startOf(node);
      const end = node.position?.end.line ?? start.line;
      elements.push({
        kind: 'heading',
        text,
        level: node.depth,
        style: end > start.line ? 'setext' : 'atx',
        keys: matchHeading(text, table),
        line: start.line,
        column: start.column,
        label: false,
      });
    } else if (node.type === 'paragraph') {
      for (const line of phrasingLines(node)) {
        const pseudo = pseudoHeading(line, table);
        elements.push(pseudo ?? { kind: 'line', line });
      }
    } else {
      elements.push({ kind: 'block', node, line: startOf(node).line });
    }
  }
  return elements;
}

function isSubset(a: SectionKey[], b: SectionKey[]): boolean {
  return a.length > 0 && a.every((k) => b.includes(k));
}

function hasContent(element: Element): boolean {
  if (element.kind === 'line') return element.line.text.length > 0;
  if (element.kind === 'heading') return false;
  const node = element.node;
  if (node.type === 'thematicBreak' || node.type === 'definition') return false;
  if (node.type === 'html') return !/^\s*<!--[\s\S]*-->\s*$/.test(node.value);
  return true;
}

/**
 * "## 2023-07-19", "## Day 2", "## 14:32 UTC" right under "## Timeline": a
 * heading that is a date or time continues the timeline, whatever its level.
 * Returns the open timeline section it continues, if any.
 */
function datedTimelineHeading(e: HeadingElement, stack: number[], sections: Section[]): number | undefined {
  if (e.keys.length > 0 || e.level > 6) return undefined;
  const timeline = [...stack].reverse().find((s) => sections[s].keys.length > 0);
  if (timeline === undefined || !sections[timeline].keys.includes('timeline') || sections[timeline].level < e.level) return undefined;
  const first = scanTimes(e.text)[0];
  const dated = first && (first.date || first.time || first.dayOffset !== undefined) && first.index <= 2;
  return dated ? timeline : undefined;
}

export function buildStructure(root: Root, table: AliasTable, lineCount: number): Structure {
  const elements = toElements(root, table);
  const sections: Section[] = [];
  const sectionElement: number[] = [];
  const owner: number[] = new Array(elements.length).fill(-1);
  const stack: number[] = []; // open section indexes

  const close = (sectionIndex: number, beforeLine: number) => {
    sections[sectionIndex].endLine = Math.max(sections[sectionIndex].line, beforeLine - 1);
  };

  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    if (e.kind === 'heading') {
      const keyedTop = [...stack].reverse().map((s) => sections[s]).find((s) => s.keys.length > 0);
      if (e.level === 7 && keyedTop && isSubset(e.keys, keyedTop.keys)) {
        e.label = true; // "**Corrective Actions:**" inside "Action Items"
      } else {
        if (e.level === 7) {
          // A pseudo-heading that names another section ends every keyed section.
          while (stack.length > 0 && (sections[stack[stack.length - 1]].level >= 7 || sections[stack[stack.length - 1]].keys.length > 0)) {
            close(stack.pop()!, e.line);
          }
        } else {
          const keep = datedTimelineHeading(e, stack, sections);
          while (stack.length > 0 && stack[stack.length - 1] !== keep && sections[stack[stack.length - 1]].level >= e.level) close(stack.pop()!, e.line);
        }
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
  return { elements, sections, owner, sectionElement };
}
