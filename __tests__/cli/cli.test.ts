import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-action.js';

function cli(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('postmortem check', () => {
  it('prints linter-style lines and a summary; exit 0 with warnings only', () => {
    const r = cli(['check', 'examples/']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^examples\/2023-11-07-ddos-party\.md:16:3 +warning +Unexpected timeline entry without a time .+ {2}timeline-untimed$/);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('✖ 9 problems (0 errors, 9 warnings) in 2 files');
    expect(r.stdout).not.toContain('\u001b['); // no colour when not a TTY
  });

  it('exit 1 on errors, 2 on usage and config errors, with the key and what was expected', () => {
    expect(cli(['check', '__tests__/fixtures/corpus/087-template-dastergon-srebook-empty.md']).code).toBe(1);
    expect(cli(['lint']).code).toBe(2);
    expect(cli(['check', 'examples', '--format', 'xml']).stderr).toMatch(/unknown --format "xml", expected one of text, json, sarif/);
    const dir = mkdtempSync(join(tmpdir(), 'pm-cfg-'));
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github', 'postmortem.yml'), 'rules:\n  timeline-order: loud\n');
    const bad = cli(['check', '.'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('postmortem: config error: .github/postmortem.yml: `rules.timeline-order`: invalid setting "loud", expected off, warning, error or [severity, { options }]\n');
    writeFileSync(join(dir, 'cfg.yml'), 'timezone: Mars/Olympus\n');
    expect(cli(['check', '.', '--config', 'cfg.yml'], dir).stderr).toMatch(/`timezone`: unknown time zone "Mars\/Olympus"/);
    expect(cli(['check', '.', '--config', 'missing.yml'], dir).code).toBe(2);
  });

  it('writes the JSON report with the documented fields', () => {
    const r = cli(['check', '__tests__/fixtures/seed-postmortem.md', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    expect(Object.keys(report.files[0])).toEqual(['path', 'title', 'incident', 'sections', 'timeline', 'actionItems', 'findings']);
    expect(report.files[0].path).toBe('__tests__/fixtures/seed-postmortem.md');
    expect(report.files[0].incident).toEqual({ start: '2023-11-07T10:00:00Z', end: '2023-11-07T14:00:00Z', durationMinutes: 240, timezone: 'UTC', date: '2023-11-07' });
    expect(Object.keys(report.files[0].actionItems[0])).toEqual(['id', 'kind', 'title', 'line', 'owner', 'due', 'priority', 'done', 'issue']);
    expect(report.files[0].timeline[1]).toEqual({ line: 16, text: expect.stringMatching(/^Actions Taken:/), time: null });
    expect(report.summary).toEqual({ files: 1, errors: 0, warnings: 9, actionItems: 6 });
  });

  it('writes SARIF 2.1.0 that validates against the OASIS schema and GitHub code scanning\'s requirements', () => {
    const r = cli(['check', '__tests__/fixtures/corpus', '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema names itself with draft-04's "id"; ajv 8 wants "$id".
    if (typeof schema.id === 'string') {
      schema.$id = schema.id;
      delete schema.id;
    }
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, unicodeRegExp: false }); // the schema's language pattern is not valid with the u flag
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // What GitHub's upload needs beyond the schema: one run, rules with ids and help, results pointing at rules and regions.
    const run = sarif.runs[0];
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(run.tool.driver.rules.every((rule: { help?: { text: string } }) => rule.help?.text)).toBe(true);
    expect(run.results.length).toBeGreaterThan(50);
    for (const result of run.results) {
      expect(ids[result.ruleIndex]).toBe(result.ruleId);
      expect(result.message.text.length).toBeGreaterThan(0);
      const loc = result.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toMatch(/^__tests__\/fixtures\/corpus\/[^/]+\.md$/);
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
      expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{16}$/);
    }
  });
});
