/**
 * Time-zone recognition: maps what postmortem authors write ("PST",
 * "GMT+1", "Eastern time", "US/Pacific", "Europe/Berlin") to a luxon zone
 * name. Pure: no I/O.
 *
 * Zone names produced:
 * - "UTC" for UTC/GMT/Z and every zero offset;
 * - fixed offsets as "UTC+1", "UTC-5", "UTC+5:30" (luxon's fixed-offset
 *   specifier) for abbreviations that name one offset (PST = UTC-8, CEST = UTC+2);
 * - IANA names ("America/Los_Angeles") for zones written without a
 *   standard/daylight distinction (PT, "Eastern time", US/Pacific, Europe/Berlin).
 */
import { IANAZone } from 'luxon';

export interface ZoneEntry {
  /** Spellings of the zone. Multi-word names use single spaces. */
  readonly names: readonly string[];
  /** The luxon zone name. */
  readonly zone: string;
  /**
   * Only match these spellings exactly as written or in all capitals:
   * for abbreviations that are also English words ("CAT", "EAT", "WET")
   * or too short to be safe in lower case ("PT", "ET").
   */
  readonly caseSensitive?: boolean;
}

/** Every zone spelling recognised besides numeric offsets and IANA names. */
export const ZONE_TABLE: readonly ZoneEntry[] = [
  { names: ['UTC', 'GMT', 'UT', 'Coordinated Universal Time', 'Universal Time', 'Greenwich Mean Time', 'Greenwich Time', 'Zulu', 'Zulu time', 'Etc/UTC', 'Etc/GMT'], zone: 'UTC' },
  { names: ['Z'], zone: 'UTC', caseSensitive: true },
  // North America
  { names: ['PST', 'Pacific Standard Time'], zone: 'UTC-8' },
  { names: ['PDT', 'Pacific Daylight Time'], zone: 'UTC-7' },
  { names: ['Pacific time', 'Pacific Prevailing Time', 'US/Pacific', 'US Pacific', 'US Pacific time', 'PT time'], zone: 'America/Los_Angeles' },
  { names: ['PT', 'Pacific'], zone: 'America/Los_Angeles', caseSensitive: true },
  { names: ['MST', 'Mountain Standard Time'], zone: 'UTC-7' },
  { names: ['MDT', 'Mountain Daylight Time'], zone: 'UTC-6' },
  { names: ['Mountain time', 'US/Mountain'], zone: 'America/Denver' },
  { names: ['MT', 'Mountain'], zone: 'America/Denver', caseSensitive: true },
  { names: ['CST', 'Central Standard Time'], zone: 'UTC-6' },
  { names: ['CDT', 'Central Daylight Time'], zone: 'UTC-5' },
  { names: ['Central time', 'US/Central', 'US Central time'], zone: 'America/Chicago' },
  { names: ['CT', 'Central'], zone: 'America/Chicago', caseSensitive: true },
  { names: ['EST', 'Eastern Standard Time'], zone: 'UTC-5' },
  { names: ['EDT', 'Eastern Daylight Time'], zone: 'UTC-4' },
  { names: ['Eastern time', 'US/Eastern', 'US Eastern time'], zone: 'America/New_York' },
  { names: ['ET', 'Eastern'], zone: 'America/New_York', caseSensitive: true },
  { names: ['AKST', 'Alaska Standard Time'], zone: 'UTC-9' },
  { names: ['AKDT', 'Alaska Daylight Time'], zone: 'UTC-8' },
  { names: ['Alaska time', 'US/Alaska'], zone: 'America/Anchorage' },
  { names: ['HST', 'Hawaii Standard Time', 'Hawaii time', 'US/Hawaii'], zone: 'UTC-10' },
  { names: ['US/Arizona', 'Arizona time'], zone: 'America/Phoenix' },
  // Europe
  { names: ['BST', 'British Summer Time'], zone: 'UTC+1' },
  { names: ['UK time', 'London time'], zone: 'Europe/London' },
  { names: ['WET', 'Western European Time'], zone: 'UTC', caseSensitive: true },
  { names: ['WEST', 'Western European Summer Time'], zone: 'UTC+1', caseSensitive: true },
  { names: ['CET', 'Central European Time'], zone: 'UTC+1' },
  { names: ['CEST', 'Central European Summer Time'], zone: 'UTC+2' },
  { names: ['EET', 'Eastern European Time'], zone: 'UTC+2' },
  { names: ['EEST', 'Eastern European Summer Time'], zone: 'UTC+3' },
  { names: ['MSK', 'Moscow time'], zone: 'UTC+3' },
  // Africa
  { names: ['WAT', 'West Africa Time'], zone: 'UTC+1', caseSensitive: true },
  { names: ['CAT', 'Central Africa Time'], zone: 'UTC+2', caseSensitive: true },
  { names: ['EAT', 'East Africa Time'], zone: 'UTC+3', caseSensitive: true },
  { names: ['SAST', 'South Africa Standard Time', 'South African Standard Time'], zone: 'UTC+2' },
  // Asia / Pacific
  { names: ['IST', 'India Standard Time', 'Indian Standard Time'], zone: 'UTC+5:30' },
  { names: ['PKT', 'Pakistan Standard Time'], zone: 'UTC+5' },
  { names: ['ICT', 'Indochina Time'], zone: 'UTC+7' },
  { names: ['WIB', 'Western Indonesia Time'], zone: 'UTC+7' },
  { names: ['SGT', 'Singapore Time', 'Singapore Standard Time'], zone: 'UTC+8' },
  { names: ['HKT', 'Hong Kong Time'], zone: 'UTC+8' },
  { names: ['PHT', 'PHST', 'Philippine Standard Time'], zone: 'UTC+8' },
  { names: ['AWST', 'Australian Western Standard Time'], zone: 'UTC+8' },
  { names: ['JST', 'Japan Standard Time'], zone: 'UTC+9' },
  { names: ['KST', 'Korea Standard Time'], zone: 'UTC+9' },
  { names: ['ACST', 'Australian Central Standard Time'], zone: 'UTC+9:30' },
  { names: ['AEST', 'Australian Eastern Standard Time'], zone: 'UTC+10' },
  { names: ['AEDT', 'Australian Eastern Daylight Time'], zone: 'UTC+11' },
  { names: ['NZST', 'New Zealand Standard Time'], zone: 'UTC+12' },
  { names: ['NZDT', 'New Zealand Daylight Time'], zone: 'UTC+13' },
  // South America
  { names: ['BRT', 'Brasilia Time'], zone: 'UTC-3' },
  { names: ['ART', 'Argentina Time'], zone: 'UTC-3', caseSensitive: true },
];

/** Region words accepted after a mistyped "US/" prefix ("UC/Pacific"). */
const US_REGION_TYPO: Readonly<Record<string, string>> = {
  pacific: 'America/Los_Angeles',
  eastern: 'America/New_York',
  central: 'America/Chicago',
  mountain: 'America/Denver',
  alaska: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  arizona: 'America/Phoenix',
};

interface Resolved {
  zone: string;
}

// Lookup tables built once from ZONE_TABLE.
const INSENSITIVE = new Map<string, Resolved>();
const SENSITIVE = new Map<string, Resolved>();
for (const entry of ZONE_TABLE) {
  for (const name of entry.names) {
    const value = { zone: entry.zone };
    if (entry.caseSensitive) {
      SENSITIVE.set(name, value);
      SENSITIVE.set(name.toUpperCase(), value);
    } else {
      INSENSITIVE.set(name.toLowerCase(), value);
    }
  }
}

const WS_RUN_RE = /\s+/g;
const OFFSET_RE = /^(?:utc|gmt|ut|z)?\s?([+\-\u2212])\s?(\d{1,2})(?::?(\d{2}))?$/i;
const IANA_SHAPE_RE = /^[A-Za-z][A-Za-z_]{0,31}(?:\/[A-Za-z0-9_+\-]{1,31}){1,2}$/;
const TYPO_US_RE = /^[A-Za-z]{1,3}\/([A-Za-z]{4,8})$/;

/** Formats a fixed offset in minutes as a luxon zone name ("UTC", "UTC+1", "UTC-5", "UTC+5:30"). */
export function offsetZoneName(totalMinutes: number): string {
  if (totalMinutes === 0) return 'UTC';
  const sign = totalMinutes < 0 ? '-' : '+';
  const abs = Math.abs(totalMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return m === 0 ? `UTC${sign}${h}` : `UTC${sign}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** Parses "+01:00", "-5", "UTC+5:30", "GMT-0800" into minutes east of UTC, or undefined. */
export function parseOffset(token: string): number | undefined {
  const m = OFFSET_RE.exec(token);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (minutes > 59) return undefined;
  const total = hours * 60 + minutes;
  const signed = m[1] === '+' ? total : -total;
  if (signed > 14 * 60 || signed < -12 * 60) return undefined;
  return signed;
}

const IANA_CACHE = new Map<string, string | null>();
// Each segment capitalised, as IANA writes them: "Europe/Berlin", "America/Argentina/Buenos_Aires".
const IANA_CONVENTIONAL_RE = /^[A-Z][A-Za-z_]{0,31}(?:\/[A-Z0-9][A-Za-z0-9_+\-]{0,31}){1,2}$/;
const SEGMENT_WORD_RE = /[A-Za-z]{1,32}/g;

/**
 * Validates an IANA name and returns it in its conventional spelling: as
 * written when already capitalised, else with each word capitalised
 * ("europe/berlin" -> "Europe/Berlin"), else the runtime's canonical name.
 */
function canonicalIana(name: string): string | undefined {
  const cached = IANA_CACHE.get(name);
  if (cached !== undefined) return cached ?? undefined;
  let result: string | null = null;
  if (IANAZone.isValidZone(name)) {
    if (IANA_CONVENTIONAL_RE.test(name)) result = name;
    else {
      const titled = name.replace(SEGMENT_WORD_RE, (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
      if (IANAZone.isValidZone(titled)) result = titled;
      else {
        try {
          result = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
        } catch {
          result = null;
        }
      }
    }
  }
  if (IANA_CACHE.size > 1024) IANA_CACHE.clear();
  IANA_CACHE.set(name, result);
  return result ?? undefined;
}

/**
 * Maps a zone as written to a luxon zone name. Returns the zone and the
 * (trimmed) text, or undefined when the token is not a zone.
 *
 * Case-insensitive except for entries flagged `caseSensitive` in ZONE_TABLE
 * (those must be written as in the table or in capitals).
 */
export function resolveZone(token: string): { zone: string; zoneText: string } | undefined {
  if (token.length === 0 || token.length > 64) return undefined;
  let t = token.trim();
  if (t.length === 0) return undefined;
  if (t.indexOf(' ') >= 0 || t.indexOf('\t') >= 0 || t.indexOf('\n') >= 0) t = t.replace(WS_RUN_RE, ' ');
  const zoneText = t;

  const exact = SENSITIVE.get(t);
  if (exact) return { zone: exact.zone, zoneText };
  const lower = t.toLowerCase();
  const loose = INSENSITIVE.get(lower);
  if (loose) return { zone: loose.zone, zoneText };

  const c0 = t.charCodeAt(0);
  if (c0 === 43 /* + */ || c0 === 45 /* - */ || c0 === 0x2212 || lower.startsWith('utc') || lower.startsWith('gmt') || lower.startsWith('ut')) {
    const offset = parseOffset(t);
    if (offset !== undefined) return { zone: offsetZoneName(offset), zoneText };
  }

  if (t.indexOf('/') > 0 && IANA_SHAPE_RE.test(t)) {
    const iana = canonicalIana(t);
    if (iana !== undefined) {
      const viaTable = INSENSITIVE.get(iana.toLowerCase());
      return { zone: viaTable ? viaTable.zone : iana, zoneText };
    }
    const typo = TYPO_US_RE.exec(t);
    if (typo) {
      const region = US_REGION_TYPO[typo[1].toLowerCase()];
      if (region !== undefined) return { zone: region, zoneText };
    }
  }
  return undefined;
}

/** A zone found in text. `end` is the offset just after it. */
export interface ZoneMatch {
  zone: string;
  zoneText: string;
  index: number;
  end: number;
}

// A zone "head": a word, optional "/Region/City" parts, optional "+1"/"-05:30" offset.
const ZONE_HEAD_RE = /[A-Za-z][A-Za-z_]{0,31}(?:\/[A-Za-z_]{1,31}){0,2}(?:[+\-\u2212]\d{1,2}(?::?\d{2})?)?/y;
// A following word of a multi-word zone name ("Eastern time", "Pacific Standard Time").
const ZONE_NEXT_WORD_RE = /[ \t]{1,2}[A-Za-z]{1,16}/y;

function isAlpha(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * "GMT + 1", "UTC +5:30": an offset written apart from UTC or GMT. Only "+":
 * "10:00 UTC - 11:00 UTC" is a range, and "UTC + 2 hours" a sum.
 */
const SPACED_OFFSET_RE = /[ \t]{0,2}\+[ \t]{0,2}\d{1,2}(?::\d{2})?(?![\d:.]|[ \t]{0,2}(?:h|hrs?|hours?|mins?|minutes?|days?|am|pm|a\.m|p\.m)\b)/iy;

function spacedOffsetAt(text: string, index: number, head: string): ZoneMatch | undefined {
  if (!/^(?:utc|gmt)$/i.test(head)) return undefined;
  SPACED_OFFSET_RE.lastIndex = index + head.length;
  const m = SPACED_OFFSET_RE.exec(text);
  if (!m || !/\s/.test(m[0])) return undefined;
  const end = index + head.length + m[0].length;
  const resolved = resolveZone(text.slice(index, end));
  return resolved && { ...resolved, index, end };
}

/**
 * Reads a zone written at `index` in `text` ("PST", "GMT+1", "Eastern time",
 * "Europe/Berlin"), preferring the longest spelling that resolves. No leading
 * whitespace or brackets are skipped.
 */
export function matchZoneAt(text: string, index: number): ZoneMatch | undefined {
  if (index > 0 && isWordChar(text.charCodeAt(index - 1))) return undefined;
  ZONE_HEAD_RE.lastIndex = index;
  const head = ZONE_HEAD_RE.exec(text);
  if (!head) return undefined;
  const headEnd = index + head[0].length;
  if (headEnd < text.length && isWordChar(text.charCodeAt(headEnd))) return undefined;
  // "EAT-ing", "CAT-like": a hyphenated word, not a zone.
  if (text.charCodeAt(headEnd) === 45 && isAlpha(text.charCodeAt(headEnd + 1))) return undefined;
  const spaced = spacedOffsetAt(text, index, head[0]);
  if (spaced) return spaced;

  // Up to three more words for names like "Pacific Standard Time".
  const ends: number[] = [headEnd];
  let pos = headEnd;
  for (let k = 0; k < 3; k++) {
    ZONE_NEXT_WORD_RE.lastIndex = pos;
    const w = ZONE_NEXT_WORD_RE.exec(text);
    if (!w) break;
    const wEnd = pos + w[0].length;
    if (wEnd < text.length && isWordChar(text.charCodeAt(wEnd))) break;
    ends.push(wEnd);
    pos = wEnd;
  }
  for (let k = ends.length - 1; k >= 0; k--) {
    const end = ends[k];
    const r = resolveZone(text.slice(index, end));
    if (r) return { zone: r.zone, zoneText: r.zoneText, index, end };
  }

  // "UTC/GMT", "UTC-15:00" (bad offset): fall back to the leading word alone.
  const word = head[0];
  let cut = 0;
  while (cut < word.length && isWordChar(word.charCodeAt(cut))) cut++;
  if (cut < word.length) {
    const r = resolveZone(word.slice(0, cut));
    if (r) return { zone: r.zone, zoneText: r.zoneText, index, end: index + cut };
  }
  return undefined;
}

/**
 * IANA cities that are also English words or product names ("Resolute",
 * "Center", "Easter", "Phoenix" the framework): never read as a zone.
 */
const CITY_WORDS: ReadonlySet<string> = new Set(['Center', 'Resolute', 'Easter', 'Christmas', 'Wake', 'Midway', 'Oral', 'Knox', 'Regina', 'Phoenix', 'Jersey', 'Guernsey', 'Stanley', 'Darwin', 'Chatham', 'Nome', 'Dawson', 'Creston', 'Beulah', 'Thule', 'Truk', 'Cocos', 'Norfolk', 'Marengo', 'Monticello', 'Petersburg', 'Vevay', 'Knox']);

let cityZones: Map<string, string> | undefined;

/** "Denver" -> "America/Denver", "New York" -> "America/New_York": the city of each IANA zone, built once. */
function cities(): Map<string, string> {
  if (cityZones) return cityZones;
  cityZones = new Map();
  let names: string[] = [];
  try {
    names = Intl.supportedValuesOf('timeZone');
  } catch {
    names = [];
  }
  for (const name of names) {
    const parts = name.split('/');
    if (parts.length < 2 || parts[0] === 'Etc' || parts[0] === 'Antarctica') continue;
    const city = parts[parts.length - 1].replace(/_/g, ' ');
    if (!CITY_WORDS.has(city) && !cityZones.has(city)) cityZones.set(city, name);
  }
  return cityZones;
}

const CITY_RE = /[A-Z][a-z]{2,15}(?:[ \-][A-Z][a-z]{1,15}){0,2}/y;
/** After a city read as a zone: "time", or where the entry's text starts (a dash, a colon, a bracket, the end). */
const AFTER_CITY_RE = /^(?:[ \t]{1,2}time\b|[ \t]{0,2}(?:[-–—:,;)\]|]|$))/;

/**
 * A clock time's zone written as the city of an IANA zone ("16:37 Denver -
 * text", "09:00 Berlin time"), capitalised as written. Only where the entry's
 * text starts after it, so "10:00 Paris team joined" is not read as a zone.
 */
export function matchCityZoneAt(text: string, index: number): ZoneMatch | undefined {
  CITY_RE.lastIndex = index;
  const m = CITY_RE.exec(text);
  if (!m) return undefined;
  // The longest run of capitalised words that names a city ("Los Angeles", "New York").
  const words = m[0].split(/(?=[ \-][A-Z])/);
  for (let n = words.length; n > 0; n--) {
    const written = words.slice(0, n).join('');
    const zone = cities().get(written.replace('-', ' ')) ?? cities().get(written);
    if (!zone) continue;
    const end = index + written.length;
    const after = AFTER_CITY_RE.exec(text.slice(end, end + 8));
    if (!after) return undefined;
    const timeWord = /time/.test(after[0]);
    return { zone: INSENSITIVE.get(zone.toLowerCase())?.zone ?? zone, zoneText: written, index, end: timeWord ? end + after[0].length : end };
  }
  return undefined;
}

// Phrases that introduce a document-wide zone: "All times in", "times are",
// "Each time is in", "Time zone:", "All in" (as in "Timeline (All in Greenwich Mean Time)").
const STATEMENT_LEAD_RE =
  /\b(?:all[ \t]+(?:times|timestamps|dates[ \t]+and[ \t]+times|times[ \t]+and[ \t]+dates|in)\b|(?:each|every)[ \t]+(?:time|timestamp)[ \t]+is\b|(?:times|timestamps)[ \t]+(?:are|were|is|in|shown|listed|given|below|above|reported|expressed)\b|time[ \t]?zones?[ \t]{0,2}[:=])/gi;
// A heading or label followed by a bracketed zone: "Timeline (UTC)", "Timeline [PST]".
const STATEMENT_BRACKET_RE = /\b(?:timeline|times?|timestamps)[ \t]{0,2}[(\[]/gi;
const FILLER_WORD_RE = /[A-Za-z]{1,16}/y;
const FILLER_WORDS: ReadonlySet<string> = new Set([
  'all', 'are', 'were', 'is', 'in', 'listed', 'shown', 'given', 'expressed', 'below', 'above',
  'reported', 'the', 'approximate', 'approximately', 'and', 'times', 'time', 'timestamps',
  'zone', 'local', 'here', 'this', 'document', 'report', 'written', 'stated',
]);

function isSkippable(code: number): boolean {
  // space, tab, '*', '_', ':', ',', '(', '[', '-', '='
  return code === 32 || code === 9 || code === 42 || code === 95 || code === 58 || code === 44 || code === 40 || code === 91 || code === 45 || code === 61;
}

function zoneAfterLead(text: string, start: number, from: number): { zone: string; zoneText: string; index: number; length: number } | undefined {
  let p = from;
  for (let round = 0; round < 6; round++) {
    let skipped = 0;
    while (p < text.length && skipped < 6 && isSkippable(text.charCodeAt(p))) {
      p++;
      skipped++;
    }
    const z = matchZoneAt(text, p);
    if (z) return { zone: z.zone, zoneText: z.zoneText, index: start, length: z.end - start };
    FILLER_WORD_RE.lastIndex = p;
    const w = FILLER_WORD_RE.exec(text);
    if (!w || !FILLER_WORDS.has(w[0].toLowerCase())) return undefined;
    p += w[0].length;
  }
  return undefined;
}

/**
 * Finds a document-level zone statement such as "All times in PST.",
 * "*(All times US/Pacific, 24-hour clock.)*", "Timeline (all times in GMT)",
 * "times are in EAT". `index`/`length` cover the statement from its first
 * word ("All", "times", "Timeline") through the zone as written.
 */
export function findZoneStatement(text: string): { zone: string; zoneText: string; index: number; length: number } | undefined {
  STATEMENT_LEAD_RE.lastIndex = 0;
  for (let m = STATEMENT_LEAD_RE.exec(text); m; m = STATEMENT_LEAD_RE.exec(text)) {
    const found = zoneAfterLead(text, m.index, m.index + m[0].length);
    if (found) return found;
  }
  STATEMENT_BRACKET_RE.lastIndex = 0;
  for (let m = STATEMENT_BRACKET_RE.exec(text); m; m = STATEMENT_BRACKET_RE.exec(text)) {
    const found = zoneAfterLead(text, m.index, m.index + m[0].length);
    if (found) return found;
  }
  return undefined;
}

/**
 * A zone named in a label or a column header: "Time (UTC)", "Start time
 * (PT)", "Time, PST", "UTC time", "Date and Time in CET". Undefined when none.
 */
export function zoneNamedIn(label: string): string | undefined {
  const stated = findZoneStatement(label);
  if (stated) return stated.zone;
  if (label.length > 120) return undefined;
  const word = /[A-Za-z][A-Za-z/_+-]{0,40}/g;
  for (let m = word.exec(label); m; m = word.exec(label)) {
    const z = matchZoneAt(label, m.index);
    if (z && z.zoneText.length > 1) return z.zone;
  }
  return undefined;
}
