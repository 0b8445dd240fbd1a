/**
 * Types shared by the time recognisers (`scan.ts`, `duration.ts`, `zones.ts`,
 * `resolve.ts`). The model builder depends on these, so they are the contract
 * between the time layer and the rest of the core. Pure: no I/O.
 */

/** A calendar date as written. `year` is absent when the text left it out ("Nov 7"). */
export interface DateParts {
  year?: number;
  month: number; // 1..12
  day: number; // 1..31
}

/** A wall-clock time as written, normalised to 24 h. */
export interface ClockParts {
  hour: number; // 0..23
  minute: number; // 0..59
  second?: number;
}

/**
 * One temporal expression recognised in a piece of text.
 *
 * Examples of what produces one:
 * - "10:00 AM (UTC)"            -> time 10:00, zone "UTC"
 * - "14:32 UTC"                 -> time 14:32, zone "UTC"
 * - "2023-11-07 10:00"          -> date 2023-11-07, time 10:00
 * - "Nov 7, 10:00 PST"          -> date ?-11-07, time 10:00, zone "UTC-8"
 * - "Day 2 09:15"               -> dayOffset 1, time 09:15
 * - "November 7, 2023"          -> date only (no `time`)
 * - "from 10:00 to 14:00 UTC"   -> time 10:00 with `end` 14:00, both zone "UTC"
 * - "~18:10", "about 3pm"       -> approximate: true
 */
export interface TimeExpression {
  /** Offset of the first character of the expression in the scanned text (UTF-16 units). */
  index: number;
  /** Length of the expression in the scanned text. */
  length: number;
  /** The exact source text of the expression. */
  text: string;
  date?: DateParts;
  /** "Day 2" -> 1: days after the incident's first day. */
  dayOffset?: number;
  time?: ClockParts;
  /**
   * The zone as a luxon zone name: an IANA name ("America/Los_Angeles"), "UTC",
   * or a fixed offset "UTC+1" / "UTC-7". Absent when the text names none.
   */
  zone?: string;
  /** The zone as written ("PST", "GMT+1", "Eastern time"). */
  zoneText?: string;
  /** The end of a range ("10:00 - 11:30 AM", "from 10:00 to 14:00"). */
  end?: {
    /** Offset of the end's first character in the scanned text. */
    index?: number;
    date?: DateParts;
    time?: ClockParts;
    zone?: string;
    zoneText?: string;
  };
  approximate?: boolean;
  /**
   * Set when an all-numeric date ("04-12-2022") had two different values both
   * <= 12, so its reading depended on `ScanOptions.dayFirst` (or the default).
   */
  ambiguousDate?: boolean;
  /** A weekday written with the date ("Friday March 2nd, 2019"): 1 = Monday .. 7 = Sunday. */
  weekday?: number;
  /**
   * Set when the text looked like a timestamp but could not be read as one
   * ("25:61", "13:00 AM", "2023-13-45 10:00"). Rules report these as
   * unparseable timestamps; `time`/`date` are then absent.
   */
  invalid?: string;
  /**
   * Set when the text is written wrongly though its time is clear ("13:00
   * PM": a 24-hour time its PM agrees with): `time` is read as written, and
   * rules report the notation as they report an invalid timestamp.
   */
  notation?: string;
}

export interface ScanOptions {
  /**
   * How to read an all-numeric date whose day and month are both <= 12
   * ("04-12-2022"): `true` reads day first (4 December), `false` month first
   * (12 April). Unambiguous dates ("13-04-2022", "2022-04-12") ignore this.
   * When absent the separator decides: "/" reads month first (US style),
   * "-" and "." read day first.
   */
  dayFirst?: boolean;
}
