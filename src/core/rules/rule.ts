/**
 * What a rule is. Like remark-lint's `unified-lint-rule`: a rule has a stable
 * id, a readable name and docs with examples next to its code, reads the
 * model and reports; it never decides its own severity (the config does).
 */
import type { Root } from 'mdast';
import type * as z from 'zod/mini';

/**
 * zod/mini, handed to a rule's `options` only when a config file sets the rule's options: a run without a config
 * file never loads it (a cold `check` of one document starts faster without it).
 */
export type Zod = typeof z;
import type { Finding, PostmortemModel, RelatedLocation } from '../types.js';
import type { Structure } from '../model/structure.js';
import type { ResolvedConfig } from '../config/resolve.js';

export interface Report {
  message: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  related?: RelatedLocation[];
}

export interface RuleContext<Options> {
  path: string;
  /** The file's text and its lines (without line endings). */
  text: string;
  lines: string[];
  tree: Root;
  model: PostmortemModel;
  structure: Structure;
  /** Whether the document itself states a time zone (not only the config default). */
  zoneStated: boolean;
  options: Options;
  config: ResolvedConfig;
  /** The clock the run reads "now" from (injectable for tests). */
  now: Date;
  report(report: Report): void;
}

export interface RuleExample {
  /** What the example shows. */
  title: string;
  markdown: string;
  options?: Record<string, unknown>;
  /** For invalid examples: what the rule reports, in order, each as `line:column message`. */
  reports?: string[];
}

export interface Rule<Options = Record<string, never>> {
  /** Stable id, used in config, inline directives, annotations and SARIF. Never renamed. */
  id: string;
  /** A readable name, for reports. */
  name: string;
  /** One paragraph: what the rule checks and why. */
  description: string;
  defaultSeverity: 'off' | 'warning' | 'error';
  /**
   * Builds the schema that validates and completes the options a config file sets; a rule without it takes
   * none. What it completes `{}` to is `defaults` (__tests__/core/rules.test.ts holds the two equal).
   */
  options?: (zod: Zod) => z.ZodMiniType<Options>;
  /** The options when the config sets none. */
  defaults?: Options;
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
  check(ctx: RuleContext<Options>): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export type { Finding };
