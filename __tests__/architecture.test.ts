/**
 * ARCHITECTURE.md, enforced: every import in src/ (static, dynamic and
 * `import('…')` types) is read with TypeScript's own pre-processor and
 * checked against the layers. The core stays pure (no runtime, network, file
 * system or environment, nothing outside src/core), imports only go down the
 * layers, `@actions/*` stays in the action's adapters, and one factory
 * (src/github/connect.ts) builds every gateway.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** Every TypeScript file under src/, as a POSIX path relative to src/ ("core/engine.ts"). */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path).split(sep).join('/')] : [];
  });
}

/** The layer of a file: its folder under src/ ("core"), or the file itself at the top ("main.ts"). */
function layerOf(file: string): string {
  const slash = file.indexOf('/');
  return slash === -1 ? file : file.slice(0, slash);
}

interface Import {
  /** As written. */
  specifier: string;
  /** For a relative import, the file it names, relative to src/ ("github/gateway.ts"); null for a package. */
  target: string | null;
  line: number;
}

function importsOf(file: string, text: string): Import[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map(({ fileName, pos }) => ({
    specifier: fileName,
    target: fileName.startsWith('.') ? join(dirname(file), fileName).split(sep).join('/').replace(/\.js$/, '.ts') : null,
    line: ts.getLineAndCharacterOfPosition(ts.createSourceFile(file, text, ts.ScriptTarget.Latest), pos).line + 1,
  }));
}

const files = sourceFiles();
const imports = new Map(files.map((file) => [file, importsOf(file, readFileSync(join(SRC, file), 'utf8'))]));

/** Node's built-in modules, with and without `node:`. */
const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
/** Packages that reach the runtime, the network or the disk. */
const IO_PACKAGES = /^(@actions\/|@octokit\/|bottleneck|undici|tinyglobby)/;

/** Which layers each layer may import (its own always). The files at the top of src/ (entry points and their helpers) are not listed: they may import anything. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  render: ['core'],
  reporters: ['core'],
  github: ['core'],
  io: ['core', 'version.ts', 'compile-cache.ts'],
  sync: ['core', 'github', 'render'],
  audit: ['core', 'github', 'render', 'sync'],
  action: ['core', 'render', 'reporters', 'github', 'io', 'sync', 'audit', 'version.ts'],
  cli: ['core', 'render', 'reporters', 'github', 'io', 'sync', 'audit', 'version.ts'],
};

function violations(check: (file: string, imp: Import) => string | null, only: (file: string) => boolean = () => true): string[] {
  const found: string[] = [];
  for (const [file, list] of imports) {
    if (!only(file)) continue;
    for (const imp of list) {
      const problem = check(file, imp);
      if (problem) found.push(`src/${file}:${imp.line} imports '${imp.specifier}': ${problem}`);
    }
  }
  return found;
}

/** The files `file` reaches through relative imports (itself included), and the packages they import. */
function closureOf(file: string): { files: Set<string>; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [file];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const imp of imports.get(next) ?? []) {
      if (imp.target === null) packages.add(imp.specifier);
      else queue.push(imp.target);
    }
  }
  return { files: seen, packages };
}

describe('what a run answered by the cache loads', () => {
  it('resolving the configuration (and with it the rules and the model) never imports the Markdown parser', () => {
    // core/parse.ts registers itself with core/fragment.ts for the model's fragments: a static import of it
    // here would put remark and micromark in the bundle chunk every run loads.
    const { files: reached, packages } = closureOf('core/config/settle.ts');
    expect(reached.has('core/rules/index.ts')).toBe(true);
    expect(reached.has('core/model/structure.ts')).toBe(true);
    expect(reached.has('core/parse.ts')).toBe(false);
    expect([...packages].filter((p) => /^(unified|remark-|micromark|mdast-util-from-markdown)/.test(p))).toEqual([]);
  });
});

describe('the layers of ARCHITECTURE.md', () => {
  it('finds the source files and their imports (the scan itself works)', () => {
    expect(files).toContain('core/engine.ts');
    expect(files).toContain('main.ts');
    expect(imports.get('main.ts')!.map((i) => i.specifier)).toContain('@actions/core');
    expect(imports.get('cli.ts')!.map((i) => i.target)).toContain('cli/main.ts');
    expect(imports.get('worker.ts')!.map((i) => i.target)).toContain('io/pool.ts');
    expect(importsOf('core/x.ts', "const m = await import('../github/gateway.js');\ntype T = import('node:fs').Stats;\n")).toEqual([
      { specifier: '../github/gateway.js', target: 'github/gateway.ts', line: 1 },
      { specifier: 'node:fs', target: null, line: 2 },
    ]);
  });

  it('keeps src/core pure: nothing outside src/core, no Node built-in, no runtime or network package', () => {
    const problems = violations(
      (_file, imp) => {
        if (imp.target !== null) return imp.target.startsWith('core/') ? null : 'outside src/core';
        if (BUILTINS.has(imp.specifier) || BUILTINS.has(imp.specifier.split('/')[0])) return 'a Node built-in in the pure core';
        return IO_PACKAGES.test(imp.specifier) ? 'a runtime, network or file-system package in the pure core' : null;
      },
      (file) => layerOf(file) === 'core',
    );
    expect(problems).toEqual([]);
  });

  it('keeps the environment and the network out of src/core (no process, fetch or require)', () => {
    const problems: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === 'core')) {
      const source = ts.createSourceFile(file, readFileSync(join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node) && ['process', 'fetch', 'require', 'XMLHttpRequest', 'WebSocket'].includes(node.text)) {
          const parent = node.parent;
          const isName = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node) || ts.isPropertySignature(parent);
          if (!isName) problems.push(`src/${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} uses ${node.text}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(problems).toEqual([]);
  });

  it('imports only go down the layers', () => {
    const problems = violations((file, imp) => {
      if (imp.target === null) return null;
      const from = layerOf(file);
      const to = layerOf(imp.target);
      const allowed = ALLOWED[from];
      if (!allowed || from === to) return null;
      return allowed.includes(to) ? null : `${from} may import only ${[from, ...allowed].join(', ')}`;
    });
    expect(problems).toEqual([]);
  });

  it('uses the Actions runtime only in the action (src/main.ts, src/action) and GitHub\'s client only in src/github', () => {
    const problems = violations((file, imp) => {
      if (imp.specifier === '@actions/core') return file === 'main.ts' || layerOf(file) === 'action' ? null : 'the runtime belongs to src/main.ts and src/action';
      if (imp.specifier.startsWith('@actions/') || imp.specifier.startsWith('@octokit/')) return layerOf(file) === 'github' ? null : 'GitHub\'s client belongs to src/github';
      return null;
    });
    expect(problems).toEqual([]);
  });

  it('builds every gateway and Octokit through src/github/connect.ts', () => {
    const builders: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(SRC, file), 'utf8');
      for (const [i, line] of text.split('\n').entries()) {
        if (/\bnew GitHubGateway\(|\bcreateOctokit\(|\bgetOctokit\(/.test(line) && !/^\s*(\*|\/\/)/.test(line)) builders.push(`src/${file}:${i + 1}`);
      }
    }
    // connect.ts builds both; the gateway makes its siblings (forRepo); octokit.ts defines createOctokit over getOctokit.
    expect([...new Set(builders.map((b) => b.replace(/:\d+$/, '')))].sort()).toEqual(['src/github/connect.ts', 'src/github/gateway.ts', 'src/github/octokit.ts']);
  });
});
