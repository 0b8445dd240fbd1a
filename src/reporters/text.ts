/**
 * Linter-style text: `file:line:col  severity  message  rule-id`, then a
 * summary line. Colour only when asked (the CLI asks on a TTY).
 */
import type { JsonReport } from '../core/report.js';
import { plural } from '../core/strings.js';

const paint = (on: boolean, code: string) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function formatText(report: JsonReport, options: { color?: boolean } = {}): string {
  const red = paint(!!options.color, '31');
  const yellow = paint(!!options.color, '33');
  const dim = paint(!!options.color, '2');
  const bold = paint(!!options.color, '1');
  const green = paint(!!options.color, '32');
  const rows: Array<{ cells: string[]; related: string[] }> = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      // The other places of one problem ("Also out of order: 22:07"), under it.
      const related = (f.related ?? []).map((r) => `${file.path}:${r.line}:${r.column}  ${r.message}`);
      rows.push({ cells: [`${file.path}:${f.line}:${f.column}`, f.severity, f.message, f.rule], related });
    }
  }
  const out: string[] = [];
  const w0 = Math.min(60, Math.max(0, ...rows.map((r) => r.cells[0].length)));
  for (const { cells: [where, severity, message, rule], related } of rows) {
    const sev = severity === 'error' ? red('error  ') : yellow('warning');
    out.push(`${where.padEnd(w0)}  ${sev}  ${message}  ${dim(rule)}`);
    for (const r of related) out.push(dim(`  ↳ ${r}`));
  }
  const { files, errors, warnings } = report.summary;
  const problems = errors + warnings;
  if (problems === 0) {
    out.push(green(`✔ ${plural(files, 'file')} checked, no problems`));
  } else {
    if (rows.length > 0) out.push('');
    const line = `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(files, 'file')}`;
    out.push(bold(errors > 0 ? red(line) : yellow(line)));
  }
  return out.join('\n') + '\n';
}
