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

/** An HTML page saved as README.md: a head with styles, then a body indented under its tags, with blank lines. */
const PAGE = [
  '<!DOCTYPE html>',
  '<html lang="en">',
  '<head>',
  '    <title>Postmortem: Website Outage</title>',
  '    <style>',
  '        h2 { color: #333; }',
  '    </style>',
  '</head>',
  '<body>',
  '    <div class="container">',
  '        <h1>Postmortem: Website Outage on May 20th, 2024</h1>',
  '        ',
  '        <h2>Issue Summary</h2>',
  '        <p><strong>Duration:</strong> from 2:00 PM to 4:30 PM (UTC).</p>',
  '',
  '        <h2>Timeline</h2>',
  '        <ul>',
  '            <li>2:00 PM - Deployment completes, and the website starts failing.</li>',
  '            <li>4:30 PM - Website fully operational.</li>',
  '        </ul>',
  '',
  '        <h2>Corrective and Preventative Measures</h2>',
  '        <ul>',
  '            <li>Automate the rollback procedure.</li>',
  '            <li>Add alerts for failed database migrations.</li>',
  '        </ul>',
  '    </div>',
  '</body>',
  '</html>',
  '',
].join('\n');

describe('a whole HTML page saved as Markdown', () => {
  it('is read as the page it renders as: its headings are sections, its list items entries and measures, on their source lines', () => {
    const m = check(PAGE).model!;
    expect(m.title).toBe('Postmortem: Website Outage on May 20th, 2024');
    expect(m.sections.map((s) => [s.line, s.keys.join(), s.heading])).toEqual([
      [11, '', 'Postmortem: Website Outage on May 20th, 2024'],
      [13, 'summary', 'Issue Summary'],
      [16, 'timeline', 'Timeline'],
      [22, 'action-items', 'Corrective and Preventative Measures'],
    ]);
    expect(m.timeline.map((t) => [t.line, t.time])).toEqual([
      [18, '2024-05-20T14:00:00Z'],
      [19, '2024-05-20T16:30:00Z'],
    ]);
    expect(m.actionItems.map((a) => [a.line, a.title])).toEqual([
      [24, 'Automate the rollback procedure.'],
      [25, 'Add alerts for failed database migrations.'],
    ]);
  });

  it('shows nothing of its head, styles or doctype', () => {
    const m = check(PAGE).model!;
    expect(m.sections.some((s) => /color|DOCTYPE|<title>/.test(s.heading))).toBe(false);
    const missing = check(PAGE).findings.filter((f) => f.rule === 'required-sections').map((f) => f.message.replace(/ section,.*/, ''));
    expect(missing.sort()).toEqual(['Unexpected missing resolution', 'Unexpected missing root cause']);
  });
});
