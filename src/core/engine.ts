/**
 * Check one document: decode, parse once, build the model once, run every
 * enabled rule over it, apply inline directives. Never throws: a problem with
 * one file becomes a finding on that file.
 */
import './locale.js';
import type { Root } from 'mdast';
import type { ResolvedConfig } from './config/resolve.js';
import { directiveFilter } from './directives.js';
import type { YamlLibrary } from './model/frontmatter.js';
import { buildModel, type BuiltModel } from './model/index.js';
import { decode, parseMarkdown } from './parse.js';
import { RULES } from './rules/index.js';
import type { FileResult, Finding } from './types.js';
import { errorMessage } from './strings.js';

export const LIMITS = { maxLineLength: 100_000, maxNesting: 200, maxParagraph: 50_000 };

export interface CheckOptions {
  now?: Date;
  /** The `yaml` library, for documents that open with YAML front matter (`mayOpenWithYamlFrontMatter` says which may). */
  yaml?: YamlLibrary;
}

export interface CheckedFile extends FileResult {
  /** Whether the file could be parsed at all. */
  parsed: boolean;
  /** A stage threw (a bug, or the stack ran out): the result says so and must not be cached. */
  internalError?: boolean;
}

function internal(path: string, where: string, error: unknown): Finding {
  const message = errorMessage(error);
  return {
    rule: 'readable-file',
    severity: 'error',
    line: 1,
    column: 1,
    message: `Unexpected internal error in ${where} (${message.split('\n')[0]}), expected ${path} to be checked; please report this`,
  };
}

export function checkDocument(path: string, input: Uint8Array | string, config: ResolvedConfig, options: CheckOptions = {}): CheckedFile {
  const now = options.now ?? new Date();
  const findings: Finding[] = [];
  const readable = config.rules.get('readable-file')?.severity ?? 'error';
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const decoded = decode(bytes, { maxBytes: config.maxFileSize, ...LIMITS });
  for (const p of decoded.problems) {
    if (readable !== 'off') findings.push({ rule: 'readable-file', severity: readable, line: p.line, column: p.column, message: p.message });
  }
  if (decoded.text === null) return { path, model: null, findings, parsed: false };
  const text = decoded.text;

  let tree: Root;
  let built: BuiltModel;
  try {
    tree = parseMarkdown(text);
  } catch (error) {
    return { path, model: null, findings: [...findings, internal(path, 'the Markdown parser', error)], parsed: false, internalError: true };
  }
  const lines = text.split(/\r\n|\r|\n/);
  try {
    built = buildModel(path, tree, lines.length, { aliases: config.aliases, defaultZone: config.timezone, dayFirst: config.dayFirst, yaml: options.yaml });
  } catch (error) {
    return { path, model: null, findings: [...findings, internal(path, 'the model builder', error)], parsed: false, internalError: true };
  }

  let internalError = false;
  for (const rule of RULES) {
    const setting = config.rules.get(rule.id);
    if (!setting || setting.severity === 'off') continue;
    const severity = setting.severity;
    try {
      rule.check({
        path,
        text,
        lines,
        tree,
        model: built.model,
        structure: built.structure,
        zoneStated: built.zoneStated,
        options: setting.options,
        config,
        now,
        report(r) {
          findings.push({
            rule: rule.id,
            severity,
            line: r.line,
            column: r.column ?? 1,
            ...(r.endLine !== undefined ? { endLine: r.endLine, endColumn: r.endColumn } : {}),
            message: r.message,
            ...(r.related && r.related.length > 0 ? { related: r.related } : {}),
          });
        },
      });
    } catch (error) {
      findings.push(internal(path, `rule ${rule.id}`, error));
      internalError = true;
    }
  }

  const silenced = directiveFilter(tree);
  const kept = findings.filter((f) => !silenced(f));
  kept.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));
  return { path, model: built.model, findings: kept, parsed: true, ...(internalError ? { internalError } : {}) };
}

/** A file that was not read at all (too large, unreadable): one finding, no model. */
export function unreadableDocument(path: string, message: string, config: ResolvedConfig): CheckedFile {
  const severity = config.rules.get('readable-file')?.severity ?? 'error';
  const findings: Finding[] = severity === 'off' ? [] : [{ rule: 'readable-file', severity, line: 1, column: 1, message }];
  return { path, model: null, findings, parsed: false };
}
