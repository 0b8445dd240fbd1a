/**
 * What an action item's card on the project board (config `project`) should
 * hold: its status, priority, deadline and incident, by the field each goes
 * in. Pure; src/sync/board.ts writes them through GraphQL.
 *
 * A field follows the document only while it holds what the product set
 * (recorded in the marker, `board`): an empty field is filled, a
 * value a person chose stays.
 */
import type { ProjectSettings } from './config/resolve.js';
import type { Deadline } from './deadline.js';
import type { PlannedItem } from './plan.js';

export type BoardField = 'status' | 'priority' | 'due' | 'incident';
export const BOARD_FIELDS: readonly BoardField[] = ['status', 'priority', 'due', 'incident'];

/** The values the product wants on the item's card, by field; only fields the config names and the item has a value for. */
export function boardValues(item: PlannedItem, deadline: Deadline | null, closed: boolean, project: ProjectSettings): Partial<Record<BoardField, string>> {
  const out: Partial<Record<BoardField, string>> = {};
  if (project.fields.status) out.status = item.done || closed ? project.status.done : project.status.open;
  if (project.fields.priority && item.priority) out.priority = item.priority;
  if (project.fields.due && deadline) out.due = deadline.date;
  if (project.fields.incident) {
    const name = (item.document.title ?? item.path).replace(/\s+/g, ' ').trim().slice(0, 200);
    out.incident = item.document.date ? `${name} (${item.document.date})` : name;
  }
  return out;
}

/**
 * Whether to write a field: it differs from what is wanted, and it is
 * empty or still holds what the product set before (`set`, from the
 * marker; undefined when the product never recorded it).
 */
export function shouldSet(wanted: string | undefined, current: string | null, set: string | undefined): boolean {
  if (wanted === undefined) return false;
  const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
  if (same(current, wanted)) return false;
  if (current === null || current === '') return true;
  return set !== undefined && same(current, set);
}
