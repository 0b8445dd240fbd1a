/**
 * ## duration-mismatch
 *
 * A stated duration ("Duration: 4 hours", "lasted 45 minutes") agrees with
 * the stated start and end (or the timeline's "OUTAGE BEGINS" / "OUTAGE
 * ENDS"). A round figure is allowed the larger of `tolerance-minutes` and
 * `tolerance-percent` of itself ("about" twice that); a bound ("under 3
 * hours", "at most 16 hours", "over an hour") is a limit the author drew, so
 * only `tolerance-minutes` past it counts.
 *
 * Without a stated start or end, the timeline bounds the incident only from
 * below: from the first entry that shows the impact (an alert, errors,
 * complaints) to the last that shows the recovery, it lasted at least that
 * long. Lead-up and follow-up entries prove nothing, so only a stated
 * duration (or upper bound) shorter than that span is reported.
 */
import * as z from 'zod/mini';
import type { TimelineEntry } from '../types.js';
import { defineRule } from './rule.js';
import { comparable, formatMinutes, shortTime } from './util.js';

interface Span {
  minutes: number;
  from: { time: string | null; line: number; column: number };
  to: { time: string | null; line: number; column: number };
  what: string;
  /** The span is only a lower bound on the incident's length. */
  atLeast: boolean;
}

export default defineRule({
  id: 'duration-mismatch',
  name: 'Duration disagrees with the window',
  description: 'The stated duration matches the incident window (or the timeline).',
  defaultSeverity: 'error',
  options: z.strictObject({
    'tolerance-minutes': z._default(z.number().check(z.minimum(0)), 5),
    'tolerance-percent': z._default(z.number().check(z.minimum(0), z.maximum(100)), 10),
  }),
  examples: {
    valid: [
      { title: 'Four hours from 10:00 to 14:00', markdown: '## Summary\n\n- Duration: 4 hours\n- Start: 2023-11-07 10:00 UTC\n- End: 2023-11-07 14:00 UTC\n' },
      {
        title: 'Follow-ups after the recovery',
        markdown: '## Summary\n\nThe API was down for 40 minutes.\n\n## Timeline\n\n- 10:00 UTC alerts fire, API errors\n- 10:40 UTC service restored\n- 16:00 UTC postmortem meeting\n',
      },
    ],
    invalid: [
      { title: 'Two hours stated, four elapsed', markdown: '## Summary\n\n- Duration: 2 hours\n- Start: 2023-11-07 10:00 UTC\n- End: 2023-11-07 14:00 UTC\n', lines: [3] },
      {
        title: 'Shorter than the impact the timeline shows',
        markdown: '## Summary\n\nThe API was down for 20 minutes.\n\n## Timeline\n\n- 10:00 UTC alerts fire, API errors\n- 11:10 UTC service restored\n',
        lines: [3],
      },
    ],
  },
  check(ctx) {
    const { duration, start, end } = ctx.model.incident;
    if (!duration) return;
    const written = (p: typeof start) => p !== undefined && p.source !== 'timeline';
    const span = start && end ? stated(start, end) : !written(start) && !written(end) ? impactSpan(ctx.model.timeline) : undefined;
    if (!span || span.minutes < 0) return;
    const actual = span.minutes;
    const said = duration.minutes;
    const slack = ctx.options['tolerance-minutes'];
    const tolerance = Math.max(slack, (said * ctx.options['tolerance-percent']) / 100);
    const allowed = duration.bound === 'under' || duration.bound === 'over' ? slack : duration.bound === 'about' ? tolerance * 2 : tolerance;
    const tooShort = said + allowed < actual && duration.bound !== 'over';
    const tooLong = !span.atLeast && said - allowed > actual && duration.bound !== 'under';
    if (!tooShort && !tooLong) return;
    ctx.report({
      message: `Unexpected duration “${duration.text}” (${formatMinutes(said)}), expected ${span.atLeast ? 'at least ' : ''}${formatMinutes(actual)} from the ${span.what} (${shortTime(span.from.time)} to ${shortTime(span.to.time)})`,
      line: duration.line,
      column: duration.column,
      related: [
        { line: span.from.line, column: span.from.column, message: `Start: ${shortTime(span.from.time)}` },
        { line: span.to.line, column: span.to.column, message: `End: ${shortTime(span.to.time)}` },
      ],
    });
  },
});

function stated(start: NonNullable<Span['from']> & { order?: number; epoch?: number; date?: string }, end: typeof start): Span | undefined {
  if (!comparable(start, end)) return undefined;
  return { minutes: (end.order! - start.order!) / 60_000, from: start, to: end, what: 'start and end', atLeast: false };
}

/** From the first entry showing the impact to the last showing the recovery: how long the incident lasted at least. */
function impactSpan(timeline: TimelineEntry[]): Span | undefined {
  const timed = timeline.filter((t) => t.order !== undefined);
  const first = timed.find((t) => t.evidence === 'impact');
  const last = [...timed].reverse().find((t) => t.evidence === 'recovery');
  if (!first || !last || !comparable(first, last) || last.order! <= first.order!) return undefined;
  const at = (t: TimelineEntry) => ({ time: t.time, line: t.line, column: t.expressionColumn ?? t.column });
  return { minutes: (last.order! - first.order!) / 60_000, from: at(first), to: at(last), what: 'first sign of impact to the recovery in the timeline', atLeast: true };
}
