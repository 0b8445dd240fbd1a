/** Entry point of `dist/index.js`, the action the runner starts. */
import { compileRegExpsNatively, enableCompileCache } from './compile-cache.js';

// Before the bundle's chunks are imported, so they are compiled from the cache.
enableCompileCache();
compileRegExpsNatively();
const { run } = await import('./main.js');
await run();
