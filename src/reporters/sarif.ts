/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with its help text, every
 * finding with its region and related locations, stable fingerprints.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fnv1a, FNV_PRIME } from '../core/fnv.js';
import type { JsonReport } from '../core/report.js';
import { RULES } from '../core/rules/index.js';
import type { AnyRule } from '../core/rules/rule.js';

export const TOOL_NAME = 'postmortem-governance';
export const TOOL_URI = 'https://github.com/postmortem-governance/postmortem-governance';

function help(rule: AnyRule): { text: string; markdown: string } {
  const examples = [
    ...rule.examples.invalid.map((e) => `**Reported** (${e.title}):\n\n\`\`\`markdown\n${e.markdown.trimEnd()}\n\`\`\``),
    ...rule.examples.valid.map((e) => `**Accepted** (${e.title}):\n\n\`\`\`markdown\n${e.markdown.trimEnd()}\n\`\`\``),
  ];
  const text = `${rule.description} Default severity: ${rule.defaultSeverity}. Silence one place with <!-- postmortem-disable-next-line ${rule.id} -->.`;
  return { text, markdown: [`${rule.description}`, ...examples, `Silence one place with \`<!-- postmortem-disable-next-line ${rule.id} -->\`.`].join('\n\n') };
}

/** 64 bits from two FNV-1a lanes: the standard one and one with other constants. */
function fingerprint(text: string): string {
  const h1 = fnv1a(text);
  const h2 = fnv1a(text, FNV_PRIME, 0x5bd1e995);
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** Where the checked files are: report paths are relative to `cwd`; code scanning wants them relative to `root`. */
export interface SarifBase {
  cwd: string;
  /** The repository's root (see src/io/repository.ts); `cwd` when there is none. */
  root: string;
}

/**
 * A file's SARIF location: relative to the repository root (`%SRCROOT%`), never with
 * `../`, which code scanning cannot map; a file outside the repository gets its
 * absolute `file://` URI. Without a base, the report's path as it is.
 */
export function artifactLocation(path: string, base?: SarifBase): { uri: string; uriBaseId?: string } {
  if (!base) return { uri: encodeURI(path), uriBaseId: '%SRCROOT%' };
  const absolute = resolve(base.cwd, path);
  const inRoot = relative(base.root, absolute);
  if (inRoot === '' || inRoot.startsWith('..') || isAbsolute(inRoot)) return { uri: pathToFileURL(absolute).href };
  return { uri: encodeURI(inRoot.split(sep).join('/')), uriBaseId: '%SRCROOT%' };
}

export function formatSarif(report: JsonReport, version: string, base?: SarifBase): string {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results = report.files.flatMap((file) => {
    const artifact = artifactLocation(file.path, base);
    // The path in fingerprints is the repository-relative one, so they do not change with the directory the CLI ran in.
    const stablePath = artifact.uriBaseId ? decodeURI(artifact.uri) : file.path;
    return file.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: index.get(f.rule) ?? 0,
      level: f.severity,
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact,
            region: {
              startLine: Math.max(1, f.line),
              startColumn: Math.max(1, f.column),
              ...(f.endLine ? { endLine: f.endLine, endColumn: f.endColumn } : {}),
            },
          },
        },
      ],
      ...(f.related && f.related.length > 0
        ? {
            relatedLocations: f.related.map((r, id) => ({
              id,
              message: { text: r.message },
              physicalLocation: {
                artifactLocation: artifact,
                region: { startLine: Math.max(1, r.line), startColumn: Math.max(1, r.column) },
              },
            })),
          }
        : {}),
      partialFingerprints: { 'postmortemFinding/v1': fingerprint(`${f.rule}\u0000${stablePath}\u0000${f.message}`) },
    }));
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_URI,
            semanticVersion: version,
            version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.name.replace(/(?:^|\s)(\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, ''),
              shortDescription: { text: rule.name },
              fullDescription: { text: rule.description },
              help: help(rule),
              helpUri: `${TOOL_URI}#rule-${rule.id}`,
              defaultConfiguration: { level: rule.defaultSeverity === 'off' ? 'none' : rule.defaultSeverity, enabled: rule.defaultSeverity !== 'off' },
              properties: { tags: ['postmortem', 'documentation'] },
            })),
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
