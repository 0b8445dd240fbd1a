import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defaultConfig, resolveConfig } from '../../src/core/config/resolve.js';
import { RULES } from '../../src/core/rules/index.js';
import { check } from '../helpers.js';

const RULES_DIR = join(import.meta.dirname, '..', '..', 'src', 'core', 'rules');

/** Every rule's documented examples hold: invalid ones report exactly their `line:column message`s, valid ones report nothing. */
describe.each(RULES.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  const config = (options?: Record<string, unknown>) => ({ rules: { [id]: options ? ['error', options] : 'error' } });

  it.each(rule.examples.invalid.map((e) => [e.title, e] as const))('invalid: %s', (_title, example) => {
    const findings = check(example.markdown, config(example.options)).findings.filter((f) => f.rule === id);
    expect(example.reports?.length).toBeGreaterThan(0);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual(example.reports);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it.each(rule.examples.valid.map((e) => [e.title, e] as const))('valid: %s', (_title, example) => {
    const findings = check(example.markdown, config(example.options)).findings.filter((f) => f.rule === id);
    expect(findings).toEqual([]);
  });
});

/**
 * A rule's options schema is built from zod only when a config file sets its options: the defaults it uses
 * otherwise are plain values, and they must be what its schema completes `{}` to.
 */
describe.each(RULES.map((rule) => [rule.id, rule] as const))('options of %s', (id, rule) => {
  it('defaults are what the schema completes no options to, and unknown options are refused', () => {
    const schema = rule.options?.(z) ?? z.strictObject({});
    expect(schema.parse({})).toEqual(rule.defaults ?? {});
    expect(schema.safeParse({ 'no-such-option': 1 }).success).toBe(false);
  });

  it('the rule loads no zod of its own (a run without a config file never loads it)', () => {
    const source = readFileSync(join(RULES_DIR, `${id}.ts`), 'utf8');
    expect(source).not.toMatch(/^import (?!type\b)[^\n]*from 'zod/m);
  });
});

describe('a config file setting rule options', () => {
  it('is validated against the rule’s schema: a bad value names its key, a good one completes the defaults', () => {
    expect(() => resolveConfig({ rules: { 'timeline-window': ['warning', { 'end-tolerance-minutes': -1 }] } }, '.postmortem.yml')).toThrow(/rules\.timeline-window\.end-tolerance-minutes/);
    expect(() => resolveConfig({ rules: { 'timeline-order': ['error', { strict: true }] } }, '.postmortem.yml')).toThrow(/rules\.timeline-order/);
    const resolved = resolveConfig({ rules: { 'timeline-window': ['warning', { 'end-tolerance-minutes': 30 }] } });
    expect(resolved.rules.get('timeline-window')).toEqual({ severity: 'warning', options: { 'tolerance-minutes': 5, 'start-tolerance-minutes': 0, 'end-tolerance-minutes': 30 } });
    expect(defaultConfig().rules.get('duration-mismatch')).toEqual({ severity: 'error', options: { 'tolerance-minutes': 5, 'tolerance-percent': 10 } });
  });
});
