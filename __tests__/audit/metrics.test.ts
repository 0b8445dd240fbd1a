import { describe, expect, it } from 'vitest';
import { computeMetrics, incidentMonth, median, resolveMinutes } from '../../src/core/audit/metrics.js';
import type { AuditFile, AuditItem, FollowUpStatus } from '../../src/core/audit/types.js';

function item(id: string, status: FollowUpStatus, extra: Partial<AuditItem> = {}): AuditItem {
  return {
    id, kind: 'corrective', title: `Item ${id}`, line: 10, owner: null, due: null, priority: null, done: status === 'done-in-doc', issue: null,
    status, followUp: null, ageDays: null, ...extra,
  };
}

function file(path: string, o: { date?: string; severity?: string; start?: string; end?: string; minutes?: number; errors?: number; warnings?: number; items?: AuditItem[] } = {}): AuditFile {
  return {
    path, title: path, severity: o.severity ?? null,
    incident: { start: o.start ?? null, end: o.end ?? null, durationMinutes: o.minutes ?? null, timezone: null, date: o.date ?? null },
    sections: [], timeline: [], actionItems: o.items ?? [],
    findings: [
      ...Array.from({ length: o.errors ?? 0 }, () => ({ rule: 'required-sections', severity: 'error' as const, line: 1, column: 1, message: 'x' })),
      ...Array.from({ length: o.warnings ?? 0 }, () => ({ rule: 'timeline-untimed', severity: 'warning' as const, line: 2, column: 1, message: 'y' })),
    ],
  };
}

const closed = (id: string, created: string, closedAt: string) =>
  item(id, 'closed', { followUp: { number: 1, url: 'u', state: 'closed', createdAt: created, closedAt } });
const open = (id: string, age: number, status: FollowUpStatus = 'open') =>
  item(id, status, { ageDays: age, followUp: { number: 2, url: 'u', state: 'open', createdAt: '2024-01-01T00:00:00Z', closedAt: null } });

describe('audit metrics (hand-checked)', () => {
  const files = [
    file('a.md', { date: '2024-01-05', severity: 'SEV1', start: '2024-01-05T10:00:00Z', end: '2024-01-05T12:00:00Z', minutes: 999, errors: 2, warnings: 1,
      items: [closed('1', '2024-01-06T00:00:00Z', '2024-01-08T00:00:00Z'), open('2', 30, 'overdue')] }),
    file('b.md', { date: '2024-01-20', severity: 'SEV2', minutes: 30, warnings: 3, items: [closed('3', '2024-02-01T00:00:00Z', '2024-02-11T12:00:00Z'), item('4', 'done-in-doc')] }),
    file('c.md', { date: '2024-03-02', items: [item('5', 'not-filed'), open('6', 5), item('7', 'unknown')] }),
    file('d.md', { minutes: 60 }),
  ];
  const m = computeMetrics(files);

  it('counts incidents per month by severity, leaving undated ones out', () => {
    expect(m.incidentsPerMonth).toEqual([
      { month: '2024-01', total: 2, bySeverity: { SEV1: 1, SEV2: 1 } },
      { month: '2024-03', total: 1, bySeverity: { unknown: 1 } },
    ]);
    expect(m.undated).toBe(1);
  });

  it('takes time to resolve from the window (end - start) first, else the stated duration', () => {
    // a: 120 (window wins over the stated 999), b: 30, d: 60; c: none.
    expect(m.timeToResolve).toEqual({ count: 3, meanMinutes: 70, medianMinutes: 60 });
  });

  it('rates completion over known statuses and takes the median days to close', () => {
    expect(m.followUps.byStatus).toEqual({ open: 1, overdue: 1, closed: 2, 'done-in-doc': 1, 'not-filed': 1, unknown: 1 });
    expect(m.followUps.total).toBe(7);
    expect(m.followUps.completionRate).toBe(0.5); // (2 closed + 1 done) / 6 known
    expect(m.daysToClose).toEqual({ count: 2, median: 6.3 }); // 2 and 10.5 days
  });

  it('lists the oldest open follow-ups and the documents with the most findings', () => {
    expect(m.oldestOpen.map((f) => [f.path, f.ageDays, f.status])).toEqual([['a.md', 30, 'overdue'], ['c.md', 5, 'open']]);
    expect(m.mostFindings).toEqual([
      { path: 'a.md', title: 'a.md', errors: 2, warnings: 1 },
      { path: 'b.md', title: 'b.md', errors: 0, warnings: 3 },
    ]);
    expect(m.compliance).toEqual({ files: 4, compliant: 3, errors: 2, warnings: 4, byRule: { 'required-sections': { errors: 2, warnings: 0 }, 'timeline-untimed': { errors: 0, warnings: 4 } } });
  });

  it('does not depend on the order files come in', () => {
    expect(computeMetrics([...files].reverse())).toEqual(m);
    expect(computeMetrics([files[2], files[0], files[3], files[1]])).toEqual(m);
  });

  it('has no completion rate when nothing is known, and no medians of nothing', () => {
    const offline = computeMetrics([file('x.md', { items: [item('1', 'unknown'), item('2', 'done-in-doc')] })]);
    expect(offline.followUps.completionRate).toBeNull();
    expect(offline.daysToClose).toEqual({ count: 0, median: null });
    expect(offline.timeToResolve).toEqual({ count: 0, meanMinutes: null, medianMinutes: null });
  });

  it('helpers', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(incidentMonth(file('x', { start: '2023-12-31T23:00:00Z' }))).toBe('2023-12');
    expect(incidentMonth(file('x', { date: '2023-13-01' }))).toBeNull();
    expect(resolveMinutes(file('x', { start: '10:00', end: '11:00', minutes: 45 }))).toBe(45); // local times: the stated duration
    expect(resolveMinutes(file('x', { start: '2024-01-01T11:00:00Z', end: '2024-01-01T10:00:00Z' }))).toBeNull();
  });
});
