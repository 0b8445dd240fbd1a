/**
 * Entry point of `dist/worker.js`: one checking thread of the pool
 * (src/io/pool.ts). It receives batches of paths and answers each file,
 * in the batch's order, with its compact result (JSON text and the hash of
 * the bytes read) as soon as it is checked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache, tuneV8 } from './compile-cache.js';

enableCompileCache();
tuneV8();
const { checkOne, loadEngine } = await import('./io/pool.js');
// Started before its first batch is chosen (io/pool.ts `startWorkerEarly`): the engine loads meanwhile.
void loadEngine();
type Setup = import('./io/pool.js').WorkerSetup;
type Batch = import('./io/pool.js').WorkerBatch;
type Result = import('./io/pool.js').WorkerResult;

const setup = workerData as Setup;
const now = new Date(setup.now);

parentPort?.on('message', (batch: Batch) => {
  void (async () => {
    for (const [k, [index, path]] of batch.entries()) {
      const { hash, json } = await checkOne(setup.cwd, path, setup.config, now, setup.hash);
      parentPort!.postMessage([index, hash, json, k === batch.length - 1] satisfies Result);
    }
  })();
});
