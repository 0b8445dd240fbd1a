/**
 * ## empty-section
 *
 * A heading with nothing under it (not even a sub-section with content) is
 * usually a template left half-filled. A heading that carries its own value
 * ("## Level: Internal", "## Severity: SEV2") is a field, filled in; a heading
 * with no text at all ("##" alone) opens nothing to fill.
 */
import { defineRule } from './rule.js';

/** "Level: Internal", "Severity: SEV2": a heading that is a field with its value. */
const CARRIES_VALUE = /^[^:：]{1,40}[:：][ \t]*[\p{L}\p{N}]/u;

export default defineRule({
  id: 'empty-section',
  name: 'Empty section',
  description: 'A section heading has content under it (text, a list, a table or a sub-section with content).',
  defaultSeverity: 'warning',
  examples: {
    valid: [
      { title: 'Content under every heading', markdown: '# Outage\n\n## Impact\n\nAll users.\n' },
      { title: 'A heading that carries its value, and one with no text', markdown: '# Outage\n\n## Level: Internal\n\n##\n## Impact\n\nAll users.\n' },
    ],
    invalid: [{ title: 'An empty Impact section', markdown: '# Outage\n\n## Impact\n\n## Root cause\n\nDisk.\n', reports: ['3:1 Unexpected empty section “Impact”, expected content under the heading'] }],
  },
  check(ctx) {
    const titleLine = ctx.model.titleLine;
    for (const section of ctx.model.sections) {
      if (section.hasContent || section.line === titleLine || !/[\p{L}\p{N}]/u.test(section.heading) || CARRIES_VALUE.test(section.heading)) continue;
      ctx.report({
        message: `Unexpected empty section “${section.heading}”, expected content under the heading`,
        line: section.line,
        column: section.column,
      });
    }
  },
});
