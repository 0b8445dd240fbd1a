/**
 * What a merge would do to the action-item issues, for the PR comment: the
 * same plan the sync runs, computed read-only from one listing of the
 * action's own issues. Items whose issues already exist are not announced
 * as new.
 */
import { existsSync } from 'node:fs';
import type { ResolvedConfig } from '../core/config/resolve.js';
import { replaceManaged } from '../core/markers.js';
import { planItems, type PlannedItem } from '../core/plan.js';
import { planSync } from '../core/sync.js';
import type { PostmortemModel } from '../core/types.js';
import type { GitHubGateway } from '../github/gateway.js';
import { listProductIssues, toTracked } from '../github/tracked.js';
import { desiredIssue } from '../render/issue.js';
import type { LinkBase } from '../render/links.js';
import { identitiesOf } from './run.js';

export interface SyncPreview {
  /** Items a merge opens issues for, in document order. */
  creates: PlannedItem[];
  /** Existing issues a merge updates, closes (item done) or flags (item removed). */
  updates: number;
  closes: number;
  removed: number;
}

export async function previewSync(gateway: GitHubGateway, config: ResolvedConfig, models: PostmortemModel[], link: LinkBase): Promise<SyncPreview> {
  const identities = await identitiesOf(gateway, config);
  const issues = (await listProductIssues(gateway, identities, config.issues.labels.base)).map(toTracked);
  const ops = planSync({
    items: planItems(models),
    issues,
    identities,
    repository: `${gateway.repo.owner}/${gateway.repo.repo}`,
    documents: models.map((m) => m.path),
    // A document the pull request renames is gone from the checkout: its issues are found under the new name.
    exists: (path) => existsSync(path),
    settings: config.issues,
    maxCreates: Number.POSITIVE_INFINITY,
    // Assignability is not checked for a preview (no extra requests): owners are taken as assignable.
    desired: (item, issue) => desiredIssue(item, issue, link, config.issues, (i) => !!i.owner, identities.self),
    mergeBody: replaceManaged,
  });
  const count = (kind: string) => ops.filter((o) => o.kind === kind).length;
  return {
    creates: ops.flatMap((o) => (o.kind === 'create' ? [o.item] : [])),
    updates: count('update'),
    closes: count('close-done'),
    removed: count('removed'),
  };
}
