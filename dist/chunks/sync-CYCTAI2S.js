import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);
import {
  GitHubGateway,
  createOctokit,
  limitsFromEnv,
  runSync,
  tuningFromEnv
} from "./chunk-HUI3K7VL.js";
import "./chunk-ACLCLXQY.js";

// src/cli/sync.ts
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
export {
  syncCommand
};
