// The loopback server's GraphQL endpoint (POST /graphql): queries are validated against GitHub's
// published schema (@octokit/graphql-schema's schema.json) and executed with `graphql` over a root
// value modelled from the server's state. What is modelled: `viewer` (the token's login: a user's
// for a personal token, `github-actions[bot]` for the workflow token, `<app>[bot]` for an app).
// A field the model does not hold resolves to null; a query that then breaks a non-null field is
// recorded as a violation, so a new query is noticed and modelled, never silently answered wrong.
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
  };
  const result = graphqlSync({ schema: githubSchema(), source: query, rootValue, variableValues: variables });
  return result.errors ? { status: 200, body: result, problem: `not modelled by the loopback server: ${result.errors.map((e) => e.message).join('; ')}` } : { status: 200, body: result };
}
