import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  AuditCollector,
  OFFLINE,
  ReportWriter,
  auditMarkdown,
  auditStream,
  auditText,
  listFollowUps
} from "./chunk-EF7HZTOK.js";
import {
  VERSION,
  formatSarif,
  formatText,
  inShard
} from "./chunk-2WQVSNFE.js";
import {
  checkStream,
  plannedThreads,
  progressBar
} from "./chunk-ACAUIUYN.js";
import {
  collectFiles
} from "./chunk-7ZKNTLTX.js";
import {
  GitHubGateway,
  createOctokit,
  tuningFromEnv
} from "./chunk-HUI3K7VL.js";
import "./chunk-ACLCLXQY.js";

// src/audit/cli.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

// src/audit/merge.ts
var MergeError = class extends Error {
};
function asAudited(file) {
  return {
    ...file,
    severity: file.severity ?? null,
    actionItems: file.actionItems.map((a) => {
      const x = a;
      return { ...a, status: x.status ?? (a.done ? "done-in-doc" : "unknown"), followUp: x.followUp ?? null, ageDays: x.ageDays ?? null };
    })
  };
}
function mergeReports(inputs) {
  const byPath = /* @__PURE__ */ new Map();
  let generatedAt = "";
  let repository = null;
  let online = inputs.length > 0;
  for (const { name, report } of inputs) {
    const r = report;
    if (!r || typeof r !== "object" || r.version !== 1 || !Array.isArray(r.files)) {
      throw new MergeError(`${name}: unexpected content, expected a JSON report of version 1 (postmortem check|audit --format json)`);
    }
    for (const file of r.files) {
      if (!file || typeof file.path !== "string" || !Array.isArray(file.findings) || !Array.isArray(file.actionItems)) {
        throw new MergeError(`${name}: unexpected file entry, expected { path, findings, actionItems, \u2026 }`);
      }
      byPath.set(file.path, asAudited(file));
    }
    if (typeof r.audit?.generatedAt === "string" && r.audit.generatedAt > generatedAt) generatedAt = r.audit.generatedAt;
    if (typeof r.audit?.repository === "string") repository ??= r.audit.repository;
    online &&= r.audit?.online === true;
  }
  const files = [...byPath.values()].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const collector = new AuditCollector();
  for (const f of files) collector.add(f);
  return { files, outcome: collector.finish({ generatedAt: generatedAt || (/* @__PURE__ */ new Date(0)).toISOString(), repository, online }) };
}

// src/audit/cli.ts
function trimSlashes(url) {
  let end = url.length;
  while (end > 0 && url[end - 1] === "/") end--;
  return url.slice(0, end);
}
var REPO = /^[\w.-]{1,100}\/[\w.-]{1,100}$/;
function slimReport(outcome) {
  return { version: 1, files: outcome.findings, summary: outcome.summary };
}
function renderOutcome(outcome, format, color, config, link) {
  if (format === "sarif") return formatSarif(slimReport(outcome), VERSION);
  if (format === "markdown") return auditMarkdown(outcome, { link, mentions: config.mentions, dashboard: false, limit: 1e6 });
  return formatText(slimReport(outcome), { color }) + auditText(outcome);
}
async function auditCommand(args, config, io) {
  const started = Date.now();
  const now = io.now ?? /* @__PURE__ */ new Date();
  if (args.repo !== void 0 && !REPO.test(args.repo)) {
    io.stderr(`postmortem: unexpected --repo "${args.repo}", expected OWNER/NAME
`);
    return 2;
  }
  const collected = await collectFiles(args.paths.length > 0 ? args.paths : config.paths, { cwd: io.cwd, exclude: config.exclude });
  for (const p of collected.problems) io.stderr(`postmortem: ${p.path}: ${p.message}
`);
  if (collected.files.length === 0 && collected.problems.length > 0) return 2;
  const files = args.shard ? collected.files.filter((f) => inShard(f, args.shard)) : collected.files;
  let index = OFFLINE;
  let link = null;
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || "";
  if (args.repo && token) {
    const [owner, repo] = args.repo.split("/");
    const log = { info: (m) => io.stderr(`${m}
`), warning: (m) => io.stderr(`warning: ${m}
`) };
    const octokit = createOctokit(token, { baseUrl: io.env.GITHUB_API_URL || "https://api.github.com", log, ...tuningFromEnv(io.env) });
    const gateway = new GitHubGateway(octokit, { owner, repo }, { dryRun: true, log });
    index = (await listFollowUps(gateway)).index;
    if (args.format === "markdown") link = { serverUrl: trimSlashes(io.env.GITHUB_SERVER_URL || "https://github.com"), owner, repo, sha: await gateway.headSha() };
  } else if (args.repo) {
    io.stderr("postmortem: no GITHUB_TOKEN or GH_TOKEN: auditing offline (follow-up status unknown)\n");
  }
  const threads = plannedThreads(files.length, {});
  const bar = progressBar(io.stderr, io.stderrIsTTY === true && files.length > 200, "auditing");
  const writer = args.format === "json" ? new ReportWriter(io.stdout) : null;
  const outcome = await auditStream(checkStream(files, { cwd: io.cwd, config, now, onProgress: bar.update }), {
    index,
    now,
    repository: index.online ? args.repo : null,
    shard: args.shard,
    sink: writer ? (f) => writer.file(f) : void 0
  });
  bar.end();
  if (writer) writer.end({ summary: outcome.summary, audit: outcome.audit });
  else io.stdout(renderOutcome(outcome, args.format, args.color, config.audit, link));
  const rss = process.resourceUsage().maxRSS / 1024;
  io.stderr(`postmortem audit: ${files.length} file${files.length === 1 ? "" : "s"}${args.shard ? ` (shard ${args.shard.index}/${args.shard.count} of ${collected.files.length})` : ""} in ${((Date.now() - started) / 1e3).toFixed(1)} s on ${threads || 1} thread${threads > 1 ? "s" : ""}; peak RSS ${rss.toFixed(0)} MiB
`);
  return outcome.summary.errors > 0 ? 1 : 0;
}
async function mergeCommand(reports, format, color, io) {
  if (reports.length === 0) {
    io.stderr("postmortem: merge needs one or more JSON reports: postmortem merge a.json b.json \u2026\n");
    return 2;
  }
  const inputs = [];
  for (const name of reports) {
    try {
      inputs.push({ name, report: JSON.parse(await readFile(resolve(io.cwd, name), "utf8")) });
    } catch (error) {
      io.stderr(`postmortem: ${name}: ${error.code ? `cannot be read (${error.code})` : "is not valid JSON"}, expected a JSON report
`);
      return 2;
    }
  }
  let merged;
  try {
    merged = mergeReports(inputs);
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    io.stderr(`postmortem: ${error.message}
`);
    return 2;
  }
  const { files, outcome } = merged;
  if (format === "json") {
    const writer = new ReportWriter(io.stdout);
    for (const f of files) writer.file(f);
    writer.end({ summary: outcome.summary, audit: outcome.audit });
  } else io.stdout(renderOutcome(outcome, format, color, { mentions: false }, null));
  return outcome.summary.errors > 0 ? 1 : 0;
}
export {
  auditCommand,
  mergeCommand
};
