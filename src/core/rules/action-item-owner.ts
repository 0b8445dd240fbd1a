/**
 * ## action-item-owner
 *
 * An action item nobody owns is rarely done. Each open item names an owner:
 * an `@login`, "Owner: name", or an owner column. Items already done are
 * not reported.
 */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'action-item-owner',
  name: 'Action item without an owner',
  description: 'Each open action item has an owner.',
  defaultSeverity: 'warning',
  examples: {
    valid: [{ title: 'Owned items', markdown: '## Action items\n\n- Add disk alerts @alice\n- Rotate keys (Owner: bob)\n' }],
    invalid: [{ title: 'No owner', markdown: '## Action items\n\n- Add disk alerts\n', reports: ['3:1 Unexpected action item without an owner (“Add disk alerts”), expected an `@login`, “Owner: name” or an owner column'] }],
  },
  check(ctx) {
    for (const item of ctx.model.actionItems) {
      if (item.owner || item.done) continue;
      const excerpt = item.title.length > 50 ? item.title.slice(0, 49) + '…' : item.title;
      ctx.report({
        message: `Unexpected action item without an owner (“${excerpt}”), expected an \`@login\`, “Owner: name” or an owner column`,
        line: item.line,
        column: item.column,
      });
    }
  },
});
