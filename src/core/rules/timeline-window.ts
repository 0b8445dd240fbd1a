/**
 * ## timeline-window
 *
 * Timeline entries sit inside the declared incident window (start to end),
 * give or take a tolerance. Entries before the start or after the end are
 * often right (the deploy that caused it, the follow-up the next day), so
 * this is a warning by default: the reviewer decides whether the window or
 * the entry is wrong.
 */
import * as z from 'zod/mini';
import { defineRule } from './rule.js';
import { comparable, shortTime } from './util.js';

export default defineRule({
  id: 'timeline-window',
  name: 'Timeline entry outside the incident window',
  description: 'Timeline entries fall between the incident start and end.',
  defaultSeverity: 'warning',
  options: z.strictObject({ 'tolerance-minutes': z._default(z.number().check(z.minimum(0)), 5) }),
  examples: {
    valid: [{ title: 'Inside the window', markdown: '## Summary\n\nFrom 10:00 to 11:00 UTC on 2023-11-07.\n\n## Timeline\n\n- 10:05 UTC alert\n- 10:55 UTC fixed\n' }],
    invalid: [
      { title: 'After the end', markdown: '## Summary\n\nFrom 10:00 to 11:00 UTC on 2023-11-07.\n\n## Timeline\n\n- 10:05 UTC alert\n- 12:30 UTC fixed\n', lines: [8] },
    ],
  },
  check(ctx) {
    const { start, end } = ctx.model.incident;
    if (!start && !end) return;
    const slack = ctx.options['tolerance-minutes'] * 60_000;
    for (const entry of ctx.model.timeline) {
      if (entry.order === undefined) continue;
      const before = start && comparable(entry, start) && entry.order < start.order! - slack;
      const after = end && comparable(entry, end) && entry.order > end.order! + slack;
      if (!before && !after) continue;
      const bound = before ? start! : end!;
      ctx.report({
        message: `Unexpected entry at ${shortTime(entry.time)} ${before ? 'before the incident start' : 'after the incident end'} (${shortTime(bound.time)}), expected entries between ${shortTime(start?.time)} and ${shortTime(end?.time)}`,
        line: entry.line,
        column: entry.expressionColumn ?? entry.column,
        related: [{ line: bound.line, column: bound.column, message: before ? 'Incident start' : 'Incident end' }],
      });
    }
  },
});
