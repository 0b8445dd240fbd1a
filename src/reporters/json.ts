/** The JSON report, pretty-printed. */
import type { JsonReport } from '../core/report.js';

export function formatJson(report: JsonReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
