/**
 * Timeline entries, read the way a reviewer reads a timeline, in two phases.
 *
 * 1. `gather`: what is an entry. List items, table rows (the time, date and
 *    zone may sit in columns of their own, the zone or year in a column
 *    header), headings that carry a time ("### 2018-10-08 ~18:10"), and plain
 *    lines. Lines that carry no time of their own belong to the entry above
 *    them: wrapped and lazy lines, the paragraphs and untimed lists under a
 *    time heading, a caption after an image. A line or heading that only
 *    gives a date ("2019-01-22", "### 2023-07-19", "Day 2") dates the entries
 *    after it; "All times in PST" and other notes are not entries. Lines an
 *    HTML block swallowed and tab-indented lines (an indented code block that
 *    is not a log) are read as the plain lines they were meant to be.
 * 2. `resolve`: when each entry happened. Its own date, else the date in
 *    force (a date line or heading, the entry before, the incident's day);
 *    its own zone, else its column's, else the timeline's statement, else the
 *    zone written on the entries before it, else the document's. A clock that
 *    goes back without a date of its own is read as the next day when the
 *    step back is too long for a slip (three hours when only the incident's
 *    day is known, twelve under a written date); a date written on the entry
 *    is never moved. Placeholders ("--:--", "HH:MM", "[???]") leave an entry
 *    untimed, not invalid.
 */
import type { Html, List, ListItem, RootContent, Table, TableRow } from 'mdast';
import type { TimelineEntry } from '../types.js';
import type { DateParts, TimeExpression } from '../time/types.js';
import { DAY_MS, addDays, findTimePlaceholder, findZoneStatement, isoWeekday, matchZoneAt, resolveDay, resolvePoint, scanTimes, weekdayNumber, zoneNamedIn } from '../time/index.js';
import type { ResolvedPoint } from '../time/index.js';
import type { Element } from './structure.js';
import { fencedCodeLines, htmlTail, htmlTextLines, indentedCodeLines, linesOfElements } from './lines.js';
import { columnAt, lineAfter, phrasingLines, rowCells, type TextLine } from './text.js';
import { evidenceOf, saysOnset, saysRecovered } from './evidence.js';
import { lastSentenceStart } from './sentences.js';

/** Timeline entries that mark where the impact began and ended ("OUTAGE BEGINS", "Service is restored"). */
export interface ImpactMarkers {
  start?: MarkerPoint;
  end?: MarkerPoint;
}

export interface MarkerPoint {
  time: string;
  epoch?: number;
  date?: string;
  order: number;
  line: number;
  column: number;
}

export interface TimelineInput {
  elements: Element[];
  /** The timeline section's heading ("Timeline (all times UTC)"), for a zone stated there. */
  heading?: string;
  /** The incident's day and the document's zone; `zoneStated` when that zone was stated for the whole document. */
  ctx: { date?: string; zone?: string; zoneStated?: boolean };
  dayFirst: boolean;
  /** The incident's first day, for "Day 2 09:15". */
  firstDay?: string;
  /** Filled with the entries that mark the impact's start and end, if any. */
  markers?: ImpactMarkers;
  /** Filled with the first zone the timeline writes (on an entry, in a column header or a note), if any. */
  zone?: { zone?: string; zoneText?: string; line?: number };
  /** Fenced blocks that open a timeline section: the timeline written inside one, read whatever else it holds. */
  openingFences?: ReadonlySet<Element>;
}

type Kind = NonNullable<TimelineEntry['kind']>;

/** One entry as gathered, before its time is resolved. */
interface Candidate {
  kind: Kind;
  text: string;
  line: number;
  column: number;
  /** Where to look for the time when it is not in `text` (a table's time cell). */
  timeText?: string;
  timeColumn?: number;
  /** A table's date cell and the year its column header gives. */
  dateText?: string;
  yearHint?: number;
  /** A zone from the row's zone cell or the time column's header. */
  zoneHint?: string;
  /** Lines that describe the entry without being entries (under a time heading, after the entry). */
  body: TextLine[];
  /** The last source line of `text`, to join wrapped lines. */
  lastLine: number;
  /** The times of `timeText ?? text` (see `timesOf`): from gathering, dropped when a wrapped line grows the text. */
  times?: TimeExpression[];
}

/** Something in the timeline that is not an entry but changes how the entries after it read. */
type Mark =
  | { mark: 'date'; date?: DateParts; dayOffset?: number; today?: boolean; statement: boolean }
  | { mark: 'zone'; zone: string }
  | { mark: 'group' };

type Unit = Candidate | Mark;

const MAX_ENTRIES = 20_000;
const MAX_DEPTH = 8;
/** An item of up to this many words over timed entries labels them ("- Monday", "- how was the issue detected"). */
const MAX_LABEL_WORDS = 6;
const WORDS = /[\p{L}\p{N}]+/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** A line that opens an entry of its own without a time: a pseudo-bullet, or a short "Label:" ("Escalation: …"). */
const PSEUDO_BULLET = /^[•·▪◦‣⁃●○■□➤➢►▶→⇒✓✔✗✘☐☑✅❌—–+*-][\s\u00a0]/u;
const LABEL_START = /^[*_]{0,2}[\p{L}][\p{L}\p{N}'’/&() -]{0,40}[*_]{0,2}:[*_]{0,2}(?:\s|$)/u;
const TIME_HEADER = /\b(?:time|times|timestamp|when|hour|clock|date\s?\/\s?time|datetime)\b/i;
const DATE_HEADER = /\b(?:date|day)\b/i;
const ZONE_HEADER = /^(?:zone|time\s?zone|tz)$/i;
const YEAR = /\b(?:19|20)\d{2}\b/;
const LOG_LINE = /^\s*(?:[{[]|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}|.{0,40}\b(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL)\b)/;
const GLUED_ORDINAL = /^\d{1,3}[.)](?=\d{1,2}:\d{2})/;
/** A field that states a window among the timeline's lines: "**Duration:** 21:45 to 23:28 UTC", "Total impact duration: …". */
const WINDOW_NOTE = /^[*_]{0,2}[\p{L} ]{0,24}\b(?:duration|window|downtime|time[ \t]frame)[*_]{0,2}[ \t]{0,2}:/iu;
/** kramdown's attribute list for the block above ("{: .table.table-striped }", "{:#timeline}"): styling, no entry. */
const ATTRIBUTE_LIST = /^[ \t]*\{:[^{}\n]{0,200}\}[ \t]*$/;
/**
 * When the page was last changed ("Last updated: 2024-06-12 10:30:00 CET"): the document's own date, no event of the
 * incident. Narrower than the window's STAMP_LABEL (model/window.ts): in a timeline, "Published the fix" or "Posted an
 * update" are events.
 */
const PAGE_UPDATED = /^[ \t]*[*_]{0,2}(?:last[ \t]+(?:updated|modified|edited)|page[ \t]+updated)[*_]{0,2}[ \t]{0,2}(?::|on\b|at\b)/i;
/** Date statements that hold for the whole timeline: "Unless otherwise noted all events happened on 2019-10-21". */
const DATE_STATEMENT = /\b(?:all|unless|every)\b/i;
/**
 * Markers of the impact's start and end inside timeline entries: "OUTAGE
 * BEGINS", "impact starts", "Service is restored", "Incident resolved",
 * "bringing the outage to an end". The outage itself (or the service coming
 * back) outranks the incident or problem, which may be declared later or
 * closed after the impact ended; an explicit begin/end outranks resolved/restored.
 */
const START_MARKER =
  /\b(outages?|impact|downtime|disruption|degradation|incident|issues?|problems?)[ \t]+(?:(?:has|have)[ \t]+)?(begins?|began|begun|starts?|started|commenc(?:es|ed))\b/i;
const END_MARKER =
  /\b(outages?|impact|downtime|disruption|degradation|services?|site|website|incident|issues?|problems?)[ \t]+(?:(?:is|are|was|were|has|have)[ \t]+)?(?:been[ \t]+)?(?:(?:fully|completely)[ \t]+)?(ends?|ended|over|resolved|restored)\b/i;
const END_PHRASE = /\b(outage|impact|downtime|disruption|incident)[ \t]+to[ \t]+an[ \t]+(end)\b/i;
/** "<START OF OUTAGE>", "END OF OUTAGE": the marker as a noun phrase, its subject in group 1 as the markers above have it. */
const START_OF = /\b(?:start|beginning|onset)[ \t]+of[ \t]+(?:the[ \t]+)?(outage|impact|downtime|disruption|degradation)\b/i;
const END_OF = /\bend[ \t]+of[ \t]+(?:the[ \t]+)?(outage|impact|downtime|disruption|degradation)\b/i;
const SERVICE_SUBJECT = /^(?:services?|site|website)$/i;
const STRONG_SUBJECT = /^(?:outages?|impact|downtime|disruption|degradation)$/i;
const EXPLICIT_VERB = /^(?:begins?|began|begun|starts?|started|commenc(?:es|ed)|ends?|ended|over|end)$/i;
/** An AM/PM written after a clock. */
const MERIDIEM = /\d[ \t]{0,2}[AaPp]\.?[Mm]\b/;
/** An hour written with its leading zero ("06:10"). */
const ZERO_PADDED_HOUR = /(?<![\d:.])0[1-9][:.h]\d\d/;
/** cState and other Hugo status pages stamp each update: `{{< track "2024-05-14 19:00:00" >}}`. */
const TRACK = /\{\{<[ \t]{0,4}track[ \t]{1,4}"([^"\n]{1,40})"[ \t]{0,4}>\}\}/g;
/** cState's update block opens `::: update Resolved | 2021-01-14T12:03:46.693Z` (its status, its stamp) and closes `:::`. */
const UPDATE_BLOCK = /^:::[ \t]{0,4}update[ \t]{1,4}([^|\n]{0,40})\|[ \t]{0,4}([^\n]{1,60})$/i;
const BLOCK_END = /^:::[ \t]*$/;
/** An update's status saying the incident is over. */
const OVER_STATUS = /^(?:resolved|completed|closed|recovered)$/i;

export function readTimeline(input: TimelineInput): TimelineEntry[] {
  let units = gather(input.elements, input.dayFirst, false, input.openingFences);
  // A timeline with no timed entry outside a fenced block may be written inside one (aligned columns of times).
  const timed = (u: Unit) => isEntry(u) && timesOf(u, input.dayFirst).some((x) => x.time);
  if (!units.some(timed) && input.elements.some((e) => e.kind === 'block' && e.node.type === 'code')) units = gather(input.elements, input.dayFirst, true);
  const headingZone = input.heading ? findZoneStatement(input.heading)?.zone : undefined;
  return resolve(units, input, headingZone);
}

// ---------------------------------------------------------------------------
// Phase 1: gather the entries

interface Gatherer {
  out: Unit[];
  dayFirst: boolean;
  depth: number;
  /** How many HTML blocks deep the gatherer reads (their swallowed lines may hold another). */
  html: number;
  /** The entry the next untimed line belongs to. */
  current?: Candidate;
  /** The current entry came from a heading: untimed lists under it are its body. */
  underHeading: boolean;
  /** Read fenced code blocks too (a timeline written inside one). */
  fenced: boolean;
  /** A list of items that open with their times has been read: the timeline is written that way. */
  timeLedList?: boolean;
  /** Lines of this timeline open with clock times written with a dot ("09.25 User reported…"). */
  dottedClocks?: boolean;
  /** Lines of this timeline open with their times: one opening in lower case goes on with the entry above. */
  timeLedLines?: boolean;
  /** The text of the line read last, for the next line of its paragraph. */
  lineAbove?: string;
  /** Entries were read from the lines of a code block ("10:00 UTC - cloud open"): the prose after it is a note. */
  codeTimeline?: boolean;
}

/**
 * In a timeline of lines that open with their times, a line that tells a time only this far into its text
 * ("It has turned out that the feeder cable … around 1AM") is a note: an entry would open with it.
 */
const DEEP_TIME = 20;

/** A line that opens with a clock time ("09:42 AC API seems…", "**14:05** - …"). */
const CLOCK_LEAD = /^[~(*_ \t]{0,3}(?:[01]?\d|2[0-3])[:.]\d\d\b/;

/**
 * A line opening with a clock time written with a dot, the British way ("09.25 AC cluster claims healthy", "8.48 SB created…",
 * "~02.00 900k messages", "10.42: the application became unavailable"). Alone, "10.30" may be any number; two or more lines of a timeline opening so are times.
 */
const DOTTED_CLOCK_LEAD = /^(~?[ \t]?(?:[01]?\d|2[0-3]))\.([0-5]\d)(?=:?[ \t]+\S)/;
const DOTTED_CLOCK_LINES = 2;

function gather(elements: Element[], dayFirst: boolean, fenced: boolean, openingFences?: ReadonlySet<Element>): Unit[] {
  const lines = elements.flatMap((e) =>
    e.kind === 'line' ? [e.line.text] : e.kind === 'block' && e.node.type === 'code' && openingFences?.has(e) ? fencedCodeLines(e.node).map((l) => l.text) : [],
  );
  // Items of a list count too ("- 10.42: the application became unavailable").
  const itemHeads = elements.flatMap((e) => (e.kind === 'block' && e.node.type === 'list' ? e.node.children.map((item) => itemHead(item)?.text ?? '') : []));
  const dotted = [...lines, ...itemHeads].filter((text) => DOTTED_CLOCK_LEAD.test(text)).length >= DOTTED_CLOCK_LINES;
  const timeLed = lines.filter((text) => CLOCK_LEAD.test(text)).length >= 2;
  const g: Gatherer = { out: [], dayFirst, depth: 0, html: 0, underHeading: false, fenced, dottedClocks: dotted, timeLedLines: timeLed };
  let paragraphEnd = -1;
  for (const e of elements) {
    if (g.out.length >= MAX_ENTRIES) break;
    if (e.kind === 'heading' && e.label && e.source && g.underHeading) {
      // "Gradual recovery:" under "### 02:05 UTC": a phase label inside the heading's entry, which keeps its body.
      fromLine(g, e.source, false);
      paragraphEnd = e.source.line;
    } else if (e.kind === 'heading') {
      // An ATX heading's text starts after its hashes and a space ("### 2018-10-08 ~18:10").
      const column = e.style === 'atx' ? e.column + e.level + 1 : e.style === 'hash-no-space' ? e.column + e.level : e.column;
      fromHeading(g, e.text, e.line, column);
      paragraphEnd = -1;
    } else if (e.kind === 'line') {
      fromLine(g, e.line, e.line.line === paragraphEnd + 1);
      paragraphEnd = e.line.line;
    } else {
      fromBlock(g, e.node, openingFences?.has(e) === true);
      paragraphEnd = -1;
    }
  }
  return g.out;
}

function isEntry(u: Unit | undefined): u is Candidate {
  return u !== undefined && 'kind' in u;
}

/**
 * The times where a gathered entry's time is written (its time cell, else its
 * text), scanned once: gathering, the check for a timeline in a fenced block,
 * the look-ahead for the next clock and the entry's own resolution all read
 * them, which scanned the same text four times. A wrapped line joined to the
 * text drops them (`joinLine`).
 */
function timesOf(c: Candidate, dayFirst: boolean): TimeExpression[] {
  return (c.times ??= scanTimes(c.timeText ?? c.text, { dayFirst }));
}

function push(g: Gatherer, c: Candidate, heading = false): void {
  g.out.push(c);
  g.current = c;
  g.underHeading = heading;
}

function fromHeading(g: Gatherer, text: string, line: number, column: number): void {
  // "<h5>Last updated: …</h5>" under the timeline: the page's date, which ends the entry above as any heading does.
  if (PAGE_UPDATED.test(text)) {
    g.out.push({ mark: 'group' });
    g.current = undefined;
    g.underHeading = false;
    return;
  }
  const exprs = scanTimes(text, { dayFirst: g.dayFirst });
  if (exprs.some((x) => x.time || x.invalid) || findTimePlaceholder(text)) {
    push(g, candidate('heading', { text, line, column }, exprs), true);
    return;
  }
  const mark = markOf(text, exprs);
  g.out.push(mark ?? { mark: 'group' });
  g.current = undefined;
  g.underHeading = false;
}

/** A date-only line or heading, a zone statement, or (when `label`) a label ending in a colon. */
function markOf(text: string, exprs: TimeExpression[], label = true): Mark | undefined {
  const date = dateOnly(text, exprs);
  if (date) return date;
  // "### Tonight's Events" after the lead-up's dates: the incident's own day again.
  if (exprs.length === 0 && THE_DAY_ITSELF.test(text)) return { mark: 'date', today: true, statement: false };
  const zone = findZoneStatement(text);
  if (zone && (text.match(WORDS) ?? []).length <= 12) return { mark: 'zone', zone: zone.zone };
  // "Links to grafana during the incident window:": a line that introduces what follows.
  if (label && /^[^:]{1,60}:$/.test(text.trim())) return { mark: 'group' };
  return undefined;
}

/** A heading or line of the incident's own day: "Tonight's events", "Today", "This morning". */
const THE_DAY_ITSELF = /^[\W_]{0,4}(?:today|tonight|this[ \t]+(?:morning|afternoon|evening))(?:[\u2019']s)?(?:[ \t]+(?:events?|timeline))?[\W_]{0,4}$/i;

/** "2019-1-17", "2015-10-21 (all times UTC)", "Day 2", "Monday, March 4": a date with at most three other words. */
function dateOnly(text: string, exprs: TimeExpression[]): Mark | undefined {
  if (exprs.length !== 1) return undefined;
  const e = exprs[0];
  if ((!e.date && e.dayOffset === undefined) || e.time || e.invalid) return undefined;
  const rest = (text.slice(0, e.index) + ' ' + text.slice(e.index + e.length)).replace(/\([^)]{0,80}\)/g, ' ');
  if ((rest.match(WORDS) ?? []).length > 3) return undefined;
  return { mark: 'date', date: e.date, dayOffset: e.dayOffset, statement: false };
}

/** "09.25 …" read as "09:25 …" in a timeline that writes its clocks with a dot (same length: columns hold). */
function withColonClock<T extends TextLine | undefined>(g: Gatherer, line: T): T {
  return line && g.dottedClocks && DOTTED_CLOCK_LEAD.test(line.text) ? { ...line, text: line.text.replace(DOTTED_CLOCK_LEAD, '$1:$2') } : line;
}

function fromLine(g: Gatherer, written: TextLine, sameParagraph: boolean): void {
  const above = sameParagraph ? g.lineAbove : undefined;
  g.lineAbove = written.text;
  if (!HAS_WORD.test(written.text)) return; // "\\\\", "---", "…": separators
  if (PAGE_UPDATED.test(written.text) || ATTRIBUTE_LIST.test(written.text)) return;
  const line = withColonClock(g, written);
  const exprs = scanTimes(line.text, { dayFirst: g.dayFirst });
  const first = exprs.find((x) => x.time || x.invalid);
  // "The special offer was to start at noon sharp": a time planned, not an event at it.
  const timed = first && first.index > 3 && PLANNED.test(line.text.slice(Math.max(0, first.index - 40), first.index)) ? undefined : first;
  const prev = g.current;
  // A wrapped line ("…and\nthen we rolled back at 10:40"): same paragraph, mid-sentence, no time at its start.
  if (prev && sameParagraph && prev.lastLine === line.line - 1 && continues(prev.text, line.text, timed)) {
    joinLine(prev, line);
    return;
  }
  // Under a time heading, and after list items or rows (whose paragraphs are notes: "Total impact: 10:45 - 16:11"),
  // a line is an entry of its own only when it opens with its time; a window field ("Duration: 21:45 to 23:28") never is.
  // So, among lines that open with their times, is one that opens in lower case ("and it's been saturated since ~2am"),
  // or one in the paragraph of an entry that tells a time inside it ("RC LogicMonitor first flagged it at 8:50am").
  const notes =
    g.underHeading ||
    prev?.kind === 'item' ||
    prev?.kind === 'row' ||
    (g.codeTimeline === true && !sameParagraph) ||
    WINDOW_NOTE.test(line.text) ||
    (g.timeLedLines === true && (/^\p{Ll}/u.test(line.text) || (sameParagraph && prev !== undefined) || (timed !== undefined && timed.index > DEEP_TIME)));
  // A note's sentence wrapped before its time ("…entered `DEGRADED` state at\n06:09 UTC (05:09 BST):"): still the note.
  if (notes && above !== undefined && DANGLING.test(above.slice(-12))) {
    if (prev && prev.lastLine === line.line - 1) joinLine(prev, line);
    return;
  }
  if ((timed && !(notes && timed.index > 3)) || findTimePlaceholder(line.text)) {
    push(g, candidate('line', line, exprs));
    return;
  }
  const mark = markOf(line.text, exprs, !notes);
  if (mark) {
    if (mark.mark === 'date' && !prev && DATE_STATEMENT.test(line.text)) mark.statement = true;
    g.out.push(mark);
    if (mark.mark !== 'zone') g.current = undefined;
    return;
  }
  if (!notes && (PSEUDO_BULLET.test(line.text) || LABEL_START.test(line.text))) {
    push(g, candidate('line', line, exprs));
    return;
  }
  if (!prev) {
    // An intro note before the first entry; it may state the timeline's date ("all events happened on 2019-10-21").
    const date = exprs.find((x) => x.date && !x.time);
    if (date && exprs.length === 1) g.out.push({ mark: 'date', date: date.date, statement: DATE_STATEMENT.test(line.text) });
    return;
  }
  if (sameParagraph && prev.lastLine === line.line - 1) joinLine(prev, line);
  else prev.body.push(line);
}

/** A wrapped line joins the entry's text, whose times are then scanned anew. */
function joinLine(c: Candidate, line: TextLine): void {
  c.text += ' ' + line.text;
  c.lastLine = line.line;
  c.times = undefined;
}

/** Whether a line continues the sentence of the line above rather than opening an entry. */
function continues(above: string, text: string, timed: TimeExpression | undefined): boolean {
  if (/[.!?:;]["')\]*_]*$/.test(above.slice(-12))) return false;
  // "…once every\n24 hours (at 01:00 UTC), but…", "…entered `DEGRADED` state at\n06:09 UTC (05:09 BST):": after a
  // word no sentence ends on, a line goes on whatever it opens with, its time too.
  if (DANGLING.test(above.slice(-12))) return true;
  if (!/^[a-z(]/.test(text)) return false;
  return !timed || timed.index > 3;
}

/** A word a line may stop on but a sentence never ends on: an article, a preposition, a conjunction. */
const DANGLING = /\b(?:a|an|the|of|to|at|in|on|for|and|or|but|with|by|from|every|about|than|into|per|each|its|their|our|was|were|is|are|been|has|have|had)$/i;

function fromBlock(g: Gatherer, node: RootContent, openingFence = false): void {
  switch (node.type) {
    case 'list':
      fromList(g, node, 0);
      break;
    case 'table':
      for (const c of fromTable(node, g.dayFirst)) push(g, c);
      break;
    case 'paragraph': {
      let end = -1;
      for (const line of phrasingLines(node)) {
        fromLine(g, line, line.line === end + 1);
        end = line.line;
      }
      break;
    }
    case 'blockquote':
      if (g.depth >= MAX_DEPTH) break;
      g.depth++;
      for (const child of node.children) fromBlock(g, child);
      g.depth--;
      break;
    case 'code': {
      // Tab-indented lines after a blank line parse as code; a reviewer reads them as the text they are (unless they are a log).
      const lines = indentedCodeLines(node) ?? (g.fenced || openingFence ? fencedCodeLines(node) : undefined);
      if (lines && !lines.some((l) => LOG_LINE.test(l.text))) {
        const before = g.out.length;
        let end = -1;
        for (const line of lines) {
          fromLine(g, line, line.line === end + 1);
          end = line.line;
        }
        if (g.out.length - before >= 2) g.codeTimeline = true;
      }
      break;
    }
    case 'html':
      fromHtml(g, node);
      break;
    case 'heading': {
      const lines = phrasingLines(node);
      if (lines.length > 0) fromHeading(g, lines.map((l) => l.text).join(' '), lines[0].line, lines[0].column);
      break;
    }
    case 'thematicBreak':
      g.current = undefined;
      break;
    default:
      break;
  }
}

/** The Markdown an HTML block swallowed ("<img …>" with the next entries on the lines below it, no blank line between). */
function fromHtml(g: Gatherer, node: Html): void {
  if (g.html >= 2) return;
  const tail = htmlTail(node);
  if (tail.length === 0) {
    // A timeline pasted as HTML (a table, a list): its rendered lines. A figure's caption describes its image, not events.
    if (!/\d/.test(node.value) || FIGURE.test(node.value)) return;
    let end = -1;
    for (const line of htmlTextLines(node)) {
      fromLine(g, line, line.line === end + 1);
      end = line.line;
    }
    return;
  }
  g.html++;
  for (const child of tail) fromBlock(g, child);
  g.html--;
}

/** The words before a planned time: "was to start at", "is scheduled for", "planned for", "due by". */
const PLANNED = /\b(?:(?:was|were|is|are)[ \t]+(?:to|due[ \t]+to|scheduled[ \t]+to|planned[ \t]+to|expected[ \t]+to|supposed[ \t]+to)[ \t]+[a-z]+|scheduled|planned|due|slated)[ \t]+(?:at|for|by|on)[ \t]+(?:around[ \t]+|about[ \t]+)?$/i;

/** An HTML figure: an image and its caption. */
const FIGURE = /<fig(?:ure|caption)\b/i;

function fromList(g: Gatherer, list: List, depth: number): void {
  const heads = list.children.map((item) => withColonClock(g, itemHead(item)));
  const timed = (h: TextLine | undefined) => h !== undefined && (timeOf(h.text, g.dayFirst) !== undefined || findTimePlaceholder(h.text) !== undefined);
  const anyTimed = list.children.some(
    (item, i) =>
      timed(heads[i]) || item.children.some((c) => (c.type === 'list' && c.children.some((sub) => timed(itemHead(sub)))) || (c !== item.children[0] && opensWithTime(c, g.dayFirst))),
  );
  if (depth === 0) {
    const timeLed = heads.filter((h) => h !== undefined && leadsWithTime(h.text, g.dayFirst)).length;
    if (timeLed >= 2) g.timeLedList = true;
    // After a timeline of items that open with their times, a list none of whose items does is a note on it
    // ("While monitoring the rollout we also noticed: - Step idempotency was made stricter at 07:40"), not entries.
    else if (timeLed === 0 && g.timeLedList) {
      g.current = undefined;
      return;
    }
  }
  // An untimed list under a time heading or after a timed line details that entry.
  if (!anyTimed && g.current && (g.underHeading || g.current.kind === 'line')) {
    g.current.body.push(...linesOfElements([{ kind: 'block', node: list, line: list.position?.start.line ?? 1 }]));
    return;
  }
  list.children.forEach((item, i) => fromItem(g, item, heads[i], depth));
}

function fromItem(g: Gatherer, item: ListItem, head: TextLine | undefined, depth: number): void {
  if (!head) return;
  const exprs = scanTimes(head.text, { dayFirst: g.dayFirst });
  const mark = exprs.some((x) => x.time || x.invalid) ? undefined : markOf(head.text, exprs);
  const nested = item.children.filter((x): x is List => x.type === 'list');
  // "- Monday" over a nested list of timed items, "- how was the issue detected" over a paragraph that opens
  // with its time: a label for the group, not an entry.
  const label =
    !mark &&
    !exprs.some((x) => x.time || x.invalid) &&
    (head.text.match(WORDS) ?? []).length <= MAX_LABEL_WORDS &&
    (nested.some((n) => n.children.some((sub) => timeOf(itemHead(sub)?.text ?? '', g.dayFirst))) || item.children.some((c) => opensWithTime(c, g.dayFirst)));
  if (mark || label) {
    // A date or a label heading a nested list or timed paragraphs: its children are the entries.
    g.out.push(mark || { mark: 'group' });
    g.current = undefined;
    if (depth >= MAX_DEPTH) return;
    for (const child of item.children.slice(1)) {
      if (child.type === 'list') fromList(g, child, depth + 1);
      else if (label && child.type === 'paragraph') phrasingLines(child).forEach((line, i) => fromLine(g, unglued(line), i > 0));
    }
    return;
  }
  if (!HAS_WORD.test(head.text) || linkOnly(item)) return;
  const c = candidate('item', head, exprs);
  push(g, c);
  const lines = headLines(item);
  for (const line of lines.slice(lazyEntryAt(lines))) fromLine(g, unglued(line), true);
  for (const child of item.children.slice(1)) {
    if (child.type === 'list' && depth < MAX_DEPTH) {
      // Nested items with a time of their own are entries; the others detail this one.
      for (const sub of child.children) {
        const subHead = itemHead(sub);
        if (subHead && (timeOf(subHead.text, g.dayFirst)?.index ?? 9) <= 2) fromItem(g, sub, subHead, depth + 1);
        else if (subHead) c.body.push(...linesOfElements([{ kind: 'block', node: { ...child, children: [sub] }, line: subHead.line }]));
      }
      g.current = c;
    } else if (child.type === 'html') {
      fromHtml(g, child);
    } else if (child.type !== 'list') {
      c.body.push(...linesOfElements([{ kind: 'block', node: child, line: child.position?.start.line ?? 1 }]));
    }
  }
}

/** A paragraph in an item whose first line opens with its time ("2:20 PM (GMT) a user complained"). */
function opensWithTime(node: RootContent, dayFirst: boolean): boolean {
  if (node.type !== 'paragraph') return false;
  const first = phrasingLines(node)[0];
  return first !== undefined && (timeOf(unglued(first).text, dayFirst)?.index ?? 9) <= 2;
}

/** "10:02 alert", "**Thurs 07:06 PDT**: paged", "Day 2, 09:00 …": a line whose time comes first, after a word or two of its day at most. */
function leadsWithTime(text: string, dayFirst: boolean): boolean {
  const t = timeOf(text, dayFirst);
  if (!t) return false;
  const before = text.slice(0, t.index).trim();
  return before.length <= 14 && before.split(/\s+/).filter(Boolean).length <= 2;
}

/**
 * Under a status page's update headings ("## 2018-11-08 16:55:00 -0500"), the
 * lists whose items (two or more) open with their own times ("- 16:55 -
 * deployed…", "- 17:00 - reverted…"): those items are the entries, the
 * heading only dates them. Returns the items' lines and the headings' lines.
 */
export function timeLedUnderHeadings(elements: Element[], dayFirst: boolean): { items: Set<number>; headings: Set<number> } {
  const items = new Set<number>();
  const headings = new Set<number>();
  let heading: number | undefined;
  for (const e of elements) {
    if (e.kind === 'heading') heading = e.level <= 6 ? e.line : heading;
    if (heading === undefined || e.kind !== 'block' || e.node.type !== 'list') continue;
    const led = e.node.children.map(itemHead).filter((h): h is TextLine => h !== undefined && leadsWithTime(h.text, dayFirst));
    if (led.length < 2) continue;
    for (const h of led) items.add(h.line);
    headings.add(heading);
  }
  return { items, headings };
}

/** "- [dashboard](https://…)": a reference under the timeline, not an event. */
function linkOnly(item: ListItem): boolean {
  const first = item.children[0];
  if (item.children.length !== 1 || first?.type !== 'paragraph') return false;
  const parts = first.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return parts.length === 1 && parts[0].type === 'link';
}

function timeOf(text: string, dayFirst: boolean): TimeExpression | undefined {
  return scanTimes(text, { dayFirst }).find((x) => x.time || x.invalid);
}

function itemHead(item: ListItem): TextLine | undefined {
  const lines = headLines(item);
  if (lines.length === 0) return undefined;
  const own = lines.slice(0, lazyEntryAt(lines));
  return { ...own[0], text: own.map((l) => l.text).join(' ') };
}

function headLines(item: ListItem): readonly TextLine[] {
  const first = item.children[0];
  if (!first || (first.type !== 'paragraph' && first.type !== 'heading')) return [];
  return phrasingLines(first);
}

/**
 * The first line of an item's paragraph that opens an entry of its own: a
 * lazy line starting with its time ("10.12:30 PM UTC: Service restored",
 * the tenth item written without the space its marker needs).
 */
function lazyEntryAt(lines: readonly TextLine[]): number {
  for (let i = 1; i < lines.length; i++) {
    const text = unglued(lines[i]).text;
    if ((scanTimes(text).find((x) => x.time)?.index ?? 9) === 0) return i;
  }
  return lines.length;
}

/** A line without an ordinal glued to its time ("10.12:30 PM" is entry 10 at 12:30 PM). */
function unglued(line: TextLine): TextLine {
  const m = GLUED_ORDINAL.exec(line.text);
  return m ? lineAfter(line, m[0].length) : line;
}

/** An entry of the line's text; `times`, when given, are that text's (scanned with the timeline's reading of dates). */
function candidate(kind: Kind, line: TextLine, times?: TimeExpression[]): Candidate {
  return { kind, text: line.text, line: line.line, column: line.column, body: [], lastLine: line.line, times };
}

// ---------------------------------------------------------------------------
// Tables

interface Columns {
  time: number;
  date: number;
  zone: number;
  zoneHint?: string;
  yearHint?: number;
  /** The time column holds bare 24-hour clocks ("0730", "1415"), as military-style logs write them. */
  bareClocks?: boolean;
  description: number[];
}

/** A cell that is a bare 24-hour clock, "0730" or "1415 UTC". */
const BARE_CLOCK = /^([01]\d|2[0-3])([0-5]\d)(?=$|\s)/;

function fromTable(table: Table, dayFirst: boolean): Candidate[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const cells = rows.map(rowCells);
  const columns = tableColumns(rowCells(header).map((c) => c.text.trim()), cells, dayFirst);
  // "{: .table.table-striped }" right under a table is a row to GFM, and kramdown's styling of the table to its author.
  return rows.flatMap((row, r) => (isAttributeRow(cells[r]) ? [] : [fromRow(row, cells[r], columns)]));
}

function isAttributeRow(cells: ReturnType<typeof rowCells>): boolean {
  const filled = cells.filter((c) => c.text.trim() !== '');
  return filled.length === 1 && ATTRIBUTE_LIST.test(filled[0].text);
}

/**
 * Which column holds the time, which the date, which the zone: by what the
 * cells hold, the header breaking ties. The time column's header may state
 * the zone ("Time (UTC)"), the date column's the year ("Date (2022)").
 */
function tableColumns(names: string[], rows: Array<ReturnType<typeof rowCells>>, dayFirst: boolean): Columns {
  const width = Math.max(names.length, ...rows.map((r) => r.length));
  const timed = new Array<number>(width).fill(0);
  const dated = new Array<number>(width).fill(0);
  const short = new Array<boolean>(width).fill(true);
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (cell.text.length > 12) short[i] = false;
      const exprs = scanTimes(cell.text, { dayFirst });
      if (exprs.some((x) => x.time || x.invalid) || findTimePlaceholder(cell.text)) timed[i]++;
      else if (exprs.some((x) => x.date)) dated[i]++;
    });
  }
  const best = (counts: number[], header: RegExp, skip: number) => {
    let index = -1;
    for (let i = 0; i < width; i++) {
      if (i === skip) continue;
      const better = index < 0 || counts[i] > counts[index] || (counts[i] === counts[index] && header.test(names[i] ?? '') && !header.test(names[index] ?? ''));
      if (better && (counts[i] > 0 || header.test(names[i] ?? ''))) index = i;
    }
    return index;
  };
  let time = best(timed, TIME_HEADER, -1);
  if (time < 0) time = 0;
  const date = timed[time] > 0 ? best(dated, DATE_HEADER, time) : -1;
  const zone = names.findIndex((n) => ZONE_HEADER.test(n));
  // A date in one event's words ("restored from Oct 29 backups") makes no date column: a column of dates is named
  // so, is short, or dates at least half its rows.
  const dateColumn = dated[date] > 0 && (DATE_HEADER.test(names[date] ?? '') || short[date] || dated[date] * 2 >= rows.length);
  const columns: Columns = { time, date: dateColumn ? date : -1, zone, description: [] };
  const headerZone = zoneNamedIn(names[time] ?? '');
  if (headerZone) columns.zoneHint = headerZone;
  const year = YEAR.exec(names[columns.date] ?? '');
  if (year) columns.yearHint = Number(year[0]);
  // A "Time" column whose cells are four digits each, none read as a time: clocks written without their colon.
  if (timed[time] === 0 && TIME_HEADER.test(names[time] ?? '') && rows.length > 1 && rows.every((r) => BARE_CLOCK.test((r[time]?.text ?? '').trim()))) columns.bareClocks = true;
  for (let i = 0; i < width; i++) {
    if (i === time || i === columns.date || i === zone) continue;
    // A column of short tokens ("Thur", "P1") labels the row; the event is in the other columns.
    if (short[i] && rows.length > 1 && width > 2) continue;
    columns.description.push(i);
  }
  return columns;
}

function fromRow(row: TableRow, cells: ReturnType<typeof rowCells>, columns: Columns): Candidate {
  const timeCell = cells[columns.time];
  const description = columns.description.map((i) => cells[i]?.text ?? '').filter(Boolean).join(' | ');
  const c = candidate('row', {
    text: description || timeCell?.text || '',
    line: row.position?.start.line ?? 1,
    column: row.position?.start.column ?? 1,
  });
  c.timeText = timeCell?.text ?? '';
  if (columns.bareClocks) c.timeText = c.timeText.trim().replace(BARE_CLOCK, '$1:$2');
  // The cell's text, not its leading pipe: "| 23:40 |".
  const firstChild = row.children[columns.time]?.children[0];
  c.timeColumn = firstChild?.position?.start.column ?? timeCell?.column ?? c.column;
  if (columns.date >= 0) c.dateText = cells[columns.date]?.text;
  if (columns.yearHint !== undefined) c.yearHint = columns.yearHint;
  const zoneCell = columns.zone >= 0 ? cells[columns.zone]?.text : undefined;
  const zone = zoneCell ? matchZoneAt(zoneCell.trim(), 0)?.zone : undefined;
  if (zone ?? columns.zoneHint) c.zoneHint = zone ?? columns.zoneHint;
  return c;
}

// ---------------------------------------------------------------------------
// Status updates

/**
 * The updates of a status-page entry (cState), each posted while the
 * incident was open: a paragraph stamped with `{{< track "YYYY-MM-DD
 * HH:MM:SS" >}}`, or a block opened by `::: update Resolved | <ISO time>` and
 * closed by `:::`. Read when the document has no timeline section.
 */
export function readStatusUpdates(elements: Element[], ctx: TimelineInput['ctx'], dayFirst: boolean): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const add = (text: string, stamp: string, line: TextLine, stampColumn: number, over = false) => {
    const e = scanTimes(stamp, { dayFirst }).find((x) => x.time);
    if (!e?.time || entries.length >= MAX_ENTRIES) return;
    const r = resolvePoint(e.date, e.time, e.zone, ctx);
    entries.push({
      kind: 'update',
      text: text.trim(),
      line: line.line,
      column: line.column,
      time: r.time,
      epoch: r.epoch,
      order: r.order,
      date: r.date,
      expression: e,
      expressionColumn: stampColumn + e.index,
      evidence: over || saysRecovered(text) ? 'recovery' : 'impact',
    });
  };
  let text: string[] = [];
  let block: { status: string; stamp: string; line: TextLine; column: number; text: string[] } | null = null;
  let lastLine = -1;
  for (const line of linesOfElements(elements)) {
    // An update is the paragraph its stamp ends, not the page's text since the last stamp (its summary, a heading).
    if (line.line !== lastLine + 1) text = [];
    lastLine = line.line;
    if (block) {
      if (BLOCK_END.test(line.text.trim())) {
        add([block.status, ...block.text].join(' '), block.stamp, block.line, block.column, OVER_STATUS.test(block.status));
        block = null;
      } else block.text.push(line.text);
      continue;
    }
    const opened = UPDATE_BLOCK.exec(line.text.trim());
    if (opened) {
      const status = opened[1].trim();
      block = { status, stamp: opened[2].trim(), line, column: columnAt(line, line.text.indexOf(opened[2].trim())), text: [] };
      continue;
    }
    TRACK.lastIndex = 0;
    let from = 0;
    for (let m = TRACK.exec(line.text); m; m = TRACK.exec(line.text)) {
      text.push(line.text.slice(from, m.index));
      from = m.index + m[0].length;
      add(text.join(' '), m[1], line, columnAt(line, m.index + m[0].indexOf('"') + 1));
      text = [];
    }
    text.push(line.text.slice(from));
  }
  // A block the page never closed still reports its update.
  if (block) add([block.status, ...block.text].join(' '), block.stamp, block.line, block.column, OVER_STATUS.test(block.status));
  return entries;
}

// ---------------------------------------------------------------------------
// Phase 2: resolve the times

interface Running {
  /** The date in force and where it came from: a date line or entry written in the timeline, or only the incident's day. */
  date?: string;
  written: boolean;
  /** A statement for the whole timeline ("all events happened on …"): undated entries keep to it. */
  statement?: string;
  zone?: string;
  /** The zone written on the entries so far. */
  neighbourZone?: string;
  /** The entries so far write AM/PM. */
  twelveHour?: boolean;
  previous?: TimelineEntry;
  /** The clock (minutes into the day) of the next entry, when it is an undated clock in the same zone as written. */
  nextClock?: number;
  /** Days an undated timeline has gone past midnight: its later clocks are on that day too. */
  undatedDays?: number;
  /** The last day mark written without a year, as days into a common year (see nextYearlessDay). */
  yearlessDay?: number;
}

function resolve(units: Unit[], input: TimelineInput, headingZone: string | undefined): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const statedZone = headingZone ?? (input.ctx.zoneStated ? input.ctx.zone : undefined);
  const run: Running = { date: input.ctx.date, written: false, zone: statedZone };
  for (const [index, u] of units.entries()) {
    if (entries.length >= MAX_ENTRIES) break;
    if (!isEntry(u)) {
      applyMark(run, u, input);
      continue;
    }
    run.nextClock = nextClock(units, index, input.dayFirst);
    const entry = resolveEntry(u, run, input);
    entries.push(entry);
    if (entry.order !== undefined) run.previous = entry;
    if (input.markers && entry.time) findMarkers(u, entry, input, input.markers);
  }
  return entries;
}

function applyMark(run: Running, m: Mark, input: TimelineInput): void {
  if (m.mark === 'zone') run.zone = m.zone;
  else if (m.mark === 'date') {
    const day = m.today
      ? input.ctx.date
      : m.date
        ? resolveDay(m.date, run.date ?? input.ctx.date)
        : m.dayOffset !== undefined && (input.firstDay ?? input.ctx.date)
          ? addDays((input.firstDay ?? input.ctx.date)!, m.dayOffset)
          : undefined;
    if (!day) {
      if (m.date?.month !== undefined && m.date.day !== undefined) nextYearlessDay(run, m.date.month, m.date.day);
      return;
    }
    run.date = day;
    run.written = true;
    run.previous = undefined;
    // A later date line ("September 18, 2018:") dates what follows it, whatever a statement said for the whole timeline.
    run.statement = m.statement ? day : undefined;
  }
}

/**
 * "Monday 4th November:" then "Tuesday 5th November" over undated clocks, in a
 * document that gives no year: the days cannot be dated, but they still
 * order the clocks under them. Each later day moves the undated clocks on by
 * the days between (an earlier one changes nothing: no order is invented).
 */
function nextYearlessDay(run: Running, month: number, day: number): void {
  // Days into a common year; a month's length only matters across its end.
  const index = Date.UTC(2001, month - 1, day) / DAY_MS;
  if (run.yearlessDay !== undefined && index > run.yearlessDay) run.undatedDays = (run.undatedDays ?? 0) + (index - run.yearlessDay);
  if (run.yearlessDay === undefined || index > run.yearlessDay) run.yearlessDay = index;
  run.previous = undefined;
}

/**
 * The entry's own time: its first clock time, unless the entry opens with a
 * date alone and that time carries another day ("8/22/23: we find that
 * around 3:30 PM on 8/18/23 memory spiked"): a time the entry tells of, on an
 * entry dated but untimed.
 */
function entryTime(exprs: TimeExpression[]): TimeExpression | undefined {
  const e = exprs.find((x) => x.time || x.invalid);
  const stamp = exprs[0];
  if (!e || e === stamp || !stamp.date || stamp.time || stamp.index > 3 || !e.date) return e;
  const same = e.date.month === stamp.date.month && e.date.day === stamp.date.day && (e.date.year === undefined || stamp.date.year === undefined || e.date.year === stamp.date.year);
  return same ? e : undefined;
}

function resolveEntry(c: Candidate, run: Running, input: TimelineInput): TimelineEntry {
  const entry: TimelineEntry = { kind: c.kind, text: c.text, line: c.line, column: c.column, time: null };
  const source = c.timeText ?? c.text;
  const origin = c.timeColumn ?? c.column;
  const exprs = timesOf(c, input.dayFirst);
  const e = entryTime(exprs);
  const placeholder = findTimePlaceholder(source);
  if (placeholder && (!e || placeholder.index < e.index)) {
    entry.placeholder = placeholder.text;
    entry.expressionColumn = origin + placeholder.index;
    return datedOnly(entry, exprs, c, run, input);
  }
  if (!e) return datedOnly(entry, exprs, c, run, input);
  entry.expression = e;
  entry.expressionColumn = origin + e.index;
  if (e.invalid) {
    entry.invalid = e.invalid;
    return entry;
  }
  // "13:00 PM": reported as a wrong timestamp, and placed at the time it clearly means.
  if (e.notation) entry.invalid = e.notation;
  const day = dayOf(e, c, run, input);
  if (day.unplaceable) {
    // "Jan 14, 10:18 AM" with no year anywhere: a time, but one that cannot be placed against the others.
    entry.time = resolvePoint(undefined, e.time!, undefined).time;
    return entry;
  }
  const zone = e.zone ?? e.end?.zone ?? c.zoneHint ?? run.zone ?? run.neighbourZone ?? input.ctx.zone;
  const r = placeClock(e, zone, day, run, entry);
  entry.time = r.time;
  entry.epoch = r.epoch;
  entry.order = r.order;
  entry.date = r.date;
  if (e.approximate) entry.approximate = true;
  noteZone(e, c, run, input);
  if (c.body.length > 0) entry.detail = c.body.map((b) => b.text).join(' ');
  const own = c.timeText === undefined ? untilLaterSentence(c.text, e, exprs) : c.text;
  const said = [own, ...(own === c.text ? untilNextTime(c.body.map((b) => b.text), input.dayFirst) : [])].join(' ');
  // "Outage begins" names no symptom, but says the impact is there from now on.
  const onset = saysOnset(said);
  const evidence = evidenceOf(said) ?? (onset ? 'impact' : undefined);
  if (evidence) entry.evidence = evidence;
  if (evidence === 'impact' && onset) entry.onset = true;
  return entry;
}

/**
 * A paragraph's text up to the sentence that gives its next clock time: "At
 * 03:00 we decided to move to another provider. … This resolved the outage
 * at 03:41." tells at 03:00 of the decision, and the recovery is 03:41's.
 * A later time in the entry's own sentence ("from 10:00 to 10:20 the site
 * was down") stays with it.
 */
function untilLaterSentence(text: string, own: TimeExpression, exprs: TimeExpression[]): string {
  const next = exprs.find((x) => x.time && x.index > own.index + own.length);
  const cut = next ? lastSentenceStart(text, own.index + own.length, next.index) : undefined;
  return cut === undefined ? text : text.slice(0, cut);
}

/** Text that may hold a clock ("10:30", "9h15", "3 pm", "1430 UTC", "noon"); without one, there is no time to scan for. */
const MAY_HOLD_CLOCK = /\d[:.hH]\d|\d[ \t]?[aApP]\.?[mM]\b|\d{4}[ \t]?(?:UTC|GMT|Z\b)|noon|midnight/;

/**
 * An entry's body up to the first clock time in it: what follows a time is
 * another event (a broken table's later rows run on into one paragraph), so
 * its recovery or impact is not this entry's.
 */
function untilNextTime(body: string[], dayFirst: boolean): string[] {
  const kept: string[] = [];
  for (const text of body) {
    const next = MAY_HOLD_CLOCK.test(text) ? scanTimes(text, { dayFirst }).find((x) => x.time) : undefined;
    if (!next) {
      kept.push(text);
      continue;
    }
    if (next.index > 0) kept.push(text.slice(0, next.index));
    break;
  }
  return kept;
}

interface Day {
  date?: string;
  /** How many hours an undated clock may step back before it is read as the next day; undefined for a date written on the entry. */
  rollLimit?: number;
  /** A date was written but no year can be given to it. */
  unplaceable?: boolean;
}

/** The entry's day: its own date, "Day 2", or the date in force (then it may roll over). */
function dayOf(e: TimeExpression, c: Candidate, run: Running, input: TimelineInput): Day {
  const dated = ownDate(e, c, input.dayFirst);
  if (dated) {
    const date = pickDay(dated, run.date ?? input.ctx.date, e.ambiguousDate && !c.dateText);
    if (!date) return { unplaceable: true };
    run.date = date;
    run.written = true;
    return { date };
  }
  const first = input.firstDay ?? input.ctx.date;
  if (e.dayOffset !== undefined && first) {
    run.date = addDays(first, e.dayOffset);
    run.written = true;
    return { date: run.date };
  }
  const inForce = run.statement ?? run.date;
  const weekday = inForce ? weekdayBeside(c.timeText ?? c.text, e) : undefined;
  const from = inForce ? isoWeekday(inForce) : undefined;
  if (inForce && weekday !== undefined && from !== undefined) {
    // "Service was fully restored by 9:00 AM on Friday", after an entry on Wednesday, January 15: the Friday after it.
    run.date = addDays(inForce, (weekday - from + 7) % 7);
    run.written = true;
    return { date: run.date };
  }
  return { date: inForce, rollLimit: run.written || run.statement ? 12 : 3 };
}

/** A weekday named right beside a clock time ("9:00 AM on Friday", "Friday 09:00", "Saturday at 2 PM"): 1 = Monday .. 7 = Sunday. */
function weekdayBeside(text: string, e: TimeExpression): number | undefined {
  const after = WORD_AFTER.exec(text.slice(e.index + e.length, e.index + e.length + 24))?.[1];
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, e.index - 16), e.index))?.[1];
  return (after && weekdayNumber(after)) || (before && weekdayNumber(before)) || undefined;
}
const WORD_AFTER = /^[ \t,]{1,3}(?:on[ \t]+)?(\p{Lu}\p{Ll}{2,8})\b/u;
const WORD_BEFORE = /\b(\p{Lu}\p{Ll}{2,8})[ \t,]{1,3}(?:at[ \t]+|around[ \t]+)?$/u;

/**
 * The clock on its day. A clock without AM/PM that steps back is read as PM
 * in a timeline that writes AM/PM, else, undated, when the step is too long
 * for a slip, as the next day (or the one after, past two midnights).
 */
function placeClock(e: TimeExpression, zone: string | undefined, day: Day, run: Running, entry: TimelineEntry): ResolvedPoint {
  const time = e.time!;
  let date = day.date;
  let r = resolvePoint(undefined, time, zone, { date });
  if (!date && run.undatedDays) r = { ...r, order: r.order + run.undatedDays * DAY_MS };
  const previous = run.previous;
  const meridiem = MERIDIEM.test(e.text);
  const before = previous?.order !== undefined && comparableOrders(previous, r) && r.order < previous.order;
  const stepsBack = before && day.rollLimit !== undefined;
  if (meridiem) run.twelveHour = true;
  // "06:10" is written on a 24-hour clock: its zero says so, whatever the entries before it wrote. A dated one
  // too ("Sept 3, 11:11pm", "Sept 3 11:19"): the day is the same, the AM/PM left out.
  else if (before && run.twelveHour && time.hour >= 1 && time.hour <= 11 && !ZERO_PADDED_HOUR.test(e.text)) {
    const pm = resolvePoint(undefined, { ...time, hour: time.hour + 12 }, zone, { date });
    if (pm.order >= previous!.order! && pm.order - previous!.order! < 12 * 3_600_000) return pm;
  }
  if (!stepsBack || r.order >= previous!.order! - day.rollLimit! * 3_600_000) return r;
  // "12:00 PM, 12:15 AM": 12 AM written for 12 PM, just after the entry before, is out of place, not past midnight.
  if (time.hour === 0 && /^12\b/.test(e.text.trim()) && /\d[ \t]{0,2}a\.?m\b/i.test(e.text)) {
    const noon = resolvePoint(undefined, { ...time, hour: 12 }, zone, { date });
    if (noon.order >= previous!.order! && noon.order - previous!.order! <= day.rollLimit! * 3_600_000) return r;
  }
  // "11:30 AM, 12:30 AM, 1:00 PM": the entry after goes on from the one before, so this one is out of place, not past midnight.
  const clockBefore = previous!.expression?.time;
  if (clockBefore && run.nextClock !== undefined && !previous!.expression?.date && run.nextClock > clockBefore.hour * 60 + clockBefore.minute) return r;
  for (let days = 1; days <= 2 && r.order < previous!.order!; days++) {
    if (date) r = resolvePoint(undefined, time, zone, { date: addDays(date, 1) });
    else {
      r = { ...r, order: r.order + DAY_MS };
      run.undatedDays = (run.undatedDays ?? 0) + 1;
    }
    date = r.date ?? date;
  }
  entry.rolled = true;
  if (run.statement) run.statement = date;
  else run.date = date;
  return r;
}

/** The clock of the next entry in minutes into the day, when it is written without a date (only a clock can go on from the one before). */
function nextClock(units: Unit[], index: number, dayFirst: boolean): number | undefined {
  for (let i = index + 1; i < units.length; i++) {
    const u = units[i];
    if (!isEntry(u)) {
      if (u.mark === 'date') return undefined;
      continue;
    }
    const e = timesOf(u, dayFirst).find((x) => x.time || x.invalid);
    if (!e) continue;
    return e.time && !e.date && e.dayOffset === undefined && !u.dateText ? e.time.hour * 60 + e.time.minute : undefined;
  }
  return undefined;
}

/** Keeps the zone written on the entry for the entries after it, and the timeline's first written zone for the document. */
function noteZone(e: TimeExpression, c: Candidate, run: Running, input: TimelineInput): void {
  const own = e.zone ?? e.end?.zone;
  if (own) run.neighbourZone = own;
  const zone = own ?? c.zoneHint;
  if (!input.zone || input.zone.zone || !zone) return;
  Object.assign(input.zone, { zone, zoneText: (e.zone ? e.zoneText : e.end?.zone ? e.end.zoneText : undefined) ?? zone, line: c.line });
}

/** An untimed entry that still gives a date ("| 2021-12-10 | | Log4j disclosed |") dates the ones after it. */
function datedOnly(entry: TimelineEntry, exprs: TimeExpression[], c: Candidate, run: Running, input: TimelineInput): TimelineEntry {
  const d = exprs.find((x) => x.date && !x.invalid)?.date ?? (c.dateText ? scanTimes(c.dateText, { dayFirst: input.dayFirst }).find((x) => x.date)?.date : undefined);
  const parts = d && d.year === undefined && c.yearHint !== undefined ? { ...d, year: c.yearHint } : d;
  const day = parts ? resolveDay(parts, run.date ?? input.ctx.date) : undefined;
  if (day) {
    entry.date = day;
    run.date = day;
    run.written = true;
    run.previous = undefined;
  }
  return entry;
}

/** The date written on the entry itself or in its row's date cell, with the column header's year. */
function ownDate(e: TimeExpression, c: Candidate, dayFirst: boolean): DateParts | undefined {
  const d = e.date ?? (c.dateText ? scanTimes(c.dateText, { dayFirst }).find((x) => x.date && !x.invalid)?.date : undefined);
  if (!d) return undefined;
  return d.year === undefined && c.yearHint !== undefined ? { ...d, year: c.yearHint } : d;
}

/**
 * The day of a written date. "04-12-2022" could be either day or month
 * first; when only the other reading falls on the day in force, that is the
 * one the author meant.
 */
function pickDay(parts: DateParts, ref: string | undefined, ambiguous: boolean | undefined): string | undefined {
  const day = resolveDay(parts, ref);
  if (!ambiguous || !ref || day === ref) return day;
  const swapped = resolveDay({ ...parts, month: parts.day, day: parts.month }, ref);
  return swapped === ref ? swapped : day;
}

function comparableOrders(a: { epoch?: number; date?: string }, b: { epoch?: number; date?: string }): boolean {
  return (a.epoch !== undefined) === (b.epoch !== undefined) && (a.date !== undefined) === (b.date !== undefined);
}

// ---------------------------------------------------------------------------
// Impact markers

const markerScores = new WeakMap<ImpactMarkers, { start: number; end: number }>();

/** Records the entry (or a time written in the marker's own sentence) as the impact's start or end when it says so. */
function findMarkers(c: Candidate, entry: TimelineEntry, input: TimelineInput, markers: ImpactMarkers): void {
  const scores = markerScores.get(markers) ?? { start: 0, end: 0 };
  markerScores.set(markers, scores);
  const texts: TextLine[] = [{ text: c.text, line: c.line, column: c.column }, ...c.body];
  for (const t of texts) {
    for (const role of ['start', 'end'] as const) {
      const m = role === 'start' ? START_MARKER.exec(t.text) : END_MARKER.exec(t.text) ?? END_PHRASE.exec(t.text);
      const found = m ?? (role === 'start' ? START_OF : END_OF).exec(t.text);
      if (!found) continue;
      const subject = found[1];
      const rank = STRONG_SUBJECT.test(subject) || (role === 'end' && SERVICE_SUBJECT.test(subject)) ? 2 : 1;
      // The noun phrase ("START OF OUTAGE") is as explicit as "outage begins".
      const score = rank * 2 + (found !== m || EXPLICIT_VERB.test(found[2]) ? 1 : 0);
      // The earliest strongest start; the last strongest end.
      if (role === 'start' ? score <= scores.start : score < scores.end) continue;
      scores[role] = score;
      markers[role] = markerPoint(t, found.index, entry, input);
    }
  }
}

/** The time of a marker: one written in its own sentence ("The issues started on Feb 12th at 3pm"), else the entry's. */
function markerPoint(t: TextLine, at: number, entry: TimelineEntry, input: TimelineInput): MarkerPoint {
  const from = Math.max(t.text.lastIndexOf('. ', at) + 1, 0);
  const stop = t.text.indexOf('. ', at);
  const sentence = t.text.slice(from, stop === -1 ? undefined : stop);
  const own = t.line !== entry.line ? scanTimes(sentence, { dayFirst: input.dayFirst }).find((x) => x.time && !x.invalid) : undefined;
  if (own?.time) {
    const r = resolvePoint(own.date, own.time, own.zone, { date: entry.date ?? input.ctx.date, zone: input.ctx.zone });
    return { time: r.time, epoch: r.epoch, date: r.date, order: r.order, line: t.line, column: columnAt(t, from + own.index) };
  }
  return {
    time: entry.time!,
    epoch: entry.epoch,
    date: entry.date,
    order: entry.order!,
    line: entry.line,
    column: entry.expressionColumn ?? entry.column,
  };
}
