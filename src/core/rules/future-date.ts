/**
 * ## future-date
 *
 * A postmortem describes something that happened. An incident date, start,
 * end or timeline entry after today is a typo (2032 for 2023) or a wrong
 * year carried over from a template.
 */
import { defineRule } from './rule.js';
import { DAY_MS } from '../time/index.js';

export default defineRule({
  id: 'future-date',
  name: 'Incident date in the future',
  description: 'No incident date lies in the future.',
  defaultSeverity: 'error',
  examples: {
    valid: [{ title: 'A past date', markdown: '## Timeline\n\n- 2023-11-07 10:00 UTC alert\n' }],
    invalid: [{ title: 'A date years ahead', markdown: '## Timeline\n\n- 2093-11-07 10:00 UTC alert\n', reports: ['3:3 Unexpected date 2093-11-07 in the future, expected an incident date on or before 2026-11-24'] }],
  },
  check(ctx) {
    // A day of slack for zones ahead of the runner's clock.
    const today = new Date(ctx.now.getTime() + DAY_MS).toISOString().slice(0, 10);
    const seen = new Set<string>();
    const { start, end } = ctx.model.incident;
    const points = [start, end, ...ctx.model.timeline].filter((p): p is NonNullable<typeof p> => p !== undefined);
    for (const p of points.sort((a, b) => a.line - b.line)) {
      if (!p.date || p.date <= today || seen.has(p.date)) continue;
      seen.add(p.date);
      ctx.report({
        message: `Unexpected date ${p.date} in the future, expected an incident date on or before ${ctx.now.toISOString().slice(0, 10)}`,
        line: p.line,
        column: p.column,
      });
    }
  },
});
