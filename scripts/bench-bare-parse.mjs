#!/usr/bin/env node
// "Bare parse" baseline for `npm run bench`: the least work any remark-based
// postmortem linter has to do. Reads every .md file under DIR, parses it with
// exactly unified + remark-parse + remark-gfm + remark-frontmatter(['yaml'])
// (.parse + .runSync), and parses the YAML front matter with yaml's
// parseDocument. No rules, no reporting.
//
//   node scripts/bench-bare-parse.mjs DIR
//
// Prints `files=N bytes=B yaml=Y` on stdout (the bench harness reads it).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parseDocument } from 'yaml';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/bench-bare-parse.mjs DIR');
  process.exit(2);
}

function* walk(d) {
  const entries = readdirSync(d, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(d, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === '.git') continue;
      yield* walk(p);
    } else if (e.isFile() && e.name.endsWith('.md')) yield p;
  }
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

let files = 0;
let bytes = 0;
let yamlDocs = 0;
let yamlErrors = 0;
let nodes = 0;
for (const file of walk(dir)) {
  const text = readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(text);
  const tree = processor.runSync(processor.parse(text));
  const first = tree.children[0];
  if (first && first.type === 'yaml') {
    yamlDocs++;
    const doc = parseDocument(first.value);
    if (doc.errors.length) yamlErrors++;
  }
  nodes += tree.children.length;
  files++;
}
console.log(`files=${files} bytes=${bytes} yaml=${yamlDocs} yamlErrors=${yamlErrors} blocks=${nodes}`);
