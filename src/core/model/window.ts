/**
 * The incident window: start, end, stated duration, date and zone, read only
 * from what the document states about the incident, in named phases:
 *
 * 1. `readZone`: front matter, a statement ("All times in PST"), the
 *    summary's timestamps, the timeline's, the config.
 * 2. `readDay`: front matter, the summary, the title, the file name.
 * 3. `readFrontMatterWindow`: `start`/`end`/`duration` keys (and a `date`
 *    paired with an end key, as status pages write them).
 * 4. `readFields`: labelled lines ("Start Time: …", "Duration: …").
 * 5. `readProse`: ranges ("from 10:00 to 14:00 UTC", "between 12:17 and
 *    12:30"), and single times only where the sentence speaks of the
 *    incident ("the outage began at 10:00"), never a narrative time
 *    ("traffic started building around 6pm"). A duration is the incident's
 *    length unless it says how long the incident went unseen ("wasn't
 *    noticed for nearly 12 hours").
 * 6. `readMetrics`: times from the start to a milestone, wherever the
 *    document states them ("Time to detection: 7 hours", "MTTR: 54h10m").
 *
 * Each point keeps its source, so a check can tell a stated window from one
 * the timeline's own markers gave (see model/index.ts).
 */
import { DateTime } from 'luxon';
import type { FrontMatter, IncidentMetric, IncidentWindow, StatedSpan, WindowPoint } from '../types.js';
import type { TimeExpression } from '../time/types.js';
import { addDays, findDuration, findZoneStatement, formatInstant, parseDurationValue, resolveDay, resolvePoint, resolveZone, scanTimes, zoneNamedIn } from '../time/index.js';
import type { ResolveContext, ResolvedPoint } from '../time/index.js';
import { columnAt, trimEndOf, type TextLine } from './text.js';
import { joinWrapped, locate, sentenceEnd, sentenceStart } from './sentences.js';

export interface WindowInput {
  frontMatter: FrontMatter | null;
  /** Lines of the summary, impact and "date" sections and of the text before the first section. */
  summaryLines: TextLine[];
  /** Every line of the document, for "All times in PST" statements. */
  allLines: TextLine[];
  /** Lines that may carry the incident's date (title, intro), in order of preference. */
  dateLines: TextLine[];
  /** Plain lines of other sections (the timeline's notes) that may state the window in a field ("Total impact duration: 5 h (10:45 - 16:11 UTC)"). */
  fieldLines?: TextLine[];
  path: string;
  /** The zone most timeline entries are written in, if they name one. */
  timelineZone?: { zone: string; zoneText: string; line: number };
  defaultZone?: string;
  dayFirst?: boolean;
}

export interface WindowResult {
  incident: IncidentWindow;
  dayFirst: boolean;
  /** Whether the document names a zone anywhere (not only the config's default); the timeline may still find one. */
  zoneWritten: boolean;
  /** The timeline states several windows ("Duration: …" under each of four incidents): the document reports more than one incident. */
  several: boolean;
  /**
   * Gives a start and end that were read without a date ("9:55 AM GMT+1 to
   * 11:20 AM GMT+1") the date learnt later (from the timeline), so that they
   * resolve to instants; an end before the start moves to the next day.
   */
  redate(date: string): void;
  /** Whether the end was stated with a clock time only ("concluding at 14:24 UTC"): its day is the reader's guess. */
  endUndated(): boolean;
}

type Source = NonNullable<WindowPoint['source']>;

interface UndatedPoint {
  time: NonNullable<TimeExpression['time']>;
  zone?: string;
  line: number;
  column: number;
}

/** What the phases fill in, one after the other. */
interface Draft {
  incident: IncidentWindow;
  ctx: ResolveContext;
  dayFirst: boolean;
  /** Start and end read without a date, kept to re-date them. */
  undated: { start?: UndatedPoint; end?: UndatedPoint };
  /** The duration came from front matter or from a field that says it is the total (see setTotalDuration). */
  durationIsTotal?: boolean;
}

interface ScannedLine {
  line: TextLine;
  exprs: TimeExpression[];
}

type Role = 'start' | 'end' | 'range' | 'duration' | 'date' | null;

const LABEL = /^([^:]{1,48}):\s{0,8}([\s\S]*)$/;
const START_LABEL = /\b(?:start|started|starting|began|begin|beginning|onset|from|detected|commenced)\b/i;
const END_LABEL = /\b(?:end|ended|ending|resolved|resolution time|recovered|restored|until|closed|mitigated)\b/i;
/**
 * "**Incident Description**: The team detected … starting at 23:15 UTC … A planned restart at 00:30 UTC did not
 * resolve the issue": a label over the story, whose times are read as prose, not as the incident's range.
 */
const NARRATIVE_LABEL = /\b(?:description|summary|overview|details|narrative|background|explanation|analysis|notes?)\b/i;
const RANGE_LABEL = /\b(?:duration|outage|period|window|timeframe|time frame|when|time|date|dates|occurred|incident)\b/i;
/** The words of a field's value right before its one time, saying it is the start: "Started at", "Began around", "from". */
const STARTED_AT = /^[\s*_]{0,4}(?:(?:it|the[ \t]+(?:outage|incident|issue))[ \t]+)?(?:start(?:ed|s|ing)?|began|begins?|commenced)(?:[ \t]+(?:at|on|around|about|approximately))?[\s*_]{0,4}$|^[\s*_]{0,4}(?:from|since)[\s*_]{0,4}$/i;
/** A range that says when the impact began ("…, users began to experience…"), not the window. */
const BEGAN_WITHIN = /\b(?:began|begin|begins|started|starts)[ \t]{1,3}to[ \t]{1,3}(?:experience|see|notice|report|receive|get|hit|fail|time[ \t]out)\b/i;
const START_WORD = /\b(?:start\w{0,3}|began|begin\w{0,3}|commenc\w{0,3}|from|between|since|onset|first)\b/gi;
const END_WORD = /\b(?:end(?:s|ed|ing)?|until|till|conclud\w{0,3}|finish\w{0,3}|resolved|restored|recovered|fixed|mitigated|back)\b|\b(?:and|to|through)[ \t]{1,3}(?:(?:about|around|approximately|roughly)[ \t]{1,3})?$/gi;
/**
 * Words that make a sentence a statement about the incident itself (its
 * impact, the service, the people affected), as opposed to a narrative time
 * about something else ("traffic started building around 6pm").
 */
const INCIDENT_WORD =
  /\b(?:outages?|incidents?|issues?|problems?|downtime|disruptions?|degradation|degraded|impact\w{0,3}|errors?|failures?|failing|failed|fail|down|unavailable|inaccessible|unreachable|unresponsive|broken|affected|services?|site|website|api|app|servers?|systems?|users?|customers?|5\d\d|restored|resolved|recovered|mitigated|delay(?:s|ed)?)\b/i;
/**
 * Words that say a prose duration is how long the incident lasted ("lasted 45
 * minutes", "down for 66 minutes", "took us 9 hours", "limited to under 3
 * hours"). A bounding word alone ("at least two weeks before expiry") is not enough.
 */
const DURATION_CONTEXT =
  /\b(?:lasted|lasting|lasts|last|for|duration|length|bounded|took|takes|spanning|spanned|down|outage|downtime|unavailable|unusable|offline|inaccessible|limited|total)\b/i;
/**
 * "wasn't noticed for nearly 12 hours", "took 3 hours to detect": how long
 * the incident went unseen, not how long it lasted.
 */
/** "…not aware of a problem until", "nobody noticed until": a time that ends the not knowing, not the incident. */
const UNAWARE_UNTIL = /\b(?:not|n['’]t|never|nobody|no[ \t]one)\b[^.;]{0,40}\b(?:aware|notic\w{0,4}|know|knew|realis\w{0,3}|realiz\w{0,3}|detect\w{0,4})\b[^.;]{0,40}\b(?:until|till)[ \t]{1,3}(?:about[ \t]|around[ \t]|approximately[ \t])?$/i;
const DETECTION_DELAY = /\b(?:notic\w{0,4}|detect\w{0,4}|unnoticed|undetected|unseen|aware|discover\w{0,4})\b[^.;]{0,12}$/i;
const DETECTION_AFTER = /^[ \t]+(?:(?:to|before|until)[ \t]+(?:\w{1,12}[ \t]+)?(?:notic|detect|discover|identif|find|found|spot)|\(?(?:undetected|unnoticed|unseen)\b)/i;
/**
 * "it took about 1.5 hours to get a new deploy out", "2 hours to write the
 * patch": how long shipping a fix took, not the incident's length ("7 hours
 * to debug, fix and test, and … operational again" may well be).
 */
const TASK_AFTER = /^[ \t]+to[ \t]+(?:get[ \t]+(?:a|the)[ \t]+(?:\w+[ \t]+)?(?:deploy|fix|build|release|patch)|deploy|build|ship|roll[ \t]+out|release|write|push|merge)\b/i;
/** "an outage of unknown length", "the start time is not fully known". */
const START_UNKNOWN = /\b(?:unknown|not[ \t]+(?:fully[ \t]+|exactly[ \t]+)?known|unclear|uncertain)\b/i;
/**
 * The label of a metric measured from the incident's start: "Time to
 * detection", "Mean time to recover", "TTD", "MTTR", "Detection delay",
 * "Recovery time". Group 1, 2 or 3: the milestone's word.
 */
const METRIC_LABEL =
  /\b(?:mean[ \t]+)?time[ \t-]+(?:to|until|till)[ \t-]+(detect\w{0,3}|discover\w{0,3}|notic\w{0,3}|mitigat\w{0,4}|recover\w{0,3}|restor\w{0,6}|resol\w{0,6}|repair\w{0,3}|fix\w{0,3})|\bm?tt([dmr])\b|\b(detection|mitigation|recovery|resolution|restoration)[ \t]+(?:delay|time)\b/i;
/** "Time to own", "Time to acknowledge", "Time until escalation": a metric this model does not measure. */
const OTHER_METRIC = /\btime[ \t-]+(?:to|until|till)[ \t-]+\p{L}/iu;
/** A field elsewhere that states the window: "Total impact duration:", "Outage window:", "Downtime:". */
const WINDOW_FIELD = /\b(?:duration|window|downtime)\b/i;

/** "# Outage Duration: August 18, 2024, 01:00 AM - 03:30 AM (UTC)": a window field written as a heading. */
export function isWindowFieldHeading(text: string): boolean {
  const m = LABEL.exec(text);
  return m !== null && WINDOW_FIELD.test(m[1]) && /\d/.test(m[2]);
}
/** How far a sentence is read around a time (a paragraph without full stops is not one sentence). */
const SENTENCE_REACH = 160;
const DURATION_RANGE = /^[ \t]{0,2}(?:-|–|to|or)[ \t]{0,2}\d/;
/** "a 7 minute cascading failure", "a 45-minute outage": a length that names the incident right after it. */
const OF_THE_INCIDENT = /^[ \t]{0,2}(?:[A-Za-z-]{3,20}[ \t]{1,2})?(?:outage|failure|incident|downtime|disruption|interruption|degradation|service[ \t]{1,2}outage)\b(?![ \t]{1,2}(?:review|report|call|meeting|retro|response|process))/i;
const PER_OCCURRENCE = /\b(?:each|every|per|additional|extra|another|further)\b/i;
/** "~5min delay for a response", "a 30 s timeout": how slow something was, or a setting; not how long the incident lasted. */
const A_DELAY = /^[ \t]{0,2}(?:of[ \t]{1,3})?(?:delays?|latency|lag|timeouts?|ttl|intervals?|response[ \t]times?|wait(?:ing)?[ \t]times?)\b/i;
/** "For the past two weeks we had not been able to deploy": a look back over what led up to it, not its length. */
/** "Monitor for 48 hours post-remediation", "keep watching for a week": a period after the incident, not its length. */
const WATCH_PERIOD = /\b(?:monitor(?:ed|ing)?|watch(?:ed|ing)?|observ(?:e|ed|ing)|wait(?:ed|ing)?|retain(?:ed)?)\b[^.;:]{0,16}$/i;
const LOOK_BACK = /\b(?:the|these)[ \t]{1,3}(?:past|last|previous|preceding|prior)[ \t]{1,3}(?:(?:about|around|nearly|almost|over)[ \t]{1,3})?$/i;
const FM_START = ['start', 'started', 'started_at', 'start_time', 'startTime', 'began', 'begin'];
const FM_END = ['end', 'ended', 'ended_at', 'end_time', 'endTime', 'resolved_at', 'resolvedAt', 'resolvedWhen', 'resolved_when'];
const FM_DURATION = ['duration', 'duration_minutes', 'durationMinutes'];
const FM_ZONE = ['timezone', 'time_zone', 'timeZone', 'tz'];
const FM_DATE = ['date', 'incident_date', 'incidentDate', 'day'];
/** "Last updated: 2022-05-25", "Published 1 August": when the page was written, not when the incident happened. */
const STAMP_LABEL = /^[\s*_]{0,4}(?:last[ \t]{1,3})?(?:updated|modified|edited|revised|published|posted|written|reviewed)\b/i;
/** A line that is one Hugo shortcode: `{{< figure … >}}`, `{{% note %}}`. */
const SHORTCODE = /^\s*\{\{[<%][^\n]*[>%]\}\}\s*$/;
const PATH_DATE = /(?:^|[^0-9])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![0-9])/;

export function readWindow(input: WindowInput): WindowResult {
  const timezone = readZone(input);
  const dayFirst = input.dayFirst ?? dayFirstFor(timezone?.zone ?? input.defaultZone);
  // A Hugo shortcode's attributes (`{{< figure alt="A graph … at 13:52 … at 13:58" >}}`) describe an image, not the incident.
  const lines = input.summaryLines.filter((line) => !SHORTCODE.test(line.text)).map((line) => ({ line, exprs: scanTimes(line.text, { dayFirst }) }));
  const draft: Draft = {
    incident: {},
    ctx: { zone: timezone?.zone ?? input.defaultZone, date: readDay(input, lines, dayFirst) },
    dayFirst,
    undated: {},
  };
  if (timezone) draft.incident.timezone = timezone;
  else if (input.defaultZone) draft.incident.timezone = { zone: input.defaultZone, text: input.defaultZone, source: 'config' };

  readFrontMatterWindow(draft, input.frontMatter);
  const prose = readFields(draft, lines);
  readProse(draft, prose);
  const notes = (input.fieldLines ?? []).filter((line) => WINDOW_FIELD.test(LABEL.exec(line.text)?.[1] ?? ''));
  // Several window fields in the timeline ("Duration: 21:45 to 23:28" under each of four incidents): no one window is the document's.
  const windows = notes.filter((line) => scanTimes(line.text, { dayFirst }).some((e) => e.time));
  if (windows.length <= 1) readFields(draft, notes.map((line) => ({ line, exprs: scanTimes(line.text, { dayFirst }) })));
  const metrics = readMetrics(input.allLines);
  if (metrics.length > 0) draft.incident.metrics = metrics;
  const spans = [...lines, ...notes.map((line) => ({ line, exprs: scanTimes(line.text, { dayFirst }) }))].flatMap(spansOf);
  if (spans.length > 0) draft.incident.spans = spans;
  if (draft.ctx.date) draft.incident.date = draft.incident.start?.date ?? draft.ctx.date;
  return {
    incident: draft.incident,
    dayFirst,
    zoneWritten: timezone !== undefined,
    several: windows.length > 1,
    redate: (date) => redate(draft, date),
    endUndated: () => draft.undated.end !== undefined && draft.incident.end?.line === draft.undated.end.line,
  };
}

// ---------------------------------------------------------------------------
// Phase 1: the zone

function readZone(input: WindowInput): IncidentWindow['timezone'] {
  const fm = input.frontMatter;
  const fmZone = field(fm?.data, FM_ZONE);
  if (fmZone) {
    const z = resolveZone(String(fmZone.value));
    if (z) return { zone: z.zone, text: String(fmZone.value), source: 'front-matter', line: fm!.keyLines[fmZone.key] ?? fm!.line };
  }
  // Front-matter timestamps with an offset ("2022-10-14T18:25:00.000Z") name their zone.
  for (const key of [...FM_START, ...FM_END, ...FM_DATE]) {
    const value = fm?.data?.[key];
    const text = value instanceof Date ? '' : typeof value === 'string' ? value : '';
    const offset = /T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
    const zone = offset && resolveZone(offset[1] === 'Z' ? 'UTC' : offset[1]);
    if (zone) return { zone: zone.zone, text: offset[1], source: 'front-matter', line: fm!.keyLines[key] ?? fm!.line };
  }
  for (const line of input.allLines) {
    if (!/time|zone|\ball\b/i.test(line.text)) continue;
    const st = findZoneStatement(line.text);
    if (st) return { zone: st.zone, text: st.zoneText, source: 'statement', line: line.line };
  }
  for (const line of input.summaryLines) {
    const e = scanTimes(line.text).find((x) => x.zone || x.end?.zone);
    if (e) return { zone: (e.zone ?? e.end!.zone)!, text: (e.zoneText ?? e.end!.zoneText)!, source: 'window', line: line.line };
    const label = labelOf(line);
    if (label?.zone && label.role) return { zone: label.zone, text: label.zone, source: 'window', line: line.line };
  }
  const t = input.timelineZone;
  return t && { zone: t.zone, text: t.zoneText, source: 'timeline', line: t.line };
}

/** US and Canadian zones write month first; nearly everyone else writes day first. */
function dayFirstFor(zone: string | undefined): boolean {
  if (!zone) return false;
  if (/^America\/|^US\/|^Canada\//.test(zone)) return false;
  const offset = /^UTC([+-]\d{1,2})/.exec(zone);
  if (offset) return Number(offset[1]) >= -2;
  return zone !== 'UTC';
}

// ---------------------------------------------------------------------------
// Phase 2: the day

function readDay(input: WindowInput, lines: ScannedLine[], dayFirst: boolean): string | undefined {
  const fmDate = field(input.frontMatter?.data, FM_DATE) ?? field(input.frontMatter?.data, FM_START);
  const fromFrontMatter = fmDate && dateFromValue(fmDate.value, dayFirst);
  if (fromFrontMatter) return fromFrontMatter;
  const fromSummary = firstDate(lines.filter((l) => !STAMP_LABEL.test(l.line.text)).flatMap((l) => l.exprs));
  if (fromSummary) return fromSummary;
  for (const line of input.dateLines) {
    const d = firstDate(scanTimes(line.text, { dayFirst }));
    if (d) return d;
  }
  const m = PATH_DATE.exec(input.path);
  return m ? resolveDay({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : undefined;
}

function firstDate(exprs: TimeExpression[]): string | undefined {
  for (const e of exprs) {
    const d = e.date && e.date.year !== undefined ? resolveDay(e.date) : undefined;
    if (d) return d;
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

// ---------------------------------------------------------------------------
// Phase 3: front matter

function readFrontMatterWindow(draft: Draft, fm: FrontMatter | null): void {
  const data = fm?.data;
  if (!fm || !data) return;
  const lineOf = (key: string) => fm.keyLines[key] ?? fm.line;
  const end = field(data, FM_END);
  // A status page's `date` is when the incident began when an end key pairs with it.
  const start = field(data, FM_START) ?? (end ? field(data, FM_DATE) : undefined);
  if (start) setPoint(draft, 'start', pointFromValue(start.value, draft.ctx, draft.dayFirst, lineOf(start.key)));
  if (end) {
    const ctx = { ...draft.ctx, date: draft.incident.start?.date ?? draft.ctx.date };
    setPoint(draft, 'end', pointFromValue(end.value, ctx, draft.dayFirst, lineOf(end.key)));
  }
  const duration = field(data, FM_DURATION);
  if (duration) {
    const minutes = typeof duration.value === 'number' ? duration.value : parseDurationValue(String(duration.value));
    if (minutes !== undefined) {
      const precision = typeof duration.value === 'number' ? 1 : findDuration(String(duration.value))?.precision ?? 1;
      draft.incident.duration = { minutes, text: String(duration.value), precision, line: lineOf(duration.key), column: 1 };
      draft.durationIsTotal = true;
    }
  }
}

function pointFromValue(value: unknown, ctx: ResolveContext, dayFirst: boolean, line: number): WindowPoint | undefined {
  const text = value instanceof Date ? value.toISOString() : String(value);
  const iso = DateTime.fromISO(text, { setZone: true, zone: ctx.zone ?? 'UTC' });
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text);
  if (iso.isValid && /T|\s\d/.test(text) && (hasOffset || ctx.zone)) {
    return { time: formatInstant(iso), epoch: iso.toMillis(), date: iso.toISODate()!, order: iso.toMillis(), line, column: 1, source: 'front-matter' };
  }
  const e = scanTimes(text, { dayFirst }).find((x) => x.time);
  if (!e || !e.time) return undefined;
  return toPoint(resolvePoint(e.date, e.time, e.zone, ctx), line, 1, 'front-matter');
}

// ---------------------------------------------------------------------------
// Phase 4: labelled fields ("Start Time: …", "Duration: …"); returns the other lines

function readFields(draft: Draft, lines: ScannedLine[]): ScannedLine[] {
  const prose: ScannedLine[] = [];
  for (const scanned of lines) {
    const { line } = scanned;
    const label = labelOf(line);
    if (label?.metric || label?.document) continue;
    if (label?.total) setTotalDuration(draft, line, label.offset);
    if (!label?.role) {
      prose.push(scanned);
      continue;
    }
    // "Start Time (UTC): 10:00": the label names the zone of the value.
    const zone = label.zone;
    const timed = scanned.exprs
      .filter((e) => e.index >= label.offset && e.time)
      .map((e) => (zone && !e.zone && !e.end?.zone ? { ...e, zone, end: e.end && { ...e.end, zone } } : e));
    switch (label.role) {
      case 'start':
      case 'end': {
        // "Start Time: 10:00 AM EAT, End Time: 12:00 PM EAT": a second field on the same line.
        let role = label.role;
        timed.forEach((e, k) => {
          if (k > 0) {
            const between = line.text.slice(timed[k - 1].index + timed[k - 1].length, e.index);
            role = END_LABEL.test(between) ? 'end' : START_LABEL.test(between) ? 'start' : role;
            if (!/:/.test(between)) return;
          }
          if (role === 'end') setEnd(draft, e.date, e.time!, e.zone, line, columnAt(line, e.index), 'field');
          else if (e.end) setRange(draft, e, line, 'field', e.date);
          else setStart(draft, e, line, 'field');
        });
        break;
      }
      default: {
        const range = timed.find((e) => e.end?.time);
        if (range) setRange(draft, range, line, 'field', range.date);
        else if (timed.length >= 2) {
          setStart(draft, timed[0], line, 'field');
          setEnd(draft, timed[1].date, timed[1].time!, timed[1].zone, line, columnAt(line, timed[1].index), 'field');
        } else if (timed.length === 1 && STARTED_AT.test(line.text.slice(label.offset, timed[0].index))) {
          // "Duration: Started at 10:00 am GMT on 3rd June 2023, lasting 37 minutes": the start, and the length.
          setStart(draft, timed[0], line, 'field');
        }
        setDuration(draft, line.text.slice(label.offset), line, label.offset, false);
      }
    }
  }
  return prose;
}

interface Label {
  role: Role;
  offset: number;
  /** "Total downtime:", "Total time until resolved:": its duration is the whole incident's. */
  total?: boolean;
  zone?: string;
  /** A metric's label ("Time to detection"): not a field of the window. */
  metric?: IncidentMetric['milestone'];
  /** A field of the document, not of the incident ("Reported:", "Last updated:", "Published:"). */
  document?: boolean;
}

function labelOf(line: TextLine): Label | null {
  const m = LABEL.exec(line.text);
  if (!m) return null;
  const label = m[1].replace(/^[\s•·*\-–]+/, '');
  if (/\d{1,2}$/.test(label.trim())) return null; // "10:00" is a time, not a label
  // "Time to recovery: 54 hours 10 minutes" is a metric; "Resolution time: 16:11" is the end.
  const metric = milestoneOf(label);
  if (metric && !scanTimes(m[2]).some((e) => e.time)) return { role: null, offset: m[1].length + 1, metric };
  // "Time to own: ~4.3 days", "Time to acknowledge": a span to a milestone of its own, not the incident's length
  // ("Total time until resolved" is the whole).
  if (!metric && OTHER_METRIC.test(label) && !TOTAL_LABEL.test(label)) return { role: null, offset: m[1].length + 1 };
  // "Total investigation time: 35 minutes", "Time spent debugging": how long a piece of the work took, not the incident.
  if (WORK_TIME.test(label)) return { role: null, offset: m[1].length + 1 };
  if (DOCUMENT_LABEL.test(label.trim())) return { role: null, offset: m[1].length + 1, document: true };
  const zone = zoneNamedIn(label);
  const start = START_LABEL.test(label);
  const end = END_LABEL.test(label);
  let role: Role = null;
  if (start && !end) role = 'start';
  else if (end && !start) role = 'end';
  else if (RANGE_LABEL.test(label) && !NARRATIVE_LABEL.test(label)) role = /duration/i.test(label) ? 'duration' : /date/i.test(label) ? 'date' : 'range';
  const found: Label = { role, offset: m[1].length + 1 };
  if (TOTAL_LABEL.test(label)) found.total = true;
  if (zone) found.zone = zone;
  return found;
}

/**
 * "**Reported**: 2026-06-11 15:00 CDT", "Last updated:", "Published:": when the
 * report was written or changed, which says nothing of when the incident began.
 */
const DOCUMENT_LABEL = /^\W{0,4}(?:reported|report(?:ed)?[ \t]+(?:on|at|date)|date[ \t]+of[ \t]+(?:the[ \t]+)?report|(?:last[ \t]+)?(?:updated|modified|edited|revised)|published|posted|written|authored)\W{0,4}$/i;

/** A label that opens with "Total" or "Overall": what follows it is the whole. */
const TOTAL_LABEL = /^\W{0,4}(?:total|overall)\b/i;
/** The time a piece of the work took: "Total investigation time", "Debugging time", "Time spent on analysis". */
const WORK_TIME = /\b(?:investigation|investigating|debugging|analysis|triage|review|meeting|effort|engineering)[ \t]+time\b|\btime[ \t]+spent\b/i;

/**
 * "Duration: Dark outage: 8 hours, Full outage: ~56 hours, Total time until
 * resolved: about 68 hours": a field that says it is the total gives the
 * incident's length, over a phase's length read before it from a field or
 * prose. The first total stands (a log of incidents gives one each).
 */
function setTotalDuration(draft: Draft, line: TextLine, offset: number): void {
  if (draft.durationIsTotal) return;
  const before = draft.incident.duration;
  if (before) delete draft.incident.duration;
  setDuration(draft, line.text.slice(offset), line, offset, false);
  if (draft.incident.duration) draft.durationIsTotal = true;
  else if (before) draft.incident.duration = before;
}

/** The milestone a metric's label measures to ("Time to recovery": recovery), if it is one. */
function milestoneOf(label: string): IncidentMetric['milestone'] | undefined {
  const m = METRIC_LABEL.exec(label);
  if (!m) return undefined;
  const word = (m[1] ?? m[2] ?? m[3]).toLowerCase();
  if (/^(?:d|detect|discover|notic)/.test(word)) return 'detection';
  if (/^(?:m|mitigat)/.test(word)) return 'mitigation';
  if (/^(?:resol|fix)/.test(word)) return 'resolution';
  return 'recovery';
}

// ---------------------------------------------------------------------------
// Phase 6: metrics ("Time to detection: 7 hours"), anywhere in the document

function readMetrics(lines: TextLine[]): IncidentMetric[] {
  const metrics: IncidentMetric[] = [];
  const phases = phaseLines(lines);
  for (const line of lines) {
    const label = labelOf(line);
    if (!label?.metric || phases.has(line.line)) continue;
    const value = line.text.slice(label.offset);
    const d = findDuration(value);
    // The value is the duration itself ("7 hours", "~54h10m"), not a sentence that mentions one.
    if (!d || value.slice(0, d.index).trim().replace(/[*_~]/g, '').length > 0) continue;
    const name = trimEndOf(LABEL.exec(line.text)![1].replace(/^[\s•·*\-–]+/, ''), '*_').trim();
    metrics.push({ milestone: label.metric, label: name, minutes: d.minutes, text: d.text, precision: d.precision, line: line.line, column: columnAt(line, label.offset + d.index) });
  }
  return metrics;
}

// ---------------------------------------------------------------------------
// Durations beside their range ("Duration: ~6 hours (3am - 11:30am HKT)", "10:00–14:00 UTC (4 hours)")

/** What may sit between a duration and the range it measures: a bracket, a dash or a comma, and "from". */
const DURATION_THEN_RANGE = /^[ \t]{0,2}[([,:–—-]?[ \t]{0,2}(?:from[ \t]{1,3})?$/i;
const RANGE_THEN_DURATION = /^[ \t]{0,2}[)\]]?[ \t]{0,2}[([,:–—-]?[ \t]{0,2}(?:lasting|for|or|i\.e\.|that[ \t]is)?[ \t]{0,2}$/i;

function spansOf({ line, exprs }: ScannedLine): StatedSpan[] {
  const ranges = exprs.filter((e) => e.time && e.end?.time);
  if (ranges.length === 0) return [];
  const spans: StatedSpan[] = [];
  let base = 0;
  for (let guard = 0; guard < 8; guard++) {
    const d = findDuration(line.text.slice(base));
    if (!d) break;
    const at = base + d.index;
    const end = at + d.length;
    const range = ranges.find((e) => (e.index >= end && DURATION_THEN_RANGE.test(line.text.slice(end, e.index))) || (e.index + e.length <= at && RANGE_THEN_DURATION.test(line.text.slice(e.index + e.length, at))));
    const minutes = range ? rangeMinutes(range) : [];
    if (range && minutes.length > 0) {
      const duration: StatedSpan['duration'] = { minutes: d.minutes, text: d.text, precision: d.precision };
      if (d.bound) duration.bound = d.bound;
      spans.push({ duration, line: line.line, column: columnAt(line, at), range: { text: range.text, column: columnAt(line, range.index), minutes } });
    }
    base = end;
  }
  return spans;
}

/**
 * The minutes a range spans: from its start's day and time to its end's
 * (the end's day is the start's when it names none, and the next when it
 * would come first). Two readings when the start has no AM or PM of its own
 * ("10:30 to 2:30 AM"); none for a range across days of unknown years.
 */
function rangeMinutes(e: TimeExpression): number[] {
  const from = e.time!;
  const to = e.end!.time!;
  const clock = to.hour * 60 + to.minute - (from.hour * 60 + from.minute);
  const startDay = e.date?.year !== undefined && e.date.month !== undefined && e.date.day !== undefined ? Date.UTC(e.date.year, e.date.month - 1, e.date.day) : undefined;
  const endDate = e.end!.date;
  const endDay = endDate ? (endDate.year !== undefined && endDate.month !== undefined && endDate.day !== undefined ? Date.UTC(endDate.year, endDate.month - 1, endDate.day) : undefined) : startDay;
  if (endDate && (startDay === undefined || endDay === undefined)) return [];
  const days = startDay !== undefined && endDay !== undefined ? (endDay - startDay) / 86_400_000 : 0;
  let minutes = days * 24 * 60 + clock;
  if (minutes < 0 && !endDate) minutes += 24 * 60;
  if (minutes < 0) return [];
  // One AM or PM, the end's ("10:30 to 2:30 AM"): the start may be in either half of the day.
  const marks = e.text.match(/\d[ \t]?[ap]\.?m\b/gi)?.length ?? 0;
  return marks === 1 && !endDate && minutes > 720 ? [minutes, minutes - 720] : [minutes];
}

/**
 * Lines of "Time to …" figures, one under the other, that shrink somewhere
 * ("Time to diagnose: 5 minutes", "Time to fix: 3 minutes"): the lengths of
 * phases, one after the other. Times from the start only grow. The first
 * phase, when it is the time to detection, is counted from the start either way.
 */
function phaseLines(lines: TextLine[]): Set<number> {
  const phases = new Set<number>();
  let run: Array<{ line: number; minutes: number; label: string }> = [];
  const close = () => {
    if (run.some((r, i) => i > 0 && r.minutes < run[i - 1].minutes)) {
      for (const [i, r] of run.entries()) if (i > 0 || milestoneOf(r.label) !== 'detection') phases.add(r.line);
    }
    run = [];
  };
  for (const line of lines) {
    const m = LABEL.exec(line.text);
    const figure = m && OTHER_METRIC.test(m[1]) ? findDuration(line.text.slice(m[1].length + 1)) : undefined;
    if (!figure) continue;
    if (run.length > 0 && line.line > run[run.length - 1].line + 1) close();
    run.push({ line: line.line, minutes: figure.minutes, label: m![1] });
  }
  close();
  return phases;
}

// ---------------------------------------------------------------------------
// Phase 5: prose

function readProse(draft: Draft, prose: ScannedLine[]): void {
  // "On May 10th, 2024 at 2:00 AM, the server went down": a dated time in a sentence about the incident, with no start or end word.
  let dated: { e: TimeExpression; line: TextLine } | undefined;
  for (const block of joinWrapped(prose.map((p) => p.line))) {
    const exprs = scanTimes(block.text, { dayFirst: draft.dayFirst });
    let pendingStart: { e: TimeExpression; line: TextLine } | undefined;
    // "On June 10th, 2024, a service degradation occurred … between 4:00 PM and 5:15 PM UTC": the sentence's date is its times'.
    let sentenceDay: { date: NonNullable<TimeExpression['date']>; end: number } | undefined;
    for (const whole of exprs) {
      if (!whole.time) {
        // "On Sep 29, we had a period of about 2.5h from 14:00 to 16:30": a day without its year is the sentence's too.
        if (whole.date?.year !== undefined || (whole.date?.month !== undefined && whole.date.day !== undefined)) sentenceDay = { date: whole.date, end: whole.index + whole.length };
        continue;
      }
      const located = locate(block, whole);
      const line = located.line;
      const sameSentence = sentenceDay !== undefined && !/[.!?](?:\s|$)/.test(block.text.slice(sentenceDay.end, whole.index));
      const e = !located.e.date && sameSentence ? { ...located.e, date: sentenceDay!.date } : located.e;
      if (e.end?.time) {
        // 'The power company just stated "22:00 to 23:00"': someone's estimate, quoted, is not the document's window.
        if (quotedOrEstimated(block.text, whole.index, whole.index + whole.length)) continue;
        // "Between 20:44 and 20:45, users began to experience latency": when it began, not how long it lasted.
        if (BEGAN_WITHIN.test(block.text.slice(whole.index + whole.length, sentenceEnd(block.text, whole.index + whole.length, SENTENCE_REACH)))) {
          if (aboutIncident(block.text, whole, true)) setStart(draft, e, line, 'prose');
        } else setRange(draft, e, line, 'prose', located.e.date);
        continue;
      }
      const before = block.text.slice(Math.max(0, whole.index - 40), whole.index);
      const startAt = lastMatch(START_WORD, before);
      const endAt = lastMatch(END_WORD, before);
      if (endAt > startAt) {
        if (!aboutIncident(block.text, whole)) continue;
        // "we were not aware that there was a problem until 14:13": when it was noticed, not when it ended.
        if (UNAWARE_UNTIL.test(block.text.slice(Math.max(0, whole.index - 100), whole.index))) continue;
        if (pendingStart) setStart(draft, pendingStart.e, pendingStart.line, 'prose');
        setEnd(draft, e.date, e.time!, e.zone, line, columnAt(line, e.index), 'prose');
      } else if (startAt >= 0) {
        if (aboutIncident(block.text, whole)) setStart(draft, e, line, 'prose');
      } else if (aboutIncident(block.text, whole, true)) {
        pendingStart ??= { e, line };
        if (e.date && !dated) dated = { e, line };
      }
    }
    for (const piece of block.pieces) setDuration(draft, piece.line.text, piece.line, 0, true);
  }
  if (!draft.incident.start && !draft.incident.end && dated) setStart(draft, dated.e, dated.line, 'prose');
}

/** A range in quotation marks ('stated "22:00 to 23:00"'), or one given as an estimate ("current estimate is 10:00 to 11:00"). */
function quotedOrEstimated(text: string, from: number, to: number): boolean {
  const open = /["“‘]\s{0,2}$/.test(text.slice(Math.max(0, from - 3), from));
  const close = /^\s{0,2}["”’]/.test(text.slice(to, to + 3));
  if (open && close) return true;
  return ESTIMATE.test(text.slice(sentenceStart(text, from, SENTENCE_REACH), from));
}
const ESTIMATE = /\b(?:estimat\w*|expected|predicted|forecast)\b/i;

/**
 * Whether the sentence around a time speaks of the incident: the words before
 * it in its sentence; with `wholeSentence`, or when the time closes an
 * opening phrase ("On Monday, Oct 15, starting at 20:00 UTC, crates.io
 * sustained an incident"), the words after it too.
 */
function aboutIncident(text: string, e: TimeExpression, wholeSentence = false): boolean {
  if (INCIDENT_WORD.test(text.slice(sentenceStart(text, e.index, SENTENCE_REACH), e.index))) return true;
  const after = e.index + e.length;
  if (!wholeSentence && !/^[ \t]{0,2},/.test(text.slice(after, after + 3))) return false;
  return INCIDENT_WORD.test(text.slice(after, sentenceEnd(text, after, SENTENCE_REACH)));
}

/**
 * Whether the figure at `at` sits in a condition ("if the registry fails to
 * rediscover a module for 3 days, it is removed"): a rule of the system, not
 * what happened.
 */
function inCondition(text: string, at: number): boolean {
  return /\b(?:if|unless|whenever)\b/i.test(text.slice(sentenceStart(text, at, SENTENCE_REACH), at));
}

function lastMatch(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index;
  return last;
}

// ---------------------------------------------------------------------------
// Setting points (first statement wins)

function setStart(draft: Draft, e: TimeExpression, line: TextLine, source: Source): void {
  if (draft.incident.start || !e.time) return;
  const start = toPoint(resolvePoint(e.date, e.time, e.zone ?? e.end?.zone, draft.ctx), line.line, columnAt(line, e.index), source);
  if (e.approximate) start.approximate = true;
  draft.incident.start = start;
  if (!e.date) draft.undated.start = { time: e.time, zone: e.zone ?? e.end?.zone, line: start.line, column: start.column };
  if (start.date) draft.ctx.date ??= start.date;
}

function setEnd(
  draft: Draft,
  date: TimeExpression['date'],
  time: NonNullable<TimeExpression['time']>,
  zone: string | undefined,
  line: TextLine,
  column: number,
  source: Source,
): void {
  if (draft.incident.end) return;
  const start = draft.incident.start;
  const ctx = { ...draft.ctx, date: start?.date ?? draft.ctx.date };
  let resolved = resolvePoint(date, time, zone, ctx);
  // "from 22:00 to 01:30": an end before the start without its own date is on the next day.
  if (!date && start && resolved.order < start.order! && resolved.date) resolved = resolvePoint(undefined, time, zone, { ...ctx, date: addDays(resolved.date, 1) });
  const end = toPoint(resolved, line.line, Math.max(column, line.column), source);
  draft.incident.end = end;
  if (!date) draft.undated.end = { time, zone, line: end.line, column: end.column };
}

/** `endDate`: the date the range's end is on when it writes none ("(7 PM - midnight)" on a day a sentence gave rolls past it). */
function setRange(draft: Draft, e: TimeExpression, line: TextLine, source: Source, endDate: TimeExpression['date']): void {
  setStart(draft, e, line, source);
  const end = e.end;
  if (end?.time) setEnd(draft, end.date ?? endDate, end.time, end.zone ?? e.zone, line, columnAt(line, end.index ?? e.index + e.length), source);
}

function setPoint(draft: Draft, role: 'start' | 'end', point: WindowPoint | undefined): void {
  if (!point || draft.incident[role]) return;
  draft.incident[role] = point;
}

function setDuration(draft: Draft, text: string, line: TextLine, offset: number, requireContext: boolean): void {
  if (draft.incident.duration) return;
  let rest = text;
  let base = 0;
  for (let guard = 0; guard < 8; guard++) {
    const d = findDuration(rest);
    if (!d) return;
    const before = rest.slice(Math.max(0, d.index - 32), d.index);
    const after = rest.slice(d.index + d.length, d.index + d.length + 24);
    // "anywhere from 5 minutes to 30 minutes", "each outage lasting 5 minutes": not the incident's length; nor is
    // "Downtime: 0 minutes - no complete outage occurred", which says there was none.
    const other =
      d.minutes === 0 ||
      DURATION_RANGE.test(after) ||
      /(?:\d|\b(?:minutes?|mins?|hours?|hrs?|days?|weeks?))[ \t]{0,2}(?:-|–|to|or)[ \t]{0,2}$/i.test(before) ||
      PER_OCCURRENCE.test(before) ||
      A_DELAY.test(after) ||
      LOOK_BACK.test(before) ||
      WORK_TIME.test(before) ||
      WATCH_PERIOD.test(before) ||
      (requireContext && spelledOutByRange(rest.slice(d.index + d.length, d.index + d.length + 48), d.minutes)) ||
      (requireContext && inCondition(text, base + d.index));
    if (!other && !DETECTION_DELAY.test(before) && !DETECTION_AFTER.test(after) && !TASK_AFTER.test(after) && (!requireContext || DURATION_CONTEXT.test(before) || OF_THE_INCIDENT.test(after))) {
      const duration: NonNullable<IncidentWindow['duration']> = { minutes: d.minutes, text: d.text, precision: d.precision, line: line.line, column: columnAt(line, offset + base + d.index) };
      if (d.bound) duration.bound = d.bound;
      if (d.bound === 'under' && START_UNKNOWN.test(text)) duration.startUnknown = true;
      draft.incident.duration = duration;
      return;
    }
    base += d.index + d.length;
    rest = rest.slice(d.index + d.length);
  }
}

/**
 * "a window of 4 hours (10:30 to 2:30 AM)": a duration in prose followed by
 * the range it measures. The range says what the duration is about; when it
 * is the incident's window the duration adds nothing, and when it is not (a
 * maintenance window, a deploy) the duration is not the incident's length.
 * (A field that states the incident's duration, "Total impact duration: 5 h
 * (10:45 - 16:11 UTC)", is the incident's whatever follows it.)
 */
function spelledOutByRange(after: string, minutes: number): boolean {
  const m = /^[ \t]{0,2}[([][ \t]{0,2}(?:from[ \t]{1,3})?/.exec(after);
  if (!m) return false;
  const range = scanTimes(after).find((x) => x.time && x.end?.time);
  if (!range || range.index !== m[0].length || !range.time || !range.end?.time) return false;
  const span = (range.end.time.hour * 60 + range.end.time.minute - (range.time.hour * 60 + range.time.minute) + 24 * 60) % (24 * 60);
  // "10:30 to 2:30 AM": a start without AM/PM may be either half of the day.
  return Math.abs(span - minutes) <= 1 || Math.abs((span % 720) - minutes) <= 1;
}

function redate(draft: Draft, date: string): void {
  const { incident, undated } = draft;
  const at = (p: UndatedPoint, day: string, source: Source | undefined) =>
    toPoint(resolvePoint(undefined, p.time, p.zone, { zone: draft.ctx.zone, date: day }), p.line, p.column, source);
  if (undated.start && incident.start && !incident.start.date) {
    incident.start = { ...at(undated.start, date, incident.start.source), ...(incident.start.approximate ? { approximate: true } : {}) };
  }
  if (undated.end && incident.end && !incident.end.date) {
    const startDate = incident.start?.date ?? date;
    let end = at(undated.end, startDate, incident.end.source);
    if (incident.start?.order !== undefined && end.order! < incident.start.order) end = at(undated.end, addDays(startDate, 1), incident.end.source);
    incident.end = end;
  }
  incident.date ??= incident.start?.date ?? date;
}

function toPoint(r: ResolvedPoint, line: number, column: number, source: Source | undefined): WindowPoint {
  const p: WindowPoint = { time: r.time, epoch: r.epoch, date: r.date, order: r.order, line, column };
  if (source) p.source = source;
  return p;
}

function field(data: Record<string, unknown> | undefined, names: string[]): { key: string; value: unknown } | undefined {
  if (!data) return undefined;
  for (const name of names) if (data[name] !== undefined && data[name] !== null && data[name] !== '') return { key: name, value: data[name] };
  return undefined;
}
