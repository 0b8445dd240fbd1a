/**
 * Each postmortem's tracking issue (config `issues.parent`), after its
 * items' issues: found again by its marker, opened when missing, its body
 * kept up to date, its items' issues attached as sub-issues through the
 * sub-issues API, and closed (config `issues.close-parent`) once every
 * measure is done. What to do is decided by the pure core/parents.ts; this
 * file reads what it needs and writes through the gateway.
 *
 * Idempotence: the marker records the sub-issues the action attached, and
 * the body keeps its permalink's commit while nothing else in it changes,
 * so a rerun makes no write. A sub-issue is attached before the marker
 * records it: a crash in between leaves an attached child the next run
 * records, never a recorded child that was not attached.
 */
import { isOwnLogin, type TrackedIssue } from '../core/identity.js';
import { parseParentMarker, replaceManaged } from '../core/markers.js';
import { childRef, parentOf, parentsAmong, planParents, SUB_ISSUE_LIMIT, type ChildIssue, type DocumentChildren, type ParentPlan } from '../core/parents.js';
import type { PlannedDocument } from '../core/plan.js';
import { statusOf, type ApiIssue } from '../github/gateway.js';
import { repositoryOf } from '../github/tracked.js';
import { parentManaged, parentTitle } from '../render/parent.js';
import { commentOnce, type ApplyContext } from './apply.js';
import { deadlineFor, typeFor, type DesiredContext } from './desired.js';
import { errorLine, plural } from '../core/strings.js';

export interface ParentOutcome {
  path: string;
  title: string;
  issue: number | null;
  url: string | null;
  /** created, updated, unchanged, closed (with dry-run: would-…), failed. */
  action: string;
  /** Sub-issues attached in this run. */
  attached: string[];
  /** Sub-issues a person detached (left detached). */
  detached: string[];
  /** Measures not attached: past GitHub's limit, under another owner, or under another parent. */
  notAttached: string[];
  reason?: string;
}

export interface ParentContext extends ApplyContext {
  documents: PlannedDocument[];
  /** Each item's issue after this run's writes, by item key. */
  issueOf: ReadonlyMap<string, TrackedIssue>;
  /** The product's issues in the documents' repository, as last listed. */
  listing: () => TrackedIssue[];
  /** List them again (after the lock was taken). */
  relist: () => Promise<TrackedIssue[]>;
  /** Take the sync lock if this run does not hold it yet; false when another run held it too long. */
  takeLock: () => Promise<boolean>;
  desiredContext: DesiredContext;
}

const BLOB = /\/blob\/([0-9a-f]{7,40})\//;

export async function syncParents(ctx: ParentContext): Promise<{ outcomes: ParentOutcome[]; failures: string[]; notes: string[] }> {
  let planned = await plan(ctx);
  if (!ctx.dryRun && planned.some((p) => hasWrites(p, ctx))) {
    if (!(await ctx.takeLock())) return { outcomes: [], failures: [], notes: [] };
    await ctx.relist();
    planned = await plan(ctx);
  }
  const outcomes: ParentOutcome[] = [];
  const failures: string[] = [];
  const notes: string[] = [];
  for (const p of planned) {
    try {
      outcomes.push(await apply(p, ctx, notes));
    } catch (error) {
      const status = statusOf(error);
      const message = `tracking issue of ${p.doc.path} failed${status ? ` (HTTP ${status})` : ''}: ${errorLine(error)}`;
      ctx.log.warning(message);
      failures.push(message);
      outcomes.push({ path: p.doc.path, title: parentTitle(p.doc), issue: p.kind === 'existing' ? p.parent.number : null, url: p.kind === 'existing' ? p.parent.url : null, action: 'failed', attached: [], detached: [], notAttached: [], reason: message });
    }
  }
  return { outcomes, failures, notes };
}

/** Each document's items with their issues, and the plan for its parent. */
async function plan(ctx: ParentContext): Promise<ParentPlan[]> {
  const home = ctx.home;
  const parents = parentsAmong(ctx.listing().filter((i) => !i.repo), ctx.identities);
  const documents: DocumentChildren[] = ctx.documents
    .filter((doc) => doc.items.length > 0)
    .map((doc) => ({ doc, children: doc.items.map((item) => ({ item, issue: child(ctx.issueOf.get(item.key), home) })) }));
  const attached = new Map<number, Set<string>>();
  const counts = new Map<number, number>();
  for (const { doc } of documents) {
    const parent = parentOf(doc, parents);
    if (!parent || attached.has(parent.number)) continue;
    const subs = await ctx.gateway.listSubIssues(parent.number);
    attached.set(parent.number, new Set(subs.map((s) => childRef(repositoryOf(s) ?? home, s.number, home))));
    counts.set(parent.number, subs.length);
  }
  return planParents({ documents, parents, home, attached, counts, closeParent: ctx.settings.closeParent, title: parentTitle, labels: [ctx.settings.labels.base] });
}

function child(issue: TrackedIssue | undefined, home: string): ChildIssue | null {
  if (!issue) return null;
  const repo = issue.repo ?? home;
  return { ref: childRef(repo, issue.number, home), number: issue.number, ...(issue.id !== undefined ? { id: issue.id } : {}), repo, state: issue.state, url: issue.url, ...(issue.parentUrl !== undefined ? { parentUrl: issue.parentUrl } : {}) };
}

/** The parent's title and managed block for a record of attached children (the permalink at `sha`). */
function render(p: ParentPlan, record: string[], ctx: ParentContext, sha: string): { title: string; managed: string } {
  const desiredTitle = parentTitle(p.doc);
  const markerTitle = p.kind === 'existing' && p.title === undefined ? p.parent.parentMarker.title : desiredTitle;
  const by = p.kind === 'existing' ? (p.parent.parentMarker.by ?? p.parent.author) : ctx.identities.self;
  const rows = p.doc.items.map((item) => {
    const issue = ctx.issueOf.get(item.key) ?? null;
    return { item, ref: issue ? childRef(issue.repo ?? ctx.home, issue.number, ctx.home) : null, deadline: deadlineFor(item, issue, ctx.desiredContext) };
  });
  return { title: desiredTitle, managed: parentManaged(p.doc, rows, { ...ctx.link, sha }, { by, ...(markerTitle !== undefined ? { title: markerTitle } : {}), children: record }) };
}

/** The body an existing parent should have: its permalink keeps its commit while nothing else changes. */
function nextBody(p: Extract<ParentPlan, { kind: 'existing' }>, record: string[], ctx: ParentContext): string | undefined {
  const previous = BLOB.exec(p.parent.body)?.[1];
  if (previous) {
    const same = replaceManaged(p.parent.body, render(p, record, ctx, previous).managed);
    if (same === p.parent.body) return undefined;
  }
  const body = replaceManaged(p.parent.body, render(p, record, ctx, ctx.link.sha).managed);
  return body === p.parent.body ? undefined : body;
}

function hasWrites(p: ParentPlan, ctx: ParentContext): boolean {
  if (p.kind === 'create') return true;
  return p.attach.length > 0 || p.close || (p.title !== undefined && p.title !== p.parent.title) || nextBody(p, p.record, ctx) !== undefined;
}

/** Past the limit, the parent holds exactly the limit once this run's attaches are done. */
function limitNote(path: string, parent: number | null, over: ChildIssue[]): string {
  return (
    `The tracking issue${parent ? ` #${parent}` : ''} of ${path} has ${SUB_ISSUE_LIMIT} sub-issues, GitHub's limit per issue (closed ones count): ` +
    `${plural(over.length, 'measure')} (${over.map((c) => c.ref).join(', ')}) ${over.length === 1 ? 'was' : 'were'} not attached; the tracking issue's body lists every measure.`
  );
}

async function apply(p: ParentPlan, ctx: ParentContext, notes: string[]): Promise<ParentOutcome> {
  const would = (action: string) => (ctx.dryRun && action !== 'unchanged' ? `would-${action}` : action);
  const elsewhere = p.elsewhere.map((c) => c.ref);
  if (p.kind === 'create') {
    const { title, managed } = render(p, [], ctx, ctx.link.sha);
    const type = typeFor('parent', ctx.home, ctx.desiredContext);
    const find = (candidates: ApiIssue[]) =>
      candidates.find((c) => isOwnLogin(c.user?.login ?? '', ctx.identities) && parseParentMarker(c.body)?.path === p.doc.path);
    const created = await ctx.gateway.createIssueOnce({ title, body: managed, labels: p.labels, assignees: [], ...(type ? { type } : {}) }, find, ctx.identities.self);
    if (p.overLimit.length > 0) note(ctx, notes, limitNote(p.doc.path, created?.number ?? null, p.overLimit));
    if (!created) return { path: p.doc.path, title, issue: null, url: null, action: would('created'), attached: p.attach.map((c) => c.ref), detached: [], notAttached: [...p.overLimit.map((c) => c.ref), ...elsewhere] };
    const record = await attachAll(created.number, p.attach, [], ctx);
    const body = replaceManaged(managed, render(p, record, ctx, ctx.link.sha).managed);
    if (body !== managed) await ctx.gateway.updateIssue(created.number, { body });
    return { path: p.doc.path, title, issue: created.number, url: created.html_url, action: 'created', attached: record, detached: [], notAttached: [...p.overLimit.map((c) => c.ref), ...elsewhere] };
  }
  const { parent } = p;
  if (p.overLimit.length > 0) note(ctx, notes, limitNote(p.doc.path, parent.number, p.overLimit));
  if (p.detached.length > 0) ctx.log.info(`${p.detached.join(', ')}: detached from the tracking issue #${parent.number} by a person; left detached.`);
  const before = p.parent.parentMarker.children;
  const record = await attachAll(parent.number, p.attach, before, ctx, p.record);
  const body = nextBody(p, record, ctx);
  const title = p.title !== undefined && p.title !== parent.title ? p.title : undefined;
  if (body !== undefined || title !== undefined) await ctx.gateway.updateIssue(parent.number, { ...(title !== undefined ? { title } : {}), ...(body !== undefined ? { body } : {}) });
  let action = p.attach.length > 0 || body !== undefined || title !== undefined ? 'updated' : 'unchanged';
  if (p.close) {
    await commentOnce(ctx, parent, 'close-parent', 'Every measure of this postmortem is done. Closing, as the configuration asks (`issues.close-parent`); the sub-issues are left as they are.');
    await ctx.gateway.updateIssue(parent.number, { state: 'closed', state_reason: 'completed' });
    action = 'closed';
  }
  return { path: p.doc.path, title: parent.title, issue: parent.number, url: parent.url, action: would(action), attached: p.attach.map((c) => c.ref), detached: p.detached, notAttached: [...p.overLimit.map((c) => c.ref), ...elsewhere] };
}

/**
 * Attach each child; return what the marker records: what it recorded
 * before, what is attached now, and what GitHub refused to attach (422:
 * a parent of its own already, a person's choice), which is not tried again.
 */
async function attachAll(parent: number, children: ChildIssue[], before: string[], ctx: ParentContext, planned: string[] = [...before, ...children.map((c) => c.ref)]): Promise<string[]> {
  const failed = new Set<string>();
  for (const c of children) {
    try {
      await ctx.gateway.addSubIssue(parent, { id: c.id!, ref: c.ref });
    } catch (error) {
      if (statusOf(error) !== 422) {
        failed.add(c.ref);
        throw error;
      }
      ctx.log.warning(`GitHub did not attach ${c.ref} to the tracking issue #${parent} (it may have a parent of its own); it is not tried again.`);
    }
  }
  return planned.filter((r) => !failed.has(r));
}

function note(ctx: ParentContext, notes: string[], message: string): void {
  ctx.log.warning(message);
  notes.push(message);
}

