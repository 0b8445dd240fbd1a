/**
 * The configuration file (`.github/postmortem.yml`), validated with zod. The
 * JSON Schema shipped for editors (`postmortem.schema.json`) is generated
 * from this definition by `npm run schema`, so the two cannot drift.
 */
import { z } from 'zod';
import { SECTION_KEYS } from '../types.js';

const sectionKey = z.enum(SECTION_KEYS as [string, ...string[]]);
export const severitySetting = z.enum(['off', 'warning', 'error']);

/** `rule-id: severity` or `rule-id: [severity, options]`, as in remark-lint and ESLint. */
export const ruleSetting = z.union([severitySetting, z.tuple([severitySetting, z.record(z.string(), z.unknown())])]);

const frontMatterField = z
  .object({
    type: z.enum(['string', 'number', 'boolean', 'date', 'datetime', 'list']).optional().describe('The value\'s type.'),
    enum: z.array(z.union([z.string(), z.number()])).optional().describe('The allowed values.'),
    pattern: z.string().optional().describe('A regular expression the value must match.'),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    paths: z
      .array(z.string())
      .optional()
      .describe('Globs of the postmortem files, relative to the repository root.'),
    exclude: z.array(z.string()).optional().describe('Globs of files to leave out (templates, indexes).'),
    timezone: z
      .string()
      .optional()
      .describe('Zone for documents that state none: an IANA name ("Europe/Berlin"), "UTC" or an abbreviation ("PST").'),
    'day-first': z
      .boolean()
      .optional()
      .describe('Read numeric dates such as 04-12-2022 as day first (true) or month first (false). Unset: guess from the zone.'),
    'max-file-size': z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Largest file, in bytes, that is parsed (default 2 MiB).'),
    sections: z
      .object({
        required: z.array(sectionKey).optional().describe('The sections every postmortem must have.'),
        aliases: z
          .partialRecord(sectionKey, z.array(z.string()))
          .optional()
          .describe('More headings that name a section, added to the built-in table.'),
      })
      .strict()
      .optional(),
    rules: z.record(z.string(), ruleSetting).optional().describe('Severity (and options) of each rule by id.'),
    'front-matter': z
      .object({
        required: z.array(z.string()).optional().describe('Front matter fields every postmortem must have.'),
        fields: z.record(z.string(), frontMatterField).optional().describe('Constraints on front matter fields.'),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSetting>;
export type FrontMatterField = z.infer<typeof frontMatterField>;
