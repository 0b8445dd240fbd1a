/**
 * The configuration file (`.github/postmortem.yml`), validated with zod. The
 * JSON Schema shipped for editors (`postmortem.schema.json`) is generated
 * from this definition by the bundle script, so the two cannot drift. Uses
 * `zod/mini` (about 70 KiB bundled, against 730 KiB for classic zod).
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { NAME_AFTER_OWNER, REPOSITORY_IN_TEXT } from '../logins.js';
import { SECTION_KEYS } from '../model/aliases.js';

// One locale (English messages), not z.locales: that namespace bundles all ~50 (about 340 KiB).
z.config(en());

const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text)) as T;

const sectionKey = z.enum(SECTION_KEYS as [string, ...string[]]);
export const severitySetting = z.enum(['off', 'warning', 'error']);

/** `rule-id: severity` or `rule-id: [severity, options]`, as in remark-lint and ESLint. */
export const ruleSetting = z.union([severitySetting, z.tuple([severitySetting, z.record(z.string(), z.unknown())])]);

const frontMatterField = z.strictObject({
  type: z.optional(describe(z.enum(['string', 'number', 'boolean', 'date', 'datetime', 'list']), "The value's type.")),
  enum: z.optional(describe(z.array(z.union([z.string(), z.number()])), 'The allowed values.')),
  pattern: z.optional(describe(z.string(), 'A regular expression the value must match.')),
});

const labelName = z.string().check(z.minLength(1), z.maxLength(50));
const repositoryName = z.string().check(z.regex(new RegExp(`^${REPOSITORY_IN_TEXT}$|^${NAME_AFTER_OWNER}$`), 'expected "owner/name" or a repository name'));
const dueSpan = z.union([z.number().check(z.int(), z.minimum(0), z.maximum(3650)), z.string().check(z.regex(/^\d{1,4}\s{0,2}(?:d|days?|w|weeks?)$/i, 'expected a span such as "7d", "4w" or a number of days'))]);
const issueTypeName = z.string().check(z.minLength(1), z.maxLength(100));

const issuesSchema = z.strictObject({
  labels: z.optional(
    z.strictObject({
      base: z.optional(describe(labelName, 'Label on every action-item issue (default "postmortem").')),
      corrective: z.optional(describe(labelName, 'Label for corrective items (default "corrective").')),
      preventative: z.optional(describe(labelName, 'Label for preventative items (default "preventative").')),
      other: z.optional(describe(z.union([labelName, z.null()]), 'Label for items of no stated kind (default none).')),
      priority: z.optional(describe(z.union([labelName, z.null()]), 'Priority label; "{priority}" is replaced (default "priority: {priority}"; null for none).')),
      severity: z.optional(describe(z.union([labelName, z.null()]), 'Severity label; "{severity}" is replaced (default "severity: {severity}"; null for none).')),
      removed: z.optional(describe(labelName, 'Label added to an issue whose item left the document (default "postmortem: removed").')),
    }),
  ),
  'assign-owners': z.optional(describe(z.boolean(), 'Assign the item\'s owner when GitHub allows it (default true).')),
  'close-removed': z.optional(describe(z.boolean(), 'Close the issue of an item removed from its document (default false: comment and label only).')),
  'close-done': z.optional(describe(z.boolean(), 'Close the issue when the document marks its item done (default true).')),
  'link-back': z.optional(describe(z.boolean(), 'Open one PR that writes each new issue\'s reference next to its item (default false).')),
  'include-done': z.optional(describe(z.boolean(), 'Also open issues for items already done in the document (default false).')),
  identities: z.optional(
    describe(
      z.array(z.string().check(z.minLength(1), z.maxLength(60))),
      'Logins that opened this repository\'s action-item issues in earlier runs (a personal token\'s owner, another app\'s "slug[bot]"), so their issues are recognised after a token change. github-actions[bot] is always recognised.',
    ),
  ),
  parent: z.optional(describe(z.boolean(), 'Open one tracking issue per postmortem, with its action-item issues as sub-issues (default false; `postmortem init` writes true for new installs).')),
  'close-parent': z.optional(describe(z.boolean(), 'Close the tracking issue when every measure of its postmortem is done (default false). Sub-issues are never closed by it.')),
  repositories: z.optional(
    describe(
      z.record(z.string().check(z.minLength(1), z.maxLength(100)), repositoryName),
      'Where to file the issues of a component or label: a postmortem\'s front matter `component`/`service` (or a label its issues get) → "owner/name". An item\'s own `repo: owner/name` or `Repo` column wins.',
    ),
  ),
  'due-by-priority': z.optional(describe(z.record(z.string().check(z.minLength(1), z.maxLength(30)), dueSpan), 'Deadline per priority for items that state no due date, e.g. { P0: 7d, P1: 28d, P2: 56d }.')),
  'due-from': z.optional(describe(z.enum(['incident', 'merge']), 'What `due-by-priority` counts from: the incident date (default) or the merge that opened the item\'s issue.')),
  type: z.optional(
    describe(
      z.partialRecord(z.enum(['corrective', 'preventative', 'other', 'parent']), issueTypeName),
      'Issue type per kind (and for the tracking issue, `parent`), e.g. { corrective: Bug, preventative: Task }. Set only where the repository has that type; silently left out elsewhere.',
    ),
  ),
});

const projectSchema = z.strictObject({
  owner: z.optional(describe(z.string().check(z.minLength(1), z.maxLength(39)), 'The organization or user that owns the project (default: the repository\'s owner).')),
  number: describe(z.number().check(z.int(), z.positive()), 'The project\'s number (the last part of its URL).'),
  fields: z.optional(
    z.strictObject({
      status: z.optional(describe(z.union([z.string().check(z.minLength(1), z.maxLength(100)), z.null()]), 'Single-select field for the item\'s state (default "Status"; null for none).')),
      priority: z.optional(describe(z.string().check(z.minLength(1), z.maxLength(100)), 'Single-select or text field for the item\'s priority.')),
      due: z.optional(describe(z.string().check(z.minLength(1), z.maxLength(100)), 'Date field for the item\'s deadline.')),
      incident: z.optional(describe(z.string().check(z.minLength(1), z.maxLength(100)), 'Text field for the incident (the postmortem\'s title and date).')),
    }),
  ),
  status: z.optional(
    z.strictObject({
      open: z.optional(describe(z.string().check(z.minLength(1), z.maxLength(100)), 'Status option of an open item (default "Todo").')),
      done: z.optional(describe(z.string().check(z.minLength(1), z.maxLength(100)), 'Status option of a done item (default "Done").')),
    }),
  ),
});

const auditSchema = z.strictObject({
  'dashboard-title': z.optional(describe(z.string().check(z.minLength(1), z.maxLength(200)), 'Title of the audit\'s dashboard issue (default "Postmortem dashboard").')),
  'dashboard-labels': z.optional(describe(z.array(labelName), 'Labels on the dashboard issue (default none).')),
  dashboard: z.optional(describe(z.boolean(), 'Keep one dashboard issue up to date on each audit (default true).')),
  mentions: z.optional(describe(z.boolean(), 'Mention (notify) the owners of overdue follow-ups in the dashboard and reminders (default false: they are named, not pinged).')),
  reminders: z.optional(describe(z.boolean(), 'Comment on each overdue follow-up\'s issue, at most once per reminder interval (default false).')),
  'reminder-interval-days': z.optional(describe(z.number().check(z.int(), z.minimum(1), z.maximum(365)), 'Days between two reminders on the same issue (default 7).')),
});

export const configSchema = z.strictObject({
  $schema: z.optional(z.string()),
  paths: z.optional(describe(z.array(z.string()), 'Globs of the postmortem files, relative to the repository root.')),
  exclude: z.optional(
    describe(z.array(z.string()), 'Globs of files to leave out (replaces the default: READMEs, templates, index.md, _*.md).'),
  ),
  timezone: z.optional(
    describe(z.string(), 'Zone for documents that state none: an IANA name ("Europe/Berlin"), "UTC" or an abbreviation ("PST").'),
  ),
  'day-first': z.optional(
    describe(z.boolean(), 'Read numeric dates such as 04-12-2022 as day first (true) or month first (false). Unset: guess from the zone.'),
  ),
  'max-file-size': z.optional(describe(z.number().check(z.int(), z.positive()), 'Largest file, in bytes, that is parsed (default 2 MiB).')),
  sections: z.optional(
    z.strictObject({
      required: z.optional(describe(z.array(sectionKey), 'The sections every postmortem must have.')),
      aliases: z.optional(describe(z.partialRecord(sectionKey, z.array(z.string())), 'More headings that name a section, added to the built-in table.')),
    }),
  ),
  rules: z.optional(describe(z.record(z.string(), ruleSetting), 'Severity (and options) of each rule by id.')),
  issues: z.optional(issuesSchema),
  audit: z.optional(auditSchema),
  project: z.optional(describe(projectSchema, 'Add each action-item issue to a Projects (v2) board and set its fields. Needs a token with project access (the `project-token` input); the workflow\'s GITHUB_TOKEN has none.')),
  'front-matter': z.optional(
    z.strictObject({
      required: z.optional(describe(z.array(z.string()), 'Front matter fields every postmortem must have.')),
      fields: z.optional(describe(z.record(z.string(), frontMatterField), 'Constraints on front matter fields.')),
    }),
  ),
});

export type ConfigFile = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSetting>;
export type FrontMatterField = z.infer<typeof frontMatterField>;
