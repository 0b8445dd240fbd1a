/**
 * ## timeline-order
 *
 * Timeline entries run forwards (or, in a status page's newest-first list,
 * backwards throughout). Only a step back between times that are surely on
 * the same day counts: a date written on the entries, or an undated clock
 * that goes back by less than a night would (23:50 then 00:10 is the next
 * day). The entries out of place are the fewest whose removal leaves the rest
 * in order; each run of them is one finding, at its first line, with the
 * entry it contradicts and the rest of the run as related places.
 */
import type { TimelineEntry } from '../types.js';
import { defineRule, type Report } from './rule.js';
import { chronology, shortTime } from './util.js';

export default defineRule({
  id: 'timeline-order',
  name: 'Timeline out of order',
  description: 'Timeline entries are in chronological order.',
  defaultSeverity: 'error',
  examples: {
    valid: [
      { title: 'Past midnight', markdown: '## Timeline\n\n- 23:50 UTC alert\n- 00:10 UTC rollback\n' },
      { title: 'Newest first', markdown: '## Timeline\n\n- 2024-05-15 17:50 resolved\n- 2024-05-15 09:00 monitoring\n- 2024-05-14 19:00 investigating\n' },
      { title: 'Days in order', markdown: '## Timeline\n\n- 2021-06-16 release\n- 2021-12-01 first report\n- 2022-03-08 fix\n' },
      {
        title: 'Newest first, the top entry naming its day',
        markdown:
          '## Timeline\n\n- **15:00 UTC (Sat)** All objects restored.\n- **20:30 UTC** Script still running.\n- **18:00 UTC** Restore script starts.\n- **15:30 UTC** Root cause found.\n- **14:30 UTC** First report.\n',
      },
    ],
    invalid: [
      { title: 'A step back', markdown: '## Timeline\n\n- 10:00 UTC alert\n- 09:00 UTC deploy\n', reports: ['4:3 Unexpected 09:00 UTC after 10:00 UTC (line 3), expected entries in chronological order'] },
      {
        title: 'A day that goes back, in a timeline of days',
        markdown: '## Timeline\n\n| Date | Event |\n| --- | --- |\n| 2021-06-16 | Release published |\n| 2021-12-01 | First report |\n| 2021-01-28 | Second report |\n| 2022-03-08 | Third report |\n',
        reports: ['7:1 Unexpected 2021-01-28 after 2021-12-01 (line 6), expected entries in chronological order'],
      },
      {
        title: 'One entry too late: one finding',
        markdown: '## Timeline\n\n- 2022-01-20 22:40 account suspended\n- 2022-01-20 22:06 suspension noticed\n- 2022-01-20 22:07 admin called\n',
        reports: ['3:3 Unexpected 2022-01-20 22:40 before 2022-01-20 22:06 (line 4), expected entries in chronological order'],
      },
    ],
  },
  check(ctx) {
    reportRuns(chronology(ctx.model.timeline), ctx.report);
    // A timeline of days only ("| 2021-12-01 | Report of data corruption |"): a day that goes back is out of order too.
    if (ctx.model.timeline.some((t) => t.order !== undefined)) return;
    const days = ctx.model.timeline.filter((t) => t.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(t.date));
    if (days.length >= MIN_DAYS) reportRuns(chronology(days.map((t) => ({ ...t, time: t.date!, order: Date.parse(`${t.date}T00:00:00Z`) }))), ctx.report);
  },
});

/** Dated entries a timeline without clock times needs before the order of its days is checked. */
const MIN_DAYS = 3;

function reportRuns({ runs, newestFirst }: ReturnType<typeof chronology>, report: (r: Report) => void): void {
  for (const run of runs) {
    const first = run.entries[0];
    // Blame the step back when the run sits below the entry before it, else the entry after it for coming too soon.
    const back = run.before !== undefined && first.order! < run.before.order!;
    const other = back ? run.before! : run.after ?? run.before!;
    if (!other) continue;
    const relation = back === !newestFirst ? 'after' : 'before';
    const expected = newestFirst ? 'expected newest-first entries to run back in time' : 'expected entries in chronological order';
    report({
      message: `Unexpected ${label(first, other)} ${relation} ${label(other, first)} (line ${other.line}), ${expected}`,
      line: first.line,
      column: first.expressionColumn ?? first.column,
      related: [
        { line: other.line, column: other.expressionColumn ?? other.column, message: `${back ? 'Later' : 'Earlier'} entry at ${label(other, first)}` },
        ...run.entries.slice(1).map((e) => ({ line: e.line, column: e.expressionColumn ?? e.column, message: `Also out of order: ${label(e, other)}` })),
      ],
    });
  }
}

/** The time as written, with its date when the two entries compared are on different days. */
function label(entry: TimelineEntry, against: TimelineEntry): string {
  if (entry.date && against.date && entry.date !== against.date) return shortTime(entry.time);
  return entry.expression?.text.trim() ?? shortTime(entry.time);
}
