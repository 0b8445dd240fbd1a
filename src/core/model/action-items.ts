/**
 * Action items: every corrective or preventative measure in the action-item
 * sections, read as a reviewer reads them, unit by unit. A measure is a list
 * item, a task-list item, a table row, a line in a block of short
 * one-measure lines, or a paragraph that opens with a status word or a title.
 * Group headings and labels ("**Corrective Actions:**", "### Completed")
 * give the items under them a kind and a done state and are not items
 * themselves; neither are narrative paragraphs, closing remarks, what follows
 * a thematic break, nor sub-items that only detail or annotate their parent.
 */
import type { Code, List, ListItem, Paragraph, Table } from 'mdast';
import type { ActionItem, ActionItemKind } from '../types.js';
import type { Element, LineElement } from './structure.js';
import { columnAt, phrasingLines, plainText, rowCells, type TextLine } from './text.js';
import { assignIds, fingerprintTitle } from './ids.js';
import { ASSIGNED_LEAD, finish, opensWithPriorityLevel, TRACKER_URL, withoutPriorityLevel, type Draft } from './item-fields.js';
import { DEFAULT_ALIASES, isFinding, isStatement, matchHeading } from './aliases.js';
import { OWNER_AND_NAME } from '../logins.js';
import { onlyPlaceholders } from '../placeholders.js';

export { MAX_TITLE } from './item-fields.js';
const MAX_ITEMS = 20_000;
const MAX_DEPTH = 8;

interface Group {
  label?: string;
  kind: ActionItemKind;
  done: boolean;
}

export interface ActionItemInput {
  /** The elements of each action-item section, section by section (its own heading first). */
  sections: Element[][];
  /** The incident's date, for relative due dates ("ETA: 2 weeks"). */
  date?: string;
  dayFirst: boolean;
  /** A plain-text document (no Markdown): each line of a paragraph is a line of its own, not a wrap. */
  plainText?: boolean;
}

// Kinds come only from words naming them (see the labelling guide): "Corrective…", "Preventive/Preventative…".
// With the words of other languages a heading or a Type column may give the kind in (model/aliases.ts reads such headings).
const CORRECTIVE = /\bcorrect(?:ives?|ions?|ifs?)\b|\bcorre(?:c)?tiv[ao]s?\b|\bkorrigerende\b|\bfeilretting\b|\bkorrekti(?:v\p{L}*|f)|\bkorektif\b|\bkorrekturma(?:ß|ss)nahmen?\b|纠正|糾正|是正|корректирующ|исправляющ/iu;
const PREVENTATIVE = /\bprevent(?:ive|ative|itive|ations?|ions?|ing)?\b|\bpr[eéä]venti(?:v(?:[ao]s?|es?|e[nr]?)?|fs?|on)\b|\bpr[äe]ventions\p{L}+|\bprevenci[oó]n\b|\bpreven[cç](?:[aã]o|[oõ]es)\b|\bvorbeug\p{L}*|\bforebygg(?:ende|else|ing)\b|\bförebyggande\b|\bpencegahan\b|预防|預防|予防|再発防止|재발[ ]?방지|예방|предотвращ|превентивн|профилакт/iu;
/** A group that says its work is done ("Completed", "Actions taken", "Immediate actions (done)")… */
const DONE_GROUP = /\b(?:completed?|done|taken|finished|implemented|accomplished|resolved|shipped|delivered)\b/i;
/** …unless it says it is still to do ("Actions to be taken", "Not yet completed"). */
const OPEN_GROUP = /\b(?:to[ \t]be|will[ \t]be|not|pending|planned|remaining|todo|to[ \t]do|open|in[ \t]progress|ongoing|future|next)\b/i;

// "[ ] Patch the server" without a list marker: a task box written as plain text.
const BULLET = /^(?:[•·▪◦‣⁃●○■□➤➢►▶→✓✔✗✘☐☑✅🗒📌🔹🔸➡️🔲🔳⬜◻▫]\uFE0F?|\d{1,3}[.)]|[-*+–—]|\[[ xX]\])[\s\u00a0]{0,8}/u;
const PSEUDO_BULLET = /^(?:[•·▪◦‣⁃●○■□➤➢►▶→✓✔✗✘☐☑✅🗒📌🔹🔸➡️🔲🔳⬜◻▫]|\d{1,3}[.)][\s\u00a0]|[-*+–—][\s\u00a0]|\[[ xX]\][\s\u00a0])/u;
/** A check mark written before the measure says it is done. */
const DONE_MARK = /^(?:[✓✔☑✅]|\[[xX]\])/u;
const LABEL_LINE = /^[^.!?:]{1,60}:$/;
/** A text that is one parenthesised aside and nothing else. */
const ASIDE = /^\([^()]*\)$/;
/** A line that is only a name to sign with ("- @maxwofford", "— @ana"). */
const SIGN_OFF = /^[-–—~\s]{0,4}@[A-Za-z0-9][\w-]{0,38}[.!]?$/;
/** "None yet.", "N/A", "No action items." say there are no measures, "As above" points at one already listed, and a template's "etc" or "... another item" row holds none; they are not one. */
const NO_ITEMS = /^(?:none|n\/a|nothing|tbd|etc|and[ \t]so[ \t]on|(?:\.{3}|…)[ \t]*(?:and[ \t]+)?(?:another|more|other)(?:[ \t]+(?:items?|actions?|tasks?|measures?))?|no[ \t](?:action[ \t]items?|actions|measures|follow[ \t-]?ups?)|(?:same[ \t]as|as|see)[ \t]above|ditto)(?:[ \t](?:yet|so[ \t]far|for[ \t]now|at[ \t]this[ \t]time))?[ \t]?[.!]?$/i;
/**
 * A step of writing the report itself, from a template's closing checklist:
 * "Sections above are filled out", "All actionable items above have linked
 * GitHub Issues", "Incident title and after-action report is cleaned up",
 * "Incident has been dealt with or is over".
 */
const REPORT_CHORE = /\b(?:sections?[ \t]+above[ \t]+(?:are|is|have[ \t]+been)[ \t]+(?:filled|completed?|written)|(?:actionable[ \t]+)?items?[ \t]+above[ \t]+have[ \t]+(?:linked|(?:an?[ \t]+)?(?:github[ \t]+)?issues?)|after[ \t-]action[ \t]+report[ \t]+(?:is|has[ \t]+been)[ \t]+(?:cleaned|written|filled|reviewed)|incident[ \t]+has[ \t]+been[ \t]+dealt[ \t]+with)\b/i;
/** An emoji written as a bullet at the start of a list item ("* 🗒 Patch the server"). */
const EMOJI_BULLET = /^\p{Extended_Pictographic}\uFE0F?[\s\u00a0]{0,8}/u;
/** A paragraph that opens with a status word: "DONE: …", "TODO - …", "[DOING] …". */
const STATUS_OPENING = /^\[?(?:DONE|TODO|TO DO|DOING|IN PROGRESS|WIP|OPEN|CLOSED|FIXED|BLOCKED|PLANNED)\]?(?=[\s:–—-])/;
/** A plain title before a colon that opens a measure: "Database scaling: upgrade the server". */
const TITLE_OPENING = /^\p{Lu}[^.!?:]{0,60}:\s+\S/u;
/** A sentence boundary inside a line: ". Next", "! Then". */
const SENTENCE_BREAK = /[.!?]["”’)]?\s+["“‘(]?\p{Lu}/u;

export function kindOf(text: string | undefined): ActionItemKind | undefined {
  if (!text) return undefined;
  const c = CORRECTIVE.test(text);
  const p = PREVENTATIVE.test(text);
  if (p && !c) return 'preventative';
  if (c && !p) return 'corrective';
  return undefined;
}

/**
 * The kind a Type cell or field gives: its words, as a heading's, and the
 * verbs a type is named with ("fix", "repair": corrective). "Mitigate",
 * "process" and the like name no kind (the Google SRE book's own types).
 */
function typeKind(value: string): ActionItemKind | undefined {
  return kindOf(value) ?? (/^\s*(?:fix|fixes|repair|correct|correction)\s*$/i.test(value) ? 'corrective' : undefined);
}

function doneOf(text: string): boolean {
  return DONE_GROUP.test(text) && !OPEN_GROUP.test(text);
}

function groupOf(label: string, parent: Group): Group {
  return { label, kind: kindOf(label) ?? parent.kind, done: parent.done || doneOf(label) };
}

export function readActionItems(input: ActionItemInput): ActionItem[] {
  const drafts: Draft[] = [];
  const bySection: Draft[][] = [];
  for (const elements of input.sections) {
    const found = measuresOf(elements, input.plainText === true);
    if (restates(elements, found, bySection)) continue;
    bySection.push(found);
    drafts.push(...found);
  }
  // "[Task 1: be very specific…]": a template's slot left unfilled is a placeholder (reported as one), not a measure.
  // "*(Point out weak spots, e.g. missing metrics)*": a whole line in brackets is an aside or a template's prompt.
  // A line that was only fields ("Owner: DevOps Team" with no measure above it) leaves no title: no measure either.
  // A template's checklist for the report itself ("Sections above are filled out") is the report's chore, not a measure.
  // "\- @maxwofford" under the last list: the author signing the report.
  const items = drafts
    .filter((d) => !NO_ITEMS.test(d.text.replace(BULLET, '').trim()) && !onlyPlaceholders(d.text) && !ASIDE.test(d.text.trim()) && !REPORT_CHORE.test(d.text) && !SIGN_OFF.test(d.text.trim()))
    .map((d) => finish(d, input))
    .filter((item) => /[\p{L}\p{N}]/u.test(item.title));
  assignIds(items);
  return items;
}

/**
 * Whether an action-item section states its measures only in prose: it has
 * text, but nothing in it reads as a measure of its own.
 */
export function readsAsProse(elements: Element[], plainText: boolean): boolean {
  const known = measuresFound.get(elements);
  if (known?.plainText === plainText ? known.found : readSection(elements, plainText).length > 0) return false;
  // Choices weighed under "### Option 1: …" sub-headings are no measures told as prose.
  if (elements.some((e) => e.kind === 'heading' && OPTION_HEADING.test(e.text))) return false;
  return paragraphs(elements.slice(1)).some((p) => toRows(p, plainText).some((r) => wordCount(r.text) >= 8));
}

/** Lines the outline read as headings naming the section they sit in ("Follow-up" under "Action items"): group labels. */
const headingLines = new WeakSet<TextLine>();

/** A paragraph's lines, or a block, in document order. */
type Unit = { kind: 'paragraph'; lines: TextLine[] } | { kind: 'heading'; text: string; line: number; column: number } | { kind: 'block'; element: Element & { kind: 'block' } };

function units(body: Element[]): Unit[] {
  const out: Unit[] = [];
  let current: { id: number; lines: TextLine[] } | undefined;
  const addLine = (id: number, line: TextLine) => {
    if (current?.id === id) current.lines.push(line);
    else {
      current = { id, lines: [line] };
      out.push({ kind: 'paragraph', lines: current.lines });
    }
  };
  for (const e of body) {
    if (e.kind === 'line') addLine(e.paragraph, e.line);
    // A group label written as a line of a paragraph ("TODO:" over its lines) stays a line of that paragraph.
    else if (e.kind === 'heading' && e.label && e.source && e.paragraph !== undefined) {
      headingLines.add(e.source);
      addLine(e.paragraph, e.source);
    }
    else {
      current = undefined;
      out.push(e.kind === 'heading' ? { kind: 'heading', text: e.text, line: e.line, column: e.column } : { kind: 'block', element: e });
    }
  }
  return out;
}

function paragraphs(body: Element[]): TextLine[][] {
  return units(body).flatMap((u) => (u.kind === 'paragraph' ? [u.lines] : []));
}

/**
 * Whether a section's elements (the array `ownElements` keeps for it) held
 * measures when the model read them: the prose rules ask again, which read
 * every action-item section a second time.
 */
const measuresFound = new WeakMap<Element[], { plainText: boolean; found: boolean }>();

/** "Action Items Status", "Follow-up tracking": a heading over the state of measures listed before. */
const STATUS_OF_MEASURES = /\b(?:status|progress|tracking|tracker|checklist|recap)\b/i;

/**
 * A section headed as the status of the measures ("## Action Items Status"
 * as a task list under the table of follow-ups) that lists an earlier
 * section's measures again, as many and in the same order, each sharing
 * words with its counterpart: a restatement, not new measures (they would
 * become a second issue each).
 */
function restates(elements: Element[], found: Draft[], earlier: Draft[][]): boolean {
  const head = elements[0];
  if (found.length < 2 || head?.kind !== 'heading' || !STATUS_OF_MEASURES.test(head.text)) return false;
  const words = (d: Draft) => fingerprintTitle(d.title ?? d.text);
  return earlier.some(
    (before) =>
      before.length === found.length &&
      found.every((d, k) => {
        const mine = words(d);
        const theirs = new Set(words(before[k]));
        return mine.some((w) => theirs.has(w));
      }),
  );
}

function measuresOf(elements: Element[], plainText: boolean): Draft[] {
  const drafts = readSection(elements, plainText);
  measuresFound.set(elements, { plainText, found: drafts.length > 0 });
  return drafts;
}

/** One action-item section: its heading gives the kind, its units give the measures. */
function readSection(elements: Element[], plainText: boolean): Draft[] {
  // A loose table of measures comes without a heading (see model/index.ts).
  const head = elements[0]?.kind === 'heading' ? elements[0] : undefined;
  const body = head ? elements.slice(1) : elements;
  const headText = head && head.kind === 'heading' ? head.text : '';
  const sectionGroup: Group = { kind: kindOf(headText) ?? 'other', done: false };
  // Sub-headings group under the section; labels group under the heading they sit under, side by side.
  let headingGroup = sectionGroup;
  let group = sectionGroup;
  const all = units(body);
  // "**Action taken:**" over a paragraph ("Our incident response documentation is now easier to locate. It…"):
  // the label names one measure, told in the paragraph, however many sentences it runs to.
  if (SINGLE_ACTION.test(headText)) {
    const told = singleActions(all, headText, sectionGroup, plainText);
    if (told) return told;
  }
  const itemized = all.some((u) => u.kind === 'block' && (u.element.node.type === 'list' || u.element.node.type === 'table'));
  const read: Row[][] = [];
  all.forEach((u, i) => read.push(u.kind === 'paragraph' ? toRows(u.lines, plainText || announcedLines(u.lines, read[i - 1])) : []));
  // Without lists or tables, a block of lines or titled paragraphs itemises the section too.
  const lined = !itemized && read.some((rows) => isBlock(rows) || rows.some((r) => opensAsMeasure(r, false)));
  // Lines set apart by blank lines, each a measure ("Add config linting to CI. (Deadline: March 8)" then the next):
  // a block of lines the author spaced out, not paragraphs of prose.
  const spaced = lined ? spacedLines(all, read) : new Set<number>();
  // Paragraphs of several sentences make a section of prose: its one-sentence paragraphs are prose too.
  const narrative = read.some((rows) => rows.length === 1 && SENTENCE_BREAK.test(rows[0].text));
  // Unless two or more of its paragraphs each open with an instruction ("Improve our monitoring, especially
  // around mainnet. This includes…"): each of those is a measure with its reasons.
  const instructed = !itemized && read.filter((rows) => rows.length === 1 && opensWithInstruction(rows[0].text)).length >= 2;
  // Or unless two or more of its lines each end naming who does it or where it stands ("Create playbook. (GIORGIO)",
  // "… (DONE)"): each of those lines is a measure, whatever sentences it runs to.
  const signed = !itemized && read.filter(isSignedLine).length >= 2;
  const out: Draft[] = [];
  let lastList: { list: List; drafts: Draft[] } | undefined;
  // A numbered title ("**1) Creating a renewal script**"): what follows it, up to the next title, are its steps.
  let titled: Draft | undefined;
  // A section of sub-headings each over a description and nothing else ("## Removal of the `--l1.trustrpc`" over
  // what it means): each sub-heading names a measure, as a numbered one does.
  const subHeadings = all.flatMap((u, i) => (u.kind === 'heading' ? [i] : []));
  markFieldLists(all, subHeadings);
  const headedMeasures = subHeadingsNameMeasures(all, subHeadings, itemized);
  // Two or more paragraphs that each open with a bold title line over its description ("**Clone-failure alert
  // (updated):**" and what changed): each is a measure named by its title, as a titled list item is.
  const titledParagraphs = !itemized && read.filter((rows) => describedTitle(rows) !== undefined).length >= 2;
  const tableValues = shortCellValues(all);
  // Under a sub-heading of what was tried, the story or what to watch for, what follows is no measure (see headsNoMeasures).
  let aside = false;
  for (let i = 0; i < all.length && out.length < MAX_ITEMS; i++) {
    const u = all[i];
    const previousList = lastList;
    lastList = undefined;
    if (u.kind !== 'heading' && aside) continue;
    if (u.kind === 'heading') {
      headingGroup = group = groupOf(u.text, sectionGroup);
      titled = undefined;
      aside = headsNoMeasures(u.text);
      if (aside) continue;
      // "#### 1) Cron cleanup scheduled" over what was done: the heading is the measure, what follows it its details.
      // "#### P0: Add Diagnostic Logging": a priority is given to a measure, never to a group.
      const title = labelsAGroup(all, i) ? undefined : (numberedMeasure(u.text, true) ?? (headedMeasures || opensWithPriorityLevel(u.text) ? u.text.replace(NUMBERED_HEADING, '') : undefined));
      if (title && (describedOnly(all, i) || headedMeasures)) {
        titled = { text: title, title, line: u.line, column: u.column, kind: group.kind, group: group.label, done: group.done, comments: [], links: [], titled: true };
        titleDrafts.add(titled);
        out.push(titled);
      }
    } else if (u.kind === 'paragraph') {
      // Right under a heading, a label or a line announcing them, lines of a block are that group's measures even in a section with lists.
      const previous = all[i - 1];
      const announced = previous !== undefined && (previous.kind === 'heading' || (previous.kind === 'paragraph' && (read[i - 1].every(isLabelRow) || announces(read[i - 1]))));
      const layout = itemized && !announced ? 'itemized' : spaced.has(i) ? 'paragraphs' : lined || itemized ? 'lined' : narrative ? 'prose' : 'paragraphs';
      if (!titled && ((instructed && read[i].length === 1 && opensWithInstruction(read[i][0].text)) || (signed && isSignedLine(read[i])))) {
        out.push(rowDraft(read[i][0], group));
        continue;
      }
      const title = titledParagraphs && !titled ? describedTitle(read[i]) : undefined;
      if (title) {
        out.push({ ...rowDraft(read[i][0], group), text: read[i].map((r) => r.text).join(' '), title, titled: true });
        continue;
      }
      const before = out.length;
      // "…, we have taken the following measures:": what it announces is done.
      const doneGroup = previous?.kind === 'paragraph' && announcesDone(read[i - 1]) ? { ...group, done: true } : undefined;
      const next = fromRows(read[i], doneGroup ?? group, headingGroup, layout, out, titled !== undefined);
      if (next !== doneGroup) group = next;
      const last = out.length > before ? out[out.length - 1] : undefined;
      if (last) titled = titleDrafts.has(last) ? last : undefined;
      // A line introducing more ("…by implementing the following:") ends the steps.
      else if (read[i].some(isIntroRow) && !read[i].some(isMeasureTitle) && !headedMeasures) titled = undefined;
    } else if (u.element.node.type === 'thematicBreak') {
      // The measures are over: what follows is a closing remark. Unless a sub-heading follows: the rule parts measures.
      if (out.length > 0 && all[i + 1]?.kind !== 'heading') break;
    } else if (titled) {
      if (u.element.node.type === 'list' && fieldLists.has(u.element.node)) takeFields(u.element.node, titled);
      else if (u.element.node.type === 'list') titled.text += ' ' + listText(u.element.node);
    } else if (u.element.node.type === 'table') {
      fromTable(u.element.node, group, out);
    } else if (u.element.node.type === 'list') {
      const list = u.element.node;
      // "* Tasks:" alone, over a list written flush below it rather than nested in it: a label of that list.
      const label = labelOfNextList(list, all[i + 1]);
      if (label !== undefined) {
        group = groupOf(label, headingGroup);
        continue;
      }
      const introducer = all[i - 1]?.kind === 'paragraph' ? out[out.length - 1] : undefined;
      if (introducer && detailedDrafts.has(introducer) && introducer.line === read[i - 1][read[i - 1].length - 1]?.first.line) {
        introducer.text += ' ' + listText(list);
        continue;
      }
      const target = previousList && detailTarget(previousList, list, all[i + 1]);
      if (target) {
        target.text += ' ' + listText(list);
        lastList = previousList;
        continue;
      }
      // A list of what was found ("X didn't have a test", "Y was never monitored") states findings, not measures.
      if (list.children.every((item) => isFinding(itemHead(item)?.text ?? ''))) continue;
      // "…no upper bound on the following three components:" over "The size of an individual manifest entry,", "The
      // number of entries…, and", …: one sentence of things named, run over the items, not measures.
      if (namesThingsInOneSentence(list)) continue;
      // A list of questions ("What's our actual disk I/O capacity?", "When do we need to scale?") asks; it decides nothing.
      if (list.children.every((item) => /\?[\s*_)]*$/.test(itemHead(item)?.text ?? ''))) continue;
      // "Prevent - Prevent similar issues…", "P0 - Critical for…": the legend of the values a table of measures uses.
      if (isLegend(list, tableValues)) continue;
      const announcement = all[i - 1]?.kind === 'paragraph' ? read[i - 1].at(-1)?.text ?? '' : '';
      if (announcesNoMeasures(announcement)) continue;
      // "…should be moved to a production bucket:" over "- https://github.com/o/r/issues/320": the list points at
      // the issue of the measure the paragraph states, not at measures of its own.
      // Alone under the heading, each pointer is a follow-up of its own, known by its issue.
      const stated = list.children.every(isBarePointer) && all[i - 1]?.kind === 'paragraph' ? (introducer ?? pointedMeasure(read[i - 1], group, out)) : undefined;
      if (stated) {
        (stated.links ??= []).push(...list.children.flatMap(pointersOf));
        continue;
      }
      const drafts: Draft[] = [];
      fromList(list, group, drafts, 0);
      out.push(...drafts);
      lastList = { list, drafts };
    }
  }
  return loneSentence(all, read) ? [] : out;
}

/**
 * The paragraphs that are runs of two or more lines set apart by blank
 * lines, each line one short measure: opening with a capital, a sentence
 * that states nothing (not "The team was paged."), no label and no line
 * introducing others.
 */
function spacedLines(all: Unit[], read: Row[][]): Set<number> {
  const single = (i: number) => {
    const rows = read[i];
    if (all[i]?.kind !== 'paragraph' || rows.length !== 1) return false;
    const row = rows[0];
    return row.lines.length === 1 && /^[\p{Lu}\p{N}]/u.test(row.text) && wordCount(row.text) <= PAIR_WORDS && !isStatement(row.text) && !isLabelRow(row) && !isIntroRow(row) && !isRemark(row.text);
  };
  const out = new Set<number>();
  for (let i = 0; i < all.length; i++) {
    if (single(i) && (single(i - 1) || single(i + 1))) out.add(i);
  }
  return out;
}

/**
 * A section that is one sentence and nothing else ("To avoid this, we should
 * devise a protocol…", "We will install a new monitoring tool that…") tells
 * what will be done in prose, as a paragraph of several sentences does. A
 * short instruction alone ("Add an alert on disk use above 80%.") or a line
 * written as a measure ("✅ …", "Alerts: add one on disk use") is a measure.
 */
function loneSentence(all: Unit[], read: Row[][]): boolean {
  if (all.length !== 1 || all[0].kind !== 'paragraph' || read[0].length !== 1) return false;
  const row = read[0][0];
  if (SENTENCE_BREAK.test(row.text) || opensAsMeasure(row, false) || namesAMeasure(row.text)) return false;
  return !opensWithInstruction(row.text) || wordCount(row.text) > SHORT_INSTRUCTION_WORDS;
}

/** A label of one measure by its state: "Action taken:", "Action planned:", "Action item:". */
const SINGLE_ACTION = /^[\s*_]{0,4}action[ \t]+(?:taken|planned|item|point)[\s*_:：]{0,6}$/i;

/**
 * The measures of a section of such labels, each over one paragraph ("**Action taken:**" over what was done, then
 * "**Action planned:**" over what will be): one a label, done when it says so. Undefined for a section of another shape.
 */
function singleActions(all: Unit[], headText: string, group: Group, plainText: boolean): Draft[] | undefined {
  const out: Draft[] = [];
  let label: string | undefined = headText;
  for (const u of all) {
    const text = u.kind === 'heading' ? u.text : u.kind === 'paragraph' && u.lines.length === 1 ? u.lines[0].text : undefined;
    if (text !== undefined && SINGLE_ACTION.test(text) && label === undefined) label = text;
    else if (u.kind === 'paragraph' && label !== undefined) {
      const rows = toRows(u.lines, plainText);
      if (rows.length === 0) return undefined;
      out.push({ ...rowDraft(rows[0], { ...group, done: DONE_GROUP.test(label) }), text: rows.map((r) => r.text).join(' ') });
      label = undefined;
    } else return undefined;
  }
  return out.length > 0 && label === undefined ? out : undefined;
}

/** Words a line opens with when it tells or defers rather than names a measure ("We…", "Will be added", "To be decided"). */
const NOT_A_NAME = /^(?:will|would|should|could|can|may|might|must|shall|to|we|i|it|this|that|these|there|they|our|no|not|none|nothing|see|tbd|n\/a|as)\b/i;

/**
 * "E2E coverage for the updated contribution flow (already being
 * implemented)": a short line that names a measure, without a verb of its
 * own or a full stop, is one (not a sentence of prose).
 */
function namesAMeasure(text: string): boolean {
  const words = wordCount(text);
  return words >= 3 && words <= SHORT_INSTRUCTION_WORDS && !/[.!?:]["”’)]?$/.test(text.trim()) && !NOT_A_NAME.test(text.trim()) && !isStatementOrClause(text);
}
/** An instruction alone is a measure up to this many words; a longer one runs on into reasons and conditions. */
const SHORT_INSTRUCTION_WORDS = 15;

/**
 * A list written flush under a numbered measure belongs to it when the author
 * plainly meant it as its details: the numbering resumes after it, or the
 * measure ends with a colon that introduces it.
 */
function detailTarget(previous: { list: List; drafts: Draft[] }, list: List, next: Unit | undefined): Draft | undefined {
  const last = previous.drafts[previous.drafts.length - 1];
  if (!previous.list.ordered || list.ordered || !last) return undefined;
  if (/:$/.test(last.text.trim())) return last;
  const following = next?.kind === 'block' && next.element.node.type === 'list' ? next.element.node : undefined;
  const resumes = following?.ordered === true && following.start === (previous.list.start ?? 1) + previous.list.children.length;
  return resumes ? last : undefined;
}

function listText(list: List): string {
  return list.children.map((item) => itemHead(item)?.text ?? '').filter(Boolean).join('; ');
}

interface Row {
  text: string;
  first: TextLine;
  lines: TextLine[];
}

/** A paragraph's lines with wrapped lines joined to the line they continue. */
function toRows(lines: TextLine[], plainText: boolean): Row[] {
  // The lines after one that ends in a colon are what it introduces: read them as a block of their own.
  const introduced = plainText ? -1 : lines.findLastIndex((l, i) => i < lines.length - 2 && /:$/.test(l.text));
  if (introduced >= 0) return [...toRows(lines.slice(0, introduced + 1), false), ...wrapRows(lines.slice(introduced + 1), isLineBlock(lines.slice(introduced + 1), 2))];
  // Soft breaks only at the end of each sentence, every line a measure of its own: a block of lines, not a wrap.
  const pairOfMeasures = lines.length > MIN_LINE_BLOCK || lines.every((l) => wordCount(l.text) <= PAIR_WORDS);
  return wrapRows(lines, plainText || (pairOfMeasures && isLineBlock(lines, MIN_LINE_BLOCK)));
}

function wrapRows(lines: TextLine[], plainText: boolean): Row[] {
  const rows: Row[] = [];
  for (const line of lines) {
    const prev = rows[rows.length - 1];
    if (prev && continues(prev, line, plainText)) {
      prev.text += ' ' + line.text;
      prev.lines.push(line);
    } else rows.push({ text: line.text, first: line, lines: [line] });
  }
  return rows;
}

/** An announcement of measures already carried out: "we have taken the following measures:", "…were implemented:". */
const ANNOUNCED_DONE = /\b(?:have|has|were|was)[ \t]{1,3}(?:already[ \t]{1,3})?(?:taken|implemented|made|completed|applied|introduced|put[ \t]{1,3}in[ \t]{1,3}place)\b/i;
const ANNOUNCED_PLAN = /\b(?:will|plan(?:ned|s)?|to[ \t]{1,3}be)\b/i;

function announcesDone(rows: Row[] | undefined): boolean {
  return announces(rows) && ANNOUNCED_DONE.test(rows![0].text) && !ANNOUNCED_PLAN.test(rows![0].text);
}

/** A paragraph of one line that announces what follows with a colon ("…, we have taken the following measures:"). */
function announces(rows: Row[] | undefined): boolean {
  return rows?.length === 1 && isIntroRow(rows[0]) && /:$/.test(rows[0].text);
}

/**
 * Lines right after a paragraph that announces them, each a short sentence
 * of its own ("We have implemented a new load balancer."): one measure a
 * line, even written as statements (done measures are).
 */
function announcedLines(lines: TextLine[], before: Row[] | undefined): boolean {
  return announces(before) && lines.length >= 2 && lines.every((l) => /^[\p{Lu}\p{N}]/u.test(l.text) && SENTENCE_END.test(l.text) && wordCount(l.text) <= PAIR_WORDS);
}

/**
 * The shortest block of soft-broken lines read as one line each. Two lines
 * could be a wrapped pair of sentences: they count when each is short enough
 * to be one measure (two after a line that introduces them, whatever their length).
 */
const MIN_LINE_BLOCK = 2;
const PAIR_WORDS = 25;
const SENTENCE_END = /[.!?]["”’)]?$/u;

/**
 * Lines that each open with a capital and end a sentence, none of them a
 * statement ("Add more tests.", "Bug bounty for the parser.", "More alarms."):
 * the author wrote one measure a line. Wrapped prose breaks mid-sentence
 * somewhere, and narrative lines are statements ("The team is rebuilding…").
 */
function isLineBlock(lines: TextLine[], min: number): boolean {
  if (lines.length < min) return false;
  return lines.every((l, i) => /^[\p{Lu}\p{N}]/u.test(l.text) && (i === lines.length - 1 || SENTENCE_END.test(l.text)) && !isStatement(l.text));
}

/**
 * A line continues the one above unless it opens a unit of its own (a bullet,
 * a status word, a bold or plain title) or follows a bold title line. In
 * Markdown a line after a soft break wraps the paragraph; in plain text, and
 * after a hard break, it continues only when it reads on (lower case, or the
 * line above stops mid-phrase).
 */
function continues(prev: Row, line: TextLine, plainText: boolean): boolean {
  if (PSEUDO_BULLET.test(line.text) || STATUS_OPENING.test(line.text)) return false;
  // "…have" / "**wide** usage and…": a word stressed in wrapped prose, not a bold title (titles open in capitals).
  if (line.lead !== undefined && line.lead.length > 0) return !plainText && !line.hard && /^\p{Ll}/u.test(line.lead);
  if (prev.first.allLead && prev.lines.length === 1) return false; // a bold title line: what follows is its description
  if (TITLE_OPENING.test(line.text) || LABEL_LINE.test(line.text)) return false;
  if (!plainText && !line.hard) return true;
  if (/^[\p{Ll}(]/u.test(line.text)) return true;
  return /(?:[,;–—-]|\b(?:and|or|to|the|of|for|with|a|an|in|on|by|that|which))$/i.test(prev.text);
}

/** A group label: a bold line, or a short phrase ending in a colon ("Short-term:"), not a sentence introducing the list. */
function isLabelRow(row: Row): boolean {
  if (row.lines.length > 1) return false;
  const line = row.first;
  if (headingLines.has(line) || (line.allLead && line.lead && line.lead.length <= 60)) return true;
  const text = line.text.replace(BULLET, '');
  return LABEL_LINE.test(text) && wordCount(text) <= 6 && !isStatement(text);
}

/**
 * A row that opens like a measure of its own: a bullet, a status word, a bold
 * title; in a section without lists also a plain title ("Scaling: add nodes").
 */
function opensAsMeasure(row: Row, itemized: boolean): boolean {
  if (PSEUDO_BULLET.test(row.text) || STATUS_OPENING.test(row.text)) return true;
  if (row.first.lead && !row.first.allLead) return true;
  if (row.first.allLead && row.lines.length > 1) return true;
  return !itemized && TITLE_OPENING.test(row.text);
}

/** Two or more lines, each a unit of its own (no wrapped lines): a block of one-measure lines, not hard-wrapped prose. */
function isBlock(rows: Row[]): boolean {
  const plain = rows.filter((r) => !isLabelRow(r));
  return plain.length >= 2 && plain.every((r) => r.lines.length === 1) && !tellsAStory(plain);
}

/** A line of prose runs on past this many words; a measure on a line of its own rarely does. */
const STORY_LINE_WORDS = 25;

/**
 * Lines broken by hand that tell a story ("Longer downtime such this was not fun at all. It felt like…" over "But
 * losing it … made me realize that…"): sentences running on, each line several of them or a long one.
 */
function tellsAStory(rows: Row[]): boolean {
  return rows.some((r) => SENTENCE_BREAK.test(r.text)) && rows.every((r) => SENTENCE_BREAK.test(r.text) || wordCount(r.text) > STORY_LINE_WORDS);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/**
 * The measures among a paragraph's rows. Labels start a group; a paragraph
 * whose last row ends in a colon introduces what follows. In a section with
 * lists or tables, only rows that open like a measure count; in a section of
 * lines, so do the rows of a block of lines; in a section of plain
 * paragraphs, a paragraph of one sentence is a measure and one of several
 * sentences is narrative.
 */
function fromRows(rows: Row[], group: Group, headingGroup: Group, layout: 'itemized' | 'lined' | 'paragraphs' | 'prose', out: Draft[], inSteps = false): Group {
  const block = isBlock(rows);
  const last = rows[rows.length - 1];
  const intro = last !== undefined && isIntroRow(last);
  // What comes before the line that introduces the measures ("The following are actions to take:") is preamble.
  const introAt = rows.findLastIndex(isIntroRow);
  // The rows a line introduces are measures when they are a block of one-measure lines, whatever the section's layout.
  const introducedBlock = introAt >= 0 && introAt < rows.length - 1 && isBlock(rows.slice(introAt + 1));
  for (const [index, row] of rows.entries()) {
    if (isMeasureTitle(row)) {
      const draft = { ...rowDraft(row, group), title: row.first.text, titled: true };
      titleDrafts.add(draft);
      out.push(draft);
      inSteps = true;
      continue;
    }
    if (inSteps) continue; // a step of the numbered title above
    // "Jump server access: Configure external jump server access, allowing:" is a measure; the list after it, its details.
    if (index === rows.length - 1 && (introducesItsDetails(row) || isNumberedTitleWithAside(row))) {
      const draft = rowDraft(row, group);
      detailedDrafts.add(draft);
      out.push(draft);
      continue;
    }
    if (index < introAt && !opensAsMeasure(row, layout === 'itemized')) continue;
    if (isLabelRow(row)) {
      group = groupOf(withoutColon(row.first.lead ?? row.text), headingGroup);
      continue;
    }
    if (isIntroRow(row) || isRemark(row.text)) continue;
    const opens = opensAsMeasure(row, layout === 'itemized');
    const measure = opens || (index > introAt && introducedBlock) || (!intro && (layout === 'lined' ? block : layout === 'paragraphs' && rows.length === 1 && (!isStatement(row.text) || statesAMeasure(row.text))));
    if (!measure) continue;
    // "Task: Patch Nginx" over "Owner: DevOps Team" and "Due Date: Aug 20, 2024": the fields of the measure above.
    const last = out[out.length - 1];
    if (last && last.line < row.first.line && takeField(fieldOfLine(row.text), last)) continue;
    const inline = inlineMeasures(row);
    if (inline) for (const part of inline) out.push({ ...rowDraft(row, group), text: part.text, column: columnAt(row.first, part.offset) });
    else out.push(rowDraft(row, group));
  }
  return group;
}

/** The glyph a line of measures opens with, when it may open each of them on that line too. */
const INLINE_BULLET = /^([✓✔☑✅•▪◦‣➤►▶🔹🔸])\uFE0F?[ \t]/u;

/**
 * "✅ Add a pipeline ✅ Enable alerts ✅ Use version control": measures written
 * on one line, each after the glyph the line opens with; undefined for a
 * line that holds one.
 */
function inlineMeasures(row: Row): Array<{ text: string; offset: number }> | undefined {
  const glyph = row.lines.length === 1 ? INLINE_BULLET.exec(row.text)?.[1] : undefined;
  if (!glyph) return undefined;
  const parts: Array<{ text: string; offset: number }> = [];
  let from = 0;
  for (let at = row.text.indexOf(glyph, glyph.length); at > 0; at = row.text.indexOf(glyph, at + glyph.length)) {
    if (!/[ \t]/.test(row.text[at - 1]) || !/^\uFE0F?[ \t]/u.test(row.text.slice(at + glyph.length, at + glyph.length + 2))) continue;
    parts.push({ text: row.text.slice(from, at).trim(), offset: from });
    from = at;
  }
  if (parts.length === 0) return undefined;
  parts.push({ text: row.text.slice(from).trim(), offset: from });
  return parts.every((p) => wordCount(p.text) >= 2) ? parts : undefined;
}

function rowDraft(row: Row, group: Group): Draft {
  const titled = row.first.allLead === true && row.lines.length > 1;
  return {
    text: row.text.replace(BULLET, ''),
    title: titled ? row.first.text : undefined,
    line: row.first.line,
    column: row.first.column,
    kind: group.kind,
    group: group.label,
    done: group.done || DONE_MARK.test(row.text) || row.lines.every((l) => l.struck),
    comments: row.lines.flatMap((l) => l.comments ?? []),
    links: row.lines.flatMap((l) => l.links ?? []),
    titled,
  };
}

/**
 * The title of a paragraph that is a bold title line over its description
 * ("**Sustained deploy-failure alert (new):**" then what the alert does), or
 * undefined. A label of a group or kind ("**Short term:**") is no title, nor
 * is a bold line over lines that each state a measure: those are its group.
 */
function describedTitle(rows: Row[]): string | undefined {
  const [head, ...description] = rows;
  if (description.length === 0 || !head.first.allLead || head.lines.length !== 1 || !isLabelRow(head)) return undefined;
  const title = withoutColon(head.first.lead ?? head.text);
  if (GROUP_TITLE.test(title) || kindOf(title) !== undefined || TRIED.test(title)) return undefined;
  if (description.length >= 2 && isBlock(description) && !description.some((r) => isStatement(r.text))) return undefined;
  return description.some((r) => opensAsMeasure(r, true) || isLabelRow(r)) ? undefined : title;
}

/** Drafts of measures that introduce their details ("…, allowing:"): the list right after is theirs. */
const detailedDrafts = new WeakSet<Draft>();

/** Drafts of numbered measure titles, whose following lines and lists are their steps. */
const titleDrafts = new WeakSet<Draft>();

/**
 * A bold numbered line that names a measure ("**1) Creating a renewal
 * script**", "**2. Add a cron job to renew every day**"), not a group
 * ("**1. Monitoring**", "**2. Process:**"): it says what is done, with a
 * verb or in four words or more, and introduces no list with a colon.
 */
function isMeasureTitle(row: Row): boolean {
  const line = row.first;
  if (row.lines.length > 1 || !line.allLead || !line.lead) return false;
  return numberedMeasure(line.lead, false) !== undefined;
}

/** The label of a one-item list that only labels the list after it ("* Improvements/Fixes:" over "1. …"), if it is one. */
function labelOfNextList(list: List, next: Unit | undefined): string | undefined {
  if (list.children.length !== 1 || next?.kind !== 'block' || next.element.node.type !== 'list') return undefined;
  const item = list.children[0];
  const text = item.children.length === 1 ? itemHead(item)?.text.trim() : undefined;
  if (!text || !/:$/.test(text) || wordCount(text) > 6 || isStatement(text)) return undefined;
  return withoutColon(text);
}

/** The number a numbered heading opens with ("3. ", "(2) "). */
const NUMBERED_HEADING = /^\(?\d{1,3}[.)]\s+/;

/**
 * The measure a numbered title names, without its number: it says what is
 * done, with a verb or in four words or more, and introduces no list with a
 * colon. `done`: a word telling it was done counts too ("2) Alerts
 * configured"), for a heading whose text below is its description only.
 */
function numberedMeasure(text: string, done: boolean): string | undefined {
  const m = /^\(?\d{1,3}[.)]\s*(.*?)[\s.]*$/.exec(text.trim());
  if (!m || /:$/.test(m[1])) return undefined;
  const words = m[1].split(/\s+/).filter(Boolean);
  const says = words.length >= 4 || /^\p{L}+ing$/u.test(words[0] ?? '') || (done && words.length >= 2 && words.slice(1).some((w) => /^\p{L}{3,}ed$/u.test(w)));
  return says ? m[1] : undefined;
}

/** Words a sentence opens with that are not a verb telling what to do ("After the outage", "Today the team"). */
const NOT_INSTRUCTION = new Set(
  ('after before during in on at by for with from to of since because when while once if as all both overall then also finally first second ' +
    'third next however unfortunately luckily thankfully additionally moreover furthermore so but and or although though despite within without ' +
    'over under into through per via about around upon like unlike due thanks there here it we i they he she you this that these those the a an ' +
    'our my their his her its each every some many most no not one two several what which who how why where today yesterday tomorrow tonight ' +
    'later earlier eventually now currently recently initially ultimately approximately customers users everyone nobody something nothing')
    .split(' '),
);
/** What an instruction's verb acts on, right after it ("Improve our…", "Have a…", "Know who…"). */
const INSTRUCTION_OBJECT = /^(?:the|a|an|our|your|their|its|this|these|those|who|what|how|when|where|more|all|every|each|clear|better|regular|proper|any|some|new|additional)$/i;

/**
 * A paragraph that opens with an instruction: a capitalised verb, not a
 * statement's subject nor a preposition, and what it acts on ("Reduce the
 * time taken from fix to release. Collectively, …").
 */
function opensWithInstruction(text: string): boolean {
  const m = /^(\p{Lu}\p{Ll}+)\s+(\p{L}+)\b/u.exec(text);
  if (!m || NOT_INSTRUCTION.has(m[1].toLowerCase()) || /(?:ed|ing|ly)$/.test(m[1]) || !INSTRUCTION_OBJECT.test(m[2])) return false;
  // "Know who is responsible": the helper verb is the clause's, after the instruction's object.
  return /^(?:who|what|how|when|where)$/i.test(m[2]) || !isStatement(text.split(SENTENCE_END_INSIDE)[0]);
}
const SENTENCE_END_INSIDE = /[.!?]["”’)]?\s+/u;

/** A closing aside that names people ("(CHRIS)", "(Ana, Ben)", "(@ana)") or a status ("(DONE)", "(in progress)"). */
const SIGNATURE = /[ \t]\((?:@?\p{Lu}[\p{L}\p{N}'’._-]{0,30}(?:(?:,[ \t]?|[ \t]?[/&+][ \t]?|[ \t]and[ \t]|[ \t])@?\p{Lu}[\p{L}\p{N}'’._-]{0,30}){0,3}|@[\w-]{1,39})\)[.!]?$/u;
const STATUS_SIGNATURE = /[ \t]\((?:done|todo|to[ \t]do|wip|in[ \t]progress|ongoing|completed?|fixed|open|closed)[.!]?\)[.!]?$/i;

/** A paragraph of one line that states a measure and signs it with its owner or status: "Create playbook. (GIORGIO)". */
function isSignedLine(rows: Row[]): boolean {
  if (rows.length !== 1 || rows[0].lines.length !== 1) return false;
  const text = rows[0].text;
  return /^\p{Lu}/u.test(text) && (SIGNATURE.test(text) || STATUS_SIGNATURE.test(text)) && !isLabelRow(rows[0]) && !isRemark(text);
}

/**
 * Whether the section's sub-headings each name a measure, with a description
 * under it: two or more, none naming a group or a kind, and each over prose
 * only, but one that may hold a list of its details or reasons after its
 * prose ("### Prefer common server models" over why, with a list of the
 * reasons), when no list or table sits outside them and that list is no
 * task list.
 */
function subHeadingsNameMeasures(all: Unit[], subHeadings: number[], itemized: boolean): boolean {
  if (subHeadings.length < 2) return false;
  const named = subHeadings.every((i) => {
    const text = (all[i] as { text: string }).text;
    // A numbered sub-heading counts its measures ("3. Verification Steps"); an unnumbered one may name a group.
    const numbered = NUMBERED_HEADING.test(text);
    // One word ("#### Github", "#### Domains") names what the prose under it is about, not a measure.
    return (numbered || !GROUP_TITLE.test(text)) && kindOf(text) === undefined && !TRIED.test(text) && wordCount(text.replace(NUMBERED_HEADING, '')) >= 2;
  });
  if (!named) return false;
  // "### P0 — Require a migration before a column is added": a priority is given to a measure, never to a group,
  // so what sits under each (its what, how, options, steps) describes it. A task list is still tasks of its own.
  // Unless they mostly name a topic, each over a list ("### P0 — May 22 class (missing entries)" over its fixes): groups.
  if (subHeadings.every((i) => opensWithPriorityLevel((all[i] as { text: string }).text))) return !holdsTaskList(all) && !prioritiesGroupLists(all, subHeadings);
  const described = subHeadings.filter((i) => describedOnly(all, i)).length;
  if (!itemized) return described === subHeadings.length;
  // A task list is tasks of its own, each a measure ("- [ ] Verify all environment variables").
  const details = !holdsTaskList(all) && all.every((u, i) => {
    if (u.kind !== 'block' || (u.element.node.type !== 'list' && u.element.node.type !== 'table')) return true;
    return i > subHeadings[0] && u.element.node.type === 'list';
  });
  // The one with a list describes itself first ("…, because:"); a sub-heading right over a list groups it ("### Monitoring").
  const introduced = subHeadings.every((i) => describedOnly(all, i) || all[i + 1]?.kind === 'paragraph');
  if (!details || !introduced) return false;
  // "### 1. Numerical safety" over "* **Domain enforcement:** Explicitly check…" and more such: groups of titled measures.
  if (all.every((u) => u.kind !== 'block' || u.element.node.type !== 'list' || u.element.node.children.every(isTitledMeasure))) return false;
  if (topicsOverTasks(all, subHeadings)) return false;
  // "### 1. Upload monitoring" over "Add metrics for:" and a list of them: numbered sub-headings that each describe
  // themselves first are measures, whatever lists their descriptions hold (not "### 1. Short term", a group).
  // "### 4. Process improvements" over "**Mandatory procedures:**" and its list, among them, groups what it labels.
  const numberedMeasures =
    subHeadings.filter((i) => !labelsAGroup(all, i)).length >= 2 &&
    subHeadings.every((i) => {
      const text = (all[i] as { text: string }).text;
      return NUMBERED_HEADING.test(text) && (!GROUP_TITLE.test(text.replace(NUMBERED_HEADING, '')) || labelsAGroup(all, i));
    });
  return numberedMeasures || (described >= 2 && described >= subHeadings.length - 1);
}

/**
 * "### 2. Terraform Apply Discipline" over "**Ban auto-approve:**" and "- Add
 * git pre-commit hook", "- Create wrapper script that refuses…": sub-headings
 * that mostly name a topic, not what to do, each over a list of short tasks
 * most of which say what to do, group those tasks; each task is a measure.
 */
function topicsOverTasks(all: Unit[], subHeadings: number[]): boolean {
  const acting = subHeadings.filter((i) => TITLE_VERB.has(firstWord((all[i] as { text: string }).text.replace(NUMBERED_HEADING, ''))));
  if (acting.length * 2 >= subHeadings.length) return false;
  const lists: List[] = [];
  for (const [n, start] of subHeadings.entries()) {
    const end = subHeadings[n + 1] ?? all.length;
    const own = all.slice(start + 1, end).flatMap((u) => (u.kind === 'block' && u.element.node.type === 'list' ? [u.element.node as List] : []));
    if (own.length === 0) return false;
    lists.push(...own);
  }
  const tasks = lists.flatMap((list) => list.children);
  const doing = tasks.filter((item) => TASK_VERB.has(firstWord(itemHead(item)?.text ?? '')));
  return groupsTasks(lists) && doing.length * 2 > tasks.length;
}

/** The first word of a text, lower-cased, past any Markdown emphasis. */
function firstWord(text: string): string {
  return /\p{L}+/u.exec(text.replace(/^[\s*_`]+/, ''))?.[0].toLowerCase() ?? '';
}

/** Priority sub-headings that mostly name a topic, not what to do, each over a list of two or more items. */
function prioritiesGroupLists(all: Unit[], subHeadings: number[]): boolean {
  const topics = subHeadings.filter((i) => !TITLE_VERB.has(firstWord(withoutPriorityLevel((all[i] as { text: string }).text))));
  if (topics.length * 2 <= subHeadings.length) return false;
  return subHeadings.every((start, n) =>
    all.slice(start + 1, subHeadings[n + 1] ?? all.length).some((u) => u.kind === 'block' && u.element.node.type === 'list' && u.element.node.children.length >= 2),
  );
}

/** A sub-heading with words of a group ("4. Process Improvements") right over a bold label of a list: a group of measures. */
function labelsAGroup(all: Unit[], index: number): boolean {
  const heading = all[index];
  const next = all[index + 1];
  if (heading?.kind !== 'heading' || next?.kind !== 'paragraph' || next.lines.length !== 1 || !next.lines[0].allLead) return false;
  return GROUP_TITLE.test(heading.text.replace(NUMBERED_HEADING, '')) && all[index + 2]?.kind === 'block';
}

/** "**Domain enforcement:** Explicitly check the domain before iterating": an item that opens with its title, then says what to do. */
function isTitledMeasure(item: ListItem): boolean {
  const first = itemHead(item)?.lines[0];
  if (!first?.lead || first.allLead || !/[:：]\s*$/.test(first.lead)) return false;
  return wordCount(first.text.slice(first.text.indexOf(first.lead) + first.lead.length)) >= 4;
}

/** Lists that give the fields of the measure named by the sub-heading over them (see markFieldLists). */
const fieldLists = new WeakSet<List>();

/** The name of a field an item gives ("**Owner**: @ana", "Contact point: on-call"), lower-cased. */
const FIELD_NAME = /^([\p{L}][\p{L}\p{N}_\/-]*(?:[ \t][\p{L}\p{N}_\/-]+){0,3})[ \t]?:(?:[ \t]|$)/u;

/** The field and its value an item gives ("Owner: @ana" → owner, "@ana"), when it opens with a field's name. */
function fieldOf(item: ListItem): { name: string; value: string } | undefined {
  if (item.children.some((c) => c.type === 'list')) return undefined;
  const text = itemHead(item)?.text;
  return text ? fieldOfLine(text) : undefined;
}

/** The part of a measure a table's column or a list's field is named for ("Owner" → owner, "Action" → title). */
function columnOf(name: string): string | undefined {
  return COLUMNS.find(([, header]) => header.test(name))?.[0];
}

/** The field of a measure a name stands for ("Owner", "Due date", "Status"), not its title. */
function measureField(name: string): string | undefined {
  const column = columnOf(name);
  return column === 'title' ? undefined : column;
}

/** A column or field that says where a measure stands ("Status", "ステータス", "Estado"); the placeholder rule reads it too. */
export const STATUS_COLUMN = /^(?:status|state|done\??|progress|状态|狀態|状況|ステータス|進捗|进度|進度|상태|진행[ ]?상황|estado|estatus|statut|[ée]tat|stato|zustand)$/i;

/** A status cell or field that says the measure is done ("Done", "Closed (#12)"), not still to do. */
function saysDone(status: string): boolean {
  return /\b(?:done|closed|complete|completed|fixed|resolved|shipped)\b/i.test(status) && !/\btodo\b/i.test(status);
}

/** An owner as written in a cell or field, without its "@"; none for a placeholder ("n/a", "TBD", "-"). */
function ownerIn(value: string | undefined): string | undefined {
  return value && !/^(?:n\/a|-|tbd|none|\?)$/i.test(value) ? value.replace(/^@/, '') : undefined;
}

/**
 * Under sub-headings that each name a measure, the lists that give its
 * fields rather than measures of their own: "### Add alerting" over "- **Owner:** @ana",
 * "- **Due:** 2024-05-01". A list is one when two thirds of its items name a
 * field and at least half of those names are a measure's fields or recur
 * under another sub-heading ("Rule name", "Contact point" under each alert).
 */
function markFieldLists(all: Unit[], subHeadings: number[]): void {
  if (subHeadings.length < 2) return;
  const under = subHeadings.map((h) => {
    const lists: List[] = [];
    for (let i = h + 1; i < all.length && all[i].kind !== 'heading'; i++) {
      const u = all[i];
      if (u.kind === 'block' && u.element.node.type === 'list') lists.push(u.element.node);
    }
    return { lists, names: lists.flatMap((l) => l.children.map((item) => fieldOf(item)?.name)) };
  });
  const headingsOf = new Map<string, number>();
  for (const { names } of under) for (const name of new Set(names)) if (name) headingsOf.set(name, (headingsOf.get(name) ?? 0) + 1);
  for (const { lists, names } of under) {
    const given = names.filter((n): n is string => n !== undefined);
    const known = given.filter((n) => measureField(n) !== undefined || (headingsOf.get(n) ?? 0) >= 2);
    if (given.length > 0 && given.length * 3 >= names.length * 2 && known.length * 2 >= given.length) lists.forEach((l) => fieldLists.add(l));
  }
}

/**
 * A field list under a measure's sub-heading: its owner, due date,
 * priority, state and issue fill the measure's fields, as a table's columns
 * do; the rest ("Rule name", "Metric") describe it.
 */
function takeFields(list: List, draft: Draft): void {
  const described: string[] = [];
  for (const item of list.children) {
    if (takeField(fieldOf(item), draft)) continue;
    const text = itemHead(item)?.text;
    if (text) described.push(text);
  }
  if (described.length > 0) draft.text += ' ' + described.join('; ');
}

/** Give the measure a field of it ("Owner: DevOps Team", "Due Date: Aug 20, 2024"); false when it is none. */
function takeField(field: { name: string; value: string } | undefined, draft: Draft): boolean {
  const column = field && field.value ? measureField(field.name) : undefined;
  const value = field?.value.replace(/[.;]$/, '').trim() ?? '';
  if (column === 'owner') draft.owner ??= ownerIn(value);
  else if (column === 'due') draft.due ??= value;
  else if (column === 'priority') draft.priority ??= value;
  else if (column === 'issue') draft.issue ??= value;
  else if (column === 'repo') draft.repo ??= value;
  else if (column === 'status') draft.done ||= saysDone(value);
  else if (column === 'type') draft.kind = typeKind(value) ?? draft.kind;
  else return false;
  return true;
}

/** The field a line gives ("Owner: DevOps Team"), when it opens with a field's name. */
function fieldOfLine(line: string): { name: string; value: string } | undefined {
  const text = line.replace(EMOJI_BULLET, '');
  const m = FIELD_NAME.exec(text);
  return m ? { name: m[1].toLowerCase(), value: text.slice(m[0].length).trim() } : undefined;
}

/** Whether a list of the section, at its top level, is a task list ("- [ ] Verify…"). */
function holdsTaskList(all: Unit[]): boolean {
  return all.some((u) => u.kind === 'block' && u.element.node.type === 'list' && u.element.node.children.some((item) => typeof item.checked === 'boolean'));
}

/**
 * Whether what follows the heading at `index`, up to the next heading, is a
 * description: text, code and lists of the measure's fields, no list or
 * table of measures.
 */
function describedOnly(all: Unit[], index: number): boolean {
  let content = false;
  for (let i = index + 1; i < all.length && all[i].kind !== 'heading'; i++) {
    const u = all[i];
    if (u.kind === 'block' && u.element.node.type === 'list' && fieldLists.has(u.element.node)) {
      content = true;
      continue;
    }
    if (u.kind === 'block' && (u.element.node.type === 'list' || u.element.node.type === 'table')) return false;
    content = true;
  }
  return content;
}

/**
 * A titled measure that ends by introducing what it includes ("Jump server
 * access: Configure external jump server access, allowing:"), rather than a
 * line introducing measures ("To prevent this, we will:"): after its title
 * comes an instruction, and it stops on a word asking for examples.
 */
function introducesItsDetails(row: Row): boolean {
  const m = /^[^:]{1,60}:\s+(.+)$/u.exec(row.text);
  return m !== null && TITLE_OPENING.test(row.text) && DETAILS_ASKED.test(m[1]) && !isStatement(m[1]) && /^\p{Lu}\p{Ll}+\s/u.test(m[1]);
}
/**
 * "**1. Monitoring UptimeRobot** (gratuit, 15 min setup)", "**4. Procédure documentée** ✅ FAIT": a numbered
 * measure in bold with an aside after it; the list right under it holds its details, as under a numbered heading.
 */
function isNumberedTitleWithAside(row: Row): boolean {
  const line = row.first;
  if (row.lines.length > 1 || line.allLead || !line.lead || !/^\d{1,2}[.)][ \t]+\S/.test(line.lead)) return false;
  return ASIDE_AFTER_TITLE.test(afterLead(line));
}
/** What may follow a bold title without being a measure's text: a parenthesised note, a status mark or word. */
const ASIDE_AFTER_TITLE = /^(?:\([^()]{0,80}\)|[✅✔☑🔄⏳❌]\uFE0F?(?:[ \t]+\p{Lu}{2,12})?|\[[ xX]\])?[ \t]*$/u;
const DETAILS_ASKED = /(?:,|\b)\s*(?:allowing|including|covering|such[ \t]as|e\.g\.|for[ \t]example|like)[ \t]*:$/i;

/** A line that introduces the measures after it: it ends in a colon, or says "the following measures…". */
function isIntroRow(row: Row): boolean {
  if (isLabelRow(row) || PSEUDO_BULLET.test(row.text)) return false;
  return /:$/.test(row.text) || INTRO.test(row.text);
}

const INTRO = /\bthe[ \t]following[ \t](?:\w+[ \t])?(?:measures|actions|steps|changes|items|improvements|tasks|initiatives)\b/i;

/** "…, InnovateCommerce aims to…": a clause, then a name (capitalised: case matters here) and what it aims or plans. */
const NAMED_SUBJECT = /^[^,]{3,80},[ \t]+\p{Lu}[\p{L}\d&-]{1,40}[ \t]+(?:aims?|hopes?|expects?|intends?|plans?|wants?|will|is|are)\b/u;

/** "For now all is ok, everything is working…", "So far everything looks stable": a word that all is well now. */
const ALL_WELL_NOW = /^(?:for[ \t]now|so[ \t]far|at[ \t](?:the|this)[ \t]moment)[ \t,]+(?:all|everything|things)[ \t]+(?:is|are|seems?|looks?)[ \t]+(?:ok|okay|fine|good|well|working|stable|back)\b/i;

/**
 * How a closing paragraph opens: a conclusion, an apology or thanks, a sign-off ("See you in another post."), or what the
 * incident taught.
 */
const CLOSER = /^(?:in[ \t]conclusion|in[ \t]summary|to[ \t]conclude|overall|in[ \t]short|thank[ \t]you|thanks|cheers|see[ \t]you|until[ \t]next[ \t]time|stay[ \t](?:tuned|safe)|happy[ \t](?:hacking|coding)|take[ \t]care|(?:best|kind)[ \t]regards)\b|^(?:we|i)[ \t](?:sincerely[ \t])?(?:apologi[sz]e|regret|thank)\b|^this[ \t](?:incident|outage|event|experience)[ \t](?:has[ \t])?(?:underscored|highlighted|demonstrated|showed|shown|taught|reminded|reinforced|emphasi[sz]ed)\b/i;
const REMARK = /\b(?:these|those|the[ \t]above|such|all[ \t]of[ \t]the(?:se)?)[ \t](?:\w+[ \t])?(?:measures|actions|steps|changes|items|improvements|tasks|initiatives|efforts|fixes|areas|recommendations|practices|safeguards|strategies|solutions|precautions)\b/i;

/**
 * A closing remark about the measures as a whole ("By implementing these
 * measures, we aim to…", "In conclusion, …"), not a measure of its own.
 */
function isRemark(text: string): boolean {
  if (PSEUDO_BULLET.test(text)) return false;
  return CLOSER.test(text) || ALL_WELL_NOW.test(text) || RANKS_A_MEASURE.test(text) || (REMARK.test(text) && isStatementOrClause(text));
}
/** "The single highest-leverage fix is #1: …", "The most important one is item 3": a word on the measures, by number. */
const RANKS_A_MEASURE = /^[\s*_]{0,4}the[ \t][^.:!?]{0,60}?\b(?:fix|item|action|measure|step|change|one)[\s*_]{1,4}is[ \t]+(?:item[ \t]+|number[ \t]+|no\.[ \t]?)?#?\d{1,2}\b/i;

/**
 * A statement, or a sentence that opens with a clause ("By implementing…, we…",
 * "…, InnovateCommerce aims to…"): what a remark is written as.
 */
function isStatementOrClause(text: string): boolean {
  return isStatement(text) || /^[^,]{3,80},[ \t]+(?:we|the[ \t]team|our|this|these|it)\b/i.test(text) || NAMED_SUBJECT.test(text);
}

/** "https://github.com/o/r/issues/320", "#320", "o/r#320", "[#320](…)": a list item that only points at an issue or a page. */
const BARE_POINTER = /^<?(?:https?:\/\/\S{1,500}|(?:[\w.-]{1,100}\/[\w.-]{1,100})?#\d{1,9})>?$/;

function isBarePointer(item: ListItem): boolean {
  const head = item.children.length === 1 ? itemHead(item) : undefined;
  return head !== undefined && BARE_POINTER.test(head.text.replace(BULLET, '').trim());
}

/** The addresses a pointer item gives: its links' targets, else its text. */
function pointersOf(item: ListItem): string[] {
  const head = itemHead(item)!;
  const links = head.lines.flatMap((l) => l.links ?? []);
  return links.length > 0 ? links : [head.text.replace(/^<|>$/g, '')];
}

/** The measure a paragraph states before the pointers to its issue: its last line, when it reads as one. */
function pointedMeasure(rows: Row[], group: Group, out: Draft[]): Draft | undefined {
  const row = rows.at(-1);
  if (!row || !/:\s*$/.test(row.text) || isLabelRow(row) || isRemark(row.text)) return undefined;
  const draft = rowDraft(row, group);
  draft.text = draft.text.replace(/:\s*$/, '');
  out.push(draft);
  return draft;
}

function itemHead(item: ListItem): { lines: readonly TextLine[]; text: string } | undefined {
  const first = item.children[0];
  if (first?.type === 'code') return codeAfterMarker(item, first);
  if (!first || (first.type !== 'paragraph' && first.type !== 'heading')) return undefined;
  const lines = phrasingLines(first);
  return { lines, text: lines.map((l) => l.text).join(' ').trim() };
}

/**
 * "1.            Arrange the rewrite of TRS": five or more spaces after the
 * marker make the item's text indented code in CommonMark, though the author
 * only aligned it. One line of prose on the marker's line is the item's text.
 */
function codeAfterMarker(item: ListItem, code: Code): { lines: readonly TextLine[]; text: string } | undefined {
  const start = code.position?.start;
  const text = code.value.trim();
  if (code.lang || !start || start.line !== item.position?.start.line || text.includes('\n') || !/^\p{L}/u.test(text)) return undefined;
  if (/[{}=<>$`|\\]|;$/.test(text) || text.split(/\s+/).length < 3) return undefined;
  return { lines: [{ text, line: start.line, column: start.column }], text };
}

/** A line that stops mid-phrase, on a word that needs what follows. */
const UNFINISHED = /\b(?:to|for|that|which|with|of|and|or|by|will|should|must|can|would|such[ \t]as|including)$/i;

/** A sub-heading of what to watch for among the measures: "### Warning Signs", "Symptoms", "Red flags". */
const SYMPTOMS = /^[\W\d._]{0,8}(?:warning[ \t]+signs|symptoms|red[ \t]+flags|signs[ \t]+to[ \t]+(?:watch|look)[ \t]+(?:for|out[ \t]+for))[\s:]*$/i;

/** A sub-heading telling the story among the measures: "### 4.1 What actually happened (2026-08-13)". */
const HAPPENED = /\bwhat[ \t]+(?:actually[ \t]+|really[ \t]+)?happened\b/i;

/**
 * A sub-heading among the measures over what is none of them: what was tried
 * (TRIED), a choice weighed (OPTION_HEADING), the story (HAPPENED), or what to
 * watch for (SYMPTOMS).
 */
function headsNoMeasures(text: string): boolean {
  return TRIED.test(text) || OPTION_HEADING.test(text) || HAPPENED.test(text) || SYMPTOMS.test(text);
}

/** A sub-heading naming what was tried or looked into: "Other avenues investigated", "What we tried", "Alternatives considered". */
const TRIED = /\b(?:investigated|tried|attempted|explored|considered|ruled[ \t]out|rejected)\b/i;
/**
 * A sub-heading naming one of the choices weighed ("### Option 2: Increase the rate limit", "Alternative B",
 * "Opcja A", "Вариант 2"): a choice, not yet a measure.
 */
const OPTION_HEADING = /^[\W_]{0,4}(?:option|alternative|approach|choice|opci[oó]n|op[cç][aã]o|opzione|opcja|variante?|вариант|se[cç]enek|mo[zž]nost)[ \t]+(?:\d{1,2}|[A-ZА-В])(?![\p{L}\p{N}])/iu;

/**
 * Whether a line announces a list that holds no measures: lessons or reasons ("I learned this:", "Here is why:"),
 * what there was or was found ("There were 2 red herrings:"), how something was ("the chaos monkey was:"), or
 * a comparison of before and after ("Before This Incident:").
 */
function announcesNoMeasures(line: string): boolean {
  return LESSONS_OR_REASONS.test(line) || THINGS_FOUND.test(line) || STATE_DESCRIBED.test(line) || STATE_COMPARED.test(line) || ALREADY_IN_PLACE.test(line) || ADVICE_TO_READERS.test(line);
}

/**
 * A line announcing advice to the report's readers ("Here are a few things you can do to help protect your
 * account:", "We recommend that all users:"): what they may do, not what the team will.
 */
const ADVICE_TO_READERS = /\b(?:things[ \t]+you[ \t]+(?:can|could|should|may|might)|you[ \t]+(?:can|could|should|may|might)[ \t]+(?:do|take)|(?:we[ \t]+)?(?:recommend|encourage|urge|advise)[ \t]+(?:that[ \t]+)?(?:you|all[ \t]+(?:users|customers)|users|customers))\b[^:]{0,120}:$/i;

/**
 * A line announcing what is already in place ("the project already employs several security tools as part of
 * our development process:"): the list says what there is, not what is to be done.
 */
const ALREADY_IN_PLACE = /\balready[ \t]+(?:use[sd]?|employs?|employed|runs?|ran|ha[sd]|have|relies?[ \t]+on|in[ \t]+place)\b(?![^:]{0,160}\b(?:will|going[ \t]to|plan|should|must|need))[^:]{0,160}:$/i;

/** The end of a line announcing lessons or reasons, not measures: "We learned a few things:", "Here is why:". */
const LESSONS_OR_REASONS = /\b(?:learn(?:ed|t)(?:[ \t]+(?:this|that|these|the[ \t]+following|a[ \t]+few[ \t]+things|some[ \t]+things))?|lessons(?:[ \t]+learn(?:ed|t))?|takeaways|why)[ \t]*:$/i;

/**
 * A line announcing what there was or what was found ("There were 2 red herrings:", "We found three gaps:"),
 * unless it speaks of what is to be done ("There are a few things we will change:").
 */
const THINGS_FOUND = /^(?:there[ \t](?:were|was|are|is)|we[ \t](?:found|identified|noticed|saw))\b(?![^:]{0,160}\b(?:will|going[ \t]to|plan|should|must|need|do|change|improve|fix|action|step|measure|recommend))[^:]{0,160}:$/i;

/**
 * A line announcing how something was ("In this case, the chaos monkey was:" over "Informed about beforehand",
 * "Easy to detect"): the list completes a description, unless it speaks of what is to be done.
 */
const STATE_DESCRIBED = /^(?![^:]{0,160}\b(?:will|going[ \t]to|plan|should|must|need|change|improve|fix|action|step|measure|recommend|task|item|follow|todo|next|prevent))[^:]{0,160}\b(?:was|were)[ \t]*:$/i;

/**
 * "Before This Incident:" over how things were, "After:" over how they are now: a comparison of states, not
 * measures ("Before deploying any migration:" and "After Resolution:" say when to act, and stay measures).
 */
const STATE_COMPARED = /^(?:before|after)(?:[ \t]+(?:this|the)[ \t]+(?:incident|outage|change|fix))?[ \t]*:$/i;

/** "should", "must", "shall", "need to" and a verb. */
const OBLIGATION = /\b(?:should|must|shall|needs?[ \t]to|ought[ \t]to)[ \t]{1,3}\p{L}/iu;

/** A sentence that obliges: an obligation and its verb, no colon after them, ended by a full stop. */
function obliges(text: string): boolean {
  const m = OBLIGATION.exec(text);
  return m !== null && /[.!]$/.test(text) && !text.includes(':', m.index);
}

/**
 * A paragraph of one sentence that opens by saying what is to be done, by
 * whom or to what ("All code should be tested before deployment.", "We will
 * install a new monitoring tool…"): a measure, though a statement. Not
 * hindsight ("We should have paged
 * sooner.") or a conditional ("could", "would"), nor a sentence that comes
 * to its "should" after a clause of its own ("Additionally, we should…",
 * "While we were lucky…, we need to…"): that is prose.
 */
function statesAMeasure(text: string): boolean {
  if ((COMMITMENT.test(text) || ASSIGNED_LEAD.test(text)) && /[.!]$/.test(text) && !HINDSIGHT.test(text) && !INTRODUCTION.test(text)) return true;
  const m = OBLIGATION.exec(text);
  if (!m || !obliges(text) || HINDSIGHT.test(text) || INTRODUCTION.test(text)) return false;
  const before = text.slice(0, m.index);
  return !/[,;:]/.test(before) && wordCount(before) <= 4;
}
/** "We will install a monitoring tool that…": what the authors commit to, as the sentence's opening words. */
const COMMITMENT = /^(?:we|the[ \t]team)[ \t]+(?:will|are[ \t]going[ \t]to|plan[ \t]to|intend[ \t]to)[ \t]+\p{L}|^we(?:'|’)ll[ \t]+\p{L}/iu;

/** "should have", "must not have", and the conditional "would", "could". */
const HINDSIGHT = /\b(?:should|must|ought[ \t]to)[ \t]{1,3}(?:have|not[ \t]{1,3}have)\b|\b(?:would|could)\b/i;

/** A sentence that announces the list under it ("… should do the following."). */
const INTRODUCTION = /\b(?:following|below|these|as[ \t]follows)\b/i;

const STATUS_NOTE = /^[([]?(?:done|completed?|fixed|resolved|merged|closed|shipped|wip|in[ \t]progress|todo|to[ \t]do|pending|open|blocked|n\/a)[)\]]?[.!]?$/i;
const REF_NOTE = new RegExp(`^(?:(?:see|ref|refs|fixes|closes|issue|pr|pull[ \\t]request|ticket|bug|jira|link)[ \\t:]{0,3})?(?:${OWNER_AND_NAME})?#\\d{1,9}[.]?$|^(?:[A-Z]{1,10}-\\d{1,6})$|^https?:\\/\\/\\S{1,2000}$`, 'i');

/** A sub-item that only annotates its parent: a link, an issue reference, a status note. */
/**
 * An item that is code and nothing else ("`runs-on: macos-latest`", "`3e5b985` (`fix(ci): …`)"): the command,
 * setting or commit of the measure above it, not a measure of its own.
 */
function isCodeOnly(item: ListItem): boolean {
  const first = item.children[0];
  if (item.children.length !== 1 || first?.type !== 'paragraph') return false;
  const parts = first.children;
  return parts.some((c) => c.type === 'inlineCode') && parts.every((c) => c.type === 'inlineCode' || (c.type === 'text' && /^[\s(),;:.\-–—]*$/.test(c.value)));
}

/** A bold label that names a lesson ("What went well:", "What needs improvement:", "Takeaway:") over text of its own. */
/** An item that opens by saying what the one before means: "In practice this means…", "In other words…", "I.e. …". */
const EXPLAINS = /^(?:in[ \t]practice|in[ \t]other[ \t]words|this[ \t]means|that[ \t](?:is|means)[ \t,]|i\.e\.)/i;

function namesALesson(line: TextLine | undefined): boolean {
  if (line?.lead === undefined || line.allLead) return false;
  // The lessons' own headings name it, as they name a section ("What went well", "Key takeaways").
  const keys = matchHeading(withoutColon(line.lead), DEFAULT_ALIASES, { strict: true });
  return keys.length === 1 && keys[0] === 'lessons-learned';
}

function isNote(item: ListItem): boolean {
  if (isCodeOnly(item)) return true;
  const head = itemHead(item);
  if (!head || item.children.some((c) => c.type === 'list')) return false;
  const text = head.text.replace(EMOJI_BULLET, '').trim();
  if (STATUS_NOTE.test(text) || REF_NOTE.test(text)) return true;
  const links = head.lines.flatMap((l) => l.links ?? []);
  return links.length > 0 && wordCount(text) <= 4;
}

/**
 * A list item whose children are the measures: a label ("**Corrective:**",
 * "Look deeper into whether we could:"), or a bare unnumbered line over a
 * list of measures. A numbered item, a titled one ("**Title**" with a
 * description), and one whose children only annotate it are measures.
 */
function isLabelItem(item: ListItem, list: List, head: { lines: readonly TextLine[]; text: string } | undefined, nested: List[]): boolean {
  const ordered = list.ordered === true;
  if (nested.length === 0 || nested.every((n) => n.children.every(isNote))) return false;
  if (!head || head.text === '') return true;
  // "- [ ] Create automated CI/CD pipeline that:" over plain items of what it does: one task, boxed as one.
  if (typeof item.checked === 'boolean' && !head.lines[0].allLead && wordCount(head.text) >= 4 && nested.every((n) => n.children.every((c) => typeof c.checked !== 'boolean'))) return false;
  if (item.children.filter((c) => c.type === 'paragraph').length > 1) return false;
  // "[Migrate the stack into Pulumi](…/issues/1886)" over why: a measure tracked by its issue, what follows its details.
  if (isIssueLinkTitle(item)) return false;
  if (head.lines.length > 1) return introducesUnderLabel(head.lines);
  const line = head.lines[0];
  // "Add integration tests for the lookup covering:" over the cases: a measure that lists its details.
  if (DETAILS_ASKED.test(line.text) && wordCount(line.text) >= 4 && !line.allLead) return false;
  // "Improve alerting via Datadog. We … will add alerts on:" over one short item ("Network packets, CPU, disk space"):
  // a measure stated in a sentence of its own, whose one child finishes what its last sentence announces.
  if (/:$/.test(line.text) && SENTENCE_END_INSIDE.test(line.text) && finishesItsParent(nested)) return false;
  if (/:$/.test(line.text) || (line.allLead && /:$/.test(line.lead ?? ''))) return true;
  // A phrase its children finish ("encourage authors to", "We will:"): the children are the measures.
  if (UNFINISHED.test(line.text)) return true;
  // A finished sentence of who should do what ("Maintainers should enable 2FA."): a measure its children detail.
  if (obliges(line.text) && !INTRODUCTION.test(line.text)) return false;
  // A measure over the names of its parts ("Communication process for blockers" over "twitter", "mailing list", "blog").
  if (wordCount(line.text) >= 4 && nested.every((n) => n.children.every(namesAPart))) return false;
  // "1. **Enhance Monitoring Suite**" over "- **Description:** Implement deeper route monitoring…": the title is the
  // measure, and what is under it are its fields.
  if (nested.every((n) => n.children.every(givesAField))) return false;
  // "Hypha to coordinate 9-10 am for Wednesday Feb 12" over "22.1.0 will contain comet and wasmvm patches": a task
  // assigned to its owner, with a statement on it; tasks under it ("ICL to build 22.0.3") would be the measures.
  if (ASSIGNED_TASK.test(line.text) && nested.every((n) => n.children.every(statesANote))) return false;
  // "1. **Simulator load handling**" over one sentence, "- Run stress tests of the simulator": a numbered topic over
  // the measure it holds. Over several ("1. **Trust GitHub releases**" over what that means) the title is the measure.
  if (ordered && line.allLead && !/[.!?]$/.test(line.text) && wordCount(line.text) <= 6) {
    if (nested.length === 1 && nested[0].children.length === 1) return isSentenceItem(nested[0].children[0]);
    // "1. **Secrets Management**" over "- Evaluate 1Password/Vault for team secrets", "- Implement secret rotation
    // policy (90 days)": a topic over the tasks it groups. Over what the title means ("The VERSION file may be out of
    // sync for a while") the title is the measure, as it is in a list of titles that say what to do ("1. **Enable
    // GitHub Secret Scanning**" over the steps to it, "2. **Install Pre-commit Hooks**", "4. **Final Audit**").
    return groupsTasks(nested) && !titlesAct(list);
  }
  // "1. **Pre-commit Hooks** (Priority: HIGH)" over its tasks: the same, with an aside.
  if (ordered && line.lead && !line.allLead && afterLead(line) === '' && wordCount(line.lead) <= 6 && !/[.!?]$/.test(line.lead) && groupsTasks(nested)) return !titlesAct(list);
  return !ordered && line.text.length <= 120;
}

/** Names of the fields that describe a measure, beside a measure's own fields (owner, due date, status…). */
const DESCRIBING_FIELD = /^(?:description|details?|summary|rationale|reason|why|context|notes?|explanation|goal|purpose|background|scope|descripci[oó]n|descri[cç][aã]o|beschreibung)$/i;

/** A sub-item that gives one field of its parent ("**Description:** …", "Owner: @ana"), not a measure of its own. */
function givesAField(item: ListItem): boolean {
  const field = fieldOf(item);
  return field !== undefined && field.value !== '' && (DESCRIBING_FIELD.test(field.name) || measureField(field.name) !== undefined);
}

/** Verbs a measure's title opens with when it says what to do ("Enable GitHub Secret Scanning", "Install Pre-commit Hooks"). */
const TITLE_VERB = new Set(
  ('add adopt alert align allow analyse analyze apply archive assign audit automate avoid back block build cap change check clarify clean ' +
    'communicate configure confirm consolidate create define delete deploy deprecate design detect disable document drop educate enable ' +
    'enforce ensure establish evaluate expand explore extend fix follow harden implement improve increase install integrate introduce ' +
    'investigate isolate keep limit lower make migrate monitor move notify optimise optimize patch pin plan prevent prioritise prioritize ' +
    'protect provide publish raise reduce refactor remove rename replace report require research restrict restore review revoke rewrite ' +
    'rotate run scale schedule separate set share simplify split standardise standardize start stop store streamline switch test track ' +
    'train trust tune update upgrade use validate verify write')
    .split(' '),
);
/** Verbs a task opens with, beside a title's ("Never apply to all nodes", "Alert on PVC deletions"). */
const TASK_VERB = new Set([...TITLE_VERB, 'never', 'always', 'alert', 'promote', 'require', 'ban', 'use', 'export', 'redeploy', 'reconfigure']);

const titledActs = new WeakMap<List, boolean>();

/** Whether most of a list's items are titled with what to do: then each title is the measure and its list the steps. */
function titlesAct(list: List): boolean {
  let known = titledActs.get(list);
  if (known === undefined) {
    const acting = list.children.filter((item) => {
      const lead = itemHead(item)?.lines[0].lead;
      return lead !== undefined && TITLE_VERB.has(/^\p{L}+/u.exec(lead)?.[0].toLowerCase() ?? '');
    });
    known = acting.length * 2 > list.children.length;
    titledActs.set(list, known);
  }
  return known;
}

/** An item that names a thing by its article ("The size of…", "A cache of…"), not a measure's verb. */
const NAMED_THING = /^[\s*_]{0,4}(?:the|a|an)[ \t]/i;

/**
 * Items that each name a thing ("The size of an individual manifest entry,"),
 * all but the last ending in a comma or semicolon: one sentence run over a list.
 */
function namesThingsInOneSentence(list: List): boolean {
  const heads = list.children.map((item) => itemHead(item)?.text.trim() ?? '');
  if (heads.length < 2 || !heads.every((h) => NAMED_THING.test(h))) return false;
  return heads.slice(0, -1).every((h) => /[,;](?:[ \t]+(?:and|or))?$/.test(h));
}

/** Two or more short items, none a statement nor a list of its own, not all names of parts ("Node metrics"): tasks, each a measure. */
function groupsTasks(nested: List[]): boolean {
  const children = nested.flatMap((n) => n.children);
  return children.length >= 2 && !children.every(namesAPart) && children.every((c) => {
    const head = itemHead(c);
    return head !== undefined && !c.children.some((x) => x.type === 'list') && wordCount(head.text) <= 14 && !isStatementOrClause(head.text) && !SENTENCE_END_INSIDE.test(head.text);
  });
}

/** An item whose head is one link to an issue, its text naming the work in three words or more. */
function isIssueLinkTitle(item: ListItem): boolean {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return false;
  const parts = first.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const link = parts[0];
  return parts.length === 1 && link.type === 'link' && TRACKER_URL.test(link.url) && wordCount(plainText(link)) >= 3;
}

/** A child item that is a sentence of its own (at least five words), not the name of a part. */
function isSentenceItem(item: ListItem): boolean {
  const head = itemHead(item);
  return head !== undefined && wordCount(head.text) >= 5 && !namesAPart(item);
}

/** "Hypha to coordinate …", "ICL will build 22.0.3": a task and who does it, a name before "to" or "will" and the verb. */
const ASSIGNED_TASK = /^[@\p{Lu}][\p{L}\p{N}._-]{1,30}(?:[ \t]+(?:and|&|\/)[ \t]+[@\p{Lu}][\p{L}\p{N}._-]{1,30})?[ \t]+(?:to|will)[ \t]+\p{Ll}{2,}/u;

/** An item that states something (a sentence with its verb) and assigns nothing: a note on the item above it. */
function statesANote(item: ListItem): boolean {
  const head = itemHead(item);
  return head !== undefined && item.children.length === 1 && !ASSIGNED_TASK.test(head.text) && isStatement(head.text);
}

/** One short item and nothing under it, no sentence of its own: the end of its parent's sentence, not a measure. */
function finishesItsParent(nested: List[]): boolean {
  if (nested.length !== 1 || nested[0].children.length !== 1) return false;
  const only = nested[0].children[0];
  const head = itemHead(only);
  return head !== undefined && only.children.length === 1 && wordCount(head.text) <= 8 && !/[.!?]$/.test(head.text.trim()) && !only.checked;
}

/** The bold title of an item written "**Title**:" with nothing after it but a parenthetical ("(in development)"). */
function bareTitle(head: { lines: readonly TextLine[]; text: string }): string | undefined {
  const line = head.lines[0];
  if (head.lines.length !== 1 || !line.lead) return undefined;
  return /^[:\-–—]?$/.test(afterLead(line)) && /\p{L}/u.test(line.lead) ? withoutColon(line.lead) : undefined;
}

/** A label or title without the colon and spaces that end it ("Short term:" reads "Short term"). */
function withoutColon(text: string): string {
  return text.replace(/(?<![\s:])[\s:]+$/, '');
}

/** What a line says after its bold lead, without parenthetical notes ("(in development)", "(shipped, #67)"). */
function afterLead(line: TextLine): string {
  const lead = line.lead ?? '';
  return line.text.slice(line.text.indexOf(lead) + lead.length).replace(/\([^()]{0,60}\)/g, '').trim();
}

/** Words of a group label, not of a measure's title: "Specific tasks:", "Short term:", "Task list:". */
const GROUP_TITLE = /\b(?:tasks?|items?|actions?|steps?|measures?|improvements?|list|todos?|follow[ -]?ups?|term|immediate|next|later|done|completed|planned|ongoing|pending)\b/i;

/**
 * An item titled "**Title**:" over a list, in a list whose other items are
 * titled measures ("**Redundancy**: Two monitoring paths…"): a measure of the
 * same form whose list gives its parts, not a label over measures.
 */
function titledLikeSiblings(item: ListItem, head: { lines: readonly TextLine[]; text: string }, list: List): boolean {
  const title = bareTitle(head);
  if (!title || GROUP_TITLE.test(title) || kindOf(title) !== undefined) return false;
  return list.children.some((sibling) => {
    if (sibling === item || sibling.children.some((c) => c.type === 'list')) return false;
    const h = itemHead(sibling);
    const lead = h?.lines[0].lead;
    return h !== undefined && lead !== undefined && bareTitle(h) === undefined && wordCount(h.text) - wordCount(lead) >= 3;
  });
}

/** A sub-item of one to three words and nothing under it: a name, not a measure of its own. */
function namesAPart(item: ListItem): boolean {
  const head = itemHead(item);
  return head !== undefined && item.children.length === 1 && wordCount(head.text) <= 3;
}

/**
 * Whether `nested` (a list under `item`) starts in the column of the markers
 * of `item`'s siblings, right of `item`'s own marker: "  - a", "- b",
 * "  - c" is one list of three measures whose second line lost its indent,
 * not "b" with "c" under it.
 */
function indentedAsSiblings(nested: List, item: ListItem, list: List): boolean {
  const column = nested.position?.start.column;
  const own = item.position?.start.column;
  if (column === undefined || own === undefined || column <= own || nested.ordered !== list.ordered) return false;
  return list.children.some((sibling) => sibling !== item && sibling.position?.start.column === column);
}

function fromList(list: List, group: Group, out: Draft[], depth: number): void {
  for (const item of list.children) {
    if (out.length >= MAX_ITEMS) return;
    const head = itemHead(item);
    const nested = item.children.filter((c): c is List => c.type === 'list');
    // A list under an item indented as far as the item's own siblings: the same list, written unevenly.
    const unevenly = nested.filter((n) => indentedAsSiblings(n, item, list));
    if (unevenly.length > 0 && head && head.text !== '' && depth < MAX_DEPTH) {
      out.push(itemDraft(item, titledRuns(head)[0], nested.filter((n) => !unevenly.includes(n)), group));
      for (const n of unevenly) fromList(n, group, out, depth + 1);
      continue;
    }
    // "1. **Dual monitoring system**:" over its parts, among "2. **Redundancy**: Two paths…": a measure titled as its siblings are.
    if (head && nested.length > 0 && titledLikeSiblings(item, head, list)) {
      out.push(itemDraft(item, head, nested, group));
      continue;
    }
    if (isLabelItem(item, list, head, nested) && depth < MAX_DEPTH) {
      const label = head && head.text ? withoutColon(head.lines[0].lead ?? head.text) : undefined;
      const child = label ? groupOf(label, group) : group;
      for (const n of nested) fromList(n, child, out, depth + 1);
      continue;
    }
    if (!head || head.text === '') continue;
    // "**What went well:** The load balancer held" beside the measures of a "Lessons Learned & Action Items" section.
    if (namesALesson(head.lines[0])) continue;
    // One bare word ("staticshare", a record's name) names a thing; a measure says what to do. A link is a measure's issue.
    // Chinese and Japanese write a whole measure without a space ("修复所有纹理加载问题"): no bare word.
    if (nested.length === 0 && isBareWord(head.text.replace(EMOJI_BULLET, '').trim())) continue;
    // "In practice this means all the existing queues are temporary…": what the measure before it means, not one.
    if (nested.length === 0 && EXPLAINS.test(head.text)) continue;
    // "For now all is ok, everything is working…" closing the list: a word on how things stand, not a measure.
    if (nested.length === 0 && list.children.length >= 2 && item === list.children.at(-1) && ALL_WELL_NOW.test(head.text)) continue;
    const labelled = nested.length === 0 && !titlesWithDescriptions(list) ? labelOverLines(head) : undefined;
    if (labelled) {
      const child = groupOf(labelled.label, group);
      fromRows(labelled.rows, child, child, 'lined', out);
      continue;
    }
    // A task-list item is one task, whatever titled lines its text runs on to ("- [x] **Decision taken**: … **Confirmed by support**: …").
    const [own, ...lazy] = typeof item.checked === 'boolean' ? [head] : titledRuns(head);
    const draft = itemDraft(item, own, nested, group);
    // "- **Owner:** @ops" under "1. **Enhance Monitoring Suite**": a field of the measure, as a table's column is.
    for (const n of nested) if (n.children.every(givesAField)) for (const c of n.children) takeField(fieldOf(c), draft);
    out.push(draft);
    // Lines written flush under a "Title: text" item in the same form are measures whose bullet was left out.
    for (const run of lazy) out.push(itemDraft({ ...item, checked: null, children: [] }, run, [], group));
  }
}

/**
 * An item's head cut where a line opens in the item's own "Title: text" form
 * ("+ Encryption: …" then "Audits: …" written without its bullet); one run
 * for an item written otherwise.
 */
function titledRuns(head: { lines: readonly TextLine[]; text: string }): Array<{ lines: readonly TextLine[]; text: string }> {
  if (head.lines.length < 2 || !TITLE_OPENING.test(head.lines[0].text)) return [head];
  const runs: TextLine[][] = [];
  for (const line of head.lines) {
    if (runs.length === 0 || (TITLE_OPENING.test(line.text) && SENTENCE_END.test(runs[runs.length - 1].at(-1)!.text))) runs.push([line]);
    else runs[runs.length - 1].push(line);
  }
  return runs.map((lines) => ({ lines, text: lines.map((l) => l.text).join(' ').trim() }));
}

/**
 * A list item whose first line is a label and whose next lines are measures
 * of their own ("* **Improvements:**" over lines written flush under it,
 * "1. Testing:" over "— Add tests" lines): the label groups the lines.
 */
/**
 * "**Improvements**:" over "…Moving forward, we will:": a label whose text
 * ends by introducing the list nested under it. A measure detailed by its list
 * opens with what to do, not with a label alone on its line.
 */
function introducesUnderLabel(lines: readonly TextLine[]): boolean {
  const first = lines[0];
  const last = lines[lines.length - 1];
  return /:$/.test(first.text) && wordCount(first.text) <= 6 && !isStatement(first.text) && /:$/.test(last.text);
}

const describedTitles = new WeakMap<List, boolean>();

/**
 * Items that are mostly a title line over one line of description ("✅ Done -
 * Verification of access:" over "CloudTrail logs were reviewed…"): titled
 * measures, so one whose description runs on two lines is one measure too,
 * not a label over two.
 */
function titlesWithDescriptions(list: List): boolean {
  let known = describedTitles.get(list);
  if (known === undefined) {
    const titled = list.children.map(itemHead).filter((h) => h !== undefined && h.lines.length >= 2 && /:$/.test(h.lines[0].text.trim()));
    const single = titled.filter((h) => h!.lines.length === 2).length;
    known = titled.length >= 3 && single * 2 > titled.length && titled.length * 2 > list.children.length;
    describedTitles.set(list, known);
  }
  return known;
}

function labelOverLines(head: { lines: readonly TextLine[] }): { label: string; rows: Row[] } | undefined {
  const [first, ...rest] = head.lines;
  if (rest.length < 2) return undefined;
  const label = first.allLead && first.lead ? first.lead : first.text;
  if (!/:$/.test(label.trim()) || wordCount(label) > 6 || isStatement(label)) return undefined;
  const rows = toRows(rest, true);
  return rows.length >= 2 ? { label: withoutColon(label), rows } : undefined;
}

/** Scripts written without spaces between words. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function isBareWord(text: string): boolean {
  return /^[\p{L}\p{N}_.-]+$/u.test(text) && !UNSPACED_SCRIPT.test(text);
}

function itemDraft(item: ListItem, head: { lines: readonly TextLine[]; text: string }, nested: List[], group: Group): Draft {
  const first = head.lines[0];
  const notes = nested.flatMap((n) => n.children.filter(isNote));
  const noteText = notes.map((n) => itemHead(n)?.text ?? '').join(' ');
  const paragraphLines = item.children.flatMap((c) => (c.type === 'paragraph' ? phrasingLines(c) : []));
  const noteLines = notes.flatMap((n) => n.children.flatMap((c) => (c.type === 'paragraph' ? phrasingLines(c) : [])));
  const comments = head.lines.flatMap((l) => l.comments ?? []);
  // Links anywhere in the item's own paragraphs or its notes ("… [issue](https://github.com/o/r/issues/9).").
  const links = [...paragraphLines, ...noteLines].flatMap((l) => l.links ?? []);
  // "**Test the negative.** *(shipped)*" over its description: the bold words title it as a whole bold line would.
  const noted = first.allLead !== true && first.lead !== undefined && /\p{L}/u.test(first.lead) && /^[:\-–—.]?$/.test(afterLead(first));
  const titled = (first.allLead === true || noted) && (head.lines.length > 1 || paragraphLines.length > head.lines.length);
  const text = head.text.replace(EMOJI_BULLET, '');
  // The item's later paragraphs ("**Add tests**", a blank line, what to test): its description, for its issue.
  const later = item.children.filter((c): c is Paragraph => c.type === 'paragraph' && c !== item.children[0]).map((c) => phrasingLines(c).map((l) => l.text).join(' ').trim());
  return {
    text: noteText && STATUS_NOTE.test(noteText.trim()) ? `${text} (${noteText.trim()})` : text,
    more: later.filter(Boolean).join(' ') || undefined,
    title: titled ? (noted ? withoutColon(first.lead!) : first.text) : undefined,
    line: first.line,
    column: item.position?.start.column ?? first.column,
    kind: group.kind,
    group: group.label,
    done: group.done || item.checked === true || DONE_MARK.test(head.text) || head.lines.every((l) => l.struck),
    comments: comments.length > 0 ? comments : undefined,
    links: links.length > 0 ? links : undefined,
    titled,
  };
}

/**
 * The parts of a measure a table's column or a list's field may be named for,
 * in English and in the other languages postmortems are written in ("措施 |
 * 担当 | 期限 | ステータス", "Acción | Responsable | Fecha").
 */
const COLUMNS: Array<[string, RegExp]> = [
  // "Action", "Actions", "Mitigation Action", "Corrective actions", "Recommendation": the measure itself.
  ['title', /^(?:(?:(?:corrective|preventive|preventative|mitigation|remediation|follow[\s-]?up|proposed|recommended|planned)\s)?(?:actions?(?:\s?items?)?|items?|tasks?|descriptions?|what|measures?|follow[\s-]?ups?|remediations?|recommendations?|to\s?do|do(?:\s+instead)?|instead)|措施|对策|對策|対策|行动项?|行動項?|事项|事項|任务|任務|アクション|施策|조치(?:[ ]?사항)?|액션|acci[oó]n(?:es)?|a[cç](?:[aã]o|[oõ]es)|medidas?|tareas?|tarefas?|mesures?|ma(?:ß|ss)nahmen?|aufgaben?|azion[ei]|misur[ae])$/i],
  ['owner', /^(?:owners?|assignees?|assigned(?:\s?to)?|who|responsible|dri|负责人|負責人|责任人|責任人|担当者?|責任者|담당자?|책임자|responsables?|respons[aá]vel|verantwortlich(?:e[rn]?)?|zust[aä]ndig(?:keit)?|propietario|propri[ée]taire|referente)$/i],
  ['due', /^(?:due(?:\s?date)?|deadline|eta|target(?:\s?date)?|when|by|期限|截止(?:日期|时间|時間)?|完成时间|完成時間|期日|予定日?|기한|마감일?|fecha(?:[ \t]l[ií]mite)?|plazo|prazo|[ée]ch[ée]ance|frist|f[aä]llig(?:keit)?|termin|scadenza)$/i],
  ['priority', /^(?:priority|prio|severity|p|优先级|優先級|優先度|優先順位|우선순위|prioridad|prioridade|priorit[ée]|priorit[äa]t)$/i],
  ['type', /^(?:type|kind|category|class|类型|類型|类别|類別|种类|種類|種別|分类|分類|区分|カテゴリー?|유형|분류|종류|tipo|cat[ée]gorie|categor[ií]a|kategorie|typ)$/i],
  ['issue', /^(?:issues?|tickets?|bugs?|links?|tracking|jira|references?|チケット|工单|工單|티켓)$/i],
  ['status', STATUS_COLUMN],
  ['repo', /^(?:repo(?:sitory)?|(?:target|service)\s?repo(?:sitory)?)$/i],
];

/** The short values in the cells of the section's tables ("Prevent", "P1", "DONE"), lower-cased. */
function shortCellValues(all: Unit[]): Set<string> {
  const values = new Set<string>();
  for (const u of all) {
    if (u.kind !== 'block' || u.element.node.type !== 'table') continue;
    for (const row of u.element.node.children.slice(1)) {
      for (const cell of rowCells(row)) {
        const text = cell.text.trim().toLowerCase();
        if (text && text.length <= 24) values.add(text);
      }
    }
  }
  return values;
}

const LEGEND_TERM = /^([^\s:–—-]{1,24}(?:[ \t][^\s:–—-]{1,24})?)[ \t]{0,3}(?:[:–—]|[ \t]-)[ \t]/;

/** A list of two or more items, each defining a value the tables use ("Prevent - Prevent similar issues from occurring."). */
function isLegend(list: List, values: ReadonlySet<string>): boolean {
  if (values.size === 0 || list.children.length < 2) return false;
  return list.children.every((item) => {
    const term = LEGEND_TERM.exec(itemHead(item)?.text ?? '')?.[1];
    return term !== undefined && values.has(term.toLowerCase());
  });
}

/** A header cell that names the measures themselves: "Action item", "Follow-ups", "Corrective action". */
const MEASURES_COLUMN = /^(?:action[ \t]?items?|follow[ \t-]?ups?|follow[ \t-]?up[ \t]actions?|corrective[ \t]actions?|preventi(?:ve|ative)[ \t]actions?|remediation[ \t]items?)$/i;

/** Whether a table's header names a column of measures, wherever the table stands. */
export function namesMeasures(table: Table): boolean {
  const header = table.children[0];
  return header !== undefined && rowCells(header).some((c) => MEASURES_COLUMN.test(c.text.trim()));
}

function fromTable(table: Table, group: Group, out: Draft[]): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  // "✅ Do Instead", "❌ Don't": a header's words, after its marks.
  const names = rowCells(header).map((c) => c.text.trim().replace(/^[^\p{L}\p{N}]+/u, ''));
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    for (const [field, re] of COLUMNS) if (!index.has(field) && re.test(name)) index.set(field, i);
  });
  // Without a column named for the measure, the first column whose rows read as sentences ("No. | Tindakan Perbaikan | …").
  // "Item | Action | Owner" over "1 | Add alerts | …": a column named for the measure that only counts them leaves it to the next.
  const named = names.flatMap((name, i) => (columnOf(name) === 'title' ? [i] : []));
  const worded = named.find((i) => rows.some((row) => /\p{L}/u.test(rowCells(row)[i]?.text ?? '')));
  const titleAt = worded ?? index.get('title') ?? Math.max(0, names.findIndex((_, i) => rows.some((row) => wordCount(rowCells(row)[i]?.text ?? '') >= 3)));
  // A table whose columns name no part of a measure lists data ("type | name" of DNS records), unless its rows read as sentences.
  const partNamed = [...index.keys()].some((field) => field !== 'type');
  if (!partNamed && !rows.some((row) => wordCount(rowCells(row)[titleAt]?.text ?? '') >= 3)) return;
  let previous: Draft | undefined;
  let previousCut = false;
  for (const row of rows) {
    if (out.length >= MAX_ITEMS) return;
    const cells = rowCells(row);
    const cell = (field: string) => {
      const i = index.get(field);
      return i === undefined ? undefined : cells[i]?.text.trim() || undefined;
    };
    const title = cells[titleAt]?.text.trim();
    if (!title) continue;
    // A row that goes on in lower case where the row above stopped mid-sentence is that row, wrapped by hand: the
    // row above stopped before its other cells. Below a row with an owner or a state, a row in lower case is a
    // measure of its own.
    if (previous && previousCut && /^\p{Ll}/u.test(title) && !SENTENCE_END.test(previous.text)) {
      previous.text += ' ' + title;
      continue;
    }
    const status = [cell('status'), cell('issue')].filter(Boolean).join(' ');
    const type = cell('type');
    const owner = cell('owner');
    previous = {
      text: title,
      line: row.position?.start.line ?? 1,
      column: cells[titleAt]?.column ?? 1,
      kind: type !== undefined ? typeKind(type) ?? 'other' : group.kind,
      group: group.label,
      done: group.done || saysDone(status),
      owner: ownerIn(owner),
      due: cell('due'),
      priority: cell('priority'),
      issue: cell('issue'),
      repo: cell('repo'),
    };
    previousCut = cells.every((c, i) => i === titleAt || c.text.trim() === '');
    out.push(previous);
  }
}
