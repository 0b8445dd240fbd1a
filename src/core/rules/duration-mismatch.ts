/**
 * ## duration-mismatch
 *
 * A stated duration ("Duration: 4 hours", "lasted 45 minutes") and the
 * stated metrics ("Time to detection: 7 hours", "Time to recovery: 54 hours
 * 10 minutes") agree with the incident's start and end.
 *
 * The tolerance follows the precision the author wrote: a figure is allowed
 * half its smallest unit ("54 hours 10 minutes" is precise to the minute,
 * "7 hours" to the hour), at least `tolerance-minutes`; an approximate one
 * ("about 3 hours") as much, or `tolerance-percent` of itself if that is
 * larger (a whole unit let "about 2 hours" stand for 80 minutes, where a
 * careful reader sees the gap); a bound ("under 3 hours", "at most 16
 * hours", "over an hour") is a limit the author drew, so only
 * `tolerance-minutes` past it counts.
 *
 * A duration written beside the range it measures ("~6 hours (3am -
 * 11:30am HKT)", "10:00–14:00 UTC (4 hours)") agrees with that range,
 * whichever duration the incident's window takes. The author reckoned it
 * from those very times, so only its precision excuses a gap, not
 * `tolerance-minutes`: "55 minutes (08:21 - 09:12 UTC)" is 4 minutes off
 * a figure rounded to fives.
 *
 * With a stated start and end, the duration is compared with them. With a
 * start stated as a field and no end ("Duration: Started at 10:00, lasting
 * 37 minutes"), the timeline's end of the incident bounds it from above and
 * its first recovery from below. Without either, the timeline bounds it from
 * both sides: from the first entry that shows
 * the impact to the first that shows the recovery it lasted at least that
 * long; from the timeline's first entry (a cause or a lead-up, not yet the
 * impact) to the entry where the timeline ends it (the recovery, the
 * resolution or the fix), at most that long. Follow-ups after that end and
 * a timeline that opens with the impact already seen prove nothing. An upper
 * bound given for an incident whose start is unknown ("of unknown length,
 * bounded to at maximum 16 hours") is the longest it can have lasted, so it
 * must cover the timeline's first entry to its end.
 *
 * A metric is measured from the start: the stated start, the timeline's
 * "outage begins", or the entry a time to detection places (the entry that
 * lies that long before the first sign of the impact). A time to detection
 * ends at the first sign of the impact, a time to mitigation at the first
 * recovery, a time to recovery at the last (else where the timeline ends the
 * incident), a time to resolution where the timeline ends the incident.
 */
import type { Course } from '../model/course.js';
import type { IncidentMetric, IncidentWindow, PostmortemModel, RelatedLocation, StatedSpan, TimelineEntry, WindowPoint } from '../types.js';
import { defineRule, type Report } from './rule.js';
import { comparable, formatMinutes, shortTime } from './util.js';

interface Options {
  'tolerance-minutes': number;
  'tolerance-percent': number;
}

/** A point a span runs from or to, with what it is ("the recovery"). */
interface Place {
  time: string | null;
  order?: number;
  epoch?: number;
  date?: string;
  line: number;
  column: number;
  what: string;
}

type Figure = Pick<NonNullable<IncidentWindow['duration']>, 'minutes' | 'precision' | 'bound'>;

export default defineRule({
  id: 'duration-mismatch',
  name: 'Duration disagrees with the window',
  description: 'The stated duration and metrics match the incident window (or the timeline).',
  defaultSeverity: 'error',
  options: (z) =>
    z.strictObject({
      'tolerance-minutes': z._default(z.number().check(z.minimum(0)), 5),
      'tolerance-percent': z._default(z.number().check(z.minimum(0), z.maximum(100)), 10),
    }),
  defaults: { 'tolerance-minutes': 5, 'tolerance-percent': 10 },
  examples: {
    valid: [
      { title: 'A duration rounded from its own range', markdown: '## Summary\n\n- Duration: 45 minutes (10:00 - 10:47 UTC)\n' },
      { title: 'Four hours from 10:00 to 14:00', markdown: '## Summary\n\n- Duration: 4 hours\n- Start: 2023-11-07 10:00 UTC\n- End: 2023-11-07 14:00 UTC\n' },
      {
        title: 'Follow-ups after the recovery',
        markdown: '## Summary\n\nThe API was down for 40 minutes.\n\n## Timeline\n\n- 10:00 UTC alerts fire, API errors\n- 10:40 UTC service restored\n- 16:00 UTC postmortem meeting\n',
      },
      {
        title: 'A stated start, and as long as the timeline runs from it',
        markdown: '## Summary\n\n- Duration: Started at 10:00 UTC, lasting 20 minutes.\n\n## Timeline\n\n- 09:45 UTC upgrade begins\n- 10:00 UTC servers go offline\n- 10:20 UTC service restored\n- 15:00 UTC postmortem written\n',
      },
      { title: 'A duration beside the range it measures, the start in either half of the day', markdown: '## Summary\n\n- Duration: 4 hours (10:30 to 2:30 AM)\n' },
      {
        title: 'A rough figure',
        markdown: '## Summary\n\nThe site was down for about 3 hours.\n\n## Timeline\n\n- 09:40 UTC deploy\n- 10:00 UTC alerts fire\n- 13:20 UTC service restored\n',
      },
    ],
    invalid: [
      { title: 'Two hours stated, four elapsed', markdown: '## Summary\n\n- Duration: 2 hours\n- Start: 2023-11-07 10:00 UTC\n- End: 2023-11-07 14:00 UTC\n', reports: ['3:13 Unexpected duration “2 hours” (2 h), expected 4 h from the start and end (2023-11-07 10:00 UTC to 2023-11-07 14:00 UTC)'] },
      {
        title: 'Shorter than the impact the timeline shows',
        markdown: '## Summary\n\nThe API was down for 20 minutes.\n\n## Timeline\n\n- 10:00 UTC alerts fire, API errors\n- 11:10 UTC service restored\n',
        reports: ['3:22 Unexpected duration “20 minutes” (20 min), expected at least 1 h 10 min from the first sign of impact to the recovery in the timeline (10:00 to 11:10)'],
      },
      {
        title: 'Longer than the timeline allows',
        markdown: '## Summary\n\nThe effect lasted approximately nine hours.\n\n## Timeline\n\n- 11:00 UTC deploy; traffic begins to drop\n- 18:00 UTC traffic returns to normal\n',
        reports: ["3:19 Unexpected duration “approximately nine hours” (9 h), expected at most 7 h from the timeline's first entry to its recovery (11:00 to 18:00)"],
      },
      {
        title: 'About two hours, eighty minutes elapsed',
        markdown: '## Summary\n\n- Duration: ~2 hours\n\n## Timeline\n\n- 19:00 UTC sync triggered\n- 19:01 UTC users report failures\n- 20:20 UTC service restored\n',
        reports: ["3:13 Unexpected duration “~2 hours” (2 h), expected at most 1 h 20 min from the timeline's first entry to its recovery (19:00 to 20:20)"],
      },
      {
        title: 'A stated start, and longer than the timeline runs from it',
        markdown: '## Summary\n\n- Duration: Started at 10:00 AM GMT on 3 June 2023, lasting 37 minutes.\n\n## Timeline (GMT)\n\n- 9:45 AM: upgrade begins\n- 10:00 AM: production servers go dark\n- 10:20 AM: rollback success\n',
        reports: ['3:61 Unexpected duration “37 minutes” (37 min), expected at most 20 min from the stated start to the fix (2023-06-03 10:00 UTC to 2023-06-03 10:20 UTC)'],
      },
      {
        title: 'A start and a duration in one sentence, longer than the timeline runs from the start',
        markdown: '## Summary\n\nOn 31st January 2023 (10am GMT + 1), we had an outage which lasted for 37 minutes.\n\n## Timeline (GMT +1)\n\n- 9:45 AM upgrade begins\n- 10:00 AM pagers alert the on-call team\n- 10:22 AM 100% of traffic back online\n',
        reports: ['3:72 Unexpected duration “37 minutes” (37 min), expected at most 22 min from the stated start to the recovery (2023-01-31 09:00 UTC to 2023-01-31 09:22 UTC)'],
      },
      {
        title: 'A stated start, and shorter than its first recovery',
        markdown: '## Summary\n\n- Outage: began at 10:00 UTC, about 10 minutes\n\n## Timeline\n\n- 10:00 UTC alerts fire\n- 10:40 UTC service restored\n',
        reports: ['3:31 Unexpected duration “about 10 minutes” (10 min), expected at least 40 min from the stated start to the recovery (10:00 to 10:40)'],
      },
      {
        title: 'A duration that its own range disagrees with',
        markdown: '## Summary\n\n- Duration: ~6 hours (3am - 11:30am HKT)\n- Total incident duration: ~8.5 hours\n',
        reports: ['3:13 Unexpected duration “~6 hours” (6 h), expected 8 h 30 min from the range beside it (3am - 11:30am HKT)'],
      },
      {
        title: 'A field whose range disagrees with its duration by less than the tolerance, more than its rounding',
        markdown: '## Summary\n\n- Duration: 55 minutes (08:21 - 09:12 UTC)\n',
        reports: ['3:13 Unexpected duration “55 minutes” (55 min), expected 51 min from the start and end (08:21 to 09:12)'],
      },
      {
        title: 'A time to recovery an hour off',
        markdown:
          '## Timeline\n\n- 2022-10-31 07:30 UTC new image rolled out\n- 2022-10-31 14:30 UTC we observe nodes failing\n- 2022-11-02 14:40 UTC service restored\n\n## Stats\n\n- Time to detection: 7 hours\n- Time to recovery: 54 hours 10 minutes\n',
        reports: ['10:21 Unexpected time to recovery “54 hours 10 minutes” (2 d 6 h 10 min), expected 2 d 7 h 10 min from the start to the recovery (2022-10-31 07:30 UTC to 2022-11-02 14:40 UTC), or 2 d 10 min from the first sign of impact (2022-10-31 14:30 UTC)'],
      },
    ],
  },
  check(ctx) {
    const { incident, course } = ctx.model;
    const duration = incident.duration;
    let durationReported = false;
    if (duration) {
      const problem =
        incident.start && incident.end
          ? againstWindow(duration, incident.start, incident.end, ctx.options)
          : statedStart(incident.start, duration) && !incident.end
            ? againstStatedStart(duration, incident.start!, course, ctx.options)
            : written(incident.start) || written(incident.end)
              ? undefined
              : againstTimeline(duration, course, ctx.options);
      if (problem) ctx.report(problem);
      durationReported = problem !== undefined;
    }
    for (const span of incident.spans ?? []) {
      // The incident's duration, written here and reported already: one problem, one finding.
      if (durationReported && duration!.line === span.line && duration!.column === span.column) continue;
      const problem = againstOwnRange(span, ctx.options);
      if (problem) ctx.report(problem);
    }
    const start = startOf(ctx.model);
    if (!start) return;
    for (const metric of incident.metrics ?? []) {
      if (metric === start.placedBy) continue;
      const problem = againstStart(metric, start, course, ctx.options);
      if (problem) ctx.report(problem);
    }
  },
});

/** "stated start", or "the timeline's marked start" for a point its entries mark ("<START OF OUTAGE>"). */
function pointName(p: WindowPoint, role: 'start' | 'end'): string {
  return p.source === 'timeline' ? `the timeline's marked ${role}` : `stated ${role}`;
}

function written(p: WindowPoint | undefined): boolean {
  return p !== undefined && p.source !== 'timeline';
}

/**
 * A start stated as a field or in front matter ("Duration: Started at 10:00"),
 * or in the same line of prose as the duration ("On 31 January (10am GMT+1)
 * we had an outage, which lasted 37 minutes"). Not a time read from prose
 * elsewhere, whose sentence may tell of another end than the timeline's
 * (timeline-window reports that one).
 */
function statedStart(p: WindowPoint | undefined, duration: { line: number }): boolean {
  return p?.source === 'field' || p?.source === 'front-matter' || (p?.source === 'prose' && p.line === duration.line);
}

/** How far a figure may be from the span it states before it is wrong (see the rule's comment), in minutes. */
function allowance(figure: Figure, options: Options): number {
  const slack = options['tolerance-minutes'];
  if (figure.bound === 'under' || figure.bound === 'over') return slack;
  if (figure.bound === 'about') return Math.max(slack, figure.precision / 2, (figure.minutes * options['tolerance-percent']) / 100);
  return Math.max(slack, figure.precision / 2);
}

/** The options for a figure reckoned from times written beside it: no slack beyond how it was rounded. */
function roundedOnly(options: Options): Options {
  return { ...options, 'tolerance-minutes': 0 };
}

/** Whether a figure is wrong for a span of `actual` minutes: shorter or longer than its allowance lets it be, and not a bound that allows it. */
function wrongFor(figure: Figure, actual: number, options: Options): boolean {
  const allowed = allowance(figure, options);
  const tooShort = figure.minutes + allowed < actual && figure.bound !== 'over';
  const tooLong = figure.minutes - allowed > actual && figure.bound !== 'under';
  return tooShort || tooLong;
}

function minutesBetween(from: { order?: number }, to: { order?: number }): number {
  return (to.order! - from.order!) / 60_000;
}

function place(p: WindowPoint | TimelineEntry, what: string): Place {
  const column = 'expressionColumn' in p && p.expressionColumn !== undefined ? p.expressionColumn : p.column;
  return { time: p.time, order: p.order, epoch: p.epoch, date: p.date, line: p.line, column, what };
}

function ends(from: Place, to: Place, extra: RelatedLocation[] = []): RelatedLocation[] {
  return [
    { line: from.line, column: from.column, message: `Start: ${shortTime(from.time)} (${from.what})` },
    { line: to.line, column: to.column, message: `End: ${shortTime(to.time)} (${to.what})` },
    ...extra,
  ];
}

/** A duration written beside its range ("~6 hours (3am - 11:30am HKT)") that no reading of the range agrees with. */
function againstOwnRange(span: StatedSpan, options: Options): Report | undefined {
  const { duration, range } = span;
  // The author reckoned the figure from the times written beside it: only how they rounded it excuses a gap.
  if (range.minutes.some((minutes) => !wrongFor(duration, minutes, roundedOnly(options)))) return undefined;
  const actual = range.minutes[0];
  return {
    message: `Unexpected duration “${duration.text}” (${formatMinutes(duration.minutes)}), expected ${formatMinutes(actual)} from the range beside it (${range.text.trim()})`,
    line: span.line,
    column: span.column,
    related: [{ line: span.line, column: range.column, message: `Range: ${range.text.trim()}` }],
  };
}

function againstWindow(duration: NonNullable<IncidentWindow['duration']>, start: WindowPoint, end: WindowPoint, options: Options): Report | undefined {
  if (!comparable(start, end)) return undefined;
  const actual = minutesBetween(start, end);
  if (actual < 0) return undefined;
  // "Duration: 55 minutes (08:21 - 09:12 UTC)": the start and end are the range written beside it (see againstOwnRange).
  const beside = start.line === duration.line && end.line === duration.line && start.source === 'field' && end.source === 'field';
  if (!wrongFor(duration, actual, beside ? roundedOnly(options) : options)) return undefined;
  return {
    message: `Unexpected duration “${duration.text}” (${formatMinutes(duration.minutes)}), expected ${formatMinutes(actual)} from the start and end (${shortTime(start.time)} to ${shortTime(end.time)})`,
    line: duration.line,
    column: duration.column,
    related: ends(place(start, pointName(start, 'start')), place(end, pointName(end, 'end'))),
  };
}

/**
 * A duration with a start stated as a field and no end ("Duration: Started
 * at 10:00, lasting 37 minutes"): it lasted at most until where the timeline
 * ends the incident, and at least until the timeline's first recovery.
 */
function againstStatedStart(duration: NonNullable<IncidentWindow['duration']>, start: WindowPoint, c: Course, options: Options): Report | undefined {
  const allowed = allowance(duration, options);
  const said = duration.minutes;
  const from = place(start, 'the stated start');
  const after = (t: TimelineEntry | undefined): t is TimelineEntry => t !== undefined && comparable(start, t) && t.order! > start.order!;
  const report = (bound: string, to: Place): Report => ({
    message: `Unexpected duration “${duration.text}” (${formatMinutes(said)}), expected ${bound} ${formatMinutes(minutesBetween(from, to))} from the stated start to ${to.what} (${shortTime(from.time)} to ${shortTime(to.time)})`,
    line: duration.line,
    column: duration.column,
    related: ends(from, to),
  });
  if (after(c.end) && duration.bound !== 'under') {
    const to = place(c.end, endWhat(c.end));
    if (said - allowed > minutesBetween(from, to)) return report('at most', to);
  }
  if (after(c.recovery) && duration.bound !== 'over') {
    const to = place(c.recovery, 'the recovery');
    if (said + allowed < minutesBetween(from, to)) return report('at least', to);
  }
  return undefined;
}

/** A duration without a stated start or end, against the spans the timeline gives. */
function againstTimeline(duration: NonNullable<IncidentWindow['duration']>, c: Course, options: Options): Report | undefined {
  const allowed = allowance(duration, options);
  const said = duration.minutes;
  const at = (report: Pick<Report, 'message' | 'related'>): Report => ({ ...report, line: duration.line, column: duration.column });
  const longest = c.first && c.end && comparable(c.first, c.end) && c.end.order! > c.first.order! ? { from: place(c.first, "the timeline's first entry"), to: place(c.end, endWhat(c.end)) } : undefined;
  if (duration.startUnknown) {
    if (!longest) return undefined;
    const span = minutesBetween(longest.from, longest.to);
    if (said + allowed >= span) return undefined;
    return at({
      message: `Unexpected bound “${duration.text}” (${formatMinutes(said)}) on an incident whose start is unknown, expected it to cover the ${formatMinutes(span)} from the timeline's first entry to its ${longest.to.what.replace(/^the /, '')} (${shortTime(longest.from.time)} to ${shortTime(longest.to.time)})`,
      related: ends(longest.from, longest.to),
    });
  }
  const shortest = c.onset && c.recovery && comparable(c.onset, c.recovery) && c.recovery.order! > c.onset.order! ? { from: place(c.onset, 'the first sign of impact'), to: place(c.recovery, 'the recovery') } : undefined;
  if (shortest && duration.bound !== 'over') {
    const span = minutesBetween(shortest.from, shortest.to);
    if (said + allowed < span) {
      return at({
        message: `Unexpected duration “${duration.text}” (${formatMinutes(said)}), expected at least ${formatMinutes(span)} from the first sign of impact to the recovery in the timeline (${shortTime(shortest.from.time)} to ${shortTime(shortest.to.time)})`,
        related: ends(shortest.from, shortest.to),
      });
    }
  }
  if (longest && duration.bound !== 'under') {
    const span = minutesBetween(longest.from, longest.to);
    if (said - allowed > span) {
      return at({
        message: `Unexpected duration “${duration.text}” (${formatMinutes(said)}), expected at most ${formatMinutes(span)} from the timeline's first entry to its ${longest.to.what.replace(/^the /, '')} (${shortTime(longest.from.time)} to ${shortTime(longest.to.time)})`,
        related: ends(longest.from, longest.to),
      });
    }
  }
  return undefined;
}

function endWhat(t: TimelineEntry): string {
  return t.evidence === 'recovery' ? 'the recovery' : t.evidence === 'resolved' ? 'the resolution' : 'the fix';
}

// ---------------------------------------------------------------------------
// Metrics

interface Start extends Place {
  /** The time to detection that placed the start, if that is where it came from. */
  placedBy?: IncidentMetric;
}

/**
 * Where the metrics are measured from: the stated start, the timeline's
 * "outage begins", or the entry a time to detection places.
 */
function startOf(model: PostmortemModel): Start | undefined {
  const { incident, course } = model;
  const metrics = incident.metrics ?? [];
  if (metrics.length === 0) return undefined;
  if (incident.start) return place(incident.start, incident.start.source === 'timeline' ? "the timeline's start" : 'the stated start');
  const detection = metrics.find((m) => m.milestone === 'detection');
  const onset = course.onset;
  if (!detection || !onset || metrics.length < 2) return undefined;
  // The entry that lies the time to detection before the first sign, within the figure's precision.
  const target = onset.order! - detection.minutes * 60_000;
  const reach = Math.max(detection.precision / 2, 1) * 60_000;
  let best: TimelineEntry | undefined;
  for (const t of model.timeline) {
    if (t.order === undefined || !comparable(t, onset) || t.order > onset.order!) continue;
    const off = Math.abs(t.order - target);
    if (off <= reach && (!best || off < Math.abs(best.order! - target))) best = t;
  }
  if (!best) return undefined;
  return { ...place(best, `placed by ${detection.label} “${detection.text}” on line ${detection.line}`), placedBy: detection };
}

function againstStart(metric: IncidentMetric, start: Start, course: Course, options: Options): Report | undefined {
  const milestone = { detection: course.onset, mitigation: course.recovery ?? course.end, recovery: course.restored ?? course.end, resolution: course.end }[metric.milestone];
  if (!milestone || !comparable(start, milestone) || milestone.order! < start.order!) return undefined;
  // The first sign of impact at the start itself says nothing of when it was noticed.
  if (metric.milestone === 'detection' && milestone.order === start.order) return undefined;
  const to = place(milestone, metric.milestone === 'detection' ? 'the first sign of impact' : endWhat(milestone));
  const actual = minutesBetween(start, to);
  if (Math.abs(metric.minutes - actual) <= allowance(metric, options)) return undefined;
  // Times to mitigate, recover or resolve are also counted from detection ("Time-to-resolution: 45m" after a 5 h
  // time to detection): a figure that fits that reading is right.
  const detected = course.onset;
  const fromDetection =
    metric.milestone !== 'detection' && detected && comparable(detected, milestone) && detected.order! > start.order! && detected.order! <= milestone.order! ? minutesBetween(detected, milestone) : undefined;
  if (fromDetection !== undefined && Math.abs(metric.minutes - fromDetection) <= allowance(metric, options)) return undefined;
  const placed: RelatedLocation[] = start.placedBy ? [{ line: start.placedBy.line, column: start.placedBy.column, message: `${start.placedBy.label}: ${start.placedBy.text}` }] : [];
  const orFromDetection = fromDetection === undefined ? '' : `, or ${formatMinutes(fromDetection)} from the first sign of impact (${shortTime(detected!.time)})`;
  const detection: RelatedLocation[] = fromDetection === undefined ? [] : [{ line: detected!.line, column: detected!.expressionColumn ?? detected!.column, message: `First sign of impact: ${shortTime(detected!.time)}` }];
  return {
    message: `Unexpected ${/[a-z]/.test(metric.label) ? metric.label.toLowerCase() : metric.label} “${metric.text}” (${formatMinutes(metric.minutes)}), expected ${formatMinutes(actual)} from the start to ${to.what} (${shortTime(start.time)} to ${shortTime(to.time)})${orFromDetection}`,
    line: metric.line,
    column: metric.column,
    related: ends(start, to, [...detection, ...placed]),
  };
}
