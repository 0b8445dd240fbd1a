/** The product's version; a test keeps it equal to package.json's. */
export const VERSION = '0.1.0';

declare const __POSTMORTEM_ENGINE_HASH__: string | undefined;

/**
 * What reads documents: the version and a hash of the bundled engine
 * (decode, parse, model, rules, report entry), set by scripts/bundle.mjs.
 * A content cache written by any other engine is ignored. Unbundled (the
 * tests run src/ directly) the hash is "source".
 */
export const ENGINE = `${VERSION}+${typeof __POSTMORTEM_ENGINE_HASH__ === 'string' ? __POSTMORTEM_ENGINE_HASH__ : 'source'}`;
