/**
 * The project board (config `project`): each action-item issue gets one
 * card on a Projects (v2) board, with its status, priority, deadline and
 * incident, through GitHub's GraphQL API and the gateway (dry-run, stats).
 *
 * - The workflow's GITHUB_TOKEN cannot reach projects: the run says so and
 *   leaves the board alone (pass `project-token`).
 * - Fields and options the config names but the project lacks are named in
 *   one error, and nothing is written to the board.
 * - A card is added once; a field is written only when it differs and is
 *   empty or still holds what the product set (the issue's marker records
 *   it), so a rerun writes nothing and a value a person chose stays.
 */
import { BOARD_FIELDS, boardValues, shouldSet, type BoardField } from '../core/board.js';
import type { ProjectSettings } from '../core/config/resolve.js';
import type { TrackedIssue } from '../core/identity.js';
import type { PlannedItem } from '../core/plan.js';
import { ACTIONS_BOT, type GitHubGateway } from '../github/gateway.js';
import { deadlineFor, type DesiredContext } from './desired.js';
import { errorLine, plural } from '../core/strings.js';

export interface BoardResult {
  /** The project's title, when it was found. */
  project: string | null;
  added: number;
  updated: number;
  unchanged: number;
  failures: string[];
  notes: string[];
}

export interface BoardContext {
  project: ProjectSettings;
  /** The gateway of the token for projects (`project-token`). */
  gateway: GitHubGateway;
  home: string;
  items: PlannedItem[];
  issueOf: ReadonlyMap<string, TrackedIssue>;
  desired: DesiredContext;
  dryRun: boolean;
  log: { info(message: string): void; warning(message: string): void };
}

interface Field {
  id: string;
  name: string;
  dataType: string;
  options?: Array<{ id: string; name: string }>;
}

interface Project {
  id: string;
  title: string;
  fields: Field[];
}

/** What each logical field may be on the board. */
const KINDS: Record<BoardField, { types: string[]; expected: string }> = {
  status: { types: ['SINGLE_SELECT'], expected: 'a single-select field' },
  priority: { types: ['SINGLE_SELECT', 'TEXT'], expected: 'a single-select or text field' },
  due: { types: ['DATE'], expected: 'a date field' },
  incident: { types: ['TEXT'], expected: 'a text field' },
};

const PROJECT_QUERY = `query($login: String!, $number: Int!) {
  repositoryOwner(login: $login) {
    ... on ProjectV2Owner {
      projectV2(number: $number) {
        id
        title
        fields(first: 100) {
          nodes {
            ... on ProjectV2FieldCommon { id name dataType }
            ... on ProjectV2SingleSelectField { options { id name } }
          }
        }
      }
    }
  }
}`;

const ITEMS_QUERY = `query($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Issue {
      id
      projectItems(first: 50) {
        nodes {
          id
          project { id }
          fieldValues(first: 50) {
            nodes {
              ... on ProjectV2ItemFieldSingleSelectValue { name field { ... on ProjectV2FieldCommon { id } } }
              ... on ProjectV2ItemFieldTextValue { text field { ... on ProjectV2FieldCommon { id } } }
              ... on ProjectV2ItemFieldDateValue { date field { ... on ProjectV2FieldCommon { id } } }
            }
          }
        }
      }
    }
  }
}`;

const ADD_ITEM = `mutation($project: ID!, $content: ID!) {
  addProjectV2ItemById(input: { projectId: $project, contentId: $content }) { item { id } }
}`;

const SET_FIELD = `mutation($project: ID!, $item: ID!, $field: ID!, $value: ProjectV2FieldValue!) {
  updateProjectV2ItemFieldValue(input: { projectId: $project, itemId: $item, fieldId: $field, value: $value }) { projectV2Item { id } }
}`;

interface ItemsAnswer {
  nodes: Array<{
    id: string;
    projectItems?: { nodes: Array<{ id: string; project: { id: string }; fieldValues: { nodes: Array<{ name?: string; text?: string; date?: string; field?: { id?: string } } | null> } } | null> };
  } | null>;
}

/** The message when the project cannot be reached with the workflow's own token. */
export function projectTokenMessage(where: string): string {
  return (
    `The project board ${where} was not updated: the workflow's GITHUB_TOKEN cannot reach Projects (GitHub grants it no project permission). ` +
    'Pass a token that can in the `project-token` input: a GitHub App installation token with the organization permission Projects: read and write ' +
    '(plus Issues: read), or a fine-grained personal access token with Projects: read and write (a classic token needs the `project` scope).'
  );
}

export async function syncBoard(ctx: BoardContext): Promise<BoardResult> {
  const owner = ctx.project.owner ?? ctx.home.split('/')[0];
  const where = `${owner}#${ctx.project.number}`;
  const result: BoardResult = { project: null, added: 0, updated: 0, unchanged: 0, failures: [], notes: [] };
  if ((await ctx.gateway.identity()).toLowerCase() === ACTIONS_BOT) {
    const message = projectTokenMessage(where);
    ctx.log.warning(message);
    result.notes.push(message);
    return result;
  }
  const project = await findProject(ctx.gateway, owner, ctx.project.number).catch((error: unknown) => {
    result.failures.push(`The project board ${where} could not be read: ${graphqlProblem(error)}`);
    return null;
  });
  if (!project) {
    if (result.failures.length === 0) result.failures.push(`The project board ${where} was not found, or the project token cannot see it: check \`project.owner\` and \`project.number\`, and that the token has Projects: read and write.`);
    for (const f of result.failures) ctx.log.warning(f);
    return result;
  }
  result.project = project.title;

  const cards = ctx.items.flatMap((item) => {
    const issue = ctx.issueOf.get(item.key);
    if (!issue?.nodeId) return [];
    const values = boardValues(item, deadlineFor(item, issue, ctx.desired), issue.state === 'closed', ctx.project);
    return [{ item, issue, nodeId: issue.nodeId, values }];
  });
  const fields = resolveFields(project, ctx.project, cards.map((c) => c.values));
  if (typeof fields === 'string') {
    const message = `Project "${project.title}" (${where}): ${fields}. Fix the project or the \`project\` config; the board was not updated.`;
    ctx.log.warning(message);
    result.failures.push(message);
    return result;
  }

  const existing = await cardsOf(ctx.gateway, project.id, cards.map((c) => c.nodeId));
  for (const card of cards) {
    let found = existing.get(card.nodeId);
    if (!found) {
      const added = await ctx.gateway.mutate<{ addProjectV2ItemById: { item: { id: string } } }>(`add ${card.issue.url} to the project "${project.title}"`, ADD_ITEM, { project: project.id, content: card.nodeId });
      result.added++;
      if (!added) continue; // dry run
      found = { id: added.addProjectV2ItemById.item.id, values: new Map() };
    }
    let wrote = false;
    for (const name of BOARD_FIELDS) {
      const field = fields.get(name);
      const wanted = card.values[name];
      if (!field || wanted === undefined) continue;
      const current = found.values.get(field.id) ?? null;
      if (!shouldSet(wanted, current, card.issue.marker?.board?.[name])) continue;
      await ctx.gateway.mutate(`set "${field.name}" of ${card.issue.url} to "${wanted}"`, SET_FIELD, { project: project.id, item: found.id, field: field.id, value: valueFor(field, wanted) });
      wrote = true;
    }
    if (wrote) result.updated++;
    else if (existing.has(card.nodeId)) result.unchanged++;
  }
  ctx.log.info(`Project "${project.title}": ${plural(result.added, 'card')} added, ${result.updated} updated, ${result.unchanged} unchanged.`);
  return result;
}

async function findProject(gateway: GitHubGateway, login: string, number: number): Promise<Project | null> {
  const data = await gateway.graphql<{ repositoryOwner: { projectV2?: { id: string; title: string; fields: { nodes: Array<Partial<Field> | null> } } | null } | null }>(PROJECT_QUERY, { login, number });
  const p = data.repositoryOwner?.projectV2;
  if (!p) return null;
  return { id: p.id, title: p.title, fields: p.fields.nodes.filter((f): f is Field => !!f && typeof f.id === 'string' && typeof f.name === 'string') };
}

/**
 * The project's field for each logical field the config names, or one
 * message naming everything that is missing: fields, wrong types, options.
 */
function resolveFields(project: Project, settings: ProjectSettings, wanted: Array<Partial<Record<BoardField, string>>>): Map<BoardField, Field> | string {
  const problems: string[] = [];
  const out = new Map<BoardField, Field>();
  const names = project.fields.map((f) => `"${f.name}"`).join(', ');
  for (const key of BOARD_FIELDS) {
    const name = settings.fields[key];
    if (!name) continue;
    const field = project.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!field) {
      problems.push(`no field "${name}" (${KINDS[key].expected}, for the ${key === 'due' ? 'deadline' : key}; the project has ${names || 'no fields'})`);
      continue;
    }
    if (!KINDS[key].types.includes(field.dataType)) {
      problems.push(`field "${field.name}" is a ${field.dataType.toLowerCase().replace('_', '-')} field, expected ${KINDS[key].expected}`);
      continue;
    }
    if (field.dataType === 'SINGLE_SELECT') {
      const values = new Set(wanted.map((w) => w[key]).filter((v): v is string => v !== undefined));
      if (key === 'status') values.add(settings.status.open).add(settings.status.done);
      const missing = [...values].filter((v) => !field.options?.some((o) => o.name.toLowerCase() === v.toLowerCase()));
      if (missing.length > 0) problems.push(`field "${field.name}" has no option ${missing.map((m) => `"${m}"`).join(', ')} (its options: ${(field.options ?? []).map((o) => `"${o.name}"`).join(', ') || 'none'})`);
    }
    out.set(key, field);
  }
  return problems.length > 0 ? problems.join('; ') : out;
}

function valueFor(field: Field, value: string): Record<string, string> {
  if (field.dataType === 'SINGLE_SELECT') return { singleSelectOptionId: field.options!.find((o) => o.name.toLowerCase() === value.toLowerCase())!.id };
  if (field.dataType === 'DATE') return { date: value };
  return { text: value };
}

/** The cards already on the project, by issue node id: their item id and field values (option names, text, dates) by field id. */
async function cardsOf(gateway: GitHubGateway, projectId: string, ids: string[]): Promise<Map<string, { id: string; values: Map<string, string> }>> {
  const out = new Map<string, { id: string; values: Map<string, string> }>();
  for (let i = 0; i < ids.length; i += 50) {
    const data = await gateway.graphql<ItemsAnswer>(ITEMS_QUERY, { ids: ids.slice(i, i + 50) });
    for (const node of data.nodes ?? []) {
      const card = node?.projectItems?.nodes.find((n) => n?.project.id === projectId);
      if (!node || !card) continue;
      const values = new Map<string, string>();
      for (const v of card.fieldValues.nodes) {
        const value = v?.name ?? v?.text ?? v?.date;
        if (v?.field?.id && value !== undefined) values.set(v.field.id, value);
      }
      out.set(node.id, { id: card.id, values });
    }
  }
  return out;
}

/** What a GraphQL error says, by its `type` (FORBIDDEN, NOT_FOUND…), never by its text alone. */
function graphqlProblem(error: unknown): string {
  const errors = (error as { errors?: Array<{ type?: string; message?: string }> })?.errors;
  const type = errors?.[0]?.type;
  if (type === 'FORBIDDEN' || type === 'INSUFFICIENT_SCOPES') return 'the project token may not read it (it needs Projects: read and write)';
  if (type === 'NOT_FOUND') return 'no such project';
  return errorLine(error);
}
