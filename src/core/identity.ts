/**
 * Which issue tracks which action item: the one identity rule the sync plan
 * and the audit's follow-up status share. Pure: the issues come from one
 * listing, the documents from the reader.
 *
 * Whose issues count: those opened by the product's own identities (the
 * login this run acts as, `github-actions[bot]` of the repository's
 * workflows, and logins the configuration names), and, for issues written
 * since markers carry their writer (`by`), an app or a repository member
 * whose marker names them as its writer. A marker anybody else pastes is
 * never trusted.
 *
 * How an item finds its issue, strongest first; each step only sees the
 * items and issues the earlier ones left:
 *
 * 1. a reference next to the item, `(#123)` (link-back or written by hand),
 *    to one of the product's issues always wins;
 * 2. the marker's document path (followed through renames: git's rename
 *    information, or a vanished document whose identity or items reappear
 *    in another) and item id (explicit `[AI-3]` / `<!-- id: x -->`, or the
 *    hash of the title's words);
 * 3. the same derived id in another document, when the item left its own
 *    (an item moved between postmortems);
 * 4. within one document, the item whose words are close to the issue's
 *    (typos count as close), or the only item that changed, in the same
 *    place (a heavy rewording);
 * 5. the product's own issue whose marker a person deleted, by its title.
 *
 * When two candidates are equally good, nothing is guessed: the item is
 * reported as undecided, no issue is opened for it and no issue is flagged
 * as removed because of it. Of two issues for one item, the oldest wins.
 *
 * Per repository: an item's issue may live in another repository (config
 * `issues.repositories`, an item's `repo:`), so issues are told apart by
 * their repository and number (`issueRef`), a reference "owner/name#12"
 * names an issue there, and an issue elsewhere is one of this repository's
 * only when its marker names this repository as its document's (`src`).
 * The items keep one identity whichever repository their issue is in.
 */
import { editDistance } from './edit-distance.js';
import { OWNER_AND_NAME } from './logins.js';
import { fingerprintTitle, hash } from './model/ids.js';
import { isTrackingOrDashboard, itemKey, type ItemMarker } from './markers.js';

export interface TrackedIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  author: string;
  url: string;
  marker: ItemMarker | null;
  /** GitHub's `author_association` (OWNER, MEMBER, COLLABORATOR, …), when known. */
  association?: string;
  /** GitHub's `state_reason`: `reopened` says a person reopened it after it was closed. */
  stateReason?: string | null;
  /** The repository the issue is in ("owner/name"), when it is not the documents' own. */
  repo?: string;
  /** GitHub's database id (the sub-issues API takes it) and GraphQL node id (projects take it), when known. */
  id?: number;
  nodeId?: string;
  /** ISO instant the issue was opened, when known. */
  createdAt?: string | null;
  /** The issue's type (`Task`, `Bug`…), when the repository has types and the issue one. */
  type?: string | null;
  /** The API URL of the issue's parent issue: null when it has none, undefined when unknown. */
  parentUrl?: string | null;
  /** The issue's own API URL. */
  apiUrl?: string;
}

/** An issue's identity across repositories: "#12" in the documents' repository, "owner/name#12" (lower case) elsewhere. */
export function issueRef(issue: { number: number; repo?: string }): string {
  return `${issue.repo ? issue.repo.toLowerCase() : ''}#${issue.number}`;
}

/** The login of the workflow's GITHUB_TOKEN: only this repository's workflows write as it here. */
export const ACTIONS_BOT = 'github-actions[bot]';

export interface Identities {
  /** The login this run acts as. */
  self: string;
  /** Logins earlier runs acted as (configuration `issues.identities`). */
  earlier?: readonly string[];
}

const WRITERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether a login is one of the product's identities. */
export function isOwnLogin(login: string, ids: Identities): boolean {
  return same(login, ids.self) || same(login, ACTIONS_BOT) || (ids.earlier ?? []).some((l) => same(l, login));
}

/** Whether the product opened this issue (under any of its identities), rather than someone who pasted a marker. */
export function openedByProduct(issue: Pick<TrackedIssue, 'author' | 'association'> & { marker: { by?: string } | null }, ids: Identities): boolean {
  if (!issue.author) return false;
  if (isOwnLogin(issue.author, ids)) return true;
  const writer = issue.marker?.by;
  if (!writer || !same(writer, issue.author)) return false;
  // An app is installed by the repository's admins; a person's token belongs to someone who can write here.
  return /\[bot\]$/.test(issue.author) || WRITERS.has(issue.association ?? '');
}

/**
 * The one home of "the oldest wins": of several things with one key, the
 * lowest issue number is kept; the newer ones that are still open are
 * duplicates of it (closed ones are history and left alone).
 */
export function keepOldest<T extends { number: number; state: string; repo?: string }>(things: readonly T[], keyOf: (t: T) => string | null): { kept: Map<string, T>; duplicates: Array<{ issue: T; of: T }> } {
  const kept = new Map<string, T>();
  const duplicates: Array<{ issue: T; of: T }> = [];
  // Numbers compare within a repository; the documents' own repository comes first.
  const repoOf = (t: T) => (t.repo ?? '').toLowerCase();
  for (const t of [...things].sort((a, b) => (repoOf(a) < repoOf(b) ? -1 : repoOf(a) > repoOf(b) ? 1 : a.number - b.number))) {
    const key = keyOf(t);
    if (key === null) continue;
    const first = kept.get(key);
    if (!first) kept.set(key, t);
    else if (t.state === 'open') duplicates.push({ issue: t, of: first });
  }
  return { kept, duplicates };
}

export interface IssueIndex<T extends TrackedIssue = TrackedIssue> {
  /** The product's marked issues, one per item key (the oldest). */
  byKey: Map<string, T>;
  /** Newer open copies of an item's issue. */
  duplicates: Array<{ issue: T; of: T }>;
  /** The product's issues in the documents' repository whose marker is gone (a person rewrote the body); tracking issues and dashboards left out. */
  unmarked: T[];
  /** Every issue above, by `issueRef`. */
  byRef: Map<string, T>;
}

/**
 * The product's issues for the documents of `home` ("owner/name"): those in
 * it whose marker names no other repository, and those elsewhere whose
 * marker names it (`src`). Without `home`, every marker without `src` counts.
 */
export function indexIssues<T extends TrackedIssue>(issues: readonly T[], ids: Identities, home?: string): IssueIndex<T> {
  const mine = (i: T) => (i.marker?.src ?? i.repo ?? home ?? '').toLowerCase() === (home ?? '').toLowerCase();
  const ours = issues.filter((i) => openedByProduct(i, ids) && mine(i));
  const { kept, duplicates } = keepOldest(ours, (i) => (i.marker ? itemKey(i.marker) : null));
  const unmarked = ours.filter((i) => !i.marker && !i.repo && !isTrackingOrDashboard(i.body));
  const byRef = new Map<string, T>();
  for (const i of [...kept.values(), ...unmarked]) byRef.set(issueRef(i), i);
  return { byKey: kept, duplicates, unmarked, byRef };
}

/** The document's identity across renames: its front matter `id`, else its title and incident date. */
export function documentKey(doc: { id?: unknown; title: string | null; date: string | null }): string | undefined {
  if ((typeof doc.id === 'string' && doc.id.trim()) || typeof doc.id === 'number') return `id-${hash(String(doc.id).trim().toLowerCase())}`;
  if (!doc.title || !doc.date) return undefined;
  return `td-${hash(`${fingerprintTitle(doc.title).join(' ')}|${doc.date}`)}`;
}

/** Ids the reader derives from the wording (`ai-` and 7 base-36 digits): the same words give the same id in any document. */
export function isDerivedId(id: string): boolean {
  return /^ai-[0-9a-z]{7}(?:-\d{1,4})?$/.test(id);
}

/** Whether two title words are the same word, allowing a typo (one edit; two in long words). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 3 || /^\d+$/.test(a) || /^\d+$/.test(b)) return false;
  const max = shorter >= 8 ? 2 : 1;
  return editDistance(a, b, max) <= max;
}

/** Jaccard overlap of two title fingerprints, 0..1, where words with a typo between them count as shared. */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const free = [...b];
  let shared = 0;
  for (const w of a) {
    let at = free.indexOf(w);
    if (at === -1) at = free.findIndex((x) => sameWord(w, x));
    if (at === -1) continue;
    free.splice(at, 1);
    shared++;
  }
  return shared / (a.length + b.length - shared);
}

/** Word overlap that makes an edited item the same item. */
export const SAME_ITEM = 0.5;
/** Word overlap below SAME_ITEM that still makes an issue a candidate worth a person's decision. */
export const MAYBE_SAME_ITEM = 0.25;
/** How far ahead the best candidate must be to be taken without asking. */
const MARGIN = 0.1;

/** What the identity rule needs of an item. */
export interface MatchableItem {
  key: string;
  path: string;
  id: string;
  fingerprint: readonly string[];
  /** A reference next to the item ("#123" or an issue URL). */
  linked?: string | null;
  /** Place among its document's items, 1-based. */
  n?: number;
  kind?: string;
  /** The document's identity (documentKey). */
  doc?: string;
}

export interface MatchContext {
  /** Documents whose items this run knows in full. */
  documents: ReadonlySet<string>;
  /** Old path → new path, from git's rename information (a merged pull request's files). */
  renames?: ReadonlyMap<string, string>;
  /** Whether a path still holds a document; paths it does not know count as present. */
  exists?: (path: string) => boolean;
  /** This repository ("owner/name"), to read `https://…/owner/name/issues/12` references as local. */
  repository?: string;
}

export type MatchedHow = 'link' | 'key' | 'moved' | 'reworded' | 'unmarked';

export interface Matching<T extends TrackedIssue = TrackedIssue> {
  /** Item key → its issue. */
  matched: Map<string, T>;
  how: Map<string, MatchedHow>;
  /** Item key → the issues it could be: a person decides (a reference next to the item settles it). */
  undecided: Map<string, T[]>;
  /** Issues an undecided item may be (by `issueRef`): never flagged as removed meanwhile. */
  held: Set<string>;
  /** Marked issues of an item whose reference names another of the product's issues: the reference wins. */
  superseded: Array<{ issue: T; of: T }>;
  /** A vanished document's path → the document it became. */
  moved: Map<string, string>;
  /** Where an issue's document is now (its marker's path, followed through renames). */
  pathOf(issue: T): string;
}

/** "owner/name#12": an issue in a named repository. */
export const NAMED_ISSUE_REF = new RegExp(`^(${OWNER_AND_NAME})#(\\d{1,9})$`);
const ISSUE_URL = new RegExp(`^https?:\\/\\/[^/\\s]{1,200}\\/(${OWNER_AND_NAME})\\/issues\\/(\\d{1,9})(?:[#?].*)?$`);

/** The issue a reference names: "#12", "owner/name#12" or an issue URL, as its repository ("" for this one) and number. */
function referenced(ref: string | null | undefined, repository?: string): { repo: string; number: number } | null {
  if (!ref) return null;
  const local = /^#(\d{1,9})$/.exec(ref);
  if (local) return { repo: '', number: Number(local[1]) };
  const named = NAMED_ISSUE_REF.exec(ref) ?? ISSUE_URL.exec(ref);
  if (!named) return null;
  return { repo: repository && same(named[1], repository) ? '' : named[1].toLowerCase(), number: Number(named[2]) };
}

/** keepOldest's order: the documents' repository first, then the lower number. */
function older(a: { number: number; repo?: string }, b: { number: number; repo?: string }): boolean {
  const [x, y] = [(a.repo ?? '').toLowerCase(), (b.repo ?? '').toLowerCase()];
  return x !== y ? x < y : a.number < b.number;
}

/** The local issue number a reference names: "#12", "owner/name#12" or an issue URL of this repository. */
export function referencedNumber(ref: string | null | undefined, repository?: string): number | null {
  const r = referenced(ref, repository);
  return r && r.repo === '' ? r.number : null;
}

/** The `issueRef` a reference names, in this repository or another. */
export function referencedRef(ref: string | null | undefined, repository?: string): string | null {
  const r = referenced(ref, repository);
  return r ? `${r.repo}#${r.number}` : null;
}

export function matchItems<T extends TrackedIssue>(items: readonly MatchableItem[], index: IssueIndex<T>, ctx: MatchContext): Matching<T> {
  const matched = new Map<string, T>();
  const how = new Map<string, MatchedHow>();
  const undecided = new Map<string, T[]>();
  const held = new Set<string>();
  const superseded: Matching<T>['superseded'] = [];
  const used = new Set<string>();
  const isUsed = (issue: T) => used.has(issueRef(issue));
  const take = (item: MatchableItem, issue: T, way: MatchedHow) => {
    matched.set(item.key, issue);
    how.set(item.key, way);
    used.add(issueRef(issue));
  };
  const open = (item: MatchableItem) => !matched.has(item.key) && !undecided.has(item.key);
  const exists = ctx.exists ?? (() => true);

  // 1. A reference next to the item.
  const linkedBy = new Map<string, string>();
  for (const item of items) {
    const issue = index.byRef.get(referencedRef(item.linked, ctx.repository) ?? '');
    if (!issue || isUsed(issue)) continue;
    take(item, issue, 'link');
    linkedBy.set(issueRef(issue), item.key);
  }
  for (const item of items) {
    const mine = index.byKey.get(item.key);
    const linked = matched.get(item.key);
    if (mine && linked && mine !== linked && how.get(item.key) === 'link') {
      superseded.push({ issue: mine, of: linked });
      used.add(issueRef(mine));
    }
  }

  // 2. Documents that vanished: where did they go?
  const moved = new Map<string, string>(ctx.renames ?? []);
  const vanished = (path: string) => !ctx.documents.has(path) && !exists(path);
  const marked = [...index.byKey.values()];
  const vanishedPaths = new Set(marked.map((i) => i.marker!.path).filter((p) => !moved.has(p) && vanished(p)));
  for (const path of vanishedPaths) {
    const target = successor(path, marked, items, ctx.documents);
    if (target) moved.set(path, target);
  }
  const pathOf = (issue: T) => moved.get(issue.marker!.path) ?? issue.marker!.path;
  // `marked` is in keepOldest's order: the first issue for a place is the one kept.
  const byPlace = new Map<string, T>();
  for (const issue of marked) {
    const key = itemKey({ path: pathOf(issue), id: issue.marker!.id });
    if (!byPlace.has(key) || older(issue, byPlace.get(key)!)) byPlace.set(key, issue);
  }
  for (const item of items) {
    if (!open(item)) continue;
    const issue = byPlace.get(item.key);
    if (issue && !isUsed(issue)) take(item, issue, issue.marker!.path === item.path ? 'key' : 'moved');
    // Its own issue is referenced next to another item: which item it tracks is a person's call.
    else if (issue && linkedBy.has(issueRef(issue)) && linkedBy.get(issueRef(issue)) !== item.key) decide([item], [issue]);
  }

  // 3. The same derived id in another document, when the item left its own.
  const idsIn = new Map<string, Set<string>>();
  for (const item of items) {
    if (!idsIn.has(item.path)) idsIn.set(item.path, new Set());
    idsIn.get(item.path)!.add(item.id);
  }
  const leftItsDocument = (issue: T) => {
    const path = pathOf(issue);
    return ctx.documents.has(path) ? !idsIn.get(path)?.has(issue.marker!.id) : vanished(path);
  };
  const wanted = new Map<string, MatchableItem[]>();
  for (const item of items) {
    if (!open(item) || !isDerivedId(item.id)) continue;
    for (const issue of marked) {
      if (isUsed(issue) || issue.marker!.id !== item.id || pathOf(issue) === item.path || !leftItsDocument(issue)) continue;
      wanted.set(issueRef(issue), [...(wanted.get(issueRef(issue)) ?? []), item]);
    }
  }
  for (const [ref, claimants] of wanted) {
    const issue = index.byRef.get(ref)!;
    if (claimants.length === 1) take(claimants[0], issue, 'moved');
    else decide(claimants, [issue]);
  }

  // 4. Within a document: reworded items.
  for (const path of ctx.documents) {
    const newcomers = items.filter((i) => i.path === path && open(i) && !i.linked);
    const orphans = marked.filter((i) => !isUsed(i) && pathOf(i) === path);
    if (newcomers.length === 0 || orphans.length === 0) continue;
    pairReworded(newcomers, orphans);
  }

  // 5. The product's issues whose marker a person deleted, by title.
  for (const item of items) {
    if (!open(item) || item.linked) continue;
    const candidates = index.unmarked.filter((i) => !isUsed(i) && wordSimilarity(item.fingerprint, fingerprintTitle(i.title)) >= SAME_ITEM);
    if (candidates.length === 1) take(item, candidates[0], 'unmarked');
    else if (candidates.length > 1) decide([item], candidates);
  }

  return { matched, how, undecided, held, superseded, moved, pathOf };

  function decide(claimants: MatchableItem[], issues: T[]) {
    for (const item of claimants) undecided.set(item.key, issues);
    for (const issue of issues) held.add(issueRef(issue));
  }

  function pairReworded(newcomers: MatchableItem[], orphans: T[]) {
    const score = (item: MatchableItem, issue: T) => wordSimilarity(item.fingerprint, issue.marker!.words);
    const pairs = newcomers.flatMap((item) => orphans.map((issue) => ({ item, issue, s: score(item, issue) }))).sort((a, b) => b.s - a.s || (older(a.issue, b.issue) ? -1 : older(b.issue, a.issue) ? 1 : 0));
    for (const pair of pairs) {
      if (pair.s < SAME_ITEM || !open(pair.item) || isUsed(pair.issue)) continue;
      const rivals = pairs.filter((p) => p !== pair && p.s > pair.s - MARGIN && open(p.item) && !isUsed(p.issue) && (p.item === pair.item || p.issue === pair.issue));
      if (rivals.length === 0) take(pair.item, pair.issue, 'reworded');
      else decide([pair.item, ...rivals.map((r) => r.item)].filter((v, i, a) => a.indexOf(v) === i), [pair.issue, ...rivals.map((r) => r.issue)].filter((v, i, a) => a.indexOf(v) === i));
    }
    const item = newcomers.filter(open);
    const issue = orphans.filter((i) => !isUsed(i) && !held.has(issueRef(i)));
    // The only item that changed, in the place of the only issue left: reworded beyond its words.
    if (item.length === 1 && issue.length === 1 && issue[0].marker!.n !== undefined && issue[0].marker!.n === item[0].n) {
      take(item[0], issue[0], 'reworded');
      return;
    }
    for (const i of item) {
      const maybe = issue.filter((o) => score(i, o) >= MAYBE_SAME_ITEM);
      if (maybe.length > 0) decide([i], maybe);
    }
  }
}

/**
 * The document a vanished one became: the only document with its identity
 * (front matter id, or title and incident date), else the only one that
 * holds at least half of its items' ids.
 */
function successor(path: string, issues: readonly TrackedIssue[], items: readonly MatchableItem[], documents: ReadonlySet<string>): string | null {
  const mine = issues.filter((i) => i.marker!.path === path);
  const docKeys = new Set(mine.map((i) => i.marker!.doc).filter((d): d is string => !!d));
  const paths = [...documents].filter((d) => d !== path);
  const byIdentity = paths.filter((d) => items.some((i) => i.path === d && i.doc !== undefined && docKeys.has(i.doc)));
  if (byIdentity.length === 1) return byIdentity[0];
  if (byIdentity.length > 1) return null;
  const ids = new Set(mine.map((i) => i.marker!.id));
  const byItems = paths.filter((d) => {
    const shared = new Set(items.filter((i) => i.path === d && ids.has(i.id)).map((i) => i.id));
    return shared.size * 2 >= ids.size && shared.size > 0;
  });
  return byItems.length === 1 ? byItems[0] : null;
}
