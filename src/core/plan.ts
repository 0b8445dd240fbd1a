/**
 * Action items as the issues they become: the preview a PR comment shows,
 * and the input of the sync step. Pure: no network.
 */
import { documentKey } from './identity.js';
import { componentsOf } from './routing.js';
import type { ActionItem, PostmortemModel } from './types.js';

export interface PlannedItem {
  /** Identity of the item across runs: document path plus item id. */
  key: string;
  path: string;
  id: string;
  line: number;
  title: string;
  /** What the item says beyond its title, for its issue's body (see ActionItem). */
  details?: string;
  kind: ActionItem['kind'];
  owner: string | null;
  due: string | null;
  priority: string | null;
  done: boolean;
  /** An issue the document already links ("#123"). */
  linked: string | null;
  fingerprint: string[];
  /** The document's title and incident facts, for the issue body; its components (front matter), for routing. */
  document: { title: string | null; date: string | null; severity: string | null; components?: string[] };
  /** The repository the item names for its issue, as written (see core/routing.ts). */
  repo?: string | null;
  /** Place among the document's items, 1-based. */
  n: number;
  /** The document's identity across renames (see core/identity.ts). */
  doc?: string;
}

function severityOf(model: PostmortemModel): string | null {
  const s = model.frontMatter?.data?.severity;
  return typeof s === 'string' || typeof s === 'number' ? String(s) : null;
}

/** A postmortem as its tracking issue sees it (config `issues.parent`). */
export interface PlannedDocument {
  path: string;
  /** The document's identity across renames. */
  doc?: string;
  title: string | null;
  date: string | null;
  severity: string | null;
  /** The incident's length in minutes (stated, or from its start and end), when known. */
  minutes: number | null;
  items: PlannedItem[];
}

function minutesOf(model: PostmortemModel): number | null {
  const { start, end, duration } = model.incident;
  if (duration) return duration.minutes;
  return start?.epoch !== undefined && end?.epoch !== undefined && end.epoch > start.epoch ? Math.round((end.epoch - start.epoch) / 60_000) : null;
}

export function planDocuments(models: PostmortemModel[], items: PlannedItem[] = planItems(models)): PlannedDocument[] {
  return models.map((model) => {
    const doc = documentKey({ id: model.frontMatter?.data?.id, title: model.title, date: model.incident.date ?? null });
    return {
      path: model.path,
      ...(doc ? { doc } : {}),
      title: model.title,
      date: model.incident.date ?? null,
      severity: severityOf(model),
      minutes: minutesOf(model),
      items: items.filter((i) => i.path === model.path),
    };
  });
}

export function planItems(models: PostmortemModel[]): PlannedItem[] {
  const out: PlannedItem[] = [];
  for (const model of models) {
    const date = model.incident.date ?? null;
    const doc = documentKey({ id: model.frontMatter?.data?.id, title: model.title, date });
    const components = componentsOf(model.frontMatter?.data);
    for (const [i, item] of model.actionItems.entries()) {
      out.push({
        key: `${model.path}#${item.id}`,
        path: model.path,
        id: item.id,
        line: item.line,
        title: item.title,
        kind: item.kind,
        owner: item.owner,
        due: item.due,
        priority: item.priority,
        done: item.done,
        linked: item.issue,
        fingerprint: item.fingerprint ?? [],
        document: { title: model.title, date, severity: severityOf(model), ...(components.length ? { components } : {}) },
        n: i + 1,
        ...(doc ? { doc } : {}),
        ...(item.repo ? { repo: item.repo } : {}),
        ...(item.details ? { details: item.details } : {}),
      });
    }
  }
  return out;
}

/** Items a merge would open issues for: not done and not already linked to an issue. */
export function itemsToOpen(items: PlannedItem[]): PlannedItem[] {
  return items.filter((i) => !i.done && !i.linked);
}
