/**
 * Finds temporal expressions (clock times, dates, ranges, zones) in a line or
 * sentence of postmortem prose. Pure: no I/O.
 *
 * Design: a candidate regex finds positions where an expression may start (a
 * digit, "~", a capitalised word that may be a month/weekday/"Day", "noon",
 * "midnight") and skips URLs; a hand-written parser then reads the expression
 * with bounded look-ahead. Every attempt at a position costs O(1), so a scan is
 * linear in the length of the text whatever its content.
 *
 * Conventions:
 * - `index`/`length`/`text` cover the expression proper, including a weekday
 *   written with the date, a leading "~" and a bracketed zone "(UTC)", but not
 *   the words "from", "between", "at", "about" before it, nor Markdown
 *   emphasis around it ("**14:00 UTC:**" -> "14:00 UTC").
 * - Ranges ("10:00 - 11:30 AM", "from 10:00 to 14:00 UTC") give one expression
 *   with `end`. A zone written on only one side applies to both; a date written
 *   only on one side (or after the range, "... on October 14, 2023") applies to
 *   both, and an end earlier than its start on the same date moves to the next day.
 * - "12 AM" is 00:00, "12 PM" 12:00, "midnight" 00:00, "noon" 12:00.
 * - Two-digit years: 00-69 -> 2000-2069, 70-99 -> 1970-1999.
 */
import type { ClockParts, DateParts, ScanOptions, TimeExpression } from './types.js';
import { matchCityZoneAt, matchZoneAt, offsetZoneName } from './zones.js';
import { daysInMonth } from './calendar.js';

// ---------------------------------------------------------------------------
// Tables

const MONTHS: ReadonlyMap<string, number> = new Map([
  // With February's two common misspellings ("Feburary", "Febuary"): the date is still meant.
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['feburary', 2], ['febuary', 2], ['mar', 3], ['march', 3],
  ['apr', 4], ['april', 4], ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7],
  ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9], ['september', 9], ['oct', 10], ['october', 10],
  ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);

const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['mon', 1], ['monday', 1], ['tue', 2], ['tues', 2], ['tuesday', 2], ['wed', 3], ['wednesday', 3],
  ['thu', 4], ['thur', 4], ['thurs', 4], ['thursday', 4], ['fri', 5], ['friday', 5],
  ['sat', 6], ['saturday', 6], ['sun', 7], ['sunday', 7],
]);

/** The weekday a word names ("Friday", "fri"): 1 = Monday .. 7 = Sunday; undefined for any other word. */
export function weekdayNumber(word: string): number | undefined {
  return WEEKDAYS.get(word.toLowerCase());
}

// ---------------------------------------------------------------------------
// Regular expressions (all bounded; compiled once)

/** Where an expression may start; URLs are matched so that they can be skipped whole. */
const CANDIDATE_RE = /https?:\/\/[^\s<>()[\]"'`]+|[0-9~\u2248]|(?<![A-Za-z])(?:[ADFJMNOSTW][A-Za-z]{2,8}|noon|midnight)(?![A-Za-z])/g;
const HAS_DIGIT_RE = /[0-9]/;
const HAS_WORD_TIME_RE = /noon|midnight/i;
/** A word that may be a month, a weekday or "Day" (callers check the case and look it up). */
const WORD_RE = /[A-Za-z]{2,9}/y;
const NOON_MIDNIGHT_RE = /(?:noon|midnight)(?![A-Za-z])/iy;
/** The suffix of "1400hrs" / "1015 HRS" / "0930h" (not "hours", which measures a length). */
const HRS_RE = /(?:hrs?|HRS?|Hrs?|h|H)(?![A-Za-z])/y;
const ORDINAL_RE = /(?:st|nd|rd|th)(?![A-Za-z])/iy;
const OF_RE = /[ \t]{1,2}of(?=[ \t])/iy;
/** Words allowed between a date and its clock time: "May 10th, 2024 at 2:00 AM". */
const JOIN_WORD_RE = /(?:at|@|from|between|around|about|approximately|approx\.|roughly|circa|ca\.)(?=[ \t])/iy;
/** Range separators written as words. */
const RANGE_WORD_RE = /(?:to|until|till|til|through|thru|and)(?=[ \t])/iy;
const ON_RE = /on(?=[ \t])/iy;
/** Words right before an expression: "from", "between" ("between the hours of", "between the times of"), "about", "around", ... */
const BEFORE_RE = /(?:\b(from|between)[ \t]{1,3}(?:the[ \t]{1,3}(?:hours?|times?)[ \t]{1,3}of[ \t]{1,3})?)?(?:\b(about|around|approximately|approx\.|roughly|circa|ca\.|nearly|almost)[ \t]{1,3})?$/i;
const INTRO_RANGE_RE = /\b(?:from|between)[ \t]{1,3}$/i;

// ---------------------------------------------------------------------------
// Character helpers

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAlnum(c: number): boolean {
  return isDigit(c) || isAlpha(c);
}
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f;
}

/** Skips at most `max` blanks (space, tab, no-break spaces). */
function skipBlanks(s: string, i: number, max: number): number {
  let n = 0;
  while (n < max && i < s.length && isBlank(s.charCodeAt(i))) {
    i++;
    n++;
  }
  return i;
}

let numEnd = 0;
/**
 * Reads the whole run of digits at `i` and returns its value when its length
 * is within [min, max]; otherwise -1. Sets `numEnd` to the end of the run.
 */
function readNum(s: string, i: number, min: number, max: number): number {
  let j = i;
  let v = 0;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (!isDigit(c)) break;
    if (j - i >= max) return -1;
    v = v * 10 + (c - 48);
    j++;
  }
  if (j - i < min) return -1;
  numEnd = j;
  return v;
}

/** Reads a capitalised (or all-capitals) word at `i`; returns it lower-cased or undefined. */
function readCapWord(s: string, i: number): string | undefined {
  WORD_RE.lastIndex = i;
  const m = WORD_RE.exec(s);
  if (!m) return undefined;
  const end = i + m[0].length;
  if (end < s.length && isAlpha(s.charCodeAt(end))) return undefined;
  const w = m[0];
  const c0 = w.charCodeAt(0);
  if (c0 < 65 || c0 > 90) return undefined;
  const rest = w.slice(1);
  if (rest !== rest.toLowerCase() && rest !== rest.toUpperCase()) return undefined;
  return w.toLowerCase();
}

// ---------------------------------------------------------------------------
// Clock times

interface Clock {
  end: number;
  hour: number;
  minute: number;
  second?: number;
  /** The hour as written, before AM/PM conversion. */
  rawHour: number;
  meridiem?: 'am' | 'pm';
  /** Set when a seconds field was written ("23:00:00"); allows an attached "+01:00". */
  hasSeconds: boolean;
  invalid?: string;
  /** Written wrongly, though its time is clear ("13:00 PM"): see TimeExpression.notation. */
  notation?: string;
}

/** Reads "AM"/"pm"/"a.m." at `i` (after up to two blanks). Returns the end or -1. */
function readMeridiem(s: string, i: number): { end: number; pm: boolean } | undefined {
  const j = skipBlanks(s, i, 2);
  if (j >= s.length) return undefined;
  const c = s.charCodeAt(j) | 32;
  if (c !== 97 && c !== 112) return undefined;
  let k = j + 1;
  // "a.m." keeps its final dot; in "PM." the dot ends the sentence.
  const dotted = s.charCodeAt(k) === 46;
  if (dotted) k++;
  if (k >= s.length || (s.charCodeAt(k) | 32) !== 109) return undefined;
  k++;
  if (dotted && s.charCodeAt(k) === 46) k++;
  const after = k < s.length ? s.charCodeAt(k) : 0;
  if (isAlnum(after)) return undefined;
  return { end: k, pm: c === 112 };
}

/** "10:13a", "4:06p": a 12-hour clock's a or p written right after its minutes, nothing after it. */
function shortMeridiem(s: string, i: number, h: number): { end: number; pm: boolean } | undefined {
  const c = s.charCodeAt(i);
  if ((c !== 97 && c !== 112) || h < 1 || h > 12 || isAlnum(i + 1 < s.length ? s.charCodeAt(i + 1) : 0)) return undefined;
  return { end: i + 1, pm: c === 112 };
}

function twelveTo24(h: number, pm: boolean): number {
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

function meridiemInvalid(h: number, minute: number, pm: boolean): string | undefined {
  if (h > 12) return `${h}:${minute < 10 ? '0' : ''}${minute} ${pm ? 'PM' : 'AM'} mixes a 24-hour time with AM/PM`;
  if (h === 0 && pm) return `0:${minute < 10 ? '0' : ''}${minute} PM is not a valid 12-hour time`;
  return undefined;
}

/** Is a zone written right after `i` (after up to two blanks, optionally bracketed)? */
function zoneFollows(s: string, i: number): boolean {
  let j = skipBlanks(s, i, 2);
  if (j === i) return false;
  const c = s.charCodeAt(j);
  if (c === 40 || c === 91) j++;
  return matchZoneAt(s, j) !== undefined;
}

/**
 * Reads a clock time at `i`: "14:32", "9:00", "10:00 AM", "07:30am", "6 PM",
 * "14:30:05.123", "10.30pm", "noon", "12 midnight", "1430 UTC"/"0900Z".
 * `bareHour` also accepts a lone hour ("6" in "from 6 to 7 PM").
 */
function parseClock(s: string, i: number, bareHour: boolean): Clock | undefined {
  const c0 = s.charCodeAt(i);
  if (!isDigit(c0)) {
    NOON_MIDNIGHT_RE.lastIndex = i;
    const w = NOON_MIDNIGHT_RE.exec(s);
    if (!w) return undefined;
    const noon = (w[0].charCodeAt(0) | 32) === 110;
    return { end: i + w[0].length, hour: noon ? 12 : 0, minute: 0, rawHour: noon ? 12 : 0, hasSeconds: false };
  }
  const h = readNum(s, i, 1, 4);
  if (h < 0) return undefined;
  const hEnd = numEnd;
  const digits = hEnd - i;
  const sep = hEnd < s.length ? s.charCodeAt(hEnd) : 0;

  if (digits === 4) {
    // Military "1430 UTC" / "0900Z": only with a UTC/GMT/Z zone right after.
    const hh = Math.floor(h / 100);
    const mm = h % 100;
    if (hh > 23 || mm > 59) return undefined;
    if (sep === 90 /* Z */ && !isAlnum(hEnd + 1 < s.length ? s.charCodeAt(hEnd + 1) : 0)) {
      return { end: hEnd, hour: hh, minute: mm, rawHour: hh, hasSeconds: false };
    }
    const j = skipBlanks(s, hEnd, 1);
    if (j > hEnd) {
      const z = matchZoneAt(s, j);
      if (z && z.zone === 'UTC' && z.zoneText.length <= 3) return { end: hEnd, hour: hh, minute: mm, rawHour: hh, hasSeconds: false };
    }
    // "1400hrs", "1015 HRS", "0930h": the hour suffix of the 24-hour clock.
    HRS_RE.lastIndex = j;
    const hrs = HRS_RE.exec(s);
    if (hrs) return { end: j + hrs[0].length, hour: hh, minute: mm, rawHour: hh, hasSeconds: false };
    return undefined;
  }
  if (digits > 2) return undefined;

  // "14h30", "09h05": the hour-letter separator (two-digit hours only, so "1h30" stays a duration).
  if ((sep === 104 || sep === 72) && digits === 2 && isDigit(s.charCodeAt(hEnd + 1))) {
    const m = readNum(s, hEnd + 1, 2, 2);
    if (m < 0 || isAlnum(s.charCodeAt(numEnd)) || h > 23 || m > 59) return undefined;
    return { end: numEnd, hour: h, minute: m, rawHour: h, hasSeconds: false };
  }

  if (sep === 58 /* : */ && isBlank(s.charCodeAt(hEnd + 1)) && isDigit(s.charCodeAt(hEnd + 2))) return spacedClock(s, h, hEnd);
  if (sep === 58 /* : */ || sep === 46 /* . */) {
    const m = readNum(s, hEnd + 1, 2, 2);
    if (m < 0) return undefined;
    let end = numEnd;
    let second: number | undefined;
    let hasSeconds = false;
    const dot = sep === 46;
    if (!dot && s.charCodeAt(end) === 58 && isDigit(s.charCodeAt(end + 1))) {
      const sec = readNum(s, end + 1, 2, 2);
      if (sec < 0) return undefined;
      second = sec;
      hasSeconds = true;
      end = numEnd;
      const f = s.charCodeAt(end);
      if ((f === 46 || f === 44) && isDigit(s.charCodeAt(end + 1))) {
        if (readNum(s, end + 1, 1, 9) < 0) return undefined;
        end = numEnd;
      }
    }
    const next = end < s.length ? s.charCodeAt(end) : 0;
    // "1:12:13:14", "10:30.5", "1.10.2": not a clock time.
    if ((next === 58 || next === 46) && isDigit(s.charCodeAt(end + 1))) return undefined;
    const mer = readMeridiem(s, end) ?? (dot ? undefined : shortMeridiem(s, end, h));
    if (!mer && h === 12 && m === 0 && second === undefined && !dot) {
      // "12:00 noon", "12:00 midnight"
      const j = skipBlanks(s, end, 2);
      NOON_MIDNIGHT_RE.lastIndex = j;
      const w = j > end ? NOON_MIDNIGHT_RE.exec(s) : null;
      if (w) {
        const noon = (w[0].charCodeAt(0) | 32) === 110;
        return { end: j + w[0].length, hour: noon ? 12 : 0, minute: 0, rawHour: 12, hasSeconds: false };
      }
    }
    if (!mer && isAlpha(next) && next !== 90 /* Z */) return undefined;
    if (dot && !mer && !zoneFollows(s, end)) return undefined;
    const clock: Clock = { end: mer ? mer.end : end, hour: h, minute: m, rawHour: h, hasSeconds };
    if (second !== undefined) clock.second = second;
    if (mer) {
      clock.meridiem = mer.pm ? 'pm' : 'am';
      // "13:00 PM": a 24-hour time its PM agrees with reads as written, and is reported for its notation.
      if (mer.pm && h > 12 && h <= 23) clock.notation = meridiemInvalid(h, m, mer.pm);
      else clock.invalid = meridiemInvalid(h, m, mer.pm);
      if (!clock.invalid && !clock.notation) clock.hour = twelveTo24(h, mer.pm);
    } else if (h > 23) {
      clock.invalid = h === 24 && m === 0 ? '24:00 is ambiguous; write 00:00 of the next day' : `hour ${h} is out of range`;
    }
    if (!clock.invalid && m > 59) clock.invalid = `minute ${m} is out of range`;
    if (!clock.invalid && second !== undefined && second > 59) clock.invalid = `second ${second} is out of range`;
    return clock;
  }

  // "6 PM", "6PM", "12 noon", "12 midnight".
  const mer = readMeridiem(s, hEnd);
  if (mer) {
    const clock: Clock = { end: mer.end, hour: h, minute: 0, rawHour: h, meridiem: mer.pm ? 'pm' : 'am', hasSeconds: false };
    const bad = h > 12 ? `${h} ${mer.pm ? 'PM' : 'AM'} is not a valid 12-hour time` : h === 0 && mer.pm ? '0 PM is not a valid 12-hour time' : undefined;
    if (bad) clock.invalid = bad;
    else clock.hour = twelveTo24(h, mer.pm);
    return clock;
  }
  if (h === 12) {
    const j = skipBlanks(s, hEnd, 2);
    if (j > hEnd) {
      NOON_MIDNIGHT_RE.lastIndex = j;
      const w = NOON_MIDNIGHT_RE.exec(s);
      if (w) {
        const noon = (w[0].charCodeAt(0) | 32) === 110;
        return { end: j + w[0].length, hour: noon ? 12 : 0, minute: 0, rawHour: 12, hasSeconds: false };
      }
    }
  }
  if (bareHour && h <= 23 && !isAlnum(sep)) return { end: hEnd, hour: h, minute: 0, rawHour: h, hasSeconds: false };
  return undefined;
}

/**
 * "2: 43 A.M.", "9: 03 am": a clock time typed with a space after its colon.
 * Read only when AM/PM follows, which says the pair is a time of day and not
 * a label and a count ("Step 2: 43 users").
 */
function spacedClock(s: string, h: number, hEnd: number): Clock | undefined {
  const m = readNum(s, hEnd + 2, 2, 2);
  if (m < 0 || m > 59) return undefined;
  const mer = readMeridiem(s, numEnd);
  if (!mer) return undefined;
  const clock: Clock = { end: mer.end, hour: h, minute: m, rawHour: h, meridiem: mer.pm ? 'pm' : 'am', hasSeconds: false };
  const bad = meridiemInvalid(h, m, mer.pm);
  if (bad) clock.invalid = bad;
  else clock.hour = twelveTo24(h, mer.pm);
  return clock;
}

/**
 * "2022-02-02 1625: text", "2022-02-02 0457 - text": a dated entry's 24-hour
 * time written without its colon. Four digits after a full date are a time
 * only where the entry's text starts after them (a colon, a dash, a cell or
 * bracket, the end of the line), so "2022-02-02 1200 users" stays a count.
 */
function compactClockAfterDate(s: string, k: number): Clock | undefined {
  const v = readNum(s, k, 4, 4);
  if (v < 0) return undefined;
  const end = numEnd;
  const hh = Math.floor(v / 100);
  const mm = v % 100;
  if (hh > 23 || mm > 59) return undefined;
  const clock: Clock = { end, hour: hh, minute: mm, rawHour: hh, hasSeconds: false };
  if (end >= s.length) return clock;
  const c = s.charCodeAt(end);
  if (c === 58 /* : */) return isDigit(s.charCodeAt(end + 1)) ? undefined : clock;
  if (c === 124 /* | */ || c === 41 /* ) */ || c === 93 /* ] */) return clock;
  const j = skipBlanks(s, end, 2);
  if (j === end) return undefined;
  if (j >= s.length) return clock;
  const d = s.charCodeAt(j);
  if (d === 124) return clock;
  const dash = d === 45 || d === 0x2013 || d === 0x2014;
  return dash && isBlank(s.charCodeAt(j + 1)) ? clock : undefined;
}

// ---------------------------------------------------------------------------
// Dates

interface DateRead {
  end: number;
  /** The last day of a range of days ("January 14-19"). */
  lastDay?: number;
  date?: DateParts;
  weekday?: number;
  ambiguous?: boolean;
  iso: boolean;
  invalid?: string;
}

function dayInvalid(year: number | undefined, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `month ${month} is out of range`;
  if (day < 1 || day > daysInMonth(year, month)) return `day ${day} is out of range for month ${month}`;
  return undefined;
}

function makeDate(read: DateRead, year: number | undefined, month: number, day: number): DateRead {
  const bad = dayInvalid(year, month, day);
  if (bad) read.invalid = bad;
  else read.date = year === undefined ? { month, day } : { year, month, day };
  return read;
}

function twoDigitYear(y: number): number {
  return y < 70 ? 2000 + y : 1900 + y;
}

/**
 * Reads an optional year after a month-name date: ", 2023", " 2017", ", 15,".
 * Returns the year and sets `numEnd`, or -1.
 */
/** A zone right after a number ("1924 UTC", "1506 GMT"). */
const ZONE_AFTER = /^[ \t]{0,2}(?:UTC|GMT)(?![A-Za-z])/;

function readYearAfter(s: string, i: number): number {
  let j = i;
  const comma = s.charCodeAt(j) === 44;
  if (comma) j++;
  const k = skipBlanks(s, j, 3);
  if (!comma && k === j) return -1;
  const y4 = readNum(s, k, 4, 4);
  if (y4 >= 0) {
    const after = s.charCodeAt(numEnd);
    if (after === 58 && isDigit(s.charCodeAt(numEnd + 1))) return -1;
    if (y4 < 1900 || y4 > 2199) return -1;
    // "Feb 9 1924 UTC: …" among "Feb 7 1506 UTC", "1936 UTC": a clock written without its colon, zoned, not a
    // year no incident of a postmortem was in.
    if (!comma && (y4 < 1990 || y4 > 2039) && y4 % 100 < 60 && ZONE_AFTER.test(s.slice(numEnd, numEnd + 8))) return -1;
    return y4;
  }
  if (!comma) return -1;
  const y2 = readNum(s, k, 2, 2);
  if (y2 < 0) return -1;
  const end = numEnd;
  const t = skipBlanks(s, end, 2);
  const c = t < s.length ? s.charCodeAt(t) : -1;
  // Only when it stands alone: "February 24th, 15, 9:21 PM", "..., 15)".
  if (c === -1 || c === 44 || c === 41 || c === 59 || c === 10 || c === 13 || (c === 46 && !isDigit(s.charCodeAt(t + 1)))) {
    numEnd = end;
    return twoDigitYear(y2);
  }
  return -1;
}

/** Reads "Nov 7", "November 7th, 2023", "January23, 2021", "Sep 27 2017" at `i` (a month word). */
function parseMonthFirst(s: string, i: number, month: number, wordEnd: number): DateRead | undefined {
  let j = wordEnd;
  if (s.charCodeAt(j) === 46) j++;
  const k = skipBlanks(s, j, 3);
  const day = readNum(s, k, 1, 2);
  if (day < 1 || day > 31) return undefined;
  let end = numEnd;
  ORDINAL_RE.lastIndex = end;
  const ord = ORDINAL_RE.exec(s);
  if (ord) end += ord[0].length;
  else if (isAlpha(s.charCodeAt(end))) return undefined;
  if (s.charCodeAt(end) === 58 && isDigit(s.charCodeAt(end + 1))) return undefined;
  const read: DateRead = { end, iso: false };
  // "January 14-19, 2026": a range of days in one month.
  const dash = s.charCodeAt(end);
  if ((dash === 45 || dash === 0x2013) && isDigit(s.charCodeAt(end + 1))) {
    const last = readNum(s, end + 1, 1, 2);
    const after = s.charCodeAt(numEnd);
    if (last > day && last <= 31 && !isAlpha(after) && after !== 58 && after !== 46) {
      read.end = numEnd;
      read.lastDay = last;
      end = numEnd;
    }
  }
  const y = readYearAfter(s, end);
  if (y >= 0) {
    read.end = numEnd;
    return makeDate(read, y, month, day);
  }
  return makeDate(read, undefined, month, day);
}

/**
 * "03-26 23:04", "3/26 2:54 PM", "[12-05 16:21]": a month and day without a
 * year, read only when a clock time follows (so "10-12 users" and "1/2 of
 * them" stay numbers). With "-" an ambiguous pair reads month first, as in
 * ISO dates and log stamps; with "/" it follows `dayFirst` (default month first).
 */
function yearlessDate(s: string, i: number, a: number, b: number, bEnd: number, sep: number, opts: ScanOptions | undefined): DateRead | undefined {
  if (sep === 46 || isAlnum(s.charCodeAt(bEnd))) return undefined;
  const at = s.charCodeAt(bEnd) === 84 /* T */ ? bEnd + 1 : skipBlanks(s, bEnd, 2);
  // "10-02 ~07:01": an approximate clock follows the date as well.
  const t = s.charCodeAt(at) === 126 /* ~ */ ? at + 1 : at;
  if (at === bEnd || !isDigit(s.charCodeAt(t)) || !parseClock(s, t, false)) return undefined;
  const read: DateRead = { end: bEnd, iso: s.charCodeAt(bEnd) === 84 };
  let dayFirst: boolean;
  if (a > 12 && b <= 12) dayFirst = true;
  else if (b > 12 && a <= 12) dayFirst = false;
  else if (a > 12 && b > 12) return undefined;
  else {
    dayFirst = sep === 47 ? opts?.dayFirst ?? false : false;
    if (a !== b) read.ambiguous = true;
  }
  return dayFirst ? makeDate(read, undefined, b, a) : makeDate(read, undefined, a, b);
}

/** Reads a date starting with digits: "2023-11-07", "2019-1-17", "04-12-2022", "05/02/22", "13 August, 2021". */
/** "2013年10月2日", "10 月 1 日", "2020년 5월 26일": a date written with the year, month and day signs of Chinese, Japanese or Korean. */
const CJK_DATE_SIGN = /[年月년월]/;
const CJK_DATE_RE = /(?:(\d{4})[ \t]?[年년][ \t]?)?(\d{1,2})[ \t]?[月월][ \t]?(\d{1,2})[ \t]?[日일号號]/y;

function parseCjkDate(s: string, i: number): DateRead | undefined {
  // Most numbers are not such dates: look for a sign within the next few characters before running the pattern.
  if (!CJK_DATE_SIGN.test(s.slice(i + 1, i + 7))) return undefined;
  CJK_DATE_RE.lastIndex = i;
  const m = CJK_DATE_RE.exec(s);
  if (!m) return undefined;
  const year = m[1] === undefined ? undefined : Number(m[1]);
  if (year !== undefined && (year < 1900 || year > 2199)) return undefined;
  return makeDate({ end: i + m[0].length, iso: false }, year, Number(m[2]), Number(m[3]));
}

function parseNumericDate(s: string, i: number, opts: ScanOptions | undefined): DateRead | undefined {
  const cjk = parseCjkDate(s, i);
  if (cjk) return cjk;
  const a = readNum(s, i, 1, 4);
  if (a < 0) return undefined;
  const aEnd = numEnd;
  const aLen = aEnd - i;
  const sep = s.charCodeAt(aEnd);

  if (sep === 45 || sep === 47 || sep === 46) {
    const b = readNum(s, aEnd + 1, 1, 2);
    if (b < 0) return undefined;
    const bEnd = numEnd;
    if (s.charCodeAt(bEnd) !== sep && aLen !== 2 && aLen !== 1) return undefined;
    if (aLen === 4) {
      // YYYY-MM-DD
      const d = readNum(s, bEnd + 1, 1, 2);
      if (d < 0) return undefined;
      const end = numEnd;
      if (s.charCodeAt(end) === sep && isDigit(s.charCodeAt(end + 1))) return undefined;
      if (a < 1900 || a > 2199) return undefined;
      return makeDate({ end, iso: true }, a, b, d);
    }
    if (aLen > 2) return undefined;
    if (s.charCodeAt(bEnd) !== sep) return yearlessDate(s, i, a, b, bEnd, sep, opts);
    // D-M-YYYY or M-D-YYYY (two-digit year only with "/").
    let y = readNum(s, bEnd + 1, 4, 4);
    if (y < 0) {
      if (sep !== 47) return undefined;
      y = readNum(s, bEnd + 1, 2, 2);
      if (y < 0) return undefined;
      y = twoDigitYear(y);
    } else if (y < 1900 || y > 2199) return undefined;
    const end = numEnd;
    if (s.charCodeAt(end) === sep && isDigit(s.charCodeAt(end + 1))) return undefined;
    const read: DateRead = { end, iso: false };
    let dayFirst: boolean;
    if (a > 12 && b <= 12) dayFirst = true;
    else if (b > 12 && a <= 12) dayFirst = false;
    else if (a > 12 && b > 12) {
      read.invalid = `neither ${a} nor ${b} is a month`;
      return read;
    } else {
      // "06.05.2026": dots are the day-first writing of Europe, whatever the zone; dashes and slashes follow it.
      dayFirst = sep === 46 || (opts?.dayFirst ?? sep !== 47);
      if (a !== b) read.ambiguous = true;
    }
    return dayFirst ? makeDate(read, y, b, a) : makeDate(read, y, a, b);
  }

  // "13 August, 2021", "1 Aug 2025", "7th of November".
  if (aLen > 2 || a < 1 || a > 31) return undefined;
  let j = aEnd;
  ORDINAL_RE.lastIndex = j;
  const ord = ORDINAL_RE.exec(s);
  if (ord) j += ord[0].length;
  OF_RE.lastIndex = j;
  const of = OF_RE.exec(s);
  if (of) j += of[0].length;
  const k = skipBlanks(s, j, 2);
  if (k === j) return undefined;
  const w = readCapWord(s, k);
  if (w === undefined) return undefined;
  const month = MONTHS.get(w);
  if (month === undefined) return undefined;
  let end = k + w.length;
  if (s.charCodeAt(end) === 46 && w.length <= 4) end++;
  const read: DateRead = { end, iso: false };
  const y = readYearAfter(s, end);
  if (y >= 0) {
    read.end = numEnd;
    return makeDate(read, y, month, a);
  }
  return makeDate(read, undefined, month, a);
}

// ---------------------------------------------------------------------------
// Points (one date and/or time) and expressions

interface Point {
  start: number;
  end: number;
  date?: DateParts;
  dayOffset?: number;
  time?: ClockParts;
  clock?: Clock;
  zone?: string;
  zoneText?: string;
  weekday?: number;
  ambiguous?: boolean;
  approximate?: boolean;
  invalid?: string;
  notation?: string;
  /** "between" was written between the date and the time (so "and" may end the range). */
  rangeIntro?: boolean;
  /** The end of a range of days written with one month ("January 14-19, 2026"). */
  lastDay?: DateParts;
}

/** Reads a zone after a clock time ending at `i`: " UTC", " (UTC)", "Z", "+00:00", " GMT+1", " Eastern time". */
function readZoneAfter(s: string, i: number, clock: Clock, afterT: boolean, p: Point): number {
  const c = i < s.length ? s.charCodeAt(i) : 0;
  if (c === 90 /* Z */ && !isAlnum(i + 1 < s.length ? s.charCodeAt(i + 1) : 0)) {
    p.zone = 'UTC';
    p.zoneText = 'Z';
    return i + 1;
  }
  if ((c === 43 || c === 45 || c === 0x2212) && (clock.hasSeconds || afterT)) {
    // ISO offset attached to the time: "+00:00", "-0700", "+05".
    const basic = readNum(s, i + 1, 4, 4);
    const hh = basic >= 0 ? Math.floor(basic / 100) : readNum(s, i + 1, 2, 2);
    if (hh < 0) return i;
    let j = basic >= 0 ? i + 5 : numEnd;
    let mm = basic >= 0 ? basic % 100 : 0;
    const colon = s.charCodeAt(j) === 58;
    const m = basic >= 0 ? -1 : readNum(s, colon ? j + 1 : j, 2, 2);
    if (m >= 0) {
      mm = m;
      j = numEnd;
    } else if (colon) return i;
    // "00:33:20-00:33:24": the end of a range with seconds, not an offset (offsets fall on quarter hours).
    if (hh > 14 || mm % 15 !== 0 || (s.charCodeAt(j) === 58 && isDigit(s.charCodeAt(j + 1)))) return i;
    p.zone = offsetZoneName((c === 43 ? 1 : -1) * (hh * 60 + mm));
    p.zoneText = s.slice(i, j);
    return j;
  }
  if (clock.hasSeconds && c === 32) {
    // RFC 2822 style "10:00:00 +0000".
    const sc = s.charCodeAt(i + 1);
    if (sc === 43 || sc === 45) {
      const v = readNum(s, i + 2, 4, 4);
      if (v >= 0 && v % 100 <= 59 && v <= 1400) {
        p.zone = offsetZoneName((sc === 43 ? 1 : -1) * (Math.floor(v / 100) * 60 + (v % 100)));
        p.zoneText = s.slice(i + 1, i + 6);
        return i + 6;
      }
    }
  }
  let j = skipBlanks(s, i, 2);
  if (j === i && !(c === 40 || c === 91)) return i;
  const open = s.charCodeAt(j);
  const bracket = open === 40 || open === 91;
  if (bracket) j = skipBlanks(s, j + 1, 1);
  if (!isAlpha(s.charCodeAt(j))) return i;
  const z = matchZoneAt(s, j) ?? matchCityZoneAt(s, j);
  if (!z) return i;
  let end = z.end;
  if (bracket) {
    end = skipBlanks(s, end, 1);
    if (s.charCodeAt(end) !== (open === 40 ? 41 : 93)) return i;
    end++;
  }
  p.zone = z.zone;
  p.zoneText = z.zoneText;
  return end;
}

function applyClock(p: Point, clock: Clock, s: string, afterT: boolean): void {
  p.clock = clock;
  if (clock.invalid) {
    p.invalid = clock.invalid;
    p.end = clock.end;
    return;
  }
  const t: ClockParts = { hour: clock.hour, minute: clock.minute };
  if (clock.second !== undefined) t.second = clock.second;
  p.time = t;
  if (clock.notation) p.notation = clock.notation;
  p.end = readZoneAfter(s, clock.end, clock, afterT, p);
}

/**
 * After a date ending at `i`, reads "T10:00", " 10:00", ", 10:00 AM",
 * " at 2:00 AM", ", from 15:00", " ~18:10" into `p`.
 */
function joinTime(s: string, i: number, p: Point, iso: boolean): void {
  if (iso && s.charCodeAt(i) === 84 /* T */) {
    const clock = parseClock(s, i + 1, false);
    if (clock) applyClock(p, clock, s, true);
    return;
  }
  let j = i;
  const c = s.charCodeAt(j);
  // "2023-11-07/10:00", "2023-11-07 / 10:00": a date and time joined by a slash; "31st January 2023 (10am GMT+1)":
  // the date's time in brackets after it.
  const at = isBlank(c) ? skipBlanks(s, i, 2) : i;
  const joiner = s.charCodeAt(at);
  if (joiner === 47 /* / */ || joiner === 40 /* ( */) {
    const k = skipBlanks(s, at + 1, joiner === 47 ? 2 : 1);
    const clock = isDigit(s.charCodeAt(k)) ? parseClock(s, k, false) : undefined;
    if (clock) applyClock(p, clock, s, false);
    return;
  }
  if (c === 44 /* , */ || c === 58 /* : */) j++;
  let k = skipBlanks(s, j, 3);
  if (k === i) return;
  let approximate = false;
  let rangeIntro = false;
  for (let round = 0; round < 2; round++) {
    JOIN_WORD_RE.lastIndex = k;
    const w = JOIN_WORD_RE.exec(s);
    if (!w) break;
    const lw = w[0].toLowerCase();
    if (lw === 'between') rangeIntro = true;
    else if (lw !== 'at' && lw !== '@' && lw !== 'from') approximate = true;
    k = skipBlanks(s, k + w[0].length, 3);
  }
  if (s.charCodeAt(k) === 126 /* ~ */) {
    approximate = true;
    k++;
  }
  const clock = parseClock(s, k, false) ?? (p.date?.year !== undefined && k > i && !approximate ? compactClockAfterDate(s, k) : undefined);
  if (!clock) return;
  applyClock(p, clock, s, false);
  if (approximate) p.approximate = true;
  if (rangeIntro) p.rangeIntro = true;
}

/**
 * Reads one point at `i`: a date, a date with a time, a time with its zone,
 * "Day 2 09:15", "noon". `bareHour` allows a lone hour ("6" in "from 6 to 7 PM").
 */
function parsePoint(s: string, i: number, opts: ScanOptions | undefined, bareHour: boolean): Point | undefined {
  let start = i;
  let approximate = false;
  let c = s.charCodeAt(i);
  if (c === 126 || c === 0x2248) {
    approximate = true;
    i = skipBlanks(s, i + 1, 1);
    c = s.charCodeAt(i);
  }
  const p: Point = { start, end: i };
  if (approximate) p.approximate = true;

  if (isDigit(c)) {
    const d = parseNumericDate(s, i, opts);
    if (d) {
      p.end = d.end;
      if (d.invalid) p.invalid = d.invalid;
      if (d.date) p.date = d.date;
      if (d.ambiguous) p.ambiguous = true;
      joinTime(s, d.end, p, d.iso);
      return p;
    }
    const clock = parseClock(s, i, bareHour);
    if (!clock) return undefined;
    applyClock(p, clock, s, false);
    return p;
  }

  if (!isAlpha(c)) return undefined;
  // "noon", "midnight"
  if (c === 110 || c === 78 || c === 109 || c === 77) {
    const clock = parseClock(s, i, false);
    if (clock) {
      applyClock(p, clock, s, false);
      return p;
    }
  }
  let w = readCapWord(s, i);
  if (w === undefined) return undefined;
  // "Day 2", "Day 2 09:15"
  if (w === 'day') {
    const k = skipBlanks(s, i + 3, 2);
    if (k === i + 3) return undefined;
    const n = readNum(s, k, 1, 3);
    const after = s.charCodeAt(numEnd);
    if (n < 1 || isAlpha(after) || (after === 58 && isDigit(s.charCodeAt(numEnd + 1)))) return undefined;
    p.dayOffset = n - 1;
    p.end = numEnd;
    joinTime(s, numEnd, p, false);
    return p;
  }
  // Weekday before a date: "Friday March 2nd, 2019", "Monday, 2022-05-23".
  const weekday = WEEKDAYS.get(w);
  if (weekday !== undefined) {
    let j = i + w.length;
    if (s.charCodeAt(j) === 46) j++;
    if (s.charCodeAt(j) === 44) j++;
    const k = skipBlanks(s, j, 2);
    if (k === j) return undefined;
    i = k;
    c = s.charCodeAt(i);
    if (isDigit(c)) {
      const d = parseNumericDate(s, i, opts);
      if (!d) return undefined;
      p.end = d.end;
      if (d.invalid) p.invalid = d.invalid;
      if (d.date) p.date = d.date;
      if (d.ambiguous) p.ambiguous = true;
      p.weekday = weekday;
      joinTime(s, d.end, p, d.iso);
      return p;
    }
    w = readCapWord(s, i);
    if (w === undefined) return undefined;
    p.weekday = weekday;
  }
  const month = MONTHS.get(w);
  if (month === undefined) return undefined;
  const d = parseMonthFirst(s, i, month, i + w.length);
  if (!d) return undefined;
  p.end = d.end;
  if (d.invalid) p.invalid = d.invalid;
  if (d.date) p.date = d.date;
  if (d.lastDay !== undefined && d.date && !dayInvalid(d.date.year, d.date.month, d.lastDay)) {
    p.lastDay = { ...d.date, day: d.lastDay };
    return p;
  }
  joinTime(s, d.end, p, false);
  return p;
}

function minutesOf(t: ClockParts): number {
  return t.hour * 60 + t.minute + (t.second ?? 0) / 60;
}

function nextDay(d: DateParts): DateParts {
  if (d.day < daysInMonth(d.year, d.month)) return d.year === undefined ? { month: d.month, day: d.day + 1 } : { year: d.year, month: d.month, day: d.day + 1 };
  if (d.month < 12) return d.year === undefined ? { month: d.month + 1, day: 1 } : { year: d.year, month: d.month + 1, day: 1 };
  return d.year === undefined ? { month: 1, day: 1 } : { year: d.year + 1, month: 1, day: 1 };
}

function copyDate(d: DateParts): DateParts {
  return d.year === undefined ? { month: d.month, day: d.day } : { year: d.year, month: d.month, day: d.day };
}

/** Tries to read a range separator and a second point after `p1`. */
function parseRangeEnd(s: string, p1: Point, opts: ScanOptions | undefined, between: boolean): Point | undefined {
  const i = p1.end;
  let j = skipBlanks(s, i, 3);
  const c = s.charCodeAt(j);
  if (c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2192) {
    j++;
    if (s.charCodeAt(j) === 45 || (c === 45 && s.charCodeAt(j) === 62)) j++; // "--", "->"
    j = skipBlanks(s, j, 3);
  } else {
    if (j === i || !isAlpha(c)) return undefined;
    RANGE_WORD_RE.lastIndex = j;
    const w = RANGE_WORD_RE.exec(s);
    if (!w) return undefined;
    if ((w[0].charCodeAt(0) | 32) === 97 /* and */ && !between) return undefined;
    const k = skipBlanks(s, j + w[0].length, 3);
    if (k === j + w[0].length) return undefined;
    j = k;
  }
  const c2 = s.charCodeAt(j);
  if (!(isDigit(c2) || isAlpha(c2) || c2 === 126)) return undefined;
  // "From 4pm to 6 GMT": after a time with AM/PM, a lone hour with its zone ends the range.
  const p2 = parsePoint(s, j, opts, false) ?? (p1.clock?.meridiem !== undefined ? zonedBareHour(s, j, opts) : undefined);
  if (!p2 || p2.invalid) return undefined;
  if (p1.time) {
    if (!p2.time) return undefined;
  } else if (p1.date) {
    if (!p2.date || p2.time) return undefined;
  } else if (p1.dayOffset !== undefined) {
    if (p2.dayOffset === undefined) return undefined;
  } else return undefined;
  return p2;
}

/** A lone hour at `i` followed by its zone ("6 GMT"), as the end of a range; not a date. */
function zonedBareHour(s: string, i: number, opts: ScanOptions | undefined): Point | undefined {
  const p = parsePoint(s, i, opts, true);
  return p?.zone !== undefined && p.date === undefined ? p : undefined;
}

/**
 * Reads " on October 14, 2023" / ", November 7, 2023" / " December 4, 2024"
 * after a time-only expression.
 */
function parseTrailingDate(s: string, i: number, opts: ScanOptions | undefined): DateRead | undefined {
  let j = i;
  const comma = s.charCodeAt(j) === 44;
  if (comma) j++;
  const k = skipBlanks(s, j, 2);
  if (k === j) return undefined;
  let m = k;
  const c0 = s.charCodeAt(k) | 32;
  ON_RE.lastIndex = k;
  const on = c0 === 111 /* o */ ? ON_RE.exec(s) : null;
  if (on) {
    m = skipBlanks(s, k + 2, 2);
    if (m === k + 2) return undefined;
  }
  const c = s.charCodeAt(m);
  let d: DateRead | undefined;
  let weekday: number | undefined;
  if (isDigit(c)) d = parseNumericDate(s, m, opts);
  else {
    let w = readCapWord(s, m);
    if (w === undefined) return undefined;
    weekday = WEEKDAYS.get(w);
    if (weekday !== undefined) {
      let q = m + w.length;
      if (s.charCodeAt(q) === 44) q++;
      const r = skipBlanks(s, q, 2);
      if (r === q) return undefined;
      m = r;
      if (isDigit(s.charCodeAt(m))) d = parseNumericDate(s, m, opts);
      else {
        w = readCapWord(s, m);
        if (w === undefined) return undefined;
      }
    }
    if (!d && w !== undefined) {
      const month = MONTHS.get(w);
      if (month === undefined) return undefined;
      d = parseMonthFirst(s, m, month, m + w.length);
    }
  }
  if (!d || d.invalid || !d.date) return undefined;
  // After a bare comma or blank only accept a full date, so lists like "10:00, Nov 7 ..." stay apart.
  if (!on && d.date.year === undefined) return undefined;
  if (weekday !== undefined) d.weekday = weekday;
  return d;
}

function toExpression(s: string, p1: Point, p2: Point | undefined, end: number): TimeExpression {
  const e: TimeExpression = { index: p1.start, length: end - p1.start, text: s.slice(p1.start, end) };
  if (p1.invalid) {
    e.invalid = p1.invalid;
    if (p1.approximate) e.approximate = true;
    return e;
  }
  if (p1.date) e.date = p1.date;
  if (p1.dayOffset !== undefined) e.dayOffset = p1.dayOffset;
  if (p1.time) e.time = p1.time;
  if (p1.notation) e.notation = p1.notation;
  if (p1.zone !== undefined) {
    e.zone = p1.zone;
    e.zoneText = p1.zoneText;
  }
  if (p2) {
    const end: NonNullable<TimeExpression['end']> = { index: p2.start };
    if (p2.date) end.date = p2.date;
    if (p2.time) end.time = p2.time;
    if (p2.zone !== undefined) {
      end.zone = p2.zone;
      end.zoneText = p2.zoneText;
    }
    e.end = end;
  }
  if (p1.approximate || p2?.approximate) e.approximate = true;
  if (p1.ambiguous || p2?.ambiguous) e.ambiguousDate = true;
  if (p1.weekday !== undefined) e.weekday = p1.weekday;
  return e;
}

/** Combines a start and an end point: shared zone, AM/PM, date and year. */
function linkRange(p1: Point, p2: Point): void {
  if (p1.zone === undefined && p2.zone !== undefined) {
    p1.zone = p2.zone;
    p1.zoneText = p2.zoneText;
  } else if (p2.zone === undefined && p1.zone !== undefined) {
    p2.zone = p1.zone;
    p2.zoneText = p1.zoneText;
  }
  // "10:00 - 11:30 AM", "from 6 to 7 PM": the end's AM/PM applies to the start when it fits.
  if (p1.time && p2.time && p1.clock && p2.clock && p1.clock.meridiem === undefined && p2.clock.meridiem !== undefined) {
    const raw = p1.clock.rawHour;
    if (raw >= 1 && raw <= 12 && p1.clock.hour === raw) {
      const h = twelveTo24(raw, p2.clock.meridiem === 'pm');
      const t = { hour: h, minute: p1.time.minute, second: p1.time.second };
      if (minutesOf(t) <= minutesOf(p2.time)) p1.time.hour = h;
    }
  }
  // "from 1:10pm until 1:19", "11am to 1": the end without AM/PM is the first of its two readings not before the start.
  if (p1.time && p2.time && p1.clock && p2.clock && p1.clock.meridiem !== undefined && p2.clock.meridiem === undefined) {
    const raw = p2.clock.rawHour;
    if (raw >= 1 && raw <= 12 && p2.clock.hour === raw) {
      const start = minutesOf(p1.time);
      const hour = [raw % 12, (raw % 12) + 12].find((h) => minutesOf({ hour: h, minute: p2.time!.minute, second: p2.time!.second }) >= start);
      if (hour !== undefined) p2.time.hour = hour;
    }
  }
  // Years: "November 10 - November 11, 2023".
  if (p1.date && p2.date) {
    if (p1.date.year === undefined && p2.date.year !== undefined) {
      p1.date.year = p1.date.month > p2.date.month ? p2.date.year - 1 : p2.date.year;
    } else if (p2.date.year === undefined && p1.date.year !== undefined) {
      p2.date.year = p2.date.month < p1.date.month ? p1.date.year + 1 : p1.date.year;
    }
  }
  const crosses = p1.time !== undefined && p2.time !== undefined && p1.zone === p2.zone && minutesOf(p2.time) < minutesOf(p1.time);
  if (p2.date === undefined && p1.date !== undefined) {
    p2.date = crosses ? nextDay(p1.date) : copyDate(p1.date);
  } else if (p1.date === undefined && p2.date !== undefined && !crosses) {
    p1.date = copyDate(p2.date);
  }
  if (p2.date === undefined && p2.dayOffset === undefined && p1.dayOffset !== undefined) {
    p2.dayOffset = crosses ? p1.dayOffset + 1 : p1.dayOffset;
  }
}

/** Is a word (possibly "approx.") written right before `i`, after at most three blanks? */
function wordBefore(s: string, i: number): boolean {
  let j = i - 1;
  const stop = Math.max(0, i - 4);
  while (j >= stop && isBlank(s.charCodeAt(j))) j--;
  if (j < 0 || j === i - 1) return false;
  const c = s.charCodeAt(j);
  return isAlpha(c) || c === 46;
}

/** Reads a whole expression (point, optional range, optional trailing date) at `i`. */
function parseExpression(s: string, i: number, opts: ScanOptions | undefined): { expr: TimeExpression; end: number } | undefined {
  let p1 = parsePoint(s, i, opts, false);
  let p2: Point | undefined;
  if (!p1) {
    // "from 6 to 7 PM": a lone hour only counts as the start of a range whose end has AM/PM.
    if (!isDigit(s.charCodeAt(i)) || !INTRO_RANGE_RE.test(s.slice(Math.max(0, i - 12), i))) return undefined;
    const bare = parsePoint(s, i, opts, true);
    if (!bare || !bare.time || !bare.clock || bare.clock.meridiem !== undefined) return undefined;
    p2 = parseRangeEnd(s, bare, opts, true);
    if (!p2 || p2.clock?.meridiem === undefined) return undefined;
    p1 = bare;
  }
  if (p1.invalid) return { expr: toExpression(s, p1, undefined, p1.end), end: p1.end };

  const before = wordBefore(s, p1.start) ? BEFORE_RE.exec(s.slice(Math.max(0, p1.start - 32), p1.start)) : null;
  if (before && before[2] !== undefined) p1.approximate = true;
  const between = p1.rangeIntro === true || (before !== null && before[1] !== undefined && before[1].toLowerCase() === 'between');

  if (!p2 && p1.lastDay) p2 = { start: p1.end, end: p1.end, date: p1.lastDay };
  if (!p2) p2 = parseRangeEnd(s, p1, opts, between);
  let end = p2 ? p2.end : p1.end;

  // "10:30 AM to 1:45 PM (UTC) on October 14, 2023", "5:00 AM GMT on May 12, 2024".
  if (p1.time && !p1.date && p1.dayOffset === undefined && (!p2 || (!p2.date && p2.dayOffset === undefined))) {
    const d = parseTrailingDate(s, end, opts);
    if (d && d.date) {
      p1.date = d.date;
      if (d.weekday !== undefined) p1.weekday = d.weekday;
      if (d.ambiguous) p1.ambiguous = true;
      end = d.end;
    }
  }
  if (p2) linkRange(p1, p2);
  return { expr: toExpression(s, p1, p2, end), end };
}

/** May an expression start at `i`, given the character before it? */
function startAllowed(s: string, i: number): boolean {
  if (i === 0) return true;
  const prev = s.charCodeAt(i - 1);
  const c = s.charCodeAt(i);
  if (isAlnum(prev)) return false;
  if (!isDigit(c)) return true;
  switch (prev) {
    case 46: // .
    case 58: // :
    case 47: // /
    case 92: // \
    case 43: // +
    case 36: // $
    case 35: // #
    case 61: // =
    case 38: // &
    case 37: // %
    case 94: // ^
    case 0x20ac: // €
    case 0xa3: // £
      return false;
    case 45: // - ("-5:00" is an offset; "10:00-11:00" is read as a range from its start)
    case 0x2013: // –
    case 0x2212: // −
      return false;
    case 44: // , ("1,000")
      return i < 2 || !isDigit(s.charCodeAt(i - 2));
    default:
      return true;
  }
}

/**
 * Returns every temporal expression in `text`, left to right and
 * non-overlapping. See the module comment for conventions.
 */
export function scanTimes(text: string, opts?: ScanOptions): TimeExpression[] {
  const out: TimeExpression[] = [];
  if (!HAS_DIGIT_RE.test(text) && !HAS_WORD_TIME_RE.test(text)) return out;
  const re = CANDIDATE_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 104 /* h: only URLs start with it */) continue;
    if (!startAllowed(text, i)) continue;
    const r = parseExpression(text, i, opts);
    if (r) {
      out.push(r.expr);
      if (r.end > re.lastIndex) re.lastIndex = r.end;
    }
  }
  return out;
}

/**
 * A placeholder where a time belongs: "--:--", "??:??", "XX:XX", "HH:MM",
 * "hh:mm:ss", "[???]", "[Time]", "TBD" at the start of an entry (after bullets,
 * emphasis, brackets and a date: "2022-06-02 HH:mm"). An entry written so is
 * untimed, not invalid.
 */
const PLACEHOLDER_RE =
  /^(?:[\s*_[(<{•·+]|-\s){0,6}(?:[\d?][\d?/-]{3,13}[ \tT]{1,3})?((?:[-_?xX]{1,2}|[Hh]{1,2}):(?:[-_?xX]{2}|[Mm]{2})(?::(?:[-_?xX]{2}|[Ss]{2}))?|\?{2,4}|TB[DCA]|\[(?:[Tt]ime(?:stamp)?|TIME)\])(?=[\s*_\])>}:,.–—-]|$)/;

export function findTimePlaceholder(text: string): { index: number; text: string } | undefined {
  const m = PLACEHOLDER_RE.exec(text);
  if (!m) return undefined;
  return { index: m.index + m[0].length - m[1].length, text: m[1] };
}
