/**
 * The one table of section headings. A heading is normalised (see
 * `normalizeHeading`) and then matched against these phrases; the config's
 * `sections.aliases` extends the table.
 */
import type { SectionKey } from '../types.js';

export type AliasTable = Record<SectionKey, string[]>;

export const DEFAULT_ALIASES: AliasTable = {
  summary: [
    'summary',
    'issue summary',
    'incident summary',
    'executive summary',
    'overview',
    'incident overview',
    'description',
    'incident description',
    'what was the problem',
  ],
  impact: ['impact', 'customer impact', 'user impact', 'business impact', 'impact assessment', 'scope and impact', 'who was affected'],
  timeline: [
    'timeline',
    'events timeline',
    'timeline of events',
    'incident timeline',
    'event timeline',
    'chronology',
    'sequence of events',
    'timeline reconstruction',
  ],
  'root-cause': [
    'root cause',
    'root causes',
    'root cause analysis',
    'rca',
    'cause',
    'causes',
    'contributing factors',
    'why did it happen',
    'why it happened',
    'trigger',
  ],
  resolution: [
    'resolution',
    'resolution and recovery',
    'recovery',
    'mitigation',
    'fix',
    'the fix',
    'how did we fix it',
    'how it was fixed',
    'resolution steps',
  ],
  'action-items': [
    'action items',
    'action item',
    'actions',
    'corrective and preventative measures',
    'corrective and preventive measures',
    'corrective preventative measures',
    'corrective preventive measures',
    'corrective measures',
    'preventative measures',
    'preventive measures',
    'corrective actions',
    'preventative actions',
    'preventive actions',
    'corrective measures and prevention',
    'corrective and preventative actions',
    'corrective and preventive actions',
    'follow ups',
    'follow up',
    'follow up actions',
    'follow up items',
    'followups',
    'next steps',
    'remediation',
    'remediations',
    'remediation items',
    'prevention',
    'preventing recurrence',
  ],
  detection: ['detection', 'how was it detected', 'how we found out', 'monitoring and detection'],
  'lessons-learned': [
    'lessons learned',
    'lessons learnt',
    'lessons',
    'learnings',
    'key learnings',
    'takeaways',
    'what went well',
    'what went wrong',
    'lessons and thoughts',
  ],
};

/** Merge user aliases into the defaults (user phrases are normalised like headings). */
export function extendAliases(extra: Partial<Record<SectionKey, string[]>> | undefined): AliasTable {
  const table = {} as AliasTable;
  for (const key of Object.keys(DEFAULT_ALIASES) as SectionKey[]) {
    const phrases = [...DEFAULT_ALIASES[key], ...(extra?.[key] ?? [])].map(normalizeHeading).filter(Boolean);
    table[key] = [...new Set(phrases)];
  }
  return table;
}

const NUMBERING = /^(?:(?:step|part|section)\s{1,3})?(?:\d{1,3}(?:\.\d{1,3}){0,3}[.):]?|[ivx]{1,6}[.)]|[a-h][.)])\s{1,6}|^\d{1,3}(?:\.\d{1,3}){0,3}[.)]/i;
const PARENTHETICAL = /\([^()]{0,200}\)|\[[^\][]{0,200}\]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Lower-case, drop numbering ("2.", "IV)"), parentheticals ("(all times UTC)"),
 * emoji and punctuation; "&" reads as "and". "Corrective/Preventative
 * Measures:" becomes "corrective preventative measures".
 */
export function normalizeHeading(text: string): string {
  let s = text.trim().replace(PARENTHETICAL, ' ');
  s = s.replace(NUMBERING, '');
  s = s.replace(/&/g, ' and ');
  s = s.toLowerCase().replace(NON_WORD, ' ').trim();
  return s.replace(/\bpost mortem\b/g, 'postmortem');
}

const SPLIT = /\s(?:and|or|plus)\s/;

/**
 * The keys a heading stands for. Tries, in order: the whole heading; its
 * parts split on "and"/"/" ("Root Cause and Resolution"); an alias at the
 * start of the heading ("Corrective and preventative measures must contain");
 * a distinctive alias anywhere in a short heading ("Events Timeline").
 * `strict` stops after the first two, for plain lines that may be sentences.
 */
export function matchHeading(text: string, table: AliasTable, options: { strict?: boolean } = {}): SectionKey[] {
  const normalized = normalizeHeading(text);
  if (!normalized || normalized.length > 120) return [];
  const exact = lookup(normalized, table);
  if (exact) return [exact];

  // "Root Cause and Resolution", "Root cause / resolution", "Detection & Response"
  const slashParts = text.includes('/') ? text.split('/').map(normalizeHeading) : [normalized];
  const parts = slashParts.flatMap((p) => p.split(SPLIT)).map((p) => p.trim()).filter(Boolean);
  if (parts.length > 1) {
    const keys: SectionKey[] = [];
    for (const part of parts) {
      const key = lookup(part, table);
      if (key && !keys.includes(key)) keys.push(key);
    }
    if (keys.length > 0) return keys;
  }

  if (options.strict) return [];

  // An alias followed by more words: "Corrective and preventative measures must contain".
  let best: { key: SectionKey; length: number } | null = null;
  for (const key of Object.keys(table) as SectionKey[]) {
    for (const phrase of table[key]) {
      if (phrase.length > (best?.length ?? 0) && normalized.startsWith(phrase + ' ') && phrase.includes(' ')) {
        best = { key, length: phrase.length };
      }
    }
  }
  if (best) return [best.key];

  // A distinctive single word anywhere in a short heading: "Events Timeline", "Incident Summary 2".
  const words = normalized.split(' ');
  if (words.length <= 5) {
    for (const [word, key] of DISTINCTIVE) {
      if (words.includes(word)) return [key];
    }
  }
  return [];
}

const DISTINCTIVE: ReadonlyArray<[string, SectionKey]> = [
  ['timeline', 'timeline'],
  ['remediation', 'action-items'],
  ['summary', 'summary'],
  ['lessons', 'lessons-learned'],
];

function lookup(phrase: string, table: AliasTable): SectionKey | undefined {
  for (const key of Object.keys(table) as SectionKey[]) {
    if (table[key].includes(phrase)) return key;
  }
  return undefined;
}
