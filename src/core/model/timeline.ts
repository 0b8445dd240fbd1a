/**
 * Timeline entries: one per list item, table row, time heading or line of the
 * timeline section, each with its timestamp resolved against the incident's
 * date and zone. Clocks that go back by more than twelve hours roll over to
 * the next day; entries without a time are kept and marked untimed.
 */
import type { List, ListItem, Table } from 'mdast';
import type { TimelineEntry } from '../types.js';
import type { TimeExpression } from '../time/types.js';
import { findZoneStatement, scanTimes } from '../time/index.js';
import type { Element } from './structure.js';
import { linesOfElements } from './lines.js';
import { phrasingLines, rowCells, type TextLine } from './text.js';
import { addDays, isoDate, resolve, yearOf, type Context } from './when.js';

interface Candidate {
  text: string;
  line: number;
  column: number;
  /** Text to look for the timestamp in, when it differs from `text` (a table's time column). */
  timeText?: string;
  timeColumn?: number;
  /** Child entries (a date line heading a nested list). */
  children?: Candidate[];
  /** The lines under a time heading (its description), for impact markers. */
  body?: TextLine[];
}

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

const TIME_HEADER = /^(?:time|date|when|timestamp|date\s?\/\s?time|datetime|time\s?\(.{1,20}\)|date\s?\(.{1,20}\)|hour|clock)$/i;
const WORDS = /[\p{L}\p{N}]+/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
/**
 * Markers of the impact's start and end inside timeline entries: "OUTAGE
 * BEGINS", "impact starts", "Service is restored", "Incident resolved",
 * "bringing the outage to an end". The outage itself (or the service coming
 * back) outranks the incident or problem, which may be declared later or
 * closed after the impact ended; an explicit begin/end outranks resolved/restored.
 */
const START_MARKER =
  /\b(outages?|impact|downtime|disruption|degradation|incident|issues?|problems?)[ \t]{1,3}(?:(?:has|have)[ \t]{1,3})?(begins?|began|begun|starts?|started|commenc(?:es|ed))\b/i;
const END_MARKER =
  /\b(outages?|impact|downtime|disruption|degradation|services?|site|website|incident|issues?|problems?)[ \t]{1,3}(?:(?:is|are|was|were|has|have)[ \t]{1,3})?(?:been[ \t]{1,3})?(?:(?:fully|completely)[ \t]{1,3})?(ends?|ended|over|resolved|restored)\b/i;
const END_PHRASE = /\b(outage|impact|downtime|disruption|incident)[ \t]{1,3}to[ \t]{1,3}an[ \t]{1,3}(end)\b/i;
const SERVICE_SUBJECT = /^(?:services?|site|website)$/i;
const STRONG_SUBJECT = /^(?:outages?|impact|downtime|disruption|degradation)$/i;
const EXPLICIT_VERB = /^(?:begins?|began|begun|starts?|started|commenc(?:es|ed)|ends?|ended|over|end)$/i;
const MAX_ENTRIES = 20_000;

export interface TimelineInput {
  elements: Element[];
  ctx: Context;
  dayFirst: boolean;
  /** The incident's first day, for "Day 2 09:15". */
  firstDay?: string;
  /** Filled with the entries that mark the impact's start and end, if any. */
  markers?: ImpactMarkers;
}

export function readTimeline(input: TimelineInput): TimelineEntry[] {
  const candidates = gather(input.elements, input.dayFirst);
  const entries: TimelineEntry[] = [];
  let runningDate = input.ctx.date;
  let previous: { date?: string; minutes: number } | undefined;

  const visit = (c: Candidate) => {
    if (entries.length >= MAX_ENTRIES) return;
    const source = c.timeText ?? c.text;
    const exprs = scanTimes(source, { dayFirst: input.dayFirst });
    const marker = dateMarker(source, exprs);
    if (marker) {
      runningDate = isoDate(marker, yearOf(runningDate)) ?? runningDate;
      previous = undefined;
      c.children?.forEach(visit);
      return;
    }
    if (isNote(c.text, exprs)) {
      c.children?.forEach(visit);
      return;
    }
    const e = exprs.find((x) => x.time || x.invalid);
    const entry: TimelineEntry = { text: c.text, line: c.line, column: c.column, time: null };
    if (e && e.invalid) {
      entry.invalid = e.invalid;
      entry.expression = e;
      entry.expressionColumn = (c.timeColumn ?? c.column) + e.index;
    } else if (e && e.time) {
      let date: string | undefined;
      let implicit = false;
      if (e.date) {
        date = isoDate(e.date, yearOf(runningDate ?? input.ctx.date));
        runningDate = date ?? runningDate;
      } else if (e.dayOffset !== undefined && (input.firstDay ?? input.ctx.date)) {
        date = addDays((input.firstDay ?? input.ctx.date)!, e.dayOffset);
        runningDate = date;
      } else {
        date = runningDate;
        implicit = true;
      }
      const minutes = e.time.hour * 60 + e.time.minute;
      if (implicit && previous && previous.date === date && minutes < previous.minutes - 12 * 60) {
        date = date ? addDays(date, 1) : undefined;
        runningDate = date;
        entry.rolled = true;
      }
      const r = resolve(undefined, e.time, e.zone ?? e.end?.zone, { date, zone: input.ctx.zone });
      entry.time = r.time;
      entry.epoch = r.epoch;
      entry.order = entry.rolled && !date ? r.order + 24 * 3_600_000 : r.order;
      entry.date = r.date;
      entry.expression = e;
      entry.expressionColumn = (c.timeColumn ?? c.column) + e.index;
      if (e.approximate) entry.approximate = true;
      previous = { date, minutes };
      if (input.markers) findMarkers(c, entry, input, input.markers);
    }
    entries.push(entry);
    c.children?.forEach(visit);
  };
  candidates.forEach(visit);
  return entries;
}

const markerScores = new WeakMap<ImpactMarkers, { start: number; end: number }>();

/** Records the entry (or a time written in the marker's own sentence) as the impact's start or end when it says so. */
function findMarkers(c: Candidate, entry: TimelineEntry, input: TimelineInput, markers: ImpactMarkers): void {
  const scores = markerScores.get(markers) ?? { start: 0, end: 0 };
  markerScores.set(markers, scores);
  const texts: TextLine[] = [{ text: c.text, line: c.line, column: c.column }, ...(c.body ?? [])];
  for (const t of texts) {
    for (const role of ['start', 'end'] as const) {
      const m = role === 'start' ? START_MARKER.exec(t.text) : END_MARKER.exec(t.text) ?? END_PHRASE.exec(t.text);
      if (!m) continue;
      const subject = m[1];
      const rank = STRONG_SUBJECT.test(subject) || (role === 'end' && SERVICE_SUBJECT.test(subject)) ? 2 : 1;
      const score = rank * 2 + (EXPLICIT_VERB.test(m[2]) ? 1 : 0);
      // The earliest strongest start; the last strongest end.
      if (role === 'start' ? score <= scores.start : score < scores.end) continue;
      scores[role] = score;
      markers[role] = markerPoint(t, m.index, entry, input);
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
    const r = resolve(own.date, own.time, own.zone, { date: entry.date ?? input.ctx.date, zone: input.ctx.zone });
    return { time: r.time, epoch: r.epoch, date: r.date, order: r.order, line: t.line, column: t.column + from + own.index };
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

/** A line that only gives a date ("2019-1-17", "2015-10-21 (all times UTC)") sets the date of the entries after it. */
function dateMarker(text: string, exprs: TimeExpression[]): TimeExpression['date'] | undefined {
  if (exprs.length !== 1) return undefined;
  const e = exprs[0];
  if (!e.date || e.time || e.invalid) return undefined;
  const rest = (text.slice(0, e.index) + ' ' + text.slice(e.index + e.length)).replace(/\([^)]{0,80}\)/g, ' ');
  const words = rest.match(WORDS) ?? [];
  return words.length <= 3 ? e.date : undefined;
}

/** "All times in PST", "Post-resolution:" — notes inside a timeline, not events. */
function isNote(text: string, exprs: TimeExpression[]): boolean {
  if (exprs.some((e) => e.time || e.invalid)) return false;
  if (findZoneStatement(text) && (text.match(WORDS) ?? []).length <= 8) return true;
  return /^[^:]{1,40}:$/.test(text.trim());
}

function gather(elements: Element[], dayFirst: boolean): Candidate[] {
  const timeHeadings = elements.filter(
    (e) => e.kind === 'heading' && scanTimes(e.text, { dayFirst }).some((x) => x.time || x.invalid),
  );
  const out: Candidate[] = [];
  if (timeHeadings.length > 0) {
    // Headings are the entries ("### 2018-10-08 18:10"); what sits under them is their body.
    let seenHeading = false;
    for (const e of elements) {
      if (e.kind === 'heading') {
        seenHeading = true;
        out.push({ text: e.text, line: e.line, column: e.column, body: [] });
      } else if (!seenHeading) {
        if (e.kind === 'line') out.push(fromLine(e.line)); // date lines and notes
      } else {
        out[out.length - 1].body?.push(...linesOfElements([e]));
      }
    }
    return out.filter((c) => HAS_WORD.test(c.text));
  }
  for (const e of elements) {
    if (e.kind === 'line') {
      const c = fromLine(e.line);
      const prev = out[out.length - 1];
      // A wrapped line of the entry above ("…and\nthen we rolled back").
      if (prev && !prev.children && /^[a-z]/.test(c.text) && prev.line === c.line - 1 && !/[.!?:]$/.test(prev.text)) {
        prev.text += ' ' + c.text;
        continue;
      }
      out.push(c);
    } else if (e.kind === 'block') {
      if (e.node.type === 'list') out.push(...fromList(e.node, 0));
      else if (e.node.type === 'table') out.push(...fromTable(e.node));
    }
  }
  // A line of punctuation alone ("\\\\", "---", "…") is a separator, not an event.
  return out.filter((c) => HAS_WORD.test(c.text) || c.children);
}

function fromLine(line: TextLine): Candidate {
  return { text: line.text, line: line.line, column: line.column };
}

function itemHead(item: ListItem): TextLine | undefined {
  const first = item.children[0];
  if (!first || (first.type !== 'paragraph' && first.type !== 'heading')) return undefined;
  const lines = phrasingLines(first);
  if (lines.length === 0) return undefined;
  return { ...lines[0], text: lines.map((l) => l.text).join(' ') };
}

function fromList(list: List, depth: number): Candidate[] {
  const out: Candidate[] = [];
  for (const item of list.children) {
    const head = itemHead(item);
    if (!head) continue;
    const c = fromLine(head);
    if (depth < 4) {
      const nested = item.children.filter((x): x is List => x.type === 'list');
      // Only a date or label line groups its children; otherwise nested items are details of this entry.
      const exprs = scanTimes(head.text);
      if (nested.length > 0 && (dateMarker(head.text, exprs) || /:$/.test(head.text))) {
        c.children = nested.flatMap((n) => fromList(n, depth + 1));
      }
    }
    out.push(c);
  }
  return out;
}

function fromTable(table: Table): Candidate[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const names = rowCells(header).map((c) => c.text.trim());
  let timeIndex = names.findIndex((n) => TIME_HEADER.test(n));
  if (timeIndex === -1) timeIndex = 0;
  const headerZone = findZoneStatement(names[timeIndex] ?? '') ?? undefined;
  return rows.map((row) => {
    const cells = rowCells(row);
    const timeCell = cells[timeIndex];
    const description = cells.filter((_, i) => i !== timeIndex).map((c) => c.text).filter(Boolean).join(' | ');
    let timeText = timeCell?.text ?? '';
    if (headerZone && timeText && !/[A-Za-z]{2,}/.test(timeText)) timeText += ' ' + headerZone.zoneText;
    return {
      text: description || timeText,
      line: row.position?.start.line ?? 1,
      column: row.position?.start.column ?? 1,
      timeText,
      timeColumn: timeCell?.column ?? 1,
    };
  });
}
