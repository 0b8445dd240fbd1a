/** Permalinks to a line of a file at a commit, on github.com or GitHub Enterprise. */
export interface LinkBase {
  serverUrl: string;
  owner: string;
  repo: string;
  sha: string;
}

export function lineLink(base: LinkBase, path: string, line: number): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${base.serverUrl}/${base.owner}/${base.repo}/blob/${base.sha}/${encoded}#L${line}`;
}
