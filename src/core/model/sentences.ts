/**
 * Sentences of prose: consecutive lines that wrap one sentence read as one
 * text, a place in that text found back on its line, and the bounds of the
 * sentence around a place (looked for within a reach, so that a paragraph
 * without full stops costs no more than its length).
 */
import type { TimeExpression } from '../time/types.js';
import type { TextLine } from './text.js';

export interface Wrapped {
  text: string;
  pieces: Array<{ offset: number; line: TextLine }>;
}

/** Consecutive prose lines that wrap one sentence ("…because no available disk\nspace was left…"), read as one text. */
export function joinWrapped(lines: TextLine[]): Wrapped[] {
  const blocks: Wrapped[] = [];
  let last: TextLine | undefined;
  for (const line of lines) {
    const block = blocks[blocks.length - 1];
    if (block && last && line.line === last.line + 1 && !/[.!?:;]["')\]*_]*$/.test(last.text.slice(-12))) {
      block.pieces.push({ offset: block.text.length + 1, line });
      block.text += ' ' + line.text;
    } else blocks.push({ text: line.text, pieces: [{ offset: 0, line }] });
    last = line;
  }
  return blocks;
}

/** An expression of a joined text, on the line it starts on (the pieces are in order: a binary search). */
export function locate(block: Wrapped, e: TimeExpression): { e: TimeExpression; line: TextLine } {
  let lo = 0;
  let hi = block.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.pieces[mid].offset <= e.index) lo = mid;
    else hi = mid - 1;
  }
  const piece = block.pieces[lo];
  return { e: { ...e, index: e.index - piece.offset }, line: piece.line };
}

/** Where the sentence around `at` starts, looking back at most `reach` characters. */
export function sentenceStart(text: string, at: number, reach: number): number {
  const stop = Math.max(0, at - reach);
  for (let i = at - 1; i > stop; i--) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63 || c === 59) && /\s/.test(text[i + 1] ?? ' ')) return i + 1;
  }
  return stop;
}

/** Where the sentence from `at` ends, looking ahead at most `reach` characters. */
export function sentenceEnd(text: string, at: number, reach: number): number {
  const stop = Math.min(text.length, at + reach);
  for (let i = at; i < stop; i++) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63 || c === 59) && /\s/.test(text[i + 1] ?? ' ')) return i;
  }
  return stop;
}

/**
 * Where the last sentence that opens between `from` and `to` starts: after a
 * full stop, "!" or "?" and a blank, at a capital ("… another provider. This
 * resolved…"); undefined when none does.
 */
export function lastSentenceStart(text: string, from: number, to: number): number | undefined {
  let start: number | undefined;
  SENTENCE_BREAK.lastIndex = from;
  for (let m = SENTENCE_BREAK.exec(text); m && m.index < to; m = SENTENCE_BREAK.exec(text)) start = m.index + 1;
  return start;
}
const SENTENCE_BREAK = /[.!?](?=[ \t]+["“(]?\p{Lu})/gu;
