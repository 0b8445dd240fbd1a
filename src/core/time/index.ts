/** The pure time layer: recognising, resolving and formatting times in postmortem prose. */
export type { ClockParts, DateParts, ScanOptions, TimeExpression } from './types.js';
export { findTimePlaceholder, scanTimes, weekdayNumber } from './scan.js';
export {
  ZONE_TABLE,
  findZoneStatement,
  matchZoneAt,
  offsetZoneName,
  parseOffset,
  resolveZone,
  zoneNamedIn,
} from './zones.js';
export type { ZoneEntry, ZoneMatch } from './zones.js';
export { findDuration, parseDurationValue } from './duration.js';
export type { DurationMatch } from './duration.js';
export { DAY_MS, addDays, isoWeekday, addMonths, formatInstant, formatLocal, parseIsoDay, resolveDay, resolveExpression, resolvePoint, toDateTime } from './resolve.js';
export type { ResolveContext, ResolvedPoint } from './resolve.js';
