/**
 * ## duration-mismatch
 *
 * A stated duration ("Duration: 4 hours", "lasted 45 minutes") agrees with
 * the stated start and end, or, when those are not given, with the first and
 * last timed timeline entries. "Under 3 hours" and "over an hour" are read as
 * bounds. The tolerance is the larger of `tolerance-minutes` and
 * `tolerance-percent` of the stated duration.
 */
import * as z from 'zod/mini';
import { defineRule } from './rule.js';
import { comparable, formatMinutes, shortTime } from './util.js';

export default defineRule({
  id: 'duration-mismatch',
  name: 'Duration disagrees with the window',
  description: 'The stated duration matches the incident window (or the timeline span).',
  defaultSeverity: 'error',
  options: z.strictObject({
    'tolerance-minutes': z._default(z.number().check(z.minimum(0)), 5),
    'tolerance-percent': z._default(z.number().check(z.minimum(0), z.maximum(100)), 10),
  }),
  examples: {
    valid: [{ title: 'Four hours from 10:00 to 14:00', markdown: '## Summary\n\n- Duration: 4 hours\n- Start: 2023-11-07 10:00 UTC\n- End: 2023-11-07 14:00 UTC\n' }],
    invalid: [{ title: 'Two hours stated, four elapsed', markdown: '## Summary\n\n- Duration: 2 hours\n- Start: 2023-11-07 10:00 UTC\n- End: 2023-11-07 14:00 UTC\n', lines: [3] }],
  },
  check(ctx) {
    const { duration, start, end } = ctx.model.incident;
    if (!duration) return;
    let actual: number | undefined;
    let from: { time: string | null; line: number; column: number } | undefined;
    let to: typeof from;
    let what = 'start and end';
    if (start && end && comparable(start, end)) {
      actual = (end.order! - start.order!) / 60_000;
      from = { ...start };
      to = { ...end };
    } else if (!start && !end) {
      const timed = ctx.model.timeline.filter((t) => t.order !== undefined);
      const first = timed[0];
      const last = timed[timed.length - 1];
      if (first && last && first !== last && comparable(first, last)) {
        actual = (last.order! - first.order!) / 60_000;
        from = first;
        to = last;
        what = 'first and last timeline entries';
      }
    }
    if (actual === undefined || actual < 0 || !from || !to) return;
    const stated = duration.minutes;
    const tolerance = Math.max(ctx.options['tolerance-minutes'], (stated * ctx.options['tolerance-percent']) / 100);
    const ok =
      duration.bound === 'under'
        ? actual <= stated + tolerance
        : duration.bound === 'over'
          ? actual >= stated - tolerance
          : Math.abs(actual - stated) <= (duration.bound === 'about' ? tolerance * 2 : tolerance);
    if (ok) return;
    ctx.report({
      message: `Unexpected duration “${duration.text}” (${formatMinutes(stated)}), expected ${formatMinutes(actual)} from the ${what} (${shortTime(from.time)} to ${shortTime(to.time)})`,
      line: duration.line,
      column: duration.column,
      related: [
        { line: from.line, column: from.column, message: `Start: ${shortTime(from.time)}` },
        { line: to.line, column: to.column, message: `End: ${shortTime(to.time)}` },
      ],
    });
  },
});
