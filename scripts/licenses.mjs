// The licences of the third-party code esbuild bundles into dist/: from the build's
// metafile, every package that contributed an input file, with its name, version,
// declared licence and the text of its licence file. Written to dist/licenses.txt
// (the bundle strips the packages' own comments, so their notices travel here).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** node_modules/a/node_modules/@b/c/lib/x.js → node_modules/a/node_modules/@b/c */
function packageDir(input) {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'));
  return m ? m[1] : null;
}

const LICENCE_FILE = /^(?:licen[cs]e|copying|notice)(?:[.-].*)?$/i;

/** One entry per bundled package (name@version, deduplicated), sorted by name. */
export function bundledPackages(root, metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const dir = packageDir(input);
    if (dir) dirs.add(dir);
  }
  const byId = new Map();
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    // A nested package.json (a "type" marker in lib/) has no name: walk up to the package's own.
    if (!pkg.name) continue;
    const id = `${pkg.name}@${pkg.version}`;
    if (byId.has(id)) continue;
    const files = readdirSync(join(root, dir)).filter((f) => LICENCE_FILE.test(f)).sort();
    const texts = files.map((f) => readFileSync(join(root, dir, f), 'utf8').replace(/\r\n/g, '\n').trim());
    const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? (Array.isArray(pkg.licenses) ? pkg.licenses.map((l) => l.type).join(' OR ') : 'UNKNOWN'));
    byId.set(id, { name: pkg.name, version: pkg.version, license, repository: typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? null), texts });
  }
  return [...byId.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
}

export function licensesText(packages) {
  const rule = '-'.repeat(78);
  const head = [
    'Third-party software bundled into dist/ by esbuild (scripts/bundle.mjs), with the',
    'licence each package declares and the text of its licence file.',
    '',
    ...packages.map((p) => `  ${p.name}@${p.version}  ${p.license}`),
    '',
  ];
  const body = packages.flatMap((p) => [
    rule,
    `${p.name}@${p.version}  (${p.license})${p.repository ? `\n${p.repository}` : ''}`,
    '',
    ...(p.texts.length > 0 ? p.texts.flatMap((t) => [t, '']) : [`The package ships no licence file; its package.json declares ${p.license}.`, '']),
  ]);
  return [...head, ...body].join('\n').trimEnd() + '\n';
}
