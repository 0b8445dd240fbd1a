/**
 * ## action-item-due-limit
 *
 * Deadlines follow from priority (as incident.io and Atlassian policies set
 * them): a P0 measure is done within a week, a P2 within two months. An
 * item may state its own due date, and that date wins in its issue; this
 * rule reports one that lies beyond what its priority allows, so a P0 item
 * "due next quarter" is caught in review.
 *
 * The limits are config `issues.due-by-priority` (`P0: 7d`, `P1: 28d`…),
 * counted from the incident date, or, with `issues.due-from: merge`, from
 * the day of the check (a pull request is checked before its merge). The
 * rule's `limits` and `from` options replace them for this rule alone.
 * Items without a stated date, a known priority or a known incident date
 * are not reported. Off by default.
 */
import { latestAllowed, parseDays, statedDate, type DuePolicy } from '../deadline.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'action-item-due-limit',
  name: 'Due date beyond its priority',
  description: "An action item's stated due date is within what its priority allows (config `issues.due-by-priority`).",
  defaultSeverity: 'off',
  options: (z) =>
    z.strictObject({
      limits: z.optional(z.record(z.string(), z.union([z.number().check(z.int(), z.minimum(0)), z.string()]))),
      from: z.optional(z.enum(['incident', 'merge'])),
    }),
  defaults: {},
  examples: {
    valid: [
      {
        title: 'A P0 item due within a week of the incident',
        markdown: '---\ndate: 2023-11-07\n---\n# Outage\n\n## Action items\n\n- Add disk alerts (priority: P0, due 2023-11-12)\n',
        options: { limits: { P0: '7d' } },
      },
      { title: 'No limit for its priority', markdown: '---\ndate: 2023-11-07\n---\n# Outage\n\n## Action items\n\n- Add disk alerts (priority: P3, due 2024-06-01)\n', options: { limits: { P0: '7d' } } },
    ],
    invalid: [
      {
        title: 'A P0 item due two months after the incident',
        markdown: '---\ndate: 2023-11-07\n---\n# Outage\n\n## Action items\n\n- Add disk alerts (priority: P0, due 2024-01-10)\n- Rotate keys (priority: P1, due 2023-11-20)\n',
        options: { limits: { P0: '7d', P1: '4w' } },
        reports: ['8:1 Unexpected due date 2024-01-10 for a P0 item, expected at most 7 days after the incident (by 2023-11-14, config `issues.due-by-priority`)'],
      },
    ],
  },
  check(ctx) {
    const policy = policyOf(ctx.options, ctx.config.issues.due);
    if (!policy) return;
    const base = policy.from === 'merge' ? ctx.now.toISOString().slice(0, 10) : (ctx.model.incident.date ?? null);
    const counted = policy.from === 'merge' ? 'the merge (today)' : 'the incident';
    for (const item of ctx.model.actionItems) {
      const stated = statedDate(item.due);
      const limit = latestAllowed(item.priority, base, policy);
      if (!stated || !limit || stated <= limit.date) continue;
      ctx.report({
        message: `Unexpected due date ${stated} for a ${item.priority} item, expected at most ${limit.days} days after ${counted} (by ${limit.date}, config \`issues.due-by-priority\`)`,
        line: item.line,
        column: item.column,
      });
    }
  },
});

/** The rule's own limits when given, else the configuration's. */
function policyOf(options: { limits?: Record<string, string | number>; from?: 'incident' | 'merge' }, config: DuePolicy | null): DuePolicy | null {
  if (!options.limits) return config && options.from ? { ...config, from: options.from } : config;
  const days = new Map<string, number>();
  for (const [priority, value] of Object.entries(options.limits)) {
    const n = parseDays(value);
    if (n !== null) days.set(priority.trim().toLowerCase(), n);
  }
  return { days, from: options.from ?? config?.from ?? 'incident' };
}
