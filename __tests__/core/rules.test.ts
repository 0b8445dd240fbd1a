import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/index.js';
import { check } from '../helpers.js';

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
