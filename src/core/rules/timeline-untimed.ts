/**
 * ## timeline-untimed
 *
 * Every timeline entry should say when it happened. Entries without a time
 * are kept in the model (marked untimed) and reported here; a placeholder
 * left where the time belongs ("--:--", "HH:MM", "[???]") is named as such.
 * A timeline none of whose entries has a time (a sequence of steps, "Web
 * container starts", "CPU usage rises") is one problem: reported once, at
 * its first entry, with the others as related places.
 */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'timeline-untimed',
  name: 'Timeline entry without a time',
  description: 'Each timeline entry carries a timestamp.',
  defaultSeverity: 'warning',
  examples: {
    valid: [{ title: 'Every entry timed', markdown: '## Timeline\n\n- 10:00 UTC alert\n- 10:20 UTC rollback\n' }],
    invalid: [
      { title: 'An entry without a time', markdown: '## Timeline\n\n- 10:00 UTC alert\n- **Escalation:** paged the DBA\n', reports: ['4:3 Unexpected timeline entry without a time (“Escalation: paged the DBA”), expected a timestamp such as “14:32 UTC”'] },
      {
        title: 'A timeline of steps, none timed',
        markdown: '## Timeline\n\n1. Web container starts normally.\n2. CPU usage rises sharply.\n3. Container stop reduces load.\n',
        reports: ['3:4 Unexpected timeline of 3 entries without a time, expected a timestamp on each such as “14:32 UTC”'],
      },
    ],
  },
  check(ctx) {
    const entries = ctx.model.timeline;
    if (entries.length >= 2 && entries.every((e) => e.time === null && !e.invalid && !e.placeholder)) {
      const [first, ...rest] = entries;
      ctx.report({
        message: `Unexpected timeline of ${entries.length} entries without a time, expected a timestamp on each such as “14:32 UTC”`,
        line: first.line,
        column: first.expressionColumn ?? first.column,
        related: rest.map((e) => ({ line: e.line, column: e.expressionColumn ?? e.column, message: 'Also without a time' })),
      });
      return;
    }
    for (const entry of entries) {
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
