#!/usr/bin/env node
/** Entry point of `dist/cli.js` (the package's `postmortem` bin). */
import { enableCompileCache, tuneV8 } from './compile-cache.js';

// Before the bundle's chunks are imported, so they are compiled from the cache.
enableCompileCache();
tuneV8();
const { runCli } = await import('./cli/main.js');

// `postmortem check | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`postmortem: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
