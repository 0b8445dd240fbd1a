/**
 * ## front-matter-schema
 *
 * Front matter fields follow the config's `front-matter` schema: required
 * fields are present, and fields have the configured type, one of the
 * allowed values (`severity: SEV1..SEV4`) or match a pattern.
 *
 * ```yaml
 * front-matter:
 *   required: [title, severity, date]
 *   fields:
 *     severity: { enum: [SEV1, SEV2, SEV3, SEV4] }
 *     date: { type: date }
 * ```
 */
import { DateTime } from 'luxon';
import type { FrontMatterField } from '../config/schema.js';
import { defineRule } from './rule.js';

function typeProblem(value: unknown, type: NonNullable<FrontMatterField['type']>): string | null {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? null : 'a string';
    case 'number':
      return typeof value === 'number' ? null : 'a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'true or false';
    case 'list':
      return Array.isArray(value) ? null : 'a list';
    case 'date':
      return (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid) || value instanceof Date
        ? null
        : 'a date (YYYY-MM-DD)';
    case 'datetime':
      return (typeof value === 'string' && DateTime.fromISO(value).isValid) || value instanceof Date ? null : 'an ISO 8601 date and time';
  }
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? text.slice(0, 59) + '…' : text;
}

export default defineRule({
  id: 'front-matter-schema',
  name: 'Front matter schema',
  description: 'Front matter fields are present and valid as the config requires.',
  defaultSeverity: 'error',
  examples: {
    valid: [{ title: 'Nothing configured', markdown: '---\nseverity: SEV9\n---\n' }],
    invalid: [],
  },
  check(ctx) {
    const { required, fields } = ctx.config.frontMatter;
    if (required.length === 0 && Object.keys(fields).length === 0) return;
    const fm = ctx.model.frontMatter;
    if (fm && fm.errors.length > 0) return; // front-matter-syntax reports those
    const data = fm?.data ?? {};
    const at = (key: string) => ({ line: fm?.keyLines[key] ?? fm?.line ?? 1, column: 1 });
    for (const key of required) {
      if (data[key] === undefined || data[key] === null || data[key] === '') {
        ctx.report({
          message: fm ? `Unexpected missing front matter field \`${key}\`, expected it to be set` : `Unexpected document without front matter, expected a \`---\` block with \`${key}\``,
          line: fm?.line ?? 1,
          column: 1,
        });
      }
    }
    for (const [key, field] of Object.entries(fields)) {
      const value = data[key];
      if (value === undefined || value === null) continue;
      if (field.type) {
        const expected = typeProblem(value, field.type);
        if (expected) ctx.report({ message: `Unexpected ${key} “${show(value)}”, expected ${expected}`, ...at(key) });
      }
      if (field.enum && !field.enum.some((v) => v === value || String(v) === String(value))) {
        ctx.report({ message: `Unexpected ${key} “${show(value)}”, expected one of ${field.enum.join(', ')}`, ...at(key) });
      }
      if (field.pattern && !new RegExp(field.pattern, 'u').test(String(value))) {
        ctx.report({ message: `Unexpected ${key} “${show(value)}”, expected a value matching /${field.pattern}/`, ...at(key) });
      }
    }
  },
});
