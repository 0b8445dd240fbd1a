#!/usr/bin/env node
// Bundle src/ into dist/ (the action's dist/index.js and the CLI's dist/cli.js)
// and regenerate postmortem.schema.json from the zod config schema.
// Deterministic: the same src/ gives byte-identical output, which .ci/run checks.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const banner = "import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);";

const entries = [
  { in: 'src/index.ts', out: 'index' },
  { in: 'src/cli.ts', out: 'cli' },
  { in: 'src/worker.ts', out: 'worker' },
].filter((e) => existsSync(join(root, e.in)));

await rm(join(root, 'dist'), { recursive: true, force: true });
await build({
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
  sourcemap: false,
  logLevel: 'warning',
  metafile: false,
});

// The JSON Schema for editors, from the zod schema (one source of truth).
const tmp = join(root, 'node_modules', '.cache', 'postmortem-schema');
await mkdir(tmp, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/core/config/schema.ts'],
  outfile: join(tmp, 'schema.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
const { configSchema } = await import(pathToFileURL(join(tmp, 'schema.mjs')).href + `?t=${Date.now()}`);
const z = await import('zod/mini');
const schema = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' });
schema.$id = 'https://github.com/postmortem-governance/postmortem-governance/postmortem.schema.json';
schema.title = 'postmortem-governance configuration (.github/postmortem.yml)';
await writeFile(join(root, 'postmortem.schema.json'), JSON.stringify(schema, null, 2) + '\n');
