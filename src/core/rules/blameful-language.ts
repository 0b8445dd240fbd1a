/**
 * ## blameful-language (opt-in)
 *
 * Blameless postmortems describe what the system allowed, not who slipped.
 * "Human error", "Bob's fault", "should have known" and "careless" make
 * people defensive and hide the missing guard rail. Off by default; turn it
 * on with `rules: { blameful-language: warning }`. Add phrases with the
 * `phrases` option.
 */
import { linesOfElements } from '../model/lines.js';
import { columnAt } from '../model/text.js';
import { defineRule } from './rule.js';

const BUILT_IN = [
  /\bhuman errors?\b/gi,
  /\boperator errors?\b/gi,
  /\b[A-Z][\w-]{1,30}['’]s fault\b/g,
  /\b(?:his|her|their|my|your) fault\b/gi,
  /\bshould(?:'ve| have) (?:known|noticed|caught|checked|realized|realised|been more careful)\b/gi,
  /\b(?:careless(?:ly|ness)?|negligen(?:t|ce)|incompeten(?:t|ce)|sloppy|lazy)\b/gi,
  /\b(?:to blame|blamed? on)\b/gi,
  /\bfailed to (?:notice|follow|check|pay attention)\b/gi,
  /\bstupid mistake\b/gi,
];

function escape(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export default defineRule({
  id: 'blameful-language',
  name: 'Blameful language',
  description: 'The document describes systems and gaps, not people at fault (opt-in).',
  defaultSeverity: 'off',
  options: (z) => z.strictObject({ phrases: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(200))), []) }),
  defaults: { phrases: [] },
  examples: {
    valid: [{ title: 'Blameless', markdown: '## Root cause\n\nThe deploy script let a config with an empty host list through.\n' }],
    invalid: [{ title: 'Blaming a person', markdown: '## Root cause\n\nHuman error: Bob should have known the flag was on.\n', reports: ['3:1 Unexpected blameful phrase “Human error”, expected blameless wording that names the gap in the system', '3:18 Unexpected blameful phrase “should have known”, expected blameless wording that names the gap in the system'] }],
  },
  check(ctx) {
    const patterns = [...BUILT_IN, ...ctx.options.phrases.map((p) => new RegExp(`\\b${escape(p)}\\b`, 'gi'))];
    for (const line of linesOfElements(ctx.structure.elements)) {
      if (line.text.length > 10_000) continue;
      for (const re of patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
          ctx.report({
            message: `Unexpected blameful phrase “${m[0]}”, expected blameless wording that names the gap in the system`,
            line: line.line,
            column: columnAt(line, m.index),
          });
        }
      }
    }
  },
});
