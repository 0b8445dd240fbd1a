/**
 * Every Mermaid diagram the product writes is checked with Mermaid's own parser
 * (mermaid 11, under a linkedom DOM: DOMPurify needs a window): the job summary's
 * timeline of each corpus postmortem, the audit's charts, and incidents charts over
 * spans from one month to twenty years. The incidents chart is also read the way a
 * person sees it at Mermaid's default size: labels that fit side by side, y ticks that
 * are whole numbers (Mermaid ticks its y axis with d3's scaleLinear().ticks()), and
 * every dated incident either drawn or counted in a note.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditMetrics } from '../../src/core/audit/types.js';
import type { ReportFile } from '../../src/core/report.js';
import { incidentsChart, MAX_BARS } from '../../src/render/incidents-chart.js';
import { timelineDiagram } from '../../src/render/markdown.js';
import { ROOT } from '../support/run-action.js';

type Mermaid = { parse(text: string): Promise<{ diagramType: string }>; mermaidAPI: { getConfig(): { xyChart?: { width?: number; xAxis?: { labelFontSize?: number } } } } };
let mermaid: Mermaid;
let scaleLinear: (domain: [number, number]) => { ticks(): number[] };

beforeAll(async () => {
  const { window } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  Object.assign(globalThis, { window, document: window.document });
  mermaid = (await import('mermaid')).default as unknown as Mermaid;
  // d3 is what Mermaid's xychart draws its axes with (its own dependency).
  const d3 = (await import('d3' as string)) as { scaleLinear(): { domain(d: [number, number]): { ticks(): number[] } } };
  scaleLinear = (domain) => d3.scaleLinear().domain(domain);
});

const blocks = (markdown: string) => [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

function cli(args: string[]): string {
  return spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
}

function metrics(months: Record<string, number>, undated = 0): AuditMetrics {
  return { incidentsPerMonth: Object.entries(months).map(([month, total]) => ({ month, total, bySeverity: {} })), undated } as unknown as AuditMetrics;
}

/** Incidents per month from `start` ("YYYY-MM") for `n` months, `each` in every month. */
function spanOf(start: string, n: number, each = 1): Record<string, number> {
  const out: Record<string, number> = {};
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5));
  for (let i = 0; i < n; i++) {
    out[`${y}-${String(m).padStart(2, '0')}`] = each;
    if (++m > 12) (m = 1), y++;
  }
  return out;
}

interface Chart { labels: string[]; values: number[]; top: number; notes: string[] }
function readChart(lines: string[]): Chart {
  const text = lines.join('\n');
  return {
    labels: JSON.parse(/x-axis (\[.*\])/.exec(text)![1]),
    values: JSON.parse(/ bar (\[.*\])/.exec(text)![1]),
    top: Number(/y-axis "Incidents" 0 --> (\d+)/.exec(text)![1]),
    notes: text.split('```').pop()!.trim().split('\n').filter(Boolean),
  };
}

describe('Mermaid\'s parser accepts every diagram', () => {
  it('the timeline of each corpus and hostile postmortem (the PR check\'s job summary)', async () => {
    const report = JSON.parse(cli(['check', '__tests__/fixtures/corpus', '__tests__/fixtures/hostile', '__tests__/fixtures/templates', 'examples', '--format', 'json']));
    const diagrams = (report.files as ReportFile[]).flatMap((f) => blocks(timelineDiagram(f).join('\n')));
    expect(diagrams.length).toBeGreaterThan(40);
    for (const d of diagrams) await expect(mermaid.parse(d), d).resolves.toMatchObject({ diagramType: 'timeline' });
  });

  it('the audit\'s incidents chart and follow-up pie over the corpus', async () => {
    const diagrams = blocks(cli(['audit', '__tests__/fixtures/corpus', '--format', 'markdown']));
    expect(diagrams.map((d) => d.split('\n')[0])).toEqual(['xychart-beta', 'pie title Follow-ups']);
    for (const d of diagrams) await expect(mermaid.parse(d), d).resolves.toBeDefined();
  });

  it('incidents charts over one month to twenty years', async () => {
    for (const months of [1, 2, 12, 13, 36, 37, 144, 240]) {
      const [d] = blocks(incidentsChart(metrics(spanOf('2019-11', months))).join('\n'));
      await expect(mermaid.parse(d), d).resolves.toMatchObject({ diagramType: 'xychart' });
    }
  });

  it('a broken diagram is refused (the check is live)', async () => {
    await expect(mermaid.parse('xychart-beta\n  x-axis ["a" "b"]\n  bar [1, 2]\n')).rejects.toThrow();
  });
});

describe('the incidents chart', () => {
  it('covers the corpus\'s 63 dated incidents (2015–2026) by year, and counts the 7 undated ones', () => {
    const text = cli(['audit', '__tests__/fixtures/corpus', '--format', 'markdown']);
    const start = text.indexOf('```mermaid\nxychart-beta');
    const chart = readChart(text.slice(start).split('\n').slice(0, 9));
    expect(chart.labels).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
    expect(chart.values.reduce((a, b) => a + b, 0)).toBe(63);
    expect(text).toContain('7 postmortems without an incident date are not charted.');
  });

  it('chooses months, quarters or years by span, and never more than 12 bars', () => {
    const shape = (months: Record<string, number>) => {
      const c = readChart(incidentsChart(metrics(months)));
      return `${c.labels.length} ${c.labels[0]}…${c.labels.at(-1)}`;
    };
    expect(shape({ '2024-03': 2 })).toBe('1 Mar…Mar');
    expect(shape(spanOf('2024-03', 12))).toBe('12 Mar…Feb');
    expect(shape(spanOf('2024-03', 13))).toBe('5 Q1 24…Q1 25');
    expect(shape(spanOf('2022-01', 36))).toBe('12 Q1 22…Q4 24');
    expect(shape(spanOf('2022-01', 37))).toBe('4 2022…2025');
    expect(incidentsChart(metrics(spanOf('2024-03', 12)))[2]).toBe('  title "Incidents per month, Mar 2024 – Feb 2025"');
  });

  it('leaves out nothing silently: past 12 years a note counts the older incidents', () => {
    const twenty = spanOf('2005-01', 240);
    const c = readChart(incidentsChart(metrics(twenty, 3)));
    expect(c.labels).toEqual(['2013', '2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    expect(c.values.reduce((a, b) => a + b, 0)).toBe(144);
    expect(c.notes).toEqual([
      '96 incidents before 2013 are not shown (the chart covers the last 12 years).',
      '3 postmortems without an incident date are not charted.',
    ]);
    expect(incidentsChart(metrics({}, 1))).toEqual(['1 postmortem without an incident date is not charted.']);
  });

  it('has labels that fit side by side at Mermaid\'s default width, and whole-number y ticks', () => {
    const config = mermaid.mermaidAPI.getConfig().xyChart ?? {};
    const width = config.width ?? 700;
    const fontSize = config.xAxis?.labelFontSize ?? 14;
    for (const months of [1, 5, 12, 13, 30, 36, 37, 100, 400]) {
      for (const each of [1, 3, 7, 40]) {
        const c = readChart(incidentsChart(metrics(spanOf('2001-07', months, each))));
        expect(c.labels.length).toBeLessThanOrEqual(MAX_BARS);
        expect(new Set(c.labels).size).toBe(c.labels.length); // Mermaid merges equal labels into one band
        // Each label at 0.58 em a glyph plus a gap, side by side within the plot (the width less the y axis).
        // Drawn by headless Chromium at the defaults, "Q3 01" measured about 39 px: 0.56 em a glyph.
        const widest = Math.max(...c.labels.map((l) => l.length)) * 0.58 * fontSize + 6;
        expect(widest * c.labels.length, `${months} months: ${c.labels.join(' ')}`).toBeLessThanOrEqual(width - 120);
        const ticks = scaleLinear([0, c.top]).ticks();
        expect(ticks.every((t) => Number.isInteger(t)), `ticks of 0..${c.top}: ${ticks.join(' ')}`).toBe(true);
        expect(c.top).toBeGreaterThanOrEqual(Math.max(...c.values));
      }
    }
  });
});
