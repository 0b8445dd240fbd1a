/**
 * YAML front matter with `yaml` (and TOML front matter with smol-toml). Never
 * throws: syntax errors, duplicate keys, alias bombs and unknown tags become
 * errors with document lines.
 *
 * The `yaml` library is handed in by the caller (`CheckOptions.yaml`) rather
 * than imported here: it is about a fifth of the code a one-document `check`
 * compiles, and most postmortems have no front matter, so the adapters load
 * it only for a document that may open with one (`mayOpenWithYamlFrontMatter`).
 */
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import type * as Yaml from 'yaml';
import type { Root } from 'mdast';
import type { FrontMatter } from '../types.js';
import { errorMessage } from '../strings.js';

/** More aliases than this in one front matter is refused (the "billion laughs" guard). */
const MAX_ALIASES = 50;

/** What the front matter reader uses of the `yaml` library. */
export type YamlLibrary = Pick<typeof Yaml, 'parseDocument' | 'isMap' | 'isScalar'>;

export function readFrontMatter(root: Root, yaml: YamlLibrary | undefined): FrontMatter | null {
  const node = root.children[0];
  // remark-frontmatter's `toml` node (`+++` fences, as Hugo and Zola write it; mdast's types know only `yaml`).
  const toml = node as { type: string; value?: string; position?: Root['position'] } | undefined;
  if (toml?.type === 'toml') return readToml(toml.value ?? '', toml.position?.start.line ?? 1, toml.position?.end.line ?? 1);
  if (!node || node.type !== 'yaml') return null;
  const line = node.position?.start.line ?? 1;
  const endLine = node.position?.end.line ?? line;
  // The YAML text starts on the line after the opening `---`.
  const offset = line;
  // A caller that checks a document with YAML front matter without the library has a bug: say so (the engine reports it as an internal error).
  if (!yaml) throw new Error('the yaml library was not loaded for a document with YAML front matter');
  const { parseDocument, isMap, isScalar } = yaml;
  const fm: FrontMatter = { line, endLine, errors: [], keyLines: {} };
  let doc: Yaml.Document.Parsed;
  try {
    doc = parseDocument(node.value, { uniqueKeys: true, prettyErrors: false, merge: false });
  } catch (error) {
    fm.errors.push({ message: describe(error), line, column: 1 });
    return fm;
  }
  const lineOf = lineCounter(node.value);
  for (const e of doc.errors) {
    const at = lineOf(e.pos[0]);
    fm.errors.push({ message: firstLine(e.message), line: at.line + offset, column: at.column });
  }
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const at = lineOf(w.pos[0]);
      fm.errors.push({ message: firstLine(w.message), line: at.line + offset, column: at.column });
    }
  }
  if (fm.errors.length > 0) return fm;
  if (doc.contents !== null && !isMap(doc.contents)) {
    fm.errors.push({ message: 'Unexpected front matter that is not a mapping, expected `key: value` lines', line: line + 1, column: 1 });
    return fm;
  }
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        fm.keyLines[String(pair.key.value)] = lineOf(pair.key.range[0]).line + offset;
      }
    }
  }
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
    fm.data = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch (error) {
    fm.errors.push({ message: describe(error), line: line + 1, column: 1 });
  }
  return fm;
}

const MARKDOWN_HEADING = /^#{1,6}[ \t]+\S/m;
const YAML_KEY = /^[\w-]{1,60}:(?:[ \t]|$)/m;

/**
 * A document that opens with a thematic break (`---`) and has another further
 * down looks like front matter to the parser. When that block is not YAML
 * (it does not parse), holds a Markdown heading and no `key:` line, the
 * author wrote Markdown between two rules: the text of the block, to read as
 * the document's opening, else undefined.
 */
export function markdownBetweenRules(root: Root, yaml: YamlLibrary | undefined): { text: string; line: number } | undefined {
  const node = root.children[0];
  if (!node || node.type !== 'yaml' || !MARKDOWN_HEADING.test(node.value) || YAML_KEY.test(node.value)) return undefined;
  const fm = readFrontMatter(root, yaml);
  if (!fm || fm.errors.length === 0) return undefined;
  return { text: node.value, line: node.position?.start.line ?? 1 };
}

/** TOML front matter with smol-toml: the same fields as YAML's (dates as their TOML text, like YAML's strings). */
function readToml(text: string, line: number, endLine: number): FrontMatter {
  const fm: FrontMatter = { line, endLine, errors: [], keyLines: {} };
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    const at = error instanceof TomlError ? { line: error.line + line, column: error.column } : { line, column: 1 };
    fm.errors.push({ message: `Unexpected TOML: ${describe(error).replace(/^Invalid TOML document: /, '')}, expected valid front matter`, ...at });
    return fm;
  }
  fm.data = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v instanceof TomlDate ? v.toISOString() : v]));
  // Top-level keys come before the first [table] header.
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && !/^\s{0,8}\[/.test(lines[i]); i++) {
    const key = /^\s{0,8}([A-Za-z0-9_-]{1,100})\s{0,8}=/.exec(lines[i])?.[1];
    if (key && !(key in fm.keyLines)) fm.keyLines[key] = line + 1 + i;
  }
  return fm;
}

function describe(error: unknown): string {
  const message = errorMessage(error);
  return firstLine(message);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function lineCounter(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}
