/**
 * ## timeline-untimed
 *
 * Every timeline entry should say when it happened. Entries without a time
 * are kept in the model (marked untimed) and reported here; a placeholder
 * left where the time belongs ("--:--", "HH:MM", "[???]") is named as such.
 */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'timeline-untimed',
  name: 'Timeline entry without a time',
  description: 'Each timeline entry carries a timestamp.',
  defaultSeverity: 'warning',
  examples: {
    valid: [{ title: 'Every entry timed', markdown: '## Timeline\n\n- 10:00 UTC alert\n- 10:20 UTC rollback\n' }],
    invalid: [{ title: 'An entry without a time', markdown: '## Timeline\n\n- 10:00 UTC alert\n- **Escalation:** paged the DBA\n', reports: ['4:3 Unexpected timeline entry without a time (“Escalation: paged the DBA”), expected a timestamp such as “14:32 UTC”'] }],
  },
  check(ctx) {
    for (const entry of ctx.model.timeline) {
      if (entry.time !== null || entry.invalid) continue;
      const excerpt = entry.text.length > 40 ? entry.text.slice(0, 39) + '…' : entry.text;
      ctx.report({
        message: entry.placeholder
          ? `Unexpected placeholder “${entry.placeholder}” for the time of “${excerpt}”, expected a timestamp such as “14:32 UTC”`
          : `Unexpected timeline entry without a time (“${excerpt}”), expected a timestamp such as “14:32 UTC”`,
        line: entry.line,
        column: entry.expressionColumn ?? entry.column,
      });
    }
  },
});
