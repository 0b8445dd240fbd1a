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
 * Picks a year for a month/day written without one: the year of `ref` that
 * puts the date closest to `ref` (so "Jan 2" after a "2023-12-30" context is 2024).
 */
function inferYear(month: number, day: number, ref: Required<DateParts>): number {
  let best = ref.year;
  let bestDist = Infinity;
  const refDays = Date.UTC(ref.year, ref.month - 1, ref.day);
  for (const y of [ref.year - 1, ref.year, ref.year + 1]) {
    const dist = Math.abs(Date.UTC(y, month - 1, day) - refDays);
    if (dist < bestDist) {
      bestDist = dist;
      best = y;
    }
  }
  return best;
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
  const ref = parseIsoDay(ctx.date);
  let year: number;
  let month: number;
  let day: number;
  if (date) {
    month = date.month;
    day = date.day;
    if (date.year !== undefined) year = date.year;
    else if (ref) year = inferYear(month, day, ref);
    else return undefined;
  } else if (ref) {
    ({ year, month, day } = ref);
  } else return undefined;
  const dt = DateTime.fromObject(
    { year, month, day, hour: time?.hour ?? 0, minute: time?.minute ?? 0, second: time?.second ?? 0 },
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
