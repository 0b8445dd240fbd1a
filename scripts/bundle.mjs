#!/usr/bin/env node
// Bundle src/ into dist/ (the action's dist/index.js and the CLI's dist/cli.js)
// and regenerate postmortem.schema.json from the zod config schema.
// Deterministic: the same src/ gives byte-identical output, which .ci/run checks.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundledPackages, licensesText } from './licenses.mjs';
import { patchesPlugin } from './patches.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const banner = "// postmortem-governance (MIT). Bundled third-party code: its licences are in licenses.txt beside this file.\nimport { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);";

const entries = [
  { in: 'src/index.ts', out: 'index' },
  { in: 'src/cli.ts', out: 'cli' },
  { in: 'src/worker.ts', out: 'worker' },
].filter((e) => existsSync(join(root, e.in)));

// The engine's identity for the content cache (src/io/cache.ts): a hash of
// everything that reads a document (decode, parse, model, rules, the report
// entry), bundled with its dependencies. Any change to that code or to a
// dependency it bundles changes the hash, and a cache written by other code
// is never trusted. Computed from src/ alone, so the bundle stays reproducible.
const engine = await build({
  absWorkingDir: root,
  stdin: { contents: "export * from './src/core/engine.ts';\nexport * from './src/core/compact-file.ts';\n", resolveDir: root, loader: 'ts' },
  bundle: true,
  write: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [patchesPlugin()],
});
const engineHash = createHash('sha256').update(engine.outputFiles[0].contents).digest('hex').slice(0, 16);

await rm(join(root, 'dist'), { recursive: true, force: true });
const bundled = await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: banner },
  legalComments: 'none',
  // Minified: ~40% less source for V8 to read and pre-parse on every start (see README, Performance).
  minify: true,
  define: { __POSTMORTEM_ENGINE_HASH__: JSON.stringify(engineHash) },
  sourcemap: false,
  logLevel: 'warning',
  metafile: true,
  plugins: [patchesPlugin()],
});
// The notices of the bundled packages, whose comments the bundle leaves out.
await writeFile(join(root, 'dist', 'licenses.txt'), licensesText(bundledPackages(root, bundled.metafile)));

// The JSON Schema for editors, from the zod schema, and the README's tables of
// inputs (from action.yml) and rules (from the registry): one source of truth each.
const tmp = join(root, 'node_modules', '.cache', 'postmortem-schema');
await mkdir(tmp, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/core/config/schema.ts', 'src/core/rules/index.ts'],
  outdir: tmp,
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
const { configSchema } = await import(pathToFileURL(join(tmp, 'config', 'schema.js')).href + `?t=${Date.now()}`);
const { RULES } = await import(pathToFileURL(join(tmp, 'rules', 'index.js')).href + `?t=${Date.now()}`);
const z = await import('zod/mini');
const schema = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' });
schema.$id = 'https://github.com/postmortem-governance/postmortem-governance/postmortem.schema.json';
schema.title = 'postmortem-governance configuration (.github/postmortem.yml)';
await writeFile(join(root, 'postmortem.schema.json'), JSON.stringify(schema, null, 2) + '\n');

// README tables between markers.
const { parse } = await import('yaml');
const action = parse(await readFile(join(root, 'action.yml'), 'utf8'));
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const inputs = [
  '| Input | Default | Description |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(([name, i]) => `| \`${name}\` | ${i.default === '' || i.default === undefined ? '' : `\`${cell(i.default)}\``} | ${cell(i.description)} |`),
  '',
  '| Output | Description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
].join('\n');
const rules = [
  '| Rule | Default | What it checks |',
  '| --- | --- | --- |',
  ...RULES.map((r) => `| <a id="rule-${r.id}"></a>\`${r.id}\` | ${r.defaultSeverity} | ${cell(r.description)} |`),
].join('\n');
const readmePath = join(root, 'README.md');
if (existsSync(readmePath)) {
  let readme = await readFile(readmePath, 'utf8');
  const replace = (name, body) => {
    const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    readme = readme.replace(re, `$1\n${body}\n$2`);
  };
  replace('inputs', inputs);
  replace('rules', rules);
  // Examples from real runs of the bundle (made by __tests__/action/readme-examples.test.ts).
  for (const [name, file, lang] of [['example-comment', 'pr-comment.md', 'markdown'], ['example-summary', 'pr-summary.md', 'markdown'], ['example-issue', 'issue.md', 'markdown'], ['example-sync', 'sync-summary.md', 'markdown'], ['example-parent', 'parent-issue.md', 'markdown']]) {
    const path = join(root, 'docs', 'examples', file);
    if (existsSync(path)) replace(name, '````' + lang + '\n' + (await readFile(path, 'utf8')).trimEnd() + '\n````');
  }
  await writeFile(readmePath, readme);
}
