/**
 * Apply the sync plan through the gateway: one listing of the product's own
 * issues, the plan from the pure planner, then only the writes that differ.
 * Shared by the action (`mode: sync`) and the CLI (`postmortem sync`).
 */
import type { ResolvedConfig } from '../core/config/resolve.js';
import type { CheckedFile } from '../core/engine.js';
import { itemKey, parseItemMarker, replaceManaged } from '../core/markers.js';
import { planItems, type PlannedItem } from '../core/plan.js';
import { labelsFor, planSync, type Desired, type Operation, type TrackedIssue } from '../core/sync.js';
import type { PostmortemModel } from '../core/types.js';
import { PaceExceeded, statusOf, type ApiIssue, type GitHubGateway } from '../github/gateway.js';
import { issueTitle, managedBody } from '../render/issue.js';
import { lineLink, type LinkBase } from '../render/links.js';

export interface SyncLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface ItemOutcome {
  key: string;
  path: string;
  line: number;
  title: string;
  issue: number | null;
  url: string | null;
  /** What was done: created, updated, unchanged, closed (done in the document), already-closed, removed, duplicate, skipped, linked, done-in-doc, failed; with dry-run, "would-" + the action. */
  action: string;
  reason?: string;
}

export interface SyncResult {
  outcomes: ItemOutcome[];
  counts: Record<string, number>;
  /** Items left for a later run (max-issues, failures): rerun to finish. */
  remaining: number;
  failures: string[];
}

export interface SyncOptions {
  gateway: GitHubGateway;
  config: ResolvedConfig;
  /** The documents read in full in this run. */
  files: CheckedFile[];
  /** Documents deleted in this run (all their open issues are for removed items). */
  deleted: string[];
  link: LinkBase;
  maxCreates: number;
  dryRun: boolean;
  log: SyncLog;
}

const LABEL_COLORS: Record<string, string> = { corrective: 'd93f0b', preventative: '0e8a16', removed: 'bfbfbf' };

/** An issue from the API as the planner sees it (the audit adds its dates to this). */
export function toTracked(issue: ApiIssue): TrackedIssue {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    state: issue.state === 'closed' ? 'closed' : 'open',
    labels: issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    assignees: (issue.assignees ?? []).map((a) => a.login),
    author: issue.user?.login ?? '',
    url: issue.html_url,
    marker: parseItemMarker(issue.body),
  };
}

/**
 * What an item's issue should look like. The permalink keeps the commit of
 * the existing one while the item stays on its line, so a push that does not
 * touch the item does not rewrite its issue.
 */
export function desiredIssue(
  item: PlannedItem,
  issue: TrackedIssue | null,
  link: LinkBase,
  settings: ResolvedConfig['issues'],
  canAssign: (item: PlannedItem) => boolean,
): Desired {
  const previous = issue ? /\/blob\/([0-9a-f]{7,40})\/[^\s)]{0,1000}#L(\d+)\)/.exec(issue.body) : null;
  const sha = previous && Number(previous[2]) === item.line && issue!.marker?.path === item.path ? previous[1] : link.sha;
  return {
    title: issueTitle(item),
    labels: labelsFor(item, settings),
    assignees: canAssign(item) ? [item.owner!.replace(/^@/, '')] : [],
    managed: managedBody(item, { link: { ...link, sha }, ownerAssignable: !item.owner || canAssign(item) }),
  };
}

const VALID_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const { gateway, config, log } = options;
  const settings = config.issues;
  const me = await gateway.identity();
  const listing = (await gateway.listIssuesBy(me)).map(toTracked);
  const models = options.files.map((f) => f.model).filter((m): m is PostmortemModel => m !== null);
  const items = planItems(models);

  // Who can be assigned: one check per distinct owner.
  const assignable = new Map<string, boolean>();
  if (settings.assignOwners) {
    for (const owner of new Set(items.filter((i) => !i.done && i.owner).map((i) => i.owner!.replace(/^@/, '')))) {
      assignable.set(owner, VALID_LOGIN.test(owner) ? await gateway.isAssignable(owner) : false);
    }
  }
  const canAssign = (item: PlannedItem) => !!item.owner && assignable.get(item.owner.replace(/^@/, '')) === true;

  const desired = (item: PlannedItem, issue: TrackedIssue | null) => desiredIssue(item, issue, options.link, settings, canAssign);

  const documents = [...new Set([...models.map((m) => m.path), ...options.deleted])];
  const ops = planSync({
    items,
    issues: listing,
    me,
    documents,
    settings,
    maxCreates: options.maxCreates,
    desired,
    mergeBody: replaceManaged,
  });

  await ensureLabels(gateway, ops, settings);
  const result: SyncResult = { outcomes: [], counts: {}, remaining: 0, failures: [] };
  const record = (o: ItemOutcome) => {
    const action = options.dryRun && !['unchanged', 'already-closed', 'linked', 'done-in-doc', 'skipped'].includes(o.action) ? `would-${o.action}` : o.action;
    result.outcomes.push({ ...o, action });
    result.counts[action] = (result.counts[action] ?? 0) + 1;
  };
  const fromItem = (item: PlannedItem, issue: { number: number; url: string } | null, action: string, reason?: string): ItemOutcome => ({
    key: item.key,
    path: item.path,
    line: item.line,
    title: item.title,
    issue: issue?.number ?? null,
    url: issue?.url ?? null,
    action,
    ...(reason ? { reason } : {}),
  });

  let paused: PaceExceeded | null = null;
  for (const op of ops) {
    if (paused && op.kind === 'create') {
      result.remaining++;
      record(fromItem(op.item, null, 'skipped', 'content-creation limit'));
      continue;
    }
    try {
      await apply(op);
    } catch (error) {
      if (error instanceof PaceExceeded && op.kind === 'create') {
        paused = error;
        log.warning(`${error.message}: stopping the creates here. Rerun after that to open the rest; the rerun resumes where this one stopped.`);
        result.remaining++;
        record(fromItem(op.item, null, 'skipped', 'content-creation limit'));
        continue;
      }
      const status = statusOf(error);
      const what = 'item' in op ? `${op.item.path}:${op.item.line}` : `#${op.issue.number}`;
      const message = `${op.kind} ${what} failed${status ? ` (HTTP ${status})` : ''}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      log.warning(message);
      result.failures.push(message);
      if ('item' in op) record(fromItem(op.item, 'issue' in op ? { number: op.issue.number, url: op.issue.url } : null, 'failed', message));
      if (op.kind === 'create') result.remaining++;
    }
  }

  async function apply(op: Operation): Promise<void> {
    switch (op.kind) {
      case 'create': {
        const body = op.desired.managed;
        const find = (candidates: ApiIssue[]) => candidates.find((c) => c.user?.login === me && parseItemMarker(c.body) && itemKey(parseItemMarker(c.body)!) === op.item.key);
        let created: ApiIssue | undefined;
        try {
          created = await gateway.createIssueOnce({ title: op.desired.title, body, labels: op.desired.labels, assignees: op.desired.assignees }, find, me);
        } catch (error) {
          if (statusOf(error) !== 422 || op.desired.assignees.length === 0) throw error;
          // The owner could not be assigned after all: name them in the body instead.
          log.warning(`Could not assign ${op.desired.assignees.join(', ')} to "${op.desired.title}"; naming the owner in the issue instead.`);
          const named = managedBody(op.item, { link: options.link, ownerAssignable: false });
          created = await gateway.createIssueOnce({ title: op.desired.title, body: named, labels: op.desired.labels, assignees: [] }, find, me);
        }
        record(fromItem(op.item, created ? { number: created.number, url: created.html_url } : null, 'created'));
        return;
      }
      case 'update': {
        const fields: Parameters<GitHubGateway['updateIssue']>[1] = {};
        if (op.changes.includes('title')) fields.title = op.desired.title;
        if (op.changes.includes('body')) fields.body = replaceManaged(op.issue.body, op.desired.managed);
        if (op.changes.includes('assignees')) fields.assignees = op.desired.assignees;
        if (Object.keys(fields).length > 0) await gateway.updateIssue(op.issue.number, fields);
        if (op.changes.includes('labels')) {
          const missing = op.desired.labels.filter((l) => !op.issue.labels.some((x) => x.toLowerCase() === l.toLowerCase()));
          await gateway.addLabels(op.issue.number, missing);
        }
        record(fromItem(op.item, op.issue, 'updated', op.changes.join(', ')));
        return;
      }
      case 'unchanged':
        record(fromItem(op.item, op.issue, 'unchanged'));
        return;
      case 'closed':
        record(fromItem(op.item, op.issue, 'already-closed'));
        return;
      case 'close-done': {
        const at = lineLink(options.link, op.item.path, op.item.line);
        await gateway.createComment(op.issue.number, `The postmortem now marks this item done ([${op.item.path}#L${op.item.line}](${at})). Closing.`);
        await gateway.updateIssue(op.issue.number, { state: 'closed', state_reason: 'completed' });
        record(fromItem(op.item, op.issue, 'closed'));
        return;
      }
      case 'done-in-doc':
        record(fromItem(op.item, null, 'done-in-doc'));
        return;
      case 'linked':
        record(fromItem(op.item, null, 'linked', `the document links ${op.item.linked}`));
        return;
      case 'skipped':
        result.remaining++;
        record(fromItem(op.item, null, 'skipped', op.reason));
        return;
      case 'removed': {
        const path = op.issue.marker!.path;
        const note = options.deleted.includes(path)
          ? `The postmortem \`${path}\` was deleted, so this item no longer exists in it.`
          : `This item is no longer in \`${path}\` (at ${options.link.sha.slice(0, 7)}): it was removed or reworded beyond recognition.`;
        const tail = op.close ? ' Closing, as the configuration asks (`issues.close-removed`).' : ' It stays open: close it if the work is no longer planned.';
        await gateway.createComment(op.issue.number, note + tail);
        await gateway.addLabels(op.issue.number, [settings.labels.removed]);
        if (op.close) await gateway.updateIssue(op.issue.number, { state: 'closed', state_reason: 'not_planned' });
        result.outcomes.push({ key: itemKey(op.issue.marker!), path, line: 0, title: op.issue.title, issue: op.issue.number, url: op.issue.url, action: options.dryRun ? 'would-remove' : 'removed' });
        result.counts.removed = (result.counts.removed ?? 0) + 1;
        return;
      }
      case 'duplicate':
        await closeDuplicate(gateway, op.issue, op.of);
        result.outcomes.push({ key: itemKey(op.issue.marker!), path: op.issue.marker!.path, line: 0, title: op.issue.title, issue: op.issue.number, url: op.issue.url, action: options.dryRun ? 'would-close-duplicate' : 'duplicate' });
        result.counts.duplicate = (result.counts.duplicate ?? 0) + 1;
        return;
    }
  }

  // Two runs at the same time can both create an item's issue: look once more and close the newer copy.
  if (!options.dryRun && (result.counts.created ?? 0) > 0) {
    const again = (await gateway.listIssuesBy(me)).map(toTracked).filter((i) => i.marker && i.state === 'open').sort((a, b) => a.number - b.number);
    const seen = new Map<string, TrackedIssue>();
    for (const issue of again) {
      const key = itemKey(issue.marker!);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, issue);
        continue;
      }
      await closeDuplicate(gateway, issue, first);
      result.counts.duplicate = (result.counts.duplicate ?? 0) + 1;
      const outcome = result.outcomes.find((o) => o.issue === issue.number);
      if (outcome) Object.assign(outcome, { issue: first.number, url: first.url, action: 'duplicate-closed', reason: `kept #${first.number}` });
    }
  }
  return result;
}

async function closeDuplicate(gateway: GitHubGateway, issue: TrackedIssue, of: TrackedIssue): Promise<void> {
  await gateway.createComment(issue.number, `Duplicate of #${of.number}: two runs of postmortem-governance opened an issue for the same action item at the same time. Closing this copy; #${of.number} tracks the item.`);
  await gateway.updateIssue(issue.number, { state: 'closed', state_reason: 'not_planned' });
}

async function ensureLabels(gateway: GitHubGateway, ops: Operation[], settings: ResolvedConfig['issues']): Promise<void> {
  const needed = new Set<string>();
  for (const op of ops) {
    if (op.kind === 'create' || op.kind === 'update') op.desired.labels.forEach((l) => needed.add(l));
    if (op.kind === 'removed') needed.add(settings.labels.removed);
  }
  if (needed.size === 0) return;
  const existing = new Set((await gateway.listLabels()).map((l) => l.toLowerCase()));
  for (const name of needed) {
    if (existing.has(name.toLowerCase())) continue;
    const color = name === settings.labels.corrective ? LABEL_COLORS.corrective : name === settings.labels.preventative ? LABEL_COLORS.preventative : name === settings.labels.removed ? LABEL_COLORS.removed : 'ededed';
    await gateway.createLabel(name, color, 'Managed by postmortem-governance');
  }
}
