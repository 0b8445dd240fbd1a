/**
 * ## duplicate-section
 *
 * Two separate sections that stand for the same thing ("Timeline" twice, or
 * "Summary" and "Overview") split what a reader needs in one place. A
 * combined heading ("Root Cause and Resolution") next to a single one
 * ("Root Cause") is not a duplicate, nor is a sub-section inside its parent,
 * nor are the parts an aspect comes in: lessons ("What went well", "What
 * went wrong", "Where we got lucky"), measures of different kinds
 * ("Corrective measures", "Preventative measures") or horizons ("Short-term",
 * "This month", "Medium-term improvements"), and the trigger or the
 * contributing factors beside the root cause (as the Google SRE book's and
 * PagerDuty's templates have them), or impacts on different sides
 * ("Technical Impact", "Business Impact"), nor the parts of a lesson
 * learned ("**Actions taken:**" under each), nor sections under two parts
 * of the document side by side ("## Incident 1", "## Incident 2").
 */
import { defineRule } from './rule.js';
import { kindOf } from '../model/action-items.js';
import { isHorizonHeading } from '../model/aliases.js';
import type { Section } from '../types.js';

export default defineRule({
  id: 'duplicate-section',
  name: 'Duplicate section',
  description: 'No two separate sections stand for exactly the same section.',
  defaultSeverity: 'warning',
  examples: {
    valid: [
      { title: 'Lessons in parts', markdown: '## What went well\n\nAlerts fired.\n\n## What went wrong\n\nNo runbook.\n\n## Where we got lucky\n\nLow traffic.\n' },
      { title: 'Measures of two kinds', markdown: '## Corrective measures\n\n- Fix the config\n\n## Preventative measures\n\n- Lint configs in CI\n' },
      { title: 'Measures over two horizons', markdown: '## Resolution\n\nRolled back.\n\n### Short-term (To Do)\n\n- [ ] Backfill the lost rows\n\n### Long-term (To Do)\n\n- [ ] Set up backups\n' },
      { title: 'The trigger beside the root cause', markdown: '## Root Causes\n\nA race in the cache.\n\n## Trigger\n\nA traffic spike.\n' },
      { title: 'Contributing factors beside the root cause', markdown: '## Root Cause\n\nA race in the cache.\n\n## Contributing Factors\n\n- No alert on cache misses\n' },
      { title: 'Horizons named with their measures', markdown: '## Immediate fixes needed\n\n- Restart the job\n\n## Medium-term improvements\n\n- Add retries\n' },
      { title: 'A combined heading beside a single one', markdown: '## Root Cause\n\nDisk.\n\n## Root Cause and Resolution\n\nDisk; freed space.\n' },
      { title: 'Measures of a kind, then the list of all', markdown: '**Prevention**:\n\nThere are talks of limiting orders.\n\n**Action Items**:\n\n1. Limit orders.\n' },
      { title: 'Two incidents in one document', markdown: '## Incident 1: Metastore crash\n\n### Timeline\n\n- 10:00 UTC crash\n\n## Incident 2: Silent task failures\n\n### Timeline\n\n- 14:00 UTC tasks fail\n' },
      { title: 'Actions under each lesson', markdown: '## Lessons learned\n\n### Reviews\n\n**Actions taken:**\n\n- Two reviewers\n\n### Alerting\n\n**Actions taken:**\n\n- Page on errors\n' },
      { title: 'Impacts on different sides', markdown: '## Technical Impact\n\nLambda ran 900 s.\n\n## Business Impact\n\nCosts rose.\n' },
      { title: 'Parts of one section', markdown: '## Actions taken\n\n### Mitigation\n\nFailed over.\n\n### Resolution\n\nRestored the primary.\n' },
    ],
    invalid: [{ title: 'Two timelines', markdown: '## Timeline\n\n- 10:00 down\n\n## Incident timeline\n\n- 11:00 up\n', reports: ['5:1 Unexpected second timeline section “Incident timeline”, expected one (first at line 1)'] }],
  },
  check(ctx) {
    const all = ctx.model.sections;
    const sections = all.filter((s) => s.keys.length > 0);
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i];
      const same = (t: typeof s) => t.keys.length === s.keys.length && t.keys.every((k) => s.keys.includes(k));
      // A part of a section that stands for the same ("### Mitigation" and "### Resolution" inside "## Actions
      // taken") is not a section of its own: its parent is the one that may be a second. Nor is what a lesson
      // holds ("**Actions taken:**" under each lesson learned).
      if (sections.some((t) => within(t, s) && (same(t) || t.keys.includes('lessons-learned')))) continue;
      const first = sections.slice(0, i).find((t) => same(t) && !partsOfOne(t, s) && !inSeparateParts(all, t, s));
      if (!first) continue;
      ctx.report({
        message: `Unexpected second ${s.keys.join(' and ')} section “${s.heading}”, expected one (first at line ${first.line})`,
        line: s.line,
        column: s.column,
        related: [{ line: first.line, column: first.column, message: `First ${s.keys.join(' and ')} section “${first.heading}”` }],
      });
    }
  },
});

/** Whether `inner` sits inside `outer`. */
function within(outer: Section, inner: Section): boolean {
  return outer.line < inner.line && inner.line <= outer.endLine && outer.level < inner.level;
}

/**
 * "## Incident 1: …" and "## Incident 2: …", each over its own "### Timeline": two sections under two parts
 * of the document that name no section, side by side, tell of two things (two incidents, two phases).
 */
function inSeparateParts(all: Section[], a: Section, b: Section): boolean {
  const parentOf = (s: Section) => all.filter((t) => within(t, s)).at(-1);
  const [pa, pb] = [parentOf(a), parentOf(b)];
  return pa !== undefined && pb !== undefined && pa !== pb && pa.keys.length === 0 && pb.keys.length === 0 && pa.level === pb.level && !within(pa, pb);
}

/** Two sections that are parts of one aspect (see the rule's comment), each rightly a section of its own. */
function partsOfOne(a: Section, b: Section): boolean {
  if (a.keys.length === 1 && a.keys[0] === 'lessons-learned') return true;
  const kinds = [kindOf(a.heading), kindOf(b.heading)];
  if (a.keys.includes('action-items') && kinds.every((k) => k !== undefined) && kinds[0] !== kinds[1]) return true;
  if (a.keys.includes('action-items') && [a, b].some((s) => namesHorizon(s.heading))) return true;
  // "**Prevention**:" over what is talked of, then "**Action Items**:" over the list: measures of a kind, then all of them.
  if (a.keys.includes('action-items') && a.level === 7 && b.level === 7 && kinds[0] !== undefined && kinds[1] === undefined) return true;
  if (a.keys.includes('impact') && whoseImpact(a.heading) !== whoseImpact(b.heading) && whoseImpact(a.heading) && whoseImpact(b.heading)) return true;
  return a.keys.includes('root-cause') && [a, b].some((s) => BESIDE_ROOT_CAUSE.test(s.heading));
}

/** "Customer Impact", "Business impact": the side an impact section tells of (undefined for a plain "Impact"). */
function whoseImpact(heading: string): string | undefined {
  return IMPACT_ON.exec(heading)?.[1].toLowerCase();
}
const IMPACT_ON = /\b(customer|user|business|technical|internal|external|financial|revenue|security|data|operational|service|product|partner|developer|public|downstream|upstream|infrastructure|engineering|system|reputational|compliance)s?[ \t-]+impacts?\b/i;
const BESIDE_ROOT_CAUSE = /^[\W\d_]*(?:trigger(?:s|ing event)?|contributing[ \t]+(?:factors?|causes?|conditions?))\b/i;

/** "Short-term", "This month", or one named with its measures ("Medium-Term Improvements", "Long-term fixes needed"). */
function namesHorizon(heading: string): boolean {
  if (isHorizonHeading(heading)) return true;
  const words = heading.replace(/[^\p{L}\p{N}\s-]/gu, ' ').trim().split(/\s+/);
  while (words.length > 2 && /^(?:needed|required|planned)$/i.test(words[words.length - 1])) words.pop();
  return words.length >= 2 && MEASURE_NOUN.test(words[words.length - 1]) && isHorizonHeading(words.slice(0, -1).join(' '));
}
const MEASURE_NOUN = /^(?:improvements?|fix(?:es)?|actions?|measures?|items?|tasks?|changes?|work|goals?|solutions?|steps?)$/i;
