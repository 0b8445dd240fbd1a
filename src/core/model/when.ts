/**
 * Turning recognised clock and date parts into points in time, against what
 * the document has established so far (its date and its zone).
 */
import { DateTime } from 'luxon';
import type { ClockParts, DateParts } from '../time/types.js';
import { formatInstant, formatLocal, toDateTime } from '../time/index.js';

export interface Context {
  /** The local date in force, YYYY-MM-DD. */
  date?: string;
  /** The luxon zone in force. */
  zone?: string;
}

export interface Resolved {
  /** ISO instant (UTC) when date and zone are known, else local "YYYY-MM-DDTHH:MM" or "HH:MM". */
  time: string;
  epoch?: number;
  /** Local date, YYYY-MM-DD, when known. */
  date?: string;
  /**
   * A number that orders points written in the same zone: the epoch when
   * known, else the local time read as UTC, else minutes since midnight.
   */
  order: number;
}

export function isoDate(parts: DateParts, fallbackYear?: number): string | undefined {
  const year = parts.year ?? fallbackYear;
  if (year === undefined) return undefined;
  const dt = DateTime.fromObject({ year, month: parts.month, day: parts.day }, { zone: 'UTC' });
  return dt.isValid ? dt.toISODate()! : undefined;
}

export function yearOf(date: string | undefined): number | undefined {
  return date ? Number(date.slice(0, 4)) : undefined;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Resolve a date and clock against the context. */
export function resolve(date: DateParts | undefined, time: ClockParts, zone: string | undefined, ctx: Context): Resolved {
  const localDate = date ? isoDate(date, yearOf(ctx.date)) : ctx.date;
  const effectiveZone = zone ?? ctx.zone;
  const minutes = time.hour * 60 + time.minute;
  if (localDate && effectiveZone) {
    const dt = toDateTime(parseDate(localDate), time, { zone: effectiveZone });
    if (dt && dt.isValid) {
      return { time: formatInstant(dt), epoch: dt.toMillis(), date: localDate, order: dt.toMillis() };
    }
  }
  if (localDate) {
    const d = parseDate(localDate);
    return {
      time: formatLocal(d, time),
      date: localDate,
      order: Date.UTC(d.year!, d.month - 1, d.day, time.hour, time.minute),
    };
  }
  return { time: formatLocal(undefined, time), order: minutes * 60_000 };
}

export function parseDate(iso: string): DateParts {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}
