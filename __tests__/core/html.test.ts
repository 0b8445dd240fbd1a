/**
 * A postmortem written in HTML inside a Markdown file (an exported blog
 * post): read as the Markdown it renders as, on its source lines.
 */
import { describe, expect, it } from 'vitest';
import { check } from './../helpers.js';

const POST = [
  'title: Mail outage post-mortem',
  '',
  '<p><span style="font-family: arial;"><b>Overview:</b></span><br /><span>During the afternoon of May 6th we began',
  'experiencing delays in mail delivery &amp; disabled the service.</span><br /><br /><strong>Timeline</strong><br />',
  '<strong>2014-05-07 02:08 UTC -</strong> mail begins to crawl to a halt<br />',
  '<strong>2014-05-07 07:56 UTC -</strong> first complaints about mail<br />',
  '<strong>2014-05-07 10:10 UTC -</strong> mail service restored<br /><br /><b>Remediation plan:</b><br /></p>',
  '<ul>',
  '  <li>Update the documentation to be current.</li>',
  '  <li>Improve the monitoring of the mail service.</li>',
  '</ul>',
  '<p>#5 was the disk that failed first.</p>',
].join('\n');

describe('a postmortem written in HTML', () => {
  it('has its bold labels as sections, its broken lines as timeline entries and its list items as measures, each on its source line', () => {
    const m = check(POST).model!;
    expect(m.sections.filter((s) => s.keys.length > 0).map((s) => [s.line, s.keys.join(), s.heading])).toEqual([
      [3, 'summary', 'Overview'],
      [4, 'timeline', 'Timeline'],
      [7, 'action-items', 'Remediation plan'],
    ]);
    expect(m.timeline.map((t) => [t.line, t.time])).toEqual([
      [5, '2014-05-07T02:08:00Z'],
      [6, '2014-05-07T07:56:00Z'],
      [7, '2014-05-07T10:10:00Z'],
    ]);
    expect(m.actionItems.map((a) => [a.line, a.title])).toEqual([
      [9, 'Update the documentation to be current.'],
      [10, 'Improve the monitoring of the mail service.'],
    ]);
  });

  it('keeps text that Markdown would read as syntax at the start of a line as text ("#5 was…")', () => {
    const m = check(POST).model!;
    expect(m.sections.some((s) => s.heading.startsWith('5 was'))).toBe(false);
  });

  it('leaves a figure, a comment and a table as they are', () => {
    const m = check('## Summary\n\n<figure><img src="x.png"><figcaption>The dashboard at 10:00</figcaption></figure>\n\nIt broke.\n').model!;
    expect(m.sections.map((s) => s.keys.join())).toEqual(['summary']);
  });
});
