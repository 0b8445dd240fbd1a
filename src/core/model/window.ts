/**
 * The incident window: start, end, stated duration, date and zone, read only
 * from what the document states about the incident, in named phases:
 *
 * 1. `readZone`: front matter, a statement ("All times in PST"), the
 *    summary's timestamps, the timeline's, the config.
 * 2. `readDay`: front matter, the summary, the title, the file name.
 * 3. `readFrontMatterWindow`: `start`/`end`/`duration` keys (and a `date`
 *    paired with an end key, as status pages write them).
 * 4. `readFields`: labelled lines ("Start Time: …", "Duration: …").
 * 5. `readProse`: ranges ("from 10:00 to 14:00 UTC", "between 12:17 and
 *    12:30"), and single times only where the sentence speaks of the
 *    incident ("the outage began at 10:00"), never a narrative time
 *    ("traffic started building around 6pm").
 *
 * Each point keeps its source, so a check can tell a stated window from one
 * the timeline's own markers gave (see model/index.ts).
 */
import { DateTime } from 'luxon';
import type { FrontMatter, IncidentWindow, WindowPoint } from '../types.js';
import type { TimeExpression } from '../time/types.js';
import { addDays, findDuration, findZoneStatement, formatInstant, parseDurationValue, resolveDay, resolvePoint, resolveZone, scanTimes, zoneNamedIn } from '../time/index.js';
import type { ResolveContext, ResolvedPoint } from '../time/index.js';
import type { TextLine } from './text.js';

export interface WindowInput {
  frontMatter: FrontMatter | null;
  /** Lines of the summary, impact and "date" sections and of the text before the first section. */
  summaryLines: TextLine[];
  /** Every line of the document, for "All times in PST" statements. */
  allLines: TextLine[];
  /** Lines that may carry the incident's date (title, intro), in order of preference. */
  dateLines: TextLine[];
  /** Plain lines of other sections (the timeline's notes) that may state the window in a field ("Total impact duration: 5 h (10:45 - 16:11 UTC)"). */
  fieldLines?: TextLine[];
  path: string;
  /** The zone most timeline entries are written in, if they name one. */
  timelineZone?: { zone: string; zoneText: string; line: number };
  defaultZone?: string;
  dayFirst?: boolean;
}

export interface WindowResult {
  incident: IncidentWindow;
  dayFirst: boolean;
  /** Whether the document names a zone anywhere (not only the config's default); the timeline may still find one. */
  zoneWritten: boolean;
  /**
   * Gives a start and end that were read without a date ("9:55 AM GMT+1 to
   * 11:20 AM GMT+1") the date learnt later (from the timeline), so that they
   * resolve to instants; an end before the start moves to the next day.
   */
  redate(date: string): void;
}

type Source = NonNullable<WindowPoint['source']>;

interface UndatedPoint {
  time: NonNullable<TimeExpression['time']>;
  zone?: string;
  line: number;
  column: number;
}

/** What the phases fill in, one after the other. */
interface Draft {
  incident: IncidentWindow;
  ctx: ResolveContext;
  dayFirst: boolean;
  /** Start and end read without a date, kept to re-date them. */
  undated: { start?: UndatedPoint; end?: UndatedPoint };
}

interface ScannedLine {
  line: TextLine;
  exprs: TimeExpression[];
}

type Role = 'start' | 'end' | 'range' | 'duration' | 'date' | null;

const LABEL = /^([^:]{1,48}):\s{0,8}([\s\S]*)$/;
const START_LABEL = /\b(?:start|started|starting|began|begin|beginning|onset|from|detected|commenced)\b/i;
const END_LABEL = /\b(?:end|ended|ending|resolved|resolution time|recovered|restored|until|closed|mitigated)\b/i;
const RANGE_LABEL = /\b(?:duration|outage|period|window|timeframe|time frame|when|time|date|dates|occurred|incident)\b/i;
const START_WORD = /\b(?:start\w{0,3}|began|begin\w{0,3}|commenc\w{0,3}|from|between|since|onset|first)\b/gi;
const END_WORD = /\b(?:end\w{0,2}|until|till|resolved|restored|recovered|fixed|mitigated|back|and|to|through)\b/gi;
/**
 * Words that make a sentence a statement about the incident itself (its
 * impact, the service, the people affected), as opposed to a narrative time
 * about something else ("traffic started building around 6pm").
 */
const INCIDENT_WORD =
  /\b(?:outages?|incidents?|issues?|problems?|downtime|disruptions?|degradation|degraded|impact\w{0,3}|errors?|failures?|failing|failed|fail|down|unavailable|inaccessible|unreachable|unresponsive|broken|affected|services?|site|website|api|app|servers?|systems?|users?|customers?|5\d\d|restored|resolved|recovered|mitigated|delay(?:s|ed)?)\b/i;
/**
 * Words that say a prose duration is how long the incident lasted ("lasted 45
 * minutes", "down for 66 minutes", "took us 9 hours", "limited to under 3
 * hours"). A bounding word alone ("at least two weeks before expiry") is not enough.
 */
const DURATION_CONTEXT =
  /\b(?:lasted|lasting|lasts|last|for|duration|length|bounded|took|takes|spanning|spanned|down|outage|downtime|unavailable|unusable|offline|inaccessible|limited|total)\b/i;
/** A field elsewhere that states the window: "Total impact duration:", "Outage window:", "Downtime:". */
const WINDOW_FIELD = /\b(?:duration|window|downtime)\b/i;
/** How far a sentence is read around a time (a paragraph without full stops is not one sentence). */
const SENTENCE_REACH = 100;
const DURATION_RANGE = /^[ \t]{0,2}(?:-|–|to|or)[ \t]{0,2}\d/;
const PER_OCCURRENCE = /\b(?:each|every|per|additional|extra|another|further)\b/i;
const FM_START = ['start', 'started', 'started_at', 'start_time', 'startTime', 'began', 'begin'];
const FM_END = ['end', 'ended', 'ended_at', 'end_time', 'endTime', 'resolved_at', 'resolvedAt', 'resolvedWhen', 'resolved_when'];
const FM_DURATION = ['duration', 'duration_minutes', 'durationMinutes'];
const FM_ZONE = ['timezone', 'time_zone', 'timeZone', 'tz'];
const FM_DATE = ['date', 'incident_date', 'incidentDate', 'day'];
/** "Last updated: 2022-05-25", "Published 1 August": when the page was written, not when the incident happened. */
const STAMP_LABEL = /^[\s*_]{0,4}(?:last[ \t]{1,3})?(?:updated|modified|edited|revised|published|posted|written|reviewed)\b/i;
const PATH_DATE = /(?:^|[^0-9])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![0-9])/;

export function readWindow(input: WindowInput): WindowResult {
  const timezone = readZone(input);
  const dayFirst = input.dayFirst ?? dayFirstFor(timezone?.zone ?? input.defaultZone);
  const lines = input.summaryLines.map((line) => ({ line, exprs: scanTimes(line.text, { dayFirst }) }));
  const draft: Draft = {
    incident: {},
    ctx: { zone: timezone?.zone ?? input.defaultZone, date: readDay(input, lines, dayFirst) },
    dayFirst,
    undated: {},
  };
  if (timezone) draft.incident.timezone = timezone;
  else if (input.defaultZone) draft.incident.timezone = { zone: input.defaultZone, text: input.defaultZone, source: 'config' };

  readFrontMatterWindow(draft, input.frontMatter);
  const prose = readFields(draft, lines);
  readProse(draft, prose);
  const notes = (input.fieldLines ?? []).filter((line) => WINDOW_FIELD.test(LABEL.exec(line.text)?.[1] ?? ''));
  readFields(draft, notes.map((line) => ({ line, exprs: scanTimes(line.text, { dayFirst }) })));
  if (draft.ctx.date) draft.incident.date = draft.incident.start?.date ?? draft.ctx.date;
  return { incident: draft.incident, dayFirst, zoneWritten: timezone !== undefined, redate: (date) => redate(draft, date) };
}

// ---------------------------------------------------------------------------
// Phase 1: the zone

function readZone(input: WindowInput): IncidentWindow['timezone'] {
  const fm = input.frontMatter;
  const fmZone = field(fm?.data, FM_ZONE);
  if (fmZone) {
    const z = resolveZone(String(fmZone.value));
    if (z) return { zone: z.zone, text: String(fmZone.value), source: 'front-matter', line: fm!.keyLines[fmZone.key] ?? fm!.line };
  }
  // Front-matter timestamps with an offset ("2022-10-14T18:25:00.000Z") name their zone.
  for (const key of [...FM_START, ...FM_END, ...FM_DATE]) {
    const value = fm?.data?.[key];
    const text = value instanceof Date ? '' : typeof value === 'string' ? value : '';
    const offset = /T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
    const zone = offset && resolveZone(offset[1] === 'Z' ? 'UTC' : offset[1]);
    if (zone) return { zone: zone.zone, text: offset[1], source: 'front-matter', line: fm!.keyLines[key] ?? fm!.line };
  }
  for (const line of input.allLines) {
    if (!/time|zone|\ball\b/i.test(line.text)) continue;
    const st = findZoneStatement(line.text);
    if (st) return { zone: st.zone, text: st.zoneText, source: 'statement', line: line.line };
  }
  for (const line of input.summaryLines) {
    const e = scanTimes(line.text).find((x) => x.zone || x.end?.zone);
    if (e) return { zone: (e.zone ?? e.end!.zone)!, text: (e.zoneText ?? e.end!.zoneText)!, source: 'window', line: line.line };
    const label = labelOf(line);
    if (label?.zone && label.role) return { zone: label.zone, text: label.zone, source: 'window', line: line.line };
  }
  const t = input.timelineZone;
  return t && { zone: t.zone, text: t.zoneText, source: 'timeline', line: t.line };
}

/** US and Canadian zones write month first; nearly everyone else writes day first. */
function dayFirstFor(zone: string | undefined): boolean {
  if (!zone) return false;
  if (/^America\/|^US\/|^Canada\//.test(zone)) return false;
  const offset = /^UTC([+-]\d{1,2})/.exec(zone);
  if (offset) return Number(offset[1]) >= -2;
  return zone !== 'UTC';
}

// ---------------------------------------------------------------------------
// Phase 2: the day

function readDay(input: WindowInput, lines: ScannedLine[], dayFirst: boolean): string | undefined {
  const fmDate = field(input.frontMatter?.data, FM_DATE) ?? field(input.frontMatter?.data, FM_START);
  const fromFrontMatter = fmDate && dateFromValue(fmDate.value, dayFirst);
  if (fromFrontMatter) return fromFrontMatter;
  const fromSummary = firstDate(lines.filter((l) => !STAMP_LABEL.test(l.line.text)).flatMap((l) => l.exprs));
  if (fromSummary) return fromSummary;
  for (const line of input.dateLines) {
    const d = firstDate(scanTimes(line.text, { dayFirst }));
    if (d) return d;
  }
  const m = PATH_DATE.exec(input.path);
  return m ? resolveDay({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : undefined;
}

function firstDate(exprs: TimeExpression[]): string | undefined {
  for (const e of exprs) {
    const d = e.date && e.date.year !== undefined ? resolveDay(e.date) : undefined;
    if (d) return d;
  }
  return undefined;
}

function dateFromValue(value: unknown, dayFirst: boolean): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const text = String(value);
  const iso = DateTime.fromISO(text, { setZone: true });
  if (iso.isValid) return iso.toISODate()!;
  return firstDate(scanTimes(text, { dayFirst }));
}

// ---------------------------------------------------------------------------
// Phase 3: front matter

function readFrontMatterWindow(draft: Draft, fm: FrontMatter | null): void {
  const data = fm?.data;
  if (!fm || !data) return;
  const lineOf = (key: string) => fm.keyLines[key] ?? fm.line;
  const end = field(data, FM_END);
  // A status page's `date` is when the incident began when an end key pairs with it.
  const start = field(data, FM_START) ?? (end ? field(data, FM_DATE) : undefined);
  if (start) setPoint(draft, 'start', pointFromValue(start.value, draft.ctx, draft.dayFirst, lineOf(start.key)));
  if (end) {
    const ctx = { ...draft.ctx, date: draft.incident.start?.date ?? draft.ctx.date };
    setPoint(draft, 'end', pointFromValue(end.value, ctx, draft.dayFirst, lineOf(end.key)));
  }
  const duration = field(data, FM_DURATION);
  if (duration) {
    const minutes = typeof duration.value === 'number' ? duration.value : parseDurationValue(String(duration.value));
    if (minutes !== undefined) draft.incident.duration = { minutes, text: String(duration.value), line: lineOf(duration.key), column: 1 };
  }
}

function pointFromValue(value: unknown, ctx: ResolveContext, dayFirst: boolean, line: number): WindowPoint | undefined {
  const text = value instanceof Date ? value.toISOString() : String(value);
  const iso = DateTime.fromISO(text, { setZone: true, zone: ctx.zone ?? 'UTC' });
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text);
  if (iso.isValid && /T|\s\d/.test(text) && (hasOffset || ctx.zone)) {
    return { time: formatInstant(iso), epoch: iso.toMillis(), date: iso.toISODate()!, order: iso.toMillis(), line, column: 1, source: 'front-matter' };
  }
  const e = scanTimes(text, { dayFirst }).find((x) => x.time);
  if (!e || !e.time) return undefined;
  return toPoint(resolvePoint(e.date, e.time, e.zone, ctx), line, 1, 'front-matter');
}

// ---------------------------------------------------------------------------
// Phase 4: labelled fields ("Start Time: …", "Duration: …"); returns the other lines

function readFields(draft: Draft, lines: ScannedLine[]): ScannedLine[] {
  const prose: ScannedLine[] = [];
  for (const scanned of lines) {
    const { line } = scanned;
    const label = labelOf(line);
    if (!label?.role) {
      prose.push(scanned);
      continue;
    }
    // "Start Time (UTC): 10:00": the label names the zone of the value.
    const zone = label.zone;
    const timed = scanned.exprs
      .filter((e) => e.index >= label.offset && e.time)
      .map((e) => (zone && !e.zone && !e.end?.zone ? { ...e, zone, end: e.end && { ...e.end, zone } } : e));
    switch (label.role) {
      case 'start':
      case 'end': {
        // "Start Time: 10:00 AM EAT, End Time: 12:00 PM EAT": a second field on the same line.
        let role = label.role;
        timed.forEach((e, k) => {
          if (k > 0) {
            const between = line.text.slice(timed[k - 1].index + timed[k - 1].length, e.index);
            role = END_LABEL.test(between) ? 'end' : START_LABEL.test(between) ? 'start' : role;
            if (!/:/.test(between)) return;
          }
          if (role === 'end') setEnd(draft, e.date, e.time!, e.zone, line, line.column + e.index, 'field');
          else if (e.end) setRange(draft, e, line, 'field');
          else setStart(draft, e, line, 'field');
        });
        break;
      }
      default: {
        const range = timed.find((e) => e.end?.time);
        if (range) setRange(draft, range, line, 'field');
        else if (timed.length >= 2) {
          setStart(draft, timed[0], line, 'field');
          setEnd(draft, timed[1].date, timed[1].time!, timed[1].zone, line, line.column + timed[1].index, 'field');
        }
        setDuration(draft, line.text.slice(label.offset), line, label.offset, false);
      }
    }
  }
  return prose;
}

function labelOf(line: TextLine): { role: Role; offset: number; zone?: string } | null {
  const m = LABEL.exec(line.text);
  if (!m) return null;
  const label = m[1].replace(/^[\s•·*\-–]+/, '');
  if (/\d{1,2}$/.test(label.trim())) return null; // "10:00" is a time, not a label
  const zone = zoneNamedIn(label);
  const start = START_LABEL.test(label);
  const end = END_LABEL.test(label);
  let role: Role = null;
  if (start && !end) role = 'start';
  else if (end && !start) role = 'end';
  else if (RANGE_LABEL.test(label)) role = /duration/i.test(label) ? 'duration' : /date/i.test(label) ? 'date' : 'range';
  return zone ? { role, offset: m[1].length + 1, zone } : { role, offset: m[1].length + 1 };
}

// ---------------------------------------------------------------------------
// Phase 5: prose

function readProse(draft: Draft, prose: ScannedLine[]): void {
  // "On May 10th, 2024 at 2:00 AM, the server went down": a dated time in a sentence about the incident, with no start or end word.
  let dated: { e: TimeExpression; line: TextLine } | undefined;
  for (const block of joinWrapped(prose)) {
    const exprs = scanTimes(block.text, { dayFirst: draft.dayFirst });
    let pendingStart: { e: TimeExpression; line: TextLine } | undefined;
    for (const whole of exprs) {
      if (!whole.time) continue;
      const { e, line } = locate(block, whole);
      if (e.end?.time) {
        setRange(draft, e, line, 'prose');
        continue;
      }
      const before = block.text.slice(Math.max(0, whole.index - 40), whole.index);
      const startAt = lastMatch(START_WORD, before);
      const endAt = lastMatch(END_WORD, before);
      if (endAt > startAt) {
        if (!aboutIncident(block.text, whole)) continue;
        if (pendingStart) setStart(draft, pendingStart.e, pendingStart.line, 'prose');
        setEnd(draft, e.date, e.time!, e.zone, line, line.column + e.index, 'prose');
      } else if (startAt >= 0) {
        if (aboutIncident(block.text, whole)) setStart(draft, e, line, 'prose');
      } else if (aboutIncident(block.text, whole, true)) {
        pendingStart ??= { e, line };
        if (e.date && !dated) dated = { e, line };
      }
    }
    for (const piece of block.pieces) setDuration(draft, piece.line.text, piece.line, 0, true);
  }
  if (!draft.incident.start && !draft.incident.end && dated) setStart(draft, dated.e, dated.line, 'prose');
}

interface Wrapped {
  text: string;
  pieces: Array<{ offset: number; line: TextLine }>;
}

/** Consecutive prose lines that wrap one sentence ("…because no available disk\nspace was left…"), read as one text. */
function joinWrapped(prose: ScannedLine[]): Wrapped[] {
  const blocks: Wrapped[] = [];
  let last: TextLine | undefined;
  for (const { line } of prose) {
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
function locate(block: Wrapped, e: TimeExpression): { e: TimeExpression; line: TextLine } {
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

/**
 * Whether the sentence around a time speaks of the incident: the words before
 * it in its sentence; with `wholeSentence`, or when the time closes an
 * opening phrase ("On Monday, Oct 15, starting at 20:00 UTC, crates.io
 * sustained an incident"), the words after it too.
 */
function aboutIncident(text: string, e: TimeExpression, wholeSentence = false): boolean {
  if (INCIDENT_WORD.test(text.slice(sentenceStart(text, e.index, SENTENCE_REACH), e.index))) return true;
  const after = e.index + e.length;
  if (!wholeSentence && !/^[ \t]{0,2},/.test(text.slice(after, after + 3))) return false;
  return INCIDENT_WORD.test(text.slice(after, sentenceEnd(text, after, SENTENCE_REACH)));
}

/** Where the sentence around `at` starts, looking back at most `reach` characters. */
function sentenceStart(text: string, at: number, reach: number): number {
  const stop = Math.max(0, at - reach);
  for (let i = at - 1; i > stop; i--) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63 || c === 59) && /\s/.test(text[i + 1] ?? ' ')) return i + 1;
  }
  return stop;
}

/** Where the sentence from `at` ends, looking ahead at most `reach` characters. */
function sentenceEnd(text: string, at: number, reach: number): number {
  const stop = Math.min(text.length, at + reach);
  for (let i = at; i < stop; i++) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63 || c === 59) && /\s/.test(text[i + 1] ?? ' ')) return i;
  }
  return stop;
}

function lastMatch(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index;
  return last;
}

// ---------------------------------------------------------------------------
// Setting points (first statement wins)

function setStart(draft: Draft, e: TimeExpression, line: TextLine, source: Source): void {
  if (draft.incident.start || !e.time) return;
  const start = toPoint(resolvePoint(e.date, e.time, e.zone ?? e.end?.zone, draft.ctx), line.line, line.column + e.index, source);
  draft.incident.start = start;
  if (!e.date) draft.undated.start = { time: e.time, zone: e.zone ?? e.end?.zone, line: start.line, column: start.column };
  if (start.date) draft.ctx.date ??= start.date;
}

function setEnd(
  draft: Draft,
  date: TimeExpression['date'],
  time: NonNullable<TimeExpression['time']>,
  zone: string | undefined,
  line: TextLine,
  column: number,
  source: Source,
): void {
  if (draft.incident.end) return;
  const start = draft.incident.start;
  const ctx = { ...draft.ctx, date: start?.date ?? draft.ctx.date };
  let resolved = resolvePoint(date, time, zone, ctx);
  // "from 22:00 to 01:30": an end before the start without its own date is on the next day.
  if (!date && start && resolved.order < start.order! && resolved.date) resolved = resolvePoint(undefined, time, zone, { ...ctx, date: addDays(resolved.date, 1) });
  const end = toPoint(resolved, line.line, Math.max(column, line.column), source);
  draft.incident.end = end;
  if (!date) draft.undated.end = { time, zone, line: end.line, column: end.column };
}

function setRange(draft: Draft, e: TimeExpression, line: TextLine, source: Source): void {
  setStart(draft, e, line, source);
  const end = e.end;
  if (end?.time) setEnd(draft, end.date ?? e.date, end.time, end.zone ?? e.zone, line, line.column + e.index + e.length, source);
}

function setPoint(draft: Draft, role: 'start' | 'end', point: WindowPoint | undefined): void {
  if (!point || draft.incident[role]) return;
  draft.incident[role] = point;
}

function setDuration(draft: Draft, text: string, line: TextLine, offset: number, requireContext: boolean): void {
  if (draft.incident.duration) return;
  let rest = text;
  let base = 0;
  for (let guard = 0; guard < 8; guard++) {
    const d = findDuration(rest);
    if (!d) return;
    const before = rest.slice(Math.max(0, d.index - 32), d.index);
    const after = rest.slice(d.index + d.length, d.index + d.length + 12);
    // "anywhere from 5 minutes to 30 minutes", "each outage lasting 5 minutes": not the incident's length.
    const other = DURATION_RANGE.test(after) || /(?:\d|\b(?:minutes?|mins?|hours?|hrs?|days?|weeks?))[ \t]{0,2}(?:-|–|to|or)[ \t]{0,2}$/i.test(before) || PER_OCCURRENCE.test(before);
    if (!other && (!requireContext || DURATION_CONTEXT.test(before))) {
      draft.incident.duration = { minutes: d.minutes, text: d.text, bound: d.bound, line: line.line, column: line.column + offset + base + d.index };
      return;
    }
    base += d.index + d.length;
    rest = rest.slice(d.index + d.length);
  }
}

function redate(draft: Draft, date: string): void {
  const { incident, undated } = draft;
  const at = (p: UndatedPoint, day: string, source: Source | undefined) =>
    toPoint(resolvePoint(undefined, p.time, p.zone, { zone: draft.ctx.zone, date: day }), p.line, p.column, source);
  if (undated.start && incident.start && !incident.start.date) incident.start = at(undated.start, date, incident.start.source);
  if (undated.end && incident.end && !incident.end.date) {
    const startDate = incident.start?.date ?? date;
    let end = at(undated.end, startDate, incident.end.source);
    if (incident.start?.order !== undefined && end.order! < incident.start.order) end = at(undated.end, addDays(startDate, 1), incident.end.source);
    incident.end = end;
  }
  incident.date ??= incident.start?.date ?? date;
}

function toPoint(r: ResolvedPoint, line: number, column: number, source: Source | undefined): WindowPoint {
  const p: WindowPoint = { time: r.time, epoch: r.epoch, date: r.date, order: r.order, line, column };
  if (source) p.source = source;
  return p;
}

function field(data: Record<string, unknown> | undefined, names: string[]): { key: string; value: unknown } | undefined {
  if (!data) return undefined;
  for (const name of names) if (data[name] !== undefined && data[name] !== null && data[name] !== '') return { key: name, value: data[name] };
  return undefined;
}
