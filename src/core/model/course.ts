/**
 * The incident's course as its timeline tells it: where the impact shows
 * first, where the service recovers, where the timeline ends the incident.
 * The checks compare what the document states (a window, a duration, a
 * metric) with these entries rather than with any entry: lead-up entries
 * (the change merged days before) sit before the onset, follow-ups (the
 * postmortem meeting next week) after the end, and neither proves anything
 * about how long the incident lasted.
 *
 * Only the timed entries that compare with each other (the most common kind:
 * instants, local times on known dates, or bare clocks) are read, in time order.
 */
import type { TimelineEntry } from '../types.js';

export interface Course {
  /**
   * The timeline's first entry, when it does not show the impact yet (the
   * change that caused it, or a lead-up) or says the impact begins there
   * ("traffic begins to drop"): the incident cannot have begun before it.
   * Absent when the timeline opens with the impact already seen (an alert),
   * which may have begun before anyone wrote it down.
   */
  first?: TimelineEntry;
  /** The first entry showing the impact (an alert, errors, complaints, someone noticing). */
  onset?: TimelineEntry;
  /** The first entry after the onset saying the service recovered. */
  recovery?: TimelineEntry;
  /** The last entry after the onset saying the service recovered (for good, after a relapse). */
  restored?: TimelineEntry;
  /**
   * Where the timeline ends the incident: its last entry saying the service
   * recovered or the incident was resolved, else its last fix when no impact
   * shows after it.
   */
  end?: TimelineEntry;
  /** The last timed entry. */
  last?: TimelineEntry;
}

/** The course of the timeline (see the module's comment). */
export function readCourse(timeline: readonly TimelineEntry[]): Course {
  const timed = comparableMajority(timeline.filter((t) => t.order !== undefined && t.kind !== 'update')).sort((a, b) => a.order! - b.order!);
  if (timed.length === 0) return {};
  const course: Course = { last: timed[timed.length - 1] };
  const onset = timed.findIndex((t) => t.evidence === 'impact');
  if (onset > 0 || (onset === 0 && timed[0].onset)) course.first = timed[0];
  if (onset >= 0) {
    course.onset = timed[onset];
    const recovery = timed.slice(onset).find((t) => t.evidence === 'recovery');
    if (recovery) course.recovery = recovery;
  } else if (timed.length > 1) course.first = timed[0];
  const after = onset >= 0 ? timed.slice(onset) : timed;
  const restored = onset >= 0 ? lastOf(after, (t) => t.evidence === 'recovery') : undefined;
  if (restored) course.restored = restored;
  const end = lastOf(after, (t) => t.evidence === 'recovery' || t.evidence === 'resolved') ?? lastFixThatHeld(after);
  if (end) course.end = end;
  return course;
}

/** The last fix, when no impact shows after it: a fix the impact outlived did not end the incident. */
function lastFixThatHeld(entries: TimelineEntry[]): TimelineEntry | undefined {
  const fix = lastOf(entries, (t) => t.evidence === 'fix');
  return fix && !entries.some((t) => t.order! > fix.order! && t.evidence === 'impact') ? fix : undefined;
}

function lastOf(entries: TimelineEntry[], test: (t: TimelineEntry) => boolean): TimelineEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (test(entries[i])) return entries[i];
  return undefined;
}

/** The entries of the most common kind of time (instants, local dated times, bare clocks), which compare with each other. */
export function comparableMajority<T extends Pick<TimelineEntry, 'epoch' | 'date'>>(entries: T[]): T[] {
  const kindOf = (t: T) => (t.epoch !== undefined ? 0 : t.date !== undefined ? 1 : 2);
  const counts = [0, 0, 0];
  for (const t of entries) counts[kindOf(t)]++;
  const kind = counts.indexOf(Math.max(...counts));
  return entries.filter((t) => kindOf(t) === kind);
}
