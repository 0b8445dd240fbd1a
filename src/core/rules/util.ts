/** Small helpers shared by the time rules. */
import type { TimelineEntry, WindowPoint } from '../types.js';

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
