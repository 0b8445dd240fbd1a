// Source patches the bundle applies to bundled dependencies, as an esbuild
// plugin: node_modules stays as installed, only dist/ differs. Each patch
// names the upstream report it stands in for. A patch whose text is no
// longer in the installed file fails the bundle (and
// __tests__/release/patches.test.ts), so an upgrade is looked at, never
// silently unpatched.
import { readFile } from 'node:fs/promises';

export const PATCHES = [
  {
    // The compile loop copies its whole context into a new object for every
    // micromark event, to vary one field (`sliceSerialize`). That copy was
    // ~14% of the CPU of a one-thread check of 600 postmortems. One object,
    // its field set per event, does the same: no bundled handler keeps
    // `this` after returning or assigns a field of it (the test checks).
    // Upstream: syntax-tree/mdast-util-from-markdown#46.
    file: 'node_modules/mdast-util-from-markdown/lib/index.js',
    find: `      if (own.call(handler, events[index][1].type)) {
        // Note: spread first, V8 has optimizations for object shape cloning.
        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);
      }`,
    replace: `      if (own.call(handler, events[index][1].type)) {
        shared.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(shared, events[index][1]);
      }`,
    // The one object, made once per document before the loop.
    findBefore: `    events = prepared;
    index = -1;
`,
    replaceBefore: `    events = prepared;
    index = -1;
    const shared = { ...context, sliceSerialize: undefined };
`,
  },
];

/** `text` with `patch` applied; throws when the patch's text is not there exactly once. */
export function applyPatch(text, patch) {
  let out = text;
  for (const [find, replace] of [[patch.findBefore, patch.replaceBefore], [patch.find, patch.replace]]) {
    if (find === undefined) continue;
    const at = out.indexOf(find);
    if (at < 0 || out.indexOf(find, at + 1) >= 0) {
      throw new Error(`${patch.file}: the text this patch replaces is ${at < 0 ? 'not there' : 'there more than once'}; the dependency changed, see scripts/patches.mjs`);
    }
    out = out.slice(0, at) + replace + out.slice(at + find.length);
  }
  return out;
}

/** The esbuild plugin that applies PATCHES to the files they name. */
export function patchesPlugin() {
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\\\//g, '[\\\\/]');
  const filter = new RegExp(`(?:${PATCHES.map((p) => escape(p.file)).join('|')})$`);
  return {
    name: 'postmortem-patches',
    setup(build) {
      build.onLoad({ filter }, async (args) => {
        const path = args.path.replace(/\\/g, '/');
        const patch = PATCHES.find((p) => path.endsWith(`/${p.file}`));
        if (!patch) return undefined;
        return { contents: applyPatch(await readFile(args.path, 'utf8'), patch), loader: 'js' };
      });
    },
  };
}
