// Real event payloads for the action, built from @octokit/webhooks-examples (the examples
// GitHub's own docs use) with the repository, numbers, refs and shas of a test retargeted.
//
// `actionEnv()` writes a payload to GITHUB_EVENT_PATH and returns the environment GitHub Actions
// gives a JavaScript action, so a test can run the bundle against the loopback server:
//
//   const run = actionEnv(server, pullRequestEvent({ repo: 'acme/incidents', number: 7 }), { inputs: { token: 'test-token' } });
//   spawnSync(process.execPath, ['dist/index.js'], { env: { ...process.env, ...run.env } });
//   readFileSync(run.outputPath, 'utf8'); // what the action wrote with core.setOutput
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebhookDefinition } from '@octokit/webhooks-examples';
import type { PullRequestEvent, PushEvent, WorkflowDispatchEvent } from '@octokit/webhooks-types';

const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];

export interface ActionEvent<T = unknown> { name: string; payload: T }
/** The `schedule` trigger is an Actions-only event (absent from the webhook examples): since 2022-09 its
 *  payload carries `repository`, `organization` and `sender` besides the cron expression. */
export type ScheduleEvent = Pick<WorkflowDispatchEvent, 'repository' | 'organization' | 'sender'> & { schedule: string };

type Json = any;
const fakeSha = (seed: string) => createHash('sha1').update(seed).digest('hex');

function example(name: string, pick: (e: Json) => boolean = () => true): Json {
  const found = definitions.find((d) => d.name === name)?.examples.find(pick);
  if (!found) throw new Error(`@octokit/webhooks-examples has no matching ${name} example`);
  return structuredClone(found);
}

function mapStrings(node: Json, fn: (s: string) => string): Json {
  if (typeof node === 'string') return fn(node);
  if (Array.isArray(node)) return node.map((n) => mapStrings(n, fn));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapStrings(v, fn)]));
  return node;
}
const replaceAll = (from: string, to: string) => (s: string) => s.split(from).join(to);

/** An example user object renamed to `login` (URLs included). */
function user(template: Json, login: string): Json {
  const from = template.login as string;
  const renamed = mapStrings(template, (s) => (s === from ? login : s.replace(new RegExp(`(/users/|github\\.com/)${from}\\b`, 'g'), `$1${login}`)));
  return { ...renamed, login, id: parseInt(fakeSha(login).slice(0, 7), 16) };
}

/** An example repository object moved to `fullName`. */
function repository(template: Json, fullName: string, o: { defaultBranch?: string; fork?: boolean } = {}): Json {
  const [owner, name] = fullName.split('/');
  const moved = mapStrings(template, replaceAll(template.full_name, fullName));
  const id = parseInt(fakeSha(fullName).slice(0, 8), 16);
  return {
    ...moved, id, node_id: Buffer.from(`010:Repository${id}`).toString('base64'), name, full_name: fullName,
    owner: {
      ...user(template.owner, owner),
      ...(template.owner.name !== undefined && { name: owner, email: `${owner}@users.noreply.github.com` }), // push payloads
    },
    fork: o.fork ?? false, default_branch: o.defaultBranch ?? 'main',
    ...(template.master_branch !== undefined && { master_branch: o.defaultBranch ?? 'main' }),
  };
}

/** Moves an example payload to `fullName` and renames its sender (default octocat) everywhere, URLs included. */
function retarget(payload: Json, fullName: string, o: { defaultBranch?: string; sender?: string }): Json {
  const sender = o.sender ?? 'octocat';
  const oldSender = new RegExp(`\\b${payload.sender.login}\\b`, 'g');
  const out = mapStrings(payload, (s) => s.split(payload.repository.full_name).join(fullName).replace(oldSender, sender));
  out.repository = repository(payload.repository, fullName, o);
  out.sender = user(payload.sender, sender);
  if (out.organization) {
    const org = fullName.split('/')[0];
    out.organization = { ...mapStrings(out.organization, replaceAll(`/${out.organization.login}`, `/${org}`)), login: org };
  }
  return out;
}

export interface PullRequestEventOptions {
  repo: string;
  number: number;
  action?: 'opened' | 'synchronize' | 'reopened' | 'closed';
  /** With action 'closed': merged (default true) or closed without merging. */
  merged?: boolean;
  headRef?: string; headSha?: string; baseRef?: string; baseSha?: string;
  /** For 'synchronize': the previous head sha. */
  before?: string;
  /** true: the head lives in `<author>/<name>`; a string: that fork's full name. */
  fork?: boolean | string;
  author?: string; sender?: string; title?: string; body?: string | null;
  defaultBranch?: string;
}

export function pullRequestEvent(o: PullRequestEventOptions): ActionEvent<PullRequestEvent> {
  const action = o.action ?? 'opened';
  const base = example('pull_request', (e) => e.action === (action === 'reopened' ? 'reopened' : action));
  const oldNumber = base.number as number;
  const author = o.author ?? 'octocat';
  const p = retarget(base, o.repo, { defaultBranch: o.defaultBranch, sender: o.sender ?? author });
  const pr = mapStrings(p.pull_request, (s) => s.replace(new RegExp(`/(pulls?|issues)/${oldNumber}\\b`, 'g'), `/$1/${o.number}`));
  const headSha = o.headSha ?? fakeSha(`${o.repo}#${o.number} head`);
  const baseSha = o.baseSha ?? fakeSha(`${o.repo}#${o.number} base`);
  const headRepoName = typeof o.fork === 'string' ? o.fork : o.fork ? `${author}/${o.repo.split('/')[1]}` : o.repo;
  const headRef = o.headRef ?? `postmortem-${o.number}`;
  const baseRef = o.baseRef ?? o.defaultBranch ?? 'main';
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  Object.assign(pr, {
    number: o.number, title: o.title ?? `Postmortem #${o.number}`, body: o.body ?? null, user: user(base.pull_request.user, author),
    statuses_url: pr.statuses_url.replace(base.pull_request.head.sha, headSha),
    head: {
      ...pr.head, ref: headRef, sha: headSha, label: `${headRepoName.split('/')[0]}:${headRef}`, user: user(base.pull_request.head.user, headRepoName.split('/')[0]),
      repo: repository(base.pull_request.head.repo, headRepoName, { defaultBranch: o.defaultBranch, fork: headRepoName !== o.repo }),
    },
    base: { ...pr.base, ref: baseRef, sha: baseSha, label: `${o.repo.split('/')[0]}:${baseRef}`, user: user(base.pull_request.base.user, o.repo.split('/')[0]), repo: p.repository },
    state: action === 'closed' ? 'closed' : 'open', closed_at: action === 'closed' ? now : null, merged: false, merged_at: null, merged_by: null,
    assignee: null, assignees: [], requested_reviewers: [], requested_teams: [], labels: [], milestone: null,
  });
  if (action === 'closed' && o.merged !== false) {
    Object.assign(pr, { merged: true, merged_at: now, merge_commit_sha: fakeSha(`${o.repo}#${o.number} merge`), merged_by: p.sender });
  }
  const payload = { ...p, number: o.number, pull_request: pr };
  if (action === 'synchronize') Object.assign(payload, { before: o.before ?? fakeSha(`${o.repo}#${o.number} before`), after: headSha });
  return { name: 'pull_request', payload };
}

export function pushEvent(o: { repo: string; ref?: string; before?: string; after?: string; sender?: string; defaultBranch?: string }): ActionEvent<PushEvent> {
  const base = example('push', (e) => e.ref.startsWith('refs/heads/') && e.commits.length > 0);
  const after = o.after ?? fakeSha(`${o.repo} push`);
  const before = o.before ?? fakeSha(`${o.repo} push before`);
  const p = retarget(mapStrings(base, replaceAll(base.after, after)), o.repo, o);
  Object.assign(p, {
    ref: o.ref ?? `refs/heads/${o.defaultBranch ?? 'main'}`, before, after,
    compare: `https://github.com/${o.repo}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
  });
  return { name: 'push', payload: p };
}

export function workflowDispatchEvent(o: { repo: string; ref?: string; inputs?: Record<string, unknown>; sender?: string; defaultBranch?: string }): ActionEvent<WorkflowDispatchEvent> {
  const p = retarget(example('workflow_dispatch'), o.repo, o);
  Object.assign(p, { ref: o.ref ?? `refs/heads/${o.defaultBranch ?? 'main'}`, inputs: o.inputs ?? {} });
  return { name: 'workflow_dispatch', payload: p };
}

export function scheduleEvent(o: { repo: string; cron?: string; sender?: string; defaultBranch?: string }): ActionEvent<ScheduleEvent> {
  const { repository: r, organization, sender } = retarget(example('workflow_dispatch'), o.repo, o);
  return { name: 'schedule', payload: { schedule: o.cron ?? '0 6 * * 1', repository: r, organization, sender } };
}

export interface ActionRun {
  /** Merge over process.env when spawning: `{ ...process.env, ...run.env }`. */
  env: Record<string, string>;
  dir: string; eventPath: string; outputPath: string; summaryPath: string;
}

/**
 * Environment of a GitHub Actions JavaScript step for `event`, pointed at the loopback server.
 * Sets GITHUB_API_URL (read by @actions/github when it is imported), GITHUB_REPOSITORY,
 * GITHUB_EVENT_NAME/GITHUB_EVENT_PATH, GITHUB_SHA/GITHUB_REF(_NAME), GITHUB_HEAD_REF/GITHUB_BASE_REF,
 * GITHUB_WORKSPACE, RUNNER_TEMP, the GITHUB_OUTPUT/STEP_SUMMARY/ENV/STATE files, GITHUB_TOKEN and
 * one INPUT_<NAME> per input (the way the runner maps `with:`).
 */
export function actionEnv(
  server: { url: string },
  event: ActionEvent,
  o: { token?: string; inputs?: Record<string, string>; workspace?: string; sha?: string } = {},
): ActionRun {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-action-'));
  const file = (name: string, content = '') => { const path = join(dir, name); writeFileSync(path, content); return path; };
  const payload = event.payload as Json;
  const repo = payload.repository.full_name as string;
  const pr = payload.pull_request;
  const ref = pr ? `refs/pull/${pr.number}/merge` : (payload.ref ?? `refs/heads/${payload.repository.default_branch}`);
  const sha = o.sha ?? (pr ? (pr.merge_commit_sha ?? pr.head.sha) : (payload.after ?? fakeSha(`${repo} ${ref}`)));
  const eventPath = file('event.json', JSON.stringify(payload, null, 2));
  const outputPath = file('output');
  const summaryPath = file('step-summary.md');
  const env: Record<string, string> = {
    CI: 'true', GITHUB_ACTIONS: 'true', RUNNER_OS: 'Linux', RUNNER_TEMP: dir,
    GITHUB_API_URL: server.url, GITHUB_GRAPHQL_URL: `${server.url}/graphql`, GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: repo, GITHUB_REPOSITORY_OWNER: repo.split('/')[0], GITHUB_EVENT_NAME: event.name, GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: sha, GITHUB_REF: ref, GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_HEAD_REF: pr?.head.ref ?? '', GITHUB_BASE_REF: pr?.base.ref ?? '',
    GITHUB_WORKSPACE: o.workspace ?? process.cwd(), GITHUB_WORKFLOW: 'postmortem', GITHUB_JOB: 'postmortem',
    GITHUB_ACTION: 'postmortem-governance', GITHUB_ACTOR: payload.sender?.login ?? 'octocat',
    GITHUB_RUN_ID: '1', GITHUB_RUN_NUMBER: '1', GITHUB_RUN_ATTEMPT: '1',
    GITHUB_OUTPUT: outputPath, GITHUB_STEP_SUMMARY: summaryPath, GITHUB_ENV: file('env'), GITHUB_STATE: file('state'),
    GITHUB_TOKEN: o.token ?? 'test-token',
  };
  for (const [name, value] of Object.entries(o.inputs ?? {})) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return { env, dir, eventPath, outputPath, summaryPath };
}
