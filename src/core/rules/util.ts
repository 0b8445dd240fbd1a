/** Small helpers shared by the time rules. */
import type { TimelineEntry, WindowPoint } from '../types.js';
import { comparableMajority } from '../model/course.js';

type Timed = Pick<WindowPoint, 'epoch' | 'date' | 'order'> | Pick<TimelineEntry, 'epoch' | 'date' | 'order'>;

/** Two points can be compared when both are instants, or both local times on known dates, or both bare clocks. */
export function comparable(a: Timed, b: Timed): boolean {
  if (a.order === undefined || b.order === undefined) return false;
  if (a.epoch !== undefined || b.epoch !== undefined) return a.epoch !== undefined && b.epoch !== undefined;
  return (a.date !== undefined) === (b.date !== undefined);
}

/** "2 h 30 min", "45 min", "3 d 4 h". */
export function formatMinutes(minutes: number): string {
  const m = Math.round(Math.abs(minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const r = m % 60;
  const parts: string[] = [];
  if (d) parts.push(`${d} d`);
  if (h) parts.push(`${h} h`);
  if (r || parts.length === 0) parts.push(`${r} min`);
  return parts.join(' ');
}

/** The clock part of a resolved time, for messages: "10:00", "2023-11-07 10:00 UTC". */
export function shortTime(time: string | null | undefined): string {
  if (!time) return '?';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?(Z)?/.exec(time);
  if (!m) return time;
  return `${m[1]} ${m[2]}${m[3] ? ' UTC' : ''}`;
}

type Entry = TimelineEntry;

/** A run of consecutive timeline entries out of order, and the entries around it that keep the order. */
export interface OrderRun {
  entries: Entry[];
  /** The in-order entry just before the run (in reading order), if any. */
  before?: Entry;
  /** The in-order entry just after it, if any. */
  after?: Entry;
}

export interface Chronology {
  /** The timed entries that can be compared with each other, in document order. */
  timed: Entry[];
  /** The timeline lists its entries newest first (a status page's updates). */
  newestFirst: boolean;
  runs: OrderRun[];
  outOfOrder: Set<Entry>;
}

const chronologies = new WeakMap<readonly Entry[], Chronology>();

/**
 * Which timed entries are out of order: all but the longest sequence that
 * keeps the order (the earliest such sequence, so a step back is blamed on
 * the entry that steps back), grouped in runs, one problem each. A timeline
 * that mostly runs backwards is read newest first. O(n log n).
 */
export function chronology(timeline: readonly Entry[]): Chronology {
  const cached = chronologies.get(timeline);
  if (cached) return cached;
  // Each timeline section is a sequence of its own ("Timeline" of each incident, a "Detection timeline" retelling them).
  const parts = [...new Set(timeline.map((t) => t.part ?? 0))];
  const result = parts.length === 1 ? chronologyOf(timeline) : mergeParts(parts.map((p) => chronologyOf(timeline.filter((t) => (t.part ?? 0) === p))));
  chronologies.set(timeline, result);
  return result;
}

function mergeParts(parts: Chronology[]): Chronology {
  return {
    timed: parts.flatMap((c) => c.timed),
    newestFirst: parts.some((c) => c.newestFirst),
    runs: parts.flatMap((c) => c.runs),
    outOfOrder: new Set(parts.flatMap((c) => [...c.outOfOrder])),
  };
}

function chronologyOf(timeline: readonly Entry[]): Chronology {
  const clocked = timeline.filter((t) => t.order !== undefined);
  // "15:00 UTC (Sat)" above undated "20:30 UTC": an entry that names its own day among ones that do not is not
  // surely on their day, so it is in no order with them.
  const ownDay = clocked.filter(namesOwnDay);
  const timed = comparableMajority(ownDay.length * 2 < clocked.length ? clocked.filter((t) => !ownDay.includes(t)) : clocked);
  let forward = 0;
  let backward = 0;
  for (let i = 1; i < timed.length; i++) {
    if (minuteOf(timed[i]) > minuteOf(timed[i - 1])) forward++;
    else if (minuteOf(timed[i]) < minuteOf(timed[i - 1])) backward++;
  }
  // A status page's updates are often newest first; with as many steps back as forward, its first update being the latest decides.
  const updates = timed.length >= 3 && timed.every((t) => t.kind === 'update');
  const newestFirst =
    (backward >= 2 && backward > forward) || (updates && backward >= 1 && backward >= forward && timed.every((t) => t.order! <= timed[0].order!));
  const seq = newestFirst ? [...timed].reverse() : timed;
  const keep = longestInOrder(seq.map(minuteOf));
  const runs: OrderRun[] = [];
  const outOfOrder = new Set<Entry>();
  let current: OrderRun | undefined;
  let lastKept: Entry | undefined;
  seq.forEach((entry, i) => {
    if (keep[i]) {
      if (current) current.after = entry;
      current = undefined;
      lastKept = entry;
      return;
    }
    outOfOrder.add(entry);
    if (!current) {
      current = { entries: [], before: lastKept };
      runs.push(current);
    }
    current.entries.push(entry);
  });
  for (const run of runs) run.entries.sort((a, b) => a.line - b.line);
  return { timed, newestFirst, runs, outOfOrder };
}

/**
 * The minute an entry happened in: a time written to the minute ("17:55")
 * covers the whole minute, so an entry in the same minute as one written to
 * the second ("17:55:08") is never before or after it.
 */
const WEEKDAY_AFTER = /^[ \t]{0,2}\(?[ \t]{0,2}(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?\)?(?![a-z])/i;

/** An undated entry whose clock carries a weekday ("15:00 UTC (Sat)"). */
function namesOwnDay(entry: Entry): boolean {
  const e = entry.expression;
  return entry.date === undefined && e !== undefined && WEEKDAY_AFTER.test(entry.text.slice(e.index + e.length, e.index + e.length + 16));
}

function minuteOf(entry: Entry): number {
  return Math.floor(entry.order! / 60_000);
}

/**
 * Marks the earliest longest non-decreasing subsequence. L[i] is the length
 * of the longest one starting at i (patience sorting from the right); entries
 * with the same L strictly decrease in value from left to right, so the first
 * index of the next length after the current one always continues it.
 */
function longestInOrder(values: number[]): boolean[] {
  const n = values.length;
  const length = new Array<number>(n);
  const tails: number[] = []; // tails[k]: the largest start value of a sequence of length k+1 seen so far (from the right)
  for (let i = n - 1; i >= 0; i--) {
    const v = -values[i];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    length[i] = lo + 1;
  }
  const byLength = new Map<number, number[]>();
  for (let i = 0; i < n; i++) (byLength.get(length[i]) ?? byLength.set(length[i], []).get(length[i])!).push(i);
  const keep = new Array<boolean>(n).fill(false);
  const cursor = new Map<number, number>();
  let need = tails.length;
  let at = -1;
  while (need > 0) {
    const list = byLength.get(need)!;
    let p = cursor.get(need) ?? 0;
    while (list[p] <= at) p++;
    cursor.set(need, p);
    at = list[p];
    keep[at] = true;
    need--;
  }
  return keep;
}
