import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../src/core/config/resolve.js';
import * as yaml from 'yaml';
import { checkDocument } from '../src/core/engine.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const NOW = new Date('2026-11-24T12:00:00Z');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Check a Markdown string with the given raw config (as it would be written in YAML). */
export function check(markdown: string | Uint8Array, config: Record<string, unknown> = {}, path = 'doc.md') {
  return checkDocument(path, markdown, resolveConfig(config), { now: NOW, yaml });
}

/** `line:rule` for each finding, for compact exact assertions. */
export function brief(result: ReturnType<typeof check>): string[] {
  return result.findings.map((f) => `${f.line}:${f.rule}`);
}
