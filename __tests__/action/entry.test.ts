/**
 * The action's entry, unit by unit: the inputs as read and validated
 * (exact values, exact messages for bad ones), the run's context from the
 * runner's environment and event payload (fork pull requests among them),
 * the event → mode choice, the table of modes with `fail-on`, and the one
 * gateway factory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { pickMode, readContext, type RunContext } from '../../src/action/context.js';
import { InputError, MODES, readInputs, type Inputs } from '../../src/action/inputs.js';
import { createGateway } from '../../src/github/connect.js';
import { CONTENT_LIMITS } from '../../src/github/pace.js';
import { failingFindings, modes } from '../../src/main.js';

/** readInputs over a fixed set of inputs; every other input is empty, as the runner gives it. */
const inputsOf = (values: Record<string, string>): Inputs => readInputs((name) => values[name] ?? '');

/** The InputError readInputs throws for these inputs. */
function inputErrorOf(values: Record<string, string>): InputError {
  try {
    inputsOf(values);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`no InputError for ${JSON.stringify(values)}`);
}

describe('readInputs', () => {
  it('gives the documented defaults when no input is set', () => {
    expect(inputsOf({})).toEqual({
      token: '',
      mode: 'auto',
      paths: [],
      config: '.github/postmortem.yml',
      configExplicit: false,
      dryRun: false,
      failOn: 'error',
      maxIssues: 50,
      identity: '',
      cacheLocation: '',
      projectToken: '',
    });
  });

  it('reads every input, trimmed and normalised', () => {
    expect(
      inputsOf({
        token: '  ghs_token  ',
        mode: ' Sync ',
        paths: 'docs/postmortems/**/*.md\n# not a glob\nincidents/*.md, archive/*.md\n',
        config: ' ops/postmortem.yml ',
        'dry-run': 'YES',
        'fail-on': 'Warning',
        'max-issues': ' 0 ',
        identity: ' pm-bot[bot] ',
        'cache-location': ' .cache/postmortem ',
        'project-token': ' ghp_project ',
      }),
    ).toEqual({
      token: 'ghs_token',
      mode: 'sync',
      paths: ['docs/postmortems/**/*.md', 'incidents/*.md', 'archive/*.md'],
      config: 'ops/postmortem.yml',
      configExplicit: true,
      dryRun: true,
      failOn: 'warning',
      maxIssues: 0,
      identity: 'pm-bot[bot]',
      cacheLocation: '.cache/postmortem',
      projectToken: 'ghp_project',
    });
  });

  it('treats the default config path, written out, as not explicit (it may be missing)', () => {
    expect(inputsOf({ config: '.github/postmortem.yml' })).toMatchObject({ config: '.github/postmortem.yml', configExplicit: false });
  });

  it.each([
    ['true', true], ['on', true], ['1', true], ['false', false], ['No', false], ['off', false], ['0', false], ['', false],
  ])('reads dry-run %j as %s', (value, expected) => {
    expect(inputsOf({ 'dry-run': value }).dryRun).toBe(expected);
  });

  it.each([
    [{ mode: 'lint' }, 'mode', 'Input `mode`: unexpected "lint", expected one of auto, check, sync, audit'],
    [{ 'fail-on': 'fatal' }, 'fail-on', 'Input `fail-on`: unexpected "fatal", expected one of error, warning, never'],
    [{ 'dry-run': 'maybe' }, 'dry-run', 'Input `dry-run`: unexpected "maybe", expected true or false'],
    [{ 'max-issues': '-1' }, 'max-issues', 'Input `max-issues`: unexpected "-1", expected a whole number of 0 or more'],
    [{ 'max-issues': '2.5' }, 'max-issues', 'Input `max-issues`: unexpected "2.5", expected a whole number of 0 or more'],
    [{ 'max-issues': 'ten' }, 'max-issues', 'Input `max-issues`: unexpected "ten", expected a whole number of 0 or more'],
  ])('rejects %j naming the input and what it accepts', (values, input, message) => {
    const error = inputErrorOf(values);
    expect(error.input).toBe(input);
    expect(error.message).toBe(message);
  });

  it('reads the runner\'s INPUT_* variables by default (as @actions/core spells them)', () => {
    vi.stubEnv('INPUT_MODE', 'audit');
    vi.stubEnv('INPUT_FAIL-ON', 'never');
    vi.stubEnv('INPUT_MAX-ISSUES', '7');
    try {
      expect(readInputs()).toMatchObject({ mode: 'audit', failOn: 'never', maxIssues: 7 });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('readContext', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pm-context-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  /** An event payload on disk, as the runner writes GITHUB_EVENT_PATH. */
  const event = (payload: unknown): string => {
    const path = join(dir, `event-${n++}.json`);
    writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload));
    return path;
  };
  const runner = {
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_SERVER_URL: 'https://github.example.com/',
    GITHUB_API_URL: 'https://github.example.com/api/v3//',
    GITHUB_WORKSPACE: '/work/web',
    RUNNER_TEMP: '/runner/tmp',
    GITHUB_RUN_ID: '4242',
  };
  const pullRequest = (head: string | null, extra: Record<string, unknown> = {}) => ({
    pull_request: { number: 7, state: 'open', merged: false, head: { sha: 'b'.repeat(40), repo: head === null ? null : { full_name: head } }, base: { repo: { full_name: 'acme/web' } }, ...extra },
    repository: { default_branch: 'main' },
  });

  it('reads a pull request from a fork as from a fork (its token is read-only)', () => {
    const ctx = readContext({ ...runner, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event(pullRequest('mallory/web')) });
    expect(ctx).toEqual({
      eventName: 'pull_request',
      owner: 'acme',
      repo: 'web',
      sha: 'a'.repeat(40),
      ref: 'refs/pull/7/merge',
      serverUrl: 'https://github.example.com',
      apiUrl: 'https://github.example.com/api/v3',
      workspace: '/work/web',
      runnerTemp: '/runner/tmp',
      runId: '4242',
      defaultBranch: 'main',
      pullRequest: { number: 7, headSha: 'b'.repeat(40), headRepo: 'mallory/web', baseRepo: 'acme/web', fromFork: true, merged: false, state: 'open' },
      push: null,
    } satisfies RunContext);
  });

  it('reads a pull request from a branch of the same repository as not from a fork', () => {
    const ctx = readContext({ ...runner, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event(pullRequest('acme/web', { state: 'closed', merged: true })) });
    expect(ctx.pullRequest).toEqual({ number: 7, headSha: 'b'.repeat(40), headRepo: 'acme/web', baseRepo: 'acme/web', fromFork: false, merged: true, state: 'closed' });
  });

  it('reads a push\'s changed and removed files, the last commit touching a file deciding which it is', () => {
    const payload = {
      repository: { default_branch: 'main' },
      commits: [
        { added: ['pm/a.md'], modified: ['pm/b.md'], removed: ['pm/c.md'] },
        { added: ['pm/c.md'], modified: [], removed: ['pm/a.md'] },
        { modified: ['pm/b.md'] },
      ],
    };
    const ctx = readContext({ ...runner, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_PATH: event(payload) });
    expect(ctx.push).toEqual({ changed: ['pm/b.md', 'pm/c.md'], removed: ['pm/a.md'] });
    expect(ctx.pullRequest).toBeNull();
    expect(ctx.defaultBranch).toBe('main');
  });

  it('falls back to GitHub.com and no payload when the runner gives none, or an unreadable one', () => {
    const bare = readContext({ GITHUB_REPOSITORY: 'acme/web', GITHUB_RUN_ID: '1', GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t' });
    expect(bare).toEqual({
      eventName: '', owner: 'acme', repo: 'web', sha: '', ref: '', serverUrl: 'https://github.com', apiUrl: 'https://api.github.com',
      workspace: '/w', runnerTemp: '/t', runId: '1', defaultBranch: null, pullRequest: null, push: null,
    });
    expect(readContext({ ...runner, GITHUB_EVENT_PATH: event('{ not json') })).toMatchObject({ defaultBranch: null, pullRequest: null, push: null });
    expect(readContext({ ...runner, GITHUB_EVENT_PATH: join(dir, 'missing.json') })).toMatchObject({ defaultBranch: null, pullRequest: null, push: null });
  });
});

describe('pickMode', () => {
  const base: RunContext = readContext({ GITHUB_REPOSITORY: 'acme/web', GITHUB_RUN_ID: '1', GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t' });
  const pr = (merged: boolean): RunContext['pullRequest'] => ({ number: 1, headSha: 'x', headRepo: 'acme/web', baseRepo: 'acme/web', fromFork: false, merged, state: merged ? 'closed' : 'open' });
  const cases: Array<[string, Partial<RunContext>, string]> = [
    ['an open pull request', { eventName: 'pull_request', pullRequest: pr(false) }, 'check'],
    ['a merged pull request', { eventName: 'pull_request', pullRequest: pr(true) }, 'sync'],
    ['a push to the default branch', { eventName: 'push', ref: 'refs/heads/main', defaultBranch: 'main' }, 'sync'],
    ['a push to another branch', { eventName: 'push', ref: 'refs/heads/fix', defaultBranch: 'main' }, 'check'],
    ['a push whose payload names no default branch', { eventName: 'push', ref: 'refs/heads/main', defaultBranch: null }, 'check'],
    ['a schedule', { eventName: 'schedule' }, 'audit'],
    ['a manual dispatch', { eventName: 'workflow_dispatch' }, 'audit'],
    ['pull_request_target', { eventName: 'pull_request_target', pullRequest: pr(true) }, 'check'],
    ['no event', { eventName: '' }, 'check'],
  ];
  it.each(cases)('auto picks for %s: %s', (_what, ctx, expected) => {
    expect(pickMode('auto', { ...base, ...ctx })).toBe(expected);
  });

  it('keeps an explicit mode whatever the event', () => {
    expect(pickMode('audit', { ...base, eventName: 'pull_request', pullRequest: pr(false) })).toBe('audit');
    expect(pickMode('check', { ...base, eventName: 'schedule' })).toBe('check');
    expect(pickMode('sync', { ...base, eventName: 'workflow_dispatch' })).toBe('sync');
  });
});

describe('the table of modes', () => {
  it('has one entry for each mode the `mode` input names, besides auto', () => {
    expect(Object.keys(modes).sort()).toEqual(MODES.filter((m) => m !== 'auto').sort());
  });

  it('fails on errors, on errors and warnings, or never, as `fail-on` says', () => {
    const findings = { errors: 2, warnings: 3 };
    expect(failingFindings(findings, 'error')).toBe(2);
    expect(failingFindings(findings, 'warning')).toBe(5);
    expect(failingFindings(findings, 'never')).toBe(0);
    expect(failingFindings({ errors: 0, warnings: 4 }, 'error')).toBe(0);
  });
});

describe('createGateway', () => {
  const log = { info: () => {}, warning: () => {} };
  const baseUrlOf = (gateway: ReturnType<typeof createGateway>) => gateway.octokit.request.endpoint.DEFAULTS.baseUrl;
  afterEach(() => vi.unstubAllEnvs());

  it('takes the base URL given, else GITHUB_API_URL, else GitHub.com', () => {
    const repo = { owner: 'acme', repo: 'web' };
    expect(baseUrlOf(createGateway({ token: 't', repo, dryRun: false, log, env: { GITHUB_API_URL: 'http://env.test' }, apiUrl: 'http://given.test' }))).toBe('http://given.test');
    expect(baseUrlOf(createGateway({ token: 't', repo, dryRun: false, log, env: { GITHUB_API_URL: 'http://env.test' } }))).toBe('http://env.test');
    expect(baseUrlOf(createGateway({ token: 't', repo, dryRun: false, log, env: {} }))).toBe('https://api.github.com');
  });

  it('sets dry-run, the content-creation budget (POSTMORTEM_CREATE_LIMITS), the longest pause and the identity in one place', () => {
    const gateway = createGateway({
      token: 't', repo: { owner: 'acme', repo: 'web' }, dryRun: true, log, env: { POSTMORTEM_CREATE_LIMITS: '5/60,50/3600' }, maxPauseMs: Number.POSITIVE_INFINITY, identity: 'pm-bot[bot]',
    });
    expect(gateway.fullName).toBe('acme/web');
    expect(gateway.options).toEqual({ dryRun: true, log, limits: [{ count: 5, windowMs: 60_000 }, { count: 50, windowMs: 3_600_000 }], maxPauseMs: Number.POSITIVE_INFINITY, identity: 'pm-bot[bot]' });
    expect(createGateway({ token: 't', repo: { owner: 'acme', repo: 'web' }, dryRun: false, log, env: {}, identity: '' }).options).toEqual({ dryRun: false, log, limits: CONTENT_LIMITS });
  });
});
