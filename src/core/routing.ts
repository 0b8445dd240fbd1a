/**
 * Where an action item's issue is filed: the repository of the service that
 * must change, when the item or the configuration names one, else the
 * postmortem's own repository. Strongest first:
 *
 * 1. the item's own `repo: owner/name` (or its `Repo` table column);
 * 2. config `issues.repositories`, by a component of the postmortem (front
 *    matter `component`, `components`, `service` or `services`);
 * 3. the same map, by one of the labels the item's issue gets;
 * 4. the postmortem's repository.
 *
 * A bare name ("payments-api") is a repository of the postmortem's owner.
 * Only where a NEW issue is opened is decided here: an item whose issue
 * exists keeps it wherever it is (see ./identity.ts). Pure.
 */
import { isLogin } from './logins.js';
import { trimTrailingSlashes } from './strings.js';

export type RouteReason = 'item' | 'component' | 'label' | 'home';

export interface Route {
  /** "owner/name". */
  repo: string;
  why: RouteReason;
  /** What named it: the item's text, the component or the label. */
  by?: string;
}

const NAME = /^[\w.-]{1,100}$/;

/** "owner/name" from "owner/name", "https://github.com/owner/name(.git)", or a bare "name" (the home owner's); null otherwise. */
export function normaliseRepository(text: string | null | undefined, homeOwner: string): string | null {
  if (!text) return null;
  const cleaned = trimTrailingSlashes(text.trim().replace(/^`|`$/g, '').replace(/^https?:\/\/[^/\s]{1,200}\//, '')).replace(/\.git$/, '');
  const parts = cleaned.split('/');
  if (parts.length === 2 && isLogin(parts[0]) && NAME.test(parts[1]) && !/^\.+$/.test(parts[1])) return `${parts[0]}/${parts[1]}`;
  if (parts.length === 1 && NAME.test(parts[0]) && !/^\.+$/.test(parts[0])) return `${homeOwner}/${parts[0]}`;
  return null;
}

export function sameRepository(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

/** The components a postmortem names in its front matter. */
export function componentsOf(frontMatter: Record<string, unknown> | undefined): string[] {
  const out: string[] = [];
  for (const key of ['component', 'components', 'service', 'services']) {
    const value = frontMatter?.[key];
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string' || typeof v === 'number') out.push(String(v).trim());
  }
  return out.filter(Boolean);
}

export interface RoutableItem {
  /** The repository the item names, as written. */
  repo?: string | null;
  /** The postmortem's components. */
  components?: readonly string[];
  /** The labels the item's issue gets. */
  labels: readonly string[];
}

/** Where a new issue for this item is opened. `map` is config `issues.repositories`, keys lower-cased. */
export function routeItem(item: RoutableItem, map: ReadonlyMap<string, string>, home: string): Route {
  const owner = home.split('/')[0];
  const named = normaliseRepository(item.repo, owner);
  if (named) return settle({ repo: named, why: 'item', by: item.repo! });
  for (const c of item.components ?? []) {
    const repo = map.get(c.toLowerCase());
    if (repo) return settle({ repo: normaliseRepository(repo, owner) ?? home, why: 'component', by: c });
  }
  for (const l of item.labels) {
    const repo = map.get(l.toLowerCase());
    if (repo) return settle({ repo: normaliseRepository(repo, owner) ?? home, why: 'label', by: l });
  }
  return { repo: home, why: 'home' };

  function settle(route: Route): Route {
    return sameRepository(route.repo, home) ? { repo: home, why: 'home' } : route;
  }
}
