import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  ConfigError,
  SECTION_KEYS,
  loadConfig
} from "./chunks/chunk-FVNUUE4O.js";
import {
  BODY_LIMIT,
  OFFLINE,
  ReportWriter,
  auditMarkdown,
  auditStream,
  listFollowUps,
  remind,
  upsertDashboard
} from "./chunks/chunk-EF7HZTOK.js";
import {
  buildReport,
  checkStream
} from "./chunks/chunk-ACAUIUYN.js";
import {
  checkFiles,
  collectFiles,
  require_picomatch
} from "./chunks/chunk-7ZKNTLTX.js";
import {
  GitHubGateway,
  code,
  createOctokit,
  desiredIssue,
  isForbidden,
  issueTitle,
  itemsToOpen,
  limitsFromEnv,
  lineLink,
  login,
  md,
  mermaid,
  planItems,
  planSync,
  replaceManaged,
  require_tunnel,
  require_undici,
  runSync,
  statusOf,
  toTracked,
  tuningFromEnv
} from "./chunks/chunk-HUI3K7VL.js";
import {
  __toESM
} from "./chunks/chunk-ACLCLXQY.js";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code2, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code2), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// src/main.ts
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/action/check.ts
var import_picomatch = __toESM(require_picomatch(), 1);

// src/sync/preview.ts
async function previewSync(gateway, config, models, link) {
  const me = await gateway.identity();
  const issues = (await gateway.listIssuesBy(me)).map(toTracked);
  const ops = planSync({
    items: planItems(models),
    issues,
    me,
    documents: models.map((m) => m.path),
    settings: config.issues,
    maxCreates: Number.POSITIVE_INFINITY,
    // Assignability is not checked for a preview (no extra requests): owners are taken as assignable.
    desired: (item, issue2) => desiredIssue(item, issue2, link, config.issues, (i) => !!i.owner),
    mergeBody: replaceManaged
  });
  const count = (kind) => ops.filter((o) => o.kind === kind).length;
  return {
    creates: ops.flatMap((o) => o.kind === "create" ? [o.item] : []),
    updates: count("update"),
    closes: count("close-done"),
    removed: count("removed")
  };
}

// src/render/markdown.ts
var COMMENT_MARKER = "<!-- postmortem-governance:pr-comment -->";
var SECTION_NAMES = {
  summary: "Summary",
  impact: "Impact",
  timeline: "Timeline",
  "root-cause": "Root cause",
  resolution: "Resolution",
  "action-items": "Action items",
  detection: "Detection",
  "lessons-learned": "Lessons learned"
};
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function counts(file) {
  let errors = 0;
  let warnings = 0;
  for (const f of file.findings) f.severity === "error" ? errors++ : warnings++;
  return { errors, warnings };
}
function headline(report) {
  const { files, errors, warnings } = report.summary;
  if (files === 0) return "No postmortems to check.";
  if (errors + warnings === 0) return `\u2705 ${plural(files, "postmortem")} checked: no problems.`;
  const bad = report.files.filter((f) => f.findings.length > 0).length;
  const icon = errors > 0 ? "\u274C" : "\u26A0\uFE0F";
  return `${icon} ${plural(errors, "error")} and ${plural(warnings, "warning")} in ${bad} of ${plural(files, "postmortem")}.`;
}
function findingsTable(file, link, limit) {
  const rows = file.findings.slice(0, limit).map((f) => {
    const sev = f.severity === "error" ? "\u274C error" : "\u26A0\uFE0F warning";
    return `| [${f.line}:${f.column}](${lineLink(link, file.path, f.line)}) | ${sev} | ${md(f.message, 300)} | ${code(f.rule)} |`;
  });
  const out = ["| Line | Severity | Finding | Rule |", "| --- | --- | --- | --- |", ...rows];
  if (file.findings.length > limit) out.push("", `\u2026and ${file.findings.length - limit} more (see the JSON report).`);
  return out;
}
function sectionsLine(file, required) {
  const present = new Set(file.sections.flatMap((s) => s.keys));
  return SECTION_KEYS.filter((k) => present.has(k) || required.includes(k)).map((k) => `${present.has(k) ? "\u2705" : "\u274C"} ${SECTION_NAMES[k]}`).join(" \xB7 ");
}
function timelineDiagram(file, maxEntries = 40) {
  const timed = file.timeline.filter((t) => t.time !== null);
  if (timed.length === 0) return [];
  const zone = file.incident.timezone ?? "";
  const label = (time) => {
    const m = /T(\d{2}:\d{2})/.exec(time) ?? /^(\d{2}:\d{2})/.exec(time);
    const date = /^(\d{4}-\d{2}-\d{2})/.exec(time)?.[1];
    const clock = (m ? m[1] : time).replace(":", "h");
    return mermaid(`${date && timed.some((t) => !t.time.startsWith(date)) ? date.slice(5) + " " : ""}${clock}`, 20);
  };
  const lines = ["```mermaid", "timeline", `  title ${mermaid(file.title ?? file.path, 60)}${zone ? ` (times ${mermaid(/Z$/.test(timed[0].time) ? "UTC" : zone, 30)})` : ""}`];
  for (const t of timed.slice(0, maxEntries)) lines.push(`  ${label(t.time)} : ${mermaid(t.text, 70)}`);
  if (timed.length > maxEntries) lines.push(`  \u2026 : ${timed.length - maxEntries} more entries`);
  lines.push("```");
  return lines;
}
function previewTable(items, link, limit = 50) {
  if (items.length === 0) return ["No new action-item issues."];
  const rows = items.slice(0, limit).map((i) => {
    const from = `[${md(i.path.split("/").pop() ?? i.path, 80)}#L${i.line}](${lineLink(link, i.path, i.line)})`;
    return `| ${md(issueTitle(i), 200)} | ${i.kind} | ${i.owner ? login(i.owner) : "\u2014"} | ${from} |`;
  });
  const out = ["| Issue title | Kind | Owner | From |", "| --- | --- | --- | --- |", ...rows];
  if (items.length > limit) out.push("", `\u2026and ${items.length - limit} more.`);
  return out;
}
function jobSummary(input) {
  const { report, link } = input;
  const out = ["## Postmortem check", "", headline(report), ""];
  if (input.hiddenAnnotations > 0) {
    out.push(`GitHub shows a limited number of annotations per step: ${plural(input.hiddenAnnotations, "more finding")} ${input.hiddenAnnotations === 1 ? "is" : "are"} listed below but not annotated.`, "");
  }
  for (const note of input.notes) out.push(`> ${note}`, "");
  for (const file of report.files) {
    const c = counts(file);
    const items = file.actionItems;
    const kinds = ["corrective", "preventative", "other"].map((k) => [k, items.filter((i) => i.kind === k).length]).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
    out.push(`### ${code(file.path)}${file.title ? ` \u2014 ${md(file.title, 120)}` : ""}`, "");
    out.push(`| Findings | Sections | Action items | Incident |`, "| --- | --- | --- | --- |");
    const incident = [file.incident.start ?? file.incident.date, file.incident.durationMinutes !== null ? `${file.incident.durationMinutes} min` : null].filter(Boolean).join(", ");
    out.push(
      `| ${c.errors + c.warnings === 0 ? "\u2705 none" : `${plural(c.errors, "error")}, ${plural(c.warnings, "warning")}`} | ${sectionsLine(file, input.required)} | ${items.length}${kinds.length ? ` (${kinds.join(", ")})` : ""} | ${md(incident || "\u2014")} |`,
      ""
    );
    if (file.findings.length > 0) out.push(...findingsTable(file, link, 100), "");
    const diagram = timelineDiagram(file);
    if (diagram.length > 0) out.push("<details><summary>Timeline</summary>", "", ...diagram, "", "</details>", "");
  }
  if (input.preview.length > 0) {
    out.push("### Action-item issues a merge will open", "", ...previewTable(input.preview, link), "");
  }
  return out.join("\n");
}
function otherChanges(changes) {
  if (!changes) return null;
  const parts = [
    changes.updates ? `update ${plural(changes.updates, "existing issue")}` : "",
    changes.closes ? `close ${plural(changes.closes, "issue")} whose item is marked done` : "",
    changes.removed ? `flag ${plural(changes.removed, "issue")} whose item was removed` : ""
  ].filter(Boolean);
  return parts.length > 0 ? `Merging will also ${parts.join(", ")}.` : null;
}
function prComment(input) {
  const { report, link } = input;
  const out = [COMMENT_MARKER, "### Postmortem review", "", headline(report), ""];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    out.push(`<details open><summary>${md(file.path, 200)}: ${plural(file.findings.length, "finding")}</summary>`, "", ...findingsTable(file, link, 30), "", "</details>", "");
  }
  if (input.preview.length > 0) {
    const clean = report.summary.errors + report.summary.warnings === 0;
    out.push(
      `<details${clean ? "" : " open"}><summary>Merging will open ${plural(input.preview.length, "action-item issue")}</summary>`,
      "",
      ...previewTable(input.preview, link),
      "",
      "</details>",
      ""
    );
  }
  const also = otherChanges(input.changes);
  if (also) out.push(also, "");
  out.push(`<sub>Checked at ${link.sha.slice(0, 7)} by postmortem-governance.</sub>`);
  return out.join("\n");
}

// src/action/check.ts
var ANNOTATION_LIMITS = { error: 10, warning: 10 };
async function selectFiles(inputs, config, ctx, gateway) {
  const globs = inputs.paths.length > 0 ? inputs.paths : config.paths;
  const notes = [];
  if (ctx.pullRequest && gateway) {
    const changed = await gateway.listPullRequestFiles(ctx.pullRequest.number);
    const isMatch = (0, import_picomatch.default)(globs, { dot: false, ignore: config.exclude });
    const candidates = changed.filter((f) => f.status !== "removed" && isMatch(f.filename)).map((f) => f.filename);
    const collected2 = await collectFiles(candidates, { cwd: ctx.workspace, exclude: [], root: ctx.workspace });
    for (const p of collected2.problems) notes.push(`Skipped ${p.path}: ${p.message}`);
    return { files: collected2.files, notes };
  }
  const collected = await collectFiles(globs, { cwd: ctx.workspace, exclude: config.exclude, root: ctx.workspace });
  for (const p of collected.problems) notes.push(`Skipped ${p.path}: ${p.message}`);
  return { files: collected.files, notes };
}
function severityRank(f) {
  return f.severity === "error" ? 0 : 1;
}
function annotate(results) {
  const all = results.flatMap((r) => r.findings.map((f) => ({ path: r.path, f })));
  all.sort((a, b) => severityRank(a.f) - severityRank(b.f) || a.path.localeCompare(b.path) || a.f.line - b.f.line);
  const used = { error: 0, warning: 0 };
  let hidden = 0;
  for (const { path, f } of all) {
    if (used[f.severity] >= ANNOTATION_LIMITS[f.severity]) {
      hidden++;
      continue;
    }
    used[f.severity]++;
    const props = {
      title: f.rule,
      file: path,
      startLine: f.line,
      startColumn: f.column,
      ...f.endLine && f.endLine === f.line ? { endLine: f.endLine, endColumn: f.endColumn } : {}
    };
    if (f.severity === "error") error(f.message, props);
    else warning(f.message, props);
  }
  return hidden;
}
async function upsertComment(gateway, issueNumber, body, quiet) {
  const [comments, me] = await Promise.all([gateway.listIssueComments(issueNumber), gateway.identity()]);
  const existing = comments.find((c) => c.body?.startsWith(COMMENT_MARKER) && c.user?.login === me);
  if (!existing) {
    if (quiet) return "skipped";
    await gateway.createComment(issueNumber, body);
    return "created";
  }
  if (existing.body === body) return "unchanged";
  await gateway.updateComment(existing.id, body);
  return "updated";
}
async function runCheck(inputs, config, ctx, gateway) {
  const { files, notes } = await selectFiles(inputs, config, ctx, gateway);
  info(`Checking ${files.length} postmortem${files.length === 1 ? "" : "s"}${ctx.pullRequest ? ` changed in #${ctx.pullRequest.number}` : ""}.`);
  const results = await checkFiles(files, ctx.workspace, config);
  const report = buildReport(results);
  const models = results.map((r) => r.model).filter((m) => m !== null);
  const hidden = annotate(results);
  const link = { serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, sha: ctx.pullRequest?.headSha ?? ctx.sha };
  let preview = itemsToOpen(planItems(models));
  let changes = null;
  if (gateway && models.some((m) => m.actionItems.length > 0)) {
    try {
      changes = await previewSync(gateway, config, models, link);
      preview = changes.creates;
    } catch (error2) {
      info(`Could not read the existing action-item issues (${statusOf(error2) ?? "network"}); the preview lists every open item.`);
    }
  }
  if (ctx.pullRequest && gateway) {
    const quiet = report.summary.errors + report.summary.warnings === 0 && preview.length === 0 && (changes === null || changes.updates + changes.closes + changes.removed === 0);
    try {
      const outcome = await upsertComment(gateway, ctx.pullRequest.number, prComment({ report, link, preview, changes }), quiet);
      info(`PR comment: ${outcome}.`);
    } catch (error2) {
      if (!isForbidden(error2)) throw error2;
      const note = ctx.pullRequest.fromFork ? "The PR comment was not written: the token is read-only on pull requests from forks. Annotations and this summary carry the results." : "The PR comment was not written: the token may not write to pull requests (add `pull-requests: write` to the workflow's permissions).";
      warning(note);
      notes.push(note);
    }
  }
  await summary.addRaw(jobSummary({ report, link, required: config.requiredSections, hiddenAnnotations: hidden, preview, notes }), true).write();
  return { report, results, preview, notes };
}

// src/action/sync.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);

// src/sync/link-back.ts
function addReferences(text, refs) {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  let added = 0;
  for (const { line, issue: issue2 } of refs) {
    const i = line - 1;
    if (i < 0 || i >= lines.length) continue;
    if (new RegExp(`#${issue2}\\b`).test(lines[i])) continue;
    const m = /^(.*?)(\s*(?:<!--[^>]{0,200}-->)?\s*)$/.exec(lines[i]);
    lines[i] = `${m[1]} (#${issue2})${m[2]}`;
    added++;
  }
  return { text: lines.join(eol), added };
}
async function linkBack(gateway, outcomes, sha, log) {
  const created = outcomes.filter((o) => o.action === "created" && o.issue !== null);
  if (created.length === 0) return { pull: null, files: 0, links: 0 };
  const base = await gateway.defaultBranch();
  const branch = `postmortem-governance/link-back-${sha.slice(0, 12)}`;
  await gateway.createBranch(branch, sha);
  const byPath = /* @__PURE__ */ new Map();
  for (const o of created) byPath.set(o.path, [...byPath.get(o.path) ?? [], { line: o.line, issue: o.issue }]);
  let files = 0;
  let links = 0;
  for (const [path, refs] of [...byPath].sort(([a], [b]) => a.localeCompare(b))) {
    const file = await gateway.readFile(path, branch);
    if (!file) continue;
    const { text, added } = addReferences(file.text, refs);
    if (added === 0) continue;
    await gateway.writeFile(path, branch, text, file.sha, `Link ${added} action item${added === 1 ? "" : "s"} of ${path} to their issues`);
    files++;
    links += added;
  }
  if (links === 0) return { pull: null, files: 0, links: 0 };
  const existing = await gateway.findOpenPull(branch, base);
  const pull = existing ?? await gateway.createPull(
    branch,
    base,
    `Link postmortem action items to their issues`,
    `postmortem-governance opened ${created.length} issue${created.length === 1 ? "" : "s"} for action items. This PR writes each issue's reference next to its item, so the postmortem links to its follow-ups.

${created.map((o) => `- ${o.path}:${o.line} \u2192 #${o.issue}`).join("\n")}
`
  ) ?? null;
  if (pull) log.info(`Link-back: #${pull.number} writes ${links} issue reference${links === 1 ? "" : "s"} into ${files} postmortem${files === 1 ? "" : "s"}.`);
  return { pull, files, links };
}

// src/action/sync.ts
var UnmergedError = class extends Error {
};
async function changedDocuments(inputs, config, ctx, gateway) {
  if (inputs.paths.length > 0) return null;
  const isMatch = (0, import_picomatch2.default)(config.paths, { dot: false, ignore: config.exclude });
  if (ctx.pullRequest) {
    const changed = await gateway.listPullRequestFiles(ctx.pullRequest.number);
    return {
      files: changed.filter((f) => f.status !== "removed" && isMatch(f.filename)).map((f) => f.filename),
      deleted: changed.filter((f) => f.status === "removed" && isMatch(f.filename) || f.status === "renamed" && f.previous_filename && isMatch(f.previous_filename)).map((f) => f.status === "renamed" ? f.previous_filename : f.filename)
    };
  }
  if (ctx.push) {
    return { files: ctx.push.changed.filter((f) => isMatch(f)), deleted: ctx.push.removed.filter((f) => isMatch(f)) };
  }
  return null;
}
async function runSyncMode(inputs, config, ctx, gateway) {
  if (ctx.pullRequest && !ctx.pullRequest.merged) {
    throw new UnmergedError(`Not syncing: pull request #${ctx.pullRequest.number} is not merged, and issues are only opened for merged postmortems.`);
  }
  const changed = await changedDocuments(inputs, config, ctx, gateway);
  const globs = inputs.paths.length > 0 ? inputs.paths : config.paths;
  const collected = changed ? await collectFiles(changed.files, { cwd: ctx.workspace, exclude: [], root: ctx.workspace }) : await collectFiles(globs, { cwd: ctx.workspace, exclude: config.exclude, root: ctx.workspace });
  for (const p of collected.problems) warning(`Skipped ${p.path}: ${p.message}`);
  const results = await checkFiles(collected.files, ctx.workspace, config);
  const report = buildReport(results);
  info(`Syncing the action items of ${collected.files.length} postmortem${collected.files.length === 1 ? "" : "s"}${inputs.dryRun ? " (dry run: nothing is written)" : ""}.`);
  const sync = await runSync({
    gateway,
    config,
    files: results,
    deleted: changed?.deleted ?? [],
    link: { serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, sha: ctx.sha },
    maxCreates: inputs.maxIssues,
    dryRun: inputs.dryRun,
    log: { info: (m) => info(m), warning: (m) => warning(m) }
  });
  if (config.issues.linkBack && !inputs.dryRun) {
    try {
      await linkBack(gateway, sync.outcomes, ctx.sha, { info: (m) => info(m) });
    } catch (error2) {
      warning(`Link-back PR not opened: ${error2 instanceof Error ? error2.message.split("\n")[0] : String(error2)} (the token needs contents: write and pull-requests: write).`);
    }
  }
  for (const o of sync.outcomes) {
    if (o.action === "unchanged") continue;
    info(`${o.action.padEnd(16)} ${o.issue ? `#${o.issue}` : "\u2014"}  ${o.path}:${o.line}  ${o.title}${o.reason ? `  (${o.reason})` : ""}`);
  }
  const skipped = sync.outcomes.filter((o) => o.action === "skipped").length;
  if (skipped > 0) {
    warning(`max-issues (${inputs.maxIssues}) reached: ${skipped} action item${skipped === 1 ? "" : "s"} left without an issue. Run sync again (or raise max-issues) to open them; the next run resumes where this one stopped.`);
  }
  await summary.addRaw(syncSummary(sync, inputs.dryRun), true).write();
  return { report, sync };
}
function syncSummary(sync, dryRun) {
  const out = [`## Postmortem action items${dryRun ? " (dry run)" : ""}`, ""];
  const counts2 = Object.entries(sync.counts).map(([k, n]) => `${n} ${k}`);
  out.push(counts2.length > 0 ? counts2.join(" \xB7 ") : "No action items in the postmortems of this run.", "");
  const shown = sync.outcomes.filter((o) => o.action !== "unchanged");
  if (shown.length > 0) {
    out.push("| Action | Issue | Item | Source |", "| --- | --- | --- | --- |");
    for (const o of shown.slice(0, 200)) {
      out.push(`| ${o.action} | ${o.issue ? `#${o.issue}` : "\u2014"} | ${md(o.title, 150)} | ${code(`${o.path}:${o.line}`)} |`);
    }
    if (shown.length > 200) out.push("", `\u2026and ${shown.length - 200} more (see the \`issues\` output).`);
  }
  if (sync.failures.length > 0) out.push("", "**Not done (rerun to retry):**", "", ...sync.failures.map((f) => `- ${md(f, 300)}`));
  return out.join("\n") + "\n";
}

// src/action/audit.ts
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
var SUMMARY_LIMIT = 9e5;
async function runAuditMode(inputs, config, ctx, gateway) {
  const now = /* @__PURE__ */ new Date();
  const globs = inputs.paths.length > 0 ? inputs.paths : config.paths;
  const collected = await collectFiles(globs, { cwd: ctx.workspace, exclude: config.exclude, root: ctx.workspace });
  for (const p of collected.problems) warning(`Skipped ${p.path}: ${p.message}`);
  const failures = [];
  const fail = (what, error2) => {
    const status = statusOf(error2);
    const message = `${what} failed${status ? ` (HTTP ${status})` : ""}: ${error2 instanceof Error ? error2.message.split("\n")[0] : String(error2)}`;
    warning(message);
    failures.push(message);
  };
  let listing = null;
  if (gateway) listing = await listFollowUps(gateway);
  else warning("No token: follow-up status is unknown (the audit reports compliance and metrics only).");
  info(`Auditing ${collected.files.length} postmortem${collected.files.length === 1 ? "" : "s"}${listing ? ` against ${listing.issues.length} issue${listing.issues.length === 1 ? "" : "s"} opened by ${listing.me}` : ""}.`);
  const dir = join(ctx.runnerTemp, "postmortem-governance");
  mkdirSync(dir, { recursive: true });
  const reportPath = join(dir, `report-${ctx.runId}.json`);
  const fd = openSync(reportPath, "w");
  let outcome;
  try {
    const writer = new ReportWriter((text) => void writeSync(fd, text));
    outcome = await auditStream(checkStream(collected.files, { cwd: ctx.workspace, config, now }), {
      index: listing?.index ?? OFFLINE,
      now,
      repository: listing ? `${ctx.owner}/${ctx.repo}` : null,
      sink: (f) => writer.file(f)
    });
    writer.end({ summary: outcome.summary, audit: outcome.audit });
  } finally {
    closeSync(fd);
  }
  const link = { serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, sha: ctx.sha };
  let dashboard = null;
  if (gateway && listing && config.audit.dashboard) {
    const body = auditMarkdown(outcome, { link, mentions: config.audit.mentions, dashboard: true, limit: BODY_LIMIT - 1e3 });
    try {
      dashboard = await upsertDashboard(gateway, listing, { title: config.audit.dashboardTitle, body, labels: config.audit.dashboardLabels });
      info(`Dashboard: ${dashboard.action}${dashboard.number ? ` (#${dashboard.number})` : ""}.`);
    } catch (error2) {
      if (isForbidden(error2)) warning("The dashboard issue was not written: the token may not write issues (add `issues: write` to the workflow's permissions).");
      else fail("Updating the dashboard issue", error2);
    }
  }
  let reminders = [];
  if (gateway && listing && config.audit.reminders) {
    try {
      const r = await remind(gateway, outcome.audit.followUps, { me: listing.me, now, intervalDays: config.audit.reminderIntervalDays, mentions: config.audit.mentions, link });
      reminders = r.sent;
      info(`Reminders: ${r.sent.length} sent, ${r.skipped.length} already reminded within ${config.audit.reminderIntervalDays} days.`);
    } catch (error2) {
      fail("Sending reminders", error2);
    }
  }
  await summary.addRaw(auditMarkdown(outcome, { link, mentions: false, dashboard: false, limit: SUMMARY_LIMIT }), true).write();
  setOutput("findings", outcome.summary.errors + outcome.summary.warnings);
  setOutput("errors", outcome.summary.errors);
  setOutput("report", reportPath);
  setOutput("issues", JSON.stringify(outcome.audit.followUps));
  setOutput("dashboard", dashboard?.url ?? "");
  return { outcome, reportPath, dashboard, reminders, failures };
}

// src/action/context.ts
import { readFileSync } from "node:fs";
function readContext(env = process.env) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "/").split("/");
  let payload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    } catch {
      payload = {};
    }
  }
  const pr = payload.pull_request;
  const baseRepo = pr?.base.repo.full_name ?? `${owner}/${repo}`;
  const headRepo = pr?.head.repo?.full_name ?? null;
  let push = null;
  if (Array.isArray(payload.commits) && payload.commits.length > 0) {
    const status = /* @__PURE__ */ new Map();
    for (const c of payload.commits) {
      for (const f of [...c.added ?? [], ...c.modified ?? []]) status.set(f, "changed");
      for (const f of c.removed ?? []) status.set(f, "removed");
    }
    push = {
      changed: [...status].filter(([, s]) => s === "changed").map(([f]) => f),
      removed: [...status].filter(([, s]) => s === "removed").map(([f]) => f)
    };
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    owner,
    repo,
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
    serverUrl: (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/(?<!\/)\/+$/, ""),
    apiUrl: (env.GITHUB_API_URL ?? "https://api.github.com").replace(/(?<!\/)\/+$/, ""),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP ?? env.TMPDIR ?? "/tmp",
    runId: env.GITHUB_RUN_ID ?? String(Date.now()),
    defaultBranch: payload.repository?.default_branch ?? null,
    pullRequest: pr ? {
      number: pr.number,
      headSha: pr.head.sha,
      headRepo,
      baseRepo,
      fromFork: headRepo !== null && headRepo !== baseRepo,
      merged: pr.merged === true,
      state: pr.state
    } : null,
    push
  };
}
function pickMode(mode, ctx) {
  if (mode !== "auto") return mode;
  switch (ctx.eventName) {
    case "pull_request":
      return ctx.pullRequest?.merged ? "sync" : "check";
    case "push":
      return ctx.defaultBranch && ctx.ref === `refs/heads/${ctx.defaultBranch}` ? "sync" : "check";
    case "schedule":
    case "workflow_dispatch":
      return "audit";
    default:
      return "check";
  }
}

// src/action/inputs.ts
var MODES = ["auto", "check", "sync", "audit"];
var FAIL_ON = ["error", "warning", "never"];
var InputError = class extends Error {
  constructor(input, message) {
    super(`Input \`${input}\`: ${message}`);
    this.input = input;
    this.name = "InputError";
  }
  input;
};
function oneOf(name, value, allowed, fallback) {
  const v = (value || fallback).trim().toLowerCase();
  if (!allowed.includes(v)) {
    throw new InputError(name, `unexpected "${value}", expected one of ${allowed.join(", ")}`);
  }
  return v;
}
function bool(name, value, fallback) {
  const v = value.trim().toLowerCase();
  if (v === "") return fallback;
  if (["true", "yes", "1", "on"].includes(v)) return true;
  if (["false", "no", "0", "off"].includes(v)) return false;
  throw new InputError(name, `unexpected "${value}", expected true or false`);
}
function splitList(value) {
  return value.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0 && !s.startsWith("#"));
}
var DEFAULT_CONFIG = ".github/postmortem.yml";
function readInputs(get = (name) => getInput(name)) {
  const token = get("token");
  const config = get("config").trim();
  const maxIssuesText = get("max-issues").trim();
  const maxIssues = maxIssuesText === "" ? 50 : Number(maxIssuesText);
  if (!Number.isInteger(maxIssues) || maxIssues < 0) {
    throw new InputError("max-issues", `unexpected "${maxIssuesText}", expected a whole number of 0 or more`);
  }
  return {
    token,
    mode: oneOf("mode", get("mode"), MODES, "auto"),
    paths: splitList(get("paths")),
    config: config || DEFAULT_CONFIG,
    configExplicit: config !== "" && config !== DEFAULT_CONFIG,
    dryRun: bool("dry-run", get("dry-run"), false),
    failOn: oneOf("fail-on", get("fail-on"), FAIL_ON, "error"),
    maxIssues
  };
}

// src/main.ts
async function run() {
  try {
    const inputs = readInputs();
    const ctx = readContext();
    const mode = pickMode(inputs.mode, ctx);
    info(`postmortem-governance: ${mode} mode (event ${ctx.eventName || "unknown"}).`);
    const config = await loadConfig(ctx.workspace, inputs.config, inputs.configExplicit);
    const log = { info: (m) => info(m), warning: (m) => warning(m) };
    const gateway = inputs.token ? new GitHubGateway(
      createOctokit(inputs.token, { baseUrl: ctx.apiUrl, log, ...tuningFromEnv(process.env) }),
      { owner: ctx.owner, repo: ctx.repo },
      { dryRun: inputs.dryRun, log, limits: limitsFromEnv(process.env.POSTMORTEM_CREATE_LIMITS) }
    ) : null;
    let report;
    if (mode === "sync") {
      if (!gateway) throw new InputError("token", "sync needs a token that can write issues");
      try {
        const outcome = await runSyncMode(inputs, config, ctx, gateway);
        report = outcome.report;
        await setOutputs(report, ctx.runnerTemp, ctx.runId, outcome.sync.outcomes);
        if (outcome.sync.failures.length > 0) {
          setFailed(`${outcome.sync.failures.length} issue operation${outcome.sync.failures.length === 1 ? "" : "s"} failed; rerun to finish (nothing is duplicated by a rerun).`);
          return;
        }
      } catch (error2) {
        if (!(error2 instanceof UnmergedError)) throw error2;
        warning(error2.message);
        return;
      }
      return;
    } else if (mode === "check") {
      const outcome = await runCheck(inputs, config, ctx, gateway);
      report = outcome.report;
      await setOutputs(report, ctx.runnerTemp, ctx.runId, outcome.preview.map((p) => ({ key: p.key, title: p.title, kind: p.kind, path: p.path, line: p.line, issue: null, url: null, action: "planned" })));
    } else {
      const audit = await runAuditMode(inputs, config, ctx, gateway);
      if (audit.failures.length > 0) setFailed(`${audit.failures.length} GitHub operation${audit.failures.length === 1 ? "" : "s"} of the audit failed; rerun to finish.`);
      return;
    }
    const { errors, warnings } = report.summary;
    const failing = inputs.failOn === "error" ? errors : inputs.failOn === "warning" ? errors + warnings : 0;
    if (failing > 0) {
      setFailed(`${failing} finding${failing === 1 ? "" : "s"} at or above \`fail-on: ${inputs.failOn}\`.`);
    }
  } catch (error2) {
    if (error2 instanceof InputError || error2 instanceof ConfigError) {
      setFailed(error2.message);
      return;
    }
    setFailed(`postmortem-governance failed: ${error2 instanceof Error ? error2.stack ?? error2.message : String(error2)}`);
  }
}
async function setOutputs(report, runnerTemp, runId, issues) {
  const dir = join2(runnerTemp, "postmortem-governance");
  await mkdir2(dir, { recursive: true });
  const path = join2(dir, `report-${runId}.json`);
  await writeFile2(path, JSON.stringify(report, null, 2) + "\n");
  setOutput("findings", report.summary.errors + report.summary.warnings);
  setOutput("errors", report.summary.errors);
  setOutput("report", path);
  setOutput("issues", JSON.stringify(issues));
}

// src/index.ts
void run();
