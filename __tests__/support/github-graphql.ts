// The loopback server's GraphQL endpoint (POST /graphql): queries are validated against GitHub's
// published schema (@octokit/graphql-schema's schema.json) and executed with `graphql` over a root
// value modelled from the server's state. What is modelled:
// - `viewer` (the token's login: a user's for a personal token, `github-actions[bot]` for the workflow
//   token, `<app>[bot]` for an app);
// - Projects (v2) of an organization or user (`state.projects`, see `addProject`): `repositoryOwner {
//   … on ProjectV2Owner { projectV2(number) { id title fields { … } } } }`, `nodes(ids)` on issues with
//   their `projectItems` and field values, and the mutations `addProjectV2ItemById` (which, like
//   GitHub's, returns the existing item for an issue already on the project) and
//   `updateProjectV2ItemFieldValue` (an option, text or date the field takes).
// The workflow's GITHUB_TOKEN cannot reach projects: its queries get GitHub's FORBIDDEN error, and a
// project whose `readers` leave a token out answers NOT_FOUND. A field the model does not hold
// resolves to null; a query that then breaks a non-null field is recorded as a violation, so a new
// query is noticed and modelled, never silently answered wrong.
import { schema as published } from '@octokit/graphql-schema';
import { buildClientSchema, graphqlSync, parse, validate, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import type { ServerState, TokenInfo } from './github-state.js';

let schema: GraphQLSchema | undefined;
function githubSchema(): GraphQLSchema {
  if (!schema) {
    const json = published.json as unknown as { data?: IntrospectionQuery } & IntrospectionQuery;
    schema = buildClientSchema(json.data ?? json);
  }
  return schema;
}

export interface GraphqlReply {
  status: number;
  body: unknown;
  /** Why the query is a violation (invalid against the schema, or asks for what the model does not hold). */
  problem?: string;
}

// Projects (v2)

export type ProjectFieldType = 'TITLE' | 'TEXT' | 'SINGLE_SELECT' | 'DATE' | 'NUMBER';
export interface ProjectFieldRecord { id: string; name: string; dataType: ProjectFieldType; options?: Array<{ id: string; name: string }> }
export interface ProjectItemRecord {
  id: string;
  /** The issue's node id. */
  contentId: string;
  /** Field id -> value: an option id, a text or an ISO date. */
  values: Map<string, { optionId?: string; text?: string; date?: string; number?: number }>;
}
export interface ProjectRecord {
  id: string; owner: string; number: number; title: string;
  fields: ProjectFieldRecord[];
  items: ProjectItemRecord[];
  /** Logins that may see the project (default: every token but the workflow's). */
  readers?: string[];
}
export interface AddProjectOptions {
  number: number; title?: string;
  fields?: Array<{ name: string; dataType: ProjectFieldType; options?: string[] }>;
  readers?: string[];
}

/** A project on `owner` (an organization or user): Title, plus the given fields (and their options). */
export function addProject(state: ServerState, owner: string, o: AddProjectOptions): ProjectRecord {
  const id = state.nextId();
  const field = (name: string, dataType: ProjectFieldType, options?: string[]): ProjectFieldRecord => {
    const fid = state.nextId();
    return {
      id: Buffer.from(`PVTF_${fid}`).toString('base64'), name, dataType,
      ...(options ? { options: options.map((n) => ({ id: Buffer.from(`opt_${state.nextId()}`).toString('hex'), name: n })) } : {}),
    };
  };
  const project: ProjectRecord = {
    id: Buffer.from(`PVT_${id}`).toString('base64'), owner, number: o.number, title: o.title ?? `Project ${o.number}`,
    fields: [field('Title', 'TITLE'), ...(o.fields ?? []).map((f) => field(f.name, f.dataType, f.options))], items: [],
    ...(o.readers ? { readers: o.readers } : {}),
  };
  state.projects.push(project);
  return project;
}

/** An error GitHub answers on purpose (not a gap in the model): its `type` is reported as GitHub does. */
class ModelError extends Error {
  constructor(message: string, readonly type: 'FORBIDDEN' | 'NOT_FOUND' | 'UNPROCESSABLE') { super(message); }
}

const isWorkflowToken = (token: TokenInfo) => (token.kind ?? 'installation') === 'installation' && token.login === 'github-actions[bot]';

function projectRoot(state: ServerState, token: TokenInfo) {
  const canSee = (p: ProjectRecord) => !isWorkflowToken(token) && (!p.readers || p.readers.some((r) => r.toLowerCase() === token.login.toLowerCase()));
  const fieldObject = (f: ProjectFieldRecord) => ({
    __typename: f.dataType === 'SINGLE_SELECT' ? 'ProjectV2SingleSelectField' : 'ProjectV2Field', id: f.id, name: f.name, dataType: f.dataType,
    ...(f.options ? { options: f.options.map((o) => ({ id: o.id, name: o.name })) } : {}),
  });
  const projectObject = (p: ProjectRecord) => ({
    __typename: 'ProjectV2', id: p.id, title: p.title, number: p.number,
    fields: () => ({ nodes: p.fields.map(fieldObject), totalCount: p.fields.length, pageInfo: { hasNextPage: false, hasPreviousPage: false } }),
  });
  const valueObject = (p: ProjectRecord, item: ProjectItemRecord, f: ProjectFieldRecord) => {
    if (f.dataType === 'TITLE') {
      const issue = state.issueByNodeId(item.contentId)?.issue;
      return issue ? { __typename: 'ProjectV2ItemFieldTextValue', text: issue.title, field: fieldObject(f) } : null;
    }
    const v = item.values.get(f.id);
    if (!v) return null;
    if (f.dataType === 'SINGLE_SELECT') return { __typename: 'ProjectV2ItemFieldSingleSelectValue', optionId: v.optionId, name: f.options?.find((o) => o.id === v.optionId)?.name ?? null, field: fieldObject(f) };
    if (f.dataType === 'DATE') return { __typename: 'ProjectV2ItemFieldDateValue', date: v.date, field: fieldObject(f) };
    if (f.dataType === 'NUMBER') return { __typename: 'ProjectV2ItemFieldNumberValue', number: v.number, field: fieldObject(f) };
    return { __typename: 'ProjectV2ItemFieldTextValue', text: v.text, field: fieldObject(f) };
  };
  const itemObject = (p: ProjectRecord, item: ProjectItemRecord) => ({
    __typename: 'ProjectV2Item', id: item.id, project: projectObject(p),
    fieldValues: () => ({ nodes: p.fields.map((f) => valueObject(p, item, f)).filter(Boolean), totalCount: p.fields.length, pageInfo: { hasNextPage: false, hasPreviousPage: false } }),
  });
  const projectOf = (id: unknown) => {
    const p = state.projects.find((x) => x.id === id);
    if (!p || !canSee(p)) throw new ModelError(`Could not resolve to a node with the global id of '${String(id)}'`, 'NOT_FOUND');
    return p;
  };
  return {
    repositoryOwner: ({ login }: { login: string }) => ({
      __typename: 'Organization', login,
      projectV2: ({ number }: { number: number }) => {
        if (isWorkflowToken(token)) throw new ModelError('Resource not accessible by integration', 'FORBIDDEN');
        const p = state.projects.find((x) => x.owner.toLowerCase() === login.toLowerCase() && x.number === number);
        if (!p || !canSee(p)) throw new ModelError(`Could not resolve to a ProjectV2 with the number ${number}.`, 'NOT_FOUND');
        return projectObject(p);
      },
    }),
    nodes: ({ ids }: { ids: string[] }) =>
      ids.map((id) => {
        const found = state.issueByNodeId(id);
        if (!found) return null;
        const visible = state.projects.filter(canSee);
        return {
          __typename: 'Issue', id,
          projectItems: () => {
            const nodes = visible.flatMap((p) => p.items.filter((i) => i.contentId === id).map((i) => itemObject(p, i)));
            return { nodes, totalCount: nodes.length, pageInfo: { hasNextPage: false, hasPreviousPage: false } };
          },
        };
      }),
    addProjectV2ItemById: ({ input }: { input: { projectId: string; contentId: string } }) => {
      if (isWorkflowToken(token)) throw new ModelError('Resource not accessible by integration', 'FORBIDDEN');
      const p = projectOf(input.projectId);
      if (!state.issueByNodeId(input.contentId)) throw new ModelError(`Could not resolve to a node with the global id of '${input.contentId}'`, 'NOT_FOUND');
      let item = p.items.find((i) => i.contentId === input.contentId);
      if (!item) {
        item = { id: Buffer.from(`PVTI_${state.nextId()}`).toString('base64'), contentId: input.contentId, values: new Map() };
        p.items.push(item);
      }
      return { item: itemObject(p, item) };
    },
    updateProjectV2ItemFieldValue: ({ input }: { input: { projectId: string; itemId: string; fieldId: string; value: { singleSelectOptionId?: string; text?: string; date?: string; number?: number } } }) => {
      if (isWorkflowToken(token)) throw new ModelError('Resource not accessible by integration', 'FORBIDDEN');
      const p = projectOf(input.projectId);
      const item = p.items.find((i) => i.id === input.itemId);
      const field = p.fields.find((f) => f.id === input.fieldId);
      if (!item || !field) throw new ModelError('Could not resolve the item or the field', 'NOT_FOUND');
      const v = input.value;
      if (field.dataType === 'SINGLE_SELECT') {
        if (!field.options?.some((o) => o.id === v.singleSelectOptionId)) throw new ModelError(`The single select option Id does not belong to the field`, 'UNPROCESSABLE');
        item.values.set(field.id, { optionId: v.singleSelectOptionId });
      } else if (field.dataType === 'DATE') {
        if (!v.date || !/^\d{4}-\d{2}-\d{2}/.test(v.date)) throw new ModelError('A date field takes a date', 'UNPROCESSABLE');
        item.values.set(field.id, { date: v.date.slice(0, 10) });
      } else if (field.dataType === 'TEXT') {
        if (typeof v.text !== 'string') throw new ModelError('A text field takes text', 'UNPROCESSABLE');
        item.values.set(field.id, { text: v.text });
      } else throw new ModelError(`The field ${field.name} cannot be updated`, 'UNPROCESSABLE');
      return { projectV2Item: itemObject(p, item) };
    },
  };
}

export function executeGraphql(body: unknown, token: TokenInfo, state: ServerState): GraphqlReply {
  const { query, variables } = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
  if (typeof query !== 'string') return { status: 400, body: { message: 'Problems parsing JSON' }, problem: 'body: query must be a string' };
  let document;
  try {
    document = parse(query);
  } catch (error) {
    const message = (error as Error).message;
    return { status: 200, body: { errors: [{ message }] }, problem: `query does not parse: ${message}` };
  }
  const errors = validate(githubSchema(), document);
  if (errors.length > 0) return { status: 200, body: { errors: errors.map((e) => ({ message: e.message, locations: e.locations })) }, problem: errors.map((e) => e.message).join('; ') };
  const id = state.userId(token.login);
  const rootValue = {
    viewer: { login: token.login, databaseId: id, id: Buffer.from(`04:${token.login.endsWith('[bot]') ? 'Bot' : 'User'}${id}`).toString('base64') },
    ...projectRoot(state, token),
  };
  const result = graphqlSync({ schema: githubSchema(), source: query, rootValue, variableValues: variables });
  if (!result.errors) return { status: 200, body: result };
  // Errors GitHub answers on purpose carry its `type`; anything else is a gap in the model.
  const gaps = result.errors.filter((e) => !(e.originalError instanceof ModelError));
  const shaped = result.errors.map((e) => ({ message: e.message, locations: e.locations, path: e.path, ...(e.originalError instanceof ModelError ? { type: e.originalError.type } : {}) }));
  return { status: 200, body: { data: result.data ?? null, errors: shaped }, ...(gaps.length > 0 ? { problem: `not modelled by the loopback server: ${gaps.map((e) => e.message).join('; ')}` } : {}) };
}
