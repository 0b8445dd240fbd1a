/**
 * Documents written to the common public templates (PagerDuty, Atlassian, a
 * "blameless" one-pager), none of them from the shared corpus: the model
 * must read them without special cases.
 */
import { describe, expect, it } from 'vitest';
import { check, fixture } from '../helpers.js';

const read = (name: string) => check(fixture(`templates/${name}`), {}, name);

describe('common postmortem templates', () => {
  it('PagerDuty: front matter, summary window in PST, table timeline with the zone in its header, action table with priorities', () => {
    const r = read('pagerduty.md');
    expect(r.findings).toEqual([]);
    const m = r.model!;
    expect(m.incident).toMatchObject({ start: { time: '2024-02-14T21:02:00Z' }, end: { time: '2024-02-14T22:17:00Z' }, date: '2024-02-14' });
    expect(m.timeline.map((t) => t.time)).toEqual(['2024-02-14T21:02:00Z', '2024-02-14T21:09:00Z', '2024-02-14T21:40:00Z', '2024-02-14T22:05:00Z', '2024-02-14T22:17:00Z']);
    expect(m.actionItems.map((a) => [a.line, a.title, a.owner, a.priority])).toEqual([
      [49, 'Canary all auth config changes', 'jlee', 'P1'],
      [50, 'Lower the p99 latency alert threshold to 1s', 'mwong', 'P2'],
      [51, 'Add pool size to the deploy diff', 'jlee', 'P3'],
    ]);
  });

  it('Atlassian: Recovery as the resolution, task list with owners, due dates and a done item', () => {
    const r = read('atlassian.md');
    expect(r.findings).toEqual([]);
    const m = r.model!;
    expect(m.sections.filter((s) => s.keys.length).map((s) => s.keys.join('+'))).toEqual(['summary', 'impact', 'detection', 'resolution', 'timeline', 'root-cause', 'lessons-learned', 'action-items']);
    expect(m.incident.duration?.minutes).toBe(90);
    expect(m.actionItems.map((a) => [a.kind, a.title, a.owner, a.due, a.done])).toEqual([
      ['corrective', 'Make the rebuild job take a shared lock', 'Priya', '2023-03-20', false],
      ['corrective', 'Add a lock-age alert', 'Sam', null, false],
      ['corrective', 'Kill switch for the rebuild job', 'Priya', null, true],
    ]);
  });

  it('a bold-field one-pager: duration range in CET, bold times on consecutive lines, numbered follow-ups with "— @owner — due"', () => {
    const r = read('blameless.md');
    expect(r.findings).toEqual([]);
    const m = r.model!;
    expect(m.incident).toMatchObject({ start: { time: '2022-11-30T14:20:00Z' }, end: { time: '2022-11-30T16:30:00Z' }, duration: { minutes: 130 } });
    expect(m.timeline.map((t) => [t.line, t.time])).toEqual([
      [11, '2022-11-30T14:20:00Z'],
      [12, '2022-11-30T14:35:00Z'],
      [13, '2022-11-30T15:10:00Z'],
      [14, '2022-11-30T16:30:00Z'],
    ]);
    expect(m.actionItems.map((a) => [a.title, a.owner, a.due])).toEqual([
      ['Add a smoke test for the webhook consumer', 'ana', '2022-12-15'],
      ['Alert on consumer crash loops', 'ben', null],
      ['Document the backlog drain procedure', 'ana', null],
    ]);
  });
});
