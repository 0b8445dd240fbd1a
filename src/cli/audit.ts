/**
 * `postmortem audit` and `postmortem merge` for the CLI (src/cli/main.ts
 * parses the arguments). Audit is read-only: it lists issues (with a token
 * and --repo) but never writes; the dashboard and reminders are the action's.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { inShard, type Shard } from '../core/audit/shard.js';
import { OFFLINE, type IssueIndex } from '../core/audit/status.js';
import type { ResolvedConfig } from '../core/config/resolve.js';
import { assembleReport, type JsonReport, type ReportFile } from '../core/report.js';
import { collectFiles } from '../io/files.js';
import { checkAsReady, endEarlyWorker, progressBar, startWorkerEarly, type RunStats } from '../io/pool.js';
import { cacheLine, openCache } from '../io/cache.js';
import { formatSarif } from '../reporters/sarif.js';
import { repositoryRoot } from '../io/repository.js';
import { formatText } from '../reporters/text.js';
import type { LinkBase } from '../render/links.js';
import { VERSION } from '../version.js';
import { auditStream, type AuditOutcome } from '../core/audit/collect.js';
import type { CompactFile } from '../core/compact-file.js';
import { ReportWriter } from '../reporters/json-writer.js';
import { mergeReports, MergeError } from '../core/audit/merge.js';
import { auditMarkdown, auditText } from '../render/audit.js';
import { isOwnerAndName } from '../core/logins.js';
import { plural, trimTrailingSlashes } from '../core/strings.js';

export type AuditFormat = 'text' | 'json' | 'sarif' | 'markdown';

export interface AuditIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  now?: Date;
}

export interface AuditArgs {
  paths: string[];
  format: AuditFormat;
  color: boolean;
  repo?: string;
  shard?: Shard;
  /** The content cache's file (--cache, --cache-location); none when unset. */
  cacheLocation?: string;
}


function slimReport(outcome: AuditOutcome): JsonReport {
  return assembleReport(outcome.findings as ReportFile[], outcome.summary);
}

function renderOutcome(outcome: AuditOutcome, format: AuditFormat, color: boolean, config: { mentions: boolean }, link: LinkBase | null, cwd?: string): string {
  if (format === 'sarif') return formatSarif(slimReport(outcome), VERSION, cwd === undefined ? undefined : { cwd, root: repositoryRoot(cwd) ?? cwd });
  if (format === 'markdown') return auditMarkdown(outcome, { link, mentions: config.mentions, dashboard: false, limit: 1_000_000 });
  return formatText(slimReport(outcome), { color }) + auditText(outcome);
}

export async function auditCommand(args: AuditArgs, config: ResolvedConfig, io: AuditIO): Promise<number> {
  const started = Date.now();
  const now = io.now ?? new Date();
  if (args.repo !== undefined && !isOwnerAndName(args.repo)) {
    io.stderr(`postmortem: unexpected --repo "${args.repo}", expected OWNER/NAME\n`);
    return 2;
  }
  const cache = args.cacheLocation === undefined ? undefined : await openCache(args.cacheLocation, config, io.cwd, now, (m) => io.stderr(`postmortem: ${m}\n`));
  const early = { cwd: io.cwd, config, now, hash: cache !== undefined };
  // A cache of many files: a re-audit of about as many, whose worker loads the engine while they are listed too.
  if (cache) await startWorkerEarly(cache.size, early);
  const collected = await collectFiles(args.paths.length > 0 ? args.paths : config.paths, { cwd: io.cwd, exclude: config.exclude });
  for (const p of collected.problems) io.stderr(`postmortem: ${p.path}: ${p.message}\n`);
  if (collected.files.length === 0 && collected.problems.length > 0) {
    endEarlyWorker();
    return 2;
  }
  const files = args.shard ? collected.files.filter((f) => inShard(f, args.shard!)) : collected.files;
  // Many files: a worker loads the engine while the files are read and hashed and the issues listed.
  await startWorkerEarly(files.length, early);

  let index: IssueIndex = OFFLINE;
  let include: ((file: CompactFile) => Promise<void>) | undefined;
  let link: LinkBase | null = null;
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || '';
  if (args.repo && token) {
    // Octokit and the gateway (~640 KiB of bundle) load only for an online audit: an offline one never compiles them.
    const [{ createGateway }, { listFollowUps }] = await Promise.all([import('../github/connect.js'), import('../audit/github.js')]);
    const [owner, repo] = args.repo.split('/');
    const log = { info: (m: string) => io.stderr(`${m}\n`), warning: (m: string) => io.stderr(`warning: ${m}\n`) };
    // The audit only reads: dry-run keeps it from writing anything from a laptop.
    const gateway = createGateway({ token, repo: { owner, repo }, dryRun: true, log, env: io.env });
    const listing = await listFollowUps(gateway, config, collected.files);
    index = listing.index;
    include = listing.include;
    if (args.format === 'markdown') link = { serverUrl: trimTrailingSlashes(io.env.GITHUB_SERVER_URL || 'https://github.com'), owner, repo, sha: await gateway.headSha() };
  } else if (args.repo) {
    io.stderr('postmortem: no GITHUB_TOKEN or GH_TOKEN: auditing offline (follow-up status unknown)\n');
  }

  const stats: RunStats = { parsed: 0, cached: 0, threads: 0 };
  const bar = progressBar(io.stderr, io.stderrIsTTY === true && files.length > 200, 'auditing');
  const writer = args.format === 'json' ? new ReportWriter(io.stdout) : null;
  const outcome = await auditStream(checkAsReady(files, { cwd: io.cwd, config, now, onProgress: bar.update, cache, stats }), {
    index,
    now,
    repository: index.online ? args.repo! : null,
    shard: args.shard,
    sink: writer ? (f, index) => writer.fileAt(index, f) : undefined,
    before: include,
    keepFindings: args.format === 'text' || args.format === 'sarif',
  });
  bar.end();
  await cache?.save(io.cwd);
  if (writer) writer.end({ summary: outcome.summary, audit: outcome.audit });
  else io.stdout(renderOutcome(outcome, args.format, args.color, config.audit, link, io.cwd));
  const rss = process.resourceUsage().maxRSS / 1024;
  const threads = stats.threads;
  io.stderr(`postmortem audit: ${plural(files.length, 'file')}${args.shard ? ` (shard ${args.shard.index}/${args.shard.count} of ${collected.files.length})` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s on ${threads || 1} thread${threads > 1 ? 's' : ''}; peak RSS ${rss.toFixed(0)} MiB\n`);
  if (cache) io.stderr(`postmortem: ${cacheLine(stats, cache.location, io.cwd)}\n`);
  return outcome.summary.errors > 0 ? 1 : 0;
}

export async function mergeCommand(reports: string[], format: AuditFormat, color: boolean, io: AuditIO): Promise<number> {
  if (reports.length === 0) {
    io.stderr('postmortem: merge needs one or more JSON reports: postmortem merge a.json b.json …\n');
    return 2;
  }
  const inputs: Array<{ name: string; report: unknown }> = [];
  for (const name of reports) {
    try {
      inputs.push({ name, report: JSON.parse(await readFile(resolve(io.cwd, name), 'utf8')) });
    } catch (error) {
      io.stderr(`postmortem: ${name}: ${(error as NodeJS.ErrnoException).code ? `cannot be read (${(error as NodeJS.ErrnoException).code})` : 'is not valid JSON'}, expected a JSON report\n`);
      return 2;
    }
  }
  let merged;
  try {
    merged = mergeReports(inputs);
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    io.stderr(`postmortem: ${error.message}\n`);
    return 2;
  }
  const { files, outcome } = merged;
  if (format === 'json') {
    const writer = new ReportWriter(io.stdout);
    for (const f of files) writer.file(f);
    writer.end({ summary: outcome.summary, audit: outcome.audit });
  } else io.stdout(renderOutcome(outcome, format, color, { mentions: false }, null));
  return outcome.summary.errors > 0 ? 1 : 0;
}
