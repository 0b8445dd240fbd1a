/**
 * From syntax tree to model, once. Rules read the model this returns.
 */
import type { Root } from 'mdast';
import type { PostmortemModel, SectionKey } from '../types.js';
import type { AliasTable } from './aliases.js';
import { readActionItems } from './action-items.js';
import { readFrontMatter } from './frontmatter.js';
import { linesOfElements } from './lines.js';
import { buildStructure, ownElements, type Element, type Structure } from './structure.js';
import type { TextLine } from './text.js';
import { readTimeline, type ImpactMarkers } from './timeline.js';
import { readWindow } from './window.js';
import { scanTimes } from '../time/index.js';

export interface ModelOptions {
  aliases: AliasTable;
  /** Zone for documents that state none (config `timezone`). */
  defaultZone?: string;
  /** Force reading "04-12-2022" day first (true) or month first (false); undefined guesses from the zone. */
  dayFirst?: boolean;
}

export interface BuiltModel {
  model: PostmortemModel;
  structure: Structure;
  /** Whether the document itself states a time zone anywhere (not the config's default). */
  zoneStated: boolean;
}

const WINDOW_KEYS: SectionKey[] = ['summary', 'impact'];
const DATE_HEADINGS = /^(?:date|dates|incident date|when|date of incident|occurred)$/i;

export function buildModel(path: string, root: Root, lineCount: number, options: ModelOptions): BuiltModel {
  const frontMatter = readFrontMatter(root);
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
  const summaryLines = [...linesOfElements(intro), ...dateSections.flatMap(linesOfElements), ...ownedBy(WINDOW_KEYS).flatMap(linesOfElements)];
  const allLines: TextLine[] = linesOfElements(elements);
  const dateLines: TextLine[] = [];
  if (title && titleLine !== null) dateLines.push({ text: title, line: titleLine, column: 1 });

  const timelineElements = ownedBy(['timeline']).flatMap((group) =>
    group.filter((e) => !(e.kind === 'heading' && e.section !== undefined && sections[e.section].keys.length > 0)),
  );
  const window = readWindow({
    frontMatter,
    summaryLines: summaryLines.sort((a, b) => a.line - b.line),
    allLines,
    dateLines,
    path,
    timelineZone: majorityZone(linesOfElements(timelineElements).concat(
      timelineElements.flatMap((e) => (e.kind === 'heading' ? [{ text: e.text, line: e.line, column: e.column }] : [])),
    )),
    defaultZone: options.defaultZone,
    dayFirst: options.dayFirst,
  });
  const ctx = { date: window.incident.date, zone: window.incident.timezone?.zone };

  const markers: ImpactMarkers = {};
  const timeline = readTimeline({
    elements: timelineElements,
    ctx,
    dayFirst: window.dayFirst,
    firstDay: window.incident.start?.date ?? window.incident.date,
    markers,
  });
  // A summary that states neither start nor end: the timeline's "OUTAGE BEGINS" / "Service is restored" give them.
  if (!window.incident.start && !window.incident.end) {
    if (markers.start) window.incident.start = { ...markers.start };
    if (markers.end && (!markers.start || markers.end.order >= markers.start.order)) window.incident.end = { ...markers.end };
  }
  // A document without a stated date takes it from its first dated timeline entry.
  if (!window.incident.date) {
    const dated = timeline.find((t) => t.date);
    if (dated?.date) window.redate(dated.date);
  }

  const actionItems = readActionItems({
    sections: ownedBy(['action-items']),
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
    actionItems,
    lineCount,
  };
  return { model, structure, zoneStated };
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
