/**
 * Action items as the issues they become: the preview a PR comment shows,
 * and the input of the sync step. Pure: no network.
 */
import type { ActionItem, PostmortemModel } from './types.js';

export interface PlannedItem {
  /** Identity of the item across runs: document path plus item id. */
  key: string;
  path: string;
  id: string;
  line: number;
  title: string;
  kind: ActionItem['kind'];
  owner: string | null;
  due: string | null;
  priority: string | null;
  done: boolean;
  /** An issue the document already links ("#123"). */
  linked: string | null;
  fingerprint: string[];
  /** The document's title and incident facts, for the issue body. */
  document: { title: string | null; date: string | null; severity: string | null };
}

function severityOf(model: PostmortemModel): string | null {
  const s = model.frontMatter?.data?.severity;
  return typeof s === 'string' || typeof s === 'number' ? String(s) : null;
}

export function planItems(models: PostmortemModel[]): PlannedItem[] {
  const out: PlannedItem[] = [];
  for (const model of models) {
    for (const item of model.actionItems) {
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
        document: { title: model.title, date: model.incident.date ?? null, severity: severityOf(model) },
      });
    }
  }
  return out;
}

/** Items a merge would open issues for: not done and not already linked to an issue. */
export function itemsToOpen(items: PlannedItem[]): PlannedItem[] {
  return items.filter((i) => !i.done && !i.linked);
}
