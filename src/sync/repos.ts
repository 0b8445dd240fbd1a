/**
 * The repositories a sync files into besides the documents' own (config
 * `issues.repositories`, an item's `repo:`): whether the token may open
 * issues there, and what to tell people when it may not. Asked once per
 * repository and run.
 */
import { routeItem, type Route } from '../core/routing.js';
import type { ResolvedConfig } from '../core/config/resolve.js';
import type { PlannedItem } from '../core/plan.js';
import { labelsFor } from '../core/sync.js';
import type { Access, GitHubGateway } from '../github/gateway.js';
import { plural } from '../core/strings.js';

/** Where each item's new issue would go, by item key. */
export function routesOf(items: readonly PlannedItem[], settings: ResolvedConfig['issues'], home: string): Map<string, Route> {
  return new Map(items.map((i) => [i.key, routeItem({ repo: i.repo, components: i.document.components, labels: labelsFor(i, settings) }, settings.repositories, home)]));
}

/** What the token may do in each repository (the documents' own is not asked). */
export async function reach(gateway: GitHubGateway, repos: Iterable<string>): Promise<Map<string, Access>> {
  const out = new Map<string, Access>();
  for (const repo of repos) {
    const key = repo.toLowerCase();
    if (key === gateway.fullName.toLowerCase() || out.has(key)) continue;
    out.set(key, await gateway.forRepo(repo).access());
  }
  return out;
}

/**
 * The one message per repository the token may not write to: what was done
 * instead, and how to grant access.
 */
export function refusedMessage(repo: string, home: string, access: Access, items: number): string {
  const why = access === 'read' ? 'it may read that repository but not open issues in it' : 'that repository is invisible to it';
  return (
    `${plural(items, 'action item')} meant for ${repo} ${items === 1 ? 'was' : 'were'} filed in ${home} instead: the token cannot open issues in ${repo} (${why}). ` +
    `The workflow's GITHUB_TOKEN reaches only its own repository. To file there, pass another token in the \`token\` input: a GitHub App installation token ` +
    `(actions/create-github-app-token, for an app installed on both repositories with the Issues: read and write permission), or a fine-grained personal access token ` +
    `with Issues: read and write on both repositories.`
  );
}
