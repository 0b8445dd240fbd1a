/**
 * An action item's fields, taken out of its wording by a pipeline of small
 * extractors: the author's id, the status, the owner, the priority, the due
 * date and the linked issue. Each extractor reads what the item says, fills
 * its field and removes its words from the title, so "Add alerts (Owner:
 * @ana, due 2024-01-15, P1) DONE" becomes the title "Add alerts" with four
 * fields and the done flag.
 */
import { LOGIN_IN_TEXT, MENTION_IN_TEXT, OWNER_AND_NAME, REPOSITORY_IN_TEXT } from '../logins.js';
import type { ActionItem, ActionItemKind } from '../types.js';
import { findDuration, scanTimes } from '../time/index.js';
import { addDays, addMonths, isoDate } from './when.js';
import { fingerprintTitle } from './ids.js';

export const MAX_TITLE = 256;

/** An item as the reader found it, before its fields are read. */
export interface Draft {
  /** The item's full text. */
  text: string;
  /** Its title when the author wrote one apart ("**Title**" over a description); else the title comes from `text`. */
  title?: string;
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
  /** A `Repo` column's cell. */
  repo?: string;
  /** The item opens with a title line of its own. */
  titled?: boolean;
  /** Its later paragraphs (a list item's description after a blank line): for its issue only, no field is read from them. */
  more?: string;
}

/** What the extractors fill in, step by step. */
interface Fields {
  /** The full text, whitespace collapsed; extractors read it. */
  text: string;
  /** The title being cut down to the wording; extractors remove their words from it. */
  title: string;
  explicit?: string;
  done: boolean;
  owner?: string;
  priority?: string;
  due?: string;
  issue?: string;
  repo?: string;
}

interface Context {
  date?: string;
  dayFirst: boolean;
}

type Extractor = (f: Fields, d: Draft, ctx: Context) => void;

const EXTRACTORS: readonly Extractor[] = [explicitId, status, leadingPriority, repository, owner, priority, due, issue, wording];

export function finish(d: Draft, ctx: Context): ActionItem {
  const text = d.text.replace(/\s+/g, ' ').trim();
  const f: Fields = { text, title: (d.title ?? text).replace(/\s+/g, ' ').trim(), done: d.done ?? false, owner: d.owner, priority: d.priority, issue: d.issue, repo: d.repo };
  for (const extract of EXTRACTORS) extract(f, d, ctx);
  return {
    id: f.explicit ?? '',
    explicitId: f.explicit !== undefined,
    kind: d.kind,
    title: f.title,
    text: f.text,
    line: d.line,
    column: d.column,
    owner: f.owner ?? null,
    due: f.due ?? null,
    priority: f.priority ?? null,
    done: f.done,
    issue: f.issue ?? null,
    group: d.group,
    fingerprint: fingerprintTitle(f.title),
    ...detailsOf(f, d),
    ...(f.repo ? { repo: f.repo } : {}),
  };
}

/** Punctuation between a title and its description ("Title: …", "Title — …"). */
const TITLE_GAP = /^[\s:;,.\u2013\u2014-]+/;

/**
 * What an item says beyond its title: the description after a title written
 * apart ("**Patch the pool:** apply the settings…"), and its later paragraphs.
 * An item whose title is its whole wording has none: its owner, due date and
 * status are fields of their own.
 */
function detailsOf(f: Fields, d: Draft): { details?: string } {
  let details = '';
  if (d.title !== undefined && f.text.length > f.title.length) {
    // The title as the text opens with it, after a status mark or a number ("✅ Add alerts", "3. Add alerts").
    const at = f.text.slice(0, f.title.length + 8).toLowerCase().indexOf(f.title.toLowerCase());
    details = at >= 0 ? f.text.slice(at + f.title.length).replace(TITLE_GAP, '') : f.text;
  }
  const more = d.more?.replace(/\s+/g, ' ').trim();
  if (more) details = details ? `${details} ${more}` : more;
  return details ? { details } : {};
}

const EXPLICIT_ID = /^\[([A-Za-z][\w.-]{0,30})\][\s:.-]{0,3}|^([A-Z]{1,10}-\d{1,6})[:.)][\s]{1,3}/;
const COMMENT_ID = /^id\s{0,4}[:=]\s{0,4}([\w.-]{1,64})$/i;

/** `<!-- id: x -->`, "[AI-3] …", "OPS-12: …". */
function explicitId(f: Fields, d: Draft): void {
  for (const c of d.comments ?? []) {
    const m = COMMENT_ID.exec(c);
    if (m) f.explicit = m[1];
  }
  for (const key of ['text', 'title'] as const) {
    const m = EXPLICIT_ID.exec(f[key]);
    if (!m) continue;
    f.explicit ??= m[1] ?? m[2];
    f[key] = f[key].slice(m[0].length);
  }
}

const STATUS = /\*{0,2}\(\s{0,2}(?:done|completed?|accomplished|fixed|resolved|shipped)\b[^)]{0,80}\)\*{0,2}\.?|^\s{0,2}done\s{0,2}[:-]\s{0,2}/i;
/** A closing status sentence: "… for instant feedback. Done in grafana." */
const STATUS_TRAILING = /(?<=[.!?] )done\b[^.!?]{0,60}[.!]?$/i;
/** "DONE" in capitals anywhere ("n/a **DONE**"); in lower case "done" is an ordinary word ("make sure it is done right"). */
const STATUS_CAPS = /\bDONE\b/;
const STATUS_TODO = /\*{0,2}\(\s{0,2}(?:todo|to do|in progress|pending|open|planned|not started)\b[^)]{0,80}\)\*{0,2}|\b(?:TODO|DOING|WIP|IN PROGRESS)\b/g;
/** A status word that opens the item ("DONE: …", "[TODO] …"), and the check mark written as a bullet. */
const STATUS_OPENING = /^\[?(?:DONE|TODO|TO DO|DOING|IN PROGRESS|WIP|OPEN|CLOSED|FIXED|BLOCKED|PLANNED)\]?[\s:–—-]{1,4}|^[✓✔☑✅]\uFE0F?\s{0,4}/u;
const DONE_OPENING = /^\[?(?:DONE|CLOSED|FIXED)\b|^[✓✔☑✅]/u;

function status(f: Fields): void {
  if (DONE_OPENING.test(f.text) || STATUS.test(f.text) || STATUS_CAPS.test(f.text) || STATUS_TRAILING.test(f.text)) f.done = true;
  f.title = f.title
    .replace(STATUS_OPENING, '')
    .replace(STATUS, ' ')
    .replace(STATUS_CAPS, ' ')
    .replace(STATUS_TRAILING, ' ')
    .replace(STATUS_TODO, ' ');
}

const PRIORITY_WORD = /^(?:\*\*)?(CRITICAL|URGENT|HIGH|MEDIUM|LOW|P[0-4]|[Pp]riority[ \t]?[0-4])(?:\*\*)?[\s:–—-]{1,4}(?=\S)/;

/**
 * Whether a title opens with a priority level: "P0 — ", "[P1] ", "(P2): ",
 * "Priority 1: ".
 * Only the levels, not the words ("### High priority" may head a group); a
 * level is given to one measure, never to a group of them.
 */
export function opensWithPriorityLevel(text: string): boolean {
  return PRIORITY_LEVEL.test(text);
}

/** The text after the priority level it opens with ("P0 — Editor ergonomics" → "Editor ergonomics"). */
export function withoutPriorityLevel(text: string): string {
  return text.replace(PRIORITY_LEVEL, '');
}
// After a coloured mark, as priorities are often shown ("🔴 P0 — Audit the infrastructure").
const PRIORITY_LEVEL = /^(?:\p{Extended_Pictographic}\uFE0F?[ \t]{1,3})?[[(]?(?:P|[Pp]riority[ \t]?)[0-4][\])]?(?:[ \t]{0,3}[—–:-])?[ \t]/u;

/** A priority in capitals before the wording: "**HIGH** Include downloads in the smoke tests". */
function leadingPriority(f: Fields): void {
  const m = PRIORITY_WORD.exec(f.title.trim());
  if (!m) return;
  // "Priority 1" is P1.
  f.priority ??= /^priority/i.test(m[1]) ? `P${m[1].slice(-1)}` : m[1].startsWith('P') ? m[1] : m[1].toLowerCase();
  f.title = f.title.trim().slice(m[0].length);
}

const REPO_FIELD = new RegExp(`[([,;|–—-]?\\s{0,3}\\b(?:repo|repository)\\s{0,3}[:=]\\s{0,3}\`?((?:https?:\\/\\/[^\\s/]{1,100}\\/)?${REPOSITORY_IN_TEXT})\`?\\s{0,3}\\)?`, 'i');

/** "repo: acme/payments-api" (or a repository URL): where the item's issue belongs. A `Repo` column wins. */
function repository(f: Fields): void {
  const field = REPO_FIELD.exec(f.title);
  if (!field) return;
  f.repo ??= field[1];
  f.title = f.title.replace(field[0], ' ');
}

const OWNER_FIELD = /[([,;|–—-]?\s{0,3}\b(?:owners?|assignees?|assigned to|responsible|dri)\s{0,3}[:=-]\s{0,3}@?([\w.-]{1,39}(?:\/[\w.-]{1,100}|\s[A-Z][\w.-]{0,30})?)\s{0,3}\)?/i;
// Spelled as text may spell one: "@malte_j" (a handle elsewhere) is that owner, named and never assigned (isLogin),
// not the GitHub user "malte".
const MENTION = new RegExp(`(?<![\\w\`/.@])@(${LOGIN_IN_TEXT}(?:\\/[A-Za-z0-9][\\w.-]{0,99})?)`);

/**
 * "GK to run through the deploy principles…", "@ana to add alerts": a measure
 * assigned by opening with its owner's initials or login (not "DNS to be moved").
 */
export const ASSIGNED_LEAD = /^(?:(\p{Lu}{2,4})|@[\w-]{1,39})[ \t]+to[ \t]+(?!be\b)\p{Ll}{2,}[ \t]/u;

/** "Owner: ana", "(assignee: @ana)", else the first @mention anywhere, else the initials it opens with ("GK to …"). */
function owner(f: Fields): void {
  for (const key of ['text', 'title'] as const) {
    const field = OWNER_FIELD.exec(f[key]);
    if (!field) continue;
    f.owner ??= field[1].trim();
    if (key === 'title') f.title = f.title.replace(field[0], ' ');
  }
  const mention = MENTION.exec(f.text);
  if (!f.owner && mention) f.owner = mention[1];
  if (!f.owner) f.owner = ASSIGNED_LEAD.exec(f.title)?.[1];
}

const PRIORITY_FIELD = /[([,;|–—-]?\s{0,3}\b(?:priority|prio)\s{0,3}[:=-]\s{0,3}(critical|urgent|highest|high|medium|normal|low|lowest|p[0-4])\b\)?|\(\s{0,2}(critical|urgent|high|medium|low)\s{1,3}priority\s{0,2}\)|\b(P[0-4])\b/i;
const BARE_PRIORITY_FIELD = /[,;|]\s{0,3}P[0-4]\b\s{0,3}\)?|\(\s{0,3}P[0-4]\s{0,3}\)/;

/** "Priority: high", "(high priority)", "P1". */
function priority(f: Fields): void {
  const m = PRIORITY_FIELD.exec(f.title);
  if (!m) return;
  const value = m[1] ?? m[2] ?? m[3];
  f.priority ??= value.toUpperCase().startsWith('P') ? value.toUpperCase() : value.toLowerCase();
  if (!m[3]) f.title = f.title.replace(m[0], ' ');
  // A bare "P1" inside a list of fields ("(Owner: x, P1)") is metadata too; in prose ("a P1 bug") it stays.
  else f.title = f.title.replace(BARE_PRIORITY_FIELD, ' ');
}

// The keyword ends at a word's end: "targets" is no "target".
const DUE_FIELD = /[([,;|–—-]?\s{0,3}\b(?:due(?:\s?date)?|deadline|eta|target(?:\s?date)?|by)\b\s{0,3}[:=-]?\s{0,3}/gi;

/** "due 2024-01-15", "ETA: 2 weeks" (after the incident), "by Jan 15". */
function due(f: Fields, d: Draft, ctx: Context): void {
  if (d.due) {
    f.due = normaliseDue(d.due, ctx) ?? d.due;
    return;
  }
  for (const field of f.title.matchAll(DUE_FIELD)) {
    const start = field.index + field[0].length;
    const after = f.title.slice(start, start + 60);
    const named = /^(?:due|deadline|eta|target)/i.test(field[0].replace(/^[\W]+/, ''));
    const when = normaliseDue(after, ctx, named);
    if (!when) continue;
    f.due = when;
    if (/^[\W]{0,4}(?:due|deadline|eta|target)/i.test(field[0])) f.title = withoutField(f.title, field.index, start + dueExpressionLength(after), field[0].startsWith('('));
    return;
  }
}

/** The title without the field at [from, to): with its closing parenthesis when it opened one ("(ETA: 2 days)"). */
function withoutField(title: string, from: number, to: number, parenthesised: boolean): string {
  const close = parenthesised ? /^\s{0,3}\)/.exec(title.slice(to)) : null;
  const rest = title.slice(to + (close?.[0].length ?? 0));
  // "… environments (ETA: 2 days)." keeps its full stop against its last word.
  return title.slice(0, from).trimEnd() + (close && /^[.,;!?]/.test(rest) ? '' : ' ') + rest;
}

const MONTHS_AHEAD = /^(\d{1,2}|an?|one|two|three|four|six|nine|twelve)[ \t]{1,2}months?(?![A-Za-z])/i;
const MONTH_COUNTS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, six: 6, nine: 9, twelve: 12 };

/** An absolute date (YYYY-MM-DD) from "2024-01-15", "Jan 15", or "2 weeks" or "1 month" after the incident. */
function normaliseDue(text: string, ctx: Context, allowRelative = true): string | undefined {
  const e = scanTimes(text, { dayFirst: ctx.dayFirst }).find((x) => x.date && x.index < 4);
  if (e?.date) return isoDate(e.date, ctx.date);
  if (allowRelative && ctx.date) {
    const d = findDuration(text);
    if (d && d.index < 4 && d.minutes >= 24 * 60) return addDays(ctx.date, Math.round(d.minutes / (24 * 60)));
    const months = MONTHS_AHEAD.exec(text);
    if (months) return addMonths(ctx.date, Number(months[1]) || MONTH_COUNTS[months[1].toLowerCase()]) ?? undefined;
  }
  return undefined;
}

function dueExpressionLength(text: string): number {
  const e = scanTimes(text).find((x) => x.date && x.index < 4);
  if (e) return e.index + e.length;
  const d = findDuration(text);
  if (d && d.index < 4) return d.index + d.length;
  return MONTHS_AHEAD.exec(text)?.[0].length ?? 0;
}

const ISSUE_URL = /https?:\/\/[^\s/]{1,100}\/[^\s/]{1,100}\/[^\s/]{1,100}\/(?:issues|pull)\/\d{1,9}/;
/**
 * A link to a tracked piece of work in any tracker: an issue or pull or merge
 * request ("…/issues/1886"), a Jira issue ("…/browse/OPS-3"), a Linear issue
 * or a Trello card. Only an ISSUE_URL becomes the item's `issue`.
 */
export const TRACKER_URL = /\/(?:issues|pull|merge_requests)\/\d{1,9}\b|\/browse\/[A-Z][A-Z0-9]{0,9}-\d{1,7}\b|linear\.app\/[^/]{1,60}\/issue\/|trello\.com\/c\//;
const ISSUE_REF = new RegExp(`(?<![\\w&/])(?:${OWNER_AND_NAME})?#(\\d{1,9})\\b`);

/** An issue or pull request the item already links: a URL, "#12", "o/r#12", or a Markdown link's target. */
function issue(f: Fields, d: Draft): void {
  if (f.issue) f.issue = issueOf(f.issue) ?? undefined;
  f.issue ??= issueOf(f.text) ?? undefined;
  for (const link of d.links ?? []) f.issue ??= ISSUE_URL.exec(link)?.[0];
}

function issueOf(text: string): string | null {
  const url = ISSUE_URL.exec(text);
  if (url) return url[0];
  const ref = ISSUE_REF.exec(text);
  return ref?.[0] ?? null;
}

const LINKED_REF = /\(\s{0,2}(?:#\d{1,9}|https?:\/\/[^\s/)]{1,100}\/[^\s/)]{1,100}\/[^\s/)]{1,100}\/issues\/\d{1,9})\s{0,2}\)/g;

/** What is left is the wording: without the item's own issue reference, trailing @mentions and debris. */
function wording(f: Fields): void {
  // A reference to the item's own issue ("(#123)", written back by link-back) is not part of its wording.
  let title = tidy(stripTrailingMentions(tidy(withoutTrailingRef(f.title.replace(LINKED_REF, ' ').trimEnd().replace(DETAILS_FOLLOW, ''), f.issue))));
  if (title.length > MAX_TITLE) title = title.slice(0, MAX_TITLE - 1).trimEnd() + '…';
  f.title = title;
}

/** "Add tests for the lookup covering:" over its cases: the title stops before the words that announce them. */
const DETAILS_FOLLOW = /(?<![ \t,])[ \t,]{1,8}(?:including|covering|such[ \t]as|for[ \t]example|e\.g\.)[ \t]{0,8}:$/i;

/**
 * The title without the item's own issue written last in another repository's
 * form ("… @cwei northwind/ops#3761") or as a URL: a pointer, not wording. A
 * bare "#12" stays ("Fix bug #12" may name what the measure is about).
 */
function withoutTrailingRef(title: string, issue: string | undefined): string {
  if (!issue || issue.startsWith('#')) return title;
  const trimmed = title.trimEnd();
  return trimmed.endsWith(issue) && /\s$/.test(trimmed.slice(0, -issue.length)) ? trimmed.slice(0, -issue.length) : title;
}

// "… — @ana", "… (@ana, @ben)": the owners, not the wording. Token by token from the end, no backtracking.
const MENTION_TOKEN = new RegExp(`^\\(?${MENTION_IN_TEXT}\\)?[,;]?$`);
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
