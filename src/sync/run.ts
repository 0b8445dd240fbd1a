/**
 * Apply the sync plan through the gateway: the listings of the product's
 * issues (in the documents' repository and where items are filed), the plan
 * from the pure planner, then only the writes that differ. A plan with
 * writes is made again and applied under the repository's sync lock, so two
 * runs that overlap cannot both open an item's issue; a plan without writes
 * takes no lock and writes nothing. After the items: each postmortem's
 * tracking issue and its sub-issues (config `issues.parent`, ./parents.ts),
 * then the project board (config `project`, ./board.ts). Shared by the
 * action (`mode: sync`) and the CLI (`postmortem sync`).
 */
import { existsSync } from 'node:fs';
import type { ResolvedConfig } from '../core/config/resolve.js';
import type { CheckedFile } from '../core/engine.js';
import { indexIssues, referencedRef, type Identities, type TrackedIssue } from '../core/identity.js';
import { isLogin } from '../core/logins.js';
import { replaceManaged } from '../core/markers.js';
import { planDocuments, planItems, type PlannedItem } from '../core/plan.js';
import { planSync, type Operation, type Placement } from '../core/sync.js';
import type { PostmortemModel } from '../core/types.js';
import { PaceExceeded, statusOf, type Access, type GitHubGateway } from '../github/gateway.js';
import { LockBusy, SyncLock, type LockOptions } from '../github/lock.js';
import { listProductIssuesElsewhere, listProductIssuesIn } from '../github/tracked.js';
import { linkedRepositories, parentsAmong } from '../core/parents.js';
import type { LinkBase } from '../render/links.js';
import { applyOperation, closeDuplicate, itemOutcome, type ApplyContext, type ItemOutcome } from './apply.js';
import { syncBoard, type BoardResult } from './board.js';
import { desiredFor, type DesiredContext } from './desired.js';
import { syncParents, type ParentOutcome } from './parents.js';
import { reach, refusedMessage, routesOf } from './repos.js';
import { errorLine } from '../core/strings.js';

export type { ItemOutcome } from './apply.js';
export type { ParentOutcome } from './parents.js';

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
  /** Each postmortem's tracking issue (config `issues.parent`). */
  parents: ParentOutcome[];
  /** The project board (config `project`), when configured. */
  board: BoardResult | null;
  /** Messages people should read (a repository the token cannot write to, the sub-issue limit…), each once. */
  notes: string[];
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
  /** The gateway of the token for the project board (the `project-token` input); default: `gateway`. */
  projectGateway?: GitHubGateway;
  /** The clock (tests). */
  now?: Date;
}

const LABEL_COLORS: Record<string, string> = { corrective: 'd93f0b', preventative: '0e8a16', removed: 'bfbfbf' };
const WRITES = new Set<Operation['kind']>(['create', 'update', 'close-done', 'removed', 'duplicate']);

/** The product's identities for this run: the token's login and the logins the config names. */
export async function identitiesOf(gateway: GitHubGateway, config: ResolvedConfig): Promise<Identities> {
  return { self: await gateway.identity(), earlier: config.issues.identities };
}

/**
 * Where references next to items lead when the listing does not hold the
 * issue: an issue transferred to another repository is followed there.
 */
async function locateReferences(gateway: GitHubGateway, items: PlannedItem[], listed: ReadonlySet<string>): Promise<Map<number, string>> {
  const located = new Map<number, string>();
  const repository = gateway.fullName.toLowerCase();
  for (const item of items) {
    const ref = referencedRef(item.linked, gateway.fullName);
    if (ref === null || !ref.startsWith('#') || listed.has(ref)) continue;
    const number = Number(ref.slice(1));
    if (located.has(number)) continue;
    const issue = await gateway.getIssue(number);
    const where = issue?.repository_url ? /\/repos\/([^/]+\/[^/]+)$/.exec(issue.repository_url)?.[1] : undefined;
    if (issue && where && where.toLowerCase() !== repository) located.set(number, `${where}#${issue.number} (transferred)`);
  }
  return located;
}

/** Who can be assigned where: one check per distinct owner and repository. */
async function assignability(gateway: GitHubGateway, items: PlannedItem[], repoOf: (item: PlannedItem) => string, enabled: boolean): Promise<(item: PlannedItem, repo: string) => boolean> {
  const known = new Map<string, boolean>();
  const key = (repo: string, owner: string) => `${repo.toLowerCase()} ${owner.toLowerCase()}`;
  if (enabled) {
    for (const item of items.filter((i) => !i.done && i.owner)) {
      const owner = item.owner!.replace(/^@/, '');
      const repo = repoOf(item);
      if (known.has(key(repo, owner))) continue;
      known.set(key(repo, owner), isLogin(owner) ? await gateway.forRepo(repo).isAssignable(owner) : false);
    }
  }
  return (item, repo) => !!item.owner && known.get(key(repo, item.owner.replace(/^@/, ''))) === true;
}

export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const { gateway, config, log } = options;
  const settings = config.issues;
  const home = gateway.fullName;
  const identities = await identitiesOf(gateway, config);
  const models = options.files.map((f) => f.model).filter((m): m is PostmortemModel => m !== null);
  const items = planItems(models);
  const result: SyncResult = { outcomes: [], counts: {}, remaining: 0, failures: [], parents: [], board: null, notes: [] };

  // Where new issues go, and whether the token may open issues there.
  const routes = routesOf(items, settings, home);
  const access = await reach(gateway, [...routes.values()].map((r) => r.repo));
  const writable = (repo: string) => repo.toLowerCase() === home.toLowerCase() || access.get(repo.toLowerCase()) === 'write';
  const place = (item: PlannedItem): Placement => {
    const route = routes.get(item.key)!;
    if (route.why === 'home') return {};
    return writable(route.repo) ? { repo: route.repo } : { refused: route.repo };
  };
  const listed = [...new Set([...routes.values()].map((r) => r.repo).filter((r) => r.toLowerCase() !== home.toLowerCase() && access.get(r.toLowerCase()) !== 'none'))];

  const types = new Map<string, readonly string[]>();
  if (Object.keys(settings.types).length > 0) for (const repo of [home, ...listed.filter(writable)]) types.set(repo.toLowerCase(), await gateway.forRepo(repo).issueTypes());
  const canAssign = await assignability(gateway, items, (i) => place(i).repo ?? home, settings.assignOwners);
  const desiredContext: DesiredContext = {
    config, link: options.link, home, self: identities.self, today: (options.now ?? new Date()).toISOString().slice(0, 10), canAssign,
    typesIn: (repo) => types.get(repo.toLowerCase()) ?? [],
  };

  let listing: TrackedIssue[] = [];
  const plan = async (): Promise<Operation[]> => {
    // Here, where items are routed, and where the tracking issues link issues (a route may have changed since).
    const here = await listProductIssuesIn(gateway, identities, settings.labels.base);
    const linked = linkedRepositories(parentsAmong(here, identities)).filter((r) => !access.has(r.toLowerCase()) && r.toLowerCase() !== home.toLowerCase());
    for (const [repo, can] of await reach(gateway, linked)) access.set(repo, can);
    const elsewhere = [...listed, ...linked.filter((r) => access.get(r.toLowerCase()) !== 'none')];
    listing = [...here, ...(await listProductIssuesElsewhere(gateway, identities, settings.labels.base, elsewhere))];
    const located = await locateReferences(gateway, items, new Set(listing.filter((i) => !i.repo).map((i) => `#${i.number}`)));
    return planSync({
      items,
      issues: listing,
      identities,
      documents: [...new Set(models.map((m) => m.path))],
      deleted: options.deleted,
      renames: options.renames,
      exists: options.exists ?? ((path) => existsSync(path)),
      repository: home,
      located,
      settings,
      maxCreates: options.maxCreates,
      place,
      desired: desiredFor(desiredContext),
      mergeBody: replaceManaged,
    });
  };

  const record = (o: ItemOutcome) => {
    result.outcomes.push(o);
    result.counts[o.action] = (result.counts[o.action] ?? 0) + 1;
  };
  let ops = await plan();
  // The lock is taken only by a run with something to write (the items now, or the tracking issues later).
  let lock = null as SyncLock | null;
  let locked = options.dryRun;
  const takeLock = async (): Promise<boolean> => {
    if (locked) return true;
    try {
      lock = await SyncLock.acquire(gateway, { holder: 'a sync', log, ...options.lock });
      locked = true;
      return true;
    } catch (error) {
      if (!(error instanceof LockBusy)) throw error;
      log.warning(error.message);
      result.failures.push(error.message);
      return false;
    }
  };
  if (ops.some((op) => WRITES.has(op.kind))) {
    if (!(await takeLock())) {
      result.remaining = ops.filter((op) => op.kind === 'create').length;
      return result;
    }
    ops = await plan(); // what another run did while this one waited is in this plan
  }
  tellRefused(ops, access, home, result, log);
  const ctx: ApplyContext = {
    gateway, settings, identities, link: options.link, deleted: new Set(options.deleted), dryRun: options.dryRun, log, home,
    refused: new Set(), desired: desiredFor(desiredContext), undesired: desiredFor(desiredContext, { assign: false }),
  };
  const issueOf = new Map<string, TrackedIssue>();
  try {
    await ensureLabels(gateway, ops, settings);
    await applyAll(ops, ctx, result, record, issueOf);
    if (!options.dryRun && (result.counts.created ?? 0) > 0) await closeRaceCopies(ctx, result, settings.labels.base, listed);
    if (settings.parent && items.length > 0) {
      const documents = planDocuments(models, items);
      const relist = async () => (listing = await listProductIssuesIn(gateway, identities, settings.labels.base));
      const parents = await syncParents({ ...ctx, documents, issueOf, listing: () => listing, relist, takeLock, desiredContext });
      result.parents = parents.outcomes;
      result.failures.push(...parents.failures);
      result.notes.push(...parents.notes);
    }
    if (config.project) {
      result.board = await syncBoard({ project: config.project, gateway: options.projectGateway ?? gateway, home, items, issueOf, desired: desiredContext, dryRun: options.dryRun, log });
      result.failures.push(...result.board.failures);
      result.notes.push(...result.board.notes);
    }
  } finally {
    await lock?.release();
  }
  return result;
}

/** Once per repository the token may not write to: what was filed here instead, and how to grant access. */
function tellRefused(ops: Operation[], access: ReadonlyMap<string, Access>, home: string, result: SyncResult, log: SyncLog): void {
  const byRepo = new Map<string, number>();
  for (const op of ops) if (op.kind === 'create' && op.refused) byRepo.set(op.refused, (byRepo.get(op.refused) ?? 0) + 1);
  for (const [repo, n] of byRepo) {
    const message = refusedMessage(repo, home, access.get(repo.toLowerCase()) ?? 'none', n);
    log.warning(message);
    result.notes.push(message);
  }
}

async function applyAll(ops: Operation[], ctx: ApplyContext, result: SyncResult, record: (o: ItemOutcome) => void, issueOf: Map<string, TrackedIssue>): Promise<void> {
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
      if (applied.issue && 'item' in op) issueOf.set(op.item.key, applied.issue);
      if (applied.note) result.notes.push(applied.note);
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
      const message = `${op.kind} ${what} failed${status ? ` (HTTP ${status})` : ''}: ${errorLine(error)}`;
      ctx.log.warning(message);
      result.failures.push(message);
      if ('item' in op) record(itemOutcome(op.item, 'issue' in op ? { number: op.issue.number, url: op.issue.url } : null, 'failed', message));
      if (op.kind === 'create') result.remaining++;
    }
  }
}

/** Runs that raced anyway (no lock could be taken): look once more and close the newer copy of each item's issue. */
async function closeRaceCopies(ctx: ApplyContext, result: SyncResult, baseLabel: string, listed: readonly string[]): Promise<void> {
  const again = await listProductIssuesIn(ctx.gateway, ctx.identities, baseLabel, listed);
  const { duplicates } = indexIssues(again, ctx.identities, ctx.home);
  for (const { issue, of } of duplicates) {
    await closeDuplicate(ctx, issue, of);
    result.counts.duplicate = (result.counts.duplicate ?? 0) + 1;
    const outcome = result.outcomes.find((o) => o.issue === issue.number && (o.repo ?? '') === (issue.repo ?? ''));
    if (outcome) Object.assign(outcome, { issue: of.number, url: of.url, action: 'duplicate-closed', reason: `kept #${of.number}` });
  }
}

/** The labels each repository needs for this plan, created where missing. */
async function ensureLabels(gateway: GitHubGateway, ops: Operation[], settings: ResolvedConfig['issues']): Promise<void> {
  const needed = new Map<string, Set<string>>();
  const need = (repo: string | undefined, labels: Iterable<string>) => {
    const key = repo ?? gateway.fullName;
    if (!needed.has(key)) needed.set(key, new Set());
    for (const l of labels) needed.get(key)!.add(l);
  };
  for (const op of ops) {
    if (op.kind === 'create') need(op.repo, op.desired.labels);
    if (op.kind === 'update') need(op.issue.repo, op.edit.addLabels);
    if (op.kind === 'removed') need(op.issue.repo, [settings.labels.removed]);
  }
  for (const [repo, names] of needed) {
    if (names.size === 0) continue;
    const target = gateway.forRepo(repo);
    const existing = new Set((await target.listLabels()).map((l) => l.toLowerCase()));
    for (const name of names) {
      if (existing.has(name.toLowerCase())) continue;
      const color = name === settings.labels.corrective ? LABEL_COLORS.corrective : name === settings.labels.preventative ? LABEL_COLORS.preventative : name === settings.labels.removed ? LABEL_COLORS.removed : 'ededed';
      await target.createLabel(name, color, 'Managed by postmortem-governance');
    }
  }
}
