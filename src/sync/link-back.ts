/**
 * Link-back (opt-in, `issues.link-back: true`): one pull request that writes
 * each new issue's reference next to its item, "(#123)", so the document
 * links to its issues too. It goes through a branch and a PR, never a
 * direct commit, so it works when the default branch is protected.
 */
import type { GitHubGateway } from '../github/gateway.js';
import type { ItemOutcome } from './run.js';
import { plural } from '../core/strings.js';

export interface LinkBackResult {
  pull: { number: number; html_url: string } | null;
  files: number;
  links: number;
}

/** Add " (#N)" (" (owner/name#N)" for an issue in another repository) at the end of each item's line, unless the line already names that issue. */
export function addReferences(text: string, refs: Array<{ line: number; issue: number; repo?: string }>): { text: string; added: number } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  let added = 0;
  for (const { line, issue, repo } of refs) {
    const i = line - 1;
    if (i < 0 || i >= lines.length) continue;
    const ref = `${repo ?? ''}#${issue}`;
    if (repo ? lines[i].includes(ref) : new RegExp(`#${issue}\\b`).test(lines[i])) continue;
    const [body, tail] = splitTail(lines[i]);
    lines[i] = `${body} (${ref})${tail}`;
    added++;
  }
  return { text: lines.join(eol), added };
}

/**
 * A line and its tail, the reference goes between them: the tail keeps the
 * hard-break spaces at the end and a trailing comment (`<!-- id: x -->`, up to
 * 200 characters, no `>` inside) with the spaces before it. Scanned, not
 * matched: a lazy-prefix regex for it was cubic on a line of 100,000 tabs.
 */
function splitTail(line: string): [string, string] {
  let end = line.trimEnd().length;
  if (line.startsWith('-->', end - 3)) {
    const close = end - 3;
    // The longest comment: its opening is after any ">" before the close, within 200 characters of content.
    const open = line.indexOf('<!--', Math.max(line.lastIndexOf('>', close - 1) + 1, close - 204));
    if (open >= 0 && open + 4 <= close) end = line.slice(0, open).trimEnd().length;
  }
  return [line.slice(0, end), line.slice(end)];
}

export async function linkBack(gateway: GitHubGateway, outcomes: ItemOutcome[], sha: string, log: { info(m: string): void }): Promise<LinkBackResult> {
  const created = outcomes.filter((o) => o.action === 'created' && o.issue !== null);
  if (created.length === 0) return { pull: null, files: 0, links: 0 };
  const base = await gateway.defaultBranch();
  const branch = `postmortem-governance/link-back-${sha.slice(0, 12)}`;
  await gateway.createBranch(branch, sha);
  const byPath = new Map<string, Array<{ line: number; issue: number; repo?: string }>>();
  for (const o of created) byPath.set(o.path, [...(byPath.get(o.path) ?? []), { line: o.line, issue: o.issue!, ...(o.repo ? { repo: o.repo } : {}) }]);
  let files = 0;
  let links = 0;
  for (const [path, refs] of [...byPath].sort(([a], [b]) => a.localeCompare(b))) {
    const file = await gateway.readFile(path, branch);
    if (!file) continue;
    const { text, added } = addReferences(file.text, refs);
    if (added === 0) continue;
    await gateway.writeFile(path, branch, text, file.sha, `Link ${plural(added, 'action item')} of ${path} to their issues`);
    files++;
    links += added;
  }
  if (links === 0) return { pull: null, files: 0, links: 0 };
  const existing = await gateway.findOpenPull(branch, base);
  const pull =
    existing ??
    (await gateway.createPull(
      branch,
      base,
      `Link postmortem action items to their issues`,
      `postmortem-governance opened ${plural(created.length, 'issue')} for action items. This PR writes each issue's reference next to its item, so the postmortem links to its follow-ups.\n\n${created.map((o) => `- ${o.path}:${o.line} → ${o.repo ?? ''}#${o.issue}`).join('\n')}\n`,
    )) ??
    null;
  if (pull) log.info(`Link-back: #${pull.number} writes ${plural(links, 'issue reference')} into ${plural(files, 'postmortem')}.`);
  return { pull, files, links };
}
