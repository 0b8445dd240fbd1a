/**
 * Stable action-item ids. An author's explicit id (`[AI-3]`, `<!-- id: x -->`)
 * wins. Otherwise the id is a hash of the title's significant words, sorted
 * and stemmed, so it survives the item moving, re-ordered words, case,
 * punctuation, articles and plural/tense changes. Larger edits are matched
 * to their old issue by the sync step, by word overlap (see `similarity`).
 */
import { fnv1a } from '../fnv.js';
import { MENTION_IN_TEXT } from '../logins.js';
import type { ActionItem } from '../types.js';

const STOPWORDS = new Set(
  'a an the and or of to in on for with by at from as is are be been was were will shall should would can could our we us it its this that these those all any some into onto via per also then than so such their there'.split(
    ' ',
  ),
);

/** Plural and tense endings off ("causes", "caused", "causing"): the stem ids and heading vocabulary share. */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ied')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

const MENTION_ANYWHERE = new RegExp(MENTION_IN_TEXT, 'g');

const NON_ASCII = /[^\x00-\x7f]/;

/** Accents off ("café" reads "cafe"). ASCII text, nearly every title, has none: NFKD would copy it unchanged. */
function withoutAccents(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
}

/** The sorted, de-duplicated significant words of a title. */
export function fingerprintTitle(title: string): string[] {
  const words = withoutAccents(title.replace(MENTION_ANYWHERE, ' ').toLowerCase()) // the owner is not the wording
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map(stem);
  return [...new Set(words)].sort();
}

/** 32-bit FNV-1a, as 7 base-36 digits. */
export function hash(text: string): string {
  return fnv1a(text).toString(36).padStart(7, '0');
}

/** Jaccard overlap of two fingerprints, 0..1. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const set = new Set(a);
  let shared = 0;
  for (const w of b) if (set.has(w)) shared++;
  return shared / (a.length + b.length - shared);
}

/** Fill in derived ids; identical items in one document get "-2", "-3" in document order. */
export function assignIds(items: ActionItem[]): void {
  const seen = new Map<string, number>();
  for (const item of items) {
    if (!item.explicitId) item.id = 'ai-' + hash((item.fingerprint ?? fingerprintTitle(item.title)).join(' ') || item.title);
    const n = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, n);
    if (n > 1) item.id = `${item.id}-${n}`;
  }
}
