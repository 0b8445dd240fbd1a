/**
 * The JSON report, written a file at a time: the bytes are exactly those of
 * `JSON.stringify(report, null, 2) + "\n"` (see formatJson), but no file
 * waits in memory for the others.
 */
import type { JsonReport } from '../core/report.js';

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

export class ReportWriter {
  private count = 0;
  private started = false;

  constructor(private readonly write: (text: string) => void) {}

  private begin(): void {
    if (this.started) return;
    this.started = true;
    this.write('{\n  "version": 1,\n  "files": [');
  }

  file(file: unknown): void {
    this.begin();
    this.write(`${this.count++ > 0 ? ',' : ''}\n    ${indent(JSON.stringify(file, null, 2), '    ')}`);
  }

  /** Close the files array and write the rest of the report's top-level fields. */
  end(rest: { summary: JsonReport['summary'] } & Record<string, unknown>): void {
    this.begin();
    let text = this.count > 0 ? '\n  ]' : ']';
    for (const [key, value] of Object.entries(rest)) {
      if (value === undefined) continue;
      text += `,\n  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), '  ')}`;
    }
    this.write(`${text}\n}\n`);
  }
}
