#!/usr/bin/env node
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  AuditCollector,
  ConfigError,
  GitHubGateway,
  OFFLINE,
  ReportWriter,
  auditMarkdown,
  auditStream,
  auditText,
  checkFiles,
  createOctokit,
  limitsFromEnv,
  listFollowUps,
  loadConfig,
  runSync,
  tuningFromEnv
} from "./chunks/chunk-BW2HCS7W.js";
import {
  REPORT_VERSION,
  RULES,
  checkStream,
  collectFiles,
  plannedThreads,
  progressBar,
  summarize
} from "./chunks/chunk-2B3RQV5T.js";

// src/cli/main.ts
import { parseArgs } from "node:util";

// src/reporters/json.ts
function formatJson(report) {
  return JSON.stringify(report, null, 2) + "\n";
}

// src/reporters/sarif.ts
var TOOL_NAME = "postmortem-governance";
var TOOL_URI = "https://github.com/postmortem-governance/postmortem-governance";
function help(rule) {
  const examples = [
    ...rule.examples.invalid.map((e) => `**Reported** (${e.title}):

\`\`\`markdown
${e.markdown.trimEnd()}
\`\`\``),
    ...rule.examples.valid.map((e) => `**Accepted** (${e.title}):

\`\`\`markdown
${e.markdown.trimEnd()}
\`\`\``)
  ];
  const text = `${rule.description} Default severity: ${rule.defaultSeverity}. Silence one place with <!-- postmortem-disable-next-line ${rule.id} -->.`;
  return { text, markdown: [`${rule.description}`, ...examples, `Silence one place with \`<!-- postmortem-disable-next-line ${rule.id} -->\`.`].join("\n\n") };
}
function fingerprint(text) {
  let h1 = 2166136261;
  let h2 = 16777619;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 1540483477) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}
function formatSarif(report, version) {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results = report.files.flatMap(
    (file) => file.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: index.get(f.rule) ?? 0,
      level: f.severity,
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file.path), uriBaseId: "%SRCROOT%" },
            region: {
              startLine: Math.max(1, f.line),
              startColumn: Math.max(1, f.column),
              ...f.endLine ? { endLine: f.endLine, endColumn: f.endColumn } : {}
            }
          }
        }
      ],
      ...f.related && f.related.length > 0 ? {
        relatedLocations: f.related.map((r, id) => ({
          id,
          message: { text: r.message },
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file.path), uriBaseId: "%SRCROOT%" },
            region: { startLine: Math.max(1, r.line), startColumn: Math.max(1, r.column) }
          }
        }))
      } : {},
      partialFingerprints: { "postmortemFinding/v1": fingerprint(`${f.rule}\0${file.path}\0${f.message}`) }
    }))
  );
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_URI,
            semanticVersion: version,
            version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.name.replace(/(?:^|\s)(\w)/g, (_, c) => c.toUpperCase()).replace(/\W/g, ""),
              shortDescription: { text: rule.name },
              fullDescription: { text: rule.description },
              help: help(rule),
              helpUri: `${TOOL_URI}#rule-${rule.id}`,
              defaultConfiguration: { level: rule.defaultSeverity === "off" ? "none" : rule.defaultSeverity, enabled: rule.defaultSeverity !== "off" },
              properties: { tags: ["postmortem", "documentation"] }
            }))
          }
        },
        results
      }
    ]
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}

// src/reporters/text.ts
var paint = (on, code) => (text) => on ? `\x1B[${code}m${text}\x1B[0m` : text;
function formatText(report, options = {}) {
  const red = paint(!!options.color, "31");
  const yellow = paint(!!options.color, "33");
  const dim = paint(!!options.color, "2");
  const bold = paint(!!options.color, "1");
  const green = paint(!!options.color, "32");
  const rows = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      rows.push([`${file.path}:${f.line}:${f.column}`, f.severity, f.message, f.rule]);
    }
  }
  const out = [];
  const w0 = Math.min(60, Math.max(0, ...rows.map((r) => r[0].length)));
  for (const [where, severity, message, rule] of rows) {
    const sev = severity === "error" ? red("error  ") : yellow("warning");
    out.push(`${where.padEnd(w0)}  ${sev}  ${message}  ${dim(rule)}`);
  }
  const { files, errors, warnings } = report.summary;
  const problems = errors + warnings;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (problems === 0) {
    out.push(green(`\u2714 ${plural(files, "file")} checked, no problems`));
  } else {
    if (rows.length > 0) out.push("");
    const line = `\u2716 ${plural(problems, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}) in ${plural(files, "file")}`;
    out.push(bold(errors > 0 ? red(line) : yellow(line)));
  }
  return out.join("\n") + "\n";
}

// src/version.ts
var VERSION = "0.1.0";

// src/audit/cli.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

// src/core/audit/shard.ts
function parseShard(text) {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!m) return `unexpected --shard "${text}", expected i/n such as 1/4`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `unexpected --shard "${text}", expected 1 <= i <= n`;
  return { index, count };
}
function pathHash(path) {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619) >>> 0;
  return h;
}
function inShard(path, shard) {
  return pathHash(path) % shard.count === shard.index - 1;
}

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

// src/cli/main.ts
var USAGE = `Usage: postmortem <command> [paths or globs\u2026] [options]

Commands:
  check   Check postmortems: required sections, timeline, action items
  sync    Open one GitHub issue per action item (needs GITHUB_TOKEN)
  audit   Report compliance, follow-up status and incident metrics
  merge   Merge JSON reports (of audit shards) into one: postmortem merge a.json b.json\u2026

Options:
  --format text|json|sarif   Output format (default: text)
  --config FILE              Config file (default: .github/postmortem.yml)
  --color / --no-color       Force colour on or off (default: on for a TTY)

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
var FORMATS = ["text", "json", "sarif", "markdown"];
function render(report, format, color) {
  if (format === "json") return formatJson(report);
  if (format === "sarif") return formatSarif(report, VERSION);
  return formatText(report, { color });
}
async function runCli(argv, io) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f" },
        config: { type: "string", short: "c" },
        color: { type: "boolean" },
        "no-color": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        repo: { type: "string" },
        "dry-run": { type: "boolean" },
        "max-issues": { type: "string" },
        ref: { type: "string" },
        shard: { type: "string" },
        version: { type: "boolean", short: "v" }
      }
    });
  } catch (error) {
    io.stderr(`postmortem: ${error.message}

${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}
`);
    return 0;
  }
  if (values.help || positionals.length === 0) {
    (values.help ? io.stdout : io.stderr)(USAGE);
    return values.help ? 0 : 2;
  }
  const [command, ...paths] = positionals;
  const format = values.format ?? "text";
  if (!FORMATS.includes(format)) {
    io.stderr(`postmortem: unknown --format "${values.format}", expected one of ${FORMATS.join(", ")}
`);
    return 2;
  }
  if (!["check", "sync", "audit", "merge"].includes(command)) {
    io.stderr(`postmortem: unknown command "${command}", expected check, sync, audit or merge

${USAGE}`);
    return 2;
  }
  if (format === "markdown" && command !== "audit" && command !== "merge") {
    io.stderr("postmortem: --format markdown is for audit and merge\n");
    return 2;
  }
  const color = values["no-color"] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR;
  if (command === "merge") return mergeCommand(paths, format, color, io);
  let config;
  try {
    config = await loadConfig(io.cwd, values.config);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`postmortem: config error: ${error.message}
`);
      return 2;
    }
    throw error;
  }
  if (command === "audit") {
    const shard = values.shard === void 0 ? void 0 : parseShard(values.shard);
    if (typeof shard === "string") {
      io.stderr(`postmortem: ${shard}
`);
      return 2;
    }
    return auditCommand({ paths, format, color, repo: values.repo, shard }, config, io);
  }
  let syncOptions = null;
  if (command === "sync") {
    const repo = values.repo ?? "";
    if (!/^[\w.-]{1,100}\/[\w.-]{1,100}$/.test(repo)) {
      io.stderr(`postmortem: sync needs --repo OWNER/NAME${values.repo ? ` (got "${values.repo}")` : ""}
`);
      return 2;
    }
    const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || "";
    if (!token) {
      io.stderr("postmortem: sync needs a token in GITHUB_TOKEN (or GH_TOKEN) that can write issues\n");
      return 2;
    }
    const max = values["max-issues"] === void 0 ? 50 : Number(values["max-issues"]);
    if (!Number.isInteger(max) || max < 0) {
      io.stderr(`postmortem: unexpected --max-issues "${values["max-issues"]}", expected a whole number of 0 or more
`);
      return 2;
    }
    syncOptions = { repo, token, max, dryRun: values["dry-run"] === true, ref: values.ref };
  }
  const collected = await collectFiles(paths.length > 0 ? paths : config.paths, { cwd: io.cwd, exclude: config.exclude });
  for (const p of collected.problems) io.stderr(`postmortem: ${p.path}: ${p.message}
`);
  if (collected.files.length === 0 && collected.problems.length > 0) return 2;
  if (syncOptions) return syncCommand(syncOptions, await checkFiles(collected.files, io.cwd, config, io.now), config, format, io);
  const files = [];
  const bar = progressBar(io.stderr, io.stderrIsTTY === true && collected.files.length > 200, "checking");
  for await (const c of checkStream(collected.files, { cwd: io.cwd, config, now: io.now ?? /* @__PURE__ */ new Date(), onProgress: bar.update })) files.push(c.file);
  bar.end();
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const report = { version: REPORT_VERSION, files, summary: summarize(files) };
  io.stdout(render(report, format === "markdown" ? "text" : format, color));
  return report.summary.errors > 0 ? 1 : 0;
}
async function syncCommand(options, results, config, format, io) {
  const [owner, repo] = options.repo.split("/");
  const log = { info: (m) => io.stderr(`${m}
`), warning: (m) => io.stderr(`warning: ${m}
`) };
  const octokit = createOctokit(options.token, { baseUrl: io.env.GITHUB_API_URL || "https://api.github.com", log, ...tuningFromEnv(io.env) });
  const gateway = new GitHubGateway(octokit, { owner, repo }, { dryRun: options.dryRun, log, limits: limitsFromEnv(io.env.POSTMORTEM_CREATE_LIMITS), maxPauseMs: Number.POSITIVE_INFINITY });
  const sha = await gateway.headSha(options.ref);
  const result = await runSync({
    gateway,
    config,
    files: results,
    deleted: [],
    link: { serverUrl: (io.env.GITHUB_SERVER_URL || "https://github.com").replace(/(?<!\/)\/+$/, ""), owner, repo, sha },
    maxCreates: options.max,
    dryRun: options.dryRun,
    log
  });
  if (format === "json") io.stdout(JSON.stringify({ version: 1, repo: options.repo, dryRun: options.dryRun, counts: result.counts, remaining: result.remaining, failures: result.failures, issues: result.outcomes }, null, 2) + "\n");
  else {
    for (const o of result.outcomes) {
      io.stdout(`${o.action.padEnd(16)} ${(o.issue ? `#${o.issue}` : "\u2014").padEnd(7)} ${o.path}:${o.line}  ${o.title}${o.reason ? `  (${o.reason})` : ""}
`);
    }
    const counts = Object.entries(result.counts).map(([k, n]) => `${n} ${k}`).join(", ");
    io.stdout(`${options.dryRun ? "Dry run: " : ""}${counts || "no action items"}${result.remaining ? `; ${result.remaining} left for the next run` : ""}
`);
  }
  return result.failures.length > 0 ? 1 : 0;
}

// src/cli.ts
runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`postmortem: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    process.exitCode = 2;
  }
);
