/**
 * ## timestamp-invalid
 *
 * Something written as a timestamp that is not a real time or date:
 * "25:61", "13:00 PM", "2023-02-30 10:00".
 */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'timestamp-invalid',
  name: 'Unparseable timestamp',
  description: 'Every timestamp in the timeline is a real date and time.',
  defaultSeverity: 'error',
  examples: {
    valid: [{ title: 'Real times', markdown: '## Timeline\n\n- 23:59 UTC last request\n' }],
    invalid: [{ title: 'Minutes past 59', markdown: '## Timeline\n\n- 10:00 UTC alert\n- 10:75 UTC rollback\n', reports: ['4:3 Unexpected timestamp “10:75” (minute 75 is out of range), expected a valid date and time'] }],
  },
  check(ctx) {
    for (const entry of ctx.model.timeline) {
      if (!entry.invalid) continue;
      const text = entry.expression?.text ?? entry.text;
      ctx.report({
        message: `Unexpected timestamp “${text}” (${entry.invalid}), expected a valid date and time`,
        line: entry.line,
        column: entry.expressionColumn ?? entry.column,
      });
    }
  },
});
