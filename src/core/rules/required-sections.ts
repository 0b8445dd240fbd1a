/**
 * ## required-sections
 *
 * A postmortem must have the sections a reviewer looks for. Which ones is
 * set by the config's `sections.required` (default: summary, timeline,
 * root-cause, resolution, action-items). Any heading in the alias table
 * counts, at any level, numbered or not, and so does a bold line or a plain
 * label line ("Timeline:") in documents written without headings. The
 * message lists headings that would satisfy it.
 */
import { sectionName } from '../model/aliases.js';
import { defineRule } from './rule.js';

function titleCase(phrase: string): string {
  return phrase.replace(/\b\w/g, (c) => c.toUpperCase());
}

export default defineRule({
  id: 'required-sections',
  name: 'Required sections',
  description: 'Every required section (config `sections.required`) has a heading, under any of its accepted names.',
  defaultSeverity: 'error',
  examples: {
    valid: [
      {
        title: 'All five sections, in the wordings authors use',
        markdown:
          '# Outage\n\n## Issue Summary\n\nDown.\n\n## Events Timeline\n\n- 10:00 UTC down\n\n## Root Cause and Resolution\n\nDisk.\n\n## Corrective and Preventive Measures\n\n- Add alerts\n',
      },
    ],
    invalid: [
      {
        title: 'No timeline',
        markdown: '# Outage\n\n## Summary\n\nDown.\n\n## Root cause\n\nDisk.\n\n## Resolution\n\nFreed space.\n\n## Action items\n\n- Add alerts\n',
        reports: ['1:1 Unexpected missing timeline section, expected a heading such as “Timeline”, “Events Timeline”, “Timeline Of Events”'],
      },
    ],
  },
  check(ctx) {
    const present = new Set(ctx.model.sections.flatMap((s) => s.keys));
    for (const key of ctx.config.requiredSections) {
      if (present.has(key)) continue;
      const names = ctx.config.aliases[key].slice(0, 3).map((a) => `“${titleCase(a)}”`);
      const line = ctx.model.titleLine ?? 1;
      ctx.report({
        message: `Unexpected missing ${sectionName(key)} section, expected a heading such as ${names.join(', ')}`,
        line,
        column: 1,
      });
    }
  },
});
