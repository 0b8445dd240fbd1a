/**
 * ## action-items-prose
 *
 * An action-item section written as paragraphs ("We will be introducing rate
 * limiting… We are also looking into…") states measures that nobody can
 * track: there is no unit to file an issue for, assign or close. Each measure
 * belongs on a line of its own: a list item, a task-list item or a table row.
 * A section that lists its measures, or says there are none ("None yet."),
 * is not reported; a document without any measure is `action-items-missing`'s
 * finding, not this one's.
 */
import { readsAsProse } from '../model/action-items.js';
import { ownElements } from '../model/structure.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'action-items-prose',
  name: 'Action items written as prose',
  description: 'The measures of an action-item section are listed one by one (list items, task-list items or table rows), not told in paragraphs.',
  defaultSeverity: 'error',
  examples: {
    valid: [{ title: 'Measures listed', markdown: '## Follow-up\n\nWe will make sure this cannot happen again:\n\n- Rate-limit uploads per user\n- Reserve team names\n' }],
    invalid: [
      {
        title: 'Measures told in a paragraph',
        markdown:
          '# Upload flood\n\n## Future measures\n\nWe will be introducing rate limiting on the upload endpoint. We are also looking into\nreserving usernames that impersonate official teams.\n',
        reports: ['3:1 Unexpected action items told as prose under “Future measures”, expected each measure as its own list item, task-list item or table row so it can be tracked'],
      },
    ],
  },
  check(ctx) {
    const { structure } = ctx;
    structure.sections.forEach((section, index) => {
      if (!section.keys.includes('action-items')) return;
      if (!readsAsProse(ownElements(structure, index), !structure.markdown)) return;
      ctx.report({
        message: `Unexpected action items told as prose under “${section.heading}”, expected each measure as its own list item, task-list item or table row so it can be tracked`,
        line: section.line,
        column: section.column,
      });
    });
  },
});
