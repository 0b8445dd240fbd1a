/**
 * The identity rules as a table: items, issues and settings in, operations
 * out. Each row is one rule of src/core/identity.ts and src/core/sync.ts.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config/resolve.js';
import { documentKey, wordSimilarity, type TrackedIssue } from '../../src/core/identity.js';
import { replaceManaged, renderItemMarker, parseItemMarker, MANAGED_END, MANAGED_START, type ItemMarker } from '../../src/core/markers.js';
import { fingerprintTitle, hash } from '../../src/core/model/ids.js';
import type { PlannedItem } from '../../src/core/plan.js';
import { planSync, type Operation, type SyncInput } from '../../src/core/sync.js';

const settings = resolveConfig({}).issues;
const BOT = 'github-actions[bot]';
const DOC = { title: 'Outage', date: '2024-03-02', severity: null };

function item(path: string, title: string, o: Partial<PlannedItem> = {}): PlannedItem {
  const fingerprint = fingerprintTitle(title);
  const id = o.id ?? `ai-${hash(fingerprint.join(' '))}`;
  return {
    key: `${path}#${id}`, path, id, line: 10, title, kind: 'corrective', owner: null, due: null, priority: null, done: false, linked: null,
    fingerprint, document: DOC, n: 1, doc: documentKey(DOC), ...o,
  };
}

let next = 1;
function issue(of: PlannedItem | { path: string; title: string; id?: string }, o: Omit<Partial<TrackedIssue>, 'marker'> & { marker?: Partial<ItemMarker> | null } = {}): TrackedIssue {
  const { marker: m, ...rest } = o;
  const source = 'fingerprint' in of ? of : item(of.path, of.title, of.id ? { id: of.id } : {});
  const marker: ItemMarker | null = m === null ? null : { path: source.path, id: source.id, words: [...source.fingerprint], by: BOT, title: source.title, labels: ['postmortem', 'corrective'], assignees: [], n: source.n, doc: source.doc, ...m };
  const number = rest.number ?? next++;
  return {
    number, title: source.title, body: marker ? `${MANAGED_START}\n${source.title}\n${renderItemMarker(marker)}\n${MANAGED_END}` : 'A person rewrote this.', state: 'open',
    labels: ['postmortem', 'corrective'], assignees: [], author: BOT, url: `https://github.com/acme/ops/issues/${number}`, marker, ...rest,
  };
}

function plan(items: PlannedItem[], issues: TrackedIssue[], o: Partial<SyncInput> = {}): string[] {
  const ops = planSync({
    items, issues, identities: { self: BOT }, documents: [...new Set(items.map((i) => i.path))], settings, maxCreates: 50,
    desired: (i, existing) => ({
      title: i.title, labels: ['postmortem', 'corrective'], assignees: i.owner ? [i.owner] : [],
      managed: `${MANAGED_START}\n${i.title}\n${renderItemMarker({ path: i.path, id: i.id, words: i.fingerprint, by: existing?.marker?.by ?? BOT, title: i.title, labels: ['postmortem', 'corrective'], assignees: i.owner ? [i.owner] : [], n: i.n, doc: i.doc })}\n${MANAGED_END}`,
    }),
    mergeBody: replaceManaged,
    ...o,
  });
  return ops.map(describeOp);
}

function describeOp(op: Operation): string {
  switch (op.kind) {
    case 'update': return `update #${op.issue.number} ${op.item.path} (${op.how}: ${op.changes.join(',')})`;
    case 'create': return `create ${op.item.path} "${op.item.title}"`;
    case 'undecided': return `undecided ${op.item.path} "${op.item.title}" (${op.candidates.map((c) => `#${c.number}`).join(' ')})`;
    case 'removed': return `removed #${op.issue.number}${op.deleted ? ' (deleted)' : ''}`;
    case 'duplicate': return `duplicate #${op.issue.number} of #${op.of.number}`;
    case 'linked': return `linked ${op.item.linked}${op.where ? ` → ${op.where}` : ''}`;
    default: return `${op.kind}${'issue' in op ? ` #${op.issue.number}` : ''}`;
  }
}

describe('planSync: which issue is which item\'s', () => {
  const a = item('postmortems/a.md', 'Add disk usage alerts');
  const b = item('postmortems/a.md', 'Rotate the database credentials', { n: 2 });

  it.each<[string, () => [PlannedItem[], TrackedIssue[], Partial<SyncInput>?], string[]]>([
    ['same path, same id: unchanged', () => [[a], [issue(a, { number: 1 })]], ['unchanged #1']],
    ['a new item: created', () => [[a, b], [issue(a, { number: 1 })]], ['unchanged #1', 'create postmortems/a.md "Rotate the database credentials"']],
    [
      'a renamed document (git\'s rename list): the issue follows, nothing removed',
      () => [[{ ...a, path: 'postmortems/2023/a.md', key: `postmortems/2023/a.md#${a.id}` }], [issue(a, { number: 1 })], { renames: new Map([['postmortems/a.md', 'postmortems/2023/a.md']]), deleted: ['postmortems/a.md'] }],
      ['update #1 postmortems/2023/a.md (moved: body)'],
    ],
    [
      'a moved document without rename information (a push, or the paths input): found by its identity',
      () => [[{ ...a, path: 'postmortems/2023/a.md', key: `postmortems/2023/a.md#${a.id}` }], [issue(a, { number: 1 })], { exists: (p) => p !== 'postmortems/a.md' }],
      ['update #1 postmortems/2023/a.md (moved: body)'],
    ],
    [
      'a deleted document: its issues are removed',
      () => [[], [issue(a, { number: 1 })], { deleted: ['postmortems/a.md'], exists: () => false }],
      ['removed #1 (deleted)'],
    ],
    [
      'an item moved to another document that this run read: the issue follows',
      () => [[{ ...a, path: 'postmortems/b.md', key: `postmortems/b.md#${a.id}` }, b], [issue(a, { number: 1 }), issue(b, { number: 2 })], { documents: ['postmortems/a.md', 'postmortems/b.md'] }],
      ['update #1 postmortems/b.md (moved: body)', 'unchanged #2'],
    ],
    [
      'an item copied into another document (its own still has it): two items, two issues',
      () => [[a, { ...a, path: 'postmortems/b.md', key: `postmortems/b.md#${a.id}` }], [issue(a, { number: 1 })], { documents: ['postmortems/a.md', 'postmortems/b.md'] }],
      ['unchanged #1', 'create postmortems/b.md "Add disk usage alerts"'],
    ],
    [
      'an item that left its document for two others: undecided, nothing written',
      () => [
        [{ ...a, path: 'postmortems/b.md', key: `postmortems/b.md#${a.id}` }, { ...a, path: 'postmortems/c.md', key: `postmortems/c.md#${a.id}` }],
        [issue(a, { number: 1 })],
        { documents: ['postmortems/a.md', 'postmortems/b.md', 'postmortems/c.md'] },
      ],
      ['undecided postmortems/b.md "Add disk usage alerts" (#1)', 'undecided postmortems/c.md "Add disk usage alerts" (#1)'],
    ],
    ['a typo fixed in a two-word item: the same issue, retitled', () => [[item('postmortems/a.md', 'Rotate kyes')], [issue({ path: 'postmortems/a.md', title: 'Rotate keys' }, { number: 1 })]], ['update #1 postmortems/a.md (reworded: title,body)']],
    [
      'a heavy rewording of the only item that changed, in its place: the same issue',
      () => [[item('postmortems/a.md', 'Page the on-call engineer when volumes fill up')], [issue(a, { number: 1 })]],
      ['update #1 postmortems/a.md (reworded: title,body)'],
    ],
    [
      'two rewordings equally close to one issue: undecided, the issue is not flagged removed',
      () => [[item('postmortems/a.md', 'Add disk usage alerts for db'), item('postmortems/a.md', 'Add disk usage alerts for web', { n: 2 })], [issue(a, { number: 1 })]],
      ['undecided postmortems/a.md "Add disk usage alerts for db" (#1)', 'undecided postmortems/a.md "Add disk usage alerts for web" (#1)'],
    ],
    [
      'an item whose words changed beyond recognition, not in the same place: a new issue, the old one removed',
      () => [[b, item('postmortems/a.md', 'Buy a bigger boat', { n: 3 })], [issue(a, { number: 1 }), issue(b, { number: 2 })]],
      ['unchanged #2', 'create postmortems/a.md "Buy a bigger boat"', 'removed #1'],
    ],
    ['a reference next to the item wins over the marker', () => [[{ ...b, linked: '#1' }], [issue(a, { number: 1 }), issue(b, { number: 2 })]], ['duplicate #2 of #1', 'update #1 postmortems/a.md (link: title,body)']],
    [
      'a reference to another item\'s issue: that item is undecided, nothing opened for it',
      () => [[a, { ...b, linked: '#1' }], [issue(a, { number: 1 }), issue(b, { number: 2 })]],
      ['duplicate #2 of #1', 'undecided postmortems/a.md "Add disk usage alerts" (#1)', 'update #1 postmortems/a.md (link: title,body)'],
    ],
    ['a reference to an issue the listing does not hold (transferred): followed, no issue opened', () => [[{ ...a, linked: '#9' }], [], { located: new Map([[9, 'acme/infra#3 (transferred)']]) }], ['linked #9 → acme/infra#3 (transferred)']],
    ['the product\'s issue whose marker a person deleted: found by title', () => [[a], [issue(a, { number: 1, marker: null })]], ['update #1 postmortems/a.md (unmarked: body)']],
    [
      'two of them with the same title: undecided',
      () => [[a], [issue(a, { number: 1, marker: null }), issue(a, { number: 2, marker: null })]],
      ['undecided postmortems/a.md "Add disk usage alerts" (#1 #2)'],
    ],
    ['two issues for one item: the oldest wins', () => [[a], [issue(a, { number: 5 }), issue(a, { number: 3 })]], ['duplicate #5 of #3', 'unchanged #3']],
    ['a marker pasted by someone else is not trusted', () => [[a], [issue(a, { number: 1, author: 'mallory', association: 'NONE', marker: { by: 'mallory' } })]], ['create postmortems/a.md "Add disk usage alerts"']],
    ['an earlier identity: github-actions[bot] is always the product', () => [[a], [issue(a, { number: 1 })]], ['unchanged #1']],
    [
      'an earlier identity: an app whose marker names it',
      () => [[a], [issue(a, { number: 1, author: 'old-app[bot]', marker: { by: 'old-app[bot]' } })], { identities: { self: 'new-app[bot]' } }],
      ['unchanged #1'],
    ],
    [
      'an earlier identity: a member whose personal token wrote the marker',
      () => [[a], [issue(a, { number: 1, author: 'ops-bot', association: 'MEMBER', marker: { by: 'ops-bot' } })], { identities: { self: 'new-app[bot]' } }],
      ['unchanged #1'],
    ],
    ['a closed issue stays closed', () => [[a], [issue(a, { number: 1, state: 'closed' })]], ['closed #1']],
    ['done in the document: closed', () => [[{ ...a, done: true }], [issue(a, { number: 1 })]], ['close-done #1']],
    ['done in the document, but a person reopened the issue: it stays open', () => [[{ ...a, done: true }], [issue(a, { number: 1, stateReason: 'reopened' })]], ['kept-open #1']],
  ])('%s', (_name, make, expected) => {
    const [items, issues, o] = make();
    expect(plan(items, issues, o)).toEqual(expected);
  });
});

describe('planSync: people\'s edits win', () => {
  const a = item('postmortems/a.md', 'Add disk usage alerts', { owner: 'dana' });
  const edit = (i: TrackedIssue) => {
    const ops = planSync({
      items: [a], issues: [i], identities: { self: BOT }, documents: ['postmortems/a.md'], settings, maxCreates: 50, mergeBody: replaceManaged,
      desired: () => ({ title: a.title, labels: ['postmortem', 'corrective'], assignees: ['dana'], managed: i.body.slice(i.body.indexOf(MANAGED_START)) }),
    });
    return ops[0].kind === 'update' ? ops[0].edit : ops[0].kind;
  };

  it('a label or assignee a person removed is not put back', () => {
    expect(edit(issue(a, { labels: ['corrective'], assignees: [], marker: { assignees: ['dana'] } }))).toBe('unchanged');
  });
  it('a label the product newly wants is added; one it set and no longer wants is taken off; people\'s labels stay', () => {
    const i = issue(a, { labels: ['postmortem', 'priority: P1', 'needs-triage'], assignees: ['dana'], marker: { labels: ['postmortem', 'priority: P1'], assignees: ['dana'] } });
    expect(edit(i)).toEqual({ addLabels: ['corrective'], removeLabels: ['priority: P1'], addAssignees: [], removeAssignees: [] });
  });
  it('a title a person changed stays', () => {
    expect(edit(issue(a, { title: 'Disk alerts (see runbook)', marker: { assignees: ['dana'] } }))).toBe('unchanged');
  });
});

describe('the managed block', () => {
  const block = (text: string) => `${MANAGED_START}\n${text}\n${renderItemMarker({ path: 'a.md', id: 'x', words: [] })}\n${MANAGED_END}`;

  it.each([
    ['a complete block is replaced, text around it kept', `Intro\n\n${block('old')}\n\nNotes`, `Intro\n\n${block('new')}\n\nNotes`],
    ['no block: appended below people\'s text', 'My own words', `My own words\n\n${block('new')}`],
    [
      'the end marker deleted and notes written below: the notes are kept',
      `${MANAGED_START}\nold\n${renderItemMarker({ path: 'a.md', id: 'x', words: [] })}\n\nMy notes below`,
      `${block('new')}\n\nMy notes below`,
    ],
    ['only a stray start marker: all text kept, the marker dropped, the block appended', `${MANAGED_START}\nold text, edited\n\nMore`, `\nold text, edited\n\nMore\n\n${block('new')}`],
    [
      'the old bug\'s body (a second block appended after notes): one block, the notes kept',
      `${MANAGED_START}\nold\n${renderItemMarker({ path: 'a.md', id: 'x', words: [] })}\n\nNotes\n\n${block('older')}`,
      `${block('new')}\n\nNotes\n\n`,
    ],
  ])('%s', (_name, body, expected) => {
    expect(replaceManaged(body, block('new'))).toBe(expected);
    expect(replaceManaged(expected, block('new'))).toBe(expected); // stable
  });

  it('old markers parse, new fields are added, mentions are escaped', () => {
    expect(parseItemMarker('<!-- postmortem-governance:item {"v":1,"path":"a.md","id":"x","words":["a"]} -->')).toEqual({ path: 'a.md', id: 'x', words: ['a'] });
    const text = renderItemMarker({ path: 'a.md', id: 'x', words: [], title: 'Ping @everyone <b>', labels: ['postmortem'], by: BOT, n: 2 });
    expect(text).not.toMatch(/@everyone|<b>/);
    expect(parseItemMarker(text)).toEqual({ path: 'a.md', id: 'x', words: [], title: 'Ping @everyone <b>', labels: ['postmortem'], by: BOT, n: 2 });
  });

  it('typo-tolerant word overlap', () => {
    expect(wordSimilarity(['key', 'rotate'], ['kye', 'rotate'])).toBe(1);
    expect(wordSimilarity(['alert', 'disk'], ['alert', 'cpu'])).toBeCloseTo(1 / 3);
  });
});
