/**
 * One planned operation, applied through the gateway. Each step that posts
 * a comment looks for its own earlier comment first (a hidden note marker),
 * so a rerun after a crash between a comment and the label or close that
 * follows it posts nothing twice.
 */
import { isOwnLogin, type Identities, type TrackedIssue } from '../core/identity.js';
import { itemKey, noteMarker, noteOf, parseItemMarker } from '../core/markers.js';
import type { PlannedItem } from '../core/plan.js';
import type { Operation } from '../core/sync.js';
import type { ResolvedConfig } from '../core/config/resolve.js';
import { statusOf, type ApiIssue, type GitHubGateway } from '../github/gateway.js';
import { code } from '../render/escape.js';
import { managedBody } from '../render/issue.js';
import { lineLink, type LinkBase } from '../render/links.js';

export interface ItemOutcome {
  key: string;
  path: string;
  line: number;
  title: string;
  issue: number | null;
  url: string | null;
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
}

const NO_WRITE = new Set(['unchanged', 'already-closed', 'kept-open', 'linked', 'done-in-doc', 'skipped', 'undecided']);

export function itemOutcome(item: PlannedItem, issue: { number: number; url: string } | null, action: string, reason?: string): ItemOutcome {
  return { key: item.key, path: item.path, line: item.line, title: item.title, issue: issue?.number ?? null, url: issue?.url ?? null, action, ...(reason ? { reason } : {}) };
}

function issueOutcome(issue: TrackedIssue, path: string, action: string, reason?: string): ItemOutcome {
  return { key: itemKey({ path, id: issue.marker?.id ?? '' }), path, line: 0, title: issue.title, issue: issue.number, url: issue.url, action, ...(reason ? { reason } : {}) };
}

/**
 * Post a step's comment unless the product already did (a rerun after a
 * crash): true when it was there before.
 */
export async function commentOnce(ctx: ApplyContext, issue: number, step: string, text: string): Promise<boolean> {
  const comments = await ctx.gateway.listIssueComments(issue);
  if (comments.some((c) => noteOf(c.body) === step && isOwnLogin(c.user?.login ?? '', ctx.identities))) return true;
  await ctx.gateway.createComment(issue, `${noteMarker(step)}\n${text}`);
  return false;
}

export async function applyOperation(op: Operation, ctx: ApplyContext): Promise<Applied> {
  const { gateway, settings } = ctx;
  const done = (outcome: ItemOutcome, pending = false): Applied => {
    const action = ctx.dryRun && !NO_WRITE.has(outcome.action) ? `would-${outcome.action}` : outcome.action;
    return { outcome: { ...outcome, action }, pending };
  };
  switch (op.kind) {
    case 'create': {
      const me = ctx.identities.self;
      const ours = (c: ApiIssue) => {
        const marker = parseItemMarker(c.body);
        return isOwnLogin(c.user?.login ?? '', ctx.identities) && marker !== null && itemKey(marker) === op.item.key;
      };
      const find = (candidates: ApiIssue[]) => candidates.find(ours);
      let created: ApiIssue | undefined;
      try {
        created = await gateway.createIssueOnce({ title: op.desired.title, body: op.desired.managed, labels: op.desired.labels, assignees: op.desired.assignees }, find, me);
      } catch (error) {
        if (statusOf(error) !== 422 || op.desired.assignees.length === 0) throw error;
        // The owner could not be assigned after all: name them in the body instead.
        ctx.log.warning(`Could not assign ${op.desired.assignees.join(', ')} to "${op.desired.title}"; naming the owner in the issue instead.`);
        const named = managedBody(op.item, { link: ctx.link, ownerAssignable: false, record: { by: me, title: op.desired.title, labels: op.desired.labels, assignees: [] } });
        created = await gateway.createIssueOnce({ title: op.desired.title, body: named, labels: op.desired.labels, assignees: [] }, find, me);
      }
      return done(itemOutcome(op.item, created ? { number: created.number, url: created.html_url } : null, 'created'));
    }
    case 'update': {
      const { edit, issue } = op;
      if (edit.title !== undefined || edit.body !== undefined) await gateway.updateIssue(issue.number, { ...(edit.title !== undefined ? { title: edit.title } : {}), ...(edit.body !== undefined ? { body: edit.body } : {}) });
      if (edit.addLabels.length > 0) await gateway.addLabels(issue.number, edit.addLabels);
      for (const label of edit.removeLabels) await gateway.removeLabel(issue.number, label);
      if (edit.addAssignees.length > 0) await gateway.addAssignees(issue.number, edit.addAssignees);
      if (edit.removeAssignees.length > 0) await gateway.removeAssignees(issue.number, edit.removeAssignees);
      const moved = issue.marker && issue.marker.path !== op.item.path ? `; moved from ${issue.marker.path}` : '';
      return done(itemOutcome(op.item, issue, 'updated', `${op.changes.join(', ')}${moved}`));
    }
    case 'unchanged':
      return done(itemOutcome(op.item, op.issue, 'unchanged'));
    case 'closed':
      return done(itemOutcome(op.item, op.issue, 'already-closed'));
    case 'kept-open':
      return done(itemOutcome(op.item, op.issue, 'kept-open', 'the postmortem marks it done, but a person reopened the issue'));
    case 'close-done': {
      const at = lineLink(ctx.link, op.item.path, op.item.line);
      await commentOnce(ctx, op.issue.number, 'close-done', `The postmortem now marks this item done ([${op.item.path}#L${op.item.line}](${at})). Closing.`);
      await gateway.updateIssue(op.issue.number, { state: 'closed', state_reason: 'completed' });
      return done(itemOutcome(op.item, op.issue, 'closed'));
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
      await commentOnce(ctx, op.issue.number, 'removed', note + tail);
      if (!op.issue.labels.some((l) => l.toLowerCase() === settings.labels.removed.toLowerCase())) await gateway.addLabels(op.issue.number, [settings.labels.removed]);
      if (op.close) await gateway.updateIssue(op.issue.number, { state: 'closed', state_reason: 'not_planned' });
      return done(issueOutcome(op.issue, op.path, 'removed'));
    }
    case 'duplicate': {
      await closeDuplicate(ctx, op.issue, op.of, op.linked);
      return done(issueOutcome(op.issue, op.issue.marker?.path ?? '', 'duplicate', `kept #${op.of.number}`));
    }
  }
}

export async function closeDuplicate(ctx: ApplyContext, issue: TrackedIssue, of: TrackedIssue, linked = false): Promise<void> {
  const why = linked
    ? `the postmortem links this action item to #${of.number}.`
    : `two runs of postmortem-governance opened an issue for the same action item.`;
  await commentOnce(ctx, issue.number, 'duplicate', `Duplicate of #${of.number}: ${why} Closing this copy; #${of.number} tracks the item.`);
  await ctx.gateway.updateIssue(issue.number, { state: 'closed', state_reason: 'not_planned' });
}
