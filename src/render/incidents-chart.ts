/**
 * The audit's incidents chart (a Mermaid `xychart-beta` bar chart) that a person can
 * read at the size GitHub draws it (700 px wide by default):
 *
 * - It covers every dated incident: bars per month when the incidents span up to 12
 *   months, per quarter up to 12 quarters, per year beyond; at most 12 bars, so their
 *   labels ("Mar", "Q1 24", "2024") never run into each other. Past 12 years the last
 *   12 are drawn and a note says how many older incidents are left out.
 * - Its y axis ends at 10 or more: Mermaid draws d3's ten ticks, which are whole numbers
 *   only on such a range (0–3 would be ticked 0, 0.5, 1…).
 * - A note names the postmortems without a date, which no bar can show.
 */
import type { AuditMetrics } from '../core/audit/types.js';
import { plural } from '../core/strings.js';

/** Most bars: their labels fit side by side at Mermaid's default width and font size. */
export const MAX_BARS = 12;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Bucket {
  label: string;
  total: number;
}

/** Months since year 0 for "YYYY-MM". */
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** Buckets of `size` months from `first` to `last` (month indexes), with their totals. */
function buckets(counts: Map<number, number>, first: number, last: number, size: 1 | 3 | 12): Array<Bucket & { start: number }> {
  const start = first - (first % size);
  const out: Array<Bucket & { start: number }> = [];
  for (let s = start; s <= last; s += size) {
    const year = Math.floor(s / 12);
    const month = s % 12;
    const label = size === 1 ? MONTHS[month] : size === 3 ? `Q${month / 3 + 1} ${String(year % 100).padStart(2, '0')}` : String(year);
    let total = 0;
    for (let m = s; m < s + size; m++) total += counts.get(m) ?? 0;
    out.push({ label, total, start: s });
  }
  return out;
}

function span(first: number, last: number): string {
  const name = (m: number) => `${MONTHS[m % 12]} ${Math.floor(m / 12)}`;
  return first === last ? name(first) : `${name(first)} – ${name(last)}`;
}

export function incidentsChart(metrics: AuditMetrics): string[] {
  const dated = metrics.incidentsPerMonth.filter((m) => /^\d{4}-\d{2}$/.test(m.month) && m.total > 0);
  const notes: string[] = [];
  if (metrics.undated > 0) notes.push(`${plural(metrics.undated, 'postmortem')} without an incident date ${metrics.undated === 1 ? 'is' : 'are'} not charted.`);
  if (dated.length === 0) return notes;

  const counts = new Map(dated.map((m) => [monthIndex(m.month), m.total]));
  const first = Math.min(...counts.keys());
  const last = Math.max(...counts.keys());
  const months = last - first + 1;
  const size = months <= MAX_BARS ? 1 : months <= MAX_BARS * 3 ? 3 : 12;
  let bars = buckets(counts, first, last, size);
  if (bars.length > MAX_BARS) {
    bars = bars.slice(-MAX_BARS);
    const shown = bars.reduce((n, b) => n + b.total, 0);
    const total = dated.reduce((n, m) => n + m.total, 0);
    notes.unshift(`${plural(total - shown, 'incident')} before ${bars[0].label} ${total - shown === 1 ? 'is' : 'are'} not shown (the chart covers the last ${MAX_BARS} years).`);
  }
  const per = size === 1 ? 'month' : size === 3 ? 'quarter' : 'year';
  const shownFirst = Math.max(first, bars[0].start);
  const top = Math.max(10, ...bars.map((b) => b.total));
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Incidents per ${per}, ${span(shownFirst, last)}"`,
    `  x-axis [${bars.map((b) => `"${b.label}"`).join(', ')}]`,
    `  y-axis "Incidents" 0 --> ${top}`,
    `  bar [${bars.map((b) => b.total).join(', ')}]`,
    '```',
    ...(notes.length > 0 ? ['', ...notes] : []),
  ];
}
