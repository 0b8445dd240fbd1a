/**
 * ## timezone-missing
 *
 * Times without a zone cannot be compared with logs, pages or other teams'
 * timelines. The document should state its zone once ("All times in UTC",
 * front matter `timezone:`) or next to its times ("14:32 UTC"). A team that
 * writes every postmortem in one zone can set the config's `timezone`
 * instead, which satisfies this rule.
 */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'timezone-missing',
  name: 'No time zone',
  description: 'A document with clock times states their time zone somewhere.',
  defaultSeverity: 'warning',
  examples: {
    valid: [{ title: 'A statement', markdown: '## Timeline\n\nAll times in PST.\n\n- 10:00 alert\n' }],
    invalid: [{ title: 'No zone anywhere', markdown: '## Timeline\n\n- 10:00 alert\n- 10:30 fixed\n', reports: ['3:3 Unexpected times without a time zone, expected a zone next to a time (“14:32 UTC”), a statement (“All times in UTC”) or front matter `timezone`'] }],
  },
  check(ctx) {
    if (ctx.zoneStated || ctx.config.timezone) return;
    const { start, end } = ctx.model.incident;
    const first = [start, end, ...ctx.model.timeline.filter((t) => t.time !== null)]
      .filter((p): p is NonNullable<typeof p> => p !== undefined)
      .sort((a, b) => a.line - b.line)[0];
    if (!first) return;
    ctx.report({
      message: 'Unexpected times without a time zone, expected a zone next to a time (“14:32 UTC”), a statement (“All times in UTC”) or front matter `timezone`',
      line: first.line,
      column: first.column,
    });
  },
});
