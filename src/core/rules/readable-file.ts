/**
 * ## readable-file
 *
 * The file can be read as a postmortem: text (UTF-8, or UTF-16 with a BOM),
 * within `max-file-size`, without lines or nesting that no document needs.
 * The engine reports this before parsing; a file that fails it is not parsed
 * and the other files of the run are checked as usual.
 */
import { defineRule } from './rule.js';

export default defineRule({
  id: 'readable-file',
  name: 'Unreadable file',
  description: 'The file is a text file the checker can read (encoding, size, line length, nesting).',
  defaultSeverity: 'error',
  examples: { valid: [{ title: 'Plain Markdown', markdown: '# Outage\n' }], invalid: [] },
  check() {
    // Reported by the engine from decode(); see src/core/engine.ts.
  },
});
