/**
 * `postmortem merge`: JSON reports of shards (or of separate runs) into one.
 * Files are combined by path (a path in two reports keeps the later one),
 * the summary is the sum over the merged files, and the metrics are
 * computed again from the merged per-file data. Pure.
 */
import type { AuditFile, AuditItem } from './types.js';
import { byPath as pathOrder, REPORT_VERSION, type JsonReport, type ReportFile } from '../report.js';
import { AuditCollector, type AuditOutcome } from './collect.js';

export class MergeError extends Error {}

interface InputReport {
  version?: unknown;
  files?: unknown;
  audit?: { generatedAt?: unknown; repository?: unknown; online?: unknown };
}

/** A check report's file (no audit fields) as an audited file whose follow-ups are unknown. */
function asAudited(file: ReportFile & Partial<Pick<AuditFile, 'severity'>>): AuditFile {
  return {
    ...file,
    severity: file.severity ?? null,
    actionItems: file.actionItems.map((a): AuditItem => {
      const x = a as Partial<AuditItem> & typeof a;
      return { ...a, status: x.status ?? (a.done ? 'done-in-doc' : 'unknown'), followUp: x.followUp ?? null, ageDays: x.ageDays ?? null };
    }),
  };
}

export function mergeReports(inputs: Array<{ name: string; report: unknown }>): { files: AuditFile[]; outcome: AuditOutcome } {
  const byPath = new Map<string, AuditFile>();
  let generatedAt = '';
  let repository: string | null = null;
  let online = inputs.length > 0;
  for (const { name, report } of inputs) {
    const r = report as InputReport;
    if (!r || typeof r !== 'object' || r.version !== REPORT_VERSION || !Array.isArray(r.files)) {
      throw new MergeError(`${name}: unexpected content, expected a JSON report of version ${REPORT_VERSION} (postmortem check|audit --format json)`);
    }
    for (const file of r.files as ReportFile[]) {
      if (!file || typeof file.path !== 'string' || !Array.isArray(file.findings) || !Array.isArray(file.actionItems)) {
        throw new MergeError(`${name}: unexpected file entry, expected { path, findings, actionItems, … }`);
      }
      byPath.set(file.path, asAudited(file));
    }
    if (typeof r.audit?.generatedAt === 'string' && r.audit.generatedAt > generatedAt) generatedAt = r.audit.generatedAt;
    if (typeof r.audit?.repository === 'string') repository ??= r.audit.repository;
    online &&= r.audit?.online === true;
  }
  const files = [...byPath.values()].sort(pathOrder);
  const collector = new AuditCollector();
  for (const f of files) collector.add(f);
  return { files, outcome: collector.finish({ generatedAt: generatedAt || new Date(0).toISOString(), repository, online }) };
}

export type MergedReport = JsonReport & { files: AuditFile[]; audit: AuditOutcome['audit'] };
