/**
 * A validated config file to a resolved config: defaults filled in, the
 * zone resolved, each rule's severity and options settled. Validation with
 * the zod schema is resolve.ts's; this module does not import the schema,
 * so a run without a config file (`defaultConfig()`) never loads it.
 * Pure; reading the file is the adapters' job (src/io/config.ts).
 */
import '../locale.js';
import { IANAZone } from 'luxon';
import type { SectionKey } from '../types.js';
import { extendAliases, type AliasTable } from '../model/aliases.js';
import { resolveZone } from '../time/index.js';
import { RULES, ruleById } from '../rules/index.js';
import { parseDays, type DuePolicy } from '../deadline.js';
import type { ConfigFile, FrontMatterField } from './schema.js';
import type { Zod } from '../rules/rule.js';

export const DEFAULT_PATHS = [
  '**/postmortems/**/*.md',
  '**/post-mortems/**/*.md',
  '**/incidents/**/*.md',
  '**/incident-reports/**/*.md',
  '**/*postmortem*.md',
  '**/*post-mortem*.md',
];
/** Never searched, whatever the config says. */
export const ALWAYS_EXCLUDE = ['**/node_modules/**', '**/.git/**'];
/** Left out of directory and glob expansion unless the config's `exclude` replaces this list. */
export const DEFAULT_EXCLUDE = ['**/README.md', '**/*template*.md', '**/index.md', '**/_*.md'];
export const DEFAULT_REQUIRED: SectionKey[] = ['summary', 'timeline', 'root-cause', 'resolution', 'action-items'];
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface RuleConfig {
  severity: 'off' | 'warning' | 'error';
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** Where the config came from, for messages; null for the built-in defaults. */
  source: string | null;
  paths: string[];
  exclude: string[];
  /** luxon zone name. */
  timezone?: string;
  dayFirst?: boolean;
  maxFileSize: number;
  requiredSections: SectionKey[];
  aliases: AliasTable;
  rules: Map<string, RuleConfig>;
  frontMatter: { required: string[]; fields: Record<string, FrontMatterField> };
  issues: IssueSettings;
  audit: AuditSettings;
  /** The Projects (v2) board each action-item issue goes on; null when not configured. */
  project: ProjectSettings | null;
}

export interface ProjectSettings {
  /** Organization or user login; null: the repository's owner. */
  owner: string | null;
  number: number;
  /** Field names, by what they hold; null: not set. */
  fields: { status: string | null; priority: string | null; due: string | null; incident: string | null };
  status: { open: string; done: string };
}

export interface AuditSettings {
  dashboard: boolean;
  dashboardTitle: string;
  dashboardLabels: string[];
  mentions: boolean;
  reminders: boolean;
  reminderIntervalDays: number;
}

export interface IssueSettings {
  labels: {
    base: string;
    corrective: string;
    preventative: string;
    other: string | null;
    priority: string | null;
    severity: string | null;
    removed: string;
  };
  assignOwners: boolean;
  closeRemoved: boolean;
  closeDone: boolean;
  linkBack: boolean;
  includeDone: boolean;
  /** Logins of earlier runs whose issues are the product's (see core/identity.ts). */
  identities: string[];
  /** One tracking issue per postmortem, its items' issues as sub-issues. */
  parent: boolean;
  closeParent: boolean;
  /** Component or label (lower case) → "owner/name" (see core/routing.ts). */
  repositories: Map<string, string>;
  /** Deadlines from priority; null when not configured. */
  due: DuePolicy | null;
  /** Issue type by item kind, and for the tracking issue (`parent`). */
  types: Partial<Record<'corrective' | 'preventative' | 'other' | 'parent', string>>;
}

/** A problem with the configuration: names the key and what was expected. Exit code 2. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly key: string,
    readonly expected: string,
  ) {
    super(`${source}: \`${key}\`: ${expected}`);
    this.name = 'ConfigError';
  }
}

/** The built-in defaults, as a run without a config file uses them. */
export function defaultConfig(): ResolvedConfig {
  return settleConfig({}, null);
}

/**
 * Fill in a config file that already passed the schema (resolve.ts's `resolveConfig`). `zod` validates the
 * options the file sets for its rules; a file that sets none (the default config) needs no zod.
 */
export function settleConfig(file: ConfigFile, source: string | null, zod?: Zod): ResolvedConfig {
  const where = source ?? 'configuration';

  let timezone: string | undefined;
  if (file.timezone !== undefined) {
    const z = resolveZone(file.timezone) ?? (IANAZone.isValidZone(file.timezone) ? { zone: file.timezone } : undefined);
    if (!z) throw new ConfigError(where, 'timezone', `unknown time zone "${file.timezone}", expected an IANA name such as "Europe/Berlin", "UTC" or an abbreviation such as "PST"`);
    timezone = z.zone;
  }

  const rules = new Map<string, RuleConfig>();
  for (const rule of RULES) rules.set(rule.id, { severity: rule.defaultSeverity, options: { ...rule.defaults } as Record<string, unknown> });
  for (const [id, setting] of Object.entries(file.rules ?? {})) {
    const rule = ruleById(id);
    if (!rule) {
      throw new ConfigError(where, `rules.${id}`, `unknown rule, expected one of ${RULES.map((r) => r.id).join(', ')}`);
    }
    const [severity, options] = Array.isArray(setting) ? setting : [setting, {}];
    if (!zod) throw new Error(`settleConfig: the options of rules.${id} need zod to be validated`);
    const checked = (rule.options?.(zod) ?? zod.strictObject({})).safeParse(options);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new ConfigError(where, ['rules', id, ...issue.path.map(String)].join('.'), issue.message);
    }
    rules.set(id, { severity, options: checked.data as Record<string, unknown> });
  }

  return {
    source,
    paths: file.paths ?? DEFAULT_PATHS,
    exclude: [...ALWAYS_EXCLUDE, ...(file.exclude ?? DEFAULT_EXCLUDE)],
    timezone,
    dayFirst: file['day-first'],
    maxFileSize: file['max-file-size'] ?? DEFAULT_MAX_FILE_SIZE,
    requiredSections: (file.sections?.required as SectionKey[] | undefined) ?? DEFAULT_REQUIRED,
    aliases: extendAliases(file.sections?.aliases as Partial<Record<SectionKey, string[]>> | undefined),
    rules,
    frontMatter: { required: file['front-matter']?.required ?? [], fields: file['front-matter']?.fields ?? {} },
    issues: {
      labels: {
        base: file.issues?.labels?.base ?? 'postmortem',
        corrective: file.issues?.labels?.corrective ?? 'corrective',
        preventative: file.issues?.labels?.preventative ?? 'preventative',
        other: file.issues?.labels?.other ?? null,
        priority: file.issues?.labels?.priority === undefined ? 'priority: {priority}' : file.issues.labels.priority,
        severity: file.issues?.labels?.severity === undefined ? 'severity: {severity}' : file.issues.labels.severity,
        removed: file.issues?.labels?.removed ?? 'postmortem: removed',
      },
      assignOwners: file.issues?.['assign-owners'] ?? true,
      closeRemoved: file.issues?.['close-removed'] ?? false,
      closeDone: file.issues?.['close-done'] ?? true,
      linkBack: file.issues?.['link-back'] ?? false,
      includeDone: file.issues?.['include-done'] ?? false,
      identities: file.issues?.identities ?? [],
      parent: file.issues?.parent ?? false,
      closeParent: file.issues?.['close-parent'] ?? false,
      repositories: new Map(Object.entries(file.issues?.repositories ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v])),
      due: duePolicy(file),
      types: file.issues?.type ?? {},
    },
    audit: {
      dashboard: file.audit?.dashboard ?? true,
      dashboardTitle: file.audit?.['dashboard-title'] ?? 'Postmortem dashboard',
      dashboardLabels: file.audit?.['dashboard-labels'] ?? [],
      mentions: file.audit?.mentions ?? false,
      reminders: file.audit?.reminders ?? false,
      reminderIntervalDays: file.audit?.['reminder-interval-days'] ?? 7,
    },
    project: file.project
      ? {
          owner: file.project.owner ?? null,
          number: file.project.number,
          fields: {
            status: file.project.fields?.status === undefined ? 'Status' : file.project.fields.status,
            priority: file.project.fields?.priority ?? null,
            due: file.project.fields?.due ?? null,
            incident: file.project.fields?.incident ?? null,
          },
          status: { open: file.project.status?.open ?? 'Todo', done: file.project.status?.done ?? 'Done' },
        }
      : null,
  };
}

function duePolicy(file: ConfigFile): DuePolicy | null {
  const table = file.issues?.['due-by-priority'];
  if (!table || Object.keys(table).length === 0) return null;
  const days = new Map<string, number>();
  for (const [priority, span] of Object.entries(table)) days.set(priority.trim().toLowerCase(), parseDays(span)!);
  return { days, from: file.issues?.['due-from'] ?? 'incident' };
}

