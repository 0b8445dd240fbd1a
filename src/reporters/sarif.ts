/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with its help text, every
 * finding with its region and related locations, stable fingerprints.
 */
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

function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function formatSarif(report: JsonReport, version: string): string {
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const results = report.files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: index.get(f.rule) ?? 0,
      level: f.severity,
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' },
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
                artifactLocation: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' },
                region: { startLine: Math.max(1, r.line), startColumn: Math.max(1, r.column) },
              },
            })),
          }
        : {}),
      partialFingerprints: { 'postmortemFinding/v1': fingerprint(`${f.rule}\u0000${file.path}\u0000${f.message}`) },
    })),
  );
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
