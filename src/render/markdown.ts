/**
 * Markdown for people: the job summary and the sticky PR comment. Built from
 * the JSON report (what was found) and the planned items (what a merge will
 * open). Document text always goes through escape.ts.
 */
import type { JsonReport, ReportFile } from '../core/report.js';
import type { PlannedItem } from '../core/plan.js';
import { plural } from '../core/strings.js';
import type { Deadline } from '../core/deadline.js';
import { SECTION_KEYS, sectionTitle } from '../core/model/aliases.js';
import { code, login, md, mermaid } from './escape.js';
import { issueTitle } from './issue.js';
import { lineLink, type LinkBase } from './links.js';

export const COMMENT_MARKER = '<!-- postmortem-governance:pr-comment -->';


function counts(file: ReportFile): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of file.findings) f.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}

export function headline(report: JsonReport): string {
  const { files, errors, warnings } = report.summary;
  if (files === 0) return 'No postmortems to check.';
  if (errors + warnings === 0) return `✅ ${plural(files, 'postmortem')} checked: no problems.`;
  const bad = report.files.filter((f) => f.findings.length > 0).length;
  const icon = errors > 0 ? '❌' : '⚠️';
  return `${icon} ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${bad} of ${plural(files, 'postmortem')}.`;
}

function findingsTable(file: ReportFile, link: LinkBase, limit: number): string[] {
  const rows = file.findings.slice(0, limit).map((f) => {
    const sev = f.severity === 'error' ? '❌ error' : '⚠️ warning';
    return `| [${f.line}:${f.column}](${lineLink(link, file.path, f.line)}) | ${sev} | ${md(f.message, 300)} | ${code(f.rule)} |`;
  });
  const out = ['| Line | Severity | Finding | Rule |', '| --- | --- | --- | --- |', ...rows];
  if (file.findings.length > limit) out.push('', `…and ${file.findings.length - limit} more (see the JSON report).`);
  return out;
}

function sectionsLine(file: ReportFile, required: readonly string[]): string {
  const present = new Set(file.sections.flatMap((s) => s.keys));
  return SECTION_KEYS.filter((k) => present.has(k) || required.includes(k))
    .map((k) => `${present.has(k) ? '✅' : '❌'} ${sectionTitle(k)}`)
    .join(' · ');
}

/** The file's timeline as a Mermaid `timeline` diagram (GitHub renders it). */
export function timelineDiagram(file: ReportFile, maxEntries = 40): string[] {
  const timed = file.timeline.filter((t) => t.time !== null);
  if (timed.length === 0) return [];
  const zone = file.incident.timezone ?? '';
  const label = (time: string) => {
    const m = /T(\d{2}:\d{2})/.exec(time) ?? /^(\d{2}:\d{2})/.exec(time);
    const date = /^(\d{4}-\d{2}-\d{2})/.exec(time)?.[1];
    // A colon ends a Mermaid timeline period, so 14:05 is written 14h05.
    const clock = (m ? m[1] : time).replace(':', 'h');
    return mermaid(`${date && timed.some((t) => !t.time!.startsWith(date)) ? date.slice(5) + ' ' : ''}${clock}`, 20);
  };
  const lines = ['```mermaid', 'timeline', `  title ${mermaid(file.title ?? file.path, 60)}${zone ? ` (times ${mermaid(/Z$/.test(timed[0].time!) ? 'UTC' : zone, 30)})` : ''}`];
  for (const t of timed.slice(0, maxEntries)) lines.push(`  ${label(t.time!)} : ${mermaid(t.text, 70)}`);
  if (timed.length > maxEntries) lines.push(`  … : ${timed.length - maxEntries} more entries`);
  lines.push('```');
  return lines;
}

/** A previewed item: its deadline (its own, or from its priority) and the repository it is filed in, when not this one. */
export type Previewed = PlannedItem & { deadline?: Deadline | null; target?: string };

function previewTable(items: Previewed[], link: LinkBase, limit = 50): string[] {
  if (items.length === 0) return ['No new action-item issues.'];
  // The Due and Repository columns appear only when an item has one, so a plain preview stays as it was.
  const due = items.some((i) => i.deadline || i.due);
  const repo = items.some((i) => i.target);
  const rows = items.slice(0, limit).map((i) => {
    const from = `[${md(i.path.split('/').pop() ?? i.path, 80)}#L${i.line}](${lineLink(link, i.path, i.line)})`;
    const cells = [md(issueTitle(i), 200), i.kind, i.owner ? login(i.owner) : '—'];
    if (due) cells.push(i.deadline ? `${i.deadline.date}${i.deadline.source === 'priority' ? ` (${md(i.deadline.priority ?? '', 20)})` : ''}` : i.due ? md(i.due, 40) : '—');
    if (repo) cells.push(i.target ? code(i.target) : 'here');
    return `| ${[...cells, from].join(' | ')} |`;
  });
  const head = ['Issue title', 'Kind', 'Owner', ...(due ? ['Due'] : []), ...(repo ? ['Repository'] : []), 'From'];
  const out = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows];
  if (items.length > limit) out.push('', `…and ${items.length - limit} more.`);
  return out;
}

export interface SummaryInput {
  report: JsonReport;
  link: LinkBase;
  required: readonly string[];
  /** Findings not shown as annotations because of GitHub's per-step limit. */
  hiddenAnnotations: number;
  preview: Previewed[];
  notes: string[];
}

export function jobSummary(input: SummaryInput): string {
  const { report, link } = input;
  const out = ['## Postmortem check', '', headline(report), ''];
  if (input.hiddenAnnotations > 0) {
    out.push(`GitHub shows a limited number of annotations per step: ${plural(input.hiddenAnnotations, 'more finding')} ${input.hiddenAnnotations === 1 ? 'is' : 'are'} listed below but not annotated.`, '');
  }
  for (const note of input.notes) out.push(`> ${note}`, '');
  for (const file of report.files) {
    const c = counts(file);
    const items = file.actionItems;
    const kinds = ['corrective', 'preventative', 'other']
      .map((k) => [k, items.filter((i) => i.kind === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`);
    out.push(`### ${code(file.path)}${file.title ? ` — ${md(file.title, 120)}` : ''}`, '');
    out.push(`| Findings | Sections | Action items | Incident |`, '| --- | --- | --- | --- |');
    const incident = [file.incident.start ?? file.incident.date, file.incident.durationMinutes !== null ? `${file.incident.durationMinutes} min` : null]
      .filter(Boolean)
      .join(', ');
    out.push(
      `| ${c.errors + c.warnings === 0 ? '✅ none' : `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}`} | ${sectionsLine(file, input.required)} | ${items.length}${kinds.length ? ` (${kinds.join(', ')})` : ''} | ${md(incident || '—')} |`,
      '',
    );
    if (file.findings.length > 0) out.push(...findingsTable(file, link, 100), '');
    const diagram = timelineDiagram(file);
    if (diagram.length > 0) out.push('<details><summary>Timeline</summary>', '', ...diagram, '', '</details>', '');
  }
  if (input.preview.length > 0) {
    out.push('### Action-item issues a merge will open', '', ...previewTable(input.preview, link), '');
  }
  return out.join('\n');
}

export interface PlanCounts {
  updates: number;
  closes: number;
  removed: number;
}

function otherChanges(changes: PlanCounts | null | undefined): string | null {
  if (!changes) return null;
  const parts = [
    changes.updates ? `update ${plural(changes.updates, 'existing issue')}` : '',
    changes.closes ? `close ${plural(changes.closes, 'issue')} whose item is marked done` : '',
    changes.removed ? `flag ${plural(changes.removed, 'issue')} whose item was removed` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Merging will also ${parts.join(', ')}.` : null;
}

export function prComment(input: { report: JsonReport; link: LinkBase; preview: Previewed[]; changes?: PlanCounts | null }): string {
  const { report, link } = input;
  const out = [COMMENT_MARKER, '### Postmortem review', '', headline(report), ''];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    out.push(`<details open><summary>${md(file.path, 200)}: ${plural(file.findings.length, 'finding')}</summary>`, '', ...findingsTable(file, link, 30), '', '</details>', '');
  }
  if (input.preview.length > 0) {
    const clean = report.summary.errors + report.summary.warnings === 0;
    out.push(
      `<details${clean ? '' : ' open'}><summary>Merging will open ${plural(input.preview.length, 'action-item issue')}</summary>`,
      '',
      ...previewTable(input.preview, link),
      '',
      '</details>',
      '',
    );
  }
  const also = otherChanges(input.changes);
  if (also) out.push(also, '');
  out.push(`<sub>Checked at ${link.sha.slice(0, 7)} by postmortem-governance.</sub>`);
  return out.join('\n');
}
