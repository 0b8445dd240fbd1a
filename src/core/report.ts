/**
 * The JSON report (CLI `--format json`, the action's `report` output). Field
 * names are a public contract: add fields, never rename or remove them, and
 * bump `version` only for a breaking change.
 */
import type { FileResult, Finding } from './types.js';

/** The version of the CLI's JSON outputs (the report, and sync's `--format json`). */
export const REPORT_VERSION = 1;

export interface ReportFile {
  path: string;
  title: string | null;
  incident: {
    start: string | null;
    end: string | null;
    durationMinutes: number | null;
    timezone: string | null;
    date: string | null;
  };
  sections: Array<{ key: string | null; keys: string[]; heading: string; line: number; level: number }>;
  timeline: Array<{ line: number; text: string; time: string | null; invalid?: string }>;
  actionItems: Array<{
    id: string;
    kind: string;
    title: string;
    line: number;
    owner: string | null;
    due: string | null;
    priority: string | null;
    done: boolean;
    issue: string | null;
    /** The repository the item names for its issue, as written (only when it names one). */
    repo?: string;
  }>;
  findings: Array<Pick<Finding, 'rule' | 'severity' | 'line' | 'column' | 'message'> & Partial<Pick<Finding, 'endLine' | 'endColumn' | 'related'>>>;
}

export interface JsonReport {
  version: number;
  files: ReportFile[];
  summary: { files: number; errors: number; warnings: number; actionItems: number };
}

export function fileReport(result: FileResult): ReportFile {
  const m = result.model;
  const start = m?.incident.start;
  const end = m?.incident.end;
  const computed =
    start?.epoch !== undefined && end?.epoch !== undefined ? Math.round((end.epoch - start.epoch) / 60_000) : null;
  return {
    path: result.path,
    title: m?.title ?? null,
    incident: {
      start: start?.time ?? null,
      end: end?.time ?? null,
      durationMinutes: m?.incident.duration?.minutes ?? computed,
      timezone: m?.incident.timezone?.zone ?? null,
      date: m?.incident.date ?? null,
    },
    sections: (m?.sections ?? []).map((s) => ({ key: s.keys[0] ?? null, keys: s.keys, heading: s.heading, line: s.line, level: s.level })),
    timeline: (m?.timeline ?? []).map((t) => ({ line: t.line, text: t.text, time: t.time, ...(t.invalid ? { invalid: t.invalid } : {}) })),
    actionItems: (m?.actionItems ?? []).map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      line: a.line,
      owner: a.owner,
      due: a.due,
      priority: a.priority,
      done: a.done,
      issue: a.issue,
      ...(a.repo ? { repo: a.repo } : {}),
    })),
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      line: f.line,
      column: f.column,
      message: f.message,
      ...(f.endLine !== undefined ? { endLine: f.endLine, endColumn: f.endColumn } : {}),
      ...(f.related ? { related: f.related } : {}),
    })),
  };
}

export function summarize(files: ReportFile[]): JsonReport['summary'] {
  let errors = 0;
  let warnings = 0;
  let actionItems = 0;
  for (const f of files) {
    for (const x of f.findings) x.severity === 'error' ? errors++ : warnings++;
    actionItems += f.actionItems.length;
  }
  return { files: files.length, errors, warnings, actionItems };
}

/** Paths in code-unit order: the order of every report, on every machine. */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * The one assembly of the JSON report: the files in path order and their
 * summary. `summary` is given where it was counted while the files streamed
 * past (the audit keeps only the files with findings).
 */
export function assembleReport(files: ReportFile[], summary: JsonReport['summary'] = summarize(files)): JsonReport {
  return { version: REPORT_VERSION, files: [...files].sort(byPath), summary };
}

/** The report of results checked in this thread. */
export function buildReport(results: FileResult[]): JsonReport {
  return assembleReport(results.map(fileReport));
}
