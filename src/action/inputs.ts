/**
 * Every action input, read and validated in one place (as actions/checkout's
 * input-helper does). A bad value fails with the input's name and the
 * accepted values.
 */
import * as core from '@actions/core';

export const MODES = ['auto', 'check', 'sync', 'audit'] as const;
export const FAIL_ON = ['error', 'warning', 'never'] as const;

export type Mode = (typeof MODES)[number];
export type FailOn = (typeof FAIL_ON)[number];

export interface Inputs {
  token: string;
  mode: Mode;
  /** Globs from the `paths` input; empty means the config's globs. */
  paths: string[];
  config: string;
  /** Whether `config` was given explicitly (then it must exist). */
  configExplicit: boolean;
  dryRun: boolean;
  failOn: FailOn;
  maxIssues: number;
  /** The login the token acts as, when GitHub cannot tell (empty: ask GitHub). */
  identity: string;
  /** The content cache's file for audits (`cache-location`), relative to the workspace; empty: no cache. */
  cacheLocation: string;
  /** A token for the project board (config `project`); empty: `token`. */
  projectToken: string;
}

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input \`${input}\`: ${message}`);
    this.name = 'InputError';
  }
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  const v = (value || fallback).trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) {
    throw new InputError(name, `unexpected "${value}", expected one of ${allowed.join(', ')}`);
  }
  return v as T;
}

function bool(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new InputError(name, `unexpected "${value}", expected true or false`);
}

/** Globs, one per line or comma-separated. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !s.startsWith('#'));
}

/**
 * The `token` input, or '' for none. Runners that do not expand expressions (GitHub's
 * local-action falls back to action.yml's default as written) hand over the literal
 * `${{ github.token }}`: that is no token, and is never sent to GitHub.
 */
export function tokenFrom(value: string): string {
  const token = value.trim();
  return /^\$\{\{[^}]*\}\}$/.test(token) ? '' : token;
}

export const DEFAULT_CONFIG = '.github/postmortem.yml';

export function readInputs(get: (name: string) => string = (name) => core.getInput(name)): Inputs {
  // Not passed to core.setSecret: that prints the token (for the runner to mask), and the
  // runner already masks github.token and every secret a workflow passes in.
  const token = tokenFrom(get('token'));
  const config = get('config').trim();
  const maxIssuesText = get('max-issues').trim();
  const maxIssues = maxIssuesText === '' ? 50 : Number(maxIssuesText);
  if (!Number.isInteger(maxIssues) || maxIssues < 0) {
    throw new InputError('max-issues', `unexpected "${maxIssuesText}", expected a whole number of 0 or more`);
  }
  return {
    token,
    mode: oneOf('mode', get('mode'), MODES, 'auto'),
    paths: splitList(get('paths')),
    config: config || DEFAULT_CONFIG,
    configExplicit: config !== '' && config !== DEFAULT_CONFIG,
    dryRun: bool('dry-run', get('dry-run'), false),
    failOn: oneOf('fail-on', get('fail-on'), FAIL_ON, 'error'),
    maxIssues,
    identity: get('identity').trim(),
    cacheLocation: get('cache-location').trim(),
    projectToken: tokenFrom(get('project-token')),
  };
}
