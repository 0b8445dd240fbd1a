/**
 * Entry point of `dist/worker.js`: one checking thread of the pool
 * (src/io/pool.ts). It receives batches of paths and answers with compact
 * per-file results (JSON text and the hash of the bytes read), in the
 * batch's order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache } from './compile-cache.js';

enableCompileCache();
const { checkOne } = await import('./io/pool.js');
type Setup = import('./io/pool.js').WorkerSetup;
type Batch = import('./io/pool.js').WorkerBatch;
type Results = import('./io/pool.js').WorkerResults;

const setup = workerData as Setup;
const now = new Date(setup.now);

parentPort?.on('message', (batch: Batch) => {
  void (async () => {
    const results: Results = [];
    for (const [index, path] of batch) {
      const { hash, json } = await checkOne(setup.cwd, path, setup.config, now, setup.hash);
      results.push([index, hash, json]);
    }
    parentPort!.postMessage(results);
  })();
});
