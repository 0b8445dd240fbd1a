/**
 * The audit for people: the Markdown report (job summary, `--format
 * markdown`), the dashboard issue's body and the text summary. Document
 * text goes through src/render/escape.ts; owners are named, not pinged,
 * unless the config opts in to mentions.
 */
import type { AuditMetrics, FollowUp } from '../core/audit/types.js';
import { loginOf } from '../core/logins.js';
import type { PlannedItem } from '../core/plan.js';
import { plural } from '../core/strings.js';
import { code, login, md } from './escape.js';
import { issueTitle } from './issue.js';
import { documentLink, type LinkBase } from './links.js';
import type { AuditOutcome, PostmortemRow } from '../core/audit/collect.js';
import { incidentsChart } from './incidents-chart.js';

export const DASHBOARD_MARKER = '<!-- postmortem-governance:dashboard -->';
/** GitHub's limit on an issue body. */
export const BODY_LIMIT = 65_536;

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 1000) / 10}%`);

export function duration(minutes: number | null): string {
  if (minutes === null) return '—';
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h${m % 60 ? ` ${m % 60} min` : ''}`;
  return `${Math.round(h / 24)} d`;
}

/** An owner as written: a login is shown in code (no ping), or mentioned when `mentions` is on. */
export function owner(text: string | null, mentions: boolean): string {
  if (!text) return '—';
  // A single word that can be a login is one (as sync assumes when it assigns owners).
  const name = loginOf(text.trim());
  if (name) return mentions ? `@${name}` : login(name);
  return md(text, 60);
}

function fileLink(link: LinkBase | null, path: string, title: string | null): string {
  const text = md(title ?? path, 120);
  if (!link) return `${text} (${code(path)})`;
  return `[${text}](${documentLink(link, path)})`;
}

/** The item as its issue is titled (a trailing owner mention belongs in the Owner column). */
function itemTitle(f: FollowUp): string {
  return md(issueTitle({ title: f.title, id: f.key } as PlannedItem), 150);
}

/** "#12", or "owner/name#12" for an issue in another repository than the audited one. */
function issueLink(f: FollowUp, home: string | null = null): string {
  const elsewhere = f.repository && home && f.repository.toLowerCase() !== home.toLowerCase() ? f.repository : '';
  return f.issue !== null && f.url ? `[${elsewhere}#${f.issue}](${f.url})` : '—';
}

/** "[#12](…) 4/6 closed": the tracking issue and GitHub's count of its closed sub-issues. */
function trackingCell(r: PostmortemRow): string {
  if (!r.tracking) return '—';
  const t = r.tracking;
  return `[#${t.number}](${t.url}) ${t.completed}/${t.total} closed${t.state === 'closed' ? ' (closed)' : ''}`;
}

/** A block of the report: text lines, or a table that may be cut to fit a size limit. */
type Block = { text: string[] } | { header: string[]; rows: string[]; noun: string; kept?: number };

function renderBlocks(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if ('text' in b) {
      out.push(...b.text);
      continue;
    }
    const kept = b.kept ?? b.rows.length;
    out.push(...b.header, ...b.rows.slice(0, kept));
    if (kept < b.rows.length) out.push('', `…and ${plural(b.rows.length - kept, `more ${b.noun}`)}, left out to stay within GitHub's size limit (the JSON report has them all).`);
    out.push('');
  }
  return out.join('\n');
}

/** Cut the longest table (then the next) until the whole fits in `limit` characters. */
export function fitBlocks(blocks: Block[], limit: number): string {
  let text = renderBlocks(blocks);
  const tables = blocks.filter((b): b is Extract<Block, { rows: string[] }> => 'rows' in b);
  while (text.length > limit) {
    const longest = tables
      .filter((t) => (t.kept ?? t.rows.length) > 0)
      .sort((a, b) => b.rows.slice(0, b.kept ?? b.rows.length).join('\n').length - a.rows.slice(0, a.kept ?? a.rows.length).join('\n').length)[0];
    if (!longest) break;
    let lo = 0;
    let hi = longest.kept ?? longest.rows.length;
    // The most rows of this table that fit (the others as they are); at least one fewer than now.
    hi -= 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      longest.kept = mid;
      if (renderBlocks(blocks).length <= limit) lo = mid;
      else hi = mid - 1;
    }
    longest.kept = lo;
    text = renderBlocks(blocks);
  }
  return text;
}

export function followUpPie(metrics: AuditMetrics): string[] {
  const s = metrics.followUps.byStatus;
  const slices: Array<[string, number]> = [
    ['Open', s.open],
    ['Overdue', s.overdue],
    ['Closed', s.closed],
    ['Done in document', s['done-in-doc']],
    ['Not filed', s['not-filed']],
    ['Unknown', s.unknown],
  ];
  const nonZero = slices.filter(([, n]) => n > 0);
  if (nonZero.length === 0) return [];
  return ['```mermaid', 'pie title Follow-ups', ...nonZero.map(([k, n]) => `  "${k}" : ${n}`), '```'];
}

export interface MarkdownOptions {
  link: LinkBase | null;
  mentions: boolean;
  /** The dashboard leaves out what changes with the clock alone (ages, generation time). */
  dashboard: boolean;
  limit: number;
}

export function headlines(outcome: AuditOutcome): string[] {
  const { summary, audit } = outcome;
  const m = audit.metrics;
  const s = m.followUps.byStatus;
  const lines = [
    `**${plural(summary.files, 'postmortem')}**: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}; ${m.compliance.compliant} without errors.`,
  ];
  if (m.followUps.total > 0) {
    const parts = [`${s.open} open`, `${s.overdue} overdue`, `${s.closed} closed`, `${s['done-in-doc']} done in the document`, `${s['not-filed']} not filed`];
    if (s.unknown) parts.push(`${s.unknown} unknown`);
    lines.push(`**${plural(m.followUps.total, 'follow-up')}**: ${parts.join(', ')}; completion ${pct(m.followUps.completionRate)}.`);
  } else lines.push('**No follow-ups** (action items) in these postmortems.');
  if (!audit.online) lines.push('Follow-up status is unknown for items without a done mark: this audit ran without access to the repository\'s issues.');
  const ttr = m.timeToResolve;
  lines.push(
    `Time to resolve: ${ttr.count ? `mean ${duration(ttr.meanMinutes)}, median ${duration(ttr.medianMinutes)} over ${plural(ttr.count, 'incident')}` : 'no incident states its window'}.` +
      (m.daysToClose.count ? ` Median time to close a follow-up: ${m.daysToClose.median} days (${m.daysToClose.count} closed).` : ''),
  );
  return lines;
}

/** The Markdown report: the job summary, or (with `dashboard`) the dashboard issue's body. */
export function auditMarkdown(outcome: AuditOutcome, options: MarkdownOptions): string {
  const { audit, rows } = outcome;
  const m = audit.metrics;
  const blocks: Block[] = [];
  const head = options.dashboard
    ? [DASHBOARD_MARKER, '## Postmortem dashboard', '', 'Kept up to date by postmortem-governance on each audit: text written above this report is kept, the report itself is rewritten (edit the postmortems instead). Close this issue to stop the updates.', '']
    : ['## Postmortem audit', ''];
  blocks.push({ text: [...head, ...headlines(outcome).flatMap((l) => [l, '']), ...incidentsChart(m), '', ...followUpPie(m), ''] });

  const overdue = audit.followUps.filter((f) => f.status === 'overdue');
  if (overdue.length > 0) {
    const due = (f: FollowUp) => f.deadline ?? f.due ?? '';
    const order = [...overdue].sort((a, b) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : a.path < b.path ? -1 : 1));
    blocks.push({ text: [`### Overdue follow-ups (${overdue.length})`, ''] });
    blocks.push({
      header: options.dashboard ? ['| Issue | Follow-up | Owner | Due | Postmortem |', '| --- | --- | --- | --- | --- |'] : ['| Issue | Follow-up | Owner | Due | Days open | Postmortem |', '| --- | --- | --- | --- | --- | --- |'],
      rows: order.map((f) =>
        options.dashboard
          ? `| ${issueLink(f, audit.repository)} | ${itemTitle(f)} | ${owner(f.owner, options.mentions)} | ${md(f.deadline ?? f.due ?? '—', 20)} | ${code(`${f.path}:${f.line}`)} |`
          : `| ${issueLink(f, audit.repository)} | ${itemTitle(f)} | ${owner(f.owner, options.mentions)} | ${md(f.deadline ?? f.due ?? '—', 20)} | ${f.ageDays ?? '—'} | ${code(`${f.path}:${f.line}`)} |`,
      ),
      noun: 'overdue follow-up',
    });
  }
  if (!options.dashboard && m.oldestOpen.length > 0) {
    blocks.push({ text: ['### Oldest open follow-ups', ''] });
    blocks.push({
      header: ['| Issue | Follow-up | Owner | Days open | Postmortem |', '| --- | --- | --- | --- | --- |'],
      rows: m.oldestOpen.map((f) => `| ${issueLink(f, audit.repository)} | ${itemTitle(f)} | ${owner(f.owner, options.mentions)} | ${f.ageDays ?? '—'} | ${code(`${f.path}:${f.line}`)} |`),
      noun: 'follow-up',
    });
  }
  const repos = Object.entries(m.followUps.byRepository ?? {});
  if (repos.length > 1) {
    blocks.push({ text: ['### Follow-ups by repository', ''] });
    blocks.push({
      header: ['| Repository | Open | Overdue | Closed | Done in document | Not filed |', '| --- | --- | --- | --- | --- | --- |'],
      rows: repos.map(([repo, s]) => `| ${code(repo)} | ${s.open} | ${s.overdue} | ${s.closed} | ${s['done-in-doc']} | ${s['not-filed']} |`),
      noun: 'repository',
    });
  }
  const notFiled = audit.followUps.filter((f) => f.status === 'not-filed');
  if (notFiled.length > 0) {
    blocks.push({ text: [`### Follow-ups without an issue (${notFiled.length})`, '', 'Run `sync` (on a push to the default branch) to open them.', ''] });
    blocks.push({
      header: ['| Follow-up | Owner | Due | Postmortem |', '| --- | --- | --- | --- |'],
      rows: notFiled.map((f) => `| ${itemTitle(f)} | ${owner(f.owner, options.mentions)} | ${md(f.deadline ?? f.due ?? '—', 20)} | ${code(`${f.path}:${f.line}`)} |`),
      noun: 'follow-up without an issue',
    });
  }
  if (m.mostFindings.length > 0) {
    blocks.push({ text: ['### Postmortems with the most findings', ''] });
    blocks.push({
      header: ['| Postmortem | Errors | Warnings |', '| --- | --- | --- |'],
      rows: m.mostFindings.map((d) => `| ${fileLink(options.link, d.path, d.title)} | ${d.errors} | ${d.warnings} |`),
      noun: 'postmortem',
    });
  }
  const rules = Object.entries(m.compliance.byRule);
  if (rules.length > 0) {
    blocks.push({ text: ['### Findings by rule', ''] });
    blocks.push({ header: ['| Rule | Errors | Warnings |', '| --- | --- | --- |'], rows: rules.map(([rule, n]) => `| ${code(rule)} | ${n.errors} | ${n.warnings} |`), noun: 'rule' });
  }
  if (rows.length > 0) {
    // Each incident's tracking issue and its progress (closed sub-issues, as GitHub counts them), when there are any.
    const tracked = rows.some((r) => r.tracking);
    blocks.push({ text: [`### Postmortems (${rows.length})`, ''] });
    blocks.push({
      header: tracked
        ? ['| Postmortem | Date | Severity | Duration | Findings | Follow-ups done | Tracking issue |', '| --- | --- | --- | --- | --- | --- | --- |']
        : ['| Postmortem | Date | Severity | Duration | Findings | Follow-ups done |', '| --- | --- | --- | --- | --- | --- |'],
      rows: [...rows]
        .sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : (b.date ?? '') > (a.date ?? '') ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
        .map((r: PostmortemRow) => {
          const cells = `| ${fileLink(options.link, r.path, r.title)} | ${r.date ?? '—'} | ${r.severity ? md(r.severity, 20) : '—'} | ${duration(r.minutes)} | ${r.errors + r.warnings === 0 ? '✅' : `${r.errors} ❌ ${r.warnings} ⚠️`} | ${r.items ? `${r.done}/${r.items}` : '—'} |`;
          return tracked ? `${cells} ${trackingCell(r)} |` : cells;
        }),
      noun: 'postmortem',
    });
  }
  if (!options.dashboard) blocks.push({ text: [`<sub>Audited ${audit.generatedAt} by postmortem-governance${audit.shard ? ` (shard ${audit.shard.index}/${audit.shard.count})` : ''}.</sub>`, ''] });
  return fitBlocks(blocks, options.limit).trimEnd() + '\n';
}

/** The text format's audit section, after the findings. */
export function auditText(outcome: AuditOutcome): string {
  const m = outcome.audit.metrics;
  const lines = ['', 'Audit', ...headlines(outcome).map((l) => `  ${l.replace(/\*\*/g, '')}`)];
  if (m.incidentsPerMonth.length > 0) lines.push(`  Incidents per month: ${m.incidentsPerMonth.map((x) => `${x.month} ${x.total}`).join(', ')}`);
  const overdue = outcome.audit.followUps.filter((f) => f.status === 'overdue');
  for (const f of overdue.slice(0, 50)) lines.push(`  overdue  #${f.issue}  ${f.path}:${f.line}  ${f.title}${f.owner ? `  (${f.owner})` : ''}${f.deadline ?? f.due ? `  due ${f.deadline ?? f.due}` : ''}`);
  if (overdue.length > 50) lines.push(`  …and ${overdue.length - 50} more overdue`);
  return lines.join('\n') + '\n';
}
