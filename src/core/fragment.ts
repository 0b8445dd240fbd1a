/**
 * Parsing a fragment again (the Markdown an HTML block swallowed, a line read
 * again as a document) from inside the model, without the model importing
 * the parser: the rules import model helpers, and the configuration imports
 * the rules, so a static import would load remark and micromark into every
 * run, even one whose results all come from the cache and that parses
 * nothing. `core/parse.ts` registers its parser when it loads, and every
 * model is built from a tree it parsed, so the parser is there whenever a
 * model asks for a fragment.
 */
import type { Root } from 'mdast';

let parser: ((text: string) => Root) | undefined;

/** Called once by core/parse.ts as it loads. */
export function registerFragmentParser(parse: (text: string) => Root): void {
  parser = parse;
}

/** The tree of a fragment, parsed as a document is. */
export function parseFragment(text: string): Root {
  if (!parser) throw new Error('parseFragment: the Markdown parser (core/parse.ts) is not loaded');
  return parser(text);
}
