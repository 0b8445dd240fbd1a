/** Entry point of `dist/index.js`, the action the runner starts. */
import { enableCompileCache, tuneV8 } from './compile-cache.js';

// Before the bundle's chunks are imported, so they are compiled from the cache.
enableCompileCache();
tuneV8();
const { run } = await import('./main.js');
await run();
