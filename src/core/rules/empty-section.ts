/**
 * ## empty-section
 *
 * A heading with nothing under it (not even a sub-section with content) is
 * usually a template left half-filled.
 */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'empty-section',
  name: 'Empty section',
  description: 'A section heading has content under it (text, a list, a table or a sub-section with content).',
  defaultSeverity: 'warning',
  examples: {
    valid: [{ title: 'Content under every heading', markdown: '# Outage\n\n## Impact\n\nAll users.\n' }],
    invalid: [{ title: 'An empty Impact section', markdown: '# Outage\n\n## Impact\n\n## Root cause\n\nDisk.\n', reports: ['3:1 Unexpected empty section “Impact”, expected content under the heading'] }],
  },
  check(ctx) {
    const titleLine = ctx.model.titleLine;
    for (const section of ctx.model.sections) {
      if (section.hasContent || section.line === titleLine) continue;
      ctx.report({
        message: `Unexpected empty section “${section.heading}”, expected content under the heading`,
        line: section.line,
        column: section.column,
      });
    }
  },
});
