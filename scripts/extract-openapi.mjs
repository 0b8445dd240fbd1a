#!/usr/bin/env node
// Extracts the few GitHub REST operations the action talks to from the 13 MB
// description shipped by @octokit/openapi into __tests__/support/openapi-subset.json,
// which the loopback GitHub server (__tests__/support/github-server.ts) validates
// requests against.
//
// Every `$ref` reachable from the chosen operations is copied into the subset's
// own `components`, so the result is a self-contained OpenAPI 3.0 document.
// Request/response `examples` (and the components they point to) are dropped:
// they are documentation only and make up most of the size.
//
// Usage: node scripts/extract-openapi.mjs [--check]
//   --check  exit 1 if the committed subset differs from what would be generated.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const SOURCE = require.resolve('@octokit/openapi/generated/api.github.com.json');
const TARGET = fileURLToPath(new URL('../__tests__/support/openapi-subset.json', import.meta.url));

/** [method, path template] of every operation the server implements. */
export const OPERATIONS = [
  ['get', '/rate_limit'],
  ['get', '/user'],
  ['get', '/search/issues'],
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/assignees/{assignee}'],
  ['get', '/repos/{owner}/{repo}/contents/{path}'],
  ['put', '/repos/{owner}/{repo}/contents/{path}'],
  ['get', '/repos/{owner}/{repo}/git/ref/{ref}'],
  ['post', '/repos/{owner}/{repo}/git/refs'],
  ['get', '/repos/{owner}/{repo}/issues'],
  ['post', '/repos/{owner}/{repo}/issues'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['patch', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['delete', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/assignees'],
  ['delete', '/repos/{owner}/{repo}/issues/{issue_number}/assignees'],
  ['get', '/repos/{owner}/{repo}/labels'],
  ['post', '/repos/{owner}/{repo}/labels'],
  ['get', '/repos/{owner}/{repo}/labels/{name}'],
  ['patch', '/repos/{owner}/{repo}/labels/{name}'],
  ['delete', '/repos/{owner}/{repo}/labels/{name}'],
  ['get', '/repos/{owner}/{repo}/pulls'],
  ['post', '/repos/{owner}/{repo}/pulls'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  // Tracking issues, issue types and cross-repository filing (issue 12).
  ['get', '/repos/{owner}/{repo}/issue-types'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/sub_issues'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/sub_issues'],
  ['delete', '/repos/{owner}/{repo}/issues/{issue_number}/sub_issue'],
];

export function extract(spec, operations = OPERATIONS) {
  const components = {};
  const seen = new Set();
  const pending = [];

  /** Deep-copies `node`, dropping examples and queueing every local $ref it contains. */
  const copy = (node) => {
    if (Array.isArray(node)) return node.map(copy);
    if (node === null || typeof node !== 'object') return node;
    const out = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'examples' && value && typeof value === 'object' && !Array.isArray(value)) continue;
      if (key === '$ref' && typeof value === 'string') {
        if (!value.startsWith('#/components/')) throw new Error(`unsupported $ref ${value}`);
        if (!seen.has(value)) {
          seen.add(value);
          pending.push(value);
        }
      }
      out[key] = copy(value);
    }
    return out;
  };

  const paths = {};
  for (const [method, path] of operations) {
    const item = spec.paths[path];
    const op = item?.[method];
    if (!op) throw new Error(`operation ${method.toUpperCase()} ${path} not found`);
    paths[path] ??= {};
    if (item.parameters) paths[path].parameters = copy(item.parameters);
    paths[path][method] = copy(op);
  }

  while (pending.length > 0) {
    const ref = pending.shift();
    const [, , section, name] = ref.split('/');
    const target = spec.components?.[section]?.[name];
    if (target === undefined) throw new Error(`dangling $ref ${ref}`);
    (components[section] ??= {})[name] = copy(target);
  }
  for (const section of Object.keys(components)) {
    components[section] = Object.fromEntries(Object.entries(components[section]).sort(([a], [b]) => a.localeCompare(b)));
  }

  return {
    openapi: spec.openapi,
    info: {
      ...spec.info,
      'x-subset-of': '@octokit/openapi generated/api.github.com.json',
      'x-generated-by': 'scripts/extract-openapi.mjs',
    },
    paths,
    components,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const spec = JSON.parse(readFileSync(SOURCE, 'utf8'));
  const text = `${JSON.stringify(extract(spec), null, 1)}\n`;
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(TARGET, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${TARGET} is stale: run node scripts/extract-openapi.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(TARGET, text);
    console.log(`wrote ${TARGET} (${OPERATIONS.length} operations, ${(text.length / 1024).toFixed(0)} KiB)`);
  }
}
