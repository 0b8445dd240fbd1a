#!/usr/bin/env node
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  ConfigError,
  loadConfig
} from "./chunks/chunk-FVNUUE4O.js";
import {
  VERSION,
  formatSarif,
  formatText,
  parseShard
} from "./chunks/chunk-2WQVSNFE.js";
import {
  REPORT_VERSION,
  checkStream,
  progressBar,
  summarize
} from "./chunks/chunk-ACAUIUYN.js";
import {
  collectFiles
} from "./chunks/chunk-7ZKNTLTX.js";
import "./chunks/chunk-ACLCLXQY.js";

// src/cli/main.ts
import { parseArgs } from "node:util";

// src/reporters/json.ts
function formatJson(report) {
  return JSON.stringify(report, null, 2) + "\n";
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
  if (command === "merge") return (await import("./chunks/cli-H7EQ65QO.js")).mergeCommand(paths, format, color, io);
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
    return (await import("./chunks/cli-H7EQ65QO.js")).auditCommand({ paths, format, color, repo: values.repo, shard }, config, io);
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
  if (syncOptions) {
    const { checkFiles } = await import("./chunks/check-files-6GDDX2IN.js");
    return (await import("./chunks/sync-CYCTAI2S.js")).syncCommand(syncOptions, await checkFiles(collected.files, io.cwd, config, io.now), config, format === "json" ? "json" : "text", io);
  }
  const files = [];
  const bar = progressBar(io.stderr, io.stderrIsTTY === true && collected.files.length > 200, "checking");
  for await (const c of checkStream(collected.files, { cwd: io.cwd, config, now: io.now ?? /* @__PURE__ */ new Date(), onProgress: bar.update })) files.push(c.file);
  bar.end();
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const report = { version: REPORT_VERSION, files, summary: summarize(files) };
  io.stdout(render(report, format === "markdown" ? "text" : format, color));
  return report.summary.errors > 0 ? 1 : 0;
}

// src/cli.ts
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
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
