/**
 * The hidden markers the product writes into GitHub text, and how they are
 * read back. Only text the product's own identity wrote is ever trusted (the
 * callers check the author); document text cannot forge a marker because
 * every piece of it is HTML-escaped before it is written.
 *
 * The item marker only ever gains fields: markers written by older versions
 * (`path`, `id`, `words`) keep working, and older versions read new markers.
 */

export const MANAGED_START = '<!-- postmortem-governance:start -->';
export const MANAGED_END = '<!-- postmortem-governance:end -->';
const ITEM_PREFIX = '<!-- postmortem-governance:item ';
const ITEM = /<!-- postmortem-governance:item (\{[^<>]{1,8000}\}) -->/;
const NOTE_PREFIX = '<!-- postmortem-governance:note ';
const NOTE = /^<!-- postmortem-governance:note ([a-z-]{1,40}) -->/;

export interface ItemMarker {
  /** Path of the postmortem, relative to the repository root. */
  path: string;
  /** The action item's stable id. */
  id: string;
  /** The title's significant words when the issue was written, to re-identify an edited item. */
  words: string[];
  /** The login that wrote this marker (absent in markers of older versions). */
  by?: string;
  /** The title the product gave the issue: a different title now is a person's edit, and stays. */
  title?: string;
  /** The labels the product set: one missing now was removed by a person, and is not put back. */
  labels?: string[];
  /** The assignees the product set, likewise. */
  assignees?: string[];
  /** The item's place among its document's items (1-based), to recognise an item reworded in place. */
  n?: number;
  /** The document's identity (see `documentKey`), to recognise a renamed or moved document. */
  doc?: string;
  /** The repository of the document ("owner/name"), on issues filed in another repository. */
  src?: string;
  /** The issue type the product set (config `issues.type`): another type now is a person's choice. */
  type?: string;
  /** The project-board field values the product set (config `project`), by field: a value a person changed stays. */
  board?: Record<string, string>;
}

/** The marker of a postmortem's tracking issue (config `issues.parent`). */
export interface ParentMarker {
  /** Path of the postmortem. */
  path: string;
  /** The document's identity (see `documentKey`). */
  doc?: string;
  by?: string;
  /** The title the product gave the issue. */
  title?: string;
  /** The sub-issues the action attached ("#12", "owner/name#12"): one missing now was detached by a person, and is not attached again. */
  children: string[];
}

export function itemKey(marker: Pick<ItemMarker, 'path' | 'id'>): string {
  return `${marker.path}#${marker.id}`;
}

/**
 * JSON inside an HTML comment: "<" and ">" are written as JSON escapes, so
 * nothing inside can close the comment, and so is "@", so a title's
 * mention pings nobody even where the comment is shown as text.
 */
function commentJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/@/g, '\\u0040');
}

export function renderItemMarker(marker: ItemMarker): string {
  const data: Record<string, unknown> = { v: 1, path: marker.path, id: marker.id, words: marker.words.slice(0, 40) };
  if (marker.by !== undefined) data.by = marker.by;
  if (marker.title !== undefined) data.title = marker.title.slice(0, 256);
  if (marker.labels !== undefined) data.labels = marker.labels.slice(0, 20);
  if (marker.assignees !== undefined) data.assignees = marker.assignees.slice(0, 10);
  if (marker.n !== undefined) data.n = marker.n;
  if (marker.doc !== undefined) data.doc = marker.doc;
  if (marker.src !== undefined) data.src = marker.src;
  if (marker.type !== undefined) data.type = marker.type.slice(0, 100);
  if (marker.board !== undefined) data.board = marker.board;
  return `${ITEM_PREFIX}${commentJson(data)} -->`;
}

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string') : undefined);

export function parseItemMarker(body: string | null | undefined): ItemMarker | null {
  if (!body) return null;
  const m = ITEM.exec(body);
  if (!m) return null;
  try {
    const data = JSON.parse(m[1]) as Record<string, unknown>;
    if (data.v !== 1 || typeof data.path !== 'string' || typeof data.id !== 'string') return null;
    const marker: ItemMarker = { path: data.path, id: data.id, words: strings(data.words) ?? [] };
    if (typeof data.by === 'string') marker.by = data.by;
    if (typeof data.title === 'string') marker.title = data.title;
    const labels = strings(data.labels);
    if (labels) marker.labels = labels;
    const assignees = strings(data.assignees);
    if (assignees) marker.assignees = assignees;
    if (typeof data.n === 'number' && Number.isInteger(data.n) && data.n > 0) marker.n = data.n;
    if (typeof data.doc === 'string') marker.doc = data.doc;
    if (typeof data.src === 'string') marker.src = data.src;
    if (typeof data.type === 'string') marker.type = data.type;
    const board = stringRecord(data.board);
    if (board) marker.board = board;
    return marker;
  } catch {
    return null;
  }
}

const stringRecord = (value: unknown): Record<string, string> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string')) : undefined;

const PARENT_PREFIX = '<!-- postmortem-governance:parent ';
const PARENT = /<!-- postmortem-governance:parent (\{[^<>]{1,16000}\}) -->/;

export function renderParentMarker(marker: ParentMarker): string {
  const data: Record<string, unknown> = { v: 1, path: marker.path };
  if (marker.doc !== undefined) data.doc = marker.doc;
  if (marker.by !== undefined) data.by = marker.by;
  if (marker.title !== undefined) data.title = marker.title.slice(0, 256);
  data.children = marker.children.slice(0, 200);
  return `${PARENT_PREFIX}${commentJson(data)} -->`;
}

export function parseParentMarker(body: string | null | undefined): ParentMarker | null {
  const m = PARENT.exec(body ?? '');
  if (!m) return null;
  try {
    const data = JSON.parse(m[1]) as Record<string, unknown>;
    if (data.v !== 1 || typeof data.path !== 'string') return null;
    const marker: ParentMarker = { path: data.path, children: strings(data.children) ?? [] };
    if (typeof data.doc === 'string') marker.doc = data.doc;
    if (typeof data.by === 'string') marker.by = data.by;
    if (typeof data.title === 'string') marker.title = data.title;
    return marker;
  } catch {
    return null;
  }
}

/** Whether a body is one of the product's issues that track no single item (a tracking issue, the dashboard). */
export function isTrackingOrDashboard(body: string | null | undefined): boolean {
  return /<!-- postmortem-governance:(?:parent \{|dashboard -->)/.test(body ?? '');
}

/** The first line of a comment the product posts for a step (`removed`, `close-done`, `duplicate`), so a rerun finds it. */
export function noteMarker(step: string): string {
  return `${NOTE_PREFIX}${step} -->`;
}

/** The step a comment was posted for, or null for any other comment. */
export function noteOf(body: string | null | undefined): string | null {
  return NOTE.exec(body ?? '')?.[1] ?? null;
}

interface Token {
  kind: 'start' | 'end' | 'item';
  from: number;
  to: number;
}

function markerTokens(body: string): Token[] {
  const tokens: Token[] = [];
  const scan = (needle: string, kind: Token['kind']) => {
    for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + needle.length)) tokens.push({ kind, from: at, to: at + needle.length });
  };
  scan(MANAGED_START, 'start');
  scan(MANAGED_END, 'end');
  const items = /<!-- postmortem-governance:(?:item \{[^<>]{1,8000}\}|parent \{[^<>]{1,16000}\}) -->/g;
  for (let m = items.exec(body); m; m = items.exec(body)) tokens.push({ kind: 'item', from: m.index, to: m.index + m[0].length });
  return tokens.sort((a, b) => a.from - b.from);
}

/**
 * The product's blocks in a body: a start marker with its end marker (the
 * complete block), or, when a person deleted the end marker, a start marker
 * with the item marker that closes the product's text. Everything else a
 * body holds is people's text. Markers that belong to no block are strays.
 */
function managedBlocks(body: string): { blocks: Array<{ from: number; to: number }>; strays: Token[] } {
  const tokens = markerTokens(body);
  const blocks: Array<{ from: number; to: number }> = [];
  const strays: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [t, next, after] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (t.kind === 'start' && next?.kind === 'end') {
      blocks.push({ from: t.from, to: next.to });
      i += 1;
    } else if (t.kind === 'start' && next?.kind === 'item' && after?.kind === 'end') {
      blocks.push({ from: t.from, to: after.to });
      i += 2;
    } else if (t.kind === 'start' && next?.kind === 'item') {
      blocks.push({ from: t.from, to: next.to });
      i += 1;
    } else strays.push(t);
  }
  return { blocks, strays };
}

/**
 * Replace the managed block of an issue body, keeping whatever people wrote
 * before and after it. A damaged block (its end marker deleted) is found by
 * the item marker that closes it, so notes written below it are kept; a
 * body without a recognisable block keeps all its text, loses only stray
 * markers, and gets the block appended.
 */
export function replaceManaged(existing: string | null | undefined, managed: string): string {
  const body = existing ?? '';
  const { blocks, strays } = managedBlocks(body);
  const cuts = [...blocks.slice(1), ...strays].sort((a, b) => a.from - b.from);
  const without = (text: string, offset: number, end: number) => {
    let out = '';
    let at = offset;
    for (const cut of cuts) {
      if (cut.from < offset || cut.to > end) continue;
      out += text.slice(at, cut.from);
      at = cut.to;
    }
    return out + text.slice(at, end);
  };
  if (blocks.length === 0) {
    const kept = without(body, 0, body.length).trimEnd();
    return kept.trim() ? `${kept}\n\n${managed}` : managed;
  }
  const [first] = blocks;
  return without(body, 0, first.from) + managed + without(body, first.to, body.length);
}
