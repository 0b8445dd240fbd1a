/**
 * The hidden markers the product writes into GitHub text, and how they are
 * read back. Only text the product's own identity wrote is ever trusted (the
 * callers check the author); document text cannot forge a marker because
 * every piece of it is HTML-escaped before it is written.
 */

export const MANAGED_START = '<!-- postmortem-governance:start -->';
export const MANAGED_END = '<!-- postmortem-governance:end -->';
const ITEM_PREFIX = '<!-- postmortem-governance:item ';
const ITEM = /<!-- postmortem-governance:item (\{[^<>]{1,4000}\}) -->/;

export interface ItemMarker {
  /** Path of the postmortem, relative to the repository root. */
  path: string;
  /** The action item's stable id. */
  id: string;
  /** The title's significant words when the issue was written, to re-identify an edited item. */
  words: string[];
}

export function itemKey(marker: Pick<ItemMarker, 'path' | 'id'>): string {
  return `${marker.path}#${marker.id}`;
}

export function renderItemMarker(marker: ItemMarker): string {
  // "<" and ">" are written as JSON escapes, so nothing inside can close the comment.
  const json = JSON.stringify({ v: 1, path: marker.path, id: marker.id, words: marker.words.slice(0, 40) }).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  return `${ITEM_PREFIX}${json} -->`;
}

export function parseItemMarker(body: string | null | undefined): ItemMarker | null {
  if (!body) return null;
  const m = ITEM.exec(body);
  if (!m) return null;
  try {
    const data = JSON.parse(m[1]) as { v?: unknown; path?: unknown; id?: unknown; words?: unknown };
    if (data.v !== 1 || typeof data.path !== 'string' || typeof data.id !== 'string') return null;
    const words = Array.isArray(data.words) ? data.words.filter((w): w is string => typeof w === 'string') : [];
    return { path: data.path, id: data.id, words };
  } catch {
    return null;
  }
}

/**
 * Replace the managed block of an issue body, keeping whatever people wrote
 * before and after it. A body without a managed block gets it appended.
 */
export function replaceManaged(existing: string | null | undefined, managed: string): string {
  const body = existing ?? '';
  const start = body.indexOf(MANAGED_START);
  const end = body.indexOf(MANAGED_END, start + 1);
  if (start === -1 || end === -1) return body.trim() ? `${body.trimEnd()}\n\n${managed}` : managed;
  return body.slice(0, start) + managed + body.slice(end + MANAGED_END.length);
}
