/**
 * What lets the action run outside GitHub's own runner (local-action, other Octokit
 * copies): errors classified by HTTP status alone, and an unexpanded token expression
 * treated as no token.
 */
import { describe, expect, it } from 'vitest';
import { readInputs, tokenFrom } from '../../src/action/inputs.js';
import { writeJobSummary } from '../../src/action/summary.js';
import { isForbidden, statusOf } from '../../src/github/gateway.js';

/** An HttpError as another copy of @octokit/request-error builds it: same shape, another class. */
class ForeignHttpError extends Error {
  override name = 'HttpError';
  constructor(readonly status: number) {
    super(`Request failed with ${status}`);
  }
}

describe('statusOf', () => {
  it('reads the status of any HTTP error, whichever class built it', () => {
    expect(statusOf(new ForeignHttpError(404))).toBe(404);
    expect(statusOf(new ForeignHttpError(502))).toBe(502);
    expect(isForbidden(new ForeignHttpError(403))).toBe(true);
    expect(isForbidden(new ForeignHttpError(401))).toBe(true);
    expect(isForbidden(new ForeignHttpError(422))).toBe(false);
  });

  it('gives undefined for errors without an HTTP status (whatever their message says)', () => {
    expect(statusOf(new Error('HttpError: Not Found (404)'))).toBeUndefined();
    expect(statusOf(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBeUndefined();
    expect(statusOf({ status: '404' })).toBeUndefined();
    expect(statusOf({ status: 42 })).toBeUndefined();
    expect(statusOf(null)).toBeUndefined();
    expect(statusOf('404')).toBeUndefined();
  });
});

describe('the token input', () => {
  it('an unexpanded `${{ github.token }}` (local-action falls back to action.yml as written) is no token', () => {
    expect(tokenFrom('${{ github.token }}')).toBe('');
    expect(tokenFrom('${{secrets.PM_TOKEN}}')).toBe('');
    expect(tokenFrom('  ghp_abc123  ')).toBe('ghp_abc123');
    expect(tokenFrom('')).toBe('');
    const inputs = readInputs((name) => ({ token: '${{ github.token }}', mode: 'check' })[name] ?? '');
    expect(inputs.token).toBe('');
  });
});

describe('the job summary', () => {
  it('is skipped, not fatal, where the runner sets no GITHUB_STEP_SUMMARY (the real @actions/core throws there)', async () => {
    await expect(writeJobSummary('## Postmortem check\n', {})).resolves.toBeUndefined();
  });
});
