/**
 * The `postmortem` command line: `postmortem check|sync|audit [paths…]
 * [--format text|json|sarif] [--config FILE]`. Exit codes: 0 clean, 1 findings
 * at error severity, 2 usage or configuration error.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../core/config/settle.js';
import type { JsonReport } from '../core/report.js';
import { collectFiles } from '../io/files.js';
import { loadConfig } from '../io/config.js';
import { formatJson } from '../reporters/json.js';
import { formatSarif } from '../reporters/sarif.js';
import { repositoryRoot } from '../io/repository.js';
import { formatText } from '../reporters/text.js';
import { parseShard } from '../core/audit/shard.js';
import { prestartWorker, progressBar, type RunStats } from '../io/pool.js';
import { checkSet } from '../io/check-set.js';
import { VERSION } from '../version.js';
import { errorMessage } from '../core/strings.js';
import { isOwnerAndName } from '../core/logins.js';

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  /** Whether stderr is a terminal (the progress bar of long runs). */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  now?: Date;
}

export const USAGE = `Usage: postmortem <command> [paths or globs…] [options]

Commands:
  check   Check postmortems: required sections, timeline, action items
  sync    Open one GitHub issue per action item (needs GITHUB_TOKEN)
  audit   Report compliance, follow-up status and incident metrics
  merge   Merge JSON reports (of audit shards) into one: postmortem merge a.json b.json…
  init    Write a starter .github/postmortem.yml and workflow (postmortem init --help)
  new     Write a new postmortem from the template: postmortem new "Title" (postmortem new --help)

Options:
  --format text|json|sarif   Output format (default: text)
  --config FILE              Config file (default: .github/postmortem.yml)
  --color / --no-color       Force colour on or off (default: on for a TTY)
  --cache                    Check and audit: reuse the results of unchanged files (content hash)
  --cache-location FILE      Where the cache lives (default .postmortemcache; implies --cache)

Options of audit (follow-up status from GITHUB_TOKEN or GH_TOKEN; offline without):
  --repo OWNER/NAME          Repository whose issues give the follow-up status
  --shard I/N                Audit only shard I of N (by path hash); merge the JSON reports after
  --format markdown          Also for audit and merge: the Markdown report with Mermaid charts

Options of sync (token from GITHUB_TOKEN or GH_TOKEN):
  --repo OWNER/NAME          Repository whose issues to sync (required)
  --dry-run                  Print the plan (create, update, close, comment); write nothing
  --max-issues N             Most issues to create in this run (default 50)
  --ref BRANCH               Branch whose head commit the permalinks point at (default: the default branch)
  -h, --help                 Show this help
  -v, --version              Show the version

Without paths, the config's \`paths\` globs are used.
Exit codes: 0 clean, 1 findings at error severity, 2 usage or config error.
`;

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export function render(report: JsonReport, format: Format, color: boolean, cwd?: string): string {
  if (format === 'json') return formatJson(report);
  if (format === 'sarif') return formatSarif(report, VERSION, cwd === undefined ? undefined : { cwd, root: repositoryRoot(cwd) ?? cwd });
  return formatText(report, { color });
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  // init and new write files and parse their own options (src/cli/init.ts, src/cli/new.ts).
  if (argv[0] === 'init') return (await import('./init.js')).initCommand(argv.slice(1), io);
  if (argv[0] === 'new') return (await import('./new.js')).newCommand(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        repo: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'max-issues': { type: 'string' },
        ref: { type: 'string' },
        shard: { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr(`postmortem: ${errorMessage(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (values.help || positionals.length === 0) {
    (values.help ? io.stdout : io.stderr)(USAGE);
    return values.help ? 0 : 2;
  }
  const [command, ...paths] = positionals;
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    io.stderr(`postmortem: unknown --format "${values.format}", expected one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  if (!['check', 'sync', 'audit', 'merge'].includes(command)) {
    io.stderr(`postmortem: unknown command "${command}", expected check, sync, audit or merge\n\n${USAGE}`);
    return 2;
  }
  // The cache (with zlib and crypto) loads only when asked for: `check` of one file starts without it.
  const caching = values.cache === true || values['cache-location'] !== undefined ? await import('../io/cache.js') : null;
  const cacheLocation = values['cache-location'] ?? (caching ? caching.DEFAULT_CACHE_LOCATION : undefined);
  if (cacheLocation !== undefined && command !== 'check' && command !== 'audit') {
    io.stderr('postmortem: --cache is for check and audit\n');
    return 2;
  }
  // A re-run over a cache of many files: a worker starts loading the engine now, while the config is read.
  if (caching && cacheLocation !== undefined) await prestartWorker(await caching.cachedFileCount(cacheLocation, io.cwd));
  if (format === 'markdown' && command !== 'audit' && command !== 'merge') {
    io.stderr('postmortem: --format markdown is for audit and merge\n');
    return 2;
  }
  const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR;
  // sync, audit and merge load their modules (Octokit among them) only when used: `check` starts faster.
  if (command === 'merge') return (await import('./audit.js')).mergeCommand(paths, format, color, io);

  let config;
  try {
    config = await loadConfig(io.cwd, values.config);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`postmortem: config error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  if (command === 'audit') {
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    if (typeof shard === 'string') {
      io.stderr(`postmortem: ${shard}\n`);
      return 2;
    }
    return (await import('./audit.js')).auditCommand({ paths, format, color, repo: values.repo, shard, cacheLocation }, config, io);
  }
  let syncOptions: import('./sync.js').SyncCliOptions | null = null;
  if (command === 'sync') {
    const repo = values.repo ?? '';
    if (!isOwnerAndName(repo)) {
      io.stderr(`postmortem: sync needs --repo OWNER/NAME${values.repo ? ` (got "${values.repo}")` : ''}\n`);
      return 2;
    }
    const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || '';
    if (!token) {
      io.stderr('postmortem: sync needs a token in GITHUB_TOKEN (or GH_TOKEN) that can write issues\n');
      return 2;
    }
    const max = values['max-issues'] === undefined ? 50 : Number(values['max-issues']);
    if (!Number.isInteger(max) || max < 0) {
      io.stderr(`postmortem: unexpected --max-issues "${values['max-issues']}", expected a whole number of 0 or more\n`);
      return 2;
    }
    syncOptions = { repo, token, max, dryRun: values['dry-run'] === true, ref: values.ref };
  }

  const collected = await collectFiles(paths.length > 0 ? paths : config.paths, { cwd: io.cwd, exclude: config.exclude });
  for (const p of collected.problems) io.stderr(`postmortem: ${p.path}: ${p.message}\n`);
  if (collected.files.length === 0 && collected.problems.length > 0) return 2;
  if (syncOptions) {
    const { results } = await checkSet(collected.files, { cwd: io.cwd, config, now: io.now ?? new Date(), models: true });
    return (await import('./sync.js')).syncCommand(syncOptions, results, config, format === 'json' ? 'json' : 'text', io);
  }
  // check: the same worker pool as audit (all cores above 200 files), compact results only.
  const now = io.now ?? new Date();
  const cache = cacheLocation === undefined || !caching ? undefined : await caching.openCache(cacheLocation, config, io.cwd, now, (m) => io.stderr(`postmortem: ${m}\n`));
  const stats: RunStats = { parsed: 0, cached: 0, threads: 0 };
  const bar = progressBar(io.stderr, io.stderrIsTTY === true && collected.files.length > 200, 'checking');
  const { report } = await checkSet(collected.files, { cwd: io.cwd, config, now, onProgress: bar.update, cache, stats });
  bar.end();
  if (cache) {
    await cache.save(io.cwd);
    io.stderr(`postmortem: ${caching!.cacheLine(stats, cache.location, io.cwd)}\n`);
  }
  io.stdout(render(report, format === 'markdown' ? 'text' : format, color, io.cwd));
  return report.summary.errors > 0 ? 1 : 0;
}
