import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  code,
  indexIssues,
  issueTitle,
  itemKey,
  lineLink,
  login,
  matchItems,
  md,
  toTracked
} from "./chunk-HUI3K7VL.js";

// src/core/audit/status.ts
var OFFLINE = { online: false, byPath: /* @__PURE__ */ new Map(), byNumber: /* @__PURE__ */ new Map() };
function indexFollowUps(issues, me) {
  const { byKey } = indexIssues(issues, me);
  const byPath = /* @__PURE__ */ new Map();
  const byNumber = /* @__PURE__ */ new Map();
  for (const [key, issue] of byKey) {
    const path = issue.marker.path;
    let forPath = byPath.get(path);
    if (!forPath) byPath.set(path, forPath = /* @__PURE__ */ new Map());
    forPath.set(key, issue);
    byNumber.set(issue.number, issue);
  }
  return { online: true, byPath, byNumber };
}
var DAY = 864e5;
var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function linkedNumber(link) {
  if (!link) return null;
  const hash = /^#(\d{1,9})$/.exec(link);
  if (hash) return Number(hash[1]);
  const url = link.split("#")[0].split("?")[0];
  const at = url.lastIndexOf("/issues/");
  const tail = at === -1 ? "" : url.slice(at + 8);
  return /^\d{1,9}$/.test(tail) ? Number(tail) : null;
}
function statusOf(item, issue, online, today) {
  if (issue?.state === "closed") return "closed";
  if (item.done) return "done-in-doc";
  if (!online) return "unknown";
  if (!issue) return "not-filed";
  return item.due && ISO_DATE.test(item.due) && item.due < today ? "overdue" : "open";
}
function daysSince(from, now) {
  const t = from ? Date.parse(from) : NaN;
  return Number.isFinite(t) ? Math.max(0, Math.floor((now.getTime() - t) / DAY)) : null;
}
function auditFile(compact, index, now) {
  const { file } = compact;
  const today = now.toISOString().slice(0, 10);
  const items = file.actionItems.map((a, i) => ({ key: itemKey({ path: file.path, id: a.id }), path: file.path, fingerprint: compact.fingerprints[i] ?? [] }));
  const matched = index.online ? matchItems(items, index.byPath.get(file.path) ?? /* @__PURE__ */ new Map()) : /* @__PURE__ */ new Map();
  const actionItems = file.actionItems.map((a, i) => {
    let issue = matched.get(items[i].key) ?? null;
    const linked = linkedNumber(a.issue);
    if (!issue && linked !== null) issue = index.byNumber.get(linked) ?? null;
    const status = !issue && linked !== null && !a.done ? "unknown" : statusOf(a, issue, index.online, today);
    return {
      ...a,
      status,
      followUp: issue ? { number: issue.number, url: issue.url, state: issue.state, createdAt: issue.createdAt, closedAt: issue.closedAt } : null,
      ageDays: issue && (status === "open" || status === "overdue") ? daysSince(issue.createdAt, now) : null
    };
  });
  return { ...file, severity: compact.severity, actionItems };
}
function followUpsOf(file) {
  return file.actionItems.map((a) => ({
    key: itemKey({ path: file.path, id: a.id }),
    path: file.path,
    line: a.line,
    title: a.title,
    owner: a.owner,
    due: a.due,
    status: a.status,
    issue: a.followUp?.number ?? null,
    url: a.followUp?.url ?? null,
    createdAt: a.followUp?.createdAt ?? null,
    closedAt: a.followUp?.closedAt ?? null,
    ageDays: a.ageDays
  }));
}

// src/core/audit/types.ts
var FOLLOW_UP_STATUSES = ["open", "overdue", "closed", "done-in-doc", "not-filed", "unknown"];

// src/core/audit/metrics.ts
var TOP = 10;
var DAY2 = 864e5;
var INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?Z$/;
function median(values) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
var round1 = (x) => x === null ? null : Math.round(x * 10) / 10;
function resolveMinutes(file) {
  const { start, end, durationMinutes } = file.incident;
  if (start && end && INSTANT.test(start) && INSTANT.test(end)) {
    const minutes = (Date.parse(end) - Date.parse(start)) / 6e4;
    if (minutes > 0) return minutes;
  }
  return durationMinutes !== null && durationMinutes > 0 ? durationMinutes : null;
}
function incidentMonth(file) {
  const m = /^(\d{4})-(\d{2})/.exec(file.incident.date ?? file.incident.start ?? "");
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null;
}
var byAgeThenPlace = (a, b) => (b.ageDays ?? 0) - (a.ageDays ?? 0) || cmp(a.path, b.path) || a.line - b.line;
var cmp = (a, b) => a < b ? -1 : a > b ? 1 : 0;
var byFindings = (a, b) => b.errors + b.warnings - (a.errors + a.warnings) || b.errors - a.errors || cmp(a.path, b.path);
var MetricsAccumulator = class {
  files = 0;
  compliant = 0;
  errors = 0;
  warnings = 0;
  byRule = /* @__PURE__ */ new Map();
  months = /* @__PURE__ */ new Map();
  undated = 0;
  durations = [];
  closeDays = [];
  statuses = /* @__PURE__ */ new Map();
  oldest = [];
  most = [];
  add(file) {
    this.files++;
    let errors = 0;
    let warnings = 0;
    for (const f of file.findings) {
      const rule = this.byRule.get(f.rule) ?? { errors: 0, warnings: 0 };
      if (f.severity === "error") {
        errors++;
        rule.errors++;
      } else {
        warnings++;
        rule.warnings++;
      }
      this.byRule.set(f.rule, rule);
    }
    this.errors += errors;
    this.warnings += warnings;
    if (errors === 0) this.compliant++;
    if (errors + warnings > 0) this.most = keepTop([...this.most, { path: file.path, title: file.title, errors, warnings }], byFindings);
    const month = incidentMonth(file);
    if (month) {
      const bySeverity = this.months.get(month) ?? /* @__PURE__ */ new Map();
      const severity = file.severity ?? "unknown";
      bySeverity.set(severity, (bySeverity.get(severity) ?? 0) + 1);
      this.months.set(month, bySeverity);
    } else this.undated++;
    const minutes = resolveMinutes(file);
    if (minutes !== null) this.durations.push(minutes);
    const open = [];
    for (const item of followUpsOf(file)) {
      this.statuses.set(item.status, (this.statuses.get(item.status) ?? 0) + 1);
      if (item.status === "closed" && item.createdAt && item.closedAt) {
        const days = (Date.parse(item.closedAt) - Date.parse(item.createdAt)) / DAY2;
        if (Number.isFinite(days) && days >= 0) this.closeDays.push(days);
      }
      if ((item.status === "open" || item.status === "overdue") && item.ageDays !== null) open.push(item);
    }
    if (open.length > 0) this.oldest = keepTop([...this.oldest, ...open], byAgeThenPlace);
  }
  result() {
    const byStatus = Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, this.statuses.get(s) ?? 0]));
    const total = FOLLOW_UP_STATUSES.reduce((n, s) => n + byStatus[s], 0);
    const known = total - byStatus.unknown;
    const done = byStatus.closed + byStatus["done-in-doc"];
    const fromIssues = byStatus.open + byStatus.overdue + byStatus.closed + byStatus["not-filed"];
    const sum = this.durations.reduce((a, b) => a + b, 0);
    return {
      compliance: {
        files: this.files,
        compliant: this.compliant,
        errors: this.errors,
        warnings: this.warnings,
        byRule: Object.fromEntries([...this.byRule].sort(([a], [b]) => cmp(a, b)))
      },
      incidentsPerMonth: [...this.months].sort(([a], [b]) => cmp(a, b)).map(([month, sev]) => ({ month, total: [...sev.values()].reduce((a, b) => a + b, 0), bySeverity: Object.fromEntries([...sev].sort(([a], [b]) => cmp(a, b))) })),
      undated: this.undated,
      timeToResolve: { count: this.durations.length, meanMinutes: round1(this.durations.length ? sum / this.durations.length : null), medianMinutes: round1(median(this.durations)) },
      followUps: { total, byStatus, completionRate: known > 0 && fromIssues > 0 ? Math.round(done / known * 1e3) / 1e3 : null },
      daysToClose: { count: this.closeDays.length, median: round1(median(this.closeDays)) },
      oldestOpen: this.oldest,
      mostFindings: this.most
    };
  }
};
function keepTop(list, order) {
  return list.sort(order).slice(0, TOP);
}

// src/audit/collect.ts
var AuditCollector = class {
  metrics = new MetricsAccumulator();
  rows = [];
  followUps = [];
  findings = [];
  summary = { files: 0, errors: 0, warnings: 0, actionItems: 0 };
  /** Add a file that already has its follow-up status (a merged report's file, say). */
  add(file) {
    this.metrics.add(file);
    let errors = 0;
    for (const f of file.findings) if (f.severity === "error") errors++;
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
      date: file.incident.date ?? (/^\d{4}-\d{2}-\d{2}/.exec(file.incident.start ?? "")?.[0] ?? null),
      severity: file.severity,
      minutes: resolveMinutes(file),
      errors,
      warnings,
      items: items.length,
      done: items.filter((i) => i.status === "closed" || i.status === "done-in-doc").length
    });
    if (file.findings.length > 0) this.findings.push({ path: file.path, findings: file.findings });
  }
  finish(meta) {
    const byPath = (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
    this.rows.sort(byPath);
    this.findings.sort(byPath);
    this.followUps.sort((a, b) => byPath(a, b) || a.line - b.line || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return {
      summary: { ...this.summary },
      audit: {
        generatedAt: meta.generatedAt,
        repository: meta.repository,
        online: meta.online,
        ...meta.shard ? { shard: { index: meta.shard.index, count: meta.shard.count } } : {},
        followUps: this.followUps,
        metrics: this.metrics.result()
      },
      rows: this.rows,
      findings: this.findings
    };
  }
};
async function auditStream(results, options) {
  const collector = new AuditCollector();
  for await (const compact of results) {
    const file = auditFile(compact, options.index, options.now);
    options.sink?.(file);
    collector.add(file);
  }
  return collector.finish({ generatedAt: options.now.toISOString(), repository: options.repository, online: options.index.online, shard: options.shard });
}

// src/audit/render.ts
var DASHBOARD_MARKER = "<!-- postmortem-governance:dashboard -->";
var BODY_LIMIT = 65536;
var VALID_LOGIN = /^@?([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
var pct = (x) => x === null ? "n/a" : `${Math.round(x * 1e3) / 10}%`;
function duration(minutes) {
  if (minutes === null) return "\u2014";
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h${m % 60 ? ` ${m % 60} min` : ""}`;
  return `${Math.round(h / 24)} d`;
}
function owner(text, mentions) {
  if (!text) return "\u2014";
  const m = VALID_LOGIN.exec(text.trim());
  if (m) return mentions ? `@${m[1]}` : login(m[1]);
  return md(text, 60);
}
function fileLink(link, path, title) {
  const text = md(title ?? path, 120);
  if (!link) return `${text} (${code(path)})`;
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `[${text}](${link.serverUrl}/${link.owner}/${link.repo}/blob/${link.sha}/${encoded})`;
}
function itemTitle(f) {
  return md(issueTitle({ title: f.title, id: f.key }), 150);
}
function issueLink(f) {
  return f.issue !== null && f.url ? `[#${f.issue}](${f.url})` : "\u2014";
}
function renderBlocks(blocks) {
  const out = [];
  for (const b of blocks) {
    if ("text" in b) {
      out.push(...b.text);
      continue;
    }
    const kept = b.kept ?? b.rows.length;
    out.push(...b.header, ...b.rows.slice(0, kept));
    if (kept < b.rows.length) out.push("", `\u2026and ${plural(b.rows.length - kept, `more ${b.noun}`)}, left out to stay within GitHub's size limit (the JSON report has them all).`);
    out.push("");
  }
  return out.join("\n");
}
function fitBlocks(blocks, limit) {
  let text = renderBlocks(blocks);
  const tables = blocks.filter((b) => "rows" in b);
  while (text.length > limit) {
    const longest = tables.filter((t) => (t.kept ?? t.rows.length) > 0).sort((a, b) => b.rows.slice(0, b.kept ?? b.rows.length).join("\n").length - a.rows.slice(0, a.kept ?? a.rows.length).join("\n").length)[0];
    if (!longest) break;
    let lo = 0;
    let hi = longest.kept ?? longest.rows.length;
    hi -= 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      longest.kept = mid;
      if (renderBlocks(blocks).length <= limit) lo = mid;
      else hi = mid - 1;
    }
    longest.kept = lo;
    text = renderBlocks(blocks);
  }
  return text;
}
function incidentsChart(metrics, maxMonths = 36) {
  const months = metrics.incidentsPerMonth;
  if (months.length === 0) return [];
  const counts = new Map(months.map((m2) => [m2.month, m2.total]));
  const all = [];
  let [y, m] = months[0].month.split("-").map(Number);
  const last = months[months.length - 1].month;
  for (let guard = 0; guard < 2400; guard++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    all.push(key);
    if (key >= last) break;
    m === 12 ? (m = 1, y++) : m++;
  }
  const shown = all.slice(-maxMonths);
  const values = shown.map((k) => counts.get(k) ?? 0);
  const top = Math.max(1, ...values);
  return [
    "```mermaid",
    "xychart-beta",
    '  title "Incidents per month"',
    `  x-axis [${shown.map((k) => `"${k}"`).join(", ")}]`,
    `  y-axis "Incidents" 0 --> ${top}`,
    `  bar [${values.join(", ")}]`,
    "```"
  ];
}
function followUpPie(metrics) {
  const s = metrics.followUps.byStatus;
  const slices = [
    ["Open", s.open],
    ["Overdue", s.overdue],
    ["Closed", s.closed],
    ["Done in document", s["done-in-doc"]],
    ["Not filed", s["not-filed"]],
    ["Unknown", s.unknown]
  ];
  const nonZero = slices.filter(([, n]) => n > 0);
  if (nonZero.length === 0) return [];
  return ["```mermaid", "pie title Follow-ups", ...nonZero.map(([k, n]) => `  "${k}" : ${n}`), "```"];
}
function headlines(outcome) {
  const { summary, audit } = outcome;
  const m = audit.metrics;
  const s = m.followUps.byStatus;
  const lines = [
    `**${plural(summary.files, "postmortem")}**: ${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}; ${m.compliance.compliant} without errors.`
  ];
  if (m.followUps.total > 0) {
    const parts = [`${s.open} open`, `${s.overdue} overdue`, `${s.closed} closed`, `${s["done-in-doc"]} done in the document`, `${s["not-filed"]} not filed`];
    if (s.unknown) parts.push(`${s.unknown} unknown`);
    lines.push(`**${plural(m.followUps.total, "follow-up")}**: ${parts.join(", ")}; completion ${pct(m.followUps.completionRate)}.`);
  } else lines.push("**No follow-ups** (action items) in these postmortems.");
  if (!audit.online) lines.push("Follow-up status is unknown for items without a done mark: this audit ran without access to the repository's issues.");
  const ttr = m.timeToResolve;
  lines.push(
    `Time to resolve: ${ttr.count ? `mean ${duration(ttr.meanMinutes)}, median ${duration(ttr.medianMinutes)} over ${plural(ttr.count, "incident")}` : "no incident states its window"}.` + (m.daysToClose.count ? ` Median time to close a follow-up: ${m.daysToClose.median} days (${m.daysToClose.count} closed).` : "")
  );
  return lines;
}
function auditMarkdown(outcome, options) {
  const { audit, rows } = outcome;
  const m = audit.metrics;
  const blocks = [];
  const head = options.dashboard ? [DASHBOARD_MARKER, "## Postmortem dashboard", "", "Kept up to date by postmortem-governance on each audit. Edits to this issue are overwritten; edit the postmortems instead.", ""] : ["## Postmortem audit", ""];
  blocks.push({ text: [...head, ...headlines(outcome).flatMap((l) => [l, ""]), ...incidentsChart(m), "", ...followUpPie(m), ""] });
  const overdue = audit.followUps.filter((f) => f.status === "overdue");
  if (overdue.length > 0) {
    const order = [...overdue].sort((a, b) => (a.due ?? "") < (b.due ?? "") ? -1 : (a.due ?? "") > (b.due ?? "") ? 1 : a.path < b.path ? -1 : 1);
    blocks.push({ text: [`### Overdue follow-ups (${overdue.length})`, ""] });
    blocks.push({
      header: options.dashboard ? ["| Issue | Follow-up | Owner | Due | Postmortem |", "| --- | --- | --- | --- | --- |"] : ["| Issue | Follow-up | Owner | Due | Days open | Postmortem |", "| --- | --- | --- | --- | --- | --- |"],
      rows: order.map(
        (f) => options.dashboard ? `| ${issueLink(f)} | ${itemTitle(f)} | ${owner(f.owner, options.mentions)} | ${md(f.due ?? "\u2014", 20)} | ${code(`${f.path}:${f.line}`)} |` : `| ${issueLink(f)} | ${itemTitle(f)} | ${owner(f.owner, options.mentions)} | ${md(f.due ?? "\u2014", 20)} | ${f.ageDays ?? "\u2014"} | ${code(`${f.path}:${f.line}`)} |`
      ),
      noun: "overdue follow-up"
    });
  }
  if (!options.dashboard && m.oldestOpen.length > 0) {
    blocks.push({ text: ["### Oldest open follow-ups", ""] });
    blocks.push({
      header: ["| Issue | Follow-up | Owner | Days open | Postmortem |", "| --- | --- | --- | --- | --- |"],
      rows: m.oldestOpen.map((f) => `| ${issueLink(f)} | ${itemTitle(f)} | ${owner(f.owner, options.mentions)} | ${f.ageDays ?? "\u2014"} | ${code(`${f.path}:${f.line}`)} |`),
      noun: "follow-up"
    });
  }
  const notFiled = audit.followUps.filter((f) => f.status === "not-filed");
  if (notFiled.length > 0) {
    blocks.push({ text: [`### Follow-ups without an issue (${notFiled.length})`, "", "Run `sync` (on a push to the default branch) to open them.", ""] });
    blocks.push({
      header: ["| Follow-up | Owner | Due | Postmortem |", "| --- | --- | --- | --- |"],
      rows: notFiled.map((f) => `| ${itemTitle(f)} | ${owner(f.owner, options.mentions)} | ${md(f.due ?? "\u2014", 20)} | ${code(`${f.path}:${f.line}`)} |`),
      noun: "follow-up without an issue"
    });
  }
  if (m.mostFindings.length > 0) {
    blocks.push({ text: ["### Postmortems with the most findings", ""] });
    blocks.push({
      header: ["| Postmortem | Errors | Warnings |", "| --- | --- | --- |"],
      rows: m.mostFindings.map((d) => `| ${fileLink(options.link, d.path, d.title)} | ${d.errors} | ${d.warnings} |`),
      noun: "postmortem"
    });
  }
  const rules = Object.entries(m.compliance.byRule);
  if (rules.length > 0) {
    blocks.push({ text: ["### Findings by rule", ""] });
    blocks.push({ header: ["| Rule | Errors | Warnings |", "| --- | --- | --- |"], rows: rules.map(([rule, n]) => `| ${code(rule)} | ${n.errors} | ${n.warnings} |`), noun: "rule" });
  }
  if (rows.length > 0) {
    blocks.push({ text: [`### Postmortems (${rows.length})`, ""] });
    blocks.push({
      header: ["| Postmortem | Date | Severity | Duration | Findings | Follow-ups done |", "| --- | --- | --- | --- | --- | --- |"],
      rows: [...rows].sort((a, b) => (b.date ?? "") < (a.date ?? "") ? -1 : (b.date ?? "") > (a.date ?? "") ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0).map((r) => `| ${fileLink(options.link, r.path, r.title)} | ${r.date ?? "\u2014"} | ${r.severity ? md(r.severity, 20) : "\u2014"} | ${duration(r.minutes)} | ${r.errors + r.warnings === 0 ? "\u2705" : `${r.errors} \u274C ${r.warnings} \u26A0\uFE0F`} | ${r.items ? `${r.done}/${r.items}` : "\u2014"} |`),
      noun: "postmortem"
    });
  }
  if (!options.dashboard) blocks.push({ text: [`<sub>Audited ${audit.generatedAt} by postmortem-governance${audit.shard ? ` (shard ${audit.shard.index}/${audit.shard.count})` : ""}.</sub>`, ""] });
  return fitBlocks(blocks, options.limit).trimEnd() + "\n";
}
function auditText(outcome) {
  const m = outcome.audit.metrics;
  const lines = ["", "Audit", ...headlines(outcome).map((l) => `  ${l.replace(/\*\*/g, "")}`)];
  if (m.incidentsPerMonth.length > 0) lines.push(`  Incidents per month: ${m.incidentsPerMonth.map((x) => `${x.month} ${x.total}`).join(", ")}`);
  const overdue = outcome.audit.followUps.filter((f) => f.status === "overdue");
  for (const f of overdue.slice(0, 50)) lines.push(`  overdue  #${f.issue}  ${f.path}:${f.line}  ${f.title}${f.owner ? `  (${f.owner})` : ""}${f.due ? `  due ${f.due}` : ""}`);
  if (overdue.length > 50) lines.push(`  \u2026and ${overdue.length - 50} more overdue`);
  return lines.join("\n") + "\n";
}

// src/audit/github.ts
var REMINDER_MARKER = "<!-- postmortem-governance:reminder -->";
var DAY3 = 864e5;
function toKnown(issue) {
  return { ...toTracked(issue), createdAt: issue.created_at ?? null, closedAt: issue.closed_at ?? null };
}
async function listFollowUps(gateway) {
  const me = await gateway.identity();
  const issues = await gateway.listIssuesBy(me);
  return { me, issues, index: indexFollowUps(issues.map(toKnown), me) };
}
async function upsertDashboard(gateway, listing, desired) {
  const { me } = listing;
  const ours = listing.issues.filter((i) => i.user?.login === me && (i.body ?? "").startsWith(DASHBOARD_MARKER)).sort((a, b) => a.number - b.number);
  const open = ours.filter((i) => i.state === "open");
  for (const copy of open.slice(1)) {
    await gateway.createComment(copy.number, `Duplicate of #${open[0].number}: two audits ran at the same time. Closing this copy.`);
    await gateway.updateIssue(copy.number, { state: "closed", state_reason: "not_planned" });
  }
  const existing = open[0] ?? ours[ours.length - 1];
  if (existing) {
    const same = (existing.body ?? "") === desired.body && existing.title === desired.title;
    const labelled = desired.labels.every((l) => existing.labels.some((x) => (typeof x === "string" ? x : x.name ?? "").toLowerCase() === l.toLowerCase()));
    if (same && (existing.state === "open" || !open.length) && labelled) return { action: "unchanged", number: existing.number, url: existing.html_url };
    if (!same || existing.state !== "open") {
      await gateway.updateIssue(existing.number, { title: desired.title, body: desired.body, ...existing.state !== "open" ? { state: "open" } : {} });
    }
    if (!labelled) await gateway.addLabels(existing.number, desired.labels);
    return { action: existing.state === "open" ? "updated" : "reopened", number: existing.number, url: existing.html_url };
  }
  const find = (candidates) => candidates.find((c) => c.user?.login === me && (c.body ?? "").startsWith(DASHBOARD_MARKER));
  const created = await gateway.createIssueOnce({ title: desired.title, body: desired.body, labels: desired.labels, assignees: [] }, find, me);
  return { action: "created", number: created?.number ?? null, url: created?.html_url ?? null };
}
function reminderBody(f, options) {
  const who = f.owner ? ` Owner: ${owner(f.owner, options.mentions)}.` : "";
  return [
    REMINDER_MARKER,
    `\u23F0 This follow-up was due on ${md(f.due ?? "?", 20)} and is still open.${who}`,
    "",
    `It comes from [${md(f.path, 200)}#L${f.line}](${lineLink(options.link, f.path, f.line)}) (${code(f.title, 120)}). Close this issue when the work is done, or change the due date in the postmortem.`
  ].join("\n");
}
async function remind(gateway, followUps, options) {
  const sent = [];
  const skipped = [];
  const seen = /* @__PURE__ */ new Set();
  for (const f of followUps) {
    if (f.status !== "overdue" || f.issue === null || seen.has(f.issue)) continue;
    seen.add(f.issue);
    const comments = await gateway.listIssueComments(f.issue);
    const last = comments.filter((c) => c.user?.login === options.me && (c.body ?? "").startsWith(REMINDER_MARKER)).map((c) => Date.parse(c.created_at ?? "")).filter(Number.isFinite).sort((a, b) => b - a)[0];
    if (last !== void 0 && options.now.getTime() - last < options.intervalDays * DAY3) {
      skipped.push(f.issue);
      continue;
    }
    await gateway.createComment(f.issue, reminderBody(f, options));
    sent.push(f.issue);
  }
  return { sent, skipped };
}

// src/audit/json-writer.ts
var indent = (json, by) => json.replace(/\n/g, `
${by}`);
var ReportWriter = class {
  constructor(write) {
    this.write = write;
  }
  write;
  count = 0;
  started = false;
  begin() {
    if (this.started) return;
    this.started = true;
    this.write('{\n  "version": 1,\n  "files": [');
  }
  file(file) {
    this.begin();
    this.write(`${this.count++ > 0 ? "," : ""}
    ${indent(JSON.stringify(file, null, 2), "    ")}`);
  }
  /** Close the files array and write the rest of the report's top-level fields. */
  end(rest) {
    this.begin();
    let text = this.count > 0 ? "\n  ]" : "]";
    for (const [key, value] of Object.entries(rest)) {
      if (value === void 0) continue;
      text += `,
  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), "  ")}`;
    }
    this.write(`${text}
}
`);
  }
};

export {
  OFFLINE,
  AuditCollector,
  auditStream,
  BODY_LIMIT,
  auditMarkdown,
  auditText,
  listFollowUps,
  upsertDashboard,
  remind,
  ReportWriter
};
