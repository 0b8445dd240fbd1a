/**
 * The bundle's patches to its dependencies (scripts/patches.mjs) still
 * apply to what is installed, and change nothing a document reads as: the
 * parser bundled with them gives the same trees as the parser bundled
 * without them, on every document the tests and the shared corpus have.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
// @ts-expect-error: a plain .mjs build script without types
import { PATCHES, applyPatch, patchesPlugin } from '../../scripts/patches.mjs';

interface Patch {
  file: string;
  find: string;
  replace: string;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

async function bundledParser(dir: string, name: string, plugins: unknown[]): Promise<(text: string) => unknown> {
  const outfile = join(dir, `${name}.mjs`);
  await build({
    absWorkingDir: root,
    stdin: { contents: "export { parseMarkdownWithFullSyntax } from './src/core/parse.ts';\n", resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
    plugins: plugins as never[],
  });
  const module = await import(pathToFileURL(outfile).href);
  return module.parseMarkdownWithFullSyntax;
}

describe('patches to bundled dependencies', () => {
  it('each applies to the installed file, exactly once', () => {
    for (const patch of PATCHES as Patch[]) {
      const text = readFileSync(join(root, patch.file), 'utf8');
      const patched = applyPatch(text, patch);
      expect(patched).not.toBe(text);
      expect(patched).toContain(patch.replace);
    }
  });

  it('fails loudly when the dependency changed under it', () => {
    const [patch] = PATCHES as Patch[];
    expect(() => applyPatch('export {}\n', patch)).toThrow(/the dependency changed/);
  });

  it('no bundled mdast handler assigns a field of `this` or keeps `this` (the compile context is one object per document)', () => {
    // The packages whose handlers fromMarkdown calls: itself and its extensions (not to-markdown's serializers).
    const dirs = readdirSync(join(root, 'node_modules')).filter((d) => d === 'mdast-util-from-markdown' || d.startsWith('mdast-util-gfm') || d === 'mdast-util-frontmatter');
    const offending: string[] = [];
    for (const d of dirs) {
      for (const file of readdirSync(join(root, 'node_modules', d, 'lib')).filter((f) => f.endsWith('.js'))) {
        const text = readFileSync(join(root, 'node_modules', d, 'lib', file), 'utf8');
        // Handing `this` on to another handler for the same event (`.call(this, token)`) is fine; storing it is not.
        for (const m of text.matchAll(/this\.[A-Za-z_$][\w$]*\s*=(?!=)|=\s*this\b(?!\.)|(?<!\.call)[(,]\s*this\s*[,)]/g)) offending.push(`${d}/lib/${file}: ${m[0]}`);
      }
    }
    expect(dirs).toContain('mdast-util-from-markdown');
    expect(offending).toEqual([]);
  });

  it('the parser bundled with them reads every test and corpus document as the one bundled without them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-patches-'));
    try {
      const patched = await bundledParser(dir, 'patched', [patchesPlugin()]);
      const plain = await bundledParser(dir, 'plain', []);
      const files = [...markdownFiles(join(root, '__tests__', 'fixtures')), ...markdownFiles(join(root, 'examples')), ...markdownFiles(join(root, '..', 'shared', 'corpus'))];
      expect(files.length).toBeGreaterThan(100);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        expect(patched(text), file).toEqual(plain(text));
      }
      // The patch is in the one and not in the other.
      expect(readFileSync(join(dir, 'patched.mjs'), 'utf8')).toContain('shared.sliceSerialize = ');
      expect(readFileSync(join(dir, 'plain.mjs'), 'utf8')).not.toContain('shared.sliceSerialize = ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
