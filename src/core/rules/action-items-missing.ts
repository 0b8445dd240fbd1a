/**
 * ## action-items-missing
 *
 * A postmortem that commits to nothing has not finished its job. At least
 * one corrective or preventative measure must be listed in an action-item
 * section. A section that tells its measures in prose is reported by
 * `action-items-prose` instead (one problem, one finding).
 */
import { readsAsProse } from '../model/action-items.js';
import { ownElements } from '../model/structure.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'action-items-missing',
  name: 'No action items',
  description: 'The postmortem lists at least one action item.',
  defaultSeverity: 'error',
  examples: {
    valid: [{ title: 'One measure', markdown: '## Action items\n\n- Add disk alerts\n' }],
    invalid: [{ title: 'An empty list of measures', markdown: '# Outage\n\n## Action items\n\nNone yet.\n', reports: ['3:1 Unexpected action-item section “Action items” without measures, expected at least one list item, table row or line'] }],
  },
  check(ctx) {
    if (ctx.model.actionItems.length > 0) return;
    const { structure } = ctx;
    const prose = structure.sections.some((s, i) => s.keys.includes('action-items') && readsAsProse(ownElements(structure, i), !structure.markdown));
    if (prose) return;
    const section = ctx.model.sections.find((s) => s.keys.includes('action-items'));
    ctx.report({
      message: section
        ? `Unexpected action-item section “${section.heading}” without measures, expected at least one list item, table row or line`
        : 'Unexpected postmortem without action items, expected at least one corrective or preventative measure',
      line: section?.line ?? ctx.model.titleLine ?? 1,
      column: section?.column ?? 1,
    });
  },
});
