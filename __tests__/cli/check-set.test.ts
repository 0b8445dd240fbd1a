import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config/settle.js';
import { checkSet } from '../../src/io/check-set.js';
import { formatJson } from '../../src/reporters/json.js';

const ROOT = join(import.meta.dirname, '..', '..');
const NOW = new Date('2025-01-01T00:00:00Z');

describe('checkSet: the one way the CLI and the action check a set of files', () => {
  it('gives the same report bytes whether it keeps the models (the action, sync) or only the entries (the CLI check)', async () => {
    const corpus = join('__tests__', 'fixtures', 'corpus');
    const files = [...readdirSync(join(ROOT, corpus)).filter((f) => f.endsWith('.md')).map((f) => `${corpus}/${f}`), 'examples/2024-03-12-checkout-latency.md'].reverse();
    const config = defaultConfig();
    const withModels = await checkSet(files, { cwd: ROOT, config, now: NOW, models: true });
    const entriesOnly = await checkSet(files, { cwd: ROOT, config, now: NOW });
    expect(withModels.results).toHaveLength(files.length);
    expect(withModels.results!.map((r) => r.path)).toEqual(files);
    expect(entriesOnly.results).toBeNull();
    expect(withModels.report.files.map((f) => f.path)).toEqual([...files].sort());
    expect(formatJson(entriesOnly.report)).toBe(formatJson(withModels.report));
    expect(withModels.report.version).toBe(1);
    expect(withModels.report.summary.files).toBe(files.length);
  });
});
