/** Permalinks to a file, or a line of it, at a commit, on github.com or GitHub Enterprise. */
export interface LinkBase {
  serverUrl: string;
  owner: string;
  repo: string;
  sha: string;
}

/** The whole file at the commit. */
export function documentLink(base: LinkBase, path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${base.serverUrl}/${base.owner}/${base.repo}/blob/${base.sha}/${encoded}`;
}

/** One line of the file at the commit. */
export function lineLink(base: LinkBase, path: string, line: number): string {
  return `${documentLink(base, path)}#L${line}`;
}
