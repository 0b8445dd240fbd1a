import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  RULES
} from "./chunk-7ZKNTLTX.js";

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

export {
  formatSarif,
  formatText,
  VERSION,
  parseShard,
  inShard
};
