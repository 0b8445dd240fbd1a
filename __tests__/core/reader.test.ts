/**
 * Issue 9's capabilities on postmortems written for these tests in the styles
 * real teams use (PagerDuty's questions, an incident log written as one list,
 * a document in a stray code fence, a student's plain-text postmortem,
 * GitLab's and Atlassian's action items, multi-line items). Each expectation
 * is what a careful reviewer reads: sections with their lines, items with
 * their lines, kinds and done flags, and the findings at their lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, check, FIXTURES } from '../helpers.js';
import { matchHeading, matchFallback, extendAliases, isReaderAdviceHeading } from '../../src/core/model/aliases.js';

const read = (name: string) => check(readFileSync(join(FIXTURES, 'reader', name)), {}, name);
const sections = (name: string) =>
  read(name)
    .model!.sections.filter((s) => s.keys.length)
    .map((s) => `${s.line}:${s.keys.join('+')}:${s.style}`);
const items = (name: string) => read(name).model!.actionItems.map((a) => [a.line, a.kind, a.done, a.title]);

describe('1. the outline: every heading form, mapped by vocabulary', () => {
  it('setext headings, a bold-only line, questions and a misspelling (PagerDuty style)', () => {
    expect(sections('pagerduty-questions.md')).toEqual([
      '4:summary:setext',
      '13:timeline:bold', // "**Timline**"
      '19:root-cause:setext', // "Why did it happen?"
      '24:resolution:setext', // "How did we fix it?"
      '29:action-items:setext', // "What are we doing to prevent it?"
    ]);
  });

  it('"What happened?" is narrative, not one of the sections: it stays a line of the summary', () => {
    const model = read('pagerduty-questions.md').model!;
    expect(model.sections.find((s) => s.line === 9)).toBeUndefined();
    expect(model.sections.find((s) => s.keys.includes('summary'))).toMatchObject({ line: 4, endLine: 12 });
  });

  it('an incident log written as one list: each label item opens its section', () => {
    expect(sections('incident-log-list.md')).toEqual(['3:summary:list-item', '5:timeline:list-item', '8:root-cause:list-item', '10:resolution:list-item', '12:action-items:list-item']);
    expect(items('incident-log-list.md')).toEqual([
      [13, 'other', false, 'Add old tokens to the auth contract tests'],
      [14, 'other', false, 'Canary auth deploys for 30 minutes'],
    ]);
  });

  it('a document wrapped in a stray code fence is read as the Markdown it is, at its own lines', () => {
    expect(sections('stray-fence.md')).toEqual(['4:summary:atx', '7:timeline:atx', '11:root-cause:atx', '14:action-items:atx']);
    expect(items('stray-fence.md')).toEqual([
      [15, 'other', false, 'Prune images nightly'],
      [16, 'other', false, 'Alert at 85% disk usage'],
    ]);
  });

  it('a document between two thematic breaks that the parser took for front matter is read as Markdown when it is not YAML', () => {
    const result = read('rules-not-front-matter.md');
    expect(sections('rules-not-front-matter.md')).toEqual(['5:summary:atx', '11:timeline:atx', '15:root-cause:atx', '18:resolution:atx', '21:action-items:atx']);
    expect(result.model!.title).toBe('Login outage');
    expect(result.model!.frontMatter).toBeNull();
    expect(result.findings.filter((f) => f.rule.startsWith('front-matter') || f.rule === 'required-sections')).toEqual([]);
    // A real front matter with a YAML error is still reported: it has `key:` lines.
    expect(brief(check('---\ntitle: [x\n# note\n---\n# Doc\n')).filter((f) => f.includes('front-matter'))).toEqual(['3:front-matter-syntax']);
  });

  it('a label item whose text sits on the next, indented line opens its section; "Key events" is a timeline', () => {
    expect(sections('label-items-lazy.md')).toEqual(['3:timeline:list-item', '8:impact:list-item', '11:root-cause:list-item', '14:resolution:list-item']);
    const result = read('label-items-lazy.md');
    expect(result.model!.timeline.map((t) => `${t.line} ${t.time}`)).toEqual(['4 2024-02-12T09:05', '5 2024-02-12T09:20', '6 2024-02-12T10:02']);
    expect(result.findings.filter((f) => f.rule === 'empty-section')).toEqual([]);
  });

  it('a bullet that is only a bold label over text at the margin opens the section that text is; a numbered one does not', () => {
    const doc = [
      '# Incident on 2025-07-23 - Secrets leaked',
      '',
      '- **Key events**',
      '  - First detected 2025-07-23 15:35',
      '',
      '- **Impact**:',
      '',
      'A plan file holding secrets was pushed to a branch.',
      '',
      '- **Resolution**:',
      '',
      'The token was revoked and the history purged.',
      '',
      '- **Review actions**:',
      '',
      '1. Speak to namespace owner',
      '2. Add `*.out` to gitignore',
      '',
    ].join('\n');
    const model = check(doc).model!;
    expect(model.sections.filter((s) => s.keys.length).map((s) => `${s.line}:${s.keys.join('+')}:${s.style}`)).toEqual([
      '3:timeline:list-item',
      '6:impact:list-item',
      '10:resolution:list-item',
      '14:action-items:list-item',
    ]);
    expect(model.actionItems.map((a) => [a.line, a.title])).toEqual([
      [16, 'Speak to namespace owner'],
      [17, 'Add *.out to gitignore'],
    ]);
    // "5.  **Disk pressure mitigation**" over a list: one step among numbered others, not the resolution.
    const numbered = check('## Resolution steps\n\n4.  **Scaling ingestion**\n\n5.  **Disk pressure mitigation**\n\n-   Paused ingestion.\n').model!;
    expect(numbered.sections.map((s) => s.line)).toEqual([1]);
    // A bold item without a colon over a list may be that list's first item, not its label.
    expect(check('## Timeline\n\n- **Resolution**\n\n1. Paused ingestion.\n').model!.sections.map((s) => s.line)).toEqual([1]);
  });

  it('a plain label of a few words ending in a colon is named by its head word, not through a prefix joined to it', () => {
    // "Main cause:" and "Immediate fix:" are sections; "Post-resolution:" (what came after) stays a line of the timeline.
    expect(sections('plain-head-labels.md')).toEqual(['3:summary:label', '6:timeline:label', '13:root-cause:label', '16:resolution:label', '19:action-items:label']);
  });

  it('a phase label under a time heading of the timeline ("Gradual recovery:") is part of that entry, not a section', () => {
    expect(sections('timeline-heading-phases.md')).toEqual(['3:summary:atx', '7:timeline:atx', '21:root-cause:atx', '25:resolution:atx', '29:action-items:atx']);
    const result = read('timeline-heading-phases.md');
    expect(result.model!.timeline.map((t) => `${t.line} ${t.time}`)).toEqual(['9 2024-11-20T02:00:00Z', '16 2024-11-20T02:05:00Z']);
    expect(result.findings.filter((f) => f.rule === 'timeline-untimed' || f.rule === 'duplicate-section')).toEqual([]);
  });

  it('after the timeline\'s entries, a phase label over prose that tells times ("Impact:") opens its section', () => {
    // Phase labels stay in the timeline over entries that open with their times, or as its first thing (068's
    // "Timeline:", then "Detection:" over "The issue was detected at 10:30 AM"); here the impact's ranges are
    // no entries, and read as such they ran backwards (09:10 to 13:40, then 08:55).
    expect(sections('plain-timeline-then-impact.md')).toEqual(['3:timeline:label', '12:impact:label']);
    const result = read('plain-timeline-then-impact.md');
    expect(result.model!.timeline.map((t) => t.line)).toEqual([4, 5, 6, 7]);
    expect(result.findings.filter((f) => f.rule === 'timeline-order')).toEqual([]);
  });

  it('a plain-text student postmortem: label lines with and without colons, "TODO:" a group inside the measures', () => {
    expect(sections('student-plain.md')).toEqual(['3:summary:label', '6:timeline:label', '10:root-cause+resolution:label', '13:action-items:label']);
    expect(read('student-plain.md').model!.actionItems.map((a) => [a.line, a.group, a.title])).toEqual([
      [15, 'TODO', 'Add a config test to the deploy script.'],
      [16, 'TODO', 'Monitor the upstream port with a health check.'],
    ]);
  });

  it('maps headings by their words, stems and misspellings, not by a fixed list', () => {
    const table = extendAliases(undefined);
    const keys = (h: string) => matchHeading(h, table);
    expect(keys('Root Causes')).toEqual(['root-cause']);
    expect(keys('Timline of evnets')).toEqual(['timeline']);
    expect(keys('Corective actions')).toEqual(['action-items']);
    expect(keys('Remediations')).toEqual(['action-items']);
    expect(keys('How did we fix it?')).toEqual(['resolution']);
    expect(keys('What we are doing about it')).toEqual(['action-items']);
    expect(keys('Root cause and resolution')).toEqual(['root-cause', 'resolution']);
    expect(keys('Corrective/Preventative measures')).toEqual(['action-items']);
    expect(keys('Incident report for 504 error / Site Outage')).toEqual([]);
    expect(keys('What happened')).toEqual([]);
    // A status page's "ISSUE:" over what went wrong, though "issue" alone says nothing in a longer heading.
    expect(keys('ISSUE:')).toEqual(['summary']);
    expect(keys('Related issues')).toEqual([]);
    expect(keys('Details')).toEqual([]);
    expect(keys('Open Items')).toEqual(['action-items']);
    expect(keys('What we are changing beyond the patch')).toEqual(['action-items']);
    expect(keys("What we're doing differently")).toEqual(['action-items']);
    // Hindsight: what the incident taught, not what will be done.
    expect(['What we would do differently', 'Would do differently', "What we'd do differently", 'What could have been done differently'].map(keys)).toEqual([
      ['lessons-learned'], ['lessons-learned'], ['lessons-learned'], ['lessons-learned'],
    ]);
    expect(keys('What we will do differently')).toEqual(['action-items']);
    expect(keys('What should ordinarily have been done to prevent this, but wasn’t done?')).toEqual(['lessons-learned']);
    expect(keys("What we're doing to fix this")).toEqual(['action-items']);
    // The Romance "actions of resolution" are the steps that resolved it, as "Resolution actions" are.
    expect(['Ações de Resolução', 'Acciones de mitigación', 'Resolution actions', 'Acciones correctivas'].map(keys)).toEqual([['resolution'], ['resolution'], ['resolution'], ['action-items']]);
    // So are the measures of the response, taken ("🛡️ MEDIDAS DE RESPUESTA IMPLEMENTADAS"); "Response measures" alone only when nothing else is.
    expect(['🛡️ MEDIDAS DE RESPUESTA IMPLEMENTADAS', 'Mesures de réponse', 'Medidas de respuesta a largo plazo'].map(keys)).toEqual([['resolution'], ['resolution'], ['action-items']]);
    expect(keys('Response measures')).toEqual([]);
    // Work done once it was over is measures taken; during it, the resolution.
    expect(['Steps taken after the incident', 'Changes made since the outage', 'Steps taken during the incident', 'Steps taken'].map(keys)).toEqual([['action-items'], ['action-items'], ['resolution'], ['resolution']]);
    // The recovery's targets are measured, not how it was resolved.
    expect(['Recovery Time Objective (RTO)', 'RTO and RPO', 'Recovery'].map(keys)).toEqual([[], [], ['resolution']]);
    // Questions and phrases of what is planned name the measures.
    expect(['What do we plan to do in the near future?', 'In the mid-term we expect to:', 'What we plan to do', 'What are we going to do?'].map(keys)).toEqual([
      ['action-items'], ['action-items'], ['action-items'], ['action-items'],
    ]);
    expect(matchFallback('Response measures')).toBe('resolution');
    // "Where we need to improve" beside "what went well" is what went wrong; "measures to improve" are measures.
    expect(['需要改进的地方 ⚠️', '不足之处', '需要改进的措施'].map(keys)).toEqual([['lessons-learned'], ['lessons-learned'], ['action-items']]);
    // Resolving names, users or conflicts is the system's work, not how the incident was resolved.
    expect(['DNS Resolution Failure', 'Architecture Issue: Two Parallel User-Resolution Paths', 'Conflict resolution'].map(keys)).toEqual([[], [], []]);
    expect(['Incident resolution', 'Resolution: DNS resolution fixed'].map(keys)).toEqual([['resolution'], ['resolution']]);
    // Italian, Spanish, Portuguese, French and German words for the summary, the restoration, the measures and the lessons.
    expect(['Sommario (TL;DR)', 'Ripristino (cosa è stato fatto)', 'Restauração do serviço', 'Wiederherstellung', 'Misure adottate', 'Medidas', 'Lezioni (le tre che contano)', 'Leçons', 'Lições'].map(keys)).toEqual([
      ['summary'], ['resolution'], ['resolution'], ['resolution'], ['action-items'], ['action-items'], ['lessons-learned'], ['lessons-learned'], ['lessons-learned'],
    ]);
    // "**Identified**: via automated alerts" is how it was found out; "Issues identified" are findings.
    expect(['Identified', 'How it was identified', 'Issues identified'].map(keys)).toEqual([['detection'], ['detection'], ['lessons-learned']]);
    // Problems met along the way are findings; changes still to make are measures.
    expect(['Problems during Recovery', 'Issues we hit', 'Gaps in monitoring', 'Changes that need to be made', 'Required changes'].map(keys)).toEqual([
      ['lessons-learned'], ['lessons-learned'], ['lessons-learned'], ['action-items'], ['action-items'],
    ]);
    // A heading that is only a horizon of work still to do groups measures.
    expect(['Short-term (To Do)', 'This Month', 'Next sprint', 'Long term (3 months)'].map(keys)).toEqual([['action-items'], ['action-items'], ['action-items'], ['action-items']]);
    expect(keys('What we changed')).toEqual([]);
    // What was changed once the incident was over is the measures taken.
    expect(['What changed after the incident', 'What we have changed since the outage', 'Changes since the incident'].map(keys)).toEqual([['action-items'], ['action-items'], ['action-items']]);
    expect(keys('What changed before the incident')).toEqual([]);
    // The problem a heading names is its head: "task" before "failures" is the kind of failure, not the measures.
    expect(['Incident 2: Silent task failures', 'Action failures'].map(keys)).toEqual([[], []]);
    expect(['Remediation steps', 'Task list'].map(keys)).toEqual([['action-items'], ['action-items']]);
    // Chinese and Japanese headings, written without spaces.
    expect(['根因', '修复', '改进措施', '临时措施', '原因及解决方案', '再発防止策', 'タイムライン', '问题'].map(keys)).toEqual([
      ['root-cause'],
      ['resolution'],
      ['action-items'],
      ['resolution'],
      ['root-cause', 'resolution'],
      ['action-items'],
      ['timeline'],
      // "The problem", as "Problem" is in English.
      ['summary'],
    ]);
    expect(keys('Changes')).toEqual([]);
    expect(keys('To Do')).toEqual(['action-items']);
    expect([keys('How this happened'), keys('But how did this happen?'), keys('What allowed this to happen?'), keys('What happened')]).toEqual([['root-cause'], ['root-cause'], ['root-cause'], []]);
    // Security postmortems; a word that names a section only as the whole heading.
    expect(['The Vulnerability', 'Exploit', 'Exploit transactions (HyperEVM)', 'Handling', 'Guest user handling', 'Solving (Charles)'].map(keys)).toEqual([
      ['root-cause'],
      ['root-cause'],
      [],
      ['resolution'],
      [],
      ['resolution'],
    ]);
    // A slash inside a parenthetical parts nothing.
    expect(keys('Decision log (optional but recommended for sev0/sev1)')).toEqual([]);
    expect(keys('Play by Play')).toEqual(['timeline']);
    expect(['Sammendrag', 'Tidslinje', 'Rotårsaker', 'Aksjonspunkter', 'Hva lærte vi?'].map(keys)).toEqual([['summary'], ['timeline'], ['root-cause'], ['action-items'], ['lessons-learned']]);
    // Headings in Spanish, Portuguese, French, German and Russian.
    expect(['Resumen', 'Linha do tempo', 'Cause racine', 'Lösung', 'Maßnahmen', 'Таймлайн', 'Жизненные уроки'].map(keys)).toEqual([
      ['summary'],
      ['timeline'],
      ['root-cause'],
      ['resolution'],
      ['action-items'],
      ['timeline'],
      ['lessons-learned'],
    ]);
    expect([keys('Problems'), keys('Problem')]).toEqual([['lessons-learned'], ['summary']]);
    // A plain line is a label only when its words are the table's own: "Incident resolved" is a sentence.
    expect(matchHeading('Incident resolved', table, { strict: true, plain: true })).toEqual([]);
  });

  it('a path or a file name, and a question answered yes or no, name no section', () => {
    const keys = (h: string) => matchHeading(h, extendAliases(undefined));
    expect(keys("Node's /etc/resolv.conf")).toEqual([]);
    expect(keys('resolv.conf')).toEqual([]);
    expect(keys('Were we able to diagnose and fix the immediate issue quickly?')).toEqual([]);
    expect(keys('**Did we fix it in time?**')).toEqual([]);
    expect([keys('How did we fix it?'), keys('Root Cause/Resolution'), keys('Node.js upgrade root cause')]).toEqual([['resolution'], ['root-cause', 'resolution'], ['root-cause']]);
  });

  it('takes the head after a word that only holds it, and reads "why" and "so long" as no measures', () => {
    const keys = (h: string) => matchHeading(h, extendAliases(undefined));
    expect([keys('Details of mitigation'), keys('Overview of the root cause'), keys('Timeline of events')]).toEqual([['resolution'], ['root-cause'], ['timeline']]);
    expect([keys('Why restores took so long'), keys('Why was this hard to detect?'), keys('Why did this happen?')]).toEqual([[], ['detection'], ['root-cause']]);
    expect([keys('Long-term fixes'), keys('Longer term actions')]).toEqual([['action-items'], ['action-items']]);
  });

  it('reads "# The Incident" as the summary of a document without one, "# Incident" as a title', () => {
    const keysOf = (md: string) => check(md).model!.sections.map((x) => [x.line, x.keys.join('+')]);
    expect(keysOf('# The Incident\n\nThe site returned 404s.\n\n## Lessons\n\nCache less.\n')).toEqual([
      [1, 'summary'],
      [5, 'lessons-learned'],
    ]);
    expect(keysOf('# Incident\n\n## Summary\n\nThe site returned 404s.\n')).toEqual([
      [1, ''],
      [3, 'summary'],
    ]);
  });

  it('reads measures headed in French, Spanish and Italian', () => {
    const keys = (h: string) => matchHeading(h, extendAliases(undefined));
    expect([keys("Diminuer les risques à l'avenir"), keys('Prochaines étapes'), keys('Mesures préventives'), keys('Medidas correctivas'), keys('Prossimi passi')]).toEqual([
      ['action-items'],
      ['action-items'],
      ['action-items'],
      ['action-items'],
      ['action-items'],
    ]);
  });

  it('reads British spellings, "Improving …" headings as measures, and a reader\'s own FAQ question as no section', () => {
    const keys = (h: string) => matchHeading(h, extendAliases(undefined));
    expect([keys('stabilisation steps'), keys('Stabilization Steps')]).toEqual([['resolution'], ['resolution']]);
    // "Recovery" alone is the resolution; what is being improved is the measures.
    expect([keys('Improving Recovery Procedures'), keys('Improvements to recovery'), keys('Recovery procedures')]).toEqual([['action-items'], ['action-items'], ['resolution']]);
    // An instruction on a plain line is a measure, not a heading naming the measures.
    expect(matchHeading('Improve monitoring so that it detects issues', extendAliases(undefined), { strict: true, plain: true })).toEqual([]);
    expect([keys('How can I resolve this?'), keys('My merge request has not been merged. How can I fix this?'), keys('How did we fix it?')]).toEqual([[], [], ['resolution']]);
    // The answer for a question is not the answer for the same words without its mark (one cache for both).
    const one = extendAliases(undefined);
    expect([matchHeading('How can we resolve it, my friend?', one), matchHeading('How can we resolve it, my friend', one)]).toEqual([[], ['resolution']]);
  });

  it('reads Polish, Czech, Turkish and Scandinavian headings, and "and" in the languages the table names', () => {
    const keys = (h: string) => matchHeading(h, extendAliases(undefined));
    expect(['Podsumowanie wykonawcze', 'Analiza przyczyn', 'Plan działania', 'Wnioski', 'Oś czasu', 'Kořenová příčina', 'Kök neden', 'Årsak', 'Исправление'].map(keys)).toEqual([
      ['summary'],
      ['root-cause'],
      ['action-items'],
      ['lessons-learned'],
      ['timeline'],
      ['root-cause'],
      ['root-cause'],
      ['root-cause'],
      ['resolution'],
    ]);
    // "Chronologia" is a timeline; a heading that says its things are "not in a chronological order" is not.
    expect([keys('Chronologia'), keys('Miscellaneous things not in a chronological order')]).toEqual([['timeline'], []]);
    expect(['Causa raíz y resolución', 'Cause et résolution', 'Ursache und Lösung', 'Причина и решение', 'Rekomendacje i rozwiązania'].map(keys)).toEqual([
      ['root-cause', 'resolution'],
      ['root-cause', 'resolution'],
      ['root-cause', 'resolution'],
      ['root-cause', 'resolution'],
      ['action-items', 'resolution'],
    ]);
    // A remediation carried out is the resolution, as "Actions taken" is; a remediation alone or planned is the measures.
    expect(['Remediation performed', 'Fixes applied', 'Remediations completed', '✅ Remediation Steps Taken', 'Remediation', 'Remediation plan'].map(keys)).toEqual([
      ['resolution'],
      ['resolution'],
      ['resolution'],
      ['resolution'],
      ['action-items'],
      ['action-items'],
    ]);
    // A retrospective's "What could improve" is lessons; "To improve" over the fixes to make is the measures.
    expect(['What Could Improve', 'What could be improved', 'To improve'].map(keys)).toEqual([['lessons-learned'], ['lessons-learned'], ['action-items']]);
    // A conclusion named after a dash or colon is what it names.
    expect(['Conclusions - What We Plan to Change', 'Conclusion: Next steps', '5. Conclusions – Lessons learned', 'Conclusions'].map(keys)).toEqual([
      ['action-items'],
      ['action-items'],
      ['lessons-learned'],
      [],
    ]);
    // The work of making something sturdier names the measures; "Hva skjedde" is the summary of a document without one.
    expect([keys('Strengthening Our Security Posture'), keys('Hardening the CI pipeline'), matchFallback('Hva skjedde')]).toEqual([['action-items'], ['action-items'], 'summary']);
  });

  it('reads "Time-line" as the timeline, "Each time is in UTC." as its zone, and "at present" as no misspelt "prevent"', () => {
    const doc =
      '# Incident analysis\n\n## Time-line of the incident\n\nEach time is in UTC.\n\n    28 May 09:26 An administrator discovers a trace of the intrusion.\n    28 May 09:35 The administrator disconnects the host.\n\n## Machines and services at present\n\n* CVS (for committers)\n* FTP (ftp.example.org)\n';
    const result = check(doc);
    expect(result.model!.sections.map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['1:', '3:timeline', '10:']);
    expect(result.model!.timeline.map((t) => [t.line, t.time])).toEqual([
      [7, '09:26'],
      [8, '09:35'],
    ]);
    expect(result.model!.actionItems).toEqual([]);
    expect(result.findings.filter((f) => f.rule === 'timezone-missing')).toEqual([]);
  });

  it('reads Danish "Forebyggelse" as preventative measures, "Lærepenge" as lessons, and "Areas of improvement" as measures', () => {
    const doc = '# Postmortem\n\n## Lærepenge\n\n1. Test fra dag 1.\n\n## Forebyggelse\n\n- [ ] Pre-ship checklist for nye flows\n';
    const model = check(doc).model!;
    expect(model.sections.map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['1:', '3:lessons-learned', '7:action-items']);
    expect(model.actionItems.map((a) => [a.line, a.kind])).toEqual([[9, 'preventative']]);
    const areas = check('# Retrospective\n\n## Areas of Improvement\n\n- Add a dashboard for the API usage\n').model!;
    expect(areas.actionItems.map((a) => [a.line, a.title])).toEqual([[5, 'Add a dashboard for the API usage']]);
  });

  it('reads question headings of steps taken and of stopping a recurrence, and mitigations announced as preventing it', () => {
    const doc = '# Accidental release\n\n## What immediate steps were taken?\n\nWe yanked the release.\n\n## How do we stop it from repeating?\n\n- Extra checks in the release procedure\n';
    const model = check(doc).model!;
    expect(model.sections.map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['1:', '3:resolution', '7:action-items']);
    expect(model.actionItems.map((a) => [a.line, a.title])).toEqual([[9, 'Extra checks in the release procedure']]);
    const mitigations = '# Key exposure\n\n### Mitigations\n\nWe are planning to implement several mitigations to prevent exposures of this kind in the future.\n\n1. We will make the bucket append only.\n';
    expect(check(mitigations).model!.sections.map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['1:', '3:action-items']);
    // What was done to mitigate it stays the resolution.
    const done = '# Outage\n\n### Mitigations\n\nWe rolled back the deploy:\n\n1. Reverted the config.\n';
    expect(check(done).model!.sections.map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['1:', '3:resolution']);
  });

  it('reads what to avoid as advice and what was avoided as nothing, not measures', () => {
    const doc = '# Webhook\n\n## Follow-up actions\n\n- Add a webhook alert\n\n## Anti-patterns to avoid\n\n- Declaring resolved before metrics confirm\n\n## Technical debt avoided\n\n- World state restores from the database\n\n## What could be done to avoid this in future?\n\n- Test redirects in staging\n';
    const model = check(doc).model!;
    expect(model.sections.map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['1:', '3:action-items', '7:lessons-learned', '11:', '15:action-items']);
    expect(model.actionItems.map((a) => a.line)).toEqual([5, 17]);
  });

  it('reads "Measurement" (of an indicator) as no "Measures"', () => {
    const doc = '# Latency\n\n## Indicators\n\n### The measurement\n\n- Metric: p95 of the request duration\n- Window: rolling 5 minutes\n\n## Measures\n\n- Alert on the p95 latency\n';
    const model = check(doc).model!;
    expect(model.sections.map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['1:', '3:', '5:', '10:action-items']);
    expect(model.actionItems.map((a) => [a.line, a.title])).toEqual([[12, 'Alert on the p95 latency']]);
  });

  it('reads a heading without its attributes ("## 2:07pm CST {#2-07pm-cst}", "## Timeline {.unnumbered}")', () => {
    const doc = '# How the server went away\n\n## Timeline {.unnumbered}\n\n- 14:07 CST mail from the host\n- 14:48 CST server gone\n\n## Root cause {#cause}\n\nA clean-up script. Braces {kept} stay.\n\n## Notes {kept}\n';
    const result = check(doc);
    expect(result.model!.sections.map((s) => `${s.line}:${s.keys.join('+')}:${s.heading}`)).toEqual(['1::How the server went away', '3:timeline:Timeline', '8:root-cause:Root cause', '12::Notes {kept}']);
    // A status page's headings that are only times, with their anchors, are its updates.
    const updates = check('# Outage\n\n## 2:07pm CST {#2-07pm-cst}\n\nThe host mailed us.\n\n## 5:05pm CST {#5-05pm-cst}\n\nStill down.\n\n## 6:17pm CST {#6-17pm-cst}\n\nBack up.\n');
    expect(updates.model!.timeline.map((t) => t.line)).toEqual([3, 7, 11]);
  });

  it('reads a heading glossed in English, Indonesian, German question and Korean headings, "avoid" and "The rollback"', () => {
    const keys = (h: string) => matchHeading(h, extendAliases(undefined));
    // The English name in brackets, when the rest names nothing; an update's number keeps it an update.
    expect([keys('Kronologi (timeline)'), keys('Tindakan Perbaikan (action items) + penanggung jawab peran'), keys('Update 3 (fix)'), keys('Something (Resolved)')]).toEqual([
      ['timeline'],
      ['action-items'],
      [],
      [],
    ]);
    expect([keys('Ringkasan Insiden'), keys('Akar Masalah pada SISTEM (bukan pada orang)'), keys('Penyelesaian'), keys('Pelajaran yang Diambil'), keys('Dampak (waktu terbuang)')]).toEqual([
      ['summary'],
      ['root-cause'],
      ['resolution'],
      ['lessons-learned'],
      ['impact'],
    ]);
    // A section's number before a heading glossed in English ("2. …"); "analysis of" names what it analyses, in any language.
    expect([keys('2. Hipotesis de la Línea de Tiempo del Incidente (Timeline)'), keys('3. Análisis de Causa Raíz (Root Cause Analysis)'), keys('Análisis de Causa Raíz'), keys('Análise da causa raiz'), keys('Analysis of the root cause'), keys('Analysis of the impact'), keys('Analysis')]).toEqual([
      ['timeline'],
      ['root-cause'],
      ['root-cause'],
      ['root-cause'],
      ['root-cause'],
      ['impact'],
      [],
    ]);
    // A question why asks for the cause, when no heading names it ("Why didn't testnet fail?" does not).
    const sections = (md: string) => check(md).model!.sections.map((s) => s.keys);
    expect(sections('# Debrief\n\n## Why was the site down for three hours?\n\nThe migration ran long.\n')).toEqual([[], ['root-cause']]);
    expect(sections("# Debrief\n\n## Why didn't testnet fail?\n\nIt had no load.\n")).toEqual([[], []]);
    expect(sections('# Debrief\n\n## Root cause\n\nA bad migration.\n\n## Why was it slow?\n\nLocks.\n')).toEqual([[], ['root-cause'], []]);
    // In Spanish, Russian or French, and after a label ("Análisis: ¿Por qué pasó esto?").
    expect(sections('# Fallos\n\n## Análisis: ¿Por qué pasó esto?\n\nFaltó una auditoría.\n')).toEqual([[], ['root-cause']]);
    expect(sections('# Сбой\n\n## Почему это произошло?\n\nОшибка конфигурации.\n')).toEqual([[], ['root-cause']]);
    expect(sections('# Panne\n\n## Pourquoi ?\n\nUne erreur de configuration.\n')).toEqual([[], ['root-cause']]);
    // Advice to readers names no section, nor do the labels under it ("Our recommendations are to:" over steps for users).
    expect(sections('# Worm\n\n## What you need to do\n\nRecommendations:\n\n- Rotate your tokens.\n')).toEqual([[], [], []]);
    // The headings under an appendix name no section: "Recovery commands used" is reference, not the resolution.
    expect(sections('# Lockout\n\n## Appendix: Commands That Could Have Prevented This\n\n### Validation before applying\n\n```sh\nifup --no-act vmbr1\n```\n\n### Recovery commands used\n\n```sh\nip link set eth0 up\n```\n')).toEqual([[], [], [], []]);
    // What follows a word of time qualifies the heading's head: "State after each major action" is no measure.
    expect([keys('State after each major action'), keys('Root cause before the fix'), keys('Metrics After Resolution'), keys('Timeline before the outage'), keys('Actions taken after the incident')]).toEqual([
      [],
      ['root-cause'],
      [],
      ['timeline'],
      // Taken once the incident was over: follow-up measures, done.
      ['action-items'],
    ]);
    expect([keys('2. Warum ist es passiert'), keys('3. Was haben wir gelernt'), keys('4. Was ändern wir')]).toEqual([['root-cause'], ['lessons-learned'], ['action-items']]);
    expect([keys('サマリー'), keys('Resolving actions')]).toEqual([['summary'], ['resolution']]);
    // "What the incident was" ("障害の内容", "故障描述", "장애 내용") is the summary.
    expect([keys('障害の内容'), keys('故障描述'), keys('장애 내용')]).toEqual([['summary'], ['summary'], ['summary']]);
    expect([keys('요약'), keys('타임라인'), keys('근본 원인'), keys('재발 방지 액션'), keys('교훈')]).toEqual([['summary'], ['timeline'], ['root-cause'], ['action-items'], ['lessons-learned']]);
    expect([keys('Временная шкала'), keys('Первопричина')]).toEqual([['timeline'], ['root-cause']]);
    expect([keys('Tổng quan sự cố'), keys('Dòng thời gian'), keys('Nguyên nhân gốc rễ'), keys('Khắc phục'), keys('Hạng mục hành động'), keys('Bài học rút ra')]).toEqual([
      ['summary'],
      ['timeline'],
      ['root-cause'],
      ['resolution'],
      ['action-items'],
      ['lessons-learned'],
    ]);
    // Recommendations are the measures, in Russian and Spanish too, with what they are about after a colon.
    expect([keys('Рекомендации по предотвращению в будущем'), keys('Recomendaciones: Auditorías Faltantes'), keys('Recommendations')]).toEqual([['action-items'], ['action-items'], ['action-items']]);
    // What went well or wrong, in other words, are lessons: they end the measures before them.
    expect([keys('Things that went well'), keys('What could have gone better?'), keys('What went right'), keys('What needs improvement'), keys('What could we have done better?')]).toEqual([
      ['lessons-learned'],
      ['lessons-learned'],
      ['lessons-learned'],
      ['lessons-learned'],
      ['lessons-learned'],
    ]);
    // Measures or actions of the resolution are what resolved it.
    expect([keys('Root Cause and Resolution Measures'), keys('Resolution actions')]).toEqual([['root-cause', 'resolution'], ['resolution']]);
    // Actions completed, executed or carried out are what was done: the resolution, as actions taken are.
    expect([keys('✅ Actions Completed'), keys('Actions executed'), keys('Actions taken')]).toEqual([['resolution'], ['resolution'], ['resolution']]);
    // "+" joins two parts as "and" does; what broke or was wrong is the cause.
    expect([keys('Fix + follow-ups'), keys('Root cause + fix'), keys('C++ upgrade')]).toEqual([['resolution', 'action-items'], ['root-cause', 'resolution'], []]);
    expect([keys('What broke'), keys('What was wrong')]).toEqual([['root-cause'], ['root-cause']]);
    // The steps of the investigation were taken during the incident: the resolution's, not measures.
    expect([keys('Investigation Actions (调查操作)'), keys('Troubleshooting steps')]).toEqual([['resolution'], ['resolution']]);
    // What stood in the way of a step is what went wrong; a sentence that ends in the word is no heading.
    expect([keys('Remediation Challenges'), keys('**Core challenges**'), keys('we encountered a range of formidable challenges')]).toEqual([['lessons-learned'], ['lessons-learned'], []]);
    // GitHub's CI product is not a list of actions.
    expect([keys('GitHub Actions Pricing (Current)'), keys('5. GitHub Actions Deployment Failures Hidden'), keys('Actions')]).toEqual([[], [], ['action-items']]);
    // Fixes still to make are measures; fixes made or immediate ones resolved it.
    expect([keys('Immediate Fixes Needed'), keys('Proposed fixes'), keys('PERMANENT FIXES REQUIRED'), keys('Immediate fixes'), keys('Fixes applied')]).toEqual([
      ['action-items'],
      ['action-items'],
      ['action-items'],
      ['resolution'],
      ['resolution'],
    ]);
    // So are solutions recommended; solutions applied resolved it.
    expect([keys('Recommended Solutions'), keys('Proposed solution'), keys('Solution')]).toEqual([['action-items'], ['action-items'], ['resolution']]);
    // What still needs fixing, and a plan of fixes, are measures; a recovery plan or the mitigation itself resolved it.
    expect([keys('🔧 What Needs to be Fixed'), keys('Mitigation Plan'), keys('Fix plan'), keys('Recovery Plan'), keys('Mitigation')]).toEqual([
      ['action-items'],
      ['action-items'],
      ['action-items'],
      ['resolution'],
      ['resolution'],
    ]);
    // Work still pending, in English and in the languages the table reads.
    expect([keys('Pendências'), keys('Pending'), keys('Tareas pendientes'), keys('Reste à faire')]).toEqual([['action-items'], ['action-items'], ['action-items'], ['action-items']]);
    // Figures of the improvements are not improvements; a note in full-width brackets is a note as in ASCII ones.
    expect([keys('Improvement Metrics'), keys('Remediation statistics'), keys('Impact metrics')]).toEqual([[], [], ['impact']]);
    expect([keys('Corrective Actions（再カットオーバー前に必須）'), keys('改进措施（短期）'), keys('（一）事件概述')]).toEqual([['action-items'], ['action-items'], ['summary']]);
    // A heading in two languages: the half in Latin letters names the section ("措施" covers measures taken and to take).
    expect([keys('3. 处理措施 / Actions Taken'), keys('4. 后续改进 / Follow-up & Preventive Measures'), keys('事件时间线 / Timeline'), keys('处理措施'), keys('改进措施')]).toEqual([
      ['resolution'],
      ['action-items'],
      ['timeline'],
      ['resolution'],
      ['action-items'],
    ]);
    // An instruction to improve is still the measures.
    expect(keys('To Improve/Fix')).toEqual(['action-items', 'resolution']);
    // An introduction opens the report with what happened: its summary.
    expect(keys('Introduction')).toEqual(['summary']);
    // "What happened", when nothing else is the summary, and "the problem", in other languages and scripts.
    expect(['🔍 Что произошло', '¿Qué pasó?', 'O que aconteceu?', '发生了什么', '何が起きたか'].map((h) => matchFallback(h))).toEqual(['summary', 'summary', 'summary', 'summary', 'summary']);
    // What was done, and how the team responded, when nothing else is the resolution; what was done right is a lesson.
    expect(['What was done', 'What we did', 'How we responded', 'What We Did Right'].map((h) => matchFallback(h))).toEqual(['resolution', 'resolution', 'resolution', undefined]);
    // The short version of what happened, when nothing else is the summary.
    expect(['The short version', 'In short', 'The long version'].map((h) => matchFallback(h))).toEqual(['summary', 'summary', undefined]);
    expect([keys('问题'), keys('Проблема'), keys('Problème')]).toEqual([['summary'], ['summary'], ['summary']]);
    // Next steps are the measures in Russian as in English.
    expect([keys('🎯 Следующие шаги'), keys('Дальнейшие шаги'), keys('Next steps')]).toEqual([['action-items'], ['action-items'], ['action-items']]);
    // The course template's "Tasks to address the issue:" names the measures on a plain line of its own too.
    expect(matchHeading('Tasks to Address the Issue:', extendAliases(undefined), { strict: true, plain: true })).toEqual(['action-items']);
    // A heading announcing the events under it is the timeline; a reason is the cause.
    expect([keys('The following events took place October 4, 2021:'), keys('Aparent reason'), keys('Reason for the outage')]).toEqual([['timeline'], ['root-cause'], ['root-cause']]);
    // Improvements are measures, a description the summary, a correction the fix, in other languages too.
    expect([keys('Melhorias Relacionadas'), keys('Mejoras'), keys('Améliorations'), keys('Descripción General del Incidente'), keys('Correção'), keys('Soluzione'), keys('Lezioni apprese')]).toEqual([
      ['action-items'],
      ['action-items'],
      ['action-items'],
      ['summary'],
      ['resolution'],
      ['resolution'],
      ['lessons-learned'],
    ]);
    // In a Romance language the head comes before its "de": "Déroulement chronologique des actions…" is the timeline,
    // not the measures its "actions" would name; "Problema de backups" is one problem, not the summary.
    expect([keys('3. Déroulement chronologique des actions et erreur critique'), keys('Mesures de correction (post-incident)'), keys('Problema de Backups')]).toEqual([
      ['timeline'],
      ['action-items'],
      [],
    ]);
    // What was done is the resolution in any language; an analysis of measures is not the measures.
    expect([keys('Acciones realizadas'), keys('Ações tomadas'), keys('Mesures prises'), keys('Problematic areas & prevention analysis'), keys('Analysis of the measures')]).toEqual([
      ['resolution'],
      ['resolution'],
      ['resolution'],
      [],
      [],
    ]);
    // An appendix holds what its words name, for reference: no section ("Appendix: Commands That Could Have Prevented This").
    expect([keys('Appendix: Commands That Could Have Prevented This'), keys('Appendix A - Root cause'), keys('Anhang: Maßnahmen')]).toEqual([[], [], []]);
    // What was carried out is the resolution, in French, German and Spanish too; what is planned is the measures.
    expect([keys('Actions effectuées'), keys('Durchgeführte Maßnahmen'), keys('Acciones ejecutadas'), keys('Actions planifiées')]).toEqual([['resolution'], ['resolution'], ['resolution'], ['action-items']]);
    // Advice to the report's readers is not the team's measures.
    expect(['What should you do?', 'What you need to do', 'Do I need to take any action?', 'Recommended steps for customers', 'What should we do?'].map(isReaderAdviceHeading)).toEqual([true, true, true, true, false]);
    expect([keys('How we will avoid this situation in the future'), keys('What could be done to avoid this in future?')]).toEqual([['action-items'], ['action-items']]);
    // A section's summary is that section ("Timeline summary" over its entries); the incident's or its impact's is the summary.
    expect([keys('Timeline summary'), keys('Root cause overview'), keys('Incident summary'), keys('Impact Summary')]).toEqual([['timeline'], ['root-cause'], ['summary'], ['summary']]);
    // What the responders did is the resolution; "Actions" alone are the measures.
    expect([matchFallback('Response Actions'), matchFallback('Immediate response actions')]).toEqual(['resolution', 'resolution']);
    expect([keys('Response Actions'), keys('MEASURES TAKEN TO ARREST THE ISSUE'), keys('Actions'), keys('Preventive measures')]).toEqual([
      [],
      ['resolution'],
      ['action-items'],
      ['action-items'],
    ]);
    // What is still to be taken is the measures.
    expect([keys('Actions to be taken'), keys('Measures to be taken'), keys('Steps we will take'), keys('Actions taken')]).toEqual([['action-items'], ['action-items'], ['action-items'], ['resolution']]);
    // "The rollback" tells how the service came back; a measure that names a rollback is a measure.
    expect([keys('The rollback'), keys('P2 — Define rollback SLA in the on-call runbook')]).toEqual([['resolution'], []]);
  });

  it('config aliases still extend the vocabulary', () => {
    const table = extendAliases({ 'action-items': ['Hausaufgaben'] });
    expect(matchHeading('Hausaufgaben', table)).toEqual(['action-items']);
    expect(matchHeading('Hausaufgabe', table)).toEqual(['action-items']);
  });
});

describe('2. action items as units', () => {
  it('groups stay action items; done groups, check boxes and status notes mark items done; notes and details fold into their parent', () => {
    expect(items('gitlab-action-items.md')).toEqual([
      [13, 'corrective', true, 'Restart the stuck runner manager'], // "### Completed"; the issue link is a note
      [15, 'corrective', true, 'Raise the job queue alert priority'],
      [19, 'corrective', false, 'Pin the runner version'], // a bold title over its description
      [21, 'corrective', false, 'Add a canary runner that takes 5% of jobs'],
      [23, 'corrective', false, 'Document the manual failover in the runbook'],
      [24, 'corrective', true, 'Page the CI owner when the queue is older than 10 minutes'],
      [26, 'corrective', false, 'Action item: Rehearse the failover in the next game day.'], // a paragraph opening with a bold title
      [28, 'corrective', false, "Review the autoscaler's retry settings"], // a paragraph opening with a status word
      [32, 'corrective', false, 'Move runner images to our own registry'], // a table row
      [37, 'corrective', false, 'Export queue age per runner'], // the children of a bare parent line are the measures
      [38, 'corrective', false, 'Dashboard for jobs waiting longer than 5 minutes'],
    ]);
  });

  it('the introduction, the closing remark after the thematic break and the signature are not measures; owners and issues are fields', () => {
    const model = read('gitlab-action-items.md').model!;
    expect(model.actionItems.map((a) => a.owner)).toEqual([null, null, null, null, 'sam', null, 'lee', null, 'ana', null, null]);
    expect(model.actionItems[0].issue).toBe(null); // a GitLab URL is not a GitHub issue
    expect(model.actionItems[0].group).toBe('Completed');
  });

  it('a section told as prose yields no items and one action-items-prose finding at its heading', () => {
    const result = read('atlassian-prose.md');
    expect(result.model!.actionItems).toEqual([]);
    expect(result.findings.filter((f) => f.rule.startsWith('action-items'))).toEqual([
      {
        rule: 'action-items-prose',
        severity: 'error',
        line: 11,
        column: 1,
        message: 'Unexpected action items told as prose under “Follow-up actions”, expected each measure as its own list item, task-list item or table row so it can be tracked',
      },
    ]);
  });

  it('the rule follows the config like every rule', () => {
    const text = readFileSync(join(FIXTURES, 'reader', 'atlassian-prose.md'));
    const rules = (severity: string) => check(text, { rules: { 'action-items-prose': severity } }, 'p.md').findings.filter((f) => f.rule === 'action-items-prose').map((f) => f.severity);
    expect(rules('warning')).toEqual(['warning']);
    expect(rules('off')).toEqual([]);
  });
});

describe('3. multi-line content belongs to the right item', () => {
  it('continuation and lazy lines, lines after an HTML tag, pseudo-bullets, tab-indented lines', () => {
    expect(items('multiline-items.md')).toEqual([
      [5, 'other', false, 'Add a readiness probe to the API that checks the database connection'], // continuation line
      [7, 'other', false, 'Cache the feature flags locally in each pod'], // lazy line
      [11, 'other', false, 'Review the alert thresholds every quarter'], // swallowed by the HTML block above
      [12, 'other', false, 'Document the rollback steps'],
      [14, 'other', false, 'Rotate the on-call schedule weekly'], // "—" pseudo-bullets
      [15, 'other', false, 'Move the batch jobs off the API nodes'],
      [16, 'other', false, 'Add load tests to the release pipeline'], // "•"
      [18, 'other', false, 'Audit the firewall rules and remove the unused ones'], // tab after the number, tab-indented continuation
      [20, 'other', false, 'Enable flow logs'],
      [24, 'other', false, 'Rotate the database credentials every 90 days.'], // tab-indented lines under a label
      [25, 'other', false, 'Alert on repeated failed logins.'],
    ]);
  });
});

describe('headings by their head word, and what closes a section', () => {
  it('reads a heading by its head word; a word that looks ahead makes a solution a measure', () => {
    const table = extendAliases(undefined);
    const keys = (h: string) => matchHeading(h, table).join('+');
    expect(keys('Follow-up timeline')).toBe('timeline');
    expect(keys('Timeline of events')).toBe('timeline');
    expect(keys('Short-term improvements')).toBe('action-items');
    expect(keys('Short term fix')).toBe('resolution');
    expect(keys('Long term solution')).toBe('action-items');
    expect(keys('Lessons learned and future improvements')).toBe('lessons-learned+action-items');
    expect(keys('Root cause and resolution must contain')).toBe('root-cause+resolution');
    expect(keys("What we're doing differently")).toBe('action-items');
    expect(keys("What's next")).toBe('action-items');
    // Words that name nothing on their own stay unread: a title is not a timeline because it says "events".
    expect(keys('Checkout delays - events and orders ingestion')).toBe('');
    expect(keys('Why this matters')).toBe('');
    // Sections addressed to a public report's readers hold their advice, not the team's measures.
    expect(keys('Call to action')).toBe('');
    expect(keys('What should I do?')).toBe('');
    expect(keys('What you can do')).toBe('');
    expect(keys('Action required')).toBe('');
    expect(keys('Looking forward')).toBe('action-items');
    // Asked in full, what is being done names the measures; what was done does not.
    expect(keys('What is being done about this?')).toBe('action-items');
    expect(keys('What was done')).toBe('');
    // The problems found are lessons; the plan after them holds the measures.
    expect(keys('Identified Problems:')).toBe('lessons-learned');
  });

  it('a plain "Conclusion:" line ends the measures, inside a paragraph of label lines too', () => {
    const md = 'Corrective and preventative measures:\nTasks to address the issue:\nInstall disk space monitoring.\nSchedule log clean-ups.\nConclusion:\nWe emerged stronger and wiser, armed with brooms.\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [3, 'Install disk space monitoring.'],
      [4, 'Schedule log clean-ups.'],
    ]);
  });

  it('a references line in another language and script ("参考：", full-width colon) ends the measures too', () => {
    const md = '# MTU 故障\n\n## 预防\n\n- 统一 MTU，不夹 MSS 当长期方案。\n- 改 Docker 网络 MTU 必须重建 network。\n\n参考：\n\n- RFC 2923 Path MTU Discovery 问题\n- `postmortems/014-vps-mss-blackhole.md`\n';
    expect(check(md).model!.actionItems.map((a) => a.line)).toEqual([5, 6]);
  });

  it('a list indented unevenly is one list: an item flush left over items indented as its siblings is a measure among them', () => {
    const md = '# Outage\n\n## Corrective and preventative measures\n\n  - Increase server capacity.\n\n- Implement a backup plan in case of outages.\n\n  - Review the architecture.\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [5, 'Increase server capacity.'],
      [7, 'Implement a backup plan in case of outages.'],
      [9, 'Review the architecture.'],
    ]);
    // Indented deeper than its siblings, a list details the item over it: the item groups the measures.
    const grouped = '# Outage\n\n## Action items\n\n- Work with the ops team to fund CI.\n    - Turn actions back on.\n    - Raise the need for a budget.\n- Alert on the CI budget.\n';
    expect(check(grouped).model!.actionItems.map((a) => a.line)).toEqual([6, 7, 8]);
  });

  it('a section of advice to the readers ends the measures and holds none', () => {
    const md = '# Incident\n\n## Summary\n\nThe site went down.\n\n## Action items\n\n- Add an alert on queue depth\n\n## Call to action\n\nSome things you can do:\n\n* If you have a dormant account, consider removing it.\n* Use WebAuthn for 2FA on your account.\n';
    const model = check(md).model!;
    expect(model.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, 'summary'], [7, 'action-items'], [11, '']]);
    expect(model.actionItems.map((a) => [a.line, a.title])).toEqual([[9, 'Add an alert on queue depth']]);
    // Configured as an alias, the same heading names the section: its list is measures, unless announced as what
    // the readers can do.
    const aliases = { sections: { aliases: { 'action-items': ['call to action'] } } };
    expect(check(md.replace('Some things you can do:', 'Things to do:'), aliases).model!.actionItems.map((a) => a.line)).toEqual([9, 15, 16]);
    expect(check(md, aliases).model!.actionItems.map((a) => a.line)).toEqual([9]);
  });

  it('a document title names a section only as a whole heading would; a phrase taking in the head word says more of it', () => {
    const md = '# Incident Report: GitHub Actions Platform Outage\n\n**Date:** 2026-02-02  \n**Status:** Resolved\n\n## Summary\n\nCI was down.\n\n## Actions Taken During Incident\n\n### Mitigation\n\n- Paused deploys\n\n### Resolution\n\n- Re-ran the workflows\n\n## Preventative Measures\n\n- Add a status check\n';
    const result = check(md);
    expect(result.model!.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [6, 'summary'], [10, 'resolution'], [12, 'resolution'], [16, 'resolution'], [20, 'action-items']]);
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([[22, 'Add a status check']]);
    // The parts of one resolution are not a second resolution.
    expect(result.findings.filter((f) => f.rule === 'duplicate-section')).toEqual([]);
    // A product's name in a title ("recommendation service", read as "recommendations") no longer makes the whole
    // document its measures, though a heading of that name deeper down would be read so.
    expect(matchHeading('Memory leak in the recommendation service', extendAliases(undefined))).toEqual(['action-items']);
    const titled = check('# Memory leak in the recommendation service\n\n## Action items\n\n- Add a memory alert\n\n## Open questions\n\n- Revisit the thresholds\n').model!;
    expect(titled.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, 'action-items'], [7, '']]);
    expect(titled.actionItems.map((a) => a.line)).toEqual([5]);
    // A title that is a section's name as a whole still names it.
    expect(check('# Root cause analysis\n\n## Disk\n\nThe disk filled up.\n').model!.sections[0].keys).toEqual(['root-cause']);
  });

  it('a title naming the kind of document and the incident is the title, over sections at its own level; a ticket key is no word', () => {
    const md =
      '# Root Cause Analysis: INSIGHT-2147\n\n**Date:** 2024-05-18\n**Duration:** 55 minutes (08:21 - 09:12 UTC)\n\n# 1. Incident Summary\n\nExports looped.\n\n# 2. Root Cause\n\nA pagination token.\n\n### Why it caused infrastructure impact\n\nRetries.\n\n# 3. Technical Impact\n\nLambda ran 900 s.\n\n# 4. Business Impact\n\nCosts rose.\n';
    const result = check(md);
    expect(result.model!.title).toBe('Root Cause Analysis: INSIGHT-2147');
    expect(result.model!.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [6, 'summary'], [10, 'root-cause'], [14, ''], [18, 'impact'], [22, 'impact']]);
    // The fields under it are the incident's: the duration is 4 minutes off its own range, more than rounding to fives allows.
    expect(result.findings.filter((f) => f.rule === 'duration-mismatch').map((f) => [f.line, f.column, f.message])).toEqual([
      [4, 15, 'Unexpected duration “55 minutes” (55 min), expected 51 min from the start and end (2024-05-18 08:21 UTC to 2024-05-18 09:12 UTC)'],
    ]);
    // Impacts on two sides are parts of one aspect, and a question why names the cause it asks for, not the impact.
    expect(result.findings.filter((f) => f.rule === 'duplicate-section')).toEqual([]);
    const table = extendAliases(undefined);
    expect(matchHeading('Postmortem: OPS-42', table)).toEqual([]);
    expect(matchHeading('Why it bypassed detection', table)).toEqual(['detection']);
    expect(matchHeading('Why did it happen?', table)).toEqual(['root-cause']);
    // Alone, the kind of document still names the section it is, and a title beside other H1s that names no kind stays a section.
    expect(check('# Root cause analysis\n\n## Disk\n\nThe disk filled up.\n').model!.sections[0].keys).toEqual(['root-cause']);
    expect(check('# Summary\n\nDown.\n\n# Timeline\n\n- 10:00 UTC down\n').model!.sections[0].keys).toEqual(['summary']);
  });

  it('paragraphs that each open with an instruction are measures with their reasons; a statement among them is not', () => {
    const md = '# Outage\n\n## Improvements\n\nMistakes are opportunities to learn and here are some lessons.\n\nImprove our monitoring, especially around mainnet. This includes paging the right people.\n\nKnow who is responsible for communicating with the ecosystem. This ties into the above.\n\nThe release took four hours. We were slow.\n';
    expect(check(md).model!.actionItems.map((a) => a.line)).toEqual([7, 9]);
    // One such paragraph among prose is prose.
    const one = '# Outage\n\n## Improvements\n\nImprove our monitoring, especially around mainnet. This includes paging.\n\nThe release took four hours. We were slow.\n';
    expect(check(one).model!.actionItems).toEqual([]);
  });

  it('a label item whose text ends by introducing its nested list groups that list', () => {
    const md = '# Outage\n\n## Corrective and Preventative Measures\n- **Improvements**:  \n  This incident revealed gaps. Moving forward, we will:\n  1. **Perform regular failover testing** in staging.\n  2. Implement more granular monitoring.\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [6, 'Perform regular failover testing in staging.'],
      [7, 'Implement more granular monitoring.'],
    ]);
  });

  it('a titled measure ending "…, allowing:" takes the list after it as its details; a label over a list does not', () => {
    const md = '# Outage\n\n## Future Work\n### Improvement Plan:\nJump Server Access: Configure external jump server access, allowing:\n - Simple SSH access via the jump host.\n - Access management via per-user keys.\n\nNetwork Redundancy:\n - Add a second uplink.\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [5, 'Jump Server Access: Configure external jump server access, allowing: Simple SSH access via the jump host.; Access management via per-user keys.'],
      [10, 'Add a second uplink.'],
    ]);
  });

  it('a sentence of who should do what is the measure over its nested note; a measure over names of its parts is one measure', () => {
    const md = '# Breach\n\n## Recommendations\n\n- Maintainers should [enable two-factor authentication](https://example.com/tfa). A guide is here.\n  - If you use Lerna, you can follow this issue.\n- Maintainers should audit who can publish.\n\n## Corrective Actions\n\n* Process for yanking a bad release (RFC)\n* Communication process for blocker level process\n  * twitter\n  * mailing list\n  * Public Information Officer\n* Monitoring\n  * Alert on CPU\n  * Alert on disk\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [5, 'Maintainers should enable two-factor authentication. A guide is here.'],
      [7, 'Maintainers should audit who can publish.'],
      [11, 'Process for yanking a bad release (RFC)'],
      [12, 'Communication process for blocker level process'],
      // A short label over measures still groups them.
      [17, 'Alert on CPU'],
      [18, 'Alert on disk'],
    ]);
    // A sentence announcing its list ("… should do the following.") still introduces the measures.
    const announced = '# Outage\n\n## Action items\n\n- The team should do the following.\n  - Add a canary stage to deploys\n  - Page on error budget burn\n';
    expect(check(announced).model!.actionItems.map((a) => a.line)).toEqual([6, 7]);
  });

  it('a list announced as lessons or reasons is not measures, in a section of both', () => {
    const md = '# Crash\n\n## Lessons learned and corrective actions\n\nI learned this:\n\n- Better back up logical dumps than database files.\n- Restoring is easy once you have the backup.\n\nAs someone who ran such systems, I can tell you why:\n\n- Replication needs three nodes.\n\nWhat we will do:\n\n- Move the databases to the new storage node\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([[16, 'Move the databases to the new storage node']]);
  });

  it('an item titled "**Title**:" over its parts, among titled measures, is one measure; a group label among them is not', () => {
    const md = '# Outage\n\n### Corrective Measures Implemented\n1. **Dual monitoring system**:\n   - Direct node metrics\n   - Performance monitoring via the API\n2. **Redundancy**: Two independent monitoring paths ensure detection\n\n### Improvements\n- **Improvements**: Implement a more rigorous testing protocol\n- **Specific Tasks**:\n  - Add a canary stage\n  - Page on error budget burn\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [4, 'Dual monitoring system'],
      [7, 'Redundancy: Two independent monitoring paths ensure detection'],
      [10, 'Improvements: Implement a more rigorous testing protocol'],
      [12, 'Add a canary stage'],
      [13, 'Page on error budget burn'],
    ]);
  });

  it('a numbered bold topic over sentences is a label: the sentences are the measures', () => {
    const md = '# Missed blocks\n\n## Looking forward\n\n1. **Simulator Load Handling**\n   - Conducting stress tests and optimizations to keep the simulator responsive.\n\n2. **Bug bounty**\n   - We will establish a bug bounty program for our relay code.\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [6, 'Conducting stress tests and optimizations to keep the simulator responsive.'],
      [9, 'We will establish a bug bounty program for our relay code.'],
    ]);
    // Over the names of its parts, or over what it means, a numbered title is still the one measure.
    const parts = '# Outage\n\n## Action items\n\n1. **Dual monitoring**\n   - Node metrics\n   - API probes\n';
    expect(check(parts).model!.actionItems.map((a) => [a.line, a.title])).toEqual([[5, 'Dual monitoring']]);
    const meant = '# Outage\n\n## Recommendations\n\n1. **Trust GitHub releases**\n   - Check the release list for the current version\n   - The VERSION file may be out of sync for a while\n';
    expect(check(meant).model!.actionItems.map((a) => [a.line, a.title])).toEqual([[5, 'Trust GitHub releases']]);
  });

  it('sub-headings each over a description are the measures; sub-headings of groups or over lists are not', () => {
    const md = '# Chain halt\n\n# Future works\n\n## Removal of the `--l1.trustrpc`\n\nThe option skips validation. It will be turned off.\n\n## Enhancement of monitoring system\n\nWe are going to monitor blocks from trust partners.\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [5, 'Removal of the --l1.trustrpc'],
      [9, 'Enhancement of monitoring system'],
    ]);
    // "Short term" and "Long term" name groups: their prose is the measures' text, read as before.
    const groups = '# Outage\n\n## Action items\n\n### Short term\n\nWe will add an alert on queue depth.\n\n### Long term\n\nWe will move the queue to a managed service.\n';
    expect(check(groups).model!.actionItems.map((a) => a.line)).not.toContain(5);
    // One word names what the prose under it is about ("#### Github", "#### Domains"), not a measure.
    const topics = '# Lost access\n\n### What have we been doing?\n\n#### Github\n\nWe contacted Github, but they declined any help. We stay on the platform.\n\n#### Freenode IRC\n\nWe have contacted freenode support. We see hope to regain access.\n\n#### Domains\n\nWe regained partial control over the domain. The other one is not under our control.\n';
    expect(check(topics).model!.actionItems).toEqual([]);
  });

  it('in a numbered list of sections, an item that names no section is a section of its own, not measures', () => {
    const md = '# Login disruption\n\n1. Incident Summary\n   - Patron login failed.\n2. Preventative Measures\n   - Test environments should be created.\n3. Additional Issues Found\n   - The header still reads old cookies.\n';
    const model = check(md).model!;
    expect(model.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, 'summary'], [5, 'action-items'], [7, '']]);
    expect(model.actionItems.map((a) => [a.line, a.title])).toEqual([[6, 'Test environments should be created.']]);
  });

  it('under a sub-heading of what was tried, the list is what was done, not measures', () => {
    const md = '# Overheating\n\n## Corrective and Preventative Measures\n\n- Buy a cooling pad\n\n### Other avenues investigated:\n\n* Changing the GRUB value did not work.\n\n### Long term\n\n- Replace the fan\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [5, 'Buy a cooling pad'],
      [13, 'Replace the fan'],
    ]);
  });

  it('"Future safeguards" name the measures, "Missing safeguards" a cause; "Immediate actions taken" were taken (the resolution)', () => {
    const md = '# Database wipe\n\n## Moving Forward: Lessons Learned and Future Safeguards\n\nWe are implementing several measures:\n\n- **Automated Backups:** We enabled automated backups.\n';
    const model = check(md).model!;
    expect(model.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, 'lessons-learned+action-items']]);
    expect(model.actionItems.map((a) => a.line)).toEqual([7]);
    const causes = check('# Data loss\n\n## Contributing Factors\n\n### 2. Missing Safeguards\n- No database backup before deployment\n\n## Immediate Actions Taken\n\n- Restored the database\n').model!;
    expect(causes.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, 'root-cause'], [5, ''], [8, 'resolution']]);
    expect(causes.actionItems).toEqual([]);
  });

  it('numbered sub-headings each over a code block are the measures, "3. Verification Steps" too', () => {
    const md = '# Data loss\n\n## Prevention Measures\n\n### 1. Mandatory Backups\n```bash\ncp blog.db backups/\n```\n\n### 2. Verification Steps\n```bash\nsqlite3 blog.db \'SELECT 1\'\n```\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      // The number orders the measures; it is not part of the title (nor of the id, which skips one-character words).
      [5, 'Mandatory Backups'],
      [10, 'Verification Steps'],
    ]);
  });

  it('"Whats next?" without its apostrophe names the measures as "What\'s next?" does', () => {
    const model = check('# Outage\n\n## Whats next?\n\n- Add a second DNS provider\n').model!;
    expect(model.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, 'action-items']]);
    expect(model.actionItems.map((a) => a.line)).toEqual([5]);
  });

  it('"TL;DR" is the summary only of a document without one; "Stabilization steps" is the resolution', () => {
    const alone = check('# Outage\n\n## TL;DR\n\nThe database was read-only for 45 minutes.\n\n## Stabilization Steps\n\n* Release yanked\n');
    expect(alone.model!.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, 'summary'], [7, 'resolution']]);
    const recap = check('# Outage\n\n## Summary\n\nThe database was read-only.\n\n## TL;DR\n\nRead-only for 45 minutes.\n');
    expect(recap.model!.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, 'summary'], [7, '']]);
    expect(recap.findings.filter((f) => f.rule === 'duplicate-section')).toEqual([]);
  });

  it('"Tasks performed" is what was done, the resolution, not measures', () => {
    const md = '# Incident\n\n_Tasks performed_\n\n1. Updated the binary to v0.9.18.\n2. Restarted the node.\n\n## Action items\n\n- Test upgrades on a spare node\n';
    const model = check(md).model!;
    expect(model.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, 'resolution'], [8, 'action-items']]);
    expect(model.actionItems.map((a) => a.line)).toEqual([10]);
  });

  it('numbered sub-headings over a description are the measures, their text its details', () => {
    const md = '# Disk full\n\n# Resulting Action\n\n#### 1) Cron cleanup scheduled `@malte_j`\n\nCron scheduled to remove old archives.\n\n```bash\nfind . -mtime 5\n```\n\n#### 2) Alerts configured `@dma`\n\nAlerts at 90% disk.\n\n#### 3. Monitoring\n\n- Alert on inode use\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title, a.owner])).toEqual([
      // A handle GitHub would not accept is the owner as written, never a GitHub user "malte".
      [5, 'Cron cleanup scheduled', 'malte_j'],
      [13, 'Alerts configured', 'dma'],
      // A sub-heading over a list groups it, as before.
      [19, 'Alert on inode use', null],
    ]);
  });

  it('numbered sub-headings that each introduce their list are the measures; a numbered group over its measures is not', () => {
    const md = '# Upload errors\n\n## Recommendations\n\n### 1. Upload monitoring\n\nAdd metrics to Prometheus for:\n\n- Upload counts\n- HTTP statuses\n\n### 2. Browser tests\n\nAdd upload tests in CI for:\n\n- Firefox (latest)\n- Chrome (latest)\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [5, 'Upload monitoring'],
      [12, 'Browser tests'],
    ]);
    const groups = '# Upload errors\n\n## Action items\n\n### 1. Short term\n\nDue this quarter:\n\n- Add an alert on upload errors\n\n### 2. Long term\n\nDue next year:\n\n- Move uploads to object storage\n';
    expect(check(groups).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [9, 'Add an alert on upload errors'],
      [15, 'Move uploads to object storage'],
    ]);
    // Among them, "### 3. Process improvements" over a bold label and its list groups those measures.
    const mixed =
      '# Corruption\n\n## Prevention Measures Implemented\n\n### 1. Documentation Created\n**New:** `docs/RESTART.md`\n- Consolidates restart procedures\n\n### 2. Safe Restart Script\n**New:** `restart-safely.sh`\n- Includes health checks\n\n### 3. Process Improvements\n**Mandatory procedures:**\n- ALWAYS enter troubleshooting mode before maintenance\n- NEVER restart every container at once\n';
    expect(check(mixed).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [5, 'Documentation Created'],
      [9, 'Safe Restart Script'],
      [15, 'ALWAYS enter troubleshooting mode before maintenance'],
      [16, 'NEVER restart every container at once'],
    ]);
    // Numbered sub-headings over lists of titled measures ("**Domain enforcement:** Explicitly check…") group them.
    const titled =
      '# Exploit\n\n## Remediation\n\n### 1. Numerical safety & solver constraints\n\nThe solver must fail safely:\n\n* **Domain enforcement:** Explicitly check the domain before entering the iteration.\n* **Checked arithmetic:** Replace unsafe math with checked operations everywhere.\n\n### 2. Economic sanity bounds\n\nAs a final safeguard:\n\n* **Mint caps:** Introduce hard caps tying issuance to deposits.\n';
    expect(check(titled).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [9, 'Domain enforcement: Explicitly check the domain before entering the iteration.'],
      [10, 'Checked arithmetic: Replace unsafe math with checked operations everywhere.'],
      [16, 'Mint caps: Introduce hard caps tying issuance to deposits.'],
    ]);
  });

  it('sub-headings each opening with a coloured priority are the measures, the table under one its details', () => {
    const md = '# Deploy failures\n\n## Recomendaciones\n\n### 🔴 P0 — Auditoría de infraestructura\n\nLa auditoría que faltó:\n\n| Área | Qué auditar |\n| --- | --- |\n| Dockerfiles | Multi-stage builds |\n| CI/CD | Build triggers |\n\n### 🟡 P1 — Validación automatizada en CI/CD\n\n```yaml\njobs: {}\n```\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.priority])).toEqual([
      [5, 'P0'],
      [14, 'P1'],
    ]);
  });

  it('table rows in lower case are measures of their own below a complete row, and a wrapped row continues a cut one', () => {
    const md = '# Outage\n\n## Action Items\n\n| Action Item | Type | Owner | State |\n| --- | --- | --- | --- |\n| Alert contributors | mitigate | mar | DONE |\n| broadcast transactions with AntPool | fix | mar | DONE |\n| Store configuration on external servers so it is not lost\nas the servers are decommissioned | fix | | |\n';
    expect(check(md).model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [7, 'Alert contributors'],
      [8, 'broadcast transactions with AntPool'],
      [9, 'Store configuration on external servers so it is not lost as the servers are decommissioned'],
    ]);
  });

  it('inside the measures, a bold line opening with a verb names measures, not the section its noun would', () => {
    const md = '# Reset\n\n## Prevention measures\n\n### Monitoring\n\n**Detect destructive operations:**\n- Alert on destroy operations\n- Alert on reset commands\n\n**Lessons learnt**\n\n- Automation needs guards.\n';
    const model = check(md).model!;
    expect(model.actionItems.map((a) => [a.line, a.title])).toEqual([
      [8, 'Alert on destroy operations'],
      [9, 'Alert on reset commands'],
    ]);
    // "Lessons learnt" opens with a word of the table as written: it still ends the measures.
    expect(model.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, 'action-items'], [5, ''], [11, 'lessons-learned']]);
    // Outside the measures the same line names the detection.
    const outside = check('# Reset\n\n## Summary\n\nThe cluster was reset.\n\n**Detect destructive operations:**\n\nAn alert fired at 02:13.\n').model!;
    expect(outside.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, 'summary'], [7, 'detection']]);
  });

  it('a bold label set off with ">" over text outside the quote is a heading; a bold line opening the document is its title', () => {
    const md = '**#0x19-postmortem task using web stack debugging #1**\n\n>**Issue Summary**\n\nThe site was down for an hour.\n\n>**Timeline:**\n>\n13:00: The site was reported down.\n\n>**Corrective and Preventive Measures**\n\n- Add a check that port 80 is open\n\n> **Note:** a quotation of two lines\n> stays a quotation.\n';
    const model = check(md).model!;
    // The title names no section ("task" is not the measures), and is no section of its own.
    expect(model.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[3, 'summary'], [7, 'timeline'], [11, 'action-items']]);
    expect(model.actionItems.map((a) => a.line)).toEqual([13]);
  });

  it('short bold lines are headings read like Markdown headings; a closing heading ends the measures', () => {
    expect(sections('forward-headings.md')).toEqual([
      '3:summary:bold',
      '6:timeline:bold',
      '10:root-cause+resolution:bold', // "**Short-term fix:**" at 13 groups inside it, as a resolution
      '16:action-items:bold',
    ]);
    const conclusion = read('forward-headings.md').model!.sections.find((s) => s.line === 32);
    expect(conclusion).toMatchObject({ keys: [], heading: 'Conclusion' });
  });

  it('a label item over lines, a numbered label over dash lines; findings and a closing remark are not measures', () => {
    expect(items('forward-headings.md')).toEqual([
      [18, 'other', false, 'Warm new cache nodes before they join the pool.'],
      [19, 'other', false, 'Alert when the hit ratio drops below 80%.'],
      [20, 'other', false, 'Document the node replacement runbook.'],
      [22, 'other', false, 'Keep one warm spare node.'],
      [23, 'other', false, 'Review node sizes every quarter.'],
    ]);
    expect(read('forward-headings.md').model!.actionItems.map((a) => a.group)).toEqual(['Improvements/Fixes', 'Improvements/Fixes', 'Improvements/Fixes', 'Capacity', 'Capacity']);
  });

  it('one measure a line, each ending a sentence, is a block of measures; statements a line each are prose', () => {
    expect(items('line-block.md')).toEqual([
      [6, 'other', false, 'Add a lag alert on the indexer.'],
      [7, 'other', false, 'Minimize the number of index formats in use.'],
      [8, 'other', false, 'Bug bounty for the query parser.'],
      [9, 'other', false, 'More automated checks before a reindex.'],
    ]);
    expect(brief(read('line-block.md')).filter((f) => f.endsWith('action-items-prose'))).toEqual(['11:action-items-prose']);
  });
});

describe('a document indented as a whole', () => {
  it('eight spaces deep, under labels flush left: its lines are text, not code, and a hand-wrapped sentence goes on in lower case', () => {
    const md = '__Issue Summary:__\n\n        From 3:00 pm to 5:00 pm PST our website was slow for most of the\n        users\n\n__Corrective measures:__\n\n        Add an alert on disk use above 80 percent on the primary.\n        Review the backups of the primary server every week.\n        Move the primary server away from the coffee machine.\n';
    const m = check(md).model!;
    expect(m.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, 'summary'], [6, 'action-items']]);
    expect(m.incident.start?.time).toBe('15:00');
    expect(m.actionItems.map((a) => a.line)).toEqual([8, 9, 10]);
  });
});

describe('items written loosely', () => {
  it('a "Title: text" line left without its bullet, a preamble before "the following", a phrase its children finish', () => {
    // The label line at 9 names the section it sits in: a group inside it.
    expect(sections('lazy-and-intro.md')).toEqual(['1:summary:label', '4:action-items:atx']);
    expect(items('lazy-and-intro.md')).toEqual([
      [5, 'other', false, 'Connection limits: Raise the pool limit to match the new node count.'],
      [6, 'other', false, 'Alerting: Page on pool saturation above 90%.'],
      [7, 'other', false, 'Review: Audit every pool setting once a quarter.'],
      [12, 'other', false, 'Add a load test for the payment page.'],
      [13, 'other', false, 'Document the pool sizing rule.'],
      [17, 'other', false, 'compare limits with the node count'],
      [18, 'other', false, 'sign off in the change ticket'],
    ]);
  });
});

describe('titled measures, closing words and data that are not measures', () => {
  it('"What happened?" is the summary of a document without one; "active" is not "actions"', () => {
    expect(sections('titled-steps.md')).toEqual(['3:summary:atx', '11:action-items:atx']);
  });

  it('a numbered title with its steps is one measure; an apology and a lesson learnt are not measures', () => {
    expect(items('titled-steps.md').slice(0, 5)).toEqual([
      [15, 'corrective', false, '1) Creating an executable renewal script'],
      [19, 'corrective', false, '2) Scheduling the renewal every day'],
      [25, 'corrective', false, 'an expiry check that pages two weeks ahead'],
      [26, 'corrective', false, 'a dashboard of certificate expiry dates'],
      [44, 'corrective', false, 'Rotate the staging certificate by hand until renewal runs there too'],
    ]);
  });

  it('a list of names and a table of records are data; a table row wrapped by hand stays one measure', () => {
    expect(items('titled-steps.md').map((i) => i[0])).toEqual([15, 19, 25, 26, 44, 46]);
  });
});

describe('a report written as labelled paragraphs, as Google\'s example postmortem is', () => {
  const doc =
    '# Postmortem: flash device failure\n\n**Status:** Complete.\n\n**Summary:** The flash device failed undetected\nfor 14 days.\n\n**Impact:** 2 hours without internet.\n\n**Root Cause:** Flash device failed undetected.\n\n**Resolution:** Reinstalled the OS onto a new device.\n\n**Action Items:**\n\n* Automate backups of the flash device\n';

  it('has its sections in the labels that open its paragraphs', () => {
    const result = check(doc);
    expect(result.model!.sections.filter((s) => s.keys.length).map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual([
      '5:summary',
      '8:impact',
      '10:root-cause',
      '12:resolution',
      '14:action-items',
    ]);
    // Only the timeline is missing.
    expect(result.findings.filter((f) => f.rule === 'required-sections').map((f) => f.message)).toEqual([expect.stringContaining('missing timeline section')]);
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([[16, 'Automate backups of the flash device']]);
  });

  it('a label inside a named section stays part of its paragraph', () => {
    const inside = '# X\n\n## Summary\n\n**Root Cause:** A bad deploy.\n\n**Resolution:** Rolled back.\n\n## Timeline\n\n- 10:00 UTC deploy\n';
    expect(check(inside).model!.sections.filter((s) => s.keys.length).map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['3:summary', '9:timeline']);
  });

  it('one label alone outside a section names none', () => {
    const one = '# X\n\n**Root Cause:** A bad deploy.\n\n## Timeline\n\n- 10:00 UTC deploy\n';
    expect(check(one).model!.sections.filter((s) => s.keys.length).map((s) => s.keys.join('+'))).toEqual(['timeline']);
  });
});

describe('a template\'s "Leadup" over timed entries', () => {
  const doc =
    '# Cascading node failures\n\n## :warning: Leadup\n\n*List the sequence of events that led to the incident*\n\n- **00:27 UTC:** Django starts rapidly using connections to our\n  PostgreSQL database\n- **00:32 UTC:** DevOps team is alerted that PostgreSQL has saturated\n  its 115 max connections limit.\n- **00:55 UTC:** The node is recycled and\n  a new one is added to the pool.\n\n## :seedling: Blameless root cause\n\nThe connection pool was too small.\n';

  it('is the timeline of a document without one (its entries wrapped onto two lines), and a shortcode emoji names nothing', () => {
    const result = check(doc);
    expect(result.model!.sections.filter((s) => s.keys.length).map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['3:timeline', '14:root-cause']);
    expect(result.model!.timeline.map((t) => t.line)).toEqual([7, 9, 11]);
  });

  it('beside a timeline it is what led up to the incident, not a second timeline', () => {
    const both = doc + '\n## Timeline\n\n- 01:00 UTC Node restored\n';
    expect(check(both).model!.sections.filter((s) => s.keys.includes('timeline')).map((s) => s.line)).toEqual([18]);
  });
});

describe('a retrospective\'s questions in other languages', () => {
  it('("Ce qui peut être amélioré", "O que pode ser melhorado") are lessons, not measures', () => {
    const doc = '# X\n\n## Leçons Apprises\n\n### Ce qui peut être amélioré\n\n- ⚠️ **Prévention** : Installer des outils de détection avant le commit\n\n## Actions correctives\n\n- Ajouter un hook pre-commit\n';
    const result = check(doc);
    expect(result.model!.sections.map((s) => s.keys.join('+'))).toEqual(['', 'lessons-learned', 'lessons-learned', 'action-items']);
    expect(result.model!.actionItems.map((a) => a.line)).toEqual([11]);
  });
});

describe('a template\'s "Fault" and a post\'s "Our Response"', () => {
  it('are the root cause and the resolution of a document that names neither otherwise', () => {
    const doc = '# Post Mortem 2021-06-06\n\n## Fault\n\nThe disk controller failed.\n\n## Our Response\n\nWe moved the mirror to another host.\n';
    expect(check(doc).model!.sections.map((s) => s.keys.join('+'))).toEqual(['', 'root-cause', 'resolution']);
    const named = '# X\n\n## Root Cause\n\nA bad deploy.\n\n## Fault\n\nThe disk controller failed.\n';
    expect(check(named).model!.sections.map((s) => s.keys.join('+'))).toEqual(['', 'root-cause', '']);
  });
});
