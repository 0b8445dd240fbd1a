/**
 * The `postmortem` command line: `postmortem check|sync|audit [paths…]
 * [--format text|json|sarif] [--config FILE]`. Exit codes: 0 clean, 1 findings
 * at error severity, 2 usage or configuration error.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../core/config/resolve.js';
import { buildReport, type JsonReport } from '../core/report.js';
import { checkFiles } from '../io/check-files.js';
import { collectFiles } from '../io/files.js';
import { loadConfig } from '../io/config.js';
import { formatJson } from '../reporters/json.js';
import { formatSarif } from '../reporters/sarif.js';
import { formatText } from '../reporters/text.js';
import { VERSION } from '../version.js';

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  now?: Date;
}

export const USAGE = `Usage: postmortem <command> [paths or globs…] [options]

Commands:
  check   Check postmortems: required sections, timeline, action items
  sync    Open one GitHub issue per action item (needs GITHUB_TOKEN)
  audit   Report compliance, follow-up status and incident metrics

Options:
  --format text|json|sarif   Output format (default: text)
  --config FILE              Config file (default: .github/postmortem.yml)
  --color / --no-color       Force colour on or off (default: on for a TTY)
  -h, --help                 Show this help
  -v, --version              Show the version

Without paths, the config's \`paths\` globs are used.
Exit codes: 0 clean, 1 findings at error severity, 2 usage or config error.
`;

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export function render(report: JsonReport, format: Format, color: boolean): string {
  if (format === 'json') return formatJson(report);
  if (format === 'sarif') return formatSarif(report, VERSION);
  return formatText(report, { color });
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr(`postmortem: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (values.help || positionals.length === 0) {
    (values.help ? io.stdout : io.stderr)(USAGE);
    return values.help ? 0 : 2;
  }
  const [command, ...paths] = positionals;
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    io.stderr(`postmortem: unknown --format "${values.format}", expected one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  if (!['check', 'sync', 'audit'].includes(command)) {
    io.stderr(`postmortem: unknown command "${command}", expected check, sync or audit\n\n${USAGE}`);
    return 2;
  }
  const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR;

  let config;
  try {
    config = await loadConfig(io.cwd, values.config);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`postmortem: config error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  if (command !== 'check') {
    io.stderr(`postmortem: \`${command}\` is not available in this version yet; \`check\` is\n`);
    return 2;
  }

  const collected = await collectFiles(paths.length > 0 ? paths : config.paths, { cwd: io.cwd, exclude: config.exclude });
  for (const p of collected.problems) io.stderr(`postmortem: ${p.path}: ${p.message}\n`);
  if (collected.files.length === 0 && collected.problems.length > 0) return 2;
  const results = await checkFiles(collected.files, io.cwd, config, io.now);
  const report = buildReport(results);
  io.stdout(render(report, format, color));
  return report.summary.errors > 0 ? 1 : 0;
}
