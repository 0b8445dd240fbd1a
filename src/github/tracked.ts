/**
 * The product's issues as the identity rule sees them: the API's issue
 * shape mapped to a TrackedIssue, and the listings that find them (shared
 * by the sync, the PR preview and the audit).
 */
import { ACTIONS_BOT, type Identities, type TrackedIssue } from '../core/identity.js';
import { parseItemMarker } from '../core/markers.js';
import type { ApiIssue, GitHubGateway } from './gateway.js';

/** An issue from the API as the planner sees it; `repo` is its repository when that is not the documents' own. */
export function toTracked(issue: ApiIssue, repo?: string): TrackedIssue {
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
    ...(issue.author_association ? { association: issue.author_association } : {}),
    ...(issue.state_reason !== undefined ? { stateReason: issue.state_reason } : {}),
    ...(repo ? { repo } : {}),
    ...(issue.id !== undefined ? { id: issue.id } : {}),
    ...(issue.node_id ? { nodeId: issue.node_id } : {}),
    ...(issue.created_at ? { createdAt: issue.created_at } : {}),
    ...(issue.type !== undefined ? { type: issue.type?.name ?? null } : {}),
    ...(issue.parent_issue_url !== undefined ? { parentUrl: issue.parent_issue_url } : {}),
    ...(issue.url ? { apiUrl: issue.url } : {}),
  };
}

/**
 * Every issue that may be the product's, in paginated listings (never the
 * search API): those opened by each of its identities (whatever labels
 * people left on them), and those carrying its base label (an earlier
 * identity's, such as another app's). The identity rule decides which to
 * trust.
 */
export async function listProductIssues(gateway: GitHubGateway, ids: Identities, baseLabel: string): Promise<ApiIssue[]> {
  const logins = [ids.self, ACTIONS_BOT, ...(ids.earlier ?? [])].filter((l, i, all) => all.findIndex((x) => x.toLowerCase() === l.toLowerCase()) === i);
  const byNumber = new Map<number, ApiIssue>();
  for (const login of logins) for (const issue of await gateway.listIssuesBy(login)) byNumber.set(issue.number, issue);
  for (const issue of await gateway.listIssuesLabelled(baseLabel)) byNumber.set(issue.number, issue);
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/**
 * The product's issues in the documents' repository and in `others`
 * (repositories where items are filed, config `issues.repositories`): those
 * elsewhere carry their repository (`repo`), so the identity rule tells
 * them apart and keeps only those whose marker names this repository.
 */
export async function listProductIssuesIn(gateway: GitHubGateway, ids: Identities, baseLabel: string, others: readonly string[] = []): Promise<TrackedIssue[]> {
  return [...(await listProductIssues(gateway, ids, baseLabel)).map((i) => toTracked(i)), ...(await listProductIssuesElsewhere(gateway, ids, baseLabel, others))];
}

/** The product's issues in other repositories only (each marked with its repository). */
export async function listProductIssuesElsewhere(gateway: GitHubGateway, ids: Identities, baseLabel: string, repos: readonly string[]): Promise<TrackedIssue[]> {
  const out: TrackedIssue[] = [];
  const seen = new Set([gateway.fullName.toLowerCase()]);
  for (const repo of repos) {
    if (seen.has(repo.toLowerCase())) continue;
    seen.add(repo.toLowerCase());
    for (const issue of await listProductIssues(gateway.forRepo(repo), ids, baseLabel)) out.push(toTracked(issue, repo));
  }
  return out;
}

/** "owner/name" of an issue's repository, from its API URL. */
export function repositoryOf(issue: Pick<ApiIssue, 'repository_url'>): string | null {
  return /\/repos\/([^/]+\/[^/]+)$/.exec(issue.repository_url ?? '')?.[1] ?? null;
}
