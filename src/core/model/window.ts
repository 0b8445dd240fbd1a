/**
 * The incident window: start, end, stated duration, date and zone. Read from
 * the front matter first, then from the summary's labelled fields
 * ("Start Time: …", "Duration: …"), then from its prose ("from 10:00 to
 * 14:00 UTC", "lasted 45 minutes").
 */
import { DateTime } from 'luxon';
import type { FrontMatter, IncidentWindow, WindowPoint } from '../types.js';
import type { TimeExpression } from '../time/types.js';
import { findDuration, findZoneStatement, formatInstant, parseDurationValue, resolveZone, scanTimes } from '../time/index.js';
import type { TextLine } from './text.js';
import { isoDate, resolve, type Context } from './when.js';

export interface WindowInput {
  frontMatter: FrontMatter | null;
  /** Lines of the summary, impact and "date" sections and of the text before the first section. */
  summaryLines: TextLine[];
  /** Every line of the document, for "All times in PST" statements. */
  allLines: TextLine[];
  /** Lines that may carry the incident's date (title, intro), in order of preference. */
  dateLines: TextLine[];
  path: string;
  /** The zone most timeline entries are written in, if they name one. */
  timelineZone?: { zone: string; zoneText: string; line: number };
  defaultZone?: string;
  dayFirst?: boolean;
}

export interface WindowResult {
  incident: IncidentWindow;
  dayFirst: boolean;
  /** Zones written next to timestamps anywhere in the summary, for the timezone rule. */
  zoneWritten: boolean;
  /**
   * Gives a start and end that were read without a date ("9:55 AM GMT+1 to
   * 11:20 AM GMT+1") the date learnt later (from the timeline), so that they
   * resolve to instants; an end before the start moves to the next day.
   */
  redate(date: string): void;
}

interface RawPoint {
  time: NonNullable<TimeExpression['time']>;
  zone?: string;
  line: number;
  column: number;
}

type Role = 'start' | 'end' | 'range' | 'duration' | 'date' | null;

const LABEL = /^([^:]{1,48}):\s{0,8}([\s\S]*)$/;
const START_LABEL = /\b(?:start|started|starting|began|begin|beginning|onset|from|detected|commenced)\b/i;
const END_LABEL = /\b(?:end|ended|ending|resolved|resolution time|recovered|restored|until|closed|mitigated)\b/i;
const RANGE_LABEL = /\b(?:duration|outage|period|window|timeframe|time frame|when|time|date|dates|occurred|incident)\b/i;
const START_WORD = /\b(?:start\w{0,3}|began|begin\w{0,3}|commenc\w{0,3}|from|between|since|onset|first)\b/gi;
const END_WORD = /\b(?:end\w{0,2}|until|till|resolved|restored|recovered|fixed|mitigated|back|and|to|through)\b/gi;
/**
 * Words that say a prose duration is how long the incident lasted ("lasted 45
 * minutes", "down for 66 minutes", "took us 9 hours", "limited to under 3
 * hours"). A bounding word alone ("at least two weeks before expiry") is not enough.
 */
const DURATION_CONTEXT = /\b(?:lasted|lasting|lasts|last|for|duration|took|takes|spanning|spanned|down|outage|downtime|unavailable|unusable|offline|inaccessible|limited|total)\b/i;
const FM_START = ['start', 'started', 'started_at', 'start_time', 'startTime', 'began', 'begin'];
const FM_END = ['end', 'ended', 'ended_at', 'end_time', 'endTime', 'resolved_at', 'resolvedAt'];
const FM_DURATION = ['duration', 'duration_minutes', 'durationMinutes'];
const FM_ZONE = ['timezone', 'time_zone', 'timeZone', 'tz'];
const FM_DATE = ['date', 'incident_date', 'incidentDate', 'day'];
/** "Last updated: 2022-05-25", "Published 1 August": when the page was written, not when the incident happened. */
const STAMP_LABEL = /^[\s*_]{0,4}(?:last[ \t]{1,3})?(?:updated|modified|edited|revised|published|posted|written|reviewed)\b/i;
const PATH_DATE = /(?:^|[^0-9])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![0-9])/;

function lastMatch(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index;
  return last;
}

function field(data: Record<string, unknown> | undefined, names: string[]): { key: string; value: unknown } | undefined {
  if (!data) return undefined;
  for (const name of names) if (data[name] !== undefined && data[name] !== null && data[name] !== '') return { key: name, value: data[name] };
  return undefined;
}

/** US and Canadian zones write month first; nearly everyone else writes day first. */
function dayFirstFor(zone: string | undefined): boolean {
  if (!zone) return false;
  if (/^America\/|^US\/|^Canada\//.test(zone)) return false;
  const offset = /^UTC([+-]\d{1,2})/.exec(zone);
  if (offset) return Number(offset[1]) >= -2;
  return zone !== 'UTC';
}

export function readWindow(input: WindowInput): WindowResult {
  const incident: IncidentWindow = {};
  const fmData = input.frontMatter?.data;
  const fmLine = (key: string) => input.frontMatter?.keyLines[key] ?? input.frontMatter?.line ?? 1;
  let zoneWritten = false;

  // 1. The zone: front matter, a statement ("All times in PST"), the summary's timestamps, the config.
  const fmZone = field(fmData, FM_ZONE);
  if (fmZone) {
    const z = resolveZone(String(fmZone.value));
    if (z) incident.timezone = { zone: z.zone, text: String(fmZone.value), source: 'front-matter', line: fmLine(fmZone.key) };
  }
  if (!incident.timezone) {
    for (const line of input.allLines) {
      if (!/time|zone|\ball\b/i.test(line.text)) continue;
      const st = findZoneStatement(line.text);
      if (st) {
        incident.timezone = { zone: st.zone, text: st.zoneText, source: 'statement', line: line.line };
        break;
      }
    }
  }

  // A first look at the summary's expressions, to pick the zone and the day-first reading.
  const scanned = input.summaryLines.map((line) => ({ line, exprs: scanTimes(line.text, { dayFirst: input.dayFirst ?? false }) }));
  if (!incident.timezone) {
    for (const { line, exprs } of scanned) {
      const e = exprs.find((x) => x.zone || x.end?.zone);
      if (e) {
        incident.timezone = { zone: (e.zone ?? e.end!.zone)!, text: (e.zoneText ?? e.end!.zoneText)!, source: 'window', line: line.line };
        break;
      }
    }
  }
  if (!incident.timezone && input.timelineZone) {
    const t = input.timelineZone;
    incident.timezone = { zone: t.zone, text: t.zoneText, source: 'timeline', line: t.line };
  }
  zoneWritten = incident.timezone !== undefined;
  const dayFirst = input.dayFirst ?? dayFirstFor(incident.timezone?.zone ?? input.defaultZone);
  const rescan = input.dayFirst === undefined && dayFirst;
  const lines = rescan ? input.summaryLines.map((line) => ({ line, exprs: scanTimes(line.text, { dayFirst }) })) : scanned;

  const ctx: Context = { zone: incident.timezone?.zone ?? input.defaultZone };

  // 2. The date: front matter, then the first date written in the summary, intro or title, then the file name.
  const fmDate = field(fmData, FM_DATE) ?? field(fmData, FM_START);
  if (fmDate) {
    const d = dateFromValue(fmDate.value, dayFirst);
    if (d) ctx.date = d;
  }
  if (!ctx.date) ctx.date = firstDate(lines.filter((l) => !STAMP_LABEL.test(l.line.text)).flatMap((l) => l.exprs));
  if (!ctx.date) {
    for (const line of input.dateLines) {
      const d = firstDate(scanTimes(line.text, { dayFirst }));
      if (d) {
        ctx.date = d;
        break;
      }
    }
  }
  if (!ctx.date) {
    const m = PATH_DATE.exec(input.path);
    if (m) ctx.date = isoDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  }
  if (!incident.timezone && input.defaultZone) {
    incident.timezone = { zone: input.defaultZone, text: input.defaultZone, source: 'config' };
    ctx.zone = input.defaultZone;
  }

  // 3. Front matter start, end, duration.
  const fmStart = field(fmData, FM_START);
  const fmEnd = field(fmData, FM_END);
  const fmDuration = field(fmData, FM_DURATION);
  if (fmStart) incident.start = pointFromValue(fmStart.value, ctx, dayFirst, fmLine(fmStart.key));
  if (fmEnd) incident.end = pointFromValue(fmEnd.value, { ...ctx, date: incident.start?.date ?? ctx.date }, dayFirst, fmLine(fmEnd.key));
  if (fmDuration) {
    const minutes = typeof fmDuration.value === 'number' ? fmDuration.value : parseDurationValue(String(fmDuration.value));
    if (minutes !== undefined) incident.duration = { minutes, text: String(fmDuration.value), line: fmLine(fmDuration.key), column: 1 };
  }

  // 4. Labelled fields, then prose.
  const raw: { start?: RawPoint; end?: RawPoint } = {};
  const setStart = (e: TimeExpression, line: TextLine, offset: number) => {
    if (incident.start || !e.time) return;
    incident.start = point(resolve(e.date, e.time, e.zone ?? e.end?.zone, ctx), line, offset + e.index);
    if (!e.date) raw.start = { time: e.time, zone: e.zone ?? e.end?.zone, line: incident.start.line, column: incident.start.column };
    if (incident.start.date) ctx.date ??= incident.start.date;
  };
  const setEnd = (date: TimeExpression['date'], time: TimeExpression['time'], zone: string | undefined, line: TextLine, column: number) => {
    if (incident.end || !time) return;
    const base = { ...ctx, date: incident.start?.date ?? ctx.date };
    let resolved = resolve(date, time, zone, base);
    // "from 22:00 to 01:30": an end before the start without its own date is on the next day.
    if (!date && incident.start && resolved.order < incident.start.order! && resolved.date) {
      resolved = resolve(undefined, time, zone, { ...base, date: nextDay(resolved.date) });
    }
    incident.end = point(resolved, line, column);
    if (!date) raw.end = { time, zone, line: incident.end.line, column: incident.end.column };
  };
  const setRange = (e: TimeExpression, line: TextLine, offset: number) => {
    setStart(e, line, offset);
    if (e.end?.time) setEnd(e.end.date ?? (e.end.time ? e.date : undefined), e.end.time, e.end.zone ?? e.zone, line, offset + e.index + e.length);
  };
  const setDuration = (text: string, line: TextLine, offset: number, requireContext: boolean) => {
    if (incident.duration) return;
    let rest = text;
    let base = 0;
    for (let guard = 0; guard < 8; guard++) {
      const d = findDuration(rest);
      if (!d) return;
      const before = rest.slice(Math.max(0, d.index - 32), d.index);
      if (!requireContext || DURATION_CONTEXT.test(before)) {
        incident.duration = { minutes: d.minutes, text: d.text, bound: d.bound, line: line.line, column: line.column + offset + base + d.index };
        return;
      }
      base += d.index + d.length;
      rest = rest.slice(d.index + d.length);
    }
  };

  const prose: Array<{ line: TextLine; exprs: TimeExpression[] }> = [];
  for (const entry of lines) {
    const { line } = entry;
    const labelled = labelOf(line);
    if (!labelled) {
      prose.push(entry);
      continue;
    }
    const exprs = entry.exprs.filter((e) => e.index >= labelled.offset);
    const timed = exprs.filter((e) => e.time);
    switch (labelled.role) {
      case 'start':
        if (timed[0]) timed[0].end ? setRange(timed[0], line, 0) : setStart(timed[0], line, 0);
        break;
      case 'end':
        if (timed[0]) setEnd(timed[0].date, timed[0].time, timed[0].zone, line, line.column + timed[0].index);
        break;
      case 'range':
      case 'duration':
      case 'date': {
        const range = timed.find((e) => e.end?.time);
        if (range) setRange(range, line, 0);
        else if (timed.length >= 2) {
          setStart(timed[0], line, 0);
          setEnd(timed[1].date, timed[1].time, timed[1].zone, line, line.column + timed[1].index);
        }
        setDuration(line.text.slice(labelled.offset), line, labelled.offset, false);
        break;
      }
      default:
        prose.push(entry);
    }
  }
  // "On May 10th, 2024 at 2:00 AM, the server went down": a dated time with no start or end word says when it began.
  let dated: { e: TimeExpression; line: TextLine } | undefined;
  for (const { line, exprs } of prose) {
    const timed = exprs.filter((e) => e.time);
    let pendingStart: TimeExpression | undefined;
    for (const e of timed) {
      if (e.end?.time) {
        setRange(e, line, 0);
        continue;
      }
      const before = line.text.slice(Math.max(0, e.index - 40), e.index);
      const s = lastMatch(START_WORD, before);
      const en = lastMatch(END_WORD, before);
      if (en > s) {
        if (pendingStart) setStart(pendingStart, line, 0);
        setEnd(e.date, e.time, e.zone, line, line.column + e.index);
      } else if (s >= 0) setStart(e, line, 0);
      else {
        pendingStart ??= e;
        if (e.date && !dated) dated = { e, line };
      }
    }
    setDuration(line.text, line, 0, true);
  }
  if (!incident.start && !incident.end && dated) setStart(dated.e, dated.line, 0);
  if (ctx.date) incident.date = incident.start?.date ?? ctx.date;
  const redate = (date: string) => {
    const at = (r: RawPoint, day: string) => {
      const p = point(resolve(undefined, r.time, r.zone, { zone: ctx.zone, date: day }), { text: '', line: r.line, column: r.column }, r.column);
      return p;
    };
    if (raw.start && incident.start && !incident.start.date) incident.start = at(raw.start, date);
    if (raw.end && incident.end && !incident.end.date) {
      const startDate = incident.start?.date ?? date;
      let end = at(raw.end, startDate);
      if (incident.start?.order !== undefined && end.order! < incident.start.order) end = at(raw.end, nextDay(startDate));
      incident.end = end;
    }
    incident.date ??= incident.start?.date ?? date;
  };
  return { incident, dayFirst, zoneWritten, redate };
}

function labelOf(line: TextLine): { role: Role; offset: number } | null {
  const m = LABEL.exec(line.text);
  if (!m) return null;
  const label = m[1].replace(/^[\s•·*\-–]+/, '');
  if (/\d{1,2}$/.test(label.trim())) return null; // "10:00" is a time, not a label
  const role: Role = START_LABEL.test(label) && !END_LABEL.test(label)
    ? 'start'
    : END_LABEL.test(label) && !START_LABEL.test(label)
      ? 'end'
      : RANGE_LABEL.test(label)
        ? /duration/i.test(label) ? 'duration' : /date/i.test(label) ? 'date' : 'range'
        : null;
  return { role, offset: m[1].length + 1 };
}

function point(r: ReturnType<typeof resolve>, line: TextLine, column: number): WindowPoint {
  return { time: r.time, epoch: r.epoch, date: r.date, order: r.order, line: line.line, column: Math.max(column, line.column) };
}

function nextDay(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
}

function firstDate(exprs: TimeExpression[]): string | undefined {
  for (const e of exprs) {
    if (e.date && e.date.year !== undefined) {
      const d = isoDate(e.date);
      if (d) return d;
    }
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

function pointFromValue(value: unknown, ctx: Context, dayFirst: boolean, line: number): WindowPoint | undefined {
  const text = value instanceof Date ? value.toISOString() : String(value);
  const iso = DateTime.fromISO(text, { setZone: true, zone: ctx.zone ?? 'UTC' });
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text);
  if (iso.isValid && /T|\s\d/.test(text)) {
    const local = hasOffset || ctx.zone ? iso : undefined;
    if (local) return { time: formatInstant(local), epoch: local.toMillis(), date: iso.toISODate()!, order: local.toMillis(), line, column: 1 };
  }
  const e = scanTimes(text, { dayFirst }).find((x) => x.time);
  if (!e || !e.time) return undefined;
  const r = resolve(e.date, e.time, e.zone, ctx);
  return { time: r.time, epoch: r.epoch, date: r.date, order: r.order, line, column: 1 };
}
