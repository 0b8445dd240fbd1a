/**
 * The `yaml` library, imported on first use: a one-document `check` without
 * front matter or a config file never compiles it. Its build is CommonJS:
 * Node's import gives its exports as named exports, the bundle's (split into
 * chunks) as the default export only.
 */
type Yaml = typeof import('yaml');

export async function loadYaml(): Promise<Yaml> {
  const library = (await import('yaml')) as Yaml & { default?: Yaml };
  return library.default ?? library;
}
