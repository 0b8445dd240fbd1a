/**
 * ## timeline-order
 *
 * Timeline entries run forwards. Clocks that go back by more than twelve
 * hours are read as the next day (23:50 then 00:10), so only a real step
 * back (10:00 then 09:00) is reported, with the entry it contradicts.
 */
import * as z from 'zod/mini';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'timeline-order',
  name: 'Timeline out of order',
  description: 'Timeline entries are in chronological order.',
  defaultSeverity: 'error',
  options: z.strictObject({}),
  examples: {
    valid: [{ title: 'Past midnight', markdown: '## Timeline\n\n- 23:50 UTC alert\n- 00:10 UTC rollback\n' }],
    invalid: [{ title: 'A step back', markdown: '## Timeline\n\n- 10:00 UTC alert\n- 09:00 UTC deploy\n', lines: [4] }],
  },
  check(ctx) {
    let latest: (typeof ctx.model.timeline)[number] | undefined;
    for (const entry of ctx.model.timeline) {
      if (entry.order === undefined) continue;
      if (latest && latest.order !== undefined && entry.order < latest.order) {
        ctx.report({
          message: `Unexpected ${label(entry)} after ${label(latest)} (line ${latest.line}), expected entries in chronological order`,
          line: entry.line,
          column: entry.expressionColumn ?? entry.column,
          related: [{ line: latest.line, column: latest.expressionColumn ?? latest.column, message: `Later entry at ${label(latest)}` }],
        });
        continue;
      }
      latest = entry;
    }
  },
});

function label(entry: { expression?: { text: string }; time: string | null }): string {
  return entry.expression?.text.trim() ?? entry.time ?? '?';
}
