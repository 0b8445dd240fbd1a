// Validates requests (and, optionally, responses) against the OpenAPI subset that
// scripts/extract-openapi.mjs extracts from @octokit/openapi. Used by github-server.ts.
//
// The subset is OpenAPI 3.0: its `nullable: true` is rewritten to JSON Schema
// (`anyOf: [schema, {type: 'null'}]`) and its `#/components/...` refs are made
// absolute so that Ajv can resolve them from one registered document.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, any>;

const DOC_ID = 'github-openapi-subset';
const raw = JSON.parse(readFileSync(new URL('./openapi-subset.json', import.meta.url), 'utf8')) as Json;
const spec = toJsonSchema(raw) as Json;

/** OpenAPI 3.0 → JSON Schema: `nullable` becomes a union with null, local refs become absolute. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' ? DOC_ID + value : toJsonSchema(value);
  }
  if (out.nullable !== true) return out;
  const { nullable: _drop, ...rest } = out;
  return { anyOf: [rest, { type: 'null' }] };
}

function deref(node: Json | undefined): Json | undefined {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    const pointer = current.$ref.slice(DOC_ID.length + 2).split('/');
    current = pointer.reduce<Json | undefined>((acc, key) => acc?.[key], spec);
  }
  return current;
}

function makeAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, coerceTypes, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: DOC_ID, components: spec.components });
  return ajv;
}
// Parameters arrive as strings and are coerced (`?per_page=10` is an integer); bodies are not.
const paramAjv = makeAjv(true);
const bodyAjv = makeAjv(false);

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  docsUrl: string;
  validatePath: ValidateFunction;
  validateQuery: ValidateFunction;
  validateBody?: ValidateFunction;
  bodyRequired: boolean;
  responseValidators: Map<string, ValidateFunction | null>;
  responses: Json;
}

const operations = new Map<string, Operation>();

/** The documented operation for `method` + path template, compiled on first use and cached per process. */
export function getOperation(method: string, template: string): Operation | undefined {
  const key = `${method.toLowerCase()} ${template}`;
  const cached = operations.get(key);
  if (cached) return cached;
  const item = spec.paths[template] as Json | undefined;
  const op = item?.[method.toLowerCase()] as Json | undefined;
  if (!op) return undefined;

  const params = [...(item?.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => deref(p)!);
  const paramSchema = (where: string): Json => {
    const own = params.filter((p) => p.in === where);
    return {
      type: 'object',
      properties: Object.fromEntries(own.map((p) => [p.name, p.schema ?? {}])),
      required: own.filter((p) => p.required).map((p) => p.name),
    };
  };
  const bodySchema = op.requestBody?.content?.['application/json']?.schema as Json | undefined;
  const compiled: Operation = {
    operationId: op.operationId,
    method: method.toUpperCase(),
    template,
    docsUrl: op.externalDocs?.url ?? 'https://docs.github.com/rest',
    validatePath: paramAjv.compile(paramSchema('path')),
    validateQuery: paramAjv.compile(paramSchema('query')),
    validateBody: bodySchema ? bodyAjv.compile(bodySchema) : undefined,
    bodyRequired: op.requestBody?.required === true,
    responseValidators: new Map(),
    responses: op.responses ?? {},
  };
  operations.set(key, compiled);
  return compiled;
}

/** Validator for a documented JSON response; `null` when the status or its body is undocumented. */
export function responseValidator(op: Operation, status: number): ValidateFunction | null {
  const key = String(status);
  if (!op.responseValidators.has(key)) {
    const schema = deref(op.responses[key])?.content?.['application/json']?.schema as Json | undefined;
    op.responseValidators.set(key, schema ? bodyAjv.compile(schema) : null);
  }
  return op.responseValidators.get(key) ?? null;
}

export function describeErrors(where: string, errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`)
    .join('; ');
}

/** Every documented operation in the subset as [METHOD, template] (used by the server's self-test). */
export function documentedOperations(): Array<[string, string]> {
  return Object.entries(spec.paths as Json).flatMap(([template, item]) =>
    Object.keys(item as Json)
      .filter((m) => m !== 'parameters')
      .map((m): [string, string] => [m.toUpperCase(), template]),
  );
}
