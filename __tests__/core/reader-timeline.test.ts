/**
 * The timeline reader on documents written for it (__tests__/fixtures/reader/),
 * one per capability of issue 9: entries in every form real teams write
 * (capability 4), multi-line entries (3), and checks that use only stated
 * windows and report one problem once (5). Each expectation is exact: the
 * entries' lines, the columns of their times and their ISO times; the
 * findings' rule, line, column, message and related places.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report.js';
import { formatSarif } from '../../src/reporters/sarif.js';
import { formatText } from '../../src/reporters/text.js';
import { check, fixture } from '../helpers.js';

const TIME_RULES = new Set(['timeline-order', 'timeline-window', 'duration-mismatch', 'timestamp-invalid', 'timezone-missing', 'timeline-untimed', 'future-date']);

function read(name: string) {
  const result = check(fixture(`reader/${name}`), {}, name);
  const m = result.model!;
  const i = m.incident;
  return {
    entries: m.timeline.map((t) => `${t.line}:${t.expressionColumn ?? t.column} ${t.time ?? (t.placeholder ? `placeholder ${t.placeholder}` : '-')}`),
    window: [
      i.start ? `${i.start.time} ${i.start.source}@${i.start.line}:${i.start.column}` : null,
      i.end ? `${i.end.time} ${i.end.source}@${i.end.line}:${i.end.column}` : null,
      i.duration?.minutes ?? null,
      i.timezone?.zone ?? null,
    ],
    findings: result.findings
      .filter((f) => TIME_RULES.has(f.rule))
      .map((f) => ({ rule: f.rule, line: f.line, column: f.column, message: f.message, related: (f.related ?? []).map((r) => `${r.line}:${r.column} ${r.message}`) })),
  };
}

describe('entries and their times (capability 4)', () => {
  it('reads every time form on list items: seconds, two zones, ~, 14h30 (CET), date/time and dateTtime, 12-hour without a space; placeholders are untimed', () => {
    const r = read('timeline-forms.md');
    expect(r.entries).toEqual([
      '12:3 2024-03-01T10:00:00Z',
      '13:3 2024-03-01T10:04:30Z',
      '14:3 2024-03-01T10:10:00Z', // "06:10 EDT (10:10 UTC)": the first zone written, the same instant
      '15:3 2024-03-01T10:15:00Z',
      '16:3 2024-03-01T10:20:00Z', // "11h20 (CET)"
      '17:3 2024-03-01T10:25:00Z', // "2024-03-01/10:25"
      '18:3 2024-03-01T10:30:00Z', // "2024-03-01T10:30Z"
      '19:3 2024-03-01T10:41:00Z', // "10:41AM"
      '20:3 placeholder --:--',
      '21:3 placeholder HH:MM',
      '22:4 placeholder ???',
      '23:3 2024-03-01T11:30:00Z',
    ]);
    // The window is the stated range, not the narrative "Traffic started building around 09:30".
    expect(r.window).toEqual(['2024-03-01T10:00:00Z prose@5:53', '2024-03-01T11:30:00Z prose@5:62', null, 'UTC']);
    expect(r.findings).toEqual([
      { rule: 'timeline-untimed', line: 20, column: 3, message: 'Unexpected placeholder “--:--” for the time of “--:-- someone restarted the cache (time…”, expected a timestamp such as “14:32 UTC”', related: [] },
      { rule: 'timeline-untimed', line: 21, column: 3, message: 'Unexpected placeholder “HH:MM” for the time of “HH:MM capacity added”, expected a timestamp such as “14:32 UTC”', related: [] },
      { rule: 'timeline-untimed', line: 22, column: 4, message: 'Unexpected placeholder “???” for the time of “[???] customers notified”, expected a timestamp such as “14:32 UTC”', related: [] },
    ]);
  });

  it('"13:00 PM" is reported for its notation and still placed at 13:00, so the timeline is checked', () => {
    const md = '# Outage\n\nThe outage started at 13:00 PM and was resolved around 14:50 PM CAT.\n\n## Timeline\n\n13:00 PM: The site was reported down.\n\n13:50 PM: The issue was resolved, and the site was back online.\n';
    const result = check(md);
    expect(result.model!.timeline.map((e) => [e.line, e.expression?.time?.hour, e.invalid])).toEqual([
      [7, 13, '13:00 PM mixes a 24-hour time with AM/PM'],
      [9, 13, '13:50 PM mixes a 24-hour time with AM/PM'],
    ]);
    expect(result.findings.filter((f) => TIME_RULES.has(f.rule)).map((f) => `${f.line} ${f.rule}`)).toEqual(['3 timeline-window', '7 timestamp-invalid', '9 timestamp-invalid']);
  });

  it('an hour written with its zero ("06:10") is on a 24-hour clock, not the PM of the entry before', () => {
    const md = '# Outage\n\n## Timeline\n\n- 2022-01-20 02:00 PM: PRs merged\n- 06:10: issue raised\n- 07:45: fix deployed\n- 12:10: errors reported\n- 12:33: errors fixed\n';
    // The PM is the slip: the entry that wrote it is the one out of order, not the midday reports.
    expect(check(md).findings.filter((f) => f.rule === 'timeline-order').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '5:3 Unexpected 2022-01-20 02:00 PM before 06:10 (line 6), expected entries in chronological order',
    ]);
    // Unpadded, "6:10" after a PM still reads as the PM it goes on from.
    const unpadded = check('# Outage\n\n## Timeline\n\n- 2022-01-20 02:00 PM: PRs merged\n- 6:10: issue raised\n- 7:45: fix deployed\n');
    expect(unpadded.findings.filter((f) => f.rule === 'timeline-order')).toEqual([]);
  });

  it('a phase sub-heading of the timeline that states its time is an entry of it, whatever its words name', () => {
    const md = '# npm publishing failure\n\n## Timeline of Events\n\n### Phase 1: Initial Failures (2025-12-09 22:38)\n\nThe release job failed.\n\n### Phase 2: Typo Fixed, Still Failing (2025-12-09 23:17)\n\nStill failing.\n\n### Phase 3: Successful Push-Triggered Release (2025-12-10 01:55)\n\nIt published.\n\n## Root Cause\n\nThe trusted publisher named another workflow.\n';
    const m = check(md).model!;
    expect(m.timeline.map((t) => `${t.line} ${t.time}`)).toEqual(['5 2025-12-09T22:38', '9 2025-12-09T23:17', '13 2025-12-10T01:55']);
    expect(m.sections.filter((s) => s.keys.length > 0).map((s) => `${s.line} ${s.keys.join('+')}`)).toEqual(['3 timeline', '17 root-cause']);
  });

  it('lines that open with times written with a dot ("09.25") are entries; a line in lower case goes on with the one above', () => {
    const md = '# Slow search\n\n## Timeline\n\n~02.00 900k messages on the ingestor queue\n\n09.00 User reported slow search.\n\n09.36 AC issue found\n\n09:38 AC think I applied a fix<br>\nand it has been saturated since ~2am this morning<br>\n\n09.44 NP confirmed search is fast again\n';
    const m = check(md).model!;
    expect(m.timeline.map((t) => `${t.line} ${t.time}`)).toEqual(['5 02:00', '7 09:00', '9 09:36', '11 09:38', '14 09:44']);
    expect(check(md).findings.filter((f) => f.rule === 'timeline-order')).toEqual([]);
    // One number with a dot is no time: "10.30 percent" alone stays a line of text.
    expect(check('# Outage\n\n## Timeline\n\n10.30 percent of requests failed\n').model!.timeline.map((t) => t.time ?? null)).toEqual([]);
  });

  it('a template\'s "[Time]" is the placeholder of the entry\'s time, reported once, by the timeline rule', () => {
    const result = check('# Outage\n\n## Timeline\n\n- **[Time]:** [Issue detected]\n- **14:05 UTC:** Rolled back\n');
    expect(result.model!.timeline.map((e) => [e.line, e.placeholder ?? e.time])).toEqual([
      [5, '[Time]'],
      [6, '14:05'],
    ]);
    expect(result.findings.filter((f) => f.line === 5).map((f) => `${f.rule} ${f.message}`)).toEqual([
      'timeline-untimed Unexpected placeholder “[Time]” for the time of “[Time]: [Issue detected]”, expected a timestamp such as “14:32 UTC”',
    ]);
  });

  it('reads tables whose date, time and zone sit in columns of their own, the zone and the year in column headers', () => {
    const r = read('timeline-tables.md');
    expect(r.entries).toEqual([
      '11:18 2025-01-14T22:40:00Z', // "| Tue | Jan 14 | 23:40 |" under "Date (2025)" and "Time (CET)"
      '12:18 2025-01-14T22:52:00Z',
      '13:18 2025-01-14T23:05:00Z', // "Jan 15 | 00:05" CET is still the 14th in UTC
      '14:18 2025-01-14T23:20:00Z',
      '20:3 2025-01-15T17:00:00Z', // "| 2025-01-15 09:00 | PST |": a zone column
      '21:3 2025-01-15T18:30:00Z',
    ]);
    // "about 40 minutes" agrees with the alert at 23:40 to the recovery at 00:20; the next morning's rows are follow-ups.
    expect(r.window).toEqual([null, null, 40, 'UTC+1']);
    expect(r.findings).toEqual([]);
  });

  it('reads time headings with their bodies, and date headings at the timeline heading’s own level', () => {
    const r = read('timeline-headings.md');
    expect(r.entries).toEqual([
      '11:3 2023-06-02T04:40:00Z', // "## 2023-06-01" then "- 21:40" in PDT
      '12:3 2023-06-02T06:10:00Z',
      '16:3 2023-06-02T14:30:00Z', // "## 2023-06-02"
      '17:3 2023-06-02T15:05:00Z',
      '19:5 2023-06-02T16:00:00Z', // "### 2023-06-02 09:00": its paragraph and numbered list are its body
      '27:5 2023-06-02T16:45:00Z', // "### 2023-06-02 ~09:45"
    ]);
    // The body says when the problem started: the timeline's own marker, used only because the summary states no window.
    expect(r.window).toEqual(['2023-06-02T13:50:00Z timeline@21:69', null, null, 'UTC-7']);
    expect(r.findings).toEqual([]);
  });

  it('gives an entry without a zone the zone of the entries before it', () => {
    const r = read('timeline-zones.md');
    expect(r.entries).toEqual([
      '11:3 2019-01-22T22:54:00Z', // "2:54 PM PST"
      '12:3 2019-01-22T23:28:00Z', // "3:28 PM": PST from the entry above
      '16:3 2019-01-23T12:49:00Z', // under the date line "2019-01-23"
      '17:3 2019-01-23T15:18:00Z',
      '18:3 2019-01-23T16:05:00Z', // "17:05 CET": its own zone
      '19:3 2019-01-23T16:27:00Z',
    ]);
    expect(r.window).toEqual([null, '2019-01-23T16:27:00Z timeline@19:3', null, 'UTC-8']);
    expect(r.findings).toEqual([]);
  });

  it('reads a dated entry’s time without its colon, a 12-hour time typed “2: 40 P.M.”, and a heading of clock times that names a phase (“Fix and recovery”) as part of the timeline', () => {
    const r = read('timeline-typed-times.md');
    expect(r.entries).toEqual([
      '11:3 2024-09-10T08:15:00Z', // "2024-09-10 0815: queue depth alert fires"
      '12:3 2024-09-10T08:32:00Z', // "2024-09-10 0832 - on-call confirms"
      '13:3 2024-09-10T14:40:00Z', // "2: 40 P.M."
      '15:5 2024-09-10T15:05:00Z', // "### 3:05-3:40 PM: Fix and recovery" is an entry, not a resolution section
      '17:3 2024-09-10T15:05:00Z',
      '18:3 2024-09-10T15:40:00Z',
    ]);
    expect(r.findings).toEqual([]);
    const sections = check(fixture('reader/timeline-typed-times.md'), {}, 'timeline-typed-times.md').model!.sections;
    expect(sections.map((s) => `${s.line} ${s.keys.join('+') || '-'}`)).toEqual(['1 -', '3 summary', '7 timeline', '9 -', '20 root-cause', '24 resolution', '28 action-items']);
  });

  it('a sub-heading of the timeline naming a phase ("### Detection", "### Resolution") over entries that open with their times is part of the timeline; one over a story is a section', () => {
    const md = '# SSL outage\n\n## Summary\n\nThe certificate expired on February 10, 2025.\n\n## Timeline\n\n### Detection\n\n- **09:00 UTC:** Monitoring triggered an alert.\n\n### Escalation\n\n- **09:40 UTC:** Escalated to the security team.\n\n### Resolution\n\n- **10:15 UTC:** Renewed the certificate.\n- **10:30 UTC:** Reloaded Nginx, restoring service.\n\n## Root cause\n\nAuto-renewal was off.\n';
    const m = check(md).model!;
    expect(m.timeline.map((t) => [t.line, t.time])).toEqual([
      [11, '2025-02-10T09:00:00Z'],
      [15, '2025-02-10T09:40:00Z'],
      [19, '2025-02-10T10:15:00Z'],
      [20, '2025-02-10T10:30:00Z'],
    ]);
    const story = md.replace('### Resolution\n\n- **10:15 UTC:** Renewed the certificate.\n- **10:30 UTC:** Reloaded Nginx, restoring service.', '### Resolution\n\nThe certificate was renewed at 10:15 UTC.');
    expect(check(story).model!.sections.filter((s) => s.keys.includes('resolution')).map((s) => s.line)).toEqual([17]);
  });

  it('reads a "Time" column of bare 24-hour clocks ("0730"), and never a date ("2021-11-25") as one', () => {
    const md = '# Incident Report - February 4th, 2019\n\n### Timeline\n\n_All times in UTC._\n\n| Time | Event Type | Description |\n| ---- | ---------- | ----------- |\n| 0730 | `operator` | The operator renews the metadata. |\n| 0809 | `operator` | Provisioning fails with a 403. |\n| 1230 | `operator` | The operator calls the end of the incident. |\n';
    const r = check(md);
    expect(r.model!.timeline.map((e) => [e.line, e.time])).toEqual([
      [9, '2019-02-04T07:30:00Z'],
      [10, '2019-02-04T08:09:00Z'],
      [11, '2019-02-04T12:30:00Z'],
    ]);
    expect(r.findings.filter((f) => f.rule === 'timeline-untimed')).toEqual([]);
    const dated = check('# Terra\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2021-11-25 | An attack is outlined. |\n| 2022-05-07 | UST withdrawn. |\n');
    expect(dated.model!.timeline.map((e) => [e.line, e.time, e.date])).toEqual([
      [7, null, '2021-11-25'],
      [8, null, '2022-05-07'],
    ]);
  });

  it('reads no entry from a figure\'s caption or from a time a sentence plans ("was to start at noon")', () => {
    const md = '# Outage\n\n## Outage timeline\n\nThe special offer was to start at noon sharp, and a link had been published before.\nAt 11:15 we scaled out the Listing service.\n\n<figure>\n<img alt="Traffic around noon"\nsrc="/traffic.png" />\n<figcaption>\nSearch traffic around noon, and the failures around 12:05.\n</figcaption>\n</figure>\n\nAt 11:50 traffic was 50% higher than the day before.\n';
    const r = check(md);
    expect(r.model!.timeline.map((e) => e.line)).toEqual([6, 16]);
    expect(r.findings.filter((f) => f.rule === 'timeline-order')).toEqual([]);
  });

  it('after a list of entries that open with their times, a list none of whose items does is a note, not entries', () => {
    const md = '# Backlog\n\n## Incident timeline\n\n- Thurs 07:06 PDT: paged for a growing backlog\n- Thurs 07:28 PDT: hotfix rollout begins\n- Thurs 07:50 PDT: backlog at zero\n\nWhile monitoring the rollout, we also noticed:\n\n- Step idempotency was made stricter at 07:40 PDT.\n- We scaled the cluster to 25 machines.\n';
    const r = check(md);
    expect(r.model!.timeline.map((e) => [e.line, e.time !== null])).toEqual([
      [5, true],
      [6, true],
      [7, true],
    ]);
    expect(r.findings.filter((f) => f.rule === 'timeline-order' || f.rule === 'timeline-untimed')).toEqual([]);
  });

  it('reads a short item over paragraphs that open with their times as a label, the paragraphs as its entries', () => {
    const r = read('timeline-phase-items.md');
    // "* how was it detected" then, two blank lines down, a tab-indented "09:12 a customer wrote to support".
    expect(r.entries).toEqual(['12:2 2024-05-06T09:12:00Z', '16:2 2024-05-06T09:20:00Z', '18:2 2024-05-06T09:41:00Z']);
    expect(r.findings).toEqual([]);
  });

  it('reads a status page’s updates under headings that are only times as the timeline of a document without one', () => {
    const r = read('status-update-headings.md');
    expect(r.entries).toEqual(['12:6 2024-08-19T09:40:00Z', '16:6 2024-08-19T10:15:00Z']);
    // The update that says the service is restored ends the incident; no start is stated.
    expect(r.window).toEqual([null, '2024-08-19T10:15:00Z timeline@16:6', null, 'UTC']);
    expect(r.findings).toEqual([]);
  });

  it('reads a status page’s updates as paragraphs stamped with their time, newest first, as the timeline of a document without one', () => {
    const r = read('status-update-paragraphs.md');
    expect(r.entries).toEqual(['7:1 2026-07-01T06:14:00Z', '13:1 2026-07-01T01:11:00Z', '19:1 2026-06-30T22:00:00Z', '25:2 2026-06-30T20:10:00Z']);
    expect(r.findings).toEqual([]);
  });

  it('reads a status page’s update blocks (`::: update Resolved | <time>` … `:::`) as the timeline of a document without one, the resolved one as the recovery', () => {
    const r = read('status-update-blocks.md');
    expect(r.entries).toEqual(['9:21 2024-03-05T17:12:46Z', '13:25 2024-03-06T11:03:46Z', '17:23 2024-03-06T12:03:46Z']);
    const m = check(fixture('reader/status-update-blocks.md'), {}, 'status-update-blocks.md').model!;
    expect(m.timeline.map((t) => [t.kind, t.evidence, t.text])).toEqual([
      ['update', 'impact', 'Update We have disabled the US cluster and all traffic is routed to the EU cluster.'],
      ['update', 'impact', 'Monitoring A fix has been implemented and we are monitoring the results.'],
      ['update', 'recovery', 'Resolved This incident has been resolved.'],
    ]);
    expect(r.findings).toEqual([]);
    // A block left open at the end of the page is still an update.
    const open = check('Investigating.\n\n::: update Resolved | 2024-03-06T12:03:46Z\nThis incident has been resolved.\n').model!;
    expect(open.timeline.map((t) => [t.line, t.time, t.evidence])).toEqual([[3, '2024-03-06T12:03:46Z', 'recovery']]);
  });

  it('reads a list whose items open with their dated times as the timeline of a document without one, and errors under a lead-up heading as no impact', () => {
    const r = read('leadup-list.md');
    expect(r.entries).toEqual(['13:4 2023-07-24T22:04:00Z', '14:4 2023-07-25T15:30:00Z', '15:4 2023-07-27T03:58:00Z', '16:4 2023-07-30T00:30:00Z', '17:4 2023-07-30T01:15:00Z']);
    expect(r.window).toEqual(['2023-07-30T00:30:00Z prose@5:29', '2023-07-30T01:15:00Z prose@5:57', null, 'UTC']);
    // Neither the lead-up's errors nor the entry's own "At 01:15" are window problems.
    expect(r.findings).toEqual([]);
  });

  it('reads a zone written as a city (“09:00 Denver - …”) against a window stated in UTC', () => {
    const r = read('timeline-city-zone.md');
    // Denver is UTC-6 in April: the entries sit inside the front matter's 15:05 to 17:32 UTC.
    expect(r.entries).toEqual(['11:3 2023-04-11T15:00:00Z', '12:3 2023-04-11T15:05:00Z', '13:3 2023-04-11T16:10:00Z', '14:3 2023-04-11T17:30:00Z']);
    expect(r.window).toEqual(['2023-04-11T15:05:00Z front-matter@3:1', '2023-04-11T17:32:00Z front-matter@4:1', null, 'UTC']);
    expect(r.findings).toEqual([]);
  });

  it('reads a timeline pasted as an HTML table, and a day label over a nested list', () => {
    const r = read('timeline-pasted.md');
    expect(r.entries).toEqual(['11:11 2024-07-02T08:10:00Z', '12:11 2024-07-02T08:25:00Z', '16:5 2024-07-02T08:40:00Z', '17:5 2024-07-02T08:45:00Z']);
    expect(r.findings).toEqual([]);
  });

  it('reads a day told hour by hour ("## May 8th" over "### 7:00", "### 8:00 AM", "### 13:20 - 15:25") as the timeline, one entry per sub-heading', () => {
    const doc = '# Livestream post-mortem\n\n## May 7th\n\nWe rehearsed.\n\n## May 8th, the conference day\n\n### 7:00\n\nSet up the desk.\n\n### 8:00 AM\n\nThe stream went live.\n\n### 13:20 - 15:25\n\nThe call dropped once.\n\n### 18:10\n\nThe stream ended.\n\n## Until next time?\n\nThanks.\n';
    const m = check(doc).model!;
    expect(m.sections.filter((s) => s.keys.includes('timeline')).map((s) => [s.line, s.heading])).toEqual([[7, 'May 8th, the conference day']]);
    expect(m.timeline.map((t) => t.line)).toEqual([9, 13, 17, 21]);
    // Two time sub-headings among others are parts of a story, not a timeline.
    const two = doc.replace('### 13:20 - 15:25', '### The afternoon').replace('### 18:10', '### Wrapping up');
    expect(check(two).model!.sections.some((s) => s.keys.includes('timeline'))).toBe(false);
  });

  it('reads a timeline written inside a fenced block, past midnight', () => {
    const r = read('timeline-fenced.md');
    expect(r.entries).toEqual(['10:1 2024-07-02T23:10:00Z', '11:1 2024-07-02T23:55:00Z', '12:1 2024-07-03T00:20:00Z', '13:1 2024-07-03T00:50:00Z']);
    expect(r.findings).toEqual([]);
  });
});

describe('multi-line entries (capability 3)', () => {
  it('keeps wrapped lines with their entry and reads lines after an image, tab-indented lines and pseudo-bullets', () => {
    const result = check(fixture('reader/timeline-multiline.md'), {}, 'timeline-multiline.md');
    const m = result.model!;
    expect(m.timeline.map((t) => [t.line, t.expressionColumn, t.time, t.text])).toEqual([
      [9, 1, '2022-02-05T08:55:00Z', '9:55 AM GMT+1 - A customer complained that they could not sign in, and support opened a ticket.'],
      [11, 1, '2022-02-05T09:20:00Z', '10:20 AM - A developer reproduced it on staging as well.'],
      [15, 1, '2022-02-05T09:35:00Z', '10:35 AM - We checked the controllers and the views.'], // swallowed by the <img> HTML block
      [16, 1, '2022-02-05T09:40:00Z', '10:40 AM - We suspected the bcrypt gem.'],
      [18, 2, '2022-02-05T09:50:00Z', '10:50 AM - A second engineer joined.'], // tab-indented: an indented code block
      [19, 2, '2022-02-05T10:00:00Z', '11:00 AM - The incident was escalated to the backend team.'],
      [21, 3, '2022-02-05T10:10:00Z', '• 11:10 AM - The gem was pinned to the previous version.'],
      [22, 3, '2022-02-05T10:20:00Z', '• 11:20 AM - Sign-in was back to normal.'],
    ]);
    // "05-02-2022" with GMT+1 reads day first; the closing "Thanks to everyone who helped." is not an entry.
    expect([m.incident.start?.time, m.incident.end?.time]).toEqual(['2022-02-05T08:55:00Z', '2022-02-05T10:20:00Z']);
    expect(result.findings.filter((f) => TIME_RULES.has(f.rule))).toEqual([]);
  });
});

describe('checks that are right and quiet (capability 5)', () => {
  it('reports a row out of place once, and reads 23:40 then 00:15 as the next day', () => {
    const r = read('timeline-order.md');
    expect(r.entries.slice(-2)).toEqual(['21:3 2022-01-21T23:50:00Z', '22:3 2022-01-22T00:10:00Z']);
    expect(r.findings).toEqual([
      { rule: 'timeline-order', line: 11, column: 16, message: 'Unexpected 22:40 before 22:06 (line 12), expected entries in chronological order', related: ['12:16 Earlier entry at 22:06'] },
    ]);
  });

  it('reads a range written to the second (“00:33:20-00:33:24 UTC”) as a range, and an entry to the minute as covering its minute', () => {
    const r = read('timeline-seconds.md');
    expect(r.entries).toEqual([
      '9:3 2025-03-04T00:30:00Z',
      '10:3 2025-03-04T00:33:20Z', // not 00:33:20 at the offset "-00:33"
      '11:3 2025-03-04T00:33:24Z',
      '12:3 2025-03-04T00:35:00Z',
      '13:3 2025-03-04T00:35:08Z',
      '14:3 2025-03-04T00:35:00Z', // "00:35" after "00:35:08": the same minute, not a step back
    ]);
    expect(r.findings).toEqual([]);
  });

  it('checks the order inside each timeline section: each incident’s timeline and a detection timeline retelling them run on their own', () => {
    const r = read('timeline-sections.md');
    expect(r.findings).toEqual([
      {
        rule: 'timeline-order',
        line: 9,
        column: 3,
        message: 'Unexpected 21:30 UTC after 21:40 UTC (line 8), expected entries in chronological order',
        related: ['8:3 Later entry at 21:40 UTC'],
      },
    ]);
  });

  it('reads “12:30 AM” between 11:30 AM and 1:00 PM as out of place, not past midnight, and reports it once', () => {
    const r = read('timeline-am-slip.md');
    expect(r.entries).toEqual(['9:3 2024-08-24T14:10:00Z', '10:3 2024-08-24T16:00:00Z', '11:3 2024-08-24T18:30:00Z', '12:3 2024-08-24T07:30:00Z', '13:3 2024-08-24T20:00:00Z']);
    expect(r.findings).toEqual([
      {
        rule: 'timeline-order',
        line: 12,
        column: 3,
        message: 'Unexpected 12:30 AM PDT after 11:30 AM PDT (line 11), expected entries in chronological order',
        related: ['11:3 Later entry at 11:30 AM PDT'],
      },
    ]);
  });

  it('reports a run of entries out of order as one finding at its first line', () => {
    const r = read('timeline-order-run.md');
    expect(r.findings).toEqual([
      {
        rule: 'timeline-order',
        line: 12,
        column: 3,
        message: 'Unexpected 09:10 after 10:10 (line 11), expected entries in chronological order',
        related: ['11:3 Later entry at 10:10', '13:3 Also out of order: 09:15'],
      },
    ]);
  });

  it('reads a status page’s updates newest first without complaint', () => {
    const r = read('timeline-newest-first.md');
    expect(r.entries).toEqual(['7:76 2024-05-15T17:50', '9:54 2024-05-15T09:00', '11:63 2024-05-14T10:05']);
    expect(r.window).toEqual(['2024-05-14T10:00 front-matter@3:1', '2024-05-15T17:50 front-matter@4:1', null, null]);
    expect(r.findings.map((f) => f.rule)).toEqual(['timezone-missing']);
  });

  it('reads a live post\'s "##### Updates:" over lines that open with their times as its timeline; a time deep in a note is no entry', () => {
    const doc =
      '---\ndate: 2008-10-10 09:07:24+00:00\n---\n\nWe have a power outage near the data centre.\n\n##### Updates:\n\n13:15 CEST: Power is expected back in six hours.\n\n16:45 CEST: It will take longer.\n\n15:00 CEST: Info from our admins:\n\n<blockquote>It has turned out that the feeder cable outside the building had blown, and power was back around 1AM.</blockquote>\n\n1:30 CEST: Power is back in the office.\n';
    const result = check(doc);
    expect(result.model!.sections.map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['7:timeline']);
    expect(result.model!.timeline.map((t) => [t.line, t.time])).toEqual([
      [9, '2008-10-10T11:15:00Z'],
      [11, '2008-10-10T14:45:00Z'],
      [13, '2008-10-10T13:00:00Z'],
      [17, '2008-10-10T23:30:00Z'],
    ]);
    expect(result.findings.filter((f) => f.rule === 'timeline-order').map((f) => f.line)).toEqual([13]);
  });

  it('reads dotted clocks that open list items ("- 10.42: …"), and a list announced as the timeline in a section of another name', () => {
    const listed = check('# Outage\n\n## Timeline\n\n - 10.42: the app became unavailable.\n - 10.46: engineers were alerted.\n - 10.56: the platform healed.\n');
    expect(listed.model!.timeline.map((t) => [t.line, t.time])).toEqual([
      [5, '10:42'],
      [6, '10:46'],
      [7, '10:56'],
    ]);
    const announced =
      '# Outage\n\n### What happened\n\nThis is the timeline of events that occurred on Thursday February 11 2016, starting at 10.42am:\n\n - 10.42: the app became unavailable.\n - 10.46: engineers were alerted.\n - 10.56: the platform healed.\n\nThis is what we have learnt:\n\n - An instance was terminated at 10.40.\n - The router lost its routes.\n - The platform replaced the instance.\n';
    expect(check(announced).model!.timeline.map((t) => [t.line, t.time])).toEqual([
      [7, '2016-02-11T10:42'],
      [8, '2016-02-11T10:46'],
      [9, '2016-02-11T10:56'],
    ]);
    // Announced, but its items tell no times: no timeline.
    expect(check(announced.replace(/ - 10\.\d\d: /g, ' - ')).model!.timeline).toEqual([]);
    // Announced over two lines, of items that tell their days: the timeline, a day an entry.
    const days =
      '# Malicious gems\n\n# This Incident\n\n**This is the timeline of the actions our team took concerning the\nincident reported by Socket.dev:**\n\n-   **July 20, 2025 --** Our systems flagged suspicious gems.\n\n-   **July 23 --** We removed the affected packages.\n\n-   **August 7 --** Socket.dev published their report.\n';
    expect(check(days).model!.timeline.map((t) => [t.line, t.date, t.time])).toEqual([
      [8, '2025-07-20', null],
      [10, '2025-07-23', null],
      [12, '2025-08-07', null],
    ]);
  });

  it('reads a timeline drawn in a box inside the fenced block that opens its section, beside a later timeline table', () => {
    const result = check(fixture('reader/timeline-boxed-fence.md'), {}, 'timeline-boxed-fence.md');
    expect(result.model!.timeline.map((t) => `${t.line} ${t.time}`)).toEqual([
      '9 2026-01-04T20:29:19',
      '11 2026-01-04T22:42:16',
      '12 2026-01-04T22:42:27',
      '13 2026-01-04T22:42:32',
      '23 2026-01-05T03:30',
      '24 2026-01-05T08:13',
    ]);
    // The frame is no part of an entry, and the arrowed line under an entry is its detail.
    expect(result.model!.timeline[0].text).toBe('20:29:19  Z2M started normally → All 35 devices loaded');
    expect(result.findings.filter((f) => f.rule === 'timeline-window' || f.rule === 'timeline-order')).toEqual([]);
  });

  it('reads each stamped update as its own paragraph, and a Hugo shortcode as content, not a placeholder', () => {
    const result = check(fixture('reader/status-page-headed-updates.md'), {}, 'status-page-headed-updates.md');
    // The first update is its paragraph, not the page's summary and heading before it: the summary's "at 5:00pm" is
    // the migration, not a time given for its rollback.
    expect(result.model!.timeline.map((t) => [t.line, t.text])).toEqual([
      [10, 'The migration was rolled back with a DNS change routing requests to the original system.'],
      [14, 'The correct certificate was placed back on the load balancer while the DNS finished propagating.'],
    ]);
    expect(result.findings.filter((f) => f.rule === 'placeholder-text' || f.rule === 'timeline-window')).toEqual([]);
  });

  it('reports the first sign of the impact before the stated start, not the retune that caused it nor the meeting after', () => {
    const r = read('timeline-window.md');
    expect(r.window).toEqual(['2024-04-09T18:00:00Z prose@5:6', '2024-04-09T19:00:00Z prose@5:13', null, 'UTC']);
    expect(r.findings).toEqual([
      {
        rule: 'timeline-window',
        line: 11,
        column: 3,
        message: 'Unexpected impact at 2024-04-09 17:50 UTC before the stated start (2024-04-09 18:00 UTC), expected the window to start by the first sign of the incident',
        // 17:59 is outside too: the impact may not show before the stated start by any time (start-tolerance-minutes 0).
        related: ['5:6 Stated start', '12:3 Also outside: 2024-04-09 17:51 UTC', '13:3 Also outside: 2024-04-09 17:59 UTC'],
      },
    ]);
  });

  it('reports a window that no entry falls into once, with every entry as a related place', () => {
    const r = read('timeline-window-wrong.md');
    expect(r.findings).toEqual([
      {
        rule: 'timeline-window',
        line: 15,
        column: 4,
        message:
          'Unexpected incident window (2019-02-26 06:04 UTC to 2019-02-26 15:12 UTC) outside every timed entry (2019-03-26 06:04 UTC to 2019-03-26 15:10 UTC), expected the window to cover the timeline',
        related: ['11:45 Stated start', '11:66 Stated end', '16:4 Also outside: 2019-03-26 09:50 UTC', '17:4 Also outside: 2019-03-26 13:27 UTC', '18:4 Also outside: 2019-03-26 15:10 UTC'],
      },
    ]);
  });
});

describe('checks against the incident’s course: stated ends and starts, the text’s own times', () => {
  it('reports a stated end long after the timeline’s recovery once, at the stated end', () => {
    const r = read('timeline-window-end.md');
    expect(r.entries).toEqual(['11:3 09:10', '12:3 09:14', '13:3 09:40', '14:3 10:05', '15:3 10:07']);
    expect(r.window).toEqual(['09:10 field@5:38', '11:50 field@5:50', null, 'UTC']);
    expect(r.findings.filter((f) => f.rule !== 'timezone-missing')).toEqual([
      {
        rule: 'timeline-window',
        line: 5,
        column: 50,
        message: "Unexpected stated end 11:50, 1 h 43 min after the timeline's last entry (10:07), expected the window to end with the timeline's recovery (10:07)",
        related: ["15:3 The timeline's recovery: 10:07"],
      },
    ]);
  });

  it('stays quiet for a lead-up days before, a follow-up a week after and a stated end the timeline closes', () => {
    const r = read('timeline-window-quiet.md');
    expect(r.entries).toEqual([
      '11:3 2024-02-01T10:00:00Z',
      '15:3 2024-02-06T14:00:00Z',
      '16:3 2024-02-06T14:20:00Z',
      '17:3 2024-02-06T15:05:00Z',
      '18:3 2024-02-06T16:10:00Z',
      '19:3 2024-02-06T16:30:00Z',
      '23:3 2024-02-13T11:00:00Z',
    ]);
    expect(r.window).toEqual(['2024-02-06T14:00:00Z prose@5:9', '2024-02-06T16:30:00Z prose@5:19', null, 'UTC']);
    expect(r.findings).toEqual([]);
  });

  it('reports a stated start before everything the timeline records when the timeline says where the impact began', () => {
    const r = read('timeline-window-start.md');
    expect(r.findings).toEqual([
      {
        rule: 'timeline-window',
        line: 5,
        column: 15,
        message:
          "Unexpected stated start 2023-09-14 08:00 UTC, 45 min before the timeline's first entry (2023-09-14 08:45 UTC), expected the window to start with the impact the timeline shows (2023-09-14 08:45 UTC)",
        related: ["12:3 The timeline's onset: 2023-09-14 08:45 UTC"],
      },
    ]);
  });

  it('reports a stated start long before the onset the timeline marks, when only lead-up comes before it', () => {
    const r = read('timeline-window-marked-onset.md');
    expect(r.findings).toEqual([
      {
        rule: 'timeline-window',
        line: 5,
        column: 6,
        message:
          "Unexpected stated start 2020-05-11 05:30 UTC, 1 h 56 min before the onset the timeline marks (2020-05-11 07:26 UTC), expected the window to start with the impact the timeline shows (2020-05-11 07:26 UTC)",
        related: ["10:3 The timeline's onset: 2020-05-11 07:26 UTC", "9:3 The timeline's first entry: 2020-05-11 05:30 UTC"],
      },
    ]);
    // The same start is right when the reboot itself takes the site down.
    const down = check(fixture('reader/timeline-window-marked-onset.md').toString().replace('- 10:30 PM: Scheduled reboot of the cache tier begins', '- 10:30 PM: Scheduled reboot begins; the site goes down'));
    expect(down.findings.filter((f) => f.rule === 'timeline-window')).toEqual([]);
  });

  it('reports a time the text gives for an event the timeline puts elsewhere; an approximate time close by, the same time, or several times in one sentence stay quiet', () => {
    const r = read('timeline-text-times.md');
    expect(r.entries).toEqual(['7:3 16:45', '8:3 16:50', '9:3 16:56', '10:3 17:15', '11:3 17:25', '12:3 17:40']);
    expect(r.findings).toEqual([
      {
        rule: 'timeline-window',
        line: 15,
        column: 4,
        message: 'Unexpected 4:33 PM PST for “At 4:33 PM PST, changes were made to add the deploy user…”, expected 4:45 PM as in the timeline (line 7)',
        related: ['7:3 Timeline: 4:45 PM: Configuration changes made and pushed to add the…'],
      },
    ]);
  });

  it('reports the text’s time for the recovery, in other words than the timeline’s; a time close to it, or at an entry of its own, stays quiet', () => {
    const r = read('timeline-text-recovery.md');
    expect(r.findings).toEqual([
      {
        rule: 'timeline-window',
        line: 6,
        column: 69,
        message: 'Unexpected 2.30PM PST for “It took approximately 7 hours to debug, fix and test, and…”, expected 1:00 PM PST as in the timeline (line 12)',
        related: ['12:3 Timeline: 1:00 PM PST - Nginx configuration updated with the fix and…'],
      },
    ]);
  });

  it('12 AM written for 12 PM just after the entry before is out of order, not past midnight; 11:50 PM then 12:10 AM is the next day', () => {
    const slip = check('# Outage\n\nOn June 28, 2023 the site was down for 45 minutes.\n\n## Timeline (WAT)\n\n- 11:30 AM: upgrade starts\n- 12:00 PM: server downtime starts\n- 12:15 AM: pagers inform the on-call crew\n- 12:45 AM: all traffic is back online\n');
    expect(slip.model!.timeline.map((t) => t.rolled ?? false)).toEqual([false, false, false, false]);
    expect(slip.findings.filter((f) => f.rule === 'timeline-order').map((f) => f.message)).toEqual([
      'Unexpected 12:15 AM after 12:00 PM (line 8), expected entries in chronological order',
    ]);
    const night = check('# Outage\n\nOn June 28, 2023 the site was down.\n\n## Timeline (WAT)\n\n- 11:30 PM: upgrade starts\n- 11:50 PM: server downtime starts\n- 12:10 AM: all traffic is back online\n');
    expect(night.model!.timeline.map((t) => t.time)).toEqual(['2023-06-28T22:30:00Z', '2023-06-28T22:50:00Z', '2023-06-28T23:10:00Z']);
    expect(night.findings.filter((f) => f.rule === 'timeline-order')).toEqual([]);
  });

  it('an entry dated alone that tells of a time on another day is untimed, not out of order', () => {
    const md = '# Metering outage\n\n## Timeline\n\n- 8/18/23, ~4:00 PM PST: the metrics server is killed by the OOM killer\n- 8/21/23, 8 AM PST: billing values look wrong\n- 8/22/23: we find that around 3:30 PM PST on 8/18/23 memory spiked during the upgrade\n- 8/22/23, 9 AM PST: memory limits raised; same day, 9 AM PST on 8/22/23 all clear\n';
    const r = check(md);
    expect(r.model!.timeline.map((t) => [t.line, t.time])).toEqual([
      [5, '2023-08-19T00:00:00Z'],
      [6, '2023-08-21T16:00:00Z'],
      [7, null],
      [8, '2023-08-22T17:00:00Z'],
    ]);
    expect(r.findings.filter((f) => f.rule === 'timeline-order')).toEqual([]);
  });

  it('a time a schedule gives ("the backup ran daily at 03:00") dates no event, and is not checked against the timeline', () => {
    const md = '# Data loss\n\n## Timeline\n\n1. **23:23 UTC** - Ran the cleanup script\n2. **23:24 UTC** - All news items deleted\n3. **23:25 UTC** - Initiated database restore from the nightly backup\n4. **00:50 UTC** - Restore completed\n\n## What Went Right\n\n1. ✅ **Automated backups were enabled** - the database backup ran daily at 03:00 UTC, ready to restore from\n';
    expect(check(md).findings.filter((f) => f.rule === 'timeline-window')).toEqual([]);
    const once = md.replace('ran daily at 03:00 UTC', 'restore started at 03:00 UTC');
    expect(check(once).findings.filter((f) => f.rule === 'timeline-window').map((f) => f.line)).toEqual([12]);
  });

  it('reports the text’s time for the all-clear against the timeline’s', () => {
    const md = '# Hub outage\n\n## Summary\n\nThe hub was down on 2017-02-09. This was all fixed and an all-clear signalled at about 11:35 AM PST.\n\n## Timeline\n\n- 10:11 AM PST: users report proxy errors\n- 10:45 AM PST: hub pod deleted and recreated\n- 11:17 AM PST: all clear given for the hub\n';
    expect(check(md).findings.filter((f) => f.rule === 'timeline-window').map((f) => [f.line, f.message])).toEqual([
      [5, 'Unexpected 11:35 AM PST for “This was all fixed and an all-clear signalled at about…”, expected 11:17 AM PST as in the timeline (line 11)'],
    ]);
  });

  it('reads a numbered entry written without the space its marker needs (“7.12:30 PM”) as an entry of its own', () => {
    const r = read('timeline-numbered.md');
    expect(r.entries).toEqual([
      '9:4 2024-03-14T10:00:00Z',
      '10:4 2024-03-14T10:15:00Z',
      '11:4 2024-03-14T10:30:00Z',
      '12:4 2024-03-14T11:00:00Z',
      '13:4 2024-03-14T11:30:00Z',
      '14:4 2024-03-14T12:00:00Z',
      '15:3 2024-03-14T12:30:00Z',
    ]);
    // The window ends with the recovery at 12:30, the entry the glued ordinal hid.
    expect(r.findings).toEqual([]);
  });
});

describe('durations and metrics against the timeline, with the tolerance the figure was written to', () => {
  it('reports a duration longer than the timeline’s first entry to its recovery; the fix next day is a follow-up', () => {
    const r = read('duration-timeline.md');
    expect(r.window).toEqual([null, null, 420, 'UTC+1']);
    expect(r.findings).toEqual([
      {
        rule: 'duration-mismatch',
        line: 6,
        column: 20,
        message:
          "Unexpected duration “approximately seven hours” (7 h), expected at most 4 h 30 min from the timeline's first entry to its recovery (2024-03-18 08:00 UTC to 2024-03-18 12:30 UTC)",
        related: ["12:5 Start: 2024-03-18 08:00 UTC (the timeline's first entry)", '21:5 End: 2024-03-18 12:30 UTC (the recovery)'],
      },
    ]);
  });

  it('reports “about nine hours” against six, not counting the postmortem meeting a week later', () => {
    const r = read('duration-timeline-long.md');
    expect(r.findings).toEqual([
      {
        rule: 'duration-mismatch',
        line: 5,
        column: 43,
        message:
          "Unexpected duration “about nine hours” (9 h), expected at most 6 h 5 min from the timeline's first entry to its recovery (2024-05-02 08:00 UTC to 2024-05-02 14:05 UTC)",
        related: ["11:3 Start: 2024-05-02 08:00 UTC (the timeline's first entry)", '14:3 End: 2024-05-02 14:05 UTC (the recovery)'],
      },
    ]);
  });

  it('reports an upper bound on an incident of unknown start that does not cover the trigger to the recovery', () => {
    const r = read('duration-bound.md');
    expect(r.entries).toEqual(['14:3 2019-01-23T03:40:00Z', '18:3 2019-01-23T14:10:00Z', '19:3 2019-01-23T16:05:00Z', '20:3 2019-01-23T16:40:00Z']);
    expect(r.findings).toEqual([
      {
        rule: 'duration-mismatch',
        line: 6,
        column: 12,
        message:
          "Unexpected bound “at maximum 12 hours” (12 h) on an incident whose start is unknown, expected it to cover the 13 h from the timeline's first entry to its recovery (2019-01-23 03:40 UTC to 2019-01-23 16:40 UTC)",
        related: ["14:3 Start: 2019-01-23 03:40 UTC (the timeline's first entry)", '20:3 End: 2019-01-23 16:40 UTC (the recovery)'],
      },
    ]);
  });

  it('places the start with the time to detection and reports a time to recovery precise to the minute that is an hour off', () => {
    const result = check(fixture('reader/duration-metrics.md'), {}, 'duration-metrics.md');
    expect(result.model!.incident.metrics).toEqual([
      { milestone: 'detection', label: 'Time to detection', minutes: 420, text: '7 hours', precision: 60, line: 26, column: 22 },
      { milestone: 'recovery', label: 'Time to recovery', minutes: 3250, text: '54 hours 10 minutes', precision: 1, line: 27, column: 21 },
    ]);
    expect(read('duration-metrics.md').findings).toEqual([
      {
        rule: 'duration-mismatch',
        line: 27,
        column: 21,
        message:
          'Unexpected time to recovery “54 hours 10 minutes” (2 d 6 h 10 min), expected 2 d 7 h 10 min from the start to the resolution (2022-10-31 07:30 UTC to 2022-11-02 14:40 UTC), or 2 d 10 min from the first sign of impact (2022-10-31 14:30 UTC)',
        related: [
          '14:3 Start: 2022-10-31 07:30 UTC (placed by Time to detection “7 hours” on line 26)',
          '18:3 End: 2022-11-02 14:40 UTC (the resolution)',
          '15:3 First sign of impact: 2022-10-31 14:30 UTC',
          '26:22 Time to detection: 7 hours',
        ],
      },
    ]);
  });

  it('reads a time to detection against the first sign after the start, and times to resolution from the start or from detection', () => {
    const doc = (ttd: string, ttr: string) =>
      `# Router froze\n\nOn January 16th, 2023 between approximately 03:15 and 08:00 UTC, the router froze.\n\n## Timeline\n\n- 03:15: The router upgraded itself.\n- 07:30: The wife noticed that the alarm was complaining.\n- 08:00: Internet connectivity was restored.\n\n## Metrics\n\n- Time-to-detection: ${ttd}.\n- Time-to-acknowledge: 15m.\n- Time-to-resolution: ${ttr}.\n`;
    const mismatches = (md: string) => check(md).findings.filter((f) => f.rule === 'duration-mismatch').map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(mismatches(doc('5h15m', '30m'))).toEqual([
      '13:22 Unexpected time-to-detection “5h15m” (5 h 15 min), expected 4 h 15 min from the start to the first sign of impact (2023-01-16 03:15 UTC to 2023-01-16 07:30 UTC)',
    ]);
    expect(mismatches(doc('4h15m', '30m'))).toEqual([]);
    // Noticed an hour in, restored 1 h 30 min later: "1h30m" counts from detection, "2h30m" from the start.
    const later = (ttr: string) => doc('1h', ttr).replace('07:30', '04:15').replace('08:00: Internet', '05:45: Internet').replace('- Time-to-acknowledge: 15m.\n', '');
    expect(mismatches(later('1h30m'))).toEqual([]);
    expect(mismatches(later('2h30m'))).toEqual([]);
    expect(mismatches(later('1h50m'))).toEqual([
      '14:23 Unexpected time-to-resolution “1h50m” (1 h 50 min), expected 2 h 30 min from the start to the recovery (2023-01-16 03:15 UTC to 2023-01-16 05:45 UTC), or 1 h 30 min from the first sign of impact (2023-01-16 04:15 UTC)',
    ]);
    // The alert at the start itself is the first sign: it says nothing of when someone saw it.
    const atStart = '# Search down\n\n## Timeline\n\n19:03: New Relic email sent notifying of search failure.\n\n22:29 search list caches updated. INCIDENT ENDS.\n\n## Impact\n\nSearch service erroring 19:03 - 22:29.\n\nMTTD: 1 hour 27 minutes.\n';
    expect(check(atStart).model!.course.onset?.line).toBe(5);
    expect(mismatches(atStart)).toEqual([]);
  });

  it('stays quiet for a rough “about 5 hours”, a detection delay that adds up, and how long the issue went unnoticed', () => {
    const r = read('duration-quiet.md');
    // "went unnoticed for about 4 hours" is the detection delay, not the incident's length; the total's field is the length.
    expect(r.window).toEqual(['10:45 field@18:48', '16:11 field@18:56', 326, 'UTC']);
    expect(r.findings).toEqual([]);
    // Without that field, the rough "about 5 hours in all" is the length, and 5 h 26 min is within it.
    const rough = check(fixture('reader/duration-quiet.md').replace(/\*\*Total impact duration:\*\*[^\n]*\n/, '**Impact:** 10:45 - 16:11 UTC\n'), {}, 'duration-quiet.md');
    expect(rough.model!.incident.duration?.minutes).toBe(300);
    expect(rough.findings.filter((f) => TIME_RULES.has(f.rule))).toEqual([]);
  });

  it('takes no one window from a document that reports several incidents, and stays quiet', () => {
    const r = read('several-incidents.md');
    expect(r.entries).toEqual([
      '9:3 2025-10-21T21:40:00Z',
      '10:3 2025-10-21T21:45:00Z',
      '11:3 2025-10-21T23:28:00Z',
      '17:3 2025-10-24T17:58:00Z',
      '18:3 2025-10-24T18:30:00Z',
      '19:3 2025-10-24T19:12:00Z',
    ]);
    expect(r.window).toEqual([null, null, null, 'UTC']);
    expect(r.findings).toEqual([]);
  });
});

describe('a duration followed by the range it measures', () => {
  it('is not the incident’s length when the range is another window (“a window of 4 hours (10:30 to 2:30 AM)”)', () => {
    const r = read('duration-of-a-range.md');
    expect(r.window).toEqual(['2020-05-11T05:30:00Z prose@5:6', '2020-05-11T15:30:00Z prose@5:18', null, 'UTC-7']);
    expect(r.findings).toEqual([]);
  });

  it('is still read when the range after it does not measure it', () => {
    const doc = (summary: string) =>
      `# Outage\n\n## Summary\n\n${summary}\n\n## Timeline\n\n- 10:00 UTC errors\n- 12:00 UTC recovered\n\n## Root cause\n\nA bug.\n\n## Resolution\n\nFixed.\n\n## Action items\n\n- Test it\n`;
    const rules = (summary: string) => check(doc(summary)).findings.filter((f) => f.rule === 'duration-mismatch').map((f) => f.message);
    expect(rules('On 2024-06-01 the API was down from 10:00 to 12:00 UTC. The outage lasted 3 hours (10:00 to 13:00 UTC).')).toEqual([]);
    expect(rules('On 2024-06-01 the API was down from 10:00 to 12:00 UTC. The outage lasted 3 hours (10:00 to 12:00 UTC).')).toEqual([
      'Unexpected duration “3 hours” (3 h), expected 2 h from the start and end (2024-06-01 10:00 UTC to 2024-06-01 12:00 UTC)',
    ]);
  });
});

describe('related places of one finding', () => {
  const result = check(fixture('reader/timeline-order-run.md'), {}, 'timeline-order-run.md');
  const report = buildReport([result]);

  it('are printed under the finding in text', () => {
    expect(formatText(report).split('\n').slice(0, 3)).toEqual([
      'timeline-order-run.md:12:3  error    Unexpected 09:10 after 10:10 (line 11), expected entries in chronological order  timeline-order',
      '  ↳ timeline-order-run.md:11:3  Later entry at 10:10',
      '  ↳ timeline-order-run.md:13:3  Also out of order: 09:15',
    ]);
  });

  it('are SARIF relatedLocations', () => {
    const run = JSON.parse(formatSarif(report, '0.0.0')).runs[0];
    const order = run.results.find((r: { ruleId: string }) => r.ruleId === 'timeline-order');
    expect(order.relatedLocations.map((l: { physicalLocation: { region: { startLine: number; startColumn: number } }; message: { text: string } }) => [l.physicalLocation.region.startLine, l.physicalLocation.region.startColumn, l.message.text])).toEqual([
      [11, 3, 'Later entry at 10:10'],
      [13, 3, 'Also out of order: 09:15'],
    ]);
  });
});

describe('a timeline announced in a section of another name, with its zone', () => {
  it('takes the zone the announcement states ("all times in Pacific Time")', () => {
    const doc =
      '# Read-only Repls\n\nOn Sep 29, 2023 we had a period of about 2.5h from 14:00 to 16:30 (Pacific Time) in which Repls became read-only.\n\n## Technical details\n\nHere is the timeline of what happened, all times in Pacific Time:\n\n* On Sep 29 at 14:00, the unfinished feature was deployed to production.\n* By 16:30 there were no faulty builds in production.\n* At 17:30 we repaired the templates.\n';
    const result = check(doc);
    expect(result.model!.timeline.map((t) => [t.line, t.time])).toEqual([
      [9, '2023-09-29T21:00:00Z'],
      [10, '2023-09-29T23:30:00Z'],
      [11, '2023-09-30T00:30:00Z'],
    ]);
    expect(result.findings.filter((f) => f.rule === 'timeline-window')).toEqual([]);
  });
});

describe('markers written as noun phrases', () => {
  it('"<START OF OUTAGE>" and "<END OF OUTAGE>" mark the impact, and a duration shorter than they span is reported once', () => {
    const md =
      '# X\n\n## Summary\n\nDuration: 16h 45m\n\n## Timeline (all times in UTC)\n\n### 2016-11-07\n\n**16:27** Tag is cut and pushed **&lt;START OF OUTAGE&gt;**<br>\n**21:36** ianh reports that all PRs are failing\n\n2016-11-08\n\n**07:52** still failing<br>\n**14:15** Fix lands. **&lt;END OF OUTAGE&gt;**\n';
    const result = check(md);
    expect(result.model!.timeline.map((e) => [e.line, e.evidence ?? null])).toEqual([[11, 'impact'], [12, 'impact'], [16, 'impact'], [17, 'recovery']]);
    expect(result.findings.filter((f) => f.rule.startsWith('timeline-') || f.rule === 'duration-mismatch').map((f) => [f.rule, f.line, f.column, f.message, f.related?.map((r) => `${r.line}:${r.column} ${r.message}`)])).toEqual([
      [
        'duration-mismatch',
        5,
        11,
        'Unexpected duration “16h 45m” (16 h 45 min), expected 21 h 48 min from the start and end (2016-11-07 16:27 UTC to 2016-11-08 14:15 UTC)',
        ["11:1 Start: 2016-11-07 16:27 UTC (the timeline's marked start)", "17:1 End: 2016-11-08 14:15 UTC (the timeline's marked end)"],
      ],
    ]);
  });
});

describe('a status page’s update headings over lists of timed items', () => {
  it('reads the items as the entries, dated by their heading; the heading only dates them', () => {
    const md =
      '---\ntitle: outage\n---\n\nStarting at 2018-11-08 16:55:00 -0500, a change was made.\n\n## 2018-11-08 16:55:00 -0500\n\n- 16:55 - deployed the build\n\n- 17:00 - reverted; URL was wrong\n\n## 2018-11-08 19:30:00 -0500\n\n- 19:30 - re-opening the outage\n- 19:40 - determined that the problem was CORS\n';
    expect(check(md).model!.timeline.map((e) => [e.line, e.time])).toEqual([
      [9, '2018-11-08T21:55:00Z'],
      [11, '2018-11-08T22:00:00Z'],
      [15, '2018-11-09T00:30:00Z'],
      [16, '2018-11-09T00:40:00Z'],
    ]);
    // An update heading over a list that is part of its text stays one entry.
    const one = '## 2026-07-01 21:11 UTC\n\nMail is bouncing. Affected:\n\n- outbound mail\n- forwarding\n\n## 2026-07-01 22:40 UTC\n\nResolved.\n';
    expect(check(one).model!.timeline.map((e) => e.line)).toEqual([1, 8]);
  });
});
