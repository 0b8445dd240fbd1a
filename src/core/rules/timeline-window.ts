/**
 * ## timeline-window
 *
 * The incident window the document states (front matter, "Start:"/"End:"
 * fields, "from 10:00 to 14:00 UTC") agrees with its timeline. Deploys before
 * the start and follow-ups after the end are part of a good timeline, so an
 * entry outside the window only counts when it shows the incident itself:
 * the impact seen before the stated start (an alert, complaints, errors), the
 * service recovering after the stated end, or a status update posted outside
 * it. A window that no timed entry falls into is wrong as a whole. Each is
 * one finding, at the first entry of the run, with the window's statement and
 * the rest of the run as related places. A window the timeline's own
 * markers gave ("OUTAGE BEGINS") is not checked against the timeline.
 */
import * as z from 'zod/mini';
import type { RelatedLocation, TimelineEntry, WindowPoint } from '../types.js';
import { defineRule, type Report } from './rule.js';
import { chronology, comparable, shortTime } from './util.js';

const MAX_RELATED = 20;

export default defineRule({
  id: 'timeline-window',
  name: 'Timeline entry outside the incident window',
  description: 'The stated incident window agrees with the timeline.',
  defaultSeverity: 'warning',
  options: z.strictObject({ 'tolerance-minutes': z._default(z.number().check(z.minimum(0)), 5) }),
  examples: {
    valid: [
      { title: 'Inside the window', markdown: '## Summary\n\nFrom 10:00 to 11:00 UTC on 2023-11-07.\n\n## Timeline\n\n- 10:05 UTC alert\n- 10:55 UTC fixed\n' },
      {
        title: 'The deploy before and the follow-up after',
        markdown: '## Summary\n\nFrom 10:00 to 11:00 UTC on 2023-11-07.\n\n## Timeline\n\n- 09:40 UTC deploy\n- 10:05 UTC alert\n- 10:55 UTC rollback\n- 14:00 UTC postmortem meeting\n',
      },
    ],
    invalid: [
      {
        title: 'Complaints before the start',
        markdown: '## Summary\n\nFrom 18:00 to 19:00 UTC on 2023-11-07.\n\n## Timeline\n\n- 17:50 UTC users complain the site is not responding\n- 17:55 UTC escalated\n- 18:00 UTC site down\n',
        lines: [7],
      },
      { title: 'Restored after the end', markdown: '## Summary\n\nFrom 10:00 to 11:00 UTC on 2023-11-07.\n\n## Timeline\n\n- 10:05 UTC alert\n- 12:30 UTC service restored\n', lines: [8] },
    ],
  },
  check(ctx) {
    const stated = (p: WindowPoint | undefined) => (p && p.source !== 'timeline' ? p : undefined);
    const start = stated(ctx.model.incident.start);
    const end = stated(ctx.model.incident.end);
    if (!start && !end) return;
    const slack = ctx.options['tolerance-minutes'] * 60_000;
    const { outOfOrder } = chronology(ctx.model.timeline);
    const timed = ctx.model.timeline.filter(
      (t) => t.order !== undefined && !outOfOrder.has(t) && (!start || comparable(t, start)) && (!end || comparable(t, end)),
    );
    const early = (t: TimelineEntry) => start !== undefined && t.order! < start.order! - slack;
    const late = (t: TimelineEntry) => end !== undefined && t.order! > end.order! + slack;
    const outside = timed.filter((t) => early(t) || late(t));
    if (timed.length >= 2 && outside.length === timed.length) {
      ctx.report(wrongWindow(outside, start, end));
      return;
    }
    const before = timed.filter(early);
    const firstSign = before.findIndex((t) => t.evidence !== undefined || t.kind === 'update');
    if (firstSign >= 0) ctx.report(beyond(before.slice(firstSign), start!, 'start'));
    const recovered = timed.filter((t) => late(t) && (t.evidence === 'recovery' || t.kind === 'update'));
    if (recovered.length > 0) ctx.report(beyond(recovered, end!, 'end'));
  },
});

function beyond(run: TimelineEntry[], bound: WindowPoint, side: 'start' | 'end'): Report {
  const first = run[0];
  const shows = first.kind === 'update' ? 'status update' : first.evidence === 'recovery' ? 'recovery' : 'impact';
  const where = side === 'start' ? 'before the stated start' : 'after the stated end';
  const expected = side === 'start' ? 'expected the window to start by the first sign of the incident' : 'expected the window to end when the service recovered';
  return {
    message: `Unexpected ${shows} at ${shortTime(first.time)} ${where} (${shortTime(bound.time)}), ${expected}`,
    line: first.line,
    column: first.expressionColumn ?? first.column,
    related: [{ line: bound.line, column: bound.column, message: side === 'start' ? 'Stated start' : 'Stated end' }, ...others(run)],
  };
}

function wrongWindow(outside: TimelineEntry[], start: WindowPoint | undefined, end: WindowPoint | undefined): Report {
  const first = outside.reduce((a, b) => (b.line < a.line ? b : a));
  const ordered = [...outside].sort((a, b) => a.order! - b.order!);
  const span = `${shortTime(ordered[0].time)} to ${shortTime(ordered[ordered.length - 1].time)}`;
  const related: RelatedLocation[] = [];
  if (start) related.push({ line: start.line, column: start.column, message: 'Stated start' });
  if (end && (!start || end.line !== start.line || end.column !== start.column)) related.push({ line: end.line, column: end.column, message: 'Stated end' });
  return {
    message: `Unexpected incident window (${shortTime(start?.time)} to ${shortTime(end?.time)}) outside every timed entry (${span}), expected the window to cover the timeline`,
    line: first.line,
    column: first.expressionColumn ?? first.column,
    related: [...related, ...others(outside.filter((t) => t !== first).sort((a, b) => a.line - b.line), true)],
  };
}

function others(run: TimelineEntry[], all = false): RelatedLocation[] {
  return (all ? run : run.slice(1)).slice(0, MAX_RELATED).map((t) => ({ line: t.line, column: t.expressionColumn ?? t.column, message: `Also outside: ${shortTime(t.time)}` }));
}
