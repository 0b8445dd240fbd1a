/**
 * Incident and follow-up metrics over audited postmortems. Pure and
 * incremental: `add` one file at a time (the audit streams 10,000 of them)
 * and read `result()` at the end; the result depends only on the set of
 * files, never on the order they were added in.
 */
import { FOLLOW_UP_STATUSES, type AuditFile, type AuditMetrics, type FollowUp, type FollowUpStatus } from './types.js';
import { followUpsOf } from './status.js';
import { DAY_MS } from '../time/index.js';

export const TOP = 10;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?Z$/;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** Minutes from the incident's start to its end, or its stated duration; null when neither is known. */
export function resolveMinutes(file: Pick<AuditFile, 'incident'>): number | null {
  const { start, end, durationMinutes } = file.incident;
  if (start && end && INSTANT.test(start) && INSTANT.test(end)) {
    const minutes = (Date.parse(end) - Date.parse(start)) / 60_000;
    if (minutes > 0) return minutes;
  }
  return durationMinutes !== null && durationMinutes > 0 ? durationMinutes : null;
}

/** The incident's month (YYYY-MM) from its date or its start. */
export function incidentMonth(file: Pick<AuditFile, 'incident'>): string | null {
  const m = /^(\d{4})-(\d{2})/.exec(file.incident.date ?? file.incident.start ?? '');
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null;
}

const byAgeThenPlace = (a: FollowUp, b: FollowUp) => (b.ageDays ?? 0) - (a.ageDays ?? 0) || cmp(a.path, b.path) || a.line - b.line;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
type Findings = AuditMetrics['mostFindings'][number];
const byFindings = (a: Findings, b: Findings) => b.errors + b.warnings - (a.errors + a.warnings) || b.errors - a.errors || cmp(a.path, b.path);

export class MetricsAccumulator {
  private files = 0;
  private compliant = 0;
  private errors = 0;
  private warnings = 0;
  private readonly byRule = new Map<string, { errors: number; warnings: number }>();
  private readonly months = new Map<string, Map<string, number>>();
  private undated = 0;
  private readonly durations: number[] = [];
  private readonly closeDays: number[] = [];
  private readonly statuses = new Map<FollowUpStatus, number>();
  private readonly repositories = new Map<string, Map<FollowUpStatus, number>>();
  private oldest: FollowUp[] = [];
  private most: Findings[] = [];

  add(file: AuditFile): void {
    this.files++;
    let errors = 0;
    let warnings = 0;
    for (const f of file.findings) {
      const rule = this.byRule.get(f.rule) ?? { errors: 0, warnings: 0 };
      if (f.severity === 'error') {
        errors++;
        rule.errors++;
      } else {
        warnings++;
        rule.warnings++;
      }
      this.byRule.set(f.rule, rule);
    }
    this.errors += errors;
    this.warnings += warnings;
    if (errors === 0) this.compliant++;
    if (errors + warnings > 0) this.most = keepTop([...this.most, { path: file.path, title: file.title, errors, warnings }], byFindings);

    const month = incidentMonth(file);
    if (month) {
      const bySeverity = this.months.get(month) ?? new Map<string, number>();
      const severity = file.severity ?? 'unknown';
      bySeverity.set(severity, (bySeverity.get(severity) ?? 0) + 1);
      this.months.set(month, bySeverity);
    } else this.undated++;
    const minutes = resolveMinutes(file);
    if (minutes !== null) this.durations.push(minutes);

    const open: FollowUp[] = [];
    for (const item of followUpsOf(file)) {
      this.statuses.set(item.status, (this.statuses.get(item.status) ?? 0) + 1);
      if (item.repository) {
        const counts = this.repositories.get(item.repository) ?? new Map<FollowUpStatus, number>();
        counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
        this.repositories.set(item.repository, counts);
      }
      if (item.status === 'closed' && item.createdAt && item.closedAt) {
        const days = (Date.parse(item.closedAt) - Date.parse(item.createdAt)) / DAY_MS;
        if (Number.isFinite(days) && days >= 0) this.closeDays.push(days);
      }
      if ((item.status === 'open' || item.status === 'overdue') && item.ageDays !== null) open.push(item);
    }
    if (open.length > 0) this.oldest = keepTop([...this.oldest, ...open], byAgeThenPlace);
  }

  result(): AuditMetrics {
    const byStatus = Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, this.statuses.get(s) ?? 0])) as Record<FollowUpStatus, number>;
    const total = FOLLOW_UP_STATUSES.reduce((n, s) => n + byStatus[s], 0);
    const known = total - byStatus.unknown;
    const done = byStatus.closed + byStatus['done-in-doc'];
    // Offline, only done marks are known: a rate over them alone would read 100%.
    const fromIssues = byStatus.open + byStatus.overdue + byStatus.closed + byStatus['not-filed'];
    // Summed in one order, whatever order the files came in: the same mean to the last bit.
    const sum = [...this.durations].sort((a, b) => a - b).reduce((a, b) => a + b, 0);
    return {
      compliance: {
        files: this.files,
        compliant: this.compliant,
        errors: this.errors,
        warnings: this.warnings,
        byRule: Object.fromEntries([...this.byRule].sort(([a], [b]) => cmp(a, b))),
      },
      incidentsPerMonth: [...this.months]
        .sort(([a], [b]) => cmp(a, b))
        .map(([month, sev]) => ({ month, total: [...sev.values()].reduce((a, b) => a + b, 0), bySeverity: Object.fromEntries([...sev].sort(([a], [b]) => cmp(a, b))) })),
      undated: this.undated,
      timeToResolve: { count: this.durations.length, meanMinutes: round1(this.durations.length ? sum / this.durations.length : null), medianMinutes: round1(median(this.durations)) },
      followUps: {
        total,
        byStatus,
        completionRate: known > 0 && fromIssues > 0 ? Math.round((done / known) * 1000) / 1000 : null,
        ...(this.repositories.size > 0
          ? { byRepository: Object.fromEntries([...this.repositories].sort(([a], [b]) => cmp(a, b)).map(([repo, counts]) => [repo, Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, counts.get(s) ?? 0])) as Record<FollowUpStatus, number>])) }
          : {}),
      },
      daysToClose: { count: this.closeDays.length, median: round1(median(this.closeDays)) },
      oldestOpen: this.oldest,
      mostFindings: this.most,
    };
  }
}

function keepTop<T>(list: T[], order: (a: T, b: T) => number): T[] {
  return list.sort(order).slice(0, TOP);
}

export function computeMetrics(files: Iterable<AuditFile>): AuditMetrics {
  const acc = new MetricsAccumulator();
  for (const f of files) acc.add(f);
  return acc.result();
}
