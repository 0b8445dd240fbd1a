/**
 * The model's names for the one date resolver (`time/resolve.ts`): every
 * date the model reads, with or without its year, goes through
 * `resolveDay`, so a timeline entry, the window and an action item's due
 * date all give "Jan 2" the same year.
 */
import type { ResolveContext } from '../time/index.js';

export { addDays, addMonths, resolveDay as isoDate, resolvePoint as resolve } from '../time/index.js';
export type { ResolvedPoint as Resolved } from '../time/index.js';
export type Context = ResolveContext;

