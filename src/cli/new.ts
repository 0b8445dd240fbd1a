/**
 * `postmortem new "Title"`: a new postmortem from the configured template, the
 * required sections (`sections.required`) and front matter fields
 * (`front-matter.required`), each with a line of guidance and `[…]`
 * placeholders that `check` reports until they are replaced. Written as
 * `<dir>/<date>-<slug>.md`; an existing file is never overwritten.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { ConfigError, type ResolvedConfig } from '../core/config/resolve.js';
import { sectionTitle } from '../core/model/aliases.js';
import type { SectionKey } from '../core/types.js';
import { toPosix } from '../io/files.js';
import { loadConfig } from '../io/config.js';
import type { CliIO } from './main.js';
import { errorMessage } from '../core/strings.js';

export const NEW_USAGE = `Usage: postmortem new "Title" [--dir DIR] [--date YYYY-MM-DD] [--config FILE]

Writes DIR/DATE-title.md with the config's required sections and front matter
fields, each with guidance and [placeholders] for \`postmortem check\` to find.
DIR defaults to the directory of the config's first \`paths\` glob (else postmortems),
DATE to today (UTC). Never overwrites a file.
`;

/** Guidance (an HTML comment) and placeholder text for each section. */
const SECTIONS: Record<SectionKey, { guidance: string; body: string[] }> = {
  summary: {
    guidance: 'What happened, who was affected and for how long, in two or three sentences. Start and end with their time zone.',
    body: ['[describe what broke, for whom, and for how long]', '', '- **Start:** [insert start date, time and zone]', '- **End:** [insert end date, time and zone]', '- **Duration:** [insert duration]'],
  },
  impact: {
    guidance: 'Who and what was affected, and how much: users, requests, money, data.',
    body: ['[describe the impact]'],
  },
  timeline: {
    guidance: 'One line per event, in order, each starting with its time and zone ("14:02 UTC"); a date where the incident spans days.',
    body: ['- [insert time]: [describe the first sign: an alert, a customer report]', '- [insert time]: [describe each step of the response]', '- [insert time]: [describe the recovery]'],
  },
  'root-cause': {
    guidance: 'Why it happened: the cause and the conditions that let it through. Systems and processes, not people.',
    body: ['[describe the root cause]'],
  },
  resolution: {
    guidance: 'How service was restored, and when.',
    body: ['[describe how it was resolved]'],
  },
  'action-items': {
    guidance: 'One measure per line, each with an owner (@login) and a due date. Each becomes one GitHub issue on merge.',
    body: [
      '### Corrective',
      '',
      '- [ ] [describe a measure that fixes this incident\'s cause] (Owner: [insert owner], due [insert date])',
      '',
      '### Preventative',
      '',
      '- [ ] [describe a measure that keeps it from happening again] (Owner: [insert owner], due [insert date])',
    ],
  },
  detection: {
    guidance: 'How the problem was noticed (alert, customer, chance) and how long that took.',
    body: ['[describe how it was detected]'],
  },
  'lessons-learned': {
    guidance: 'What went well, what went wrong, and where we got lucky.',
    body: ['[describe the lessons learned]'],
  },
};

/** The order of a postmortem's sections, as the common templates (Google SRE, PagerDuty, Atlassian) have them. */
const TEMPLATE_ORDER: SectionKey[] = ['summary', 'impact', 'detection', 'timeline', 'root-cause', 'resolution', 'lessons-learned', 'action-items'];

/** A front matter value to fill in: what the config allows, as a placeholder the schema rule reports until replaced. */
function fieldPlaceholder(name: string, config: ResolvedConfig): string {
  const field = config.frontMatter.fields[name];
  if (field?.enum) return `[insert ${name}: one of ${field.enum.join(', ')}]`;
  if (field?.type) return `[insert ${name} (${field.type})]`;
  return `[insert ${name}]`;
}

/** The new postmortem's Markdown (pure: the title and date come in, the text goes out). */
export function postmortemTemplate(config: ResolvedConfig, options: { title: string; date: string }): string {
  const front: Record<string, string> = { title: options.title, date: options.date };
  for (const name of config.frontMatter.required) front[name] ??= fieldPlaceholder(name, config);
  const required = [...TEMPLATE_ORDER, ...config.requiredSections].filter((k, i, all) => config.requiredSections.includes(k) && all.indexOf(k) === i);
  const lines = [
    '---',
    stringify(front, { lineWidth: 0 }).trimEnd(),
    '---',
    '',
    `# ${options.title}`,
    '',
    '<!-- Written by `postmortem new`. Replace each bracketed placeholder; `postmortem check` lists the ones left. -->',
  ];
  for (const key of required) lines.push('', `## ${sectionTitle(key)}`, '', `<!-- ${SECTIONS[key].guidance} -->`, '', ...SECTIONS[key].body);
  return lines.join('\n') + '\n';
}

/** "Payments DB: 2nd outage!" → "payments-db-2nd-outage". */
export function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|(?<!-)-+$/g, '') // lookbehind: linear on a run of hyphens
    .slice(0, 60)
    .replace(/(?<!-)-+$/, '');
  return s || 'postmortem';
}

/** The directory of the first `paths` glob that has a fixed one ("docs/postmortems/**" → docs/postmortems). */
export function defaultDirectory(config: ResolvedConfig): string {
  for (const glob of config.paths) {
    const parts = glob.replace(/^(?:\*\*\/)+/, '').split('/');
    const fixed = parts.slice(0, -1);
    const end = fixed.findIndex((p) => /[*?[\]{}!]/.test(p));
    const dir = (end < 0 ? fixed : fixed.slice(0, end)).join('/');
    if (dir) return dir;
  }
  return 'postmortems';
}

export async function newCommand(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { dir: { type: 'string' }, date: { type: 'string' }, config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    io.stderr(`postmortem new: ${errorMessage(error)}\n\n${NEW_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(NEW_USAGE);
    return 0;
  }
  const title = positionals.join(' ').replace(/\s+/g, ' ').trim();
  if (!title) {
    io.stderr(`postmortem new: expected a title\n\n${NEW_USAGE}`);
    return 2;
  }
  const date = values.date ?? (io.now ?? new Date()).toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    io.stderr(`postmortem new: unexpected --date "${date}", expected YYYY-MM-DD\n`);
    return 2;
  }
  let config;
  try {
    config = await loadConfig(io.cwd, values.config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`postmortem: config error: ${error.message}\n`);
    return 2;
  }
  const path = join(io.cwd, values.dir ?? defaultDirectory(config), `${date}-${slug(title)}.md`);
  const shown = toPosix(relative(io.cwd, path));
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, postmortemTemplate(config, { title, date }), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    io.stderr(`postmortem new: ${shown} already exists; left as it is (choose another title or --date)\n`);
    return 2;
  }
  io.stdout(`${shown}\n`);
  io.stderr(`Wrote ${shown}. Replace its [placeholders]; \`postmortem check ${shown}\` lists the ones left.\n`);
  return 0;
}
