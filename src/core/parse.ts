/**
 * Bytes to text to syntax tree. The one place that decodes files and runs the
 * unified pipeline, so every adapter (CLI, action, audit workers) reads
 * documents identically.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Construct, ConstructRecord, Extension } from 'micromark-util-types';
import type { Root } from 'mdast';
import { registerFragmentParser } from './fragment.js';

/**
 * remark-parse + remark-gfm + remark-frontmatter, with each document parsed
 * with only the GFM constructs it can contain.
 *
 * Why: micromark tries a construct at every character its extensions register
 * it for, and GFM's email autolink literal is registered for every letter and
 * digit. On a typical postmortem that one construct made the parse ~30% slower,
 * though an email address needs an address character right before an `@`,
 * and a `www.` or `http(s)://` autolink its prefix; remark-gfm then looks for
 * the same autolinks again in every text node of the tree. A construct whose
 * trigger text is absent can match nowhere, so leaving it out gives the same tree
 * (positions included): `__tests__/core/parse.test.ts` compares the trees with
 * the full pipeline's on every fixture and on generated text.
 */
const FRONT_MATTER: Array<'yaml' | 'toml'> = ['yaml', 'toml']; // TOML (`+++`) is recognised so that it is never read as the title; the model reports it.

/**
 * The GFM constructs that are left out of a document without their trigger
 * text, by micromark name; `linkTransform` is remark-gfm's pass that finds
 * the same autolinks again in the tree's text (mdast-util-gfm-autolink-literal).
 */
const OPTIONAL_CONSTRUCTS = {
  email: 'emailAutolink',
  url: ['wwwAutolink', 'protocolAutolink'],
  table: 'table',
  linkTransform: [],
} as const;
type Optional = keyof typeof OPTIONAL_CONSTRUCTS;

/** Whether a document's text may hold each optional construct: cheap supersets of what each needs to match. */
const MAY_HOLD: Record<Optional, (text: string) => boolean> = {
  // An email autolink literal starts with address characters (letters, digits, `+-._`) right before its `@`.
  email: (text) => /[\w.+-]@/.test(text),
  url: (text) => /www\.|https?:\/\//i.test(text),
  // A GFM table's delimiter row or header row always has a pipe.
  table: (text) => text.includes('|'),
  // The transform reads decoded text, where a character reference (`&#64;`) can make an `@` the source lacks.
  linkTransform: (text) => MAY_HOLD.email(text) || MAY_HOLD.url(text) || text.includes('&'),
};

/** A construct record without the named constructs (and without codes left with none). */
function withoutConstructs(record: ConstructRecord | undefined, names: ReadonlySet<string>): ConstructRecord | undefined {
  if (!record) return record;
  const kept: ConstructRecord = {};
  for (const [code, value] of Object.entries(record)) {
    const list = (Array.isArray(value) ? value : [value]).filter((c): c is Construct => c !== undefined && !names.has(c.name ?? ''));
    if (list.length > 0) (kept as Record<string, Construct[]>)[code] = list;
  }
  return kept;
}

/** The tree extensions of remark's plugins (nested lists of them, as remark-gfm adds them). */
type TreeExtensions = Array<TreeExtension | TreeExtensions>;
interface TreeExtension {
  enter?: Record<string, unknown>;
  transforms?: unknown[];
}

/** The same tree extensions without the autolink literal's transform (the extension that handles `literalAutolink` tokens). */
function withoutLinkTransform(extensions: TreeExtensions): TreeExtensions {
  return extensions.map((e) => (Array.isArray(e) ? withoutLinkTransform(e) : e.enter && 'literalAutolink' in e.enter ? { ...e, transforms: [] } : e));
}

/**
 * A unified plugin, used after remark-gfm: replaces the syntax extensions the
 * earlier plugins registered with copies that lack the left-out constructs.
 */
function leaveOutConstructs(this: Processor, leftOut: ReadonlySet<Optional>): void {
  const names = new Set<string>([...leftOut].flatMap((k) => OPTIONAL_CONSTRUCTS[k]));
  const data = this.data() as { micromarkExtensions?: Extension[]; fromMarkdownExtensions?: TreeExtensions };
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((extension) => ({
    ...extension,
    text: withoutConstructs(extension.text, names),
    flow: withoutConstructs(extension.flow, names),
  }));
  if (leftOut.has('linkTransform')) data.fromMarkdownExtensions = withoutLinkTransform(data.fromMarkdownExtensions ?? []);
}

/** The frozen pipeline for each combination of left-out constructs, made on first use. */
const processors = new Map<string, Processor<Root>>();
function processorFor(leftOut: Optional[]): Processor<Root> {
  const key = leftOut.join();
  let processor = processors.get(key);
  if (!processor) {
    processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, FRONT_MATTER).use(leaveOutConstructs, new Set(leftOut)).freeze() as unknown as Processor<Root>;
    processors.set(key, processor);
  }
  return processor;
}

/** The syntax tree of a document, as remark-parse with remark-gfm and remark-frontmatter gives it. */
export function parseMarkdown(text: string): Root {
  return htmlPage(text) ?? parseWith(processorFor((Object.keys(MAY_HOLD) as Optional[]).filter((k) => !MAY_HOLD[k](text))), text);
}

/** The opening of an HTML page: a doctype or an `<html>` tag first, after blank lines and a byte order mark. */
const HTML_PAGE = /^\uFEFF?\s*<(?:!doctype\s+html|html)\b/i;

/**
 * A whole HTML page saved as Markdown ("<!DOCTYPE html>", a `<head>` with its
 * styles, then the body): one HTML block, as the author wrote it and a reader
 * reads it. Markdown ends an HTML block at the first blank line and takes the
 * indented tags after it for code, so the page's headings, paragraphs and
 * lists were never seen; the model turns the block into the Markdown it
 * renders as (model/html.ts).
 */
function htmlPage(text: string): Root | null {
  if (!HTML_PAGE.test(text)) return null;
  const lines = text.split(/\r\n|\r|\n/);
  const end = { line: lines.length, column: lines[lines.length - 1].length + 1, offset: text.length };
  const position = { start: { line: 1, column: 1, offset: 0 }, end };
  return { type: 'root', children: [{ type: 'html', value: text, position }], position };
}

registerFragmentParser(parseMarkdown);

/** Every GFM construct, for tests that compare a document's tree with the one the full syntax gives. */
export function parseMarkdownWithFullSyntax(text: string): Root {
  return parseWith(processorFor([]), text);
}

function parseWith(processor: Processor<Root>, text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

/**
 * Whether a file's bytes may open with YAML front matter: a `-` first, after a
 * UTF-8 byte order mark if any, or any UTF-16 text (its BOM hides the first
 * character). A cheap superset of what the parser reads as YAML front matter,
 * for the adapters that load the `yaml` library only when it may be needed.
 */
export function mayOpenWithYamlFrontMatter(bytes: Uint8Array): boolean {
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const first = bytes[utf8Bom ? 3 : 0];
  return first === 0x2d || bytes[0] === 0xff || bytes[0] === 0xfe;
}

/** Why a file could not be read as a postmortem. */
export interface DecodeProblem {
  message: string;
  line: number;
  column: number;
  /** Fatal problems stop the file from being checked; others are reported and checking goes on. */
  fatal: boolean;
}

export interface Decoded {
  text: string | null;
  problems: DecodeProblem[];
}

export interface DecodeOptions {
  /** Files larger than this many bytes are not parsed. */
  maxBytes: number;
  /** Lines longer than this many characters are not parsed. */
  maxLineLength: number;
  /** Deeper nesting of lists and blockquotes than this is not parsed. */
  maxNesting: number;
  /**
   * Budget for the parser's super-linear paths (micromark re-splices a
   * paragraph's events once per line, and copies the document's events each
   * time a list or blockquote ends on a line that does not continue it). In
   * characters: a document whose paragraphs, squared and summed, exceed its
   * square, or whose container endings (each costing the document's length so
   * far) sum to more than its square / 256, is not parsed. Unset: no budget.
   */
  maxParagraph?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** The message for a file over the size limit (shared by decode() and the readers that only stat). */
export function tooLargeMessage(size: number, max: number): string {
  return `Unexpected file of ${formatBytes(size)}, expected at most ${formatBytes(max)} (raise \`max-file-size\` to check it)`;
}

/** The line and column of byte offset `offset` in a UTF-8 buffer (counting decoded characters). */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = utf8Lenient.decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decode a file's bytes. Handles UTF-8 (with or without BOM) and UTF-16 with
 * a BOM; refuses binary data, oversized files, overlong lines and absurd
 * nesting with a problem that names the line, instead of letting the parser
 * stall or crash on them.
 */
export function decode(bytes: Uint8Array, options: DecodeOptions): Decoded {
  if (bytes.length > options.maxBytes) {
    return {
      text: null,
      problems: [
        {
          message: tooLargeMessage(bytes.length, options.maxBytes),
          line: 1,
          column: 1,
          fatal: true,
        },
      ],
    };
  }
  const problems: DecodeProblem[] = [];
  let text: string;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const body = bytes.subarray(start);
    const nul = body.indexOf(0);
    if (nul !== -1) {
      const at = positionOfByte(body, nul);
      return {
        text: null,
        problems: [
          {
            message: `Unexpected binary data (a NUL byte), expected a UTF-8 or UTF-16 text file`,
            ...at,
            fatal: true,
          },
        ],
      };
    }
    try {
      text = utf8.decode(body);
    } catch {
      const bad = firstInvalidUtf8(body);
      const at = positionOfByte(body, bad === -1 ? 0 : bad);
      text = utf8Lenient.decode(body);
      problems.push({
        message: 'Unexpected invalid UTF-8 byte sequence, expected UTF-8 text (read with replacement characters)',
        ...at,
        fatal: false,
      });
    }
  }
  text = withoutEmbeddedData(text);
  const structural = checkStructure(text, options);
  if (structural) return { text: null, problems: [...problems, structural] };
  return { text, problems };
}

/** The payload of an image embedded as a data URI: base64 past its first characters. */
const EMBEDDED_DATA = /(data:[a-z]{1,20}\/[\w.+-]{1,60};base64,[A-Za-z0-9+/]{16})[A-Za-z0-9+/]{4000,}={0,2}/g;

/**
 * A document exported from Google Docs ends with its images embedded as
 * data URIs (`[image1]: <data:image/png;base64,iVBOR…>`), a line of hundreds
 * of kilobytes that shows an image and says nothing. Its payload is cut to
 * its first characters before the text is read: each line keeps its place
 * and the document is read, not refused as too long.
 */
function withoutEmbeddedData(text: string): string {
  return text.includes(';base64,') ? text.replace(EMBEDDED_DATA, '$1') : text;
}

/**
 * One linear pass over the text for inputs the Markdown parser handles badly:
 * very long lines, very deep container nesting, and structures that make
 * micromark quadratic (see `DecodeOptions.maxParagraph`).
 */
function checkStructure(text: string, options: DecodeOptions): DecodeProblem | null {
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  const budget = options.maxParagraph;
  const cost = budget === undefined ? null : new ParseCost(budget);
  for (let i = 0; i <= n; i++) {
    const atEnd = i === n;
    const c = atEnd ? 10 : text.charCodeAt(i);
    if (c !== 10) continue;
    const length = i - lineStart;
    if (length > options.maxLineLength) {
      return {
        message: `Unexpected line of ${length} characters, expected at most ${options.maxLineLength}`,
        line,
        column: 1,
        fatal: true,
      };
    }
    const depth = nestingDepth(text, lineStart, i);
    if (depth > options.maxNesting) {
      return {
        message: `Unexpected nesting ${depth} levels deep, expected at most ${options.maxNesting} levels of lists and blockquotes`,
        line,
        column: 1,
        fatal: true,
      };
    }
    const over = cost?.line(text, lineStart, i, line);
    if (over) return { message: over, line: cost!.problemLine, column: 1, fatal: true };
    line++;
    lineStart = i + 1;
  }
  return null;
}

/** The length of a list marker ("- ", "1. ", "12) ") at `i`, or 0; a marker must be followed by a space, a tab or the end of the line. */
function listMarker(text: string, i: number, end: number): { width: number; ordered: boolean; one: boolean } | null {
  const c = text.charCodeAt(i);
  let j = i;
  let ordered = false;
  if (c === 45 || c === 42 || c === 43) j = i + 1;
  else {
    while (j < end && j - i < 10 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j === i || j - i > 9 || (text.charCodeAt(j) !== 46 && text.charCodeAt(j) !== 41)) return null;
    ordered = true;
    j++;
  }
  const after = j < end ? text.charCodeAt(j) : 10;
  if (after !== 32 && after !== 9 && after !== 10 && after !== 13) return null;
  return { width: j - i, ordered, one: ordered && j - i === 2 && c === 49 };
}

/**
 * An over-estimate of the container depth a line opens: blockquote markers,
 * list markers ("- - - x" nests three lists, "1. 1. x" two) and indentation
 * in steps of two columns.
 */
function nestingDepth(text: string, start: number, end: number): number {
  let markers = 0;
  let indent = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) markers++;
    else if (c === 32) indent++;
    else if (c === 9) indent += 4;
    else {
      const m = listMarker(text, i, end);
      if (!m) break;
      markers++;
      i += m.width - 1;
    }
  }
  return markers + Math.floor(indent / 2);
}

/**
 * Estimates, line by line, the work of micromark's two super-linear paths,
 * erring on the high side:
 * - a paragraph costs about its length squared (the text resolver splices the
 *   paragraph's event list once per line and per failed inline construct); a
 *   run of non-blank lines counts as one paragraph unless a line starts a list
 *   item that would interrupt it;
 * - a list or blockquote that ends on a line that does not continue it costs
 *   about the document's length so far (the document tokenizer copies all its
 *   events).
 */
class ParseCost {
  problemLine = 1;
  private paragraphs = 0;
  private runChars = 0;
  private runStart = 0;
  private longest = { chars: 0, start: 0, end: 0 };
  private lastLine = 0;
  private endings = 0;
  private endingCost = 0;
  private quotes = 0;
  /** Content columns of the list items that may be open. */
  private items: number[] = [];

  constructor(private readonly budget: number) {}

  line(text: string, start: number, end: number, line: number): string | null {
    let i = start;
    let quotes = 0;
    let indent = 0;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 62) {
        quotes++;
        indent = 0;
      } else if (c === 32) indent++;
      else if (c === 9) indent += 4 - (indent % 4);
      else if (c !== 13) break;
    }
    const blank = i >= end;
    const marker = blank ? null : listMarker(text, i, end);
    const content = marker ? i + marker.width < end && /\S/.test(text.slice(i + marker.width, Math.min(end, i + marker.width + 8))) : false;

    // Container endings: fewer blockquote markers than the line above, or a list item left by a line indented less than its content.
    let ending = quotes < this.quotes;
    if (!blank && !marker) {
      while (this.items.length > 0 && indent < this.items[this.items.length - 1]) {
        this.items.pop();
        ending = true;
      }
    }
    this.quotes = quotes;
    if (ending) {
      this.endings++;
      this.endingCost += start;
      if (this.endingCost > (this.budget * this.budget) / 256) {
        this.problemLine = line;
        return `Unexpected ${this.endings} lists or blockquotes ending by line ${line} (${start} characters in), expected fewer in a document this long (the Markdown parser re-reads everything before each one)`;
      }
    }

    // Paragraph runs: a blank line ends one; so does a list item that would interrupt it.
    let interrupts = false;
    if (marker && content) {
      const top = this.items[this.items.length - 1];
      if (marker.ordered && !marker.one) interrupts = top !== undefined && indent < top;
      else interrupts = indent <= 3 || this.items.some((c) => c <= indent && indent <= c + 3);
      if (interrupts) {
        while (this.items.length > 0 && this.items[this.items.length - 1] > indent) this.items.pop();
        this.items.push(indent + marker.width + 1);
      }
    }
    if (blank || interrupts) this.closeRun();
    if (!blank) {
      if (this.runChars === 0) this.runStart = line;
      this.runChars += end - start + 1;
      if (this.paragraphs + this.runChars * this.runChars > this.budget * this.budget) {
        const chars = Math.max(this.runChars, this.longest.chars);
        const from = this.runChars >= this.longest.chars ? this.runStart : this.longest.start;
        const to = this.runChars >= this.longest.chars ? line : this.longest.end;
        this.problemLine = from;
        return `Unexpected ${chars} characters of text without a blank line (lines ${from}–${to}), expected paragraphs of at most ${this.budget} characters in all (the Markdown parser slows down quadratically on longer ones)`;
      }
      this.lastLine = line;
    }
    return null;
  }

  private closeRun(): void {
    if (this.runChars === 0) return;
    this.paragraphs += this.runChars * this.runChars;
    if (this.runChars > this.longest.chars) this.longest = { chars: this.runChars, start: this.runStart, end: this.lastLine };
    this.runChars = 0;
  }
}
