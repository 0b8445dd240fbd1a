import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  checkPath
} from "./chunk-7ZKNTLTX.js";

// src/io/pool.ts
import { existsSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

// src/core/report.ts
var REPORT_VERSION = 1;
function fileReport(result) {
  const m = result.model;
  const start = m?.incident.start;
  const end = m?.incident.end;
  const computed = start?.epoch !== void 0 && end?.epoch !== void 0 ? Math.round((end.epoch - start.epoch) / 6e4) : null;
  return {
    path: result.path,
    title: m?.title ?? null,
    incident: {
      start: start?.time ?? null,
      end: end?.time ?? null,
      durationMinutes: m?.incident.duration?.minutes ?? computed,
      timezone: m?.incident.timezone?.zone ?? null,
      date: m?.incident.date ?? null
    },
    sections: (m?.sections ?? []).map((s) => ({ key: s.keys[0] ?? null, keys: s.keys, heading: s.heading, line: s.line, level: s.level })),
    timeline: (m?.timeline ?? []).map((t) => ({ line: t.line, text: t.text, time: t.time, ...t.invalid ? { invalid: t.invalid } : {} })),
    actionItems: (m?.actionItems ?? []).map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      line: a.line,
      owner: a.owner,
      due: a.due,
      priority: a.priority,
      done: a.done,
      issue: a.issue
    })),
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      line: f.line,
      column: f.column,
      message: f.message,
      ...f.endLine !== void 0 ? { endLine: f.endLine, endColumn: f.endColumn } : {},
      ...f.related ? { related: f.related } : {}
    }))
  };
}
function summarize(files) {
  let errors = 0;
  let warnings = 0;
  let actionItems = 0;
  for (const f of files) {
    for (const x of f.findings) x.severity === "error" ? errors++ : warnings++;
    actionItems += f.actionItems.length;
  }
  return { files: files.length, errors, warnings, actionItems };
}
function buildReport(results) {
  const files = results.map(fileReport).sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { version: REPORT_VERSION, files, summary: summarize(files) };
}

// src/core/audit/compact.ts
function severityOf(model) {
  const s = model?.frontMatter?.data?.severity;
  return typeof s === "string" || typeof s === "number" ? String(s).slice(0, 40) : null;
}
function compactFile(result) {
  return {
    file: fileReport(result),
    severity: severityOf(result.model),
    fingerprints: (result.model?.actionItems ?? []).map((a) => a.fingerprint ?? [])
  };
}

// src/io/pool.ts
var BATCH = 16;
var IN_FLIGHT = 2;
var MAX_WAITING = 512;
async function checkOne(cwd, path, config, now) {
  return compactFile(await checkPath(cwd, path, config, now));
}
function workerScript() {
  for (const candidate of ["./worker.js", "../worker.js"]) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol !== "file:") continue;
    const path = fileURLToPath(url);
    if (existsSync(path)) return path;
  }
  return null;
}
function defaultThreads(env = process.env) {
  const forced = env.POSTMORTEM_THREADS;
  if (forced !== void 0 && /^\d{1,2}$/.test(forced)) return Number(forced);
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(8, cores));
}
function plannedThreads(count, options) {
  const threads = options.threads ?? defaultThreads();
  if (threads < 1 || count <= (options.threshold ?? 200) || !workerScript()) return 0;
  return Math.min(threads, Math.ceil(count / BATCH));
}
async function* checkStream(files, options) {
  const threads = plannedThreads(files.length, options);
  if (threads === 0) {
    for (let i = 0; i < files.length; i++) {
      yield await checkOne(options.cwd, files[i], options.config, options.now);
      options.onProgress?.(i + 1, files.length);
    }
    return;
  }
  yield* pooled(files, options, workerScript(), threads);
}
async function* pooled(files, options, script, threads) {
  const setup = { cwd: options.cwd, config: options.config, now: options.now.toISOString() };
  const ready = /* @__PURE__ */ new Map();
  const inFlight = /* @__PURE__ */ new Map();
  let dispatched = 0;
  let failure = null;
  let finished = false;
  let wake = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const workers = Array.from({ length: threads }, () => new Worker(script, { workerData: setup }));
  const feed = (worker) => {
    while ((inFlight.get(worker) ?? 0) < IN_FLIGHT && dispatched < files.length && ready.size < MAX_WAITING) {
      const batch = [];
      for (let n = 0; n < BATCH && dispatched < files.length; n++, dispatched++) batch.push([dispatched, files[dispatched]]);
      worker.postMessage(batch);
      inFlight.set(worker, (inFlight.get(worker) ?? 0) + 1);
    }
  };
  for (const worker of workers) {
    worker.on("message", (results) => {
      for (const [index, result] of results) ready.set(index, result);
      inFlight.set(worker, (inFlight.get(worker) ?? 1) - 1);
      feed(worker);
      signal();
    });
    worker.on("error", (error) => {
      failure ??= error;
      signal();
    });
    worker.on("exit", (code) => {
      if (!finished && code !== 0) failure ??= new Error(`a checking thread stopped with code ${code}`);
      signal();
    });
  }
  try {
    workers.forEach(feed);
    for (let next = 0; next < files.length; ) {
      const result = ready.get(next);
      if (result) {
        ready.delete(next);
        next++;
        yield result;
        options.onProgress?.(next, files.length);
        workers.forEach(feed);
        continue;
      }
      if (failure) throw failure;
      await new Promise((resolve) => wake = resolve);
    }
  } finally {
    finished = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
function progressBar(write, enabled, label) {
  let last = 0;
  let drawn = false;
  const width = 30;
  return {
    update(done, total) {
      if (!enabled) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const filled = total === 0 ? width : Math.round(done / total * width);
      write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    end() {
      if (drawn) write("\r\x1B[K");
    }
  };
}

export {
  REPORT_VERSION,
  summarize,
  buildReport,
  checkOne,
  plannedThreads,
  checkStream,
  progressBar
};
