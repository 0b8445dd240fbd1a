/**
 * One planned operation, applied through the gateway of the issue's
 * repository. Each step that posts a comment looks for its own earlier
 * comment first (a hidden note marker), so a rerun after a crash between a
 * comment and the label or close that follows it posts nothing twice. A new
 * issue meant for a repository that refuses the token is opened in the
 * documents' repository instead.
 */
import { isOwnLogin, type Identities, type TrackedIssue } from '../core/identity.js';
import { itemKey, noteMarker, noteOf, parseItemMarker } from '../core/markers.js';
import type { PlannedItem } from '../core/plan.js';
import type { Desired, Operation } from '../core/sync.js';
import type { ResolvedConfig } from '../core/config/resolve.js';
import { isRefused, statusOf, type ApiIssue, type GitHubGateway } from '../github/gateway.js';
import { toTracked } from '../github/tracked.js';
import { code } from '../render/escape.js';
import { lineLink, type LinkBase } from '../render/links.js';
import { refusedMessage } from './repos.js';

export interface ItemOutcome {
  key: string;
  path: string;
  line: number;
  title: string;
  issue: number | null;
  url: string | null;
  /** The repository the issue is in ("owner/name"), when it is not the postmortem's own. */
  repo?: string;
  /**
   * What was done: created, updated, unchanged, closed (done in the document), already-closed, kept-open (a person
   * reopened it), removed, duplicate, skipped, linked, done-in-doc, undecided (a person decides), failed, and for a file
   * unreadable or unreadable-front-matter; with dry-run, "would-" + the action.
   */
  action: string;
  reason?: string;
}

/** What applying one operation did. */
export interface Applied {
  outcome: ItemOutcome;
  /** The operation's work is left for a later run (max-issues). */
  pending: boolean;
  /** The item's issue after the operation (for its tracking issue and the project board). */
  issue?: TrackedIssue;
  /** A message for people (a repository that refused the token). */
  note?: string;
}

export interface ApplyContext {
  gateway: GitHubGateway;
  settings: ResolvedConfig['issues'];
  identities: Identities;
  link: LinkBase;
  /** Documents deleted in this run. */
  deleted: ReadonlySet<string>;
  dryRun: boolean;
  log: { info(message: string): void; warning(message: string): void };
  /** "owner/name" of the documents' repository. */
  home: string;
  /** Repositories that refused the token in this run (lower case): told once, then filed here. */
  refused: Set<string>;
  /** The issue an item should have (`repo`: where a new one is opened; absent: here), to open it here after all. */
  desired: (item: PlannedItem, issue: TrackedIssue | null, repo?: string) => Desired;
  /** The same when its owner cannot be assigned (GitHub said 422). */
  undesired: (item: PlannedItem, issue: TrackedIssue | null, repo?: string) => Desired;
}

const NO_WRITE = new Set(['unchanged', 'already-closed', 'kept-open', 'linked', 'done-in-doc', 'skipped', 'undecided']);

export function itemOutcome(item: PlannedItem, issue: { number: number; url: string; repo?: string } | null, action: string, reason?: string): ItemOutcome {
  return {
    key: item.key, path: item.path, line: item.line, title: item.title, issue: issue?.number ?? null, url: issue?.url ?? null, ...(issue?.repo ? { repo: issue.repo } : {}), action, ...(reason ? { reason } : {}),
  };
}

function issueOutcome(issue: TrackedIssue, path: string, action: string, reason?: string): ItemOutcome {
  return { key: itemKey({ path, id: issue.marker?.id ?? '' }), path, line: 0, title: issue.title, issue: issue.number, url: issue.url, ...(issue.repo ? { repo: issue.repo } : {}), action, ...(reason ? { reason } : {}) };
}

/** The gateway of the repository an issue is in. */
export function gatewayOf(ctx: Pick<ApplyContext, 'gateway'>, issue: { repo?: string }): GitHubGateway {
  return issue.repo ? ctx.gateway.forRepo(issue.repo) : ctx.gateway;
}

/**
 * Post a step's comment unless the product already did (a rerun after a
 * crash): true when it was there before.
 */
export async function commentOnce(ctx: Pick<ApplyContext, 'gateway' | 'identities'>, issue: { number: number; repo?: string }, step: string, text: string): Promise<boolean> {
  const gateway = gatewayOf(ctx, issue);
  const comments = await gateway.listIssueComments(issue.number);
  if (comments.some((c) => noteOf(c.body) === step && isOwnLogin(c.user?.login ?? '', ctx.identities))) return true;
  await gateway.createComment(issue.number, `${noteMarker(step)}\n${text}`);
  return false;
}

export async function applyOperation(op: Operation, ctx: ApplyContext): Promise<Applied> {
  const { settings } = ctx;
  const done = (outcome: ItemOutcome, pending = false): Applied => {
    const action = ctx.dryRun && !NO_WRITE.has(outcome.action) ? `would-${outcome.action}` : outcome.action;
    return { outcome: { ...outcome, action }, pending };
  };
  switch (op.kind) {
    case 'create':
      return create(op, ctx, done);
    case 'update': {
      const { edit, issue } = op;
      const at = gatewayOf(ctx, issue);
      if (edit.title !== undefined || edit.body !== undefined || edit.type !== undefined) {
        await at.updateIssue(issue.number, { ...(edit.title !== undefined ? { title: edit.title } : {}), ...(edit.body !== undefined ? { body: edit.body } : {}), ...(edit.type !== undefined ? { type: edit.type } : {}) });
      }
      if (edit.addLabels.length > 0) await at.addLabels(issue.number, edit.addLabels);
      for (const label of edit.removeLabels) await at.removeLabel(issue.number, label);
      if (edit.addAssignees.length > 0) await at.addAssignees(issue.number, edit.addAssignees);
      if (edit.removeAssignees.length > 0) await at.removeAssignees(issue.number, edit.removeAssignees);
      const moved = issue.marker && issue.marker.path !== op.item.path ? `; moved from ${issue.marker.path}` : '';
      return { ...done(itemOutcome(op.item, issue, 'updated', `${op.changes.join(', ')}${moved}`)), issue: { ...issue, ...(edit.type !== undefined ? { type: edit.type } : {}) } };
    }
    case 'unchanged':
      return { ...done(itemOutcome(op.item, op.issue, 'unchanged')), issue: op.issue };
    case 'closed':
      return { ...done(itemOutcome(op.item, op.issue, 'already-closed')), issue: op.issue };
    case 'kept-open':
      return { ...done(itemOutcome(op.item, op.issue, 'kept-open', 'the postmortem marks it done, but a person reopened the issue')), issue: op.issue };
    case 'close-done': {
      const at = lineLink(ctx.link, op.item.path, op.item.line);
      await commentOnce(ctx, op.issue, 'close-done', `The postmortem now marks this item done ([${op.item.path}#L${op.item.line}](${at})). Closing.`);
      await gatewayOf(ctx, op.issue).updateIssue(op.issue.number, { state: 'closed', state_reason: 'completed' });
      return { ...done(itemOutcome(op.item, op.issue, 'closed')), issue: { ...op.issue, state: ctx.dryRun ? op.issue.state : 'closed' } };
    }
    case 'done-in-doc':
      return done(itemOutcome(op.item, null, 'done-in-doc'));
    case 'linked':
      return done(itemOutcome(op.item, null, 'linked', `the document links ${op.item.linked}${op.where ? `, now ${op.where}` : ''}`));
    case 'undecided':
      return done(
        itemOutcome(op.item, null, 'undecided', `could be ${op.candidates.map((c) => `#${c.number}`).join(' or ')}: write the issue's reference next to the item, e.g. (#${op.candidates[0].number}), or give it an id, to decide`),
      );
    case 'skipped':
      return done(itemOutcome(op.item, null, 'skipped', op.reason), true);
    case 'removed': {
      const note = op.deleted
        ? `The postmortem ${code(op.path)} was deleted, so this item no longer exists in it.`
        : `This item is no longer in ${code(op.path)} (at ${ctx.link.sha.slice(0, 7)}): it was removed or reworded beyond recognition.`;
      const tail = op.close ? ' Closing, as the configuration asks (`issues.close-removed`).' : ' It stays open: close it if the work is no longer planned.';
      await commentOnce(ctx, op.issue, 'removed', note + tail);
      const at = gatewayOf(ctx, op.issue);
      if (!op.issue.labels.some((l) => l.toLowerCase() === settings.labels.removed.toLowerCase())) await at.addLabels(op.issue.number, [settings.labels.removed]);
      if (op.close) await at.updateIssue(op.issue.number, { state: 'closed', state_reason: 'not_planned' });
      return done(issueOutcome(op.issue, op.path, 'removed'));
    }
    case 'duplicate': {
      await closeDuplicate(ctx, op.issue, op.of, op.linked);
      return done(issueOutcome(op.issue, op.issue.marker?.path ?? '', 'duplicate', `kept #${op.of.number}`));
    }
  }
}

export async function closeDuplicate(ctx: ApplyContext, issue: TrackedIssue, of: TrackedIssue, linked = false): Promise<void> {
  // Within one repository "#12"; across repositories the kept issue's URL.
  const name = (issue.repo ?? '').toLowerCase() === (of.repo ?? '').toLowerCase() ? `#${of.number}` : of.url;
  const why = linked
    ? `the postmortem links this action item to ${name}.`
    : `two runs of postmortem-governance opened an issue for the same action item.`;
  await commentOnce(ctx, issue, 'duplicate', `Duplicate of ${name}: ${why} Closing this copy; ${name} tracks the item.`);
  await gatewayOf(ctx, issue).updateIssue(issue.number, { state: 'closed', state_reason: 'not_planned' });
}

type Done = (outcome: ItemOutcome, pending?: boolean) => Applied;

/**
 * Open an item's issue where its route leads. GitHub may still refuse the
 * token there (a permission the first look could not tell): then it is
 * opened here, and the run says so once for that repository. An owner
 * GitHub will not assign after all (422) is named in the body instead.
 */
async function create(op: Extract<Operation, { kind: 'create' }>, ctx: ApplyContext, done: Done): Promise<Applied> {
  const me = ctx.identities.self;
  const ours = (c: ApiIssue) => {
    const marker = parseItemMarker(c.body);
    return isOwnLogin(c.user?.login ?? '', ctx.identities) && marker !== null && itemKey(marker) === op.item.key;
  };
  const find = (candidates: ApiIssue[]) => candidates.find(ours);
  const open = async (repo: string | undefined, desired: Desired) =>
    gatewayOf(ctx, { repo }).createIssueOnce({ title: desired.title, body: desired.managed, labels: desired.labels, assignees: desired.assignees, ...(desired.type ? { type: desired.type } : {}) }, find, me);
  // Opened here after all, the issue is rendered for here (no `src`, this repository's types).
  const attempt = async (repo: string | undefined): Promise<ApiIssue | undefined> => {
    const desired = repo === op.repo ? op.desired : ctx.desired(op.item, null, repo);
    try {
      return await open(repo, desired);
    } catch (error) {
      if (statusOf(error) !== 422 || desired.assignees.length === 0) throw error;
      ctx.log.warning(`Could not assign ${desired.assignees.join(', ')} to "${desired.title}"; naming the owner in the issue instead.`);
      return open(repo, ctx.undesired(op.item, null, repo));
    }
  };
  // A repository that refused the token earlier in this run is not asked again.
  let repo = op.repo && !ctx.refused.has(op.repo.toLowerCase()) ? op.repo : undefined;
  if (op.repo && !repo) return settle(await attempt(undefined), `filed here: the token cannot open issues in ${op.repo}`);
  let note: string | undefined;
  let created: ApiIssue | undefined;
  try {
    created = await attempt(repo);
  } catch (error) {
    if (!repo || !isRefused(error)) throw error;
    // The token may not open issues there after all: open it here, and say so once for that repository.
    if (!ctx.refused.has(repo.toLowerCase())) {
      ctx.refused.add(repo.toLowerCase());
      note = refusedMessage(repo, ctx.home, statusOf(error) === 404 ? 'none' : 'read', 1);
      ctx.log.warning(note);
    }
    const meant = repo;
    repo = undefined;
    created = await attempt(undefined);
    return { ...settle(created, `filed here: the token cannot open issues in ${meant}`), ...(note ? { note } : {}) };
  }
  const refusedBefore = op.refused ? `filed here: the token cannot open issues in ${op.refused}` : undefined;
  return settle(created, refusedBefore);

  function settle(issue: ApiIssue | undefined, reason?: string): Applied {
    const tracked = issue ? toTracked(issue, repo) : undefined;
    return { ...done(itemOutcome(op.item, tracked ? { number: tracked.number, url: tracked.url, repo } : null, 'created', reason)), ...(tracked ? { issue: tracked } : {}) };
  }
}
