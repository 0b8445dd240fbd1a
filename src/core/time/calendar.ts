/**
 * Calendar days as plain numbers: whether a day exists and how it is written.
 * The resolver checks and writes a day for every timestamp it reads; a luxon
 * DateTime per check was most of the time layer's cost (and its garbage).
 * The rules are luxon's own, so the answers are the ones it gave.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in a month (1–12); February of an unknown year has 29, as any February may. */
export function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2 && (year === undefined || isLeapYear(year))) return 29;
  return DAYS_IN_MONTH[month - 1];
}

/** Whether year, month and day name a day of the proleptic Gregorian calendar (luxon's check for `fromObject`). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * "YYYY-MM-DD" of a day of a four-digit year (0–9999), as luxon's `toISODate`
 * writes it; undefined for other years, which luxon writes with a sign.
 */
export function fourDigitIsoDay(year: number, month: number, day: number): string | undefined {
  if (!(year >= 0 && year <= 9999)) return undefined;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}
