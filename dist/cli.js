#!/usr/bin/env node
import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  ConfigError,
  RULES,
  buildReport,
  checkFiles,
  collectFiles,
  loadConfig
} from "./chunks/chunk-Y2FSLGIC.js";

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

// src/cli/main.ts
var USAGE = `Usage: postmortem <command> [paths or globs\u2026] [options]

Commands:
  check   Check postmortems: required sections, timeline, action items
  sync    Open one GitHub issue per action item (needs GITHUB_TOKEN)
  audit   Report compliance, follow-up status and incident metrics

Options:
  --format text|json|sarif   Output format (default: text)
  --config FILE              Config file (default: .github/postmortem.yml)
  --color / --no-color       Force colour on or off (default: on for a TTY)
  -h, --help                 Show this help
  -v, --version              Show the version

Without paths, the config's \`paths\` globs are used.
Exit codes: 0 clean, 1 findings at error severity, 2 usage or config error.
`;
var FORMATS = ["text", "json", "sarif"];
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
  if (!["check", "sync", "audit"].includes(command)) {
    io.stderr(`postmortem: unknown command "${command}", expected check, sync or audit

${USAGE}`);
    return 2;
  }
  const color = values["no-color"] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR;
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
  if (command !== "check") {
    io.stderr(`postmortem: \`${command}\` is not available in this version yet; \`check\` is
`);
    return 2;
  }
  const collected = await collectFiles(paths.length > 0 ? paths : config.paths, { cwd: io.cwd, exclude: config.exclude });
  for (const p of collected.problems) io.stderr(`postmortem: ${p.path}: ${p.message}
`);
  if (collected.files.length === 0 && collected.problems.length > 0) return 2;
  const results = await checkFiles(collected.files, io.cwd, config, io.now);
  const report = buildReport(results);
  io.stdout(render(report, format, color));
  return report.summary.errors > 0 ? 1 : 0;
}

// src/cli.ts
runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
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
