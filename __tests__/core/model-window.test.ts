import { describe, expect, it } from 'vitest';
import { check } from '../helpers.js';

const incident = (md: string) => check(md).model!.incident;

describe('a window read without a date', () => {
  it('takes the date of the first dated timeline entry and resolves to instants', () => {
    const i = incident(
      '## Summary\n\nThe outage ran from 9:55 AM GMT+1 to 11:20 AM GMT+1.\n\n## Timeline\n\n- 05-02-2022 9:55 AM GMT+1 - complaint\n- 05-02-2022 11:20 AM GMT+1 - fixed\n',
    );
    expect([i.start?.time, i.start?.line, i.end?.time, i.date]).toEqual(['2022-02-05T08:55:00Z', 3, '2022-02-05T10:20:00Z', '2022-02-05']);
  });

  it('moves an end before the start to the next day', () => {
    const i = incident('## Summary\n\nDown from 23:00 UTC to 01:30 UTC.\n\n## Timeline\n\n- 2024-05-01 23:00 UTC alert\n');
    expect([i.start?.time, i.end?.time]).toEqual(['2024-05-01T23:00:00Z', '2024-05-02T01:30:00Z']);
  });
});

describe('prose durations', () => {
  it('count when they say how long the incident lasted', () => {
    expect(incident('## Summary\n\nSearch was down for 66 minutes.\n').duration).toMatchObject({ minutes: 66, line: 3, column: 21 });
    expect(incident('## Summary\n\nDamage was limited to under 3 hours.\n').duration).toMatchObject({ minutes: 180, bound: 'under' });
    expect(incident('## Summary\n\nIt took us 9 hours to resolve.\n').duration).toMatchObject({ minutes: 540 });
    // How long shipping the fix took is not how long the incident lasted.
    expect(incident('## Summary\n\nIt took about 1.5 hours to get a new deploy out with the fixed healthcheck.\n').duration).toBeUndefined();
    expect(incident('## Summary\n\nIt took approximately 7 hours to debug, fix and test.\n').duration).toMatchObject({ minutes: 420 });
  });

  it('count as a length that names the incident right after it ("a 7 minute cascading failure")', () => {
    const i = incident('## Summary\n\nOn Tuesday, December 13th, 2022 at roughly 18:52 UTC Hachyderm experienced a 7 minute cascading failure.\n');
    expect([i.start?.time, i.duration?.minutes, i.duration?.column]).toEqual(['2022-12-13T18:52:00Z', 7, 78]);
    expect(incident('## Summary\n\nWe had a 45-minute outage of the API.\n').duration).toMatchObject({ minutes: 45 });
    expect(incident('## Summary\n\nThe API was slow. We held a 30 minute incident review the day after.\n').duration).toBeUndefined();
    expect(incident('## Summary\n\nThe API was slow. A 10 minute deploy fixed it.\n').duration).toBeUndefined();
  });

  it('do not count when they look back over what led up to the incident ("for the past two weeks")', () => {
    expect(incident('## Summary\n\nThe site went down at 12:05. For the past two weeks we had not been able to deploy the website.\n').duration).toBeUndefined();
  });

  it('do not count when they say how long it went unseen or how long a piece of the work took', () => {
    expect(incident('**Duration**: 62 days undetected, remediated on 2026-06-11\n').duration).toBeUndefined();
    expect(incident('## Impact\n\n| Metric | Value |\n|---|---|\n| Total investigation time | 35 minutes |\n').duration).toBeUndefined();
    expect(incident('| **Impact Duration** | 135 days (undetected until investigation) |\n').duration).toBeUndefined();
    // Nor a period of watching after it.
    expect(incident('**Incident Period:** October 31, 2025 01:14 - 01:19 UTC\n\n**Next Review:** Monitor for 48 hours post-remediation\n').duration).toBeUndefined();
    // A total of the incident itself still counts.
    expect(incident('## Impact\n\n| Metric | Value |\n|---|---|\n| Total downtime | 35 minutes |\n').duration?.minutes).toBe(35);
  });

  it('come from what the document says, not from an image\'s description or from when the team found out', () => {
    // A Hugo figure's alt text describes a graph.
    expect(incident('## What happened\n\n{{< figure src="a.png" alt="A line at 3 until 13:52, where it jumps to 4, and at 13:58 goes back down" >}}\n').end).toBeUndefined();
    // "Not aware … until 14:13" is when it was noticed; "down until 14:13" ends it.
    expect(incident('## Summary\n\nUnfortunately we were not aware that there was a problem until 14:13 UTC, when customers wrote in.\n').end).toBeUndefined();
    expect(incident('## Summary\n\nThe login service was down until 14:13 UTC on 2024-01-16.\n').end?.time).toBe('2024-01-16T14:13:00Z');
  });

  it('do not count when they measure something else, even with a bound', () => {
    expect(incident('Certificates now stay valid with at least two weeks before expiration.\n').duration).toBeUndefined();
    expect(incident('## Summary\n\nWe retry every 5 minutes and keep logs about 3 days.\n').duration).toBeUndefined();
  });
});

describe('the incident date', () => {
  it('is not a "Last updated" stamp', () => {
    const i = incident('# 2022-05-23 website outage\n\nLast updated: 2022-05-25\n\nOn Monday, 2022-05-23 the site was down.\n');
    expect(i.date).toBe('2022-05-23');
  });
});

describe('a dated time in the summary without start or end words', () => {
  it('is when the incident began', () => {
    const i = incident('## Summary\n\nOn May 10th, 2024 at 2:00 AM PST, the server went down.\n');
    expect([i.start?.time, i.start?.line, i.end]).toEqual(['2024-05-10T10:00:00Z', 3, undefined]);
  });

  it('does not override a range', () => {
    const i = incident('## Summary\n\nOn May 10th, 2024 at 1:00 AM UTC we deployed. The outage lasted from 2:00 to 3:00 UTC.\n');
    expect([i.start?.time, i.end?.time]).toEqual(['2024-05-10T02:00:00Z', '2024-05-10T03:00:00Z']);
  });
});

describe('the window only from what the document states', () => {
  const point = (p: { time: string; source?: string; line: number; column: number } | undefined) => p && `${p.time} ${p.source}@${p.line}:${p.column}`;

  it('keeps where each point was stated', () => {
    const fields = incident('## Summary\n\n- Start: 2023-11-07 10:00 UTC\n- End: 2023-11-07 14:00 UTC\n');
    expect([point(fields.start), point(fields.end)]).toEqual(['2023-11-07T10:00:00Z field@3:10', '2023-11-07T14:00:00Z field@4:8']);
    const fm = incident('---\nstart: 2023-11-07T10:00:00Z\nend: 2023-11-07T14:00:00Z\n---\n\n# Outage\n');
    expect([point(fm.start), point(fm.end), fm.timezone?.zone]).toEqual(['2023-11-07T10:00:00Z front-matter@2:1', '2023-11-07T14:00:00Z front-matter@3:1', 'UTC']);
  });

  it('does not take a narrative time for the start', () => {
    const i = incident('## Summary\n\nOn 2024-04-09 traffic started building around 5pm UTC, as it does every Tuesday.\n');
    expect([i.start, i.end, i.date]).toEqual([undefined, undefined, '2024-04-09']);
  });

  it('reads a sentence wrapped over lines, and a time closing an opening phrase', () => {
    const wrapped = incident('## Summary\n\nThe site went down at 2024-01-02 10:00 UTC and stayed down until\n2024-01-02 11:30 UTC, when the cache was rebuilt.\n');
    expect([point(wrapped.start), point(wrapped.end)]).toEqual(['2024-01-02T10:00:00Z prose@3:23', '2024-01-02T11:30:00Z prose@4:1']);
    const opening = incident('On Monday, Oct 15 2018, starting at approximately 20:00 UTC, crates.io sustained an incident.\n');
    expect(point(opening.start)).toBe('2018-10-15T20:00:00Z prose@1:51');
  });

  it('takes a status page’s date as the start when an end key pairs with it, and the zone of a front-matter offset', () => {
    const i = incident('---\ndate: 2022-10-14T18:25:00.000Z\nresolvedWhen: 2022-10-15T07:50:00.000Z\n---\n\nUpstream report.\n');
    expect([i.start?.time, i.end?.time, i.timezone?.zone, i.timezone?.source]).toEqual(['2022-10-14T18:25:00Z', '2022-10-15T07:50:00Z', 'UTC', 'front-matter']);
    // A blog post's date alone is when it was published, not a start.
    expect(incident('---\ndate: 2018-08-05 10:00:00\n---\n\n# Disclosure\n').start).toBeUndefined();
  });

  it('skips Hugo/Zola TOML front matter, dating the incident from its title', () => {
    const i = incident('+++\npath = "2018/10/19/update"\ntitle = "Update on the October 15, 2018 incident"\n+++\n\nOn Monday, Oct 15, starting at approximately 20:00 UTC, crates.io sustained an incident.\n');
    expect([i.date, i.start?.time]).toEqual(['2018-10-15', '2018-10-15T20:00:00Z']);
  });

  it('reads a window stated in a field among the timeline’s notes', () => {
    const i = incident('## Timeline\n\nAll times in UTC.\n\n- 2025-10-03 10:45 deploy\n- 2025-10-03 16:11 reverted\n\n**Total impact duration:** 5 hours 26 minutes (10:45 - 16:11 UTC)\n');
    expect([i.start?.time, i.end?.time, i.duration?.minutes]).toEqual(['2025-10-03T10:45:00Z', '2025-10-03T16:11:00Z', 326]);
  });

  it('does not take the length of one occurrence, a range of lengths, or an extra stretch for the incident’s duration', () => {
    expect(incident('## Summary\n\nIt happened three times, each outage lasting anywhere from 5 minutes to 30 minutes.\n').duration).toBeUndefined();
    expect(incident('## Summary\n\nThe issue persisted for an additional two days.\n').duration).toBeUndefined();
    // Someone's estimate, quoted or called one, is not the document's window.
    expect(incident('Power is out in the city.\n\n16:45 CEST: The power company just stated "22:00 to 23:00".\n').end).toBeUndefined();
    expect(incident('The current estimate is 22:00 to 23:00 CEST for the power to return.\n').end).toBeUndefined();
    expect(incident('The site was down from 22:00 to 23:00 CEST.\n').end?.time).toBe('23:00');
    // "0 minutes" of downtime says there was none, not how long the incident lasted.
    expect(incident('## Impact\n\n- **Downtime**: 0 minutes - no complete outage occurred\n').duration).toBeUndefined();
  });
});

describe('metadata tables and labels that name the zone', () => {
  it('reads key-value rows and a header row over one row of values as fields', () => {
    const i = incident(
      '## Summary\n\n| | |\n| --- | --- |\n| **Incident Date** | 2025-03-04 |\n| **Start Time (PT)** | 14:02 |\n| **End Time (PT)** | 14:37 |\n\n| Customers Impacted | Incident Duration |\n| :---: | :---: |\n| All | ~35m |\n',
    );
    expect([i.start?.time, i.start?.line, i.start?.column, i.end?.time, i.duration?.minutes, i.timezone?.zone]).toEqual([
      '2025-03-04T22:02:00Z',
      6,
      25,
      '2025-03-04T22:37:00Z',
      35,
      'America/Los_Angeles',
    ]);
  });

  it('reads a range written with an arrow', () => {
    const i = incident('## Summary\n\n**Start–End:** 2025-08-19 14:02 → 14:37 UTC\n');
    expect([i.start?.time, i.end?.time]).toEqual(['2025-08-19T14:02:00Z', '2025-08-19T14:37:00Z']);
  });
});

describe('two fields on one line', () => {
  it('reads "Start Time: …, End Time: …"', () => {
    const i = incident('## Summary\n\n**Start Time:** 10:00 AM EAT, **End Time:** 12:00 PM EAT on 2024-06-12\n');
    expect([i.start?.time, i.start?.column, i.end?.time, i.end?.column]).toEqual(['2024-06-12T07:00:00Z', 17, '2024-06-12T09:00:00Z', 45]);
  });
});

describe('a range in prose that says when the impact began', () => {
  it('gives the start, not the window ("Between 20:44 and 20:45 UTC, users began to experience latency")', () => {
    const i = incident('## Summary\n\nBetween 20:44 UTC and 20:45 UTC on 4 December 2024, users began to experience extreme latency.\n');
    expect([i.start?.time, i.end]).toEqual(['2024-12-04T20:44:00Z', undefined]);
    expect(incident('## Summary\n\nAt about 4:50 PM GMT to 5:30 PM GMT on 3 May 2023, we noticed that we started trending on social media.\n').end?.time).toBe('2023-05-03T17:30:00Z');
  });
});

describe('times to a milestone', () => {
  it('listed as phases that shrink ("Time to diagnose: 5 minutes", "Time to fix: 3 minutes") are no times from the start', () => {
    expect(incident('## Metrics\n\n- Time to diagnose: 5 minutes\n- Time to fix: 3 minutes\n- Time to verify: 2 minutes\n').metrics).toBeUndefined();
    expect(incident('## Metrics\n\n- Time to detect: 5 minutes\n- Time to fix: 30 minutes\n').metrics?.map((m) => [m.milestone, m.minutes])).toEqual([
      ['detection', 5],
      ['resolution', 30],
    ]);
  });

  it('the first phase, a time to detection, is counted from the start all the same; labels may be hyphenated', () => {
    const i = incident('## Metrics\n\n- Time-to-detection: 5h15m.\n- Time-to-acknowledge: 15m.\n- Time-to-resolution: 45m.\n');
    expect(i.metrics?.map((m) => [m.line, m.milestone, m.label, m.minutes])).toEqual([[3, 'detection', 'Time-to-detection', 315]]);
  });
});

describe('durations written beside their range', () => {
  it('are read with the minutes of the range, in both readings when the start has no AM or PM of its own', () => {
    const spans = (md: string) => incident(md).spans?.map((s) => [s.line, s.duration.text, s.range.text.trim(), s.range.minutes]);
    expect(spans('## Summary\n\n- Duration: ~6 hours (3am - 11:30am HKT)\n- Window: 10:00–14:00 UTC (4 hours)\n- Outage: 4 hours (10:30 to 2:30 AM)\n')).toEqual([
      [3, '~6 hours', '3am - 11:30am HKT', [510]],
      [4, '4 hours', '10:00–14:00 UTC', [240]],
      [5, '4 hours', '10:30 to 2:30 AM', [960, 240]],
    ]);
  });

  it('across days by the dates written, and not a duration far from the range ("down 2 hours; the deploy at 10:00-11:00")', () => {
    expect(incident('## Summary\n\n- Duration: 2 days (2024-03-01 10:00 UTC to 2024-03-03 10:00 UTC)\n').spans?.[0].range.minutes).toEqual([2880]);
    expect(incident('## Summary\n\nThe API was down for 2 hours; we deployed the fix during the 10:00-11:00 window.\n').spans).toBeUndefined();
  });
});

describe('what a duration measures', () => {
  it('carries the precision it was written to', () => {
    expect(incident('## Summary\n\nThe API was down for 54 hours 10 minutes.\n').duration).toMatchObject({ minutes: 3250, precision: 1 });
    expect(incident('## Summary\n\nThe API was down for about 3 hours.\n').duration).toMatchObject({ minutes: 180, precision: 60, bound: 'about' });
  });

  it('is not the incident’s length when it is a delay, a latency or a timeout ("~5min delay for a response")', () => {
    expect(incident('## Impact\n\nAll controllers are becoming very slow & unusable (~5min delay for a response from hook).\n').duration).toBeUndefined();
    expect(incident('## Impact\n\nThe API was unusable for 40 minutes.\n').duration).toMatchObject({ minutes: 40 });
  });

  it('is not the incident’s length when it says how long the incident went unseen', () => {
    expect(incident('## Summary\n\nThe traffic spike wasn’t noticed for nearly 12 hours.\n').duration).toBeUndefined();
    expect(incident('## Summary\n\nIt took 3 hours to detect the leak, and the API was down for 4 hours.\n').duration).toMatchObject({ minutes: 240 });
  });

  it('marks an upper bound on an incident whose start is unknown', () => {
    const d = incident('## Summary\n\nThis resulted in an outage of unknown length bounded to at maximum 16 hours.\n').duration;
    expect(d).toMatchObject({ minutes: 960, bound: 'under', startUnknown: true });
    expect(incident('## Summary\n\nThe outage lasted at most 16 hours.\n').duration?.startUnknown).toBeUndefined();
  });
});

describe('metrics measured from the start', () => {
  it('are read wherever they are stated, and are not the incident’s window or length', () => {
    const i = incident('## Summary\n\nThe API was down.\n\n- Time to detection: 7 hours\n\n## Stats\n\n- TTR: ~54h10m\n- MTTA: 5 minutes\n');
    expect(i.duration).toBeUndefined();
    expect(i.metrics).toEqual([
      { milestone: 'detection', label: 'Time to detection', minutes: 420, text: '7 hours', precision: 60, line: 5, column: 22 },
      { milestone: 'recovery', label: 'TTR', minutes: 3250, text: '~54h10m', precision: 1, line: 9, column: 8 },
    ]);
  });

  it('leave a labelled clock to the window ("Resolution time: 16:11" is the end)', () => {
    const i = incident('## Summary\n\n- Start: 2023-11-07 10:00 UTC\n- Resolution time: 2023-11-07 16:11 UTC\n');
    expect([i.end?.time, i.metrics]).toEqual(['2023-11-07T16:11:00Z', undefined]);
  });
});

describe('prose windows', () => {
  it('read "between the hours of 13:00:00 and 17:35:08" as a range', () => {
    const i = incident('## Summary\n\nBetween the hours of 13:00:00 and 17:35:08 on 2024-01-10 our home page was not accessible.\n');
    expect([i.start?.time, i.end?.time]).toEqual(['2024-01-10T13:00', '2024-01-10T17:35:08']);
  });

  it('read "between the times of 14:28 and 14:43 (UTC)" as a range, not the span someone worked on it', () => {
    const i = incident('## Summary\n\nBetween the times of 14:28 and 14:43 (UTC) on April 7th 2025, users could not order. He started working on the problem at 14:35 and had it resolved by 14:43.\n');
    expect([i.start?.time, i.end?.time]).toEqual(['2025-04-07T14:28:00Z', '2025-04-07T14:43:00Z']);
  });

  it('take "to" and "and" as the end of a range only right before the time', () => {
    const i = incident(
      '## Summary\n\nOn 2024-11-05 we had an outage which started with degraded performance around 11:00 GMT and transitioned to a full outage by 17:00 GMT. It was resolved at 23:01 GMT.\n',
    );
    expect([i.start?.time, i.end?.time]).toEqual(['2024-11-05T11:00:00Z', '2024-11-05T23:01:00Z']);
  });

  it('read a time opening a long sentence about the outage as its start, and "the ending of the outage at" as its end', () => {
    const i = incident(
      '## Summary\n\nAt 11:23:45 PM PST on Monday (August 28, 2017), during a scheduled code deployment and launch of a new intranet feature, a bad script brought down our load balancers. The outage lasted 10 minutes, bringing the ending of the outage at 11:34:08 PM PST.\n',
    );
    expect([i.start?.time, i.start?.source, i.end?.time]).toEqual(['2017-08-29T07:23:45Z', 'prose', '2017-08-29T07:34:08Z']);
  });
});

describe('the duration a field says is the total', () => {
  it('is the incident\'s length, over a phase\'s read before it; the first total stands', () => {
    const i = incident(
      '## Summary\n\n- **Outage Start (UTC):** 15 December 2024, 03:53\n- **Outage End (UTC):** 18 December 2024, 00:29\n- **Duration:**\n  - **Dark outage:** Complete outage of 8 hours until read-only enabled.\n  - **Full outage:** Approximately 56 hours until edits were restored.\n  - **Total time until HE.net resolved:** About 68 hours.\n\n**Total Downtime:** 3 hours\n',
    );
    expect([i.duration?.text, i.duration?.minutes, i.duration?.line]).toEqual(['About 68 hours', 68 * 60, 8]);
    expect(check('## Summary\n\nThe site was down for about 5 hours in all.\n\n**Total impact duration:** 5 hours 26 minutes (10:45 - 16:11 UTC)\n').model!.incident.duration?.minutes).toBe(326);
  });

  it('is not a span to a milestone it does not measure ("Time to own: ~4.3 days")', () => {
    const i = incident('## Impact\n\n| Measure | Value |\n| --- | --- |\n| Time to own | ~4.3 days |\n| Time to acknowledge | 20 minutes |\n| Duration | about 5 days |\n');
    expect([i.duration?.text, i.duration?.line]).toEqual(['about 5 days', 7]);
  });

  it('is not a span in a condition ("if the registry fails to rediscover a module for 3 days, it is removed")', () => {
    const md = '## Description\n\nNothing broke at first, but if the registry fails to rediscover a module for 3 days, it is removed from the database.\n\nThe site was down for 2 hours.\n';
    expect(incident(md).duration?.text).toBe('2 hours');
  });

  it('leaves a front matter duration alone', () => {
    expect(incident('---\nduration: 45 minutes\n---\n\n## Summary\n\n**Total downtime:** 2 hours\n').duration?.minutes).toBe(45);
  });
});

describe('a field of one time and the words that it is the start', () => {
  it('reads "Duration: Started at 10:00 am GMT on 3rd June 2023, lasting 37 minutes" as the start and the length', () => {
    const i = incident('## Issue Summary\n\n- **Duration**: Started at **10:00 am GMT** on **3rd June 2023**, lasting **37 minutes**.\n');
    expect([i.start?.time, i.start?.source, i.end, i.duration?.minutes]).toEqual(['2023-06-03T10:00:00Z', 'field', undefined, 37]);
    // One time without those words is not a start ("Duration: 45 minutes, paged at 10:05").
    expect(incident('## Summary\n\n- Duration: 45 minutes, paged at 10:05 UTC\n').start).toBeUndefined();
  });
});

describe('a heading that names a section only when no other does', () => {
  it('reads "## Analysis" as the root cause, unless a "Root Cause" heading names it', () => {
    const keysOf = (md: string) => check(md).model!.sections.map((s) => s.keys.join());
    expect(keysOf('## Summary\n\nIt broke.\n\n## Analysis\n\nA query leaked.\n')).toEqual(['summary', 'root-cause']);
    expect(keysOf('## Summary\n\nIt broke.\n\n## Analysis\n\nA query leaked.\n\n## Root Cause\n\nThe query.\n')).toEqual(['summary', '', 'root-cause']);
  });

  it('reads "## What happened" over timed entries as the timeline when there is none, else as the summary', () => {
    const keysOf = (md: string) => check(md).model!.sections.map((s) => s.keys.join());
    const entries = '- **21:10 UTC**: the NAS hangs\n- **21:12**: the registry loses its backend\n- **21:15**: apps fail to pull images\n';
    expect(keysOf(`## What happened\n\n${entries}\n## Root cause\n\nThe NAS.\n`)).toEqual(['timeline', 'root-cause']);
    expect(keysOf(`## What happened\n\n${entries}\n## Timeline\n\n${entries}`)).toEqual(['summary', 'timeline']);
    expect(keysOf('## What happened\n\nAt 21:10 UTC the NAS hung and the registry lost its backend.\n')).toEqual(['summary']);
  });
});

describe('fields of the document, not of the incident', () => {
  it('"Reported:", "Last updated:" give no start: a report written two months into an undetected fault starts nothing', () => {
    const md = '# Canary flood\n\n**Reported**: 2026-06-11 15:00 CDT\n**Reporter**: Canary audit\n**Status**: RESOLVED\n**Duration**: 62 days undetected, remediated on 2026-06-11\n\n## Timeline (UTC)\n\n- 2026-04-15 16:01: First error\n- 2026-06-11 19:10: Fix deployed\n';
    const result = check(md);
    expect(result.model!.incident.start).toBeUndefined();
    expect(result.findings.filter((f) => f.rule === 'timeline-window')).toEqual([]);
    // "Started:" still gives it.
    expect(check('# Outage\n\n**Started**: 2026-06-11 15:00 UTC\n').model!.incident.start?.time).toBe('2026-06-11T15:00:00Z');
  });
});

describe('a range in a sentence that gives its date', () => {
  it('is on that date, not the front matter’s publication date', () => {
    const i = incident('---\ndate: 2024-06-12 08:30:00 Z\n---\n\n## Summary\n\nOn June 10th, 2024, a service degradation occurred between 4:00 PM and 5:15 PM UTC.\n');
    expect([i.start?.time, i.end?.time, i.date]).toEqual(['2024-06-10T16:00:00Z', '2024-06-10T17:15:00Z', '2024-06-10']);
  });

  it('and an end past midnight without a date of its own is on the next day', () => {
    const i = incident('## Summary\n\nThe dashboard shows 2 requests on Feb 14, 2026, but 1,806 were made that day (7 PM - midnight) during the outage.\n');
    expect([i.start?.time, i.end?.time]).toEqual(['2026-02-14T19:00', '2026-02-15T00:00']);
  });
});

describe('a window field written as a heading', () => {
  it('"# Outage Duration: …" states the window and its zone', () => {
    const result = check('### Postmortem: Web Stack Outage\n\n## Issue Summary\n#  Outage Duration: August 18, 2024, 01:00 AM - August 18, 2024, 03:30 AM (UTC)\n\n* Impact: the site was down.\n\n## Timeline\n    01:00 AM: The outage began.\n    03:00 AM: Services restored.\n');
    const i = result.model!.incident;
    expect([i.start?.time, i.end?.time, i.start?.line]).toEqual(['2024-08-18T01:00:00Z', '2024-08-18T03:30:00Z', 4]);
    expect(result.findings.filter((f) => f.rule === 'timezone-missing')).toEqual([]);
  });
});

describe('a report written as one list of labelled items', () => {
  const doc = '**Issue Summary:**\n- **Duration:** \n  - Start Time: October 5, 2023, 14:30 UTC\n  - End Time: October 5, 2023, 18:45 UTC\n- **Impact:** \n  - Users could not log in.\n- **Root Cause:** \n  - A DDoS attack overloaded the servers.\n\n**Timeline:**\n- **14:30 UTC - Issue Detected:**\n  - Monitoring alarms went off.\n- **16:30 UTC - Incident Resolution:**\n  - Calm was restored.\n';

  it('takes the window from its "Duration:" item, and its timed items are the timeline’s entries, not sections', () => {
    const result = check(doc);
    const i = result.model!.incident;
    expect([i.start?.time, i.end?.time]).toEqual(['2023-10-05T14:30:00Z', '2023-10-05T18:45:00Z']);
    expect(result.model!.timeline.map((t) => [t.line, t.time])).toEqual([
      [11, '2023-10-05T14:30:00Z'],
      [13, '2023-10-05T16:30:00Z'],
    ]);
    expect(result.model!.sections.filter((s) => s.keys.length).map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['1:summary', '5:impact', '7:root-cause', '10:timeline']);
    expect(result.findings.filter((f) => f.rule === 'timeline-window').map((f) => f.line)).toEqual([4]);
  });
});

describe('an approximate stated start', () => {
  const doc = (start: string) =>
    `# Media outage\n\n## Summary\n\nOn February 28th, 2023 at ${start} UTC images failed to load.\n\n## Timeline\n\n- Feb 28th 01:52 First report of media outages\n- Feb 28th 01:54 Confirmed media is broken\n- Feb 28th 02:30 Certificates renewed, images load again\n`;

  it('is only as exact as the tolerance: first reports three minutes before "approximately 01:55" are no finding', () => {
    const result = check(doc('approximately 01:55'));
    expect(result.model!.incident.start).toMatchObject({ time: '2023-02-28T01:55:00Z', approximate: true, line: 5 });
    expect(result.findings.filter((f) => f.rule === 'timeline-window')).toEqual([]);
  });

  it('stated exactly, the same start is contradicted by the first report', () => {
    const result = check(doc('01:55'));
    expect(result.model!.incident.start?.approximate).toBeUndefined();
    expect(result.findings.filter((f) => f.rule === 'timeline-window').map((f) => f.line)).toEqual([9]);
  });

  it('an hour before an approximate start is still a finding', () => {
    expect(check(doc('approximately 02:55')).findings.filter((f) => f.rule === 'timeline-window').map((f) => f.line)).toEqual([9]);
  });
});

describe('a label over the story', () => {
  const doc =
    '# Validator degradation\n\n## Summary\n\n- **Incident Description**: The team saw missed blocks starting at 23:15 UTC on August 18, 2025. Block times were 10-12 seconds against the normal ~5 seconds. A planned service restart at 00:30 UTC did not resolve the issue, and the incident continued until natural recovery at 02:43 UTC.\n\n## Timeline\n\n- 2025-08-18 23:15 UTC Missed blocks begin\n- 2025-08-19 00:30 UTC Planned restart\n- 2025-08-19 02:43 UTC Natural recovery\n';

  it('is read as prose: the restart that did not resolve it is no end, and a block time is no length', () => {
    const result = check(doc);
    const i = result.model!.incident;
    expect([i.start?.time, i.end?.time, i.end?.line, i.duration]).toEqual(['2025-08-18T23:15:00Z', '2025-08-19T02:43:00Z', 5, undefined]);
    expect(result.findings.filter((f) => f.rule === 'duration-mismatch' || f.rule === 'timeline-window')).toEqual([]);
  });

  it('"Incident window:" is still the range', () => {
    const i = incident('## Summary\n\n- **Incident window**: 2025-08-18 23:15 UTC to 2025-08-19 00:30 UTC\n');
    expect([i.start?.time, i.end?.time]).toEqual(['2025-08-18T23:15:00Z', '2025-08-19T00:30:00Z']);
  });
});

describe('a sentence that gives its day without a year', () => {
  it('dates its range ("On Sep 29, … from 14:00 to 16:30"), not the front matter\'s publication date', () => {
    const doc = '---\ndate: 2023-10-04T00:00:00Z\n---\n\nOn Sep 29, we had a period of about 2.5h from 14:00 to 16:30 UTC in which Repls became read-only.\n';
    const i = incident(doc);
    expect([i.start?.time, i.end?.time]).toEqual(['2023-09-29T14:00:00Z', '2023-09-29T16:30:00Z']);
  });
});

describe('a date written with dots', () => {
  it('is day first ("06.05.2026" is 6 May) whatever the zone, as Europe writes it', () => {
    const i = incident('## Summary\n\nThe outage lasted from 05.05.2026, 21:50 to 06.05.2026, 02:00.\n');
    expect([i.start?.time.slice(0, 16), i.end?.time.slice(0, 16)]).toEqual(['2026-05-05T21:50', '2026-05-06T02:00']);
  });
});
