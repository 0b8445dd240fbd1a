/**
 * ## timeline-window
 *
 * The incident window the document states (front matter, "Start:"/"End:"
 * fields, "from 10:00 to 14:00 UTC") agrees with its timeline. Deploys before
 * the start and follow-ups after the end are part of a good timeline, so an
 * entry outside the window only counts when it shows the incident itself:
 * the impact seen before the stated start (an alert, complaints, errors; by
 * any time at all, `start-tolerance-minutes`, unless the entry's time or the
 * stated start is approximate, "approximately 01:55": "9:55 AM: issue detected" contradicts an outage "from
 * 10:00 AM"), the service recovering after the stated end (by more than
 * `tolerance-minutes`), or a status update posted outside it. Before the
 * start, "operating normally" is how things stood, not a recovery. A window
 * that no timed entry falls into is wrong as a whole. Each is one finding, at the first entry of the run, with the window's statement and
 * the rest of the run as related places. A stated end later than every
 * entry, by more than `end-tolerance-minutes`, when the timeline itself ends
 * the incident earlier (the service recovered, the incident was resolved or
 * fixed, and no impact shows after that) is one finding at the stated end:
 * nothing explains the rest of the window; so is a stated start earlier than
 * every entry when the timeline says where the impact began ("site goes
 * down"), or earlier than an entry saying it begins ("Outage begins") with
 * only lead-up before it (a scheduled reboot). The text's times for events the timeline tells of agree with the
 * timeline's (see model/mentions.ts): "At 4:33 PM, changes were made" and
 * "4:45 PM: Configuration changes made" are one finding at the text's time, and
 * so are "at around 2.30PM the website was fully operational again" and the
 * timeline's recovery at 1:00 PM. A window the timeline's own
 * markers gave ("OUTAGE BEGINS") is not checked against the timeline. A
 * stated end before the stated start ("9:30 AM - 12:30 AM UTC" on one date)
 * is one finding at the end, and the window is checked no further.
 */
import type { RelatedLocation, TimelineEntry, WindowPoint } from '../types.js';
import { defineRule, type Report, type RuleContext } from './rule.js';
import { offset, type Mention } from '../model/mentions.js';
import { chronology, comparable, formatMinutes, shortTime } from './util.js';
import type { Course } from '../model/course.js';

const MAX_RELATED = 20;

interface Options {
  'tolerance-minutes': number;
  'start-tolerance-minutes': number;
  'end-tolerance-minutes': number;
}

export default defineRule({
  id: 'timeline-window',
  name: 'Timeline entry outside the incident window',
  description: 'The stated incident window, and the times the text gives for events, agree with the timeline.',
  defaultSeverity: 'warning',
  options: (z) =>
    z.strictObject({
      'tolerance-minutes': z._default(z.number().check(z.minimum(0)), 5),
      'start-tolerance-minutes': z._default(z.number().check(z.minimum(0)), 0),
      'end-tolerance-minutes': z._default(z.number().check(z.minimum(0)), 10),
    }),
  defaults: { 'tolerance-minutes': 5, 'start-tolerance-minutes': 0, 'end-tolerance-minutes': 10 },
  examples: {
    valid: [
      { title: 'Inside the window', markdown: '## Summary\n\nFrom 10:00 to 11:00 UTC on 2023-11-07.\n\n## Timeline\n\n- 10:05 UTC alert\n- 10:55 UTC fixed\n' },
      {
        title: 'The deploy before and the follow-up after',
        markdown: '## Summary\n\nFrom 10:00 to 11:00 UTC on 2023-11-07.\n\n## Timeline\n\n- 09:40 UTC deploy\n- 10:05 UTC alert\n- 10:55 UTC rollback\n- 14:00 UTC postmortem meeting\n',
      },
      {
        title: 'Operating normally before the start, alerts at about the start',
        markdown: '## Summary\n\nFrom 10:00 to 11:00 UTC on 2023-11-07.\n\n## Timeline\n\n- 09:50 UTC validator operating normally\n- ~09:58 UTC alerts fire\n- 10:55 UTC service restored\n',
      },
    ],
    invalid: [
      {
        title: 'Complaints before the start',
        markdown: '## Summary\n\nFrom 18:00 to 19:00 UTC on 2023-11-07.\n\n## Timeline\n\n- 17:50 UTC users complain the site is not responding\n- 17:55 UTC escalated\n- 18:00 UTC site down\n',
        reports: ['7:3 Unexpected impact at 2023-11-07 17:50 UTC before the stated start (2023-11-07 18:00 UTC), expected the window to start by the first sign of the incident'],
      },
      {
        title: 'Detected five minutes before the stated start',
        markdown: '## Summary\n\nThe outage lasted from 10:00 AM to 2:00 PM UTC on May 8th, 2024.\n\n## Timeline\n\n- 9:55 AM: issue detected, monitoring alerts on database response time\n- 10:00 AM: engineers investigate\n- 2:00 PM: service fully restored\n',
        reports: ['7:3 Unexpected impact at 2024-05-08 09:55 UTC before the stated start (2024-05-08 10:00 UTC), expected the window to start by the first sign of the incident'],
      },
      { title: 'Restored after the end', markdown: '## Summary\n\nFrom 10:00 to 11:00 UTC on 2023-11-07.\n\n## Timeline\n\n- 10:05 UTC alert\n- 12:30 UTC service restored\n', reports: ['8:3 Unexpected recovery at 2023-11-07 12:30 UTC after the stated end (2023-11-07 11:00 UTC), expected the window to end when the service recovered'] },
      {
        title: 'A start before the change that caused it',
        markdown: '## Summary\n\nFrom 4pm to 6pm GMT the site showed errors.\n\n## Timeline\n\n- 5:30pm GMT configuration push begins\n- 5:36pm GMT server failure, monitoring alerts\n- 6:00pm GMT servers back online\n',
        reports: ["3:6 Unexpected stated start 16:00, 1 h 30 min before the timeline's first entry (17:30), which comes before the impact, expected the window to start with the impact the timeline shows (17:36)"],
      },
      {
        title: 'An end hours after the timeline’s fix',
        markdown: '## Summary\n\nFrom 13:00 to 17:35 UTC on 2023-11-07 the site was down.\n\n## Timeline\n\n- 13:00 UTC site goes down\n- 13:12 UTC config fixed\n- 13:13 UTC service restored\n',
        reports: ["3:15 Unexpected stated end 2023-11-07 17:35 UTC, 4 h 22 min after the timeline's last entry (2023-11-07 13:13 UTC), expected the window to end with the timeline's recovery (2023-11-07 13:13 UTC)"],
      },
      {
        title: 'An end a quarter of an hour after the recovery',
        markdown: '## Summary\n\n75 minutes of downtime from 9:00 AM to 10:15 AM GMT on 2024-03-02.\n\n## Timeline\n\n- 9:00 AM GMT: the site goes down\n- 9:40 AM GMT: the config is fixed\n- 10:00 AM GMT: users regain access\n',
        reports: ["3:40 Unexpected stated end 2024-03-02 10:15 UTC, 15 min after the timeline's last entry (2024-03-02 10:00 UTC), expected the window to end with the timeline's recovery (2024-03-02 10:00 UTC)"],
      },
      {
        title: 'An end before the start (AM for PM)',
        markdown: '## Summary\n\n* Date: July 2 2025, 9:30 AM UTC - July 2 2025, 12:30 AM UTC\n* Duration: ~3 hours\n\n## Timeline\n\n- 9:30 AM UTC upgrade starts\n- 12:30 PM UTC upgrade confirmed\n',
        reports: ['3:36 Unexpected stated end 2025-07-02 00:30 UTC, 9 h before the stated start (2025-07-02 09:30 UTC), expected the window to end after it starts'],
      },
    ],
  },
  check(ctx) {
    checkWindow(ctx);
    checkMentions(ctx.model.mentions, ctx.options['tolerance-minutes'] * 60_000, ctx.report);
  },
});

function checkWindow(ctx: RuleContext<Options>): void {
  const stated = (p: WindowPoint | undefined) => (p && p.source !== 'timeline' ? p : undefined);
  const start = stated(ctx.model.incident.start);
  const end = stated(ctx.model.incident.end);
  if (!start && !end) return;
  // "9:30 AM UTC - July 2 2025, 12:30 AM UTC": a window that ends before it starts is wrong in itself, and
  // nothing else can be checked against it.
  if (start && end && comparable(start, end) && end.order! < start.order!) {
    ctx.report(endBeforeStart(start, end));
    return;
  }
  const slack = ctx.options['tolerance-minutes'] * 60_000;
  const { outOfOrder } = chronology(ctx.model.timeline);
  const timed = ctx.model.timeline.filter(
    (t) => t.order !== undefined && !outOfOrder.has(t) && (!start || comparable(t, start)) && (!end || comparable(t, end)),
  );
  const startSlack = ctx.options['start-tolerance-minutes'] * 60_000;
  // An approximate time on either side ("~9:55 AM: issue detected", "at approximately 01:55 UTC") is only as exact as the tolerance.
  const approximate = (t: TimelineEntry) => t.approximate || t.expression?.approximate || start?.approximate;
  const early = (t: TimelineEntry) => start !== undefined && t.order! < start.order! - (approximate(t) ? Math.max(slack, startSlack) : startSlack);
  const late = (t: TimelineEntry) => end !== undefined && t.order! > end.order! + slack;
  const outside = timed.filter((t) => early(t) || late(t));
  if (timed.length >= 2 && outside.length === timed.length) {
    ctx.report(wrongWindow(outside, start, end));
    return;
  }
  const before = timed.filter(early);
  const firstSign = before.findIndex((t) => t.evidence === 'impact' || t.kind === 'update');
  if (firstSign >= 0) ctx.report(beyond(before.slice(firstSign), start!, 'start'));
  const recovered = timed.filter((t) => late(t) && (t.evidence === 'recovery' || t.kind === 'update'));
  if (recovered.length > 0) ctx.report(beyond(recovered, end!, 'end'));
  else if (end) {
    const unexplained = endAfterTimeline(ctx.model.course, end, timed, ctx.options['end-tolerance-minutes'] * 60_000);
    if (unexplained) ctx.report(unexplained);
  }
  if (start && firstSign < 0) {
    const unexplained = startBeforeTimeline(ctx.model.course, start, timed, ctx.options['end-tolerance-minutes'] * 60_000);
    if (unexplained) ctx.report(unexplained);
  }
}

/**
 * A stated start earlier than everything the timeline records, when the
 * timeline says where the impact began ("13:00 site goes down", "OUTAGE
 * BEGINS"), or earlier than an entry saying the impact begins that only
 * lead-up comes before ("10:30 PM: Reboot begins", "12:26 AM: Outage
 * begins"), or earlier than a first entry that comes before the impact (the
 * change that caused it): nothing in the document explains the start of the
 * window.
 */
function startBeforeTimeline(course: Course, start: WindowPoint, timed: TimelineEntry[], slack: number): Report | undefined {
  const first = timed.reduce<TimelineEntry | undefined>((a, t) => (!a || t.order! < a.order! ? t : a), undefined);
  if (!first || !comparable(first, start)) return undefined;
  const onset = course.onset;
  if (onset?.onset && comparable(onset, start) && start.order! < first.order! - slack) return startBefore(start, first, onset, `${formatMinutes((first.order! - start.order!) / 60_000)} before the timeline's first entry (${shortTime(first.time)})`);
  const marked = markedOnset(timed);
  if (marked && comparable(marked, start) && start.order! < marked.order! - slack) return startBefore(start, first, marked, `${formatMinutes((marked.order! - start.order!) / 60_000)} before the onset the timeline marks (${shortTime(marked.time)})`);
  // The timeline opens before the impact, with the change that caused it or a lead-up ("5:30pm – Configuration push
  // begins", then "5:36pm – server failure"): the incident cannot have begun before that.
  const lead = course.first;
  if (lead === first && onset && onset !== lead && comparable(onset, start) && start.order! < lead.order! - slack) {
    return startBefore(start, first, onset, `${formatMinutes((lead.order! - start.order!) / 60_000)} before the timeline's first entry (${shortTime(lead.time)}), which comes before the impact`);
  }
  return undefined;
}

/** The first entry saying the impact begins ("Outage begins"), when no entry before it shows the impact. */
function markedOnset(timed: TimelineEntry[]): TimelineEntry | undefined {
  const ordered = [...timed].sort((a, b) => a.order! - b.order! || a.line - b.line);
  const marked = ordered.findIndex((t) => t.onset);
  if (marked < 0 || ordered.slice(0, marked).some((t) => t.evidence === 'impact' || t.evidence === 'recovery')) return undefined;
  return ordered[marked];
}

function startBefore(start: WindowPoint, first: TimelineEntry, onset: TimelineEntry, howEarly: string): Report {
  const related: RelatedLocation[] = [{ line: onset.line, column: onset.expressionColumn ?? onset.column, message: `The timeline's onset: ${shortTime(onset.time)}` }];
  if (first !== onset) related.push({ line: first.line, column: first.expressionColumn ?? first.column, message: `The timeline's first entry: ${shortTime(first.time)}` });
  return {
    message: `Unexpected stated start ${shortTime(start.time)}, ${howEarly}, expected the window to start with the impact the timeline shows (${shortTime(onset.time)})`,
    line: start.line,
    column: start.column,
    related,
  };
}

/**
 * A time the text gives for an event the timeline tells of at another time
 * ("At 4:33 PM PST, changes were made…" and "4:45 PM: Configuration changes
 * made and pushed"): one finding per entry, at the text's time. An
 * approximate time ("at around 17:20") is allowed twice the tolerance.
 */
function checkMentions(mentions: Mention[], slack: number, report: (r: Report) => void): void {
  const seen = new Set<TimelineEntry>();
  for (const m of mentions) {
    const entry = m.entry;
    if (seen.has(entry)) continue;
    const allowed = m.expression.approximate || entry.approximate ? 2 * slack : slack;
    if (Math.abs(offset(m, entry, m.expression)) <= allowed) continue;
    // The same clock read in two zones ("10AM Pacific time" and "10:00 AM PST") is a question of zones, not of when.
    const clock = entry.expression?.time;
    if (clock && clock.hour === m.expression.time!.hour && clock.minute === m.expression.time!.minute) continue;
    seen.add(entry);
    const theirs = entry.expression?.text.trim() ?? shortTime(entry.time);
    report({
      message: `Unexpected ${m.expression.text.trim()} for “${snippet(m.sentence)}”, expected ${theirs} as in the timeline (line ${entry.line})`,
      line: m.line,
      column: m.column,
      related: [{ line: entry.line, column: entry.expressionColumn ?? entry.column, message: `Timeline: ${snippet(entry.text)}` }],
    });
  }
}

/** The start of a sentence or entry, for a message. */
function snippet(text: string): string {
  const t = text.replace(/\s+/g, ' ').replace(/^[\s,;:–—-]+/, '').trim();
  return t.length <= 60 ? t : t.slice(0, 59).replace(/\s\S*$/, '') + '…';
}

/**
 * A stated end later than everything the timeline records, when the
 * timeline ends the incident itself (the service recovered, the incident
 * resolved, a fix applied, and no impact seen after it): nothing in the
 * document explains the rest of the window.
 */
function endAfterTimeline(course: Course, end: WindowPoint, timed: TimelineEntry[], slack: number): Report | undefined {
  const over = course.end;
  const last = course.last;
  if (!over || !last || !comparable(over, end) || !comparable(last, end)) return undefined;
  if (end.order! <= last.order! + slack) return undefined;
  if (timed.some((t) => t.order! > over.order! && t.evidence === 'impact')) return undefined;
  const what = over.evidence === 'recovery' ? 'recovery' : over.evidence === 'resolved' ? 'resolution' : 'fix';
  const related: RelatedLocation[] = [{ line: over.line, column: over.expressionColumn ?? over.column, message: `The timeline's ${what}: ${shortTime(over.time)}` }];
  if (last !== over) related.push({ line: last.line, column: last.expressionColumn ?? last.column, message: `The timeline's last entry: ${shortTime(last.time)}` });
  return {
    message: `Unexpected stated end ${shortTime(end.time)}, ${formatMinutes((end.order! - last.order!) / 60_000)} after the timeline's last entry (${shortTime(last.time)}), expected the window to end with the timeline's ${what} (${shortTime(over.time)})`,
    line: end.line,
    column: end.column,
    related,
  };
}

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

function endBeforeStart(start: WindowPoint, end: WindowPoint): Report {
  return {
    message: `Unexpected stated end ${shortTime(end.time)}, ${formatMinutes((start.order! - end.order!) / 60_000)} before the stated start (${shortTime(start.time)}), expected the window to end after it starts`,
    line: end.line,
    column: end.column,
    related: [{ line: start.line, column: start.column, message: 'Stated start' }],
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
