import { describe, expect, it } from 'vitest';
import { brief, check } from '../helpers.js';

const items = (md: string) => check(md).model!.actionItems;

describe('action item fields', () => {
  it('reads task lists, owners, due dates, priorities, linked issues and explicit ids', () => {
    const got = items(`## Action items

- [x] [AI-1] Rotate the leaked key (Owner: @bob, due 2024-02-01, P1)
- [ ] Add a canary for config pushes @alice — priority: high — #123
- Replace the cron job <!-- id: cron-job -->
- Write the runbook https://github.com/acme/ops/issues/77
`);
    expect(got.map((i) => ({ id: i.id, explicit: i.explicitId, title: i.title, owner: i.owner, due: i.due, priority: i.priority, done: i.done, issue: i.issue, line: i.line }))).toEqual([
      { id: 'AI-1', explicit: true, title: 'Rotate the leaked key', owner: 'bob', due: '2024-02-01', priority: 'P1', done: true, issue: null, line: 3 },
      { id: expect.stringMatching(/^ai-/), explicit: false, title: expect.stringMatching(/^Add a canary for config pushes/), owner: 'alice', due: null, priority: 'high', done: false, issue: '#123', line: 4 },
      { id: 'cron-job', explicit: true, title: 'Replace the cron job', owner: null, due: null, priority: null, done: false, issue: null, line: 5 },
      { id: expect.stringMatching(/^ai-/), explicit: false, title: expect.stringMatching(/^Write the runbook/), owner: null, due: null, priority: null, done: false, issue: 'https://github.com/acme/ops/issues/77', line: 6 },
    ]);
  });

  it('reads tables by their headers', () => {
    const got = items(`## Follow-ups

| Owner | Task | Due | Priority | Type | Ticket |
| --- | --- | --- | --- | --- | --- |
| @dana | Alert on disk usage | 2024-03-01 | P2 | prevent | #12 |
| lee | Roll back faster | | | mitigate | |
`);
    expect(got.map((i) => [i.line, i.title, i.owner, i.due, i.priority, i.kind, i.issue])).toEqual([
      [5, 'Alert on disk usage', 'dana', '2024-03-01', 'P2', 'preventative', '#12'],
      // A Type value that names neither kind ("mitigate") gives 'other' (kinds come only from the words naming them).
      [6, 'Roll back faster', 'lee', null, null, 'other', null],
    ]);
  });

  it('keeps an id when the item moves or its wording changes a little, and tells identical items apart', () => {
    const before = items('## Action items\n\n- Add alerts for disk usage\n- Rotate the keys\n');
    const after = items('## Action items\n\n- Rotate the keys\n- Intro line moved things around.\n- add an alert for the disk usage.\n');
    expect(after.find((i) => /alert/i.test(i.title))!.id).toBe(before[0].id);
    expect(after.find((i) => /Rotate/.test(i.title))!.id).toBe(before[1].id);
    const twins = items('## Action items\n\n- Rotate the keys\n- Rotate the keys\n');
    expect(twins.map((i) => i.id)).toEqual([before[1].id, `${before[1].id}-2`]);
  });
});

describe('inline directives', () => {
  const doc = (body: string) => `# Outage\n\n## Summary\n\nDown.\n\n## Timeline\n\n${body}\n\n## Root cause\n\nDisk.\n\n## Resolution\n\nFreed.\n\n## Action items\n\n- Fix it @dana\n`;

  it('postmortem-disable-next-line silences one rule on the next line only', () => {
    const r = check(doc('- 10:00 UTC alert\n<!-- postmortem-disable-next-line timeline-untimed -->\n- paged the DBA\n- escalated'));
    expect(brief(r)).toEqual(['12:timeline-untimed']);
  });

  it('postmortem-disable … postmortem-enable silences a range; without rule ids, every rule', () => {
    const r = check(doc('- 10:00 UTC alert\n\n<!-- postmortem-disable timeline-untimed -->\n\n- paged the DBA\n- escalated\n\n<!-- postmortem-enable timeline-untimed -->\n\n- called the vendor'));
    expect(brief(r)).toEqual(['18:timeline-untimed']);
    const all = check('<!-- postmortem-disable -->\n\n# Nothing here\n');
    expect(all.findings).toEqual([]);
  });
});
