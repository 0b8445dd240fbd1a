/**
 * The pure rules of issue 12 as tables: deadlines from priority, where an
 * item's issue is filed, which issue is an item's across repositories, the
 * tracking issue's plan, issue types and board fields that follow only what
 * the product set, and the reader's new `repo` field.
 */
import { describe, expect, it } from 'vitest';
import { shouldSet } from '../../src/core/board.js';
import { ConfigError, resolveConfig } from '../../src/core/config/resolve.js';
import { deadlineOf, parseDays, type DuePolicy } from '../../src/core/deadline.js';
import { documentKey, type TrackedIssue } from '../../src/core/identity.js';
import { MANAGED_END, MANAGED_START, renderItemMarker, renderParentMarker, replaceManaged, type ItemMarker } from '../../src/core/markers.js';
import { fingerprintTitle, hash } from '../../src/core/model/ids.js';
import { parentsAmong, planParents, type ChildIssue, type ParentInput } from '../../src/core/parents.js';
import type { PlannedDocument, PlannedItem } from '../../src/core/plan.js';
import { normaliseRepository, routeItem } from '../../src/core/routing.js';
import { planSync, planUpdate, type Operation } from '../../src/core/sync.js';
import { check } from '../helpers.js';

const BOT = 'github-actions[bot]';
const HOME = 'acme/ops';
const DOC = { title: 'Outage', date: '2024-03-02', severity: null };

function item(title: string, o: Partial<PlannedItem> = {}): PlannedItem {
  const fingerprint = fingerprintTitle(title);
  const id = `ai-${hash(fingerprint.join(' '))}`;
  const path = o.path ?? 'postmortems/a.md';
  return { key: `${path}#${id}`, path, id, line: 10, title, kind: 'corrective', owner: null, due: null, priority: null, done: false, linked: null, fingerprint, document: DOC, n: 1, doc: documentKey(DOC), ...o };
}

function issue(of: PlannedItem, number: number, o: Omit<Partial<TrackedIssue>, 'marker'> & { marker?: Partial<ItemMarker> } = {}): TrackedIssue {
  const { marker: m, ...rest } = o;
  const marker: ItemMarker = { path: of.path, id: of.id, words: of.fingerprint, by: BOT, title: of.title, labels: ['postmortem'], assignees: [], n: of.n, ...m };
  return {
    number, title: of.title, body: `${MANAGED_START}\n${of.title}\n${renderItemMarker(marker)}\n${MANAGED_END}`, state: 'open', labels: ['postmortem'], assignees: [],
    author: BOT, url: `https://github.com/${rest.repo ?? HOME}/issues/${number}`, marker, ...rest,
  };
}

describe('deadlines from priority', () => {
  const policy: DuePolicy = { days: new Map([['p0', 7], ['p1', 28], ['high', 14]]), from: 'incident' };

  it.each([
    ['7d', 7], ['4w', 28], ['28 days', 28], ['1 week', 7], [56, 56], ['soon', null], [-1, null],
  ] as const)('parseDays(%j) = %j', (value, days) => {
    expect(parseDays(value)).toBe(days);
  });

  it.each<[string, { due: string | null; priority: string | null }, { incident: string | null; merged: string | null }, DuePolicy | null, string | null]>([
    ['a stated date wins', { due: '2024-01-20', priority: 'P0' }, { incident: '2023-11-07', merged: null }, policy, '2024-01-20 document'],
    ['from the incident', { due: null, priority: 'P0' }, { incident: '2023-11-07', merged: null }, policy, '2023-11-14 priority'],
    ['priorities match whatever their case', { due: null, priority: 'High' }, { incident: '2023-12-25', merged: null }, policy, '2024-01-08 priority'],
    ['from the merge', { due: null, priority: 'P1' }, { incident: '2023-11-07', merged: '2024-02-01' }, { ...policy, from: 'merge' }, '2024-02-29 priority'],
    ['a due written as text keeps its words: no date from the priority', { due: 'next sprint', priority: 'P0' }, { incident: '2023-11-07', merged: null }, policy, null],
    ['no rule for its priority', { due: null, priority: 'P3' }, { incident: '2023-11-07', merged: null }, policy, null],
    ['no incident date', { due: null, priority: 'P0' }, { incident: null, merged: '2024-02-01' }, policy, null],
    ['no policy', { due: null, priority: 'P0' }, { incident: '2023-11-07', merged: null }, null, null],
  ])('%s', (_name, it, facts, p, expected) => {
    const d = deadlineOf(it, facts, p);
    expect(d ? `${d.date} ${d.source}` : null).toBe(expected);
  });

  it('the config reads the table and names a bad span', () => {
    const config = resolveConfig({ issues: { 'due-by-priority': { P0: '7d', P1: '4w', P2: 56 }, 'due-from': 'merge' } });
    expect([...config.issues.due!.days]).toEqual([['p0', 7], ['p1', 28], ['p2', 56]]);
    expect(config.issues.due!.from).toBe('merge');
    expect(resolveConfig({}).issues.due).toBeNull();
    expect(() => resolveConfig({ issues: { 'due-by-priority': { P0: 'a week' } } }, 'postmortem.yml')).toThrow(ConfigError);
    expect(() => resolveConfig({ issues: { 'due-by-priority': { P0: 'a week' } } }, 'postmortem.yml')).toThrow(/`issues\.due-by-priority\.P0`: .*expected a span such as "7d"/);
  });
});

describe('where an item\'s issue is filed', () => {
  const map = new Map([['payments', 'acme/payments-web'], ['preventative', 'platform']]);
  it.each<[string, Parameters<typeof routeItem>[0], string]>([
    ['its own repo: wins', { repo: 'acme/payments-api', components: ['payments'], labels: ['postmortem'] }, 'acme/payments-api item'],
    ['a repository URL', { repo: 'https://github.com/acme/infra.git', labels: [] }, 'acme/infra item'],
    ['a bare name is the home owner\'s', { repo: 'dns', labels: [] }, 'acme/dns item'],
    ['by component', { components: ['Payments'], labels: ['postmortem', 'preventative'] }, 'acme/payments-web component'],
    ['by label, a bare name', { labels: ['postmortem', 'preventative'] }, 'acme/platform label'],
    ['naming its own repository is home', { repo: 'ACME/ops', labels: [] }, 'acme/ops home'],
    ['nothing named', { labels: ['postmortem'] }, 'acme/ops home'],
    ['not a repository', { repo: 'a/b/c', labels: [] }, 'acme/ops home'],
  ])('%s', (_name, it, expected) => {
    const r = routeItem(it, map, HOME);
    expect(`${r.repo} ${r.why}`).toBe(expected);
  });

  it('normalises what people write', () => {
    expect(normaliseRepository('`acme/api`', 'acme')).toBe('acme/api');
    expect(normaliseRepository('http://ghe.example.com/acme/api/', 'acme')).toBe('acme/api');
    expect(normaliseRepository('..', 'acme')).toBeNull();
    expect(normaliseRepository('', 'acme')).toBeNull();
  });
});

describe('which issue is an item\'s, across repositories', () => {
  const settings = resolveConfig({}).issues;
  const plan = (items: PlannedItem[], issues: TrackedIssue[], place: (i: PlannedItem) => { repo?: string; refused?: string } = () => ({})) =>
    planSync({
      items, issues, identities: { self: BOT }, documents: [...new Set(items.map((i) => i.path))], settings, maxCreates: 50, repository: HOME, place,
      desired: (i, existing, repo) => ({ title: i.title, labels: ['postmortem'], assignees: [], managed: `${MANAGED_START}\n${i.title}\n${renderItemMarker({ path: i.path, id: i.id, words: i.fingerprint, by: existing?.marker?.by ?? BOT, title: i.title, labels: ['postmortem'], assignees: [], n: i.n, ...(repo || existing?.repo ? { src: HOME } : {}) })}\n${MANAGED_END}` }),
      mergeBody: replaceManaged,
    }).map(describe);
  const describe = (op: Operation) =>
    op.kind === 'create' ? `create "${op.item.title}"${op.repo ? ` in ${op.repo}` : ''}${op.refused ? ` (refused by ${op.refused})` : ''}` : `${op.kind}${'issue' in op ? ` ${op.issue.repo ?? ''}#${op.issue.number}` : ''}`;
  const a = item('Add a circuit breaker');
  const b = item('Rotate the credentials', { n: 2 });

  it.each<[string, () => [PlannedItem[], TrackedIssue[], ((i: PlannedItem) => { repo?: string; refused?: string })?], string[]]>([
    ['an issue in another repository whose marker names this one is the item\'s', () => [[a], [issue(a, 4, { repo: 'acme/api', marker: { src: HOME } })]], ['unchanged acme/api#4']],
    ['the same number in two repositories are two issues', () => [[a, b], [issue(a, 4, { repo: 'acme/api', marker: { src: HOME } }), issue(b, 4)]], ['unchanged acme/api#4', 'unchanged #4']],
    ['an issue there for that repository\'s own postmortem is not this one\'s', () => [[a], [issue(a, 4, { repo: 'acme/api' })]], ['create "Add a circuit breaker"']],
    ['an issue here that another repository\'s postmortem filed is not this one\'s', () => [[a], [issue(a, 4, { marker: { src: 'acme/other' } })]], ['create "Add a circuit breaker"']],
    ['an issue that exists stays where it is, whatever the route says now', () => [[a], [issue(a, 4)], () => ({ repo: 'acme/api' })], ['unchanged #4']],
    ['a new issue goes where the route leads', () => [[a], [], () => ({ repo: 'acme/api' })], ['create "Add a circuit breaker" in acme/api']],
    ['or here, when that repository refuses the token', () => [[a], [], () => ({ refused: 'acme/api' })], ['create "Add a circuit breaker" (refused by acme/api)']],
    ['a reference "owner/name#4" next to the item names that repository\'s issue', () => [[{ ...a, linked: 'acme/api#4' }], [issue(a, 4, { repo: 'acme/api', marker: { src: HOME, id: 'other' } })]], ['update acme/api#4']],
    ['of two copies in two repositories, the one here is kept', () => [[a], [issue(a, 9, { repo: 'acme/api', marker: { src: HOME } }), issue(a, 12)]], ['duplicate acme/api#9', 'unchanged #12']],
  ])('%s', (_name, rows, expected) => {
    const [items, issues, place] = rows();
    expect(plan(items, issues, place)).toEqual(expected);
  });
});

describe('issue types follow only what the product set', () => {
  const a = item('Add a circuit breaker');
  const desired = { title: a.title, labels: ['postmortem'], assignees: [], managed: '', type: 'Bug' };
  it.each<[string, Omit<Partial<TrackedIssue>, 'marker'> & { marker?: Partial<ItemMarker> }, string | undefined]>([
    ['no type yet, never set: set', { type: null }, 'Bug'],
    ['the type the product set, the kind changed: follows', { type: 'Task', marker: { type: 'Task' } }, 'Bug'],
    ['a type a person chose: stays', { type: 'Feature', marker: { type: 'Task' } }, undefined],
    ['a type a person cleared: stays cleared', { type: null, marker: { type: 'Task' } }, undefined],
    ['someone else\'s type on an issue the product never typed: stays', { type: 'Feature' }, undefined],
    ['already right', { type: 'bug', marker: { type: 'Bug' } }, undefined],
  ])('%s', (_name, o, expected) => {
    const existing = issue(a, 1, o);
    expect(planUpdate(a, existing, { ...desired, managed: existing.body }, replaceManaged).edit.type).toBe(expected);
  });
});

describe('a board field follows only what the product set', () => {
  it.each<[string, string | undefined, string | null, string | undefined, boolean]>([
    ['empty: filled', 'Todo', null, undefined, true],
    ['as wanted', 'P1', 'p1', 'P0', false],
    ['still what the product set: follows the document', 'P1', 'P0', 'P0', true],
    ['a value a person chose: stays', 'Done', 'In Progress', 'Todo', false],
    ['never recorded, and not empty: stays', 'P1', 'P0', undefined, false],
    ['nothing wanted', undefined, null, undefined, false],
  ])('%s', (_name, wanted, current, set, expected) => {
    expect(shouldSet(wanted, current, set)).toBe(expected);
  });
});

describe('the tracking issue\'s plan', () => {
  const doc = (items: PlannedItem[]): PlannedDocument => ({ path: 'postmortems/a.md', doc: documentKey(DOC), title: 'Outage', date: DOC.date, severity: null, minutes: 60, items });
  const child = (n: number, o: Partial<ChildIssue> = {}): ChildIssue => ({ ref: `#${n}`, number: n, id: 1000 + n, repo: HOME, state: 'open', url: `https://github.com/${HOME}/issues/${n}`, parentUrl: null, ...o });
  const parentIssue = (children: string[], o: Partial<TrackedIssue> = {}) =>
    parentsAmong([{ number: 50, title: 'Postmortem follow-ups: Outage (2024-03-02)', body: renderParentMarker({ path: 'postmortems/a.md', doc: documentKey(DOC), by: BOT, title: 'Postmortem follow-ups: Outage (2024-03-02)', children }), state: 'open', labels: [], assignees: [], author: BOT, url: 'u', marker: null, apiUrl: `https://api/repos/${HOME}/issues/50`, ...o }], { self: BOT });
  const [x, y, z] = [item('One'), item('Two', { n: 2 }), item('Three', { n: 3 })];
  const input = (o: Partial<ParentInput>): ParentInput => ({ documents: [], parents: [], home: HOME, attached: new Map(), counts: new Map(), closeParent: false, title: () => 'Postmortem follow-ups: Outage (2024-03-02)', labels: ['postmortem'], ...o });
  const brief = (plans: ReturnType<typeof planParents>) =>
    plans.map((p) => (p.kind === 'create' ? `create, attach ${p.attach.map((c) => c.ref)}; elsewhere ${p.elsewhere.map((c) => c.ref)}` : `#${p.parent.number}: attach ${p.attach.map((c) => c.ref)}; record ${p.record}; detached ${p.detached}; over ${p.overLimit.map((c) => c.ref)}; elsewhere ${p.elsewhere.map((c) => c.ref)}${p.close ? '; close' : ''}`));

  it.each<[string, () => ParentInput, string[]]>([
    ['a new parent attaches the same owner\'s issues; another owner\'s or another parent\'s are only listed', () => input({
      documents: [{ doc: doc([x, y, z]), children: [{ item: x, issue: child(1) }, { item: y, issue: child(1, { ref: 'other-org/api#1', repo: 'other-org/api' }) }, { item: z, issue: child(3, { parentUrl: 'https://api/repos/acme/ops/issues/9' }) }] }],
    }), ['create, attach #1; elsewhere other-org/api#1,#3']],
    ['no parent for a document whose items are all done without issues', () => input({ documents: [{ doc: doc([{ ...x, done: true }]), children: [{ item: { ...x, done: true }, issue: null }] }] }), []],
    ['found by its marker: a detached child stays detached, a new one is attached', () => input({
      documents: [{ doc: doc([x, y, z]), children: [{ item: x, issue: child(1) }, { item: y, issue: child(2) }, { item: z, issue: child(3) }] }],
      parents: parentIssue(['#1', '#2']), attached: new Map([[50, new Set(['#1'])]]), counts: new Map([[50, 1]]),
    }), ['#50: attach #3; record #1,#2,#3; detached #2; over ; elsewhere ']],
    ['found by the document\'s identity after a rename', () => input({
      documents: [{ doc: { ...doc([x]), path: 'postmortems/2024/a.md' }, children: [{ item: x, issue: child(1) }] }],
      parents: parentIssue(['#1']), attached: new Map([[50, new Set(['#1'])]]), counts: new Map([[50, 1]]),
    }), ['#50: attach ; record #1; detached ; over ; elsewhere ']],
    ['an attached child the marker does not record yet (a crash after attaching) is recorded', () => input({
      documents: [{ doc: doc([x]), children: [{ item: x, issue: child(1, { parentUrl: 'https://api/repos/acme/ops/issues/50' }) }] }],
      parents: parentIssue([]), attached: new Map([[50, new Set(['#1'])]]), counts: new Map([[50, 1]]),
    }), ['#50: attach ; record #1; detached ; over ; elsewhere ']],
    ['past 100 sub-issues, closed ones counting', () => input({
      documents: [{ doc: doc([x, y]), children: [{ item: x, issue: child(1) }, { item: y, issue: child(2) }] }],
      parents: parentIssue([]), attached: new Map([[50, new Set()]]), counts: new Map([[50, 99]]),
    }), ['#50: attach #1; record #1; detached ; over #2; elsewhere ']],
    ['closed when the config says so and every measure is done', () => input({
      documents: [{ doc: doc([x, { ...y, done: true }]), children: [{ item: x, issue: child(1, { state: 'closed' }) }, { item: { ...y, done: true }, issue: null }] }],
      parents: parentIssue(['#1']), attached: new Map([[50, new Set(['#1'])]]), counts: new Map([[50, 1]]), closeParent: true,
    }), ['#50: attach ; record #1; detached ; over ; elsewhere ; close']],
    ['but not when a person reopened it', () => input({
      documents: [{ doc: doc([x]), children: [{ item: x, issue: child(1, { state: 'closed' }) }] }],
      parents: parentIssue(['#1'], { stateReason: 'reopened' }), attached: new Map([[50, new Set(['#1'])]]), counts: new Map([[50, 1]]), closeParent: true,
    }), ['#50: attach ; record #1; detached ; over ; elsewhere ']],
  ])('%s', (_name, make, expected) => {
    expect(brief(planParents(make()))).toEqual(expected);
  });

  it('a parent marker pasted by someone else is not the product\'s', () => {
    expect(parentsAmong([{ ...parentIssue([])[0], author: 'mallory' }], { self: BOT })).toEqual([]);
  });
});

describe('the reader: the repository an item names', () => {
  it('from `repo: owner/name` in the item (not part of its wording) and from a Repo column', () => {
    const list = check('# Outage\n\n## Action items\n\n- Rotate the keys (repo: acme/infra, owner: @dana)\n- Add alerts\n').model!.actionItems;
    expect(list.map((i) => [i.title, i.repo ?? null, i.owner])).toEqual([['Rotate the keys', 'acme/infra', 'dana'], ['Add alerts', null, null]]);
    expect(list[0].id).toBe(check('# Outage\n\n## Action items\n\n- Rotate the keys (owner: @dana)\n').model!.actionItems[0].id);
    const table = check('# Outage\n\n## Action items\n\n| Action | Repository |\n| --- | --- |\n| Lower the TTL | acme/dns |\n| Write the runbook | |\n').model!.actionItems;
    expect(table.map((i) => [i.title, i.repo ?? null])).toEqual([['Lower the TTL', 'acme/dns'], ['Write the runbook', null]]);
  });
});
