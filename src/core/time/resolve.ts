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
  const dt = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
  return dt.isValid ? { year, month, day } : undefined;
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
  const dt = DateTime.fromObject({ year, month: parts.month, day: parts.day }, { zone: 'UTC' });
  return dt.isValid ? dt.toISODate()! : undefined;
}

/** "YYYY-MM-DD" plus (or minus) whole days. */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate()!;
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
  if (!parts) return undefined;
  const { year, month, day: dayOfMonth } = parts;
  const dt = DateTime.fromObject(
    { year, month, day: dayOfMonth, hour: time?.hour ?? 0, minute: time?.minute ?? 0, second: time?.second ?? 0 },
    { zone: zone ?? ctx.zone ?? 'UTC' },
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
  const utc = dt.toUTC();
  return utc.toISO({ suppressMilliseconds: true }) ?? '';
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
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
    const dt = toDateTime(parts, time, {}, effectiveZone);
    if (dt) return { time: formatInstant(dt), epoch: dt.toMillis(), date: day, order: dt.toMillis() };
  }
  const ms = ((time.hour * 60 + time.minute) * 60 + (time.second ?? 0)) * 1000;
  if (parts) return { time: formatLocal(parts, time), date: day, order: Date.UTC(parts.year, parts.month - 1, parts.day) + ms };
  return { time: formatLocal(undefined, time), order: ms };
}
