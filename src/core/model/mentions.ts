/**
 * Times the text gives for events outside the timeline ("At 4:33 PM PST,
 * changes were made to add a new user"), each linked to the timeline entry
 * that tells of the same event, when one clearly does.
 *
 * A sentence with one clock time written as the time of an event ("at 4:33
 * PM", "at around 17:20"; not a range, which states a window read by
 * window.ts) describes an event; the entry describing it shares its
 * distinctive words. Words are compared by their stems ("upgrading" and
 * "upgrade"), each weighted by how few entries use it (1 for a word one entry
 * uses, 1/2 for two…), so that words every entry shares ("server",
 * "engineer") count for little. A sentence is linked to the entry that
 * shares the most: at least three words weighing 1.5 together, and half as
 * much again as any other entry. When an entry near the sentence's own time shares two words, that
 * is the entry it describes, and the two agree; an entry at the very time the
 * text gives may tell of the same event in other words, so the sentence is
 * left unlinked. A sentence saying the service recovered or the incident was
 * resolved, linked to no entry by its words, tells of the timeline's entry
 * saying so (see `outcomeOf`). Quotes and code (chat logs, log lines) are
 * not read, nor is a time a schedule gives ("daily backups at 03:00").
 */
import type { TimeExpression } from '../time/types.js';
import { DAY_MS, resolvePoint, scanTimes, type ResolvedPoint } from '../time/index.js';
import type { TimelineEntry } from '../types.js';
import { evidenceOf } from './evidence.js';
import { joinWrapped, locate, sentenceEnd, sentenceStart } from './sentences.js';
import { columnAt, trimEndOf, type TextLine } from './text.js';

export interface Mention {
  /** The time as written. */
  expression: TimeExpression;
  line: number;
  column: number;
  /** The sentence around it. */
  sentence: string;
  /** The time, resolved on the day of the entry it is linked to. */
  time: string;
  epoch?: number;
  order: number;
  date?: string;
  /** The timeline entry that tells of the same event. */
  entry: TimelineEntry;
}

export interface MentionInput {
  /** Prose lines outside the timeline and the action items, in document order. */
  lines: TextLine[];
  timeline: TimelineEntry[];
  ctx: { date?: string; zone?: string };
  dayFirst: boolean;
  /** Lines that state the incident's window (their times are the window's, checked as such). */
  windowLines: Set<number>;
}

const SENTENCE_REACH = 240;
/** Each time in the text is weighed against every entry: bounds that keep a huge document linear enough. */
const MAX_ENTRIES = 2_000;
const MAX_MENTIONS = 500;
/** The weight of shared words a link needs: a word no other entry uses counts 1, one that two entries use 1/2. */
const MIN_SCORE = 1.5;
/** The text dates an event: "at 4:33 PM", "At around 17:20", "by 10:04", "~10:04". */
const AT_TIME = /(?:\b(?:at|by)(?:[ \t]{1,3}(?:around|about|approximately|roughly))?|~)[ \t]{0,3}$/i;
/** Words of a schedule around a time: it recurs, so it dates no one event. */
const SCHEDULE = /\b(?:daily|nightly|hourly|weekly|every[ \t]{1,3}(?:day|night|morning|evening|hour|week|\d{1,3}[ \t]{0,2}(?:hours?|minutes?|mins?|h))|each[ \t]{1,3}(?:day|night|morning|evening))\b/i;
/** An entry at the same minute as the text's time. */
const SAME_MS = 2 * 60_000;
/** An entry this close to the sentence's own time, sharing two of its words, is the one it describes. */
const NEAR_MS = 10 * 60_000;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’._-]{0,40}/gu;
const STOP = new Set(
  (
    'the a an and or but of to in on at by for from with without into onto over under after before during since until ' +
    'was were is are be been being has have had do did does done this that these those then than when while which who whom whose ' +
    'it its we our us they their them he she his her i my me you your there here as so such not no also only just about around ' +
    'approximately some all any each more most other another again once very can could would should will may might must ' +
    'am pm utc gmt pst pdt est edt cst cdt cet cest ist eat wat time times minute minutes hour hours day days ' +
    'first next later still already now same up down out off via due new'
  ).split(' '),
);

/** The mentions of the text, each linked to the entry it describes (see the module's comment). */
export function readMentions(input: MentionInput): Mention[] {
  const entries = input.timeline.filter((t) => t.order !== undefined);
  if (entries.length < 2 || entries.length > MAX_ENTRIES) return [];
  // The entries' words are weighed when the text first dates an event: most documents' prose never does.
  let weights: EntryWords | undefined;
  const mentions: Mention[] = [];
  let read = 0;
  for (const block of joinWrapped(input.lines)) {
    const exprs = scanTimes(block.text, { dayFirst: input.dayFirst });
    for (const whole of exprs) {
      if (!whole.time || whole.end || whole.invalid) continue;
      const from = sentenceStart(block.text, whole.index, SENTENCE_REACH);
      const to = sentenceEnd(block.text, whole.index + whole.length, SENTENCE_REACH);
      // A sentence with several times ("reported at 02:50, 05:16 and 06:27") does not say which words go with which.
      if (exprs.filter((x) => x !== whole && x.index >= from && x.index < to && (x.time || x.date)).length > 0) continue;
      if (!AT_TIME.test(block.text.slice(Math.max(0, whole.index - 24), whole.index))) continue;
      // "Daily backups at 03:00 UTC", "at 02:00 every night": a schedule, not the time of an event.
      if (SCHEDULE.test(block.text.slice(Math.max(from, whole.index - 40), Math.min(to, whole.index + whole.length + 24)))) continue;
      const { e, line } = locate(block, whole);
      if (input.windowLines.has(line.line)) continue;
      const words = block.text.slice(from, whole.index) + ' ' + block.text.slice(whole.index + whole.length, to);
      weights ??= entryWords(entries);
      const sentence = block.text.slice(from, to).trim();
      const mention = link(e, line, sentence, stems(words), entries, weights.stemsOf, weights.df, input.ctx) ?? outcomeOf(e, line, sentence, entries, input.ctx);
      if (mention) mentions.push(mention);
      if (++read >= MAX_MENTIONS) return mentions;
    }
  }
  return mentions;
}

interface EntryWords {
  /** The stems of each entry's words. */
  stemsOf: Set<string>[];
  /** How many entries use each stem. */
  df: Map<string, number>;
}

function entryWords(entries: TimelineEntry[]): EntryWords {
  const stemsOf = entries.map((t) => stems([t.text, t.detail ?? ''].join(' ')));
  const df = new Map<string, number>();
  for (const set of stemsOf) for (const s of set) df.set(s, (df.get(s) ?? 0) + 1);
  return { stemsOf, df };
}

function link(
  e: TimeExpression,
  line: TextLine,
  sentence: string,
  own: Set<string>,
  entries: TimelineEntry[],
  stemsOf: Set<string>[],
  df: Map<string, number>,
  ctx: MentionInput['ctx'],
): Mention | undefined {
  if (own.size < 3) return undefined;
  const scored = entries.map((entry, i) => {
    const shared = [...own].filter((s) => stemsOf[i].has(s));
    return { entry, shared, score: shared.reduce((sum, s) => sum + 1 / df.get(s)!, 0) };
  });
  const placed = scored.flatMap((c) => {
    const p = place(e, c.entry, ctx);
    return p ? [{ ...c, p, off: Math.abs(offset(p, c.entry, e)) }] : [];
  });
  // An entry at the very time the text gives may be the event it tells of, in other words ("rolled back" and "rollback").
  if (placed.some((c) => c.off <= SAME_MS && c.shared.length < 2)) return undefined;
  // An entry at the sentence's own time that tells of it: they agree.
  const near = placed.filter((c) => c.shared.length >= 2 && c.off <= NEAR_MS).sort((a, b) => a.off - b.off)[0];
  if (near) return mentionOf(e, line, sentence, near.p, near.entry);
  const ranked = placed.filter((c) => c.shared.length >= 3 && c.score >= MIN_SCORE).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return undefined;
  const runnerUp = scored.filter((c) => c.entry !== best.entry).reduce((m, c) => Math.max(m, c.score), 0);
  if (best.score < runnerUp * 1.5) return undefined;
  return mentionOf(e, line, sentence, best.p, best.entry);
}

/**
 * A sentence saying the service recovered ("at around 2.30PM the website was
 * fully operational again") or the incident was resolved ("an all-clear
 * signalled at about 11:35 AM") tells of the timeline's entry saying so,
 * whatever its words ("1:00 PM: fix applied, all services restored"): it is
 * linked to the nearest such entry. Not when some entry sits at its very
 * time (it may be the event it tells of, in other words).
 */
function outcomeOf(e: TimeExpression, line: TextLine, sentence: string, entries: TimelineEntry[], ctx: MentionInput['ctx']): Mention | undefined {
  const says = evidenceOf(sentence);
  if (says !== 'recovery' && says !== 'resolved') return undefined;
  const placed = entries.flatMap((entry) => {
    const p = place(e, entry, ctx);
    return p ? [{ entry, p, off: Math.abs(offset(p, entry, e)) }] : [];
  });
  if (placed.some((c) => c.off <= SAME_MS)) return undefined;
  const nearest = placed.filter((c) => c.entry.evidence === says && c.entry.kind !== 'update').sort((a, b) => a.off - b.off)[0];
  return nearest && mentionOf(e, line, sentence, nearest.p, nearest.entry);
}

function mentionOf(e: TimeExpression, line: TextLine, sentence: string, p: ResolvedPoint, entry: TimelineEntry): Mention {
  const m: Mention = { expression: e, line: line.line, column: columnAt(line, e.index), sentence, time: p.time, order: p.order, entry };
  if (p.epoch !== undefined) m.epoch = p.epoch;
  if (p.date !== undefined) m.date = p.date;
  return m;
}

/** The mention's time, read like the entry's (an instant, a local time on its day, a bare clock); a time written without a date is on the entry's day. */
function place(e: TimeExpression, entry: TimelineEntry, ctx: MentionInput['ctx']): ResolvedPoint | undefined {
  if (entry.epoch !== undefined) {
    const zone = e.zone ?? ctx.zone ?? entry.expression?.zone;
    return zone ? resolvePoint(e.date, e.time!, zone, { date: entry.date ?? ctx.date }) : undefined;
  }
  if (entry.date !== undefined) return resolvePoint(e.date, e.time!, undefined, { date: entry.date });
  return resolvePoint(undefined, e.time!, undefined);
}

/**
 * How far the mention is from the entry, in milliseconds: across midnight
 * when no date was written ("23:50" and "00:10"), and as the nearer of AM and
 * PM when the clock was written without them and could be either.
 */
export function offset(p: { order: number }, entry: TimelineEntry, e: TimeExpression): number {
  let d = p.order - entry.order!;
  if (!e.date) d = ((((d + DAY_MS / 2) % DAY_MS) + DAY_MS) % DAY_MS) - DAY_MS / 2;
  if (!/[AaPp]\.?[Mm]\b/.test(e.text) && e.time!.hour >= 1 && e.time!.hour <= 12) {
    const half = DAY_MS / 2;
    const other = ((((d + half / 2) % half) + half) % half) - half / 2;
    if (Math.abs(other) < Math.abs(d)) d = other;
  }
  return d;
}

/** The stems of a text's words, without function words and numbers. */
export function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const word = trimEndOf(m[0], "'’._-").replace(/['’]s$/, '');
    if (word.length < 3 || STOP.has(word) || /^[\d.:_-]+$/.test(word)) continue;
    out.add(stem(word));
  }
  return out;
}

/** A crude stem: "upgrading", "upgrade" and "upgrades" give "upgrad"; "configured" and "configuration" give "configur". */
function stem(word: string): string {
  const bare = word.replace(/(?:ations?|ation|ments?|fully|ful|ingly|ing|edly|ed|ies|es|s|ly)$/, '');
  const base = bare.length >= 3 ? bare : word;
  return base.replace(/e$/, '');
}
