/**
 * Stated durations in prose ("lasted 45 minutes", "1h50m", "under 3hrs",
 * "two hours", "half an hour", "for a week") and in front-matter values
 * ("4h", "240", "PT4H", "2h30m"). Pure: no I/O.
 *
 * Conventions:
 * - `minutes` may be fractional (seconds are /60); a week is 7 days.
 * - `index`/`length`/`text` cover the number and its units, plus a bounding
 *   word written right before ("under 3hrs", "about 2 hours"); verbs such as
 *   "lasted"/"took" and brackets are not included.
 * - Clock times, dates and version numbers never count: the number must not
 *   touch ":", "." or "/" (so "10:00", "May 10, 2024", "v1.2" are ignored).
 * - A duration followed by "ago", "later", "earlier" or "prior", or preceded by
 *   "every"/"each"/"per", is an offset or a frequency, not a duration, and is
 *   skipped; so is one followed by "before"/"after" unless "for", "lasted",
 *   "took" or a bound ("under", "about") introduces it ("a day before the
 *   deploy" is skipped, "persisted for a week before it was caught" is 7 days).
 *   "24-hour clock"/"24-hour format" are skipped.
 */

export interface DurationMatch {
  minutes: number;
  index: number;
  length: number;
  text: string;
  /**
   * How precisely the figure was written, in minutes: its smallest unit
   * ("54 hours 10 minutes": 1, "7 hours": 60, "a week": 1440), half of it for
   * a half ("1.5 hours", "half an hour": 30), a tenth for other decimals, and
   * a round number of minutes or seconds alone to its tens or fives ("90
   * minutes": 10, but "1 hour 50 minutes": 1).
   */
  precision: number;
  bound?: 'under' | 'over' | 'about';
}

const WORD_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6],
  ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['half', 0.5], ['half a', 0.5], ['half an', 0.5], ['a half', 0.5], ['a couple of', 2], ['a couple', 2],
  ['couple of', 2], ['a dozen', 12],
]);

/** Minutes per unit, keyed by the unit as written (lower-cased). */
const UNIT_MINUTES: ReadonlyMap<string, number> = new Map([
  ['week', 10080], ['weeks', 10080], ['wk', 10080], ['wks', 10080],
  ['day', 1440], ['days', 1440], ['d', 1440],
  ['hour', 60], ['hours', 60], ['hr', 60], ['hrs', 60], ['h', 60],
  ['minute', 1], ['minutes', 1], ['min', 1], ['mins', 1], ['m', 1],
  ['second', 1 / 60], ['seconds', 1 / 60], ['sec', 1 / 60], ['secs', 1 / 60],
]);

// A "<number> <unit>" component. Groups: 1 digits, 2 number word, 3 "and a half",
// 4 separator, 5 unit. Single-letter units are checked in code (attached, lower case).
/** Finds the first component of a duration (the number must not touch a word, ":", "." or "/"). */
const FIRST_RE =
  /(?<![\w.:/$€£#-])(?:(\d{1,4}(?:\.\d{1,2})?)|(a[ \t]{1,2}couple(?:[ \t]{1,2}of)?|couple[ \t]{1,2}of|a[ \t]{1,2}dozen|half[ \t]{1,2}an?|a[ \t]{1,2}half|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ \t-](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z])|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|half))([ \t]{1,2}and[ \t]{1,2}a[ \t]{1,2}half)?([ \t]{0,2}|-)(weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|d|h|m)(?![A-Za-z])/gi;
/** A further component, after "1 hour" in "1 hour and 30 minutes" / "1h 50m" / "2 hours, 30 minutes". */
const NEXT_RE =
  /(?:[ \t]{0,2},[ \t]{0,2}|[ \t]{1,2}and[ \t]{1,2}|[ \t]{0,2})(?:(\d{1,4}(?:\.\d{1,2})?)|(a[ \t]{1,2}couple(?:[ \t]{1,2}of)?|couple[ \t]{1,2}of|a[ \t]{1,2}dozen|half[ \t]{1,2}an?|a[ \t]{1,2}half|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[ \t-](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z])|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|half))([ \t]{1,2}and[ \t]{1,2}a[ \t]{1,2}half)?([ \t]{0,2}|-)(weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|d|h|m)(?![A-Za-z])/iy;
/** "an hour and a half" */
const AND_A_HALF_RE = /[ \t]{1,2}and[ \t]{1,2}a[ \t]{1,2}half(?![A-Za-z])/iy;
/** "1h30": minutes without a unit after an attached "h". */
const BARE_MINUTES_RE = /\d{2}(?![\w.:])/y;
const LEAD_IN_RE = /\b(?:for|lasted|lasting|took|taking|last|takes|spanned|spanning)(?:[ \t]{1,2}(?:us|me|them|roughly|about|around|approximately|nearly|almost|over|under|some))?[ \t]{1,2}$/i;
const FREQUENCY_RE = /\b(?:every|each|per)[ \t]{1,2}$/i;
const AFTER_SKIP_RE = /[ \t]{1,2}(ago|later|earlier|prior|before|after)(?![A-Za-z])/iy;
const HYPHEN_ADJ_RE = /[ \t-]{1,2}(?:clock|format|notation|time)(?![A-Za-z])/iy;
const DIGIT_OR_WORD_RE = /[0-9]|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|half|couple)\b/i;

const BOUND_KIND: ReadonlyMap<string, 'under' | 'over' | 'about'> = new Map([
  ['just under', 'under'], ['less than', 'under'], ['up to', 'under'], ['at most', 'under'], ['under', 'under'], ['within', 'under'],
  ['at maximum', 'under'], ['at the maximum', 'under'], ['maximum of', 'under'], ['a maximum of', 'under'],
  ['just over', 'over'], ['more than', 'over'], ['at least', 'over'], ['longer than', 'over'], ['over', 'over'],
  ['at minimum', 'over'], ['at the minimum', 'over'], ['minimum of', 'over'], ['a minimum of', 'over'],
  ['about', 'about'], ['around', 'about'], ['approximately', 'about'], ['approx.', 'about'], ['roughly', 'about'],
  ['nearly', 'about'], ['almost', 'about'], ['some', 'about'], ['~', 'about'],
]);

/** The low end of a range right before a duration's number: "two to ", "2 - ", "2–", "2 or ". */
const RANGE_LOW_RE = /(?<![\w.:/-])(\d{1,4}(?:\.\d{1,2})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty)(?:[ \t]{1,2}(?:to|or)[ \t]{1,2}|[ \t]{0,2}[–—][ \t]{0,2}|[ \t]{1,2}-[ \t]{1,2})$/i;

function rangeLowBefore(before: string, high: number): { value: number; length: number } | undefined {
  const m = RANGE_LOW_RE.exec(before);
  if (!m) return undefined;
  const value = /^\d/.test(m[1]) ? Number(m[1]) : WORD_NUMBERS.get(m[1].toLowerCase()) ?? (m[1].toLowerCase() === 'forty-five' ? 45 : undefined);
  return value !== undefined && value < high ? { value, length: m[0].length } : undefined;
}

const WS_RE = /[ \t]+/g;
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const LEADING_PUNCTUATION_RE = /^[^\w]+/;

/**
 * A bounding word or phrase right before the number ('at most ', 'a maximum
 * of ', '~'): its kind and where it starts in `before`. Read word by word from
 * the end (words one or two blanks apart, as the scanner allows elsewhere)
 * rather than with an end-anchored pattern, which a regex engine tries at
 * every position of the text before it. The longest phrase wins.
 */
function boundBefore(before: string): { kind: 'under' | 'over' | 'about'; index: number } | undefined {
  let end = before.length;
  while (end > 0 && isBlank(before[end - 1])) end--;
  const gap = before.length - end;
  if (before[end - 1] === '~' && gap <= 2) return { kind: 'about', index: end - 1 };
  if (gap < 1 || gap > 2) return undefined;
  const words: string[] = [];
  let found: { kind: 'under' | 'over' | 'about'; index: number } | undefined;
  for (let n = 0; n < 3 && end > 0; n++) {
    let start = end;
    while (start > 0 && !isBlank(before[start - 1])) start--;
    const word = before.slice(start, end).toLowerCase();
    // '(under 5 minutes': the phrase starts after the bracket, and nothing before the bracket belongs to it.
    const lead = LEADING_PUNCTUATION_RE.exec(word)?.[0].length ?? 0;
    words.unshift(word.slice(lead));
    const kind = BOUND_KIND.get(words.join(' '));
    if (kind) found = { kind, index: start + lead };
    if (lead > 0) break;
    let blanks = 0;
    while (start > 0 && isBlank(before[start - 1])) {
      start--;
      blanks++;
    }
    if (blanks > 2) break;
    end = start;
  }
  return found;
}

interface Component {
  value: number;
  unitMinutes: number;
  /** The precision this component was written to, in minutes (see DurationMatch.precision). */
  precision: number;
  /** True for number words ("two hours") and for spelled-out units. */
  wordNumber: boolean;
  singleLetterUnit: boolean;
}

function readComponent(m: RegExpExecArray): Component | undefined {
  const [, digits, word, andHalf, sep, unitRaw] = m;
  const unit = unitRaw.toLowerCase();
  const unitMinutes = UNIT_MINUTES.get(unit);
  if (unitMinutes === undefined) return undefined;
  const single = unit.length === 1;
  // Single-letter units ("1h", "50m") must be attached, in lower case, after digits.
  if (single && (sep.length > 0 || word !== undefined || unitRaw !== unit)) return undefined;
  let value: number;
  if (digits !== undefined) value = Number(digits);
  else {
    const w = wordNumber(word.toLowerCase().replace(WS_RE, ' '));
    if (w === undefined) return undefined;
    value = w;
    // Number words need a spelled-out unit ("a m" is not a duration), and
    // "a second" is usually the ordinal ("a second time").
    if (unit.length < 3 || unitMinutes < 1) return undefined;
  }
  if (andHalf !== undefined) value += 0.5;
  return { value, unitMinutes, precision: precisionOf(digits, value, unitMinutes), wordNumber: digits === undefined, singleLetterUnit: single };
}

/** A number word, or a compound of tens and units ("twenty four", "thirty-six"). */
function wordNumber(word: string): number | undefined {
  const compound = /^(\w+)[ -](\w+)$/.exec(word);
  const tens = compound ? WORD_NUMBERS.get(compound[1]) : undefined;
  const units = compound ? WORD_NUMBERS.get(compound[2]) : undefined;
  return tens !== undefined && units !== undefined && tens % 10 === 0 && tens >= 20 && units < 10 ? tens + units : WORD_NUMBERS.get(word);
}

/** See DurationMatch.precision. */
function precisionOf(digits: string | undefined, value: number, unitMinutes: number): number {
  const fraction = value % 1;
  if (fraction !== 0) return fraction === 0.5 ? unitMinutes / 2 : unitMinutes / 10 ** (digits?.split('.')[1]?.length ?? 1);
  if (unitMinutes <= 1 && digits !== undefined && value >= 10) return (value % 10 === 0 ? 10 : value % 5 === 0 ? 5 : 1) * unitMinutes;
  return unitMinutes;
}

/** "4:21h", "1:30 hours": hours and minutes written as a clock, with an hour unit after it. */
const CLOCK_HOURS_RE = /(?<![\w.:/])(\d{1,3}):([0-5]\d)[ \t]?(?:h|hrs?|hours?)(?![A-Za-z])/g;
/**
 * What makes "4:21h" a length: "for", "of", "lasted", "took", "duration"
 * just before it. Without, it is a clock ("a las 14:30h", "um 14:30 h").
 */
const CLOCK_HOURS_LEAD_RE = /\b(?:for|of|lasted|lasting|took|taking|total|duration|downtime)[ \t]{1,2}(?:(?:about|around|approximately|roughly|nearly|almost|over|under|just|some|~)[ \t]{0,2}){0,2}$/i;

/** The first clock-written length in `text` ("a total outage of 4:21h"), precise to the minute. */
function clockHours(text: string): DurationMatch | undefined {
  CLOCK_HOURS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  do m = CLOCK_HOURS_RE.exec(text);
  while (m && !CLOCK_HOURS_LEAD_RE.test(text.slice(Math.max(0, m.index - 40), m.index)));
  if (!m) return undefined;
  const result: DurationMatch = { minutes: Number(m[1]) * 60 + Number(m[2]), index: m.index, length: m[0].length, text: m[0], precision: 1 };
  const b = boundBefore(text.slice(Math.max(0, m.index - 24), m.index));
  if (b) {
    result.bound = b.kind;
    const shift = Math.min(m.index, 24) - b.index;
    result.index -= shift;
    result.length += shift;
    result.text = text.slice(result.index, result.index + result.length);
  }
  return result;
}

/** Returns the first stated duration in `text`, or undefined. */
export function findDuration(text: string): DurationMatch | undefined {
  const inWords = findDurationInWords(text);
  const clock = text.includes(':') ? clockHours(text) : undefined;
  return clock && (!inWords || clock.index < inWords.index) ? clock : inWords;
}

/** The first duration written with units ("2 hours 30 minutes", "an hour and a half", "1h30"). */
function findDurationInWords(text: string): DurationMatch | undefined {
  if (!DIGIT_OR_WORD_RE.test(text)) return undefined;
  const re = FIRST_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const first = readComponent(m);
    if (!first) {
      re.lastIndex = m.index + 1;
      continue;
    }
    let start = m.index;
    let end = m.index + m[0].length;
    let minutes = first.value * first.unitMinutes;
    let lastUnit = first.unitMinutes;
    let precision = first.precision;
    const hyphenated = m[4] === '-';

    if (hyphenated) {
      HYPHEN_ADJ_RE.lastIndex = end;
      if (HYPHEN_ADJ_RE.test(text)) {
        re.lastIndex = end;
        continue;
      }
    }

    // "an hour and a half"
    AND_A_HALF_RE.lastIndex = end;
    if (m[3] === undefined && AND_A_HALF_RE.exec(text)) {
      minutes += first.unitMinutes / 2;
      precision = first.unitMinutes / 2;
      end = AND_A_HALF_RE.lastIndex;
    } else {
      // Further, smaller components: "2 hours 30 minutes", "1h 50m", "1 hour and 30 minutes".
      for (let k = 0; k < 3; k++) {
        NEXT_RE.lastIndex = end;
        const n = NEXT_RE.exec(text);
        if (n) {
          const c = readComponent(n);
          if (c && c.unitMinutes < lastUnit) {
            minutes += c.value * c.unitMinutes;
            lastUnit = c.unitMinutes;
            // "54 hours 10 minutes": the minutes are written out, to the minute.
            precision = c.value % 1 === 0 ? c.unitMinutes : c.precision;
            end = NEXT_RE.lastIndex;
            continue;
          }
        }
        // "1h30"
        if (k === 0 && first.singleLetterUnit && first.unitMinutes === 60) {
          BARE_MINUTES_RE.lastIndex = end;
          const b = BARE_MINUTES_RE.exec(text);
          if (b) {
            minutes += Number(b[0]);
            precision = 1;
            end += 2;
          }
        }
        break;
      }
    }

    // "two to three hours", "2–3 hours": the range, read as its middle, exact to half its width.
    const range = m[3] === undefined && minutes === first.value * first.unitMinutes ? rangeLowBefore(text.slice(Math.max(0, start - 24), start), first.value) : undefined;
    if (range) {
      minutes = ((range.value + first.value) / 2) * first.unitMinutes;
      precision = Math.max(precision, (first.value - range.value) * first.unitMinutes);
      start -= range.length;
    }
    const before = text.slice(Math.max(0, start - 24), start);
    if (FREQUENCY_RE.test(before)) {
      re.lastIndex = end;
      continue;
    }
    let bound: DurationMatch['bound'];
    const b = boundBefore(before);
    if (b) {
      bound = b.kind;
      start -= before.length - b.index;
    }
    AFTER_SKIP_RE.lastIndex = end;
    const after = AFTER_SKIP_RE.exec(text);
    if (after) {
      const word = after[1].toLowerCase();
      const introduced = bound !== undefined || LEAD_IN_RE.test(text.slice(Math.max(0, start - 24), start));
      if (!(word === 'before' || word === 'after') || !introduced) {
        re.lastIndex = end;
        continue;
      }
    }
    const result: DurationMatch = { minutes, index: start, length: end - start, text: text.slice(start, end), precision };
    if (bound) result.bound = bound;
    return result;
  }
  return undefined;
}

const PLAIN_NUMBER_RE = /^\d{1,7}(?:\.\d{1,3})?$/;
const ISO_DURATION_RE = /^P(?:(\d{1,4})W)?(?:(\d{1,4})D)?(?:T(?:(\d{1,5}(?:\.\d{1,3})?)H)?(?:(\d{1,6}(?:\.\d{1,3})?)M)?(?:(\d{1,7}(?:\.\d{1,3})?)S)?)?$/i;
const CLOCK_DURATION_RE = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/;

/**
 * Parses a front-matter duration value into minutes: "4h", "240" (a plain
 * number is minutes), "PT4H", "P1DT2H", "4 hours", "2h30m", "1:30" (h:mm).
 * Returns undefined when the whole value is not a duration.
 */
export function parseDurationValue(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  const t = text.trim();
  if (t.length === 0 || t.length > 64) return undefined;
  if (PLAIN_NUMBER_RE.test(t)) return Number(t);
  const iso = ISO_DURATION_RE.exec(t);
  if (iso) {
    if (t.length <= 2 || t.endsWith('T') || t.endsWith('t')) return undefined;
    const [, w, d, h, m, s] = iso;
    return (
      (w ? Number(w) * 10080 : 0) + (d ? Number(d) * 1440 : 0) + (h ? Number(h) * 60 : 0) + (m ? Number(m) : 0) + (s ? Number(s) / 60 : 0)
    );
  }
  const clock = CLOCK_DURATION_RE.exec(t);
  if (clock) {
    const mm = Number(clock[2]);
    const ss = clock[3] === undefined ? 0 : Number(clock[3]);
    if (mm > 59 || ss > 59) return undefined;
    return Number(clock[1]) * 60 + mm + ss / 60;
  }
  const found = findDuration(t);
  if (found && found.index === 0 && found.length === t.length) return found.minutes;
  return undefined;
}
