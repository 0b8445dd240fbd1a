/**
 * What each item's issue should look like in this run, in one place for the
 * sync and the PR preview: the rendered issue (render/issue.ts) with the
 * deadline from the priority table, the issue type the repository offers,
 * the project-board values, and, for an issue outside the documents'
 * repository, the marker's `src`.
 */
import { boardValues } from '../core/board.js';
import type { ResolvedConfig } from '../core/config/resolve.js';
import { itemDeadline, type Deadline } from '../core/deadline.js';
import type { TrackedIssue } from '../core/identity.js';
import type { PlannedItem } from '../core/plan.js';
import type { Desired } from '../core/sync.js';
import { desiredIssue } from '../render/issue.js';
import type { LinkBase } from '../render/links.js';

export interface DesiredContext {
  config: ResolvedConfig;
  link: LinkBase;
  /** "owner/name" of the documents' repository. */
  home: string;
  /** The login this run acts as. */
  self: string;
  /** YYYY-MM-DD: the merge day of an item not filed yet (config `issues.due-from: merge`). */
  today: string;
  /** Whether the item's owner can be assigned in a repository. */
  canAssign(item: PlannedItem, repo: string): boolean;
  /** The issue types a repository offers (empty: none, or not asked). */
  typesIn(repo: string): readonly string[];
}

/** The issue type for an item kind (or `parent`) in a repository, spelled as the repository spells it; undefined where it has none. */
export function typeFor(kind: string, repo: string, ctx: Pick<DesiredContext, 'config' | 'typesIn'>): string | undefined {
  const wanted = ctx.config.issues.types[kind as keyof ResolvedConfig['issues']['types']];
  if (!wanted) return undefined;
  return ctx.typesIn(repo).find((t) => t.toLowerCase() === wanted.toLowerCase());
}

export function deadlineFor(item: PlannedItem, issue: Pick<TrackedIssue, 'createdAt'> | null, ctx: Pick<DesiredContext, 'config' | 'today'>): Deadline | null {
  return itemDeadline(item, issue?.createdAt, ctx.today, ctx.config.issues.due);
}

/** The issue an item should have; `repo` is where a new one is opened (absent: the documents' repository). */
export function desiredFor(ctx: DesiredContext, options: { assign?: boolean } = {}) {
  return (item: PlannedItem, issue: TrackedIssue | null, repo?: string): Desired => {
    const where = issue ? issue.repo : repo;
    const deadline = deadlineFor(item, issue, ctx);
    const board = ctx.config.project ? boardValues(item, deadline, issue?.state === 'closed', ctx.config.project) : undefined;
    const assign = options.assign ?? true;
    return desiredIssue(item, issue, ctx.link, ctx.config.issues, (i) => assign && ctx.canAssign(i, where ?? ctx.home), ctx.self, {
      ...(where ? { src: ctx.home } : {}),
      deadline,
      type: typeFor(item.kind, where ?? ctx.home, ctx),
      ...(board ? { board } : {}),
    });
  };
}
