/**
 * Finding and reading the config file. Parsing is YAML; validation and
 * defaults are the core's (src/core/config/resolve.ts). The zod schema is
 * loaded only when a config file exists (yaml too): without one, the built-in defaults
 * (src/core/config/settle.ts) need no validation, and `check` starts faster.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, defaultConfig, type ResolvedConfig } from '../core/config/settle.js';
import { loadYaml } from './yaml.js';

export const DEFAULT_CONFIG_PATHS = ['.github/postmortem.yml', '.github/postmortem.yaml'];

/**
 * Load the config. An explicit path must exist; without one, the default
 * locations are tried and the built-in defaults used when none exists.
 */
export async function loadConfig(cwd: string, explicit?: string, required = explicit !== undefined): Promise<ResolvedConfig> {
  const candidates = explicit ? [explicit] : DEFAULT_CONFIG_PATHS;
  for (const candidate of candidates) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, candidate), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !required) continue;
      throw new ConfigError(candidate, '(file)', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}), expected a readable YAML file`);
    }
    const { parseDocument } = await loadYaml();
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const line = e.linePos?.[0]?.line ?? 1;
      throw new ConfigError(candidate, `(line ${line})`, `${e.message.split('\n')[0]}, expected valid YAML`);
    }
    const { resolveConfig } = await import('../core/config/resolve.js');
    return resolveConfig(doc.toJS({ maxAliasCount: 50 }) ?? {}, candidate);
  }
  return defaultConfig();
}
