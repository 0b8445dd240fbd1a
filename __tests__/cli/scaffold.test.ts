/**
 * `postmortem init` and `postmortem new`, run as the bundled CLI in a fresh directory:
 * they write what they say, never overwrite, and a new postmortem has nothing wrong
 * with it but its placeholders (filled in, it is clean).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fresh = () => mkdtempSync(join(tmpdir(), 'pm-scaffold-'));

interface Finding { rule: string; line: number; column: number; message: string }
function findings(dir: string, path: string): Finding[] {
  const r = cli(['check', path, '--format', 'json'], dir);
  return JSON.parse(r.stdout).files[0].findings as Finding[];
}

/** What a person writes in place of each placeholder. */
function fillIn(text: string): string {
  const times = ['14:02 UTC', '14:30 UTC', '15:10 UTC'];
  let sentence = 0;
  return text
    .replace('[insert start date, time and zone]', '2024-03-12 14:02 UTC')
    .replace('[insert end date, time and zone]', '2024-03-12 15:10 UTC')
    .replace('[insert duration]', '68 minutes')
    .replace(/\[insert time\]/g, () => times.shift()!)
    .replace(/\[insert owner\]/g, '@dana')
    .replace(/\[insert date\]/g, '2024-04-30')
    .replace(/\[insert severity: one of [^\]]+\]/, 'SEV2')
    .replace(/\[describe [^\]]+\]/g, () => `Checkout requests timed out after the pool resize, step ${++sentence}.`);
}

describe('postmortem init', () => {
  it('writes the config and one workflow (check, sync on the branch, weekly audit), then keeps them', () => {
    const dir = fresh();
    const first = cli(['init', '--dir', 'docs/postmortems', '--branch', 'trunk'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('created  .github/postmortem.yml\ncreated  .github/workflows/postmortems.yml\n');

    const config = parse(readFileSync(join(dir, '.github/postmortem.yml'), 'utf8'));
    expect(config.paths).toEqual(['docs/postmortems/**/*.md']);
    // New installs get tracking issues; the built-in default (existing configs) stays off.
    expect(config.issues).toEqual({ parent: true });
    const workflow = parse(readFileSync(join(dir, '.github/workflows/postmortems.yml'), 'utf8'));
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    expect(workflow.on.push.branches).toEqual(['trunk']);
    expect(workflow.permissions).toEqual({});
    expect(Object.fromEntries(Object.entries(workflow.jobs as Record<string, { if: string; permissions: object; steps: Array<{ with?: { mode?: string } }> }>).map(([name, job]) => [name, [job.if, job.permissions, job.steps[1].with?.mode]]))).toEqual({
      check: ["github.event_name == 'pull_request'", { contents: 'read', issues: 'read', 'pull-requests': 'write' }, 'check'],
      sync: ["github.event_name == 'push'", { contents: 'read', issues: 'write' }, 'sync'],
      audit: ["github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'", { contents: 'read', issues: 'write' }, 'audit'],
    });

    // People edit what init wrote; a second init leaves their edits alone.
    writeFileSync(join(dir, '.github/postmortem.yml'), 'paths: [incidents/*.md]\n');
    const second = cli(['init'], dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('kept     .github/postmortem.yml (it exists; not overwritten)\nkept     .github/workflows/postmortems.yml (it exists; not overwritten)\n');
    expect(readFileSync(join(dir, '.github/postmortem.yml'), 'utf8')).toBe('paths: [incidents/*.md]\n');
  });

  it('takes the checked-out branch for sync, and refuses a directory outside the repository', () => {
    const dir = fresh();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/production\n');
    expect(cli(['init'], dir).code).toBe(0);
    expect(parse(readFileSync(join(dir, '.github/workflows/postmortems.yml'), 'utf8')).on.push.branches).toEqual(['production']);
    const bad = cli(['init', '--dir', '../elsewhere'], fresh());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unexpected --dir "\.\.\/elsewhere"/);
  });
});

describe('postmortem new', () => {
  it('writes DIR/DATE-slug.md with front matter and every required section, each with guidance', () => {
    const dir = fresh();
    cli(['init'], dir);
    const r = cli(['new', 'Checkout latency: pool resize', '--date', '2024-03-12'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('postmortems/2024-03-12-checkout-latency-pool-resize.md\n');
    const text = readFileSync(join(dir, 'postmortems/2024-03-12-checkout-latency-pool-resize.md'), 'utf8');
    expect(text.startsWith('---\ntitle: "Checkout latency: pool resize"\ndate: 2024-03-12\n---\n\n# Checkout latency: pool resize\n')).toBe(true);
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Summary', '## Timeline', '## Root cause', '## Resolution', '## Action items']);
    // Each section opens with a line of guidance.
    for (const h of headings) expect(text.split(`${h}\n\n`)[1]).toMatch(/^<!-- \S.+ -->\n/);

    const report = JSON.parse(cli(['check', 'postmortems', '--format', 'json'], dir).stdout);
    expect(report.files[0].sections.filter((s: { key: string | null }) => s.key).map((s: { key: string }) => s.key)).toEqual(['summary', 'timeline', 'root-cause', 'resolution', 'action-items']);
    expect(report.files[0].actionItems.map((a: { kind: string }) => a.kind)).toEqual(['corrective', 'preventative']);
  });

  it('has nothing wrong but its placeholders: every finding sits on a placeholder, and filled in it is clean', () => {
    const dir = fresh();
    cli(['init'], dir);
    const path = cli(['new', 'Checkout latency', '--date', '2024-03-12'], dir).stdout.trim();
    const found = findings(dir, path);
    const placeholderLines = new Set(found.filter((f) => f.rule === 'placeholder-text').map((f) => f.line));
    expect(placeholderLines.size).toBeGreaterThan(10);
    // A placeholder where a time or an owner goes is also an entry without a time, an item without an owner.
    expect(found.filter((f) => !placeholderLines.has(f.line))).toEqual([]);
    expect(new Set(found.map((f) => f.rule))).toEqual(new Set(['placeholder-text', 'timeline-untimed', 'action-item-owner']));

    writeFileSync(join(dir, path), fillIn(readFileSync(join(dir, path), 'utf8')));
    expect(findings(dir, path)).toEqual([]);
  });

  it('follows the config: its sections, its required front matter (with the allowed values), its directory', () => {
    const dir = fresh();
    mkdirSync(join(dir, '.github'));
    writeFileSync(
      join(dir, '.github/postmortem.yml'),
      [
        "paths: ['ops/incidents/**/*.md']",
        'sections:',
        '  required: [summary, impact, detection, timeline, root-cause, resolution, lessons-learned, action-items]',
        'front-matter:',
        '  required: [severity, date]',
        '  fields:',
        '    severity: { enum: [SEV1, SEV2, SEV3] }',
        '    date: { type: date }',
        '',
      ].join('\n'),
    );
    const path = cli(['new', 'Élan vital — über outage', '--date', '2024-03-12'], dir).stdout.trim();
    expect(path).toBe('ops/incidents/2024-03-12-elan-vital-uber-outage.md');
    const text = readFileSync(join(dir, path), 'utf8');
    expect(parse(text.split('---\n')[1])).toEqual({ title: 'Élan vital — über outage', date: '2024-03-12', severity: '[insert severity: one of SEV1, SEV2, SEV3]' });
    expect(text.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## Summary', '## Impact', '## Detection', '## Timeline', '## Root cause', '## Resolution', '## Lessons learned', '## Action items',
    ]);
    // The severity placeholder is reported by the front matter schema (placeholders in YAML are not scanned).
    const found = findings(dir, path);
    expect(found.filter((f) => f.rule === 'front-matter-schema').map((f) => `${f.line}:${f.message}`)).toEqual([
      '4:Unexpected severity “[insert severity: one of SEV1, SEV2, SEV3]”, expected one of SEV1, SEV2, SEV3',
    ]);
    writeFileSync(join(dir, path), fillIn(text));
    expect(findings(dir, path)).toEqual([]);
  });

  it('never overwrites: the same title and date again exits 2 and leaves the file as it was', () => {
    const dir = fresh();
    const path = cli(['new', 'Outage', '--date', '2024-03-12', '--dir', 'pm'], dir).stdout.trim();
    writeFileSync(join(dir, path), '# Outage\n\nWork in progress.\n');
    const again = cli(['new', 'Outage', '--date', '2024-03-12', '--dir', 'pm'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('postmortem new: pm/2024-03-12-outage.md already exists; left as it is (choose another title or --date)\n');
    expect(readFileSync(join(dir, path), 'utf8')).toBe('# Outage\n\nWork in progress.\n');
    expect(readdirSync(join(dir, 'pm'))).toEqual(['2024-03-12-outage.md']);
    expect(cli(['new'], dir).code).toBe(2);
    expect(cli(['new', 'x', '--date', '12/03/2024'], dir).stderr).toMatch(/unexpected --date "12\/03\/2024", expected YYYY-MM-DD/);
  });
});
