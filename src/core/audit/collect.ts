/**
 * The audit, file by file: each compact result gets its follow-up status,
 * goes to the sink (the streamed JSON report) and into the small in-memory
 * digests the summary, the dashboard and the metrics need. Nothing else of
 * a file is kept, so 10,000 postmortems audit in flat memory.
 */
import { inOrder, type CompactFile, type Placed } from '../compact-file.js';
import { MetricsAccumulator, resolveMinutes } from './metrics.js';
import { auditFile, followUpsOf, type IssueIndex } from './status.js';
import type { AuditFile, AuditSection, FollowUp, TrackingIssue } from './types.js';
import type { Shard } from './shard.js';
import { byPath, type JsonReport, type ReportFile } from '../report.js';

/** One postmortem, as the summary and the dashboard list it. */
export interface PostmortemRow {
  path: string;
  title: string | null;
  date: string | null;
  severity: string | null;
  minutes: number | null;
  errors: number;
  warnings: number;
  items: number;
  /** Items closed or done in the document. */
  done: number;
  /** Its tracking issue, with GitHub's count of closed sub-issues (config `issues.parent`). */
  tracking?: TrackingIssue | null;
}

export interface AuditOutcome {
  summary: JsonReport['summary'];
  audit: AuditSection;
  rows: PostmortemRow[];
  /** Files with findings (path and findings only), for the text and SARIF formats; empty when not kept (see AuditStreamOptions). */
  findings: Array<Pick<ReportFile, 'path' | 'findings'>>;
}

export class AuditCollector {
  private readonly metrics = new MetricsAccumulator();
  private readonly rows: PostmortemRow[] = [];
  private readonly followUps: FollowUp[] = [];
  private readonly findings: AuditOutcome['findings'] = [];
  private readonly summary = { files: 0, errors: 0, warnings: 0, actionItems: 0 };

  /** `keepFindings`: false when nothing reads the outcome's findings (the JSON report has streamed them): flat memory over many files. */
  constructor(private readonly keepFindings = true) {}

  /** Add a file that already has its follow-up status (a merged report's file, say). */
  add(file: AuditFile): void {
    this.metrics.add(file);
    let errors = 0;
    for (const f of file.findings) if (f.severity === 'error') errors++;
    const warnings = file.findings.length - errors;
    this.summary.files++;
    this.summary.errors += errors;
    this.summary.warnings += warnings;
    this.summary.actionItems += file.actionItems.length;
    const items = followUpsOf(file);
    this.followUps.push(...items);
    this.rows.push({
      path: file.path,
      title: file.title,
      date: file.incident.date ?? (/^\d{4}-\d{2}-\d{2}/.exec(file.incident.start ?? '')?.[0] ?? null),
      severity: file.severity,
      minutes: resolveMinutes(file),
      errors,
      warnings,
      items: items.length,
      done: items.filter((i) => i.status === 'closed' || i.status === 'done-in-doc').length,
      ...(file.tracking ? { tracking: file.tracking } : {}),
    });
    if (this.keepFindings && file.findings.length > 0) this.findings.push({ path: file.path, findings: file.findings });
  }

  finish(meta: { generatedAt: string; repository: string | null; online: boolean; shard?: Shard }): AuditOutcome {
    this.rows.sort(byPath);
    this.findings.sort(byPath);
    this.followUps.sort((a, b) => byPath(a, b) || a.line - b.line || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return {
      summary: { ...this.summary },
      audit: {
        generatedAt: meta.generatedAt,
        repository: meta.repository,
        online: meta.online,
        ...(meta.shard ? { shard: { index: meta.shard.index, count: meta.shard.count } } : {}),
        followUps: this.followUps,
        metrics: this.metrics.result(),
      },
      rows: this.rows,
      findings: this.findings,
    };
  }
}

export interface AuditStreamOptions {
  index: IssueIndex;
  now: Date;
  repository: string | null;
  shard?: Shard;
  /** Each audited file and its index in the list (the JSON report's writer puts them in order). */
  sink?: (file: AuditFile, index: number) => void;
  /** Before a file is matched to its issues: list the repositories its items name (see src/audit/github.ts). */
  before?: (compact: CompactFile) => Promise<void>;
  /** Whether the outcome lists the files' findings (default true; the text and SARIF formats need them). */
  keepFindings?: boolean;
}

/**
 * Audit a stream of compact results (from src/io/pool.ts `checkAsReady`), in
 * whatever order they come: the collector's digests do not depend on it, and
 * the sink gets each file's index. With `before`, in path order: what it adds
 * to the index (a repository's issues) holds for the files after it, and so
 * must be the same on every run.
 */
export async function auditStream(results: AsyncIterable<Placed>, options: AuditStreamOptions): Promise<AuditOutcome> {
  const collector = new AuditCollector(options.keepFindings ?? true);
  for await (const { index, compact } of options.before ? inOrder(results) : results) {
    await options.before?.(compact);
    const file = auditFile(compact, options.index, options.now);
    options.sink?.(file, index);
    collector.add(file);
  }
  return collector.finish({ generatedAt: options.now.toISOString(), repository: options.repository, online: options.index.online, shard: options.shard });
}
