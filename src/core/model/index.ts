/**
 * From syntax tree to model, once. Rules read the model this returns.
 */
import type { Root } from 'mdast';
import type { PostmortemModel, Section, SectionKey, TimelineEntry, WindowPoint } from '../types.js';
import type { AliasTable } from './aliases.js';
import { namesMeasures, readActionItems } from './action-items.js';
import { markdownBetweenRules, readFrontMatter, type YamlLibrary } from './frontmatter.js';
import { linesOfElements, tableFieldLines } from './lines.js';
import { buildStructure, ownElements, paragraphText, parseMarkdownAt, type Element, type Structure } from './structure.js';
import { plainText, type TextLine } from './text.js';
import { readStatusUpdates, readTimeline, timeLedUnderHeadings, type ImpactMarkers } from './timeline.js';
import { isWindowFieldHeading, readWindow } from './window.js';
import { readCourse } from './course.js';
import { readMentions } from './mentions.js';
import { DAY_MS, scanTimes } from '../time/index.js';

export interface ModelOptions {
  aliases: AliasTable;
  /** Zone for documents that state none (config `timezone`). */
  defaultZone?: string;
  /** Force reading "04-12-2022" day first (true) or month first (false); undefined guesses from the zone. */
  dayFirst?: boolean;
  /** The `yaml` library, needed only for a document with YAML front matter (see frontmatter.ts). */
  yaml?: YamlLibrary;
}

export interface BuiltModel {
  model: PostmortemModel;
  structure: Structure;
  /** Whether the document itself states a time zone anywhere (not the config's default). */
  zoneStated: boolean;
}

const WINDOW_KEYS: SectionKey[] = ['summary', 'impact'];
/** Headings of the incident's date or window ("Date", "When", "Duration", "Outage window"), whatever section they sit in. */
const DATE_HEADINGS = /^(?:date|dates|incident date|when|date of incident|occurred|duration|downtime|(?:incident|outage)[ \t]+(?:duration|window|period)|time[ \t]+window)$/i;

export function buildModel(path: string, parsed: Root, lineCount: number, options: ModelOptions): BuiltModel {
  const opening = markdownBetweenRules(parsed, options.yaml);
  const root: Root = opening ? { ...parsed, children: [...parseMarkdownAt(opening.text, opening.line, 0), ...parsed.children.slice(1)] } : parsed;
  const frontMatter = readFrontMatter(root, options.yaml);
  const structure = buildStructure(root, options.aliases, lineCount);
  const { elements, sections, owner } = structure;

  const ownedBy = (keys: SectionKey[]): Element[][] => {
    const groups: Element[][] = [];
    sections.forEach((s, index) => {
      if (!s.keys.some((k) => keys.includes(k))) return;
      const own = ownElements(structure, index);
      if (own.length > 0) groups.push(own);
    });
    return groups;
  };

  // Title: front matter, else the first h1 that is not a section, else the first line before any section.
  let title: string | null = null;
  let titleLine: number | null = null;
  const fmTitle = frontMatter?.data?.title;
  if (typeof fmTitle === 'string' && fmTitle.trim()) {
    title = fmTitle.trim();
    titleLine = frontMatter!.keyLines.title ?? frontMatter!.line;
  } else {
    const h1 = sections.find((s) => s.level === 1 && s.keys.length === 0);
    const firstKeyed = sections.find((s) => s.keys.length > 0);
    if (h1 && (!firstKeyed || h1.line <= firstKeyed.line)) {
      title = h1.heading;
      titleLine = h1.line;
    } else {
      const first = elements.find((e) => e.kind === 'line' || e.kind === 'heading');
      const text = first?.kind === 'line' ? first.line.text : first?.kind === 'heading' ? first.text : undefined;
      const line = first?.kind === 'line' ? first.line.line : first?.kind === 'heading' ? first.line : undefined;
      if (text && line !== undefined && (!firstKeyed || line < firstKeyed.line) && text.length <= 200) {
        title = text;
        titleLine = line;
      }
    }
  }

  // Lines that state the window: summary and impact sections, a "Date" section, and the text before the first section.
  const firstKeyedIndex = structure.sectionElement.find((_, s) => sections[s].keys.length > 0) ?? elements.length;
  const intro = elements.slice(0, firstKeyedIndex).filter((e) => e.kind !== 'heading');
  const dateSections = sections
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => DATE_HEADINGS.test(s.heading.replace(/(?<![:\s])[:\s]+$/, '')))
    .map(({ i }) => {
      const start = structure.sectionElement[i] + 1;
      const end = structure.sectionElement[i + 1] ?? elements.length;
      return elements.slice(start, end);
    });
  const toml = tomlFrontMatter(elements);
  const windowElements = [...intro, ...dateSections.flat(), ...ownedBy(WINDOW_KEYS).flat()];
  // Metadata tables ("| Start Time (UTC) | 10:00 |") read as labelled fields.
  const tableFields = windowElements.flatMap((e) => (e.kind === 'block' && e.node.type === 'table' ? tableFieldLines(e.node) : []));
  // A window field written as a heading ("# Outage Duration: … 01:00 AM - … 03:30 AM (UTC)") is read as the field it is.
  const headingFields = elements.flatMap((e) => (e.kind === 'heading' && isWindowFieldHeading(e.text) ? [{ text: e.text, line: e.line, column: e.column }] : []));
  const summaryLines = [...linesOfElements(windowElements), ...tableFields, ...headingFields].filter((l) => !toml.lines.has(l.line));
  // Zone statements may sit in headings too ("### Timeline (all times PST)").
  const allLines: TextLine[] = [...linesOfElements(elements), ...elements.flatMap((e) => (e.kind === 'heading' ? [{ text: e.text, line: e.line, column: e.column }] : []))];
  const dateLines: TextLine[] = [];
  if (toml.title) dateLines.push(toml.title);
  if (title && titleLine !== null) dateLines.push({ text: title, line: titleLine, column: 1 });

  const timelineGroups = ownedBy(['timeline']).map((group) =>
    group.filter((e) => !(e.kind === 'heading' && e.section !== undefined && sections[e.section].keys.length > 0)),
  );
  const timelineElements = timelineGroups.flat();
  // "## Timeline" over a fenced block (an ASCII chart of the times): the timeline is written inside it.
  const openingFences = new Set(timelineGroups.flatMap((group) => (group[0]?.kind === 'block' && group[0].node.type === 'code' ? [group[0]] : [])));
  const window = readWindow({
    frontMatter,
    summaryLines: summaryLines.sort((a, b) => a.line - b.line),
    allLines,
    dateLines,
    fieldLines: timelineElements.flatMap((e) => (e.kind === 'line' ? [e.line] : [])),
    path,
    timelineZone: majorityZone(linesOfElements(timelineElements).concat(
      timelineElements.flatMap((e) => (e.kind === 'heading' ? [{ text: e.text, line: e.line, column: e.column }] : [])),
    )),
    defaultZone: options.defaultZone,
    dayFirst: options.dayFirst,
  });
  const read = new Set<Element>();
  const timeline = buildTimeline(structure, timelineElements, window, read, openingFences);

  const actionSections = ownedBy(['action-items']);
  const actionItems = readActionItems({
    // Only a document without an action-items section keeps its measures in a loose table; else a table elsewhere recaps them.
    sections:
      actionSections.length > 0
        ? actionSections
        : [...looseActionTables(elements, timelineElements).map((table) => [table]), ...announcedMeasures(elements, timelineElements), ...actionPoints(elements, timelineElements)],
    date: window.incident.date,
    dayFirst: window.dayFirst,
    plainText: !structure.markdown,
  });

  const zoneStated = window.zoneWritten;

  const model: PostmortemModel = {
    path,
    title,
    titleLine,
    frontMatter,
    sections,
    incident: window.incident,
    timeline,
    course: readCourse(timeline),
    mentions: readMentions({
      lines: proseLines(structure, read),
      timeline,
      ctx: { date: window.incident.date, zone: window.incident.timezone?.zone },
      dayFirst: window.dayFirst,
      windowLines: new Set([window.incident.start?.line, window.incident.end?.line].filter((l): l is number => l !== undefined)),
    }),
    actionItems,
    lineCount,
  };
  return { model, structure, zoneStated };
}

/**
 * Tables of measures in a document without an action-items section, named so
 * by their header ("| Action Item | Type | Owner |" under the summary's
 * fields, with no heading of their own): their rows are measures all the same.
 */
function looseActionTables(elements: Element[], timeline: Element[]): Element[] {
  const taken = new Set(timeline);
  return elements.filter((e) => e.kind === 'block' && e.node.type === 'table' && !taken.has(e) && namesMeasures(e.node));
}

/**
 * A line that announces what will be done, with the list it introduces
 * ("Here is a list of the actions we will take from this learning
 * experience:", "Their published future plans include:", "Some possible
 * actions in the future:", "To prevent similar issues:").
 */
const ANNOUNCES_MEASURES =
  /(?:\b(?:actions?|steps|measures|changes|improvements|plans?|follow[ \t-]?ups?)\b[^:]{0,60}?\b(?:we(?:[ \t]will|'ll|’ll|[ \t]are[ \t]going[ \t]to|[ \t]plan[ \t]to|[ \t]intend[ \t]to)|to[ \t]be[ \t]taken|include)|\b(?:respective|following|future|planned|corrective|preventive|preventative)[ \t](?:actions?|steps|measures)[ \t](?:are|include)|\b(?:possible|potential|proposed|suggested)[ \t](?:future[ \t])?(?:actions?|steps|measures|improvements)(?:[ \t](?:in|for)[ \t]the[ \t]future)?|\bwe(?:[ \t]will|'ll|’ll|[ \t]are[ \t]going[ \t]to|[ \t]plan[ \t]to)\b[^:]{0,60}|^(?:(?:and|so|in[ \t]order)[ \t])?to[ \t](?:prevent|avoid)[ \t](?:this|it|similar[ \t](?:issues|incidents|problems|outages)|(?:a[ \t])?recurrence|(?:a[ \t])?repeat)\b[^:,]{0,40})[ \t]*:$/i;

/**
 * Lists of measures in a document without an action-items section, each
 * announced by the line right above it (see ANNOUNCES_MEASURES): read as a
 * section of its own, the line and its list. Outside the timeline.
 */
function announcedMeasures(elements: Element[], timeline: Element[]): Element[][] {
  const taken = new Set(timeline);
  const out: Element[][] = [];
  elements.forEach((e, i) => {
    const before = elements[i - 1];
    if (e.kind !== 'block' || e.node.type !== 'list' || taken.has(e) || before?.kind !== 'line') return;
    if (ANNOUNCES_MEASURES.test(before.line.text.trim())) out.push([before, e]);
  });
  return out;
}

/** "Action point: create a low-volume announcement list.", "Action item: …", "Follow-up: …": a measure written inline. */
const ACTION_POINT = /^[\s*_]{0,4}(?:action[ \t]+(?:points?|items?)|follow[ \t-]?ups?)[\s*_]{0,4}[:：][\s*_]{0,4}\p{L}/iu;

/**
 * Measures written inline, each on a line of its own that its label opens,
 * after the finding it answers ("Action point: improve the resiliency of
 * the forkmon."), in a document without an action-items section. Outside
 * the timeline; each line is read as a section of its own.
 */
function actionPoints(elements: Element[], timeline: Element[]): Element[][] {
  const taken = new Set(timeline);
  return elements.filter((e) => e.kind === 'line' && !taken.has(e) && ACTION_POINT.test(e.line.text)).map((e) => [e]);
}

/** "Leadup", "Events leading up to the migration", "Background": what happened before the incident. */
const LEAD_UP = /\blead[ \t-]?up\b|\bleading[ \t]+up\b|\bbefore[ \t]+the[ \t]+(?:incident|outage)\b|\bprelude\b/i;

/**
 * Entries under a heading of what led up to the incident tell of the days
 * before it: errors seen there (a rehearsal that failed, a warning) are not
 * the incident's impact, and nothing there starts or ends it.
 */
function markLeadUp(timeline: TimelineEntry[], sections: Section[]): void {
  const leadUps = sections.filter((s) => LEAD_UP.test(s.heading));
  if (leadUps.length === 0) return;
  for (const entry of timeline) {
    if (!leadUps.some((s) => s.line <= entry.line && entry.line <= s.endLine)) continue;
    delete entry.evidence;
    delete entry.onset;
  }
}

/**
 * Which timeline section holds each entry (the innermost, by lines), when the
 * document has several that are not nested in one another's entries' order:
 * each incident's "Timeline", a "Detection timeline" retelling them.
 */
function markParts(timeline: TimelineEntry[], sections: Section[]): void {
  if (sections.length < 2) return;
  for (const entry of timeline) {
    let part = -1;
    sections.forEach((s, i) => {
      if (s.line <= entry.line && entry.line <= s.endLine) part = i;
    });
    if (part >= 0) entry.part = part;
  }
}

/** Headings a document without a timeline section stamps its updates with. */
const MIN_UPDATE_HEADINGS = 2;

/**
 * A status page's update heading, its times read once: one that is only a
 * time, with its date or zone ("#### 11:28 UTC", "### 2021-06-22 12:22"), or
 * a time and an update's word ("### Update 27.08.2022 10:00 Uhr:", "###
 * Resolved at 14:02 UTC"); or one that opens with its date and time and names
 * the update after a dash or colon ("## 06.05.2026, 02:00 Uhr – Behoben",
 * "### 2024-03-01 14:10 UTC: Root cause identified").
 */
function isUpdateHeading(e: Element): e is Extract<Element, { kind: 'heading' }> {
  if (e.kind !== 'heading' || e.level > 6) return false;
  const found = scanTimes(e.text);
  const first = found[0];
  if (!first?.time) return false;
  // Its words are only an update's ("Resolved 2025-02-21 4:06p"), even when one of them names a section too.
  if (found.length === 1 && first.index <= 40) {
    const around = e.text.slice(0, first.index) + ' ' + e.text.slice(first.index + first.length);
    if (!/[\p{L}\p{N}]/u.test(around.replace(UPDATE_WORDS, ''))) return true;
  }
  if (!first.date || first.index > 2) return false;
  const rest = e.text.slice(first.index + first.length).replace(UPDATE_WORDS, ' ');
  return /^[ \t]*[–—:|-][ \t]*\S/.test(rest) && rest.split(/\s+/).filter(Boolean).length <= 9;
}

/** The words a status page's update heading may carry besides its time: "Update", "Resolved", "at", "Uhr". */
const UPDATE_WORDS = /(?<![\p{L}\p{N}])(?:update[sd]?|at|resolved|investigating|identified|monitoring|uhr|nachtrag|aktualisierung)(?![\p{L}\p{N}])/giu;

/**
 * A status page's updates under headings that are only times, in a document
 * with no timeline section: from the first such heading to the first heading
 * of its level or above that is not one, when there are at least two.
 */
function timeHeadingRun(structure: Structure): Element[] {
  const { elements } = structure;
  const first = elements.findIndex(isUpdateHeading);
  if (first < 0) return [];
  const level = (elements[first] as Extract<Element, { kind: 'heading' }>).level;
  let end = first + 1;
  let count = 1;
  for (; end < elements.length; end++) {
    const e = elements[end];
    if (e.kind !== 'heading' || e.level > level) continue;
    if (!isUpdateHeading(e)) break;
    count++;
  }
  return count >= MIN_UPDATE_HEADINGS ? elements.slice(first, end) : [];
}

/** Paragraphs a document without a timeline section stamps its updates with. */
const MIN_STAMPED_PARAGRAPHS = 3;

/**
 * The first line of a paragraph that is, or opens with, a time and its date
 * or zone: a status update's stamp ("2026-07-01 21:11 UTC" over the update,
 * "[2025-05-16 09:14 UTC]: Mail is bouncing", "At 6:48 GMT, all workloads…").
 */
function isStampedParagraph(elements: Element[], i: number): boolean {
  const e = elements[i];
  if (e.kind !== 'line') return false;
  const before = elements[i - 1];
  if (before?.kind === 'line' && before.paragraph === e.paragraph) return false;
  return opensWithStamp(e.line.text);
}

/** The lines of the stamped paragraphs among `elements` (see `isStampedParagraph`). */
function stampLines(elements: Element[]): Set<number> {
  const lines = new Set<number>();
  elements.forEach((e, i) => {
    if (e.kind === 'line' && isStampedParagraph(elements, i)) lines.add(e.line.line);
  });
  return lines;
}

/** Text that opens with a time and its date or zone (after at most "At "): an update's stamp. */
function opensWithStamp(text: string): boolean {
  const first = scanTimes(text.slice(0, 80))[0];
  return first?.time !== undefined && first.index <= 3 && (first.date !== undefined || first.zone !== undefined);
}

/**
 * A status page's updates as paragraphs stamped with their time, in a
 * document with no timeline section and outside its other sections: from the
 * first stamped paragraph to the next section's heading, when at least three
 * paragraphs there are stamped.
 */
function stampedParagraphRun(structure: Structure): Element[] {
  const { elements, owner } = structure;
  let first = -1;
  let count = 0;
  let end = elements.length;
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    if (first >= 0 && (owner[i] >= 0 || (e.kind === 'heading' && !e.label))) {
      end = i;
      break;
    }
    if (owner[i] >= 0 || !isStampedParagraph(elements, i)) continue;
    if (first < 0) first = i;
    count++;
  }
  return count >= MIN_STAMPED_PARAGRAPHS ? elements.slice(first, end) : [];
}

/**
 * A list outside every section with a key, nearly all of whose items open
 * with a time and its date or zone ("- 2018-09-23 04:00 UTC: upgrade…",
 * "1. Tuesday, July 25th, 2023 at 15:30 we attempted…"), under a heading or
 * label that does not say it is the timeline ("Log", "Updates:"): the
 * timeline of a document without one. The first such list of three items or more.
 */
function stampedList(structure: Structure): Element[] {
  const { elements, owner } = structure;
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    if (owner[i] >= 0 || e.kind !== 'block' || e.node.type !== 'list' || e.node.children.length < MIN_STAMPED_PARAGRAPHS) continue;
    const stamped = e.node.children.filter((item) => item.children[0]?.type === 'paragraph' && opensWithStamp(plainText(item.children[0]))).length;
    if (stamped >= MIN_STAMPED_PARAGRAPHS && stamped >= 0.8 * e.node.children.length) return [e];
  }
  return [];
}

/** A line announcing the timeline that follows it: "This is the timeline of events that occurred on …:". */
const TIMELINE_ANNOUNCED = /\b(?:time-?line|chronology|sequence[ \t]of[ \t]events)\b[^:\n]{0,160}:[ \t]*$/i;

/**
 * A list announced as the timeline ("This is the timeline of events that occurred on Thursday February 11 2016,
 * starting at 10.42am:" over "- 10.42: the application became unavailable") in a section of another name ("What
 * happened"): the timeline of a document without one, if its items tell their times.
 */
function announcedTimelineList(structure: Structure, read: (list: Element[], announcement: string) => TimelineEntry[]): { list: Element[]; announcement?: string } {
  const { elements } = structure;
  for (let i = 1; i < elements.length; i++) {
    const e = elements[i];
    const above = elements[i - 1];
    if (e.kind !== 'block' || e.node.type !== 'list' || e.node.children.length < MIN_STAMPED_PARAGRAPHS) continue;
    const announcement = above.kind === 'line' ? paragraphText(elements, i - 1) : '';
    if (!TIMELINE_ANNOUNCED.test(announcement)) continue;
    // Named the timeline, its items may tell days only ("**July 20, 2025 --** Our systems flagged…").
    return read([e], announcement).filter((t) => t.time || t.date).length >= MIN_STAMPED_PARAGRAPHS ? { list: [e], announcement } : { list: [] };
  }
  return { list: [] };
}

/**
 * The timeline: its section's entries, or a status page's stamped updates when
 * the document has no timeline section. When the document states neither the
 * incident's start nor its end, the timeline's own markers ("OUTAGE BEGINS",
 * "Service is restored") give them; a document without a date takes the date
 * of its first dated entry. `read` gets the elements read as a timeline
 * that no timeline section holds (a status page's updates).
 */
function buildTimeline(structure: Structure, elements: Element[], window: ReturnType<typeof readWindow>, read: Set<Element>, openingFences: ReadonlySet<Element>): TimelineEntry[] {
  const { incident } = window;
  const source = incident.timezone?.source;
  const ctx = { date: incident.date, zone: incident.timezone?.zone, zoneStated: source === 'front-matter' || source === 'statement' };
  const section = structure.sections.find((s) => s.keys.includes('timeline'));
  const markers: ImpactMarkers = {};
  const zone: { zone?: string; zoneText?: string; line?: number } = {};
  const firstDay = incident.start?.date ?? incident.date;
  let timeline = section
    ? readTimeline({ elements, heading: section.heading, ctx, dayFirst: window.dayFirst, firstDay, markers, zone, openingFences })
    : readStatusUpdates(structure.elements, ctx, window.dayFirst);
  if (!section && timeline.length === 0) {
    // A status page's updates: under time headings, else as stamped paragraphs, else as a stamped list.
    let stamped = timeHeadingRun(structure);
    const headings = stamped.length > 0;
    let paragraphs = false;
    if (stamped.length === 0) {
      stamped = stampedParagraphRun(structure);
      paragraphs = stamped.length > 0;
    }
    if (stamped.length === 0) stamped = stampedList(structure);
    // "Here is the timeline of what happened, all times in Pacific Time:": the announcement states the zone, as a heading would.
    let announcement: string | undefined;
    if (stamped.length === 0) {
      ({ list: stamped, announcement } = announcedTimelineList(structure, (list, heading) => readTimeline({ elements: list, heading, ctx, dayFirst: window.dayFirst, firstDay })));
    }
    if (stamped.length > 0) timeline = readTimeline({ elements: stamped, heading: announcement, ctx, dayFirst: window.dayFirst, firstDay, markers, zone });
    // Stamped paragraphs or update headings are the updates, one entry each; a list or a time in an update's text
    // ("Mögliche Auswirkungen:" over its items) is part of that update, not one of its own.
    // Unless a heading's list is of items that open with their own times: they are the entries, the heading dates them.
    const led = headings ? timeLedUnderHeadings(stamped, window.dayFirst) : undefined;
    const updates = paragraphs
      ? stampLines(stamped)
      : led
        ? new Set([...stamped.flatMap((e) => (e.kind === 'heading' && !led.headings.has(e.line) ? [e.line] : [])), ...led.items])
        : undefined;
    if (updates) timeline = timeline.filter((t) => updates.has(t.line));
    for (const e of stamped) read.add(e);
  }
  markParts(timeline, structure.sections.filter((s) => s.keys.includes('timeline')));
  markLeadUp(timeline, structure.sections);
  // A zone only the timeline names ("Time (CET)" over a table's column) is the document's zone.
  if (!incident.timezone && zone.zone) {
    incident.timezone = { zone: zone.zone, text: zone.zoneText ?? zone.zone, source: 'timeline', line: zone.line };
    window.zoneWritten = true;
  }
  // The markers of one of several incidents are not the document's window.
  if (!incident.start && !incident.end && !window.several) {
    if (markers.start) incident.start = { ...markers.start, source: 'timeline' };
    if (markers.end && (!markers.start || markers.end.order >= markers.start.order)) incident.end = { ...markers.end, source: 'timeline' };
  }
  if (!incident.date) {
    const dated = timeline.find((t) => t.date);
    if (dated?.date) window.redate(dated.date);
  }
  alignUndatedWindow(incident, timeline);
  if (window.endUndated()) alignEndToRecovery(incident, timeline);
  return timeline;
}

/**
 * "Commencing at 20:11 on March 28, and concluding at 14:24": an end written
 * without its day, on the day the timeline recovers at that same clock time
 * ("2025-03-31 14:24 Verified the site was up"), as a reader lines them up.
 */
function alignEndToRecovery(incident: PostmortemModel['incident'], timeline: TimelineEntry[]): void {
  const end = incident.end;
  if (!end || end.source === 'timeline' || end.epoch === undefined) return;
  const same = timeline.find((t) => (t.evidence === 'recovery' || t.evidence === 'resolved') && t.epoch !== undefined && t.epoch > end.epoch! && (t.epoch - end.epoch!) % DAY_MS === 0);
  if (same) incident.end = { ...end, time: same.time ?? end.time, epoch: same.epoch, order: same.order, date: same.date };
}

/**
 * A window of bare clocks ("down between 00:00 and 06:00") in a document
 * whose undated timeline runs past midnight ("23:00 agent installed",
 * "00:00 reboot", … "06:00 back online"): a point is on the day of the
 * timeline's entry at the same clock past midnight, as a reader lines them
 * up, and the end is not before the start.
 */
function alignUndatedWindow(incident: PostmortemModel['incident'], timeline: TimelineEntry[]): void {
  const bare = (p: WindowPoint | undefined): p is WindowPoint & { order: number } => p !== undefined && p.source !== 'timeline' && p.epoch === undefined && p.date === undefined && p.order !== undefined && p.order >= 0 && p.order < DAY_MS;
  const pastMidnight = timeline.filter((t) => t.epoch === undefined && t.date === undefined && t.order !== undefined && t.order >= DAY_MS);
  if (pastMidnight.length === 0) return;
  const { start, end } = incident;
  const onDayOf = (p: WindowPoint & { order: number }) => {
    const same = pastMidnight.find((t) => t.order! % DAY_MS === p.order);
    return same ? { ...p, order: same.order! } : p;
  };
  if (bare(start)) incident.start = onDayOf(start);
  if (bare(end)) {
    let moved = onDayOf(end);
    const from = incident.start?.order;
    if (from !== undefined && incident.start!.epoch === undefined && incident.start!.date === undefined) {
      for (let days = 0; days < 2 && moved.order! < from; days++) moved = { ...moved, order: moved.order! + DAY_MS };
    }
    incident.end = moved;
  }
}

const NOT_PROSE: SectionKey[] = ['timeline', 'action-items'];

/**
 * The prose outside the timeline and the action items: paragraphs and lists,
 * not quotes, code or tables (chat logs, log lines and metadata).
 */
function proseLines(structure: Structure, timeline: ReadonlySet<Element>): TextLine[] {
  const { elements, owner, sections } = structure;
  const kept = elements.filter((e, i) => {
    if (timeline.has(e) || (owner[i] >= 0 && sections[owner[i]].keys.some((k) => NOT_PROSE.includes(k)))) return false;
    if (e.kind === 'heading') return false;
    return e.kind === 'line' || e.node.type === 'paragraph' || e.node.type === 'list';
  });
  return linesOfElements(kept);
}

/**
 * Hugo and Zola front matter between "+++" lines, which the parser leaves as
 * text: its lines (a slug's "2018/10/19" is when the page was published, not
 * when the incident happened) and its title, which may date the incident.
 */
function tomlFrontMatter(elements: Element[]): { lines: Set<number>; title?: TextLine } {
  const lines = new Set<number>();
  const first = elements[0];
  if (first?.kind !== 'line' || first.line.line !== 1 || first.line.text !== '+++') return { lines };
  let title: TextLine | undefined;
  for (const e of elements) {
    if (e.kind !== 'line') break;
    lines.add(e.line.line);
    const m = /^title[ \t]{0,4}=[ \t]{0,4}"([^"]{1,300})"/.exec(e.line.text);
    if (m) title = { text: m[1], line: e.line.line, column: e.line.column };
    if (e.line.text === '+++' && e.line.line > 1) return { lines, title };
  }
  return { lines: new Set() };
}

/** The zone written most often next to the timeline's timestamps (the first such line on a tie). */
function majorityZone(lines: TextLine[]): { zone: string; zoneText: string; line: number } | undefined {
  const counts = new Map<string, { n: number; zoneText: string; line: number }>();
  for (const line of lines) {
    for (const e of scanTimes(line.text)) {
      const zone = e.zone ?? e.end?.zone;
      if (!zone) continue;
      const c = counts.get(zone) ?? { n: 0, zoneText: (e.zoneText ?? e.end?.zoneText)!, line: line.line };
      c.n++;
      counts.set(zone, c);
    }
  }
  let best: { zone: string; zoneText: string; line: number; n: number } | undefined;
  for (const [zone, c] of counts) if (!best || c.n > best.n) best = { zone, ...c };
  return best && { zone: best.zone, zoneText: best.zoneText, line: best.line };
}
