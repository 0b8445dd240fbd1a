/**
 * ## front-matter-syntax
 *
 * The YAML front matter parses: no syntax errors, duplicate keys, unknown
 * tags or alias bombs. The error is reported at its own line.
 */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'front-matter-syntax',
  name: 'Broken front matter',
  description: 'The YAML front matter is valid YAML.',
  defaultSeverity: 'error',
  examples: {
    valid: [{ title: 'Valid YAML', markdown: '---\ntitle: Outage\nseverity: SEV2\n---\n\n# Outage\n' }],
    invalid: [{ title: 'An unclosed list', markdown: '---\ntitle: Outage\ntags: [a, b\n---\n\n# Outage\n', reports: ['3:12 Unexpected YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; expected valid front matter'] }],
  },
  check(ctx) {
    for (const error of ctx.model.frontMatter?.errors ?? []) {
      const message = error.message.startsWith('Unexpected TOML') ? error.message : `Unexpected YAML: ${error.message}; expected valid front matter`;
      ctx.report({ message, line: error.line, column: error.column });
    }
  },
});
