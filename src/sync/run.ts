/**
 * Apply the sync plan through the gateway: the listings of the product's
 * issues, the plan from the pure planner, then only the writes that differ.
 * A plan with writes is made again and applied under the repository's sync
 * lock, so two runs that overlap cannot both open an item's issue; a plan
 * without writes takes no lock and writes nothing. Shared by the action
 * (`mode: sync`) and the CLI (`postmortem sync`).
 */
import { existsSync } from 'node:fs';
import type { ResolvedConfig } from '../core/config/resolve.js';
import type { CheckedFile } from '../core/engine.js';
import { indexIssues, referencedNumber, type Identities } from '../core/identity.js';
import { replaceManaged } from '../core/markers.js';
import { planItems, type PlannedItem } from '../core/plan.js';
import { planSync, type Operation } from '../core/sync.js';
import type { PostmortemModel } from '../core/types.js';
import { PaceExceeded, statusOf, type GitHubGateway } from '../github/gateway.js';
import { LockBusy, SyncLock, type LockOptions } from '../github/lock.js';
import { listProductIssues, toTracked } from '../github/tracked.js';
import { desiredIssue } from '../render/issue.js';
import type { LinkBase } from '../render/links.js';
import { applyOperation, closeDuplicate, itemOutcome, type ApplyContext, type ItemOutcome } from './apply.js';

export type { ItemOutcome } from './apply.js';

export interface SyncLog {
  info(message: string): void;
  warning(message: string): void;
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
  /** Documents deleted in this run (all their open issues are for removed items, unless they reappear elsewhere). */
  deleted: string[];
  /** Old path → new path, from git's rename information. */
  renames?: ReadonlyMap<string, string>;
  /** Whether a document path exists in the checkout (a vanished document's items may be found elsewhere); default: relative to the working directory. */
  exists?: (path: string) => boolean;
  link: LinkBase;
  maxCreates: number;
  dryRun: boolean;
  log: SyncLog;
  /** The sync lock's timing and holder; without it, the holder is "a sync". */
  lock?: Partial<LockOptions>;
}

const LABEL_COLORS: Record<string, string> = { corrective: 'd93f0b', preventative: '0e8a16', removed: 'bfbfbf' };
const VALID_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const WRITES = new Set<Operation['kind']>(['create', 'update', 'close-done', 'removed', 'duplicate']);

/** The product's identities for this run: the token's login and the logins the config names. */
export async function identitiesOf(gateway: GitHubGateway, config: ResolvedConfig): Promise<Identities> {
  return { self: await gateway.identity(), earlier: config.issues.identities };
}

/**
 * Where references next to items lead when the listing does not hold the
 * issue: an issue transferred to another repository is followed there.
 */
async function locateReferences(gateway: GitHubGateway, items: PlannedItem[], listed: ReadonlySet<number>): Promise<Map<number, string>> {
  const located = new Map<number, string>();
  const repository = `${gateway.repo.owner}/${gateway.repo.repo}`.toLowerCase();
  for (const item of items) {
    const number = referencedNumber(item.linked);
    if (number === null || listed.has(number) || located.has(number)) continue;
    const issue = await gateway.getIssue(number);
    const where = issue?.repository_url ? /\/repos\/([^/]+\/[^/]+)$/.exec(issue.repository_url)?.[1] : undefined;
    if (issue && where && where.toLowerCase() !== repository) located.set(number, `${where}#${issue.number} (transferred)`);
  }
  return located;
}

export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const { gateway, config, log } = options;
  const settings = config.issues;
  const identities = await identitiesOf(gateway, config);
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
  const repository = `${gateway.repo.owner}/${gateway.repo.repo}`;

  const plan = async (): Promise<Operation[]> => {
    const listing = (await listProductIssues(gateway, identities, settings.labels.base)).map(toTracked);
    const located = await locateReferences(gateway, items, new Set(listing.map((i) => i.number)));
    return planSync({
      items,
      issues: listing,
      identities,
      documents: [...new Set(models.map((m) => m.path))],
      deleted: options.deleted,
      renames: options.renames,
      exists: options.exists ?? ((path) => existsSync(path)),
      repository,
      located,
      settings,
      maxCreates: options.maxCreates,
      desired: (item, issue) => desiredIssue(item, issue, options.link, settings, canAssign, identities.self),
      mergeBody: replaceManaged,
    });
  };

  const result: SyncResult = { outcomes: [], counts: {}, remaining: 0, failures: [] };
  const record = (o: ItemOutcome) => {
    result.outcomes.push(o);
    result.counts[o.action] = (result.counts[o.action] ?? 0) + 1;
  };
  let ops = await plan();
  let lock: SyncLock | null = null;
  if (!options.dryRun && ops.some((op) => WRITES.has(op.kind))) {
    try {
      lock = await SyncLock.acquire(gateway, { holder: 'a sync', log, ...options.lock });
    } catch (error) {
      if (!(error instanceof LockBusy)) throw error;
      log.warning(error.message);
      result.failures.push(error.message);
      result.remaining = ops.filter((op) => op.kind === 'create').length;
      return result;
    }
    ops = await plan(); // what another run did while this one waited is in this plan
  }
  const ctx: ApplyContext = { gateway, settings, identities, link: options.link, deleted: new Set(options.deleted), dryRun: options.dryRun, log };
  try {
    await ensureLabels(gateway, ops, settings);
    await applyAll(ops, ctx, result, record);
    if (!options.dryRun && (result.counts.created ?? 0) > 0) await closeRaceCopies(ctx, result, settings.labels.base);
  } finally {
    await lock?.release();
  }
  return result;
}

async function applyAll(ops: Operation[], ctx: ApplyContext, result: SyncResult, record: (o: ItemOutcome) => void): Promise<void> {
  let paused: PaceExceeded | null = null;
  for (const op of ops) {
    if (paused && op.kind === 'create') {
      result.remaining++;
      record(itemOutcome(op.item, null, 'skipped', 'content-creation limit'));
      continue;
    }
    try {
      const applied = await applyOperation(op, ctx);
      if (applied.pending) result.remaining++;
      record(applied.outcome);
    } catch (error) {
      if (error instanceof PaceExceeded && op.kind === 'create') {
        paused = error;
        ctx.log.warning(`${error.message}: stopping the creates here. Rerun after that to open the rest; the rerun resumes where this one stopped.`);
        result.remaining++;
        record(itemOutcome(op.item, null, 'skipped', 'content-creation limit'));
        continue;
      }
      const status = statusOf(error);
      const what = 'item' in op ? `${op.item.path}:${op.item.line}` : `#${op.issue.number}`;
      const message = `${op.kind} ${what} failed${status ? ` (HTTP ${status})` : ''}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      ctx.log.warning(message);
      result.failures.push(message);
      if ('item' in op) record(itemOutcome(op.item, 'issue' in op ? { number: op.issue.number, url: op.issue.url } : null, 'failed', message));
      if (op.kind === 'create') result.remaining++;
    }
  }
}

/** Runs that raced anyway (no lock could be taken): look once more and close the newer copy of each item's issue. */
async function closeRaceCopies(ctx: ApplyContext, result: SyncResult, baseLabel: string): Promise<void> {
  const again = (await listProductIssues(ctx.gateway, ctx.identities, baseLabel)).map(toTracked);
  const { duplicates } = indexIssues(again, ctx.identities);
  for (const { issue, of } of duplicates) {
    await closeDuplicate(ctx, issue, of);
    result.counts.duplicate = (result.counts.duplicate ?? 0) + 1;
    const outcome = result.outcomes.find((o) => o.issue === issue.number);
    if (outcome) Object.assign(outcome, { issue: of.number, url: of.url, action: 'duplicate-closed', reason: `kept #${of.number}` });
  }
}

async function ensureLabels(gateway: GitHubGateway, ops: Operation[], settings: ResolvedConfig['issues']): Promise<void> {
  const needed = new Set<string>();
  for (const op of ops) {
    if (op.kind === 'create') op.desired.labels.forEach((l) => needed.add(l));
    if (op.kind === 'update') op.edit.addLabels.forEach((l) => needed.add(l));
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
