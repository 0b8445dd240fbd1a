/**
 * What a merge would do to the action-item issues, for the PR comment: the
 * same plan the sync runs, computed read-only from one listing of the
 * action's own issues. Items whose issues already exist are not announced
 * as new.
 */
import { existsSync } from 'node:fs';
import type { ResolvedConfig } from '../core/config/resolve.js';
import { itemDeadline, type Deadline } from '../core/deadline.js';
import { replaceManaged } from '../core/markers.js';
import { planItems, type PlannedItem } from '../core/plan.js';
import { planSync } from '../core/sync.js';
import type { PostmortemModel } from '../core/types.js';
import type { GitHubGateway } from '../github/gateway.js';
import { listProductIssuesIn } from '../github/tracked.js';
import type { LinkBase } from '../render/links.js';
import { desiredFor } from './desired.js';
import { reach, routesOf } from './repos.js';
import { identitiesOf } from './run.js';

/** An item a merge opens an issue for, with its deadline and the repository it goes to (when not this one). */
export interface PreviewItem extends PlannedItem {
  deadline?: Deadline | null;
  target?: string;
}

/** The preview's items with their deadlines (counted from today for `due-from: merge`) and where each goes. Pure. */
export function previewItems(items: PlannedItem[], config: ResolvedConfig, home: string | null, today: string): PreviewItem[] {
  const routes = home ? routesOf(items, config.issues, home) : null;
  return items.map((item) => {
    const route = routes?.get(item.key);
    return { ...item, deadline: itemDeadline(item, null, today, config.issues.due), ...(route && route.why !== 'home' ? { target: route.repo } : {}) };
  });
}

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
  const items = planItems(models);
  const home = gateway.fullName;
  // Issues already filed where items go are found there (when the token can see those repositories).
  const access = await reach(gateway, [...routesOf(items, config.issues, home).values()].map((r) => r.repo));
  const issues = await listProductIssuesIn(gateway, identities, config.issues.labels.base, [...access].filter(([, a]) => a !== 'none').map(([r]) => r));
  const desired = desiredFor({
    config, link, home, self: identities.self, today: new Date().toISOString().slice(0, 10),
    // Assignability and issue types are not asked for a preview (no extra requests): owners are taken as assignable.
    canAssign: (i) => !!i.owner,
    typesIn: () => [],
  });
  const ops = planSync({
    items,
    issues,
    identities,
    repository: home,
    documents: models.map((m) => m.path),
    // A document the pull request renames is gone from the checkout: its issues are found under the new name.
    exists: (path) => existsSync(path),
    settings: config.issues,
    maxCreates: Number.POSITIVE_INFINITY,
    // Assignability is not checked for a preview (no extra requests): owners are taken as assignable.
    desired,
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
