/**
 * Raw config (already parsed from YAML) to a resolved config: validated
 * with the zod schema, then settled (settle.ts: defaults, zone, rules).
 * Pure; reading the file is the adapters' job (src/io/config.ts), which
 * loads this module only when a config file exists.
 */
import * as z from 'zod/mini';
import { configSchema, type ConfigFile } from './schema.js';
import { ConfigError, settleConfig, type ResolvedConfig } from './settle.js';

export * from './settle.js';

export function resolveConfig(raw: unknown, source: string | null = null): ResolvedConfig {
  const where = source ?? 'configuration';
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? '' : '(root)');
    if (issue.code === 'unrecognized_keys') {
      const at = [...issue.path.map(String), issue.keys[0]].join('.');
      throw new ConfigError(where, at, `unknown key, expected one of ${knownKeys(issue.path.map(String))}`);
    }
    if (issue.code === 'invalid_union' && issue.path[0] === 'rules') {
      throw new ConfigError(where, key, `invalid setting ${JSON.stringify(valueAt(raw, issue.path))}, expected off, warning, error or [severity, { options }]`);
    }
    throw new ConfigError(where, key, issue.message);
  }
  const file: ConfigFile = parsed.data;
  // Settled first: its errors (zone, rules) come before a bad pattern's, as they always have.
  const resolved = settleConfig(file, source, z);
  for (const [name, field] of Object.entries(file['front-matter']?.fields ?? {})) {
    if (field.pattern !== undefined) {
      try {
        new RegExp(field.pattern, 'u');
      } catch {
        throw new ConfigError(where, `front-matter.fields.${name}.pattern`, `invalid regular expression "${field.pattern}"`);
      }
    }
  }
  return resolved;
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let value = raw;
  for (const part of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined;
  return value;
}

interface SchemaNode {
  _zod: { def: { type: string; shape?: Record<string, SchemaNode>; innerType?: SchemaNode } };
}

/** The keys allowed at a path of the config schema, for "unknown key" messages. */
function knownKeys(path: string[]): string {
  const unwrap = (node: SchemaNode | undefined) => {
    while (node && node._zod.def.innerType) node = node._zod.def.innerType;
    return node;
  };
  let node: SchemaNode | undefined = configSchema as unknown as SchemaNode;
  for (const part of path) node = unwrap(unwrap(node)?._zod.def.shape?.[part]);
  const shape = unwrap(node)?._zod.def.shape;
  return shape ? Object.keys(shape).filter((k) => k !== '$schema').join(', ') : 'a known key';
}
