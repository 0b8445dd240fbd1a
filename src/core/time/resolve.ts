/**
 * Turns recognised dates and clock times into instants with luxon. Pure: no
 * I/O, and never the host's local zone (a missing zone falls back to UTC).
 *
 * Output formats:
 * - `formatInstant`: ISO 8601 in UTC without milliseconds, "2023-11-07T10:00:00Z"
 *   (milliseconds appear only when non-zero).
 * - `formatLocal`: wall-clock time with no offset, "2023-11-07T10:00", or
 *   "10:00" when the date (or its year) is unknown; ":SS" is added when the
 *   seconds are non-zero.
 */
import { DateTime } from 'luxon';
import type { ClockParts, DateParts, TimeExpression } from './types.js';
import { fourDigitIsoDay, isCalendarDay, pad2 } from './calendar.js';

export interface ResolveContext {
  /** The incident's (first) day, "YYYY-MM-DD": supplies a missing date or year. */
  date?: string;
  /** The document's zone (luxon zone name): supplies a missing zone. */
  zone?: string;
}

const ISO_DAY_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})/;

/** Parses "YYYY-MM-DD" (a longer ISO timestamp is cut to its date). */
export function parseIsoDay(text: string | undefined): Required<DateParts> | undefined {
  if (text === undefined) return undefined;
  const m = ISO_DAY_RE.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isCalendarDay(year, month, day) ? { year, month, day } : undefined;
}

/**
 * The one rule for a date written without its year ("Jan 2", "03-26"): the
 * year that puts it nearest to the reference day, so "Jan 2" after a
 * "2023-12-30" context is 2024 and "12-05" in a March 2019 incident is
 * December 2018.
 */
function inferYear(month: number, day: number, ref: Required<DateParts>): number {
  let best = ref.year;
  let bestDist = Infinity;
  const refDays = Date.UTC(ref.year, ref.month - 1, ref.day);
  for (const y of [ref.year, ref.year - 1, ref.year + 1]) {
    const dist = Math.abs(Date.UTC(y, month - 1, day) - refDays);
    if (dist < bestDist) {
      bestDist = dist;
      best = y;
    }
  }
  return best;
}

/**
 * A written date as "YYYY-MM-DD": its own year, else the year nearest to
 * `ref` (a "YYYY-MM-DD" day). Undefined without a year to give it, or for an
 * impossible date. Every reader of dates in the model goes through this.
 */
export function resolveDay(parts: DateParts, ref?: string): string | undefined {
  let year = parts.year;
  if (year === undefined) {
    const r = parseIsoDay(ref);
    if (!r) return undefined;
    year = inferYear(parts.month, parts.day, r);
  }
  if (!isCalendarDay(year, parts.month, parts.day)) return undefined;
  return fourDigitIsoDay(year, parts.month, parts.day) ?? signedIsoDay(year, parts.month, parts.day);
}

/** A day of a year beyond four digits, as luxon writes it ("+010000-01-01"). */
function signedIsoDay(year: number, month: number, day: number): string | undefined {
  const dt = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
  return dt.isValid ? dt.toISODate()! : undefined;
}

const CANONICAL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "YYYY-MM-DD" plus (or minus) whole days: with Date.UTC for a day written
 * so (a timeline's roll past midnight, a due date), else as luxon reads and
 * adds it (other ISO forms, fractions of a day, years before 100, which
 * Date.UTC reads as 1900-1999).
 */
/** Milliseconds in a day (of UTC; a local day across a change of offset is not this long). */
export const DAY_MS = 86_400_000;

/** The weekday of a day (YYYY-MM-DD): 1 = Monday .. 7 = Sunday, as `weekdayNumber` counts; undefined for no such day. */
export function isoWeekday(day: string): number | undefined {
  const d = parseIsoDay(day);
  return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() || 7 : undefined;
}

export function addDays(day: string, days: number): string {
  const m = CANONICAL_DAY.exec(day);
  const year = m ? Number(m[1]) : 0;
  if (m && year >= 100 && Number.isInteger(days) && isCalendarDay(year, Number(m[2]), Number(m[3]))) {
    const at = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]) + days));
    const sum = fourDigitIsoDay(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
    if (sum !== undefined) return sum;
  }
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** "YYYY-MM-DD" plus whole calendar months, as luxon adds them (Jan 31 + 1 month is Feb 28 or 29); null for a day it cannot read. */
export function addMonths(day: string, months: number): string | null {
  const at = DateTime.fromISO(day, { zone: 'UTC' });
  return at.isValid ? at.plus({ months }).toISODate() : null;
}

/**
 * Builds a luxon DateTime from a date and a wall-clock time.
 *
 * - A missing date comes from `ctx.date`; a missing year from `ctx.date`'s year
 *   (the nearest one to it).
 * - The zone is `zone` (the expression's own), else `ctx.zone`, else "UTC".
 * - A missing time means 00:00.
 * Returns undefined when neither the date nor `ctx` gives a full date, or when
 * the result is invalid (bad zone, impossible date).
 */
export function toDateTime(
  date: DateParts | undefined,
  time: ClockParts | undefined,
  ctx: ResolveContext = {},
  zone?: string,
): DateTime | undefined {
  const day = date ? resolveDay(date, ctx.date) : ctx.date;
  const parts = parseIsoDay(day);
  return parts ? wallClockIn(parts, time, zone ?? ctx.zone ?? 'UTC') : undefined;
}

/**
 * The epoch of a wall-clock time in UTC, from the numbers: most timelines are
 * written in UTC, and a luxon DateTime for each of their timestamps was the
 * time layer's largest cost. Undefined where luxon must answer: a time it
 * rejects (or rolls over, as "24:00"), and years before 100, which Date.UTC
 * reads as 1900-1999.
 */
function utcEpoch(day: Required<DateParts>, time: ClockParts): number | undefined {
  const second = time.second ?? 0;
  if (day.year < 100 || !isClock(time.hour, 23) || !isClock(time.minute, 59) || !isClock(second, 59)) return undefined;
  return Date.UTC(day.year, day.month - 1, day.day, time.hour, time.minute, second);
}

/** A UTC wall-clock time as `formatInstant` writes the same instant ("2023-11-07T10:00:00Z"): in UTC they are one. */
function utcInstantText(day: Required<DateParts>, time: ClockParts): string {
  return `${formatLocal(day, { hour: time.hour, minute: time.minute })}:${pad2(time.second ?? 0)}Z`;
}

function isClock(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max;
}

/** A wall-clock time on a known day in a zone; undefined for a bad zone or a time that does not exist. */
function wallClockIn(day: Required<DateParts>, time: ClockParts | undefined, zone: string): DateTime | undefined {
  const dt = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: time?.hour ?? 0, minute: time?.minute ?? 0, second: time?.second ?? 0 },
    { zone },
  );
  return dt.isValid ? dt : undefined;
}

/**
 * Resolves a scanned expression (start and optional end) against a context:
 * applies `dayOffset` ("Day 2") to `ctx.date`, the expression's zone (else
 * `ctx.zone`), and lets the end inherit the start's date and zone. An end
 * without its own date that would fall before the start moves to the next day.
 */
export function resolveExpression(
  expr: TimeExpression,
  ctx: ResolveContext = {},
): { start?: DateTime; end?: DateTime } {
  if (expr.invalid) return {};
  let date = expr.date;
  if (!date && expr.dayOffset !== undefined) {
    const ref = parseIsoDay(ctx.date);
    if (ref) {
      const d = DateTime.fromObject(ref, { zone: 'UTC' }).plus({ days: expr.dayOffset });
      date = { year: d.year, month: d.month, day: d.day };
    }
  }
  const start = toDateTime(date, expr.time, ctx, expr.zone);
  if (!expr.end) return start ? { start } : {};
  let endDate = expr.end.date;
  const endOwnDate = endDate !== undefined;
  if (!endDate) endDate = date;
  if (endDate && endDate.year === undefined && start) endDate = { ...endDate, year: start.year };
  let end = toDateTime(endDate, expr.end.time, ctx, expr.end.zone ?? expr.zone);
  if (end && start && !endOwnDate && end < start) end = end.plus({ days: 1 });
  const out: { start?: DateTime; end?: DateTime } = {};
  if (start) out.start = start;
  if (end) out.end = end;
  return out;
}

/** ISO 8601 in UTC without milliseconds: "2023-11-07T10:00:00Z". */
export function formatInstant(dt: DateTime): string {
  return instantText(dt.toMillis()) ?? dt.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

/**
 * An epoch as `formatInstant` writes it, from the number alone (no second
 * DateTime in UTC); undefined outside four-digit years, which luxon writes
 * with a sign, and for an invalid time.
 */
function instantText(epoch: number): string | undefined {
  const at = new Date(epoch);
  const year = at.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return undefined;
  const iso = at.toISOString();
  return epoch % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

/**
 * Wall-clock rendering without an offset: "2023-11-07T10:00" when the date
 * (with its year) is known, otherwise "10:00". Seconds are added when non-zero.
 */
export function formatLocal(date: DateParts | undefined, time: ClockParts): string {
  const clock = `${pad2(time.hour)}:${pad2(time.minute)}${time.second ? `:${pad2(time.second)}` : ''}`;
  if (!date || date.year === undefined) return clock;
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}T${clock}`;
}

/** A point in time as the model keeps it. */
export interface ResolvedPoint {
  /** ISO instant (UTC) when date and zone are known, else local "YYYY-MM-DDTHH:MM" or "HH:MM". */
  time: string;
  epoch?: number;
  /** Local date, YYYY-MM-DD, when known. */
  date?: string;
  /**
   * A number that orders points written in the same zone: the epoch when
   * known, else the local time read as UTC, else milliseconds since midnight.
   */
  order: number;
}

/**
 * Resolves a written date (optional) and clock against the context: the date
 * through `resolveDay` (else the context's day), the zone written (else the
 * context's). Without a zone the point stays a local time; without any date,
 * a bare clock.
 */
export function resolvePoint(date: DateParts | undefined, time: ClockParts, zone: string | undefined, ctx: ResolveContext = {}): ResolvedPoint {
  const day = date ? resolveDay(date, ctx.date) : ctx.date;
  const parts = parseIsoDay(day);
  const effectiveZone = zone ?? ctx.zone;
  if (parts && effectiveZone) {
    const utc = effectiveZone === 'UTC' ? utcEpoch(parts, time) : undefined;
    if (utc !== undefined) return { time: utcInstantText(parts, time), epoch: utc, date: day, order: utc };
    const dt = wallClockIn(parts, time, effectiveZone);
    if (dt) {
      const epoch = dt.toMillis();
      return { time: formatInstant(dt), epoch, date: day, order: epoch };
    }
  }
  const ms = ((time.hour * 60 + time.minute) * 60 + (time.second ?? 0)) * 1000;
  if (parts) return { time: formatLocal(parts, time), date: day, order: Date.UTC(parts.year, parts.month - 1, parts.day) + ms };
  return { time: formatLocal(undefined, time), order: ms };
}
