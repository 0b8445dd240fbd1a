/**
 * Action items: every corrective or preventative measure in the action-item
 * sections, from list items, task-list items, table rows and (in documents
 * written without lists) plain lines. Group labels ("**Corrective
 * Actions:**", "### Process", "Tasks:") give the items under them a kind and
 * are not items themselves.
 */
import type { List, ListItem, Table } from 'mdast';
import type { ActionItem, ActionItemKind } from '../types.js';
import { findDuration, scanTimes } from '../time/index.js';
import type { Element } from './structure.js';
import { phrasingLines, rowCells, type TextLine } from './text.js';
import { addDays, isoDate } from './when.js';
import { assignIds, fingerprintTitle } from './ids.js';

export const MAX_TITLE = 256;
const MAX_ITEMS = 20_000;

interface Group {
  label?: string;
  kind: ActionItemKind;
}

interface Draft {
  text: string;
  line: number;
  column: number;
  kind: ActionItemKind;
  group?: string;
  done?: boolean;
  comments?: string[];
  links?: string[];
  owner?: string;
  due?: string;
  priority?: string;
  issue?: string;
}

export interface ActionItemInput {
  /** The elements of each action-item section, section by section (its own heading first). */
  sections: Element[][];
  /** The incident's date, for relative due dates ("ETA: 2 weeks"). */
  date?: string;
  dayFirst: boolean;
}

const PREVENTATIVE = /prevent|long[\s-]?term|future|avoid|recurren|harden|proactive|detect|monitor/i;
// "Improvements" alone names neither kind ("Process improvements" may be either), so it does not count.
const CORRECTIVE = /correct|immediate|short[\s-]?term|\bfix|mitigat|remediat|repair|hotfix/i;
const BULLET = /^(?:[•·▪◦‣⁃●○■□➤➢►▶→✓✔✗✘☐☑🗒📌🔹🔸➡️]\uFE0F?|\d{1,3}[.)]|[-*+])[\s\u00a0]{0,8}/u;
const PSEUDO_BULLET = /^(?:[•·▪◦‣⁃●○■□➤➢►▶→✓✔✗✘☐☑🗒📌🔹🔸➡️]|\d{1,3}[.)][\s\u00a0]|[-*+][\s\u00a0])/u;
const LABEL_LINE = /^[^.!?:]{1,60}:$/;
/** "None yet.", "N/A", "No action items." say there are no measures; they are not one. */
const NO_ITEMS = /^(?:none|n\/a|nothing|tbd|no[ \t](?:action[ \t]items?|actions|measures|follow[ \t-]?ups?))(?:[ \t](?:yet|so[ \t]far|for[ \t]now|at[ \t]this[ \t]time))?[ \t]?[.!]?$/i;
/** An emoji written as a bullet at the start of a list item ("* 🗒 Patch the server"). */
const EMOJI_BULLET = /^\p{Extended_Pictographic}\uFE0F?[\s\u00a0]{1,8}/u;

export function kindOf(text: string | undefined): ActionItemKind | undefined {
  if (!text) return undefined;
  const p = PREVENTATIVE.test(text);
  const c = CORRECTIVE.test(text);
  if (p && !c) return 'preventative';
  if (c && !p) return 'corrective';
  return undefined;
}

/** Table "Type" values from the Google SRE template and similar. */
function kindFromType(text: string): ActionItemKind {
  const t = text.toLowerCase();
  if (/mitigat|correct|repair|fix|remediat/.test(t)) return 'corrective';
  if (/prevent|detect|monitor|harden/.test(t)) return 'preventative';
  return 'other';
}

export function readActionItems(input: ActionItemInput): ActionItem[] {
  const drafts: Draft[] = [];
  for (const elements of input.sections) {
    const [head, ...body] = elements;
    const sectionKind = head && head.kind === 'heading' ? kindOf(head.text) ?? 'other' : 'other';
    let group: Group = { kind: sectionKind };
    const structured = body.some((e) => e.kind === 'block' && (e.node.type === 'list' || e.node.type === 'table'));
    let previous: Draft | undefined;
    for (const e of body) {
      if (drafts.length >= MAX_ITEMS) break;
      if (e.kind === 'heading') {
        group = { label: e.text, kind: kindOf(e.text) ?? sectionKind };
        previous = undefined;
      } else if (e.kind === 'line') {
        const line = e.line;
        if (isLabelLine(line)) {
          const label = (line.lead ?? line.text).replace(/(?<![\s:])[\s:]+$/, '');
          group = { label, kind: kindOf(label) ?? sectionKind };
          previous = undefined;
          continue;
        }
        const bulleted = PSEUDO_BULLET.test(line.text);
        if (structured && !bulleted) continue;
        // "The following measures will be put in place:" introduces the items; it is not one.
        if (!bulleted && /:$/.test(line.text)) {
          previous = undefined;
          continue;
        }
        // A wrapped line continues the item above.
        if (!bulleted && previous && previous.line === line.line - 1 && /^[a-z(]/.test(line.text) && !/[.!?]$/.test(previous.text)) {
          previous.text += ' ' + line.text;
          continue;
        }
        previous = {
          text: line.text.replace(BULLET, ''),
          line: line.line,
          column: line.column,
          kind: group.kind,
          group: group.label,
          done: line.struck,
          comments: line.comments,
          links: line.links,
        };
        drafts.push(previous);
      } else if (e.node.type === 'list') {
        fromList(e.node, group, drafts, 0);
        previous = undefined;
      } else if (e.node.type === 'table') {
        fromTable(e.node, group, drafts);
        previous = undefined;
      }
    }
  }
  const items = drafts.filter((d) => !NO_ITEMS.test(d.text.replace(BULLET, '').trim())).map((d) => finish(d, input));
  assignIds(items);
  return items;
}

function isLabelLine(line: TextLine): boolean {
  if (line.allLead && line.lead && line.lead.length <= 60) return true;
  return LABEL_LINE.test(line.text.replace(BULLET, ''));
}

function itemHead(item: ListItem): { lines: TextLine[]; text: string } | undefined {
  const first = item.children[0];
  if (!first || (first.type !== 'paragraph' && first.type !== 'heading')) return undefined;
  const lines = phrasingLines(first);
  return { lines, text: lines.map((l) => l.text).join(' ').trim() };
}

function fromList(list: List, group: Group, out: Draft[], depth: number): void {
  for (const item of list.children) {
    if (out.length >= MAX_ITEMS) return;
    const head = itemHead(item);
    const nested = item.children.filter((c): c is List => c.type === 'list');
    const first = head?.lines[0];
    const labelLike = first !== undefined && head!.lines.length === 1 && isLabelLine(first);
    if ((!head || head.text === '' || labelLike) && nested.length > 0 && depth < 8) {
      const label = head && head.text ? (first!.lead ?? head.text).replace(/(?<![\s:])[\s:]+$/, '') : group.label;
      const child: Group = { label, kind: kindOf(label) ?? group.kind };
      for (const n of nested) fromList(n, child, out, depth + 1);
      continue;
    }
    if (!head || head.text === '') continue;
    const comments = head.lines.flatMap((l) => l.comments ?? []);
    // Links anywhere in the item's own paragraphs ("… [issue](https://github.com/o/r/issues/9).").
    const links = item.children.flatMap((c) => (c.type === 'paragraph' ? phrasingLines(c).flatMap((l) => l.links ?? []) : []));
    out.push({
      text: head.text.replace(EMOJI_BULLET, ''),
      line: first!.line,
      column: item.position?.start.column ?? first!.column,
      kind: group.kind,
      group: group.label,
      done: item.checked === true || head.lines.every((l) => l.struck),
      comments: comments.length > 0 ? comments : undefined,
      links: links.length > 0 ? links : undefined,
    });
  }
}

const COLUMNS: Array<[keyof Draft | 'title' | 'type' | 'status', RegExp]> = [
  ['title', /^(?:action(?:\s?items?)?|items?|tasks?|descriptions?|what|measures?|follow[\s-]?ups?|remediation|to\s?do)$/i],
  ['owner', /^(?:owners?|assignees?|assigned(?:\s?to)?|who|responsible|dri)$/i],
  ['due', /^(?:due(?:\s?date)?|deadline|eta|target(?:\s?date)?|when|by)$/i],
  ['priority', /^(?:priority|prio|severity|p)$/i],
  ['type', /^(?:type|kind|category|class)$/i],
  ['issue', /^(?:issues?|tickets?|bugs?|links?|tracking|jira|references?)$/i],
  ['status', /^(?:status|state|done\??)$/i],
];

function fromTable(table: Table, group: Group, out: Draft[]): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const names = rowCells(header).map((c) => c.text.trim());
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    for (const [field, re] of COLUMNS) if (!index.has(field) && re.test(name)) index.set(field, i);
  });
  const titleAt = index.get('title') ?? 0;
  for (const row of rows) {
    if (out.length >= MAX_ITEMS) return;
    const cells = rowCells(row);
    const cell = (field: string) => {
      const i = index.get(field);
      return i === undefined ? undefined : cells[i]?.text.trim() || undefined;
    };
    const title = cells[titleAt]?.text.trim();
    if (!title) continue;
    const status = [cell('status'), cell('issue')].filter(Boolean).join(' ');
    const type = cell('type');
    const owner = cell('owner');
    out.push({
      text: title,
      line: row.position?.start.line ?? 1,
      column: cells[titleAt]?.column ?? 1,
      kind: type ? kindFromType(type) : group.kind,
      group: group.label,
      done: /\b(?:done|closed|complete|completed|fixed|resolved|shipped)\b/i.test(status) && !/\btodo\b/i.test(status),
      owner: owner && !/^(?:n\/a|-|tbd|none|\?)$/i.test(owner) ? owner.replace(/^@/, '') : undefined,
      due: cell('due'),
      priority: cell('priority'),
      issue: cell('issue'),
    });
  }
}

// Fields written inside an item's text.
const EXPLICIT_ID = /^\[([A-Za-z][\w.-]{0,30})\][\s:.-]{0,3}|^([A-Z]{1,10}-\d{1,6})[:.)][\s]{1,3}/;
const COMMENT_ID = /^id\s{0,4}[:=]\s{0,4}([\w.-]{1,64})$/i;
const STATUS = /\*{0,2}\(\s{0,2}(?:done|completed?|accomplished|fixed|resolved|shipped)\b[^)]{0,80}\)\*{0,2}\.?|^\s{0,2}done\s{0,2}[:-]\s{0,2}/i;
/** A closing status sentence: "… for instant feedback. Done in grafana." */
const STATUS_TRAILING = /(?<=[.!?] )done\b[^.!?]{0,60}[.!]?$/i;
/** "DONE" in capitals anywhere ("n/a **DONE**"); in lower case "done" is an ordinary word ("make sure it is done right"). */
const STATUS_CAPS = /\bDONE\b/;
const STATUS_TODO = /\*{0,2}\(\s{0,2}(?:todo|to do|in progress|pending|open|planned|not started)\b[^)]{0,80}\)\*{0,2}|\bTODO\b/g;
const OWNER_FIELD = /[([,;|–—-]?\s{0,3}\b(?:owners?|assignees?|assigned to|responsible|dri)\s{0,3}[:=-]\s{0,3}@?([\w.-]{1,39}(?:\/[\w.-]{1,100}|\s[A-Z][\w.-]{0,30})?)\s{0,3}\)?/i;
const MENTION = /(?<![\w`/.@])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9][\w.-]{0,99})?)/;
const DUE_FIELD = /[([,;|–—-]?\s{0,3}\b(?:due(?:\s?date)?|deadline|eta|target(?:\s?date)?|by)\s{0,3}[:=-]?\s{0,3}/i;
const PRIORITY_FIELD = /[([,;|–—-]?\s{0,3}\b(?:priority|prio)\s{0,3}[:=-]\s{0,3}(critical|urgent|highest|high|medium|normal|low|lowest|p[0-4])\b\)?|\(\s{0,2}(critical|urgent|high|medium|low)\s{1,3}priority\s{0,2}\)|\b(P[0-4])\b/i;
const ISSUE_URL = /https?:\/\/[^\s/]{1,100}\/[^\s/]{1,100}\/[^\s/]{1,100}\/(?:issues|pull)\/\d{1,9}/;
const ISSUE_REF = /(?<![\w&/])(?:[\w.-]{1,100}\/[\w.-]{1,100})?#(\d{1,9})\b/;

function finish(d: Draft, input: ActionItemInput): ActionItem {
  let text = d.text.replace(/\s+/g, ' ').trim();
  let explicit: string | undefined;
  for (const c of d.comments ?? []) {
    const m = COMMENT_ID.exec(c);
    if (m) explicit = m[1];
  }
  const idMatch = EXPLICIT_ID.exec(text);
  if (idMatch) {
    explicit ??= idMatch[1] ?? idMatch[2];
    text = text.slice(idMatch[0].length);
  }
  let done = d.done ?? false;
  if (STATUS.test(text) || STATUS_CAPS.test(text) || STATUS_TRAILING.test(text)) done = true;
  let title = text.replace(STATUS, ' ').replace(STATUS_CAPS, ' ').replace(STATUS_TRAILING, ' ').replace(STATUS_TODO, ' ');

  let owner = d.owner;
  const ownerField = OWNER_FIELD.exec(title);
  if (ownerField) {
    owner ??= ownerField[1].trim();
    title = title.replace(ownerField[0], ' ');
  }
  const mention = MENTION.exec(text);
  if (!owner && mention) owner = mention[1];

  let priority = d.priority;
  const prio = PRIORITY_FIELD.exec(title);
  if (prio) {
    priority ??= (prio[1] ?? prio[2] ?? prio[3]).toUpperCase().startsWith('P') ? (prio[1] ?? prio[2] ?? prio[3]).toUpperCase() : (prio[1] ?? prio[2] ?? prio[3]).toLowerCase();
    if (!prio[3]) title = title.replace(prio[0], ' ');
    // A bare "P1" inside a list of fields ("(Owner: x, P1)") is metadata too; in prose ("a P1 bug") it stays.
    else title = title.replace(BARE_PRIORITY_FIELD, ' ');
  }

  let due = d.due ? normaliseDue(d.due, input) ?? d.due : undefined;
  const dueField = DUE_FIELD.exec(title);
  if (dueField && !due) {
    const after = title.slice(dueField.index + dueField[0].length, dueField.index + dueField[0].length + 60);
    const when = normaliseDue(after, input, /^(?:due|deadline|eta|target)/i.test(dueField[0].replace(/^[\W]+/, '')));
    if (when) {
      due = when;
      const consumed = dueExpressionLength(after);
      if (/^[\W]{0,4}(?:due|deadline|eta|target)/i.test(dueField[0])) title = title.slice(0, dueField.index) + ' ' + title.slice(dueField.index + dueField[0].length + consumed);
    }
  }

  let issue = d.issue ? issueOf(d.issue) ?? undefined : undefined;
  issue ??= issueOf(text) ?? undefined;
  for (const link of d.links ?? []) issue ??= ISSUE_URL.exec(link)?.[0];

  // A reference to the item's own issue ("(#123)", written back by link-back) is not part of its wording.
  title = tidy(stripTrailingMentions(tidy(title.replace(LINKED_REF, ' '))));
  if (title.length > MAX_TITLE) title = title.slice(0, MAX_TITLE - 1).trimEnd() + '…';
  return {
    id: explicit ?? '',
    explicitId: explicit !== undefined,
    kind: d.kind,
    title,
    text,
    line: d.line,
    column: d.column,
    owner: owner ?? null,
    due: due ?? null,
    priority: priority ?? null,
    done,
    issue: issue ?? null,
    group: d.group,
    fingerprint: fingerprintTitle(title),
  };
}

function issueOf(text: string): string | null {
  const url = ISSUE_URL.exec(text);
  if (url) return url[0];
  const ref = ISSUE_REF.exec(text);
  return ref ? ref[0].replace(/^.{0,212}?(?=(?:[\w.-]{1,100}\/[\w.-]{1,100})?#)/, '') : null;
}

/** An absolute date (YYYY-MM-DD) from "2024-01-15", "Jan 15", or "2 weeks" after the incident. */
function normaliseDue(text: string, input: ActionItemInput, allowRelative = true): string | undefined {
  const e = scanTimes(text, { dayFirst: input.dayFirst }).find((x) => x.date && x.index < 4);
  if (e?.date) return isoDate(e.date, input.date);
  if (allowRelative && input.date) {
    const d = findDuration(text);
    if (d && d.index < 4 && d.minutes >= 24 * 60) return addDays(input.date, Math.round(d.minutes / (24 * 60)));
  }
  return undefined;
}

function dueExpressionLength(text: string): number {
  const e = scanTimes(text).find((x) => x.date && x.index < 4);
  if (e) return e.index + e.length;
  const d = findDuration(text);
  return d && d.index < 4 ? d.index + d.length : 0;
}

// "… — @ana", "… (@ana, @ben)": the owners, not the wording. Token by token from the end, no backtracking.
const MENTION_TOKEN = /^\(?@[A-Za-z0-9][\w-]{0,38}(?:\/[\w.-]{1,100})?\)?[,;]?$/;
const SEPARATOR_TOKEN = /^[-–—:,;(]{1,3}$/;

function stripTrailingMentions(text: string): string {
  const tokens = text.split(' ');
  let end = tokens.length;
  let mentions = 0;
  while (end > 0) {
    const token = tokens[end - 1];
    if (token === '' || SEPARATOR_TOKEN.test(token)) end--;
    else if (MENTION_TOKEN.test(token)) {
      end--;
      mentions++;
    } else break;
  }
  return mentions > 0 && end > 0 ? tokens.slice(0, end).join(' ') : text;
}

const LINKED_REF = /\(\s{0,2}(?:#\d{1,9}|https?:\/\/[^\s/)]{1,100}\/[^\s/)]{1,100}\/[^\s/)]{1,100}\/issues\/\d{1,9})\s{0,2}\)/g;

const BARE_PRIORITY_FIELD = /[,;|]\s{0,3}P[0-4]\b\s{0,3}\)?|\(\s{0,3}P[0-4]\s{0,3}\)/;

function tidy(text: string): string {
  const cleaned = text
    .replace(/<!--[\s\S]{0,500}?-->/g, ' ')
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:;,.|•]+/, '')
    .replace(/(?<![\s\-–—:;,|(])[\s\-–—:;,|(]+$/, '')
    .trim();
  // Fields taken out of "(Owner: x, due y)" can leave " ," or an unmatched ")" behind.
  const spaced = cleaned.replace(/ ([,;])/g, '$1').replace(/[,;]\s{0,3}(?=\)|$)/g, '');
  const open = (spaced.match(/\(/g) ?? []).length;
  const close = (spaced.match(/\)/g) ?? []).length;
  return (close > open ? spaced.replace(/\s{0,3}\)$/, '') : spaced).trim();
}

